# SPDX-License-Identifier: EUPL-1.2
"""Reads of the candidate pool. Every query that could show an entry to someone excludes what has ended
(an active entry past ``expires_at``, a proposal past ``answer_by``), so nothing expired is ever shown even
when the clean-up job is late."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from rijksportfolio.accounts.policy import PoolEntryTarget
from rijksportfolio.audit.models import AuditAction, AuditEvent
from rijksportfolio.domain import candidate_pool as rules
from rijksportfolio.matching.models import (
    PoolContact,
    PoolEntry,
    PoolEntryStatus,
    PoolOptOut,
    RankingDirection,
    RankingLog,
    ShortlistEntry,
)
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.people.models import Person

# Audit object types of the pool (never with content).
ENTRY = "candidate_pool_entry"
CONTACT = "candidate_pool_contact"
OPT_OUT = "candidate_pool_opt_out"


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def entry_state(entry: PoolEntry, *, now: datetime | None = None) -> str:
    return rules.state(
        status=entry.status, now=_now(now), answer_by=entry.answer_by, expires_at=entry.expires_at
    )


def entry_target(entry: PoolEntry, *, now: datetime | None = None) -> PoolEntryTarget:
    proposer = entry.proposed_by.person_id if entry.proposed_by is not None else None
    return PoolEntryTarget(
        person_id=entry.person_id, proposer_person_id=proposer, state=entry_state(entry, now=now)
    )


def _not_ended(now: datetime) -> Q:
    return Q(status=PoolEntryStatus.ACTIVE, expires_at__gt=now) | Q(
        status=PoolEntryStatus.PROPOSED, answer_by__gt=now
    )


def entries_active(*, now: datetime | None = None) -> QuerySet[PoolEntry]:
    """Entries other vacancy holders may find now: consented and before their end."""
    return PoolEntry.objects.filter(status=PoolEntryStatus.ACTIVE, expires_at__gt=_now(now))


def entries_of(*, person: Person, now: datetime | None = None) -> QuerySet[PoolEntry]:
    """The person's own open proposals and active entries (what has ended is not shown), newest first."""
    return (
        PoolEntry.objects.filter(_not_ended(_now(now)), person=person)
        .select_related("proposed_by__person", "opportunity__organisation")
        .order_by("-proposed_at", "-id")
    )


def entry_of(*, person: Person, pk: int, now: datetime | None = None) -> PoolEntry | None:
    """One of the person's own entries that has not ended (None: not theirs, or ended)."""
    return entries_of(person=person, now=now).filter(pk=pk).first()


def entry_get(*, pk: int, now: datetime | None = None) -> PoolEntry | None:
    """An entry that has not ended, whoever's it is (callers check the policy)."""
    return (
        PoolEntry.objects.filter(_not_ended(_now(now)), pk=pk)
        .select_related("person", "proposed_by__person", "opportunity")
        .first()
    )


def proposals_by(
    *, user: Any, opportunity: Opportunity | None = None, now: datetime | None = None
) -> QuerySet[PoolEntry]:
    """What the user proposed and has not ended (pending or active), newest first."""
    qs = PoolEntry.objects.filter(_not_ended(_now(now)), proposed_by=user)
    if opportunity is not None:
        qs = qs.filter(opportunity=opportunity)
    return qs.select_related("person", "opportunity").order_by("-proposed_at", "-id")


def candidates_of(*, opportunity: Opportunity) -> list[Person]:
    """The people who were candidates for the opportunity: on its shortlist or in one of its rankings,
    never its owner. Ordered by name."""
    ids = set(ShortlistEntry.objects.filter(opportunity=opportunity).values_list("person_id", flat=True))
    for result_ids in RankingLog.objects.filter(
        opportunity=opportunity, direction=RankingDirection.PEOPLE_FOR_OPPORTUNITY
    ).values_list("result_ids", flat=True):
        ids.update(int(pk) for pk in result_ids)
    ids.discard(opportunity.owner_id)
    return list(Person.objects.filter(pk__in=ids).order_by("last_name", "first_name", "pk"))


def was_candidate(*, opportunity: Opportunity, person: Person) -> bool:
    if person.pk == opportunity.owner_id:
        return False
    if ShortlistEntry.objects.filter(opportunity=opportunity, person=person).exists():
        return True
    return any(
        person.pk in result_ids
        for result_ids in RankingLog.objects.filter(
            opportunity=opportunity, direction=RankingDirection.PEOPLE_FOR_OPPORTUNITY
        ).values_list("result_ids", flat=True)
    )


def opted_out(*, person: Person) -> bool:
    return PoolOptOut.objects.filter(person=person).exists()


def last_contact_at(*, entry: PoolEntry, user: Any) -> datetime | None:
    """When this user last contacted the candidate of ``entry`` through any of the candidate's entries."""
    return (
        PoolContact.objects.filter(entry__person_id=entry.person_id, contacted_by=user)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def pool_events_about(*, person: Person, limit: int = 200) -> QuerySet[AuditEvent]:
    """Who saw the person in the pool (search results, an opened entry) and who contacted them: audit
    events of others about them, newest first."""
    return (
        AuditEvent.objects.filter(
            subject_person=person,
            object_type__in=(ENTRY, CONTACT),
            action__in=(AuditAction.READ, AuditAction.CREATE),
            outcome="success",
        )
        .exclude(actor__person=person)
        .exclude(action=AuditAction.CREATE, object_type=ENTRY)  # the proposal itself is shown with the entry
        .order_by("-at", "-id")[:limit]
    )


def entries_expired(*, now: datetime | None = None) -> QuerySet[PoolEntry]:
    return PoolEntry.objects.filter(status=PoolEntryStatus.ACTIVE, expires_at__lte=_now(now))


def proposals_lapsed(*, now: datetime | None = None) -> QuerySet[PoolEntry]:
    return PoolEntry.objects.filter(status=PoolEntryStatus.PROPOSED, answer_by__lte=_now(now))


def entries_to_remind(*, now: datetime | None = None) -> QuerySet[PoolEntry]:
    """Active entries ending within the reminder window whose candidate was not yet reminded."""
    now = _now(now)
    return PoolEntry.objects.filter(
        status=PoolEntryStatus.ACTIVE,
        expires_at__gt=now,
        expires_at__lte=now + timedelta(days=rules.REMINDER_DAYS),
        reminded_at__isnull=True,
    ).select_related("person")
