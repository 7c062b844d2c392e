# SPDX-License-Identifier: EUPL-1.2
"""Reads of portfolios. These do NOT check who is asking: reading someone else's portfolio goes through
``portfolios.access`` (permission check and audit row in one place). Use these for the owner's own pages,
for ``access.py`` itself, and for aggregate work that never shows one person's content."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from rijksportfolio.audit.models import AuditAction, AuditEvent, AuditOutcome
from rijksportfolio.domain import visibility as rules
from rijksportfolio.people.models import Person
from rijksportfolio.people.selectors import person_current_employments
from rijksportfolio.portfolios.constants import RequestStatus, Section
from rijksportfolio.portfolios.models import (
    SECTION_FIELDS,
    AccessRequest,
    Evidence,
    Item,
    ItemCategory,
    Portfolio,
    PortfolioSkill,
)
from rijksportfolio.skills.models import OccupationSkill, Skill
from rijksportfolio.skills.selectors import by_label

AUDIT_PREFIX = "portfolio."  # + section: a read of that section
AUDIT_WHOLE = "portfolio"  # a (denied) attempt to open a whole portfolio


def portfolio_of(*, person: Person) -> Portfolio | None:
    """The person's portfolio, or ``None`` when they have not started one.

    A read: it never makes a portfolio. The owner's first use does that (``services.portfolio_ensure``);
    looking at a colleague who has none reads :func:`portfolio_or_unstarted` instead."""
    portfolio = Portfolio.objects.filter(person=person).first()
    if portfolio is not None:
        portfolio.person = person  # spare the query for the owner card
    return portfolio


def portfolio_or_unstarted(*, person: Person) -> Portfolio:
    """The person's portfolio, or an UNSAVED one with the defaults of a new portfolio (every section *alleen
    ik*, no items, no skills, no requests) when they have not started one: exactly what such a person shares.

    For the guarded reads of ``portfolios.access`` only, which treat an unsaved portfolio like a saved one with
    nothing shared and read nothing more from the database for it. Never save it and never pass it to a
    service: the owner's portfolio is made by ``services.portfolio_ensure``."""
    portfolio = portfolio_of(person=person)
    return portfolio if portfolio is not None else Portfolio(person=person)


def portfolio_needs_first_use(*, portfolio: Portfolio) -> bool:
    """True until the owner has chosen the visibility of the sections (the first-use flow)."""
    return portfolio.visibility_chosen_at is None


def section_visibilities(portfolio: Portfolio) -> dict[str, str]:
    return {section: portfolio.section_visibility(section) for section in SECTION_FIELDS}


def items_for(portfolio: Portfolio, part: str | None = None) -> list[Item]:
    """The portfolio's items (all of them: the owner's view), with category, skills and evidence loaded."""
    qs = portfolio.items.select_related("category").prefetch_related(
        Prefetch("skills", queryset=Skill.objects.order_by(by_label(), "uri")),
        Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "id")),
    )
    if part is not None:
        qs = qs.filter(part=part)
    return list(qs)


def portfolio_skills_for(portfolio: Portfolio) -> list[PortfolioSkill]:
    """The skills profile with its skill, supporting items and endorsements (endorser loaded)."""
    return list(
        portfolio.skills.select_related("skill")
        .prefetch_related("evidence_items", "endorsements__endorser")
        .order_by(by_label("skill__"), "id")
    )


def categories_active(part: str | None = None) -> QuerySet[ItemCategory]:
    """Categories new items can be made with (not retired), in display order."""
    qs = ItemCategory.objects.filter(retired_at__isnull=True)
    return qs.filter(part=part) if part is not None else qs


def categories_all() -> QuerySet[ItemCategory]:
    """Every category, retired ones included (for administrators)."""
    return ItemCategory.objects.all()


def skill_suggestions_for(*, portfolio: Portfolio, limit: int = 20) -> list[Skill]:
    """Essential ESCO skills of the person's current occupation(s) that are not in the profile yet.

    Only suggestions: nothing is ever added without the owner choosing it."""
    occupations = [
        e.occupation_id for e in person_current_employments(person=portfolio.person) if e.occupation_id
    ]
    if not occupations:
        return []
    have = portfolio.skills.values("skill_id")
    skill_ids = (
        OccupationSkill.objects.filter(occupation_id__in=occupations, relation_type="essential")
        .exclude(skill_id__in=have)
        .values("skill_id")
    )
    return list(
        Skill.objects.filter(pk__in=skill_ids, is_group=False).order_by(
            "preferred_label_nl", "preferred_label_en", "id"
        )[:limit]
    )


def skill_holders_findable(*, skill_ids: Iterable[int]) -> dict[int, int]:
    """Per skill, how many portfolios hold it where any colleague's search may find it: matching consent and a
    skills profile visible to every civil servant. An aggregate (no person), e.g. for choosing demo skills."""
    counts = (
        PortfolioSkill.objects.filter(
            skill_id__in=list(skill_ids),
            portfolio__matching_consent=True,
            portfolio__visibility_skills=rules.RIJK,
        )
        .values("skill_id")
        .annotate(holders=Count("id"))
        .values_list("skill_id", "holders")
    )
    return dict(counts)


# --- access requests and grants ----------------------------------------------------------------------------


def grant_rule(request: AccessRequest) -> rules.Grant:
    return rules.Grant(
        section=request.section,
        status=request.status,
        valid_until=request.valid_until,
        revoked_at=request.revoked_at,
    )


def grant_is_active(request: AccessRequest, *, now: datetime | None = None) -> bool:
    return rules.grant_is_active(grant_rule(request), now=now or timezone.now())


def requests_between(*, portfolio: Portfolio, requester_person: Person | None) -> list[AccessRequest]:
    """The requester's pending requests and approved grants for this portfolio (any validity)."""
    if requester_person is None:
        return []
    return list(
        AccessRequest.objects.filter(
            portfolio=portfolio,
            requester=requester_person,
            status__in=(RequestStatus.PENDING, RequestStatus.APPROVED),
        ).order_by("-requested_at", "-id")
    )


def active_grant_sections(*, portfolio: Portfolio, requester_person: Person | None) -> frozenset[str]:
    now = timezone.now()
    return rules.active_sections(
        (grant_rule(r) for r in requests_between(portfolio=portfolio, requester_person=requester_person)),
        now=now,
    )


def requests_incoming(*, owner_person: Person) -> QuerySet[AccessRequest]:
    """Requests for the owner's portfolio, newest first (all statuses; filter on ``status`` as needed)."""
    return AccessRequest.objects.filter(portfolio__person=owner_person).select_related(
        "requester", "portfolio"
    )


def requests_outgoing(*, requester_person: Person) -> QuerySet[AccessRequest]:
    """Requests the person made, newest first, with the portfolio owner loaded."""
    return AccessRequest.objects.filter(requester=requester_person).select_related("portfolio__person")


def grants_active_q(*, now: datetime | None = None) -> Q:
    """A filter on AccessRequest for grants that are active now (the same rule as ``domain.visibility``)."""
    return Q(status=RequestStatus.APPROVED, revoked_at__isnull=True, valid_until__gt=now or timezone.now())


# --- who viewed my portfolio -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PortfolioViewEntry:
    at: datetime
    actor_label: str
    actor_id: int | None
    section: str  # a Section value; "" for an attempt to open the whole portfolio
    section_label: str
    purpose: str
    outcome: str


def _section_label(section: str) -> str:
    if not section:
        return str(Portfolio._meta.verbose_name)
    try:
        return str(Section(section).label)
    except ValueError:
        return section


def portfolio_views_log(*, owner_person: Person, limit: int = 200) -> list[PortfolioViewEntry]:
    """Who looked at the owner's non-public sections: who, which section, when, with what purpose.

    Denied attempts are included (``outcome`` says so), so the owner also sees who tried."""
    events: Iterable[Any] = AuditEvent.objects.filter(
        Q(object_type__startswith=AUDIT_PREFIX) | Q(object_type=AUDIT_WHOLE),
        subject_person=owner_person,
        action=AuditAction.READ,
        outcome__in=(AuditOutcome.SUCCESS, AuditOutcome.DENIED),
    ).order_by("-at", "-id")[:limit]
    entries = []
    for event in events:
        section = event.object_type[len(AUDIT_PREFIX) :] if event.object_type != AUDIT_WHOLE else ""
        entries.append(
            PortfolioViewEntry(
                at=event.at,
                actor_label=event.actor_label,
                actor_id=event.actor_id,
                section=section,
                section_label=_section_label(section),
                purpose=event.purpose,
                outcome=event.outcome,
            )
        )
    return entries


# --- aggregates for the stuurinformatie -------------------------------------------------------------------


def skills_shared_rijk_wide_counts(*, person_ids: QuerySet[Any] | Iterable[int]) -> dict[int, int]:
    """Skill id -> the number of persons among ``person_ids`` (ids or a ``values`` subquery) whose skills
    profile is visible to the whole Rijk and holds the skill, counted by the database. Profiles kept *op
    aanvraag* or *alleen ik* are left out entirely: only what every civil servant may already see feeds the
    aggregate (docs/stuurinformatie.md "Vaardigheden"). A person has one portfolio and a portfolio a skill once
    (``portfolio_skill_unique``), so the rows of a skill are its persons."""
    return dict(
        PortfolioSkill.objects.filter(
            portfolio__person_id__in=person_ids, portfolio__visibility_skills=rules.RIJK
        )
        .order_by()
        .values("skill_id")
        .annotate(persons=Count("id"))
        .values_list("skill_id", "persons")
    )


def persons_sharing_skills_rijk_wide() -> QuerySet[Any]:
    """The persons whose skills profile is visible to the whole Rijk and holds at least one skill, as a
    ``values("person_id")`` query (each person once: one portfolio per person), for a subquery."""
    return (
        Portfolio.objects.filter(visibility_skills=rules.RIJK)
        .filter(Exists(PortfolioSkill.objects.filter(portfolio=OuterRef("pk"))))
        .order_by()
        .values("person_id")
    )
