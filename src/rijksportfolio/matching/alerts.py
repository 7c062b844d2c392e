# SPDX-License-Identifier: EUPL-1.2
"""Alerts (opt-in, off by default; docs/matching.md "Alerts").

Two directions, both at most once per person–opportunity pair (:class:`~rijksportfolio.matching.models.MatchAlert`):

- **Kansen** — an employee who switched alerts on (:func:`alert_preference_set`) and gave matching consent is
  told about opportunities *published after* that moment which fit them at least as well as they asked
  (``min_score`` percent), scored on their own skills profile exactly as "kansen voor mij" scores it; never
  about their own opportunity. Direct (each ``matching alerts`` run) or as a weekly digest.
- **Kandidaten** — the owner of an open opportunity who switched it on (:func:`opportunity_alerts_set`) is told
  when a person *newly* fits it: someone with matching consent whose skills profile the owner may see (the
  matching index, with the owner's grants) and who scores at least ``owner_min_score``. The people who already
  fitted when alerts were switched on (or the requirements changed) are recorded as known and not announced.
  Only people whose profile changed are scored (the change log, read with its own cursor).

Delivery is done by :func:`alerts_run` — ``rijksportfolio matching alerts`` from cron or as a worker
(``--every``) — not in the request that published or changed something: scoring needs the index, and a run
groups what is due into one notification per recipient (in-app, and by e-mail after the commit through
``notifications``). Consent, visibility and the opt-ins are checked again just before sending; what no longer
holds is dropped (``vervallen``). A run is idempotent: pairs are unique, and parallel runs are serialised.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext

from rijksportfolio.accounts.models import User
from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain.changelog import ChangeCursor
from rijksportfolio.domain.matching import Filters, LiveIndex, Opportunity as Query, Requirement, Result
from rijksportfolio.matching import adapter, explain, index
from rijksportfolio.matching.models import (
    AlertDirection,
    AlertFrequency,
    AlertPreference,
    AlertStatus,
    ChangeReader,
    MatchAlert,
    OpportunityAlerts,
    ProfileChange,
)
from rijksportfolio.matching.services import ranking_enabled_for
from rijksportfolio.notifications.services import notification_send, recipient_language_active
from rijksportfolio.opportunities.constants import OpportunityKind, OpportunityStatus
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.selectors import opportunity_target
from rijksportfolio.people.selectors import person_current_employments
from rijksportfolio.portfolios.constants import SKILL_LEVEL_RANK
from rijksportfolio.portfolios.models import Portfolio

MIN_SCORE_CHOICES = (50, 60, 70, 80, 90)  # offered on the pages; the API takes 1–100
WEEK = timedelta(days=7)
MAX_ITEMS_PER_MESSAGE = 20
READER = "alerts"
CHANGES_PER_READ = 20_000
_LOCK_KEY = 4_817_302_911  # pg advisory lock of a run


# --- settings (services) ---------------------------------------------------------------------------------


def _min_score_checked(min_score: Any, errors: dict[str, list[str]], key: str = "min_score") -> int:
    try:
        value = int(min_score)
    except (TypeError, ValueError):
        value = 0
    if isinstance(min_score, bool) or not 1 <= value <= 100:
        errors[key] = [_("Kies hoe goed het moet passen: een percentage van 1 tot en met 100.")]
    return value


def alert_preference_for(*, person: Any) -> AlertPreference:
    """The person's alert setting (unsaved and off when they never chose)."""
    found = AlertPreference.objects.filter(person=person).first()
    return found if found is not None else AlertPreference(person=person)


@transaction.atomic
def alert_preference_set(
    *, actor: Any, enabled: bool, min_score: int = 70, frequency: str = AlertFrequency.DIRECT
) -> AlertPreference:
    """Switch one's own alerts about fitting opportunities on or off, with how well they must fit and how
    often. Opportunities published from the moment it is switched on are announced."""
    person = getattr(actor, "person", None)
    if person is None or not can(principal_for(actor), "matching.alerts"):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    score = _min_score_checked(min_score, errors)
    if frequency not in AlertFrequency.values:
        errors["frequency"] = [_("Kies direct of één keer per week.")]
    if errors:
        raise ValidationError(errors)
    preference = AlertPreference.objects.select_for_update().filter(person=person).first()
    preference = preference or AlertPreference(person=person)
    if enabled and not preference.enabled:
        preference.enabled_at = timezone.now()
    preference.enabled, preference.min_score, preference.frequency = bool(enabled), score, frequency
    preference.save()
    return preference


def opportunity_alerts_for(*, opportunity: Opportunity) -> OpportunityAlerts:
    found = OpportunityAlerts.objects.filter(opportunity=opportunity).first()
    return found if found is not None else OpportunityAlerts(opportunity=opportunity)


@transaction.atomic
def opportunity_alerts_set(
    *, actor: Any, opportunity: Opportunity, enabled: bool, min_score: int = 70
) -> OpportunityAlerts:
    """The owner switches alerts about newly fitting people on or off for one opportunity (not once it is
    closed). Who fits when it is switched on (or the threshold changes) is recorded as already known."""
    if not can(principal_for(actor), "opportunity.edit", opportunity_target(opportunity)):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    score = _min_score_checked(min_score, errors)
    if opportunity.status == OpportunityStatus.CLOSED:
        errors["status"] = [_("Deze kans is gesloten; meldingen over kandidaten zijn niet meer mogelijk.")]
    if errors:
        raise ValidationError(errors)
    state, _created = OpportunityAlerts.objects.select_for_update().get_or_create(opportunity=opportunity)
    if enabled and (not state.owner_enabled or state.owner_min_score != score):
        state.owner_baseline_at = None
    state.owner_enabled, state.owner_min_score = bool(enabled), score
    state.save()
    audit_record(
        actor=actor, action=AuditAction.UPDATE, object_type="opportunity_alerts", object_id=opportunity.pk,
        purpose="meldingen aan" if enabled else "meldingen uit",
    )  # fmt: skip
    return state


# --- the run (worker) ------------------------------------------------------------------------------------


@dataclass
class RunResult:
    opportunities_swept: int = 0
    changes_read: int = 0
    known_recorded: int = 0
    alerts_created: dict[str, int] = field(default_factory=lambda: {d: 0 for d in AlertDirection.values})
    notifications: int = 0
    alerts_sent: int = 0
    alerts_dropped: int = 0
    changes_pruned: int = 0
    seconds: float = 0.0
    skipped: bool = False  # another run was busy


@contextmanager
def _run_lock() -> Iterator[bool]:
    """One run at a time (PostgreSQL advisory lock; SQLite installations run one process)."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [_LOCK_KEY])
        got = bool(cursor.fetchone()[0])
    try:
        yield got
    finally:
        if got:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_LOCK_KEY])


def alerts_run(*, now: datetime | None = None) -> RunResult:
    """Find what is new, send what is due, prune the change log. Safe to run at any moment, as often as wanted."""
    started = time.perf_counter()
    result = RunResult()
    with _run_lock() as got:
        if not got:
            result.skipped = True
            return result
        now = now or timezone.now()
        _sweep_published(now, result)
        _watch_candidates(now, result)
        _deliver(now, result)
        _prune(now, result)
    result.seconds = time.perf_counter() - started
    return result


def opportunity_query(opportunity: Opportunity, *, unlocked: frozenset[int] = frozenset()) -> Query:
    """The engine's query for an opportunity: its required skills (as "kansen voor mij" and the candidate list
    ask), no filters; ``unlocked``: restricted people the asker may see."""
    return Query(
        requirements=tuple(
            Requirement(
                adapter.skill_key(r.skill_id), essential=r.essential, min_level=SKILL_LEVEL_RANK[r.min_level]
            )
            for r in opportunity.required_skills.all()
        ),
        filters=Filters(unlocked_person_ids=unlocked),
        opportunity_id=opportunity.pk,
    )


def _users_of(person_ids: Iterable[int]) -> dict[int, int]:
    """person id → id of their active account."""
    return dict(
        User.objects.filter(person_id__in=list(person_ids), is_active=True).values_list("person_id", "pk")
    )


def _new_only(alerts: list[MatchAlert]) -> int:
    """Insert the alerts whose pair has none yet (once per pair); returns how many were new."""
    if not alerts:
        return 0
    direction = alerts[0].direction
    keys = {(a.opportunity_id, a.person_id) for a in alerts}
    existing = set(
        MatchAlert.objects.filter(
            direction=direction,
            opportunity_id__in={o for o, _p in keys},
            person_id__in={p for _o, p in keys},
        ).values_list("opportunity_id", "person_id")
    )
    new = [a for a in alerts if (a.opportunity_id, a.person_id) not in existing]
    # ignore_conflicts: should another writer have inserted the same pair meanwhile, it still exists once
    MatchAlert.objects.bulk_create(new, ignore_conflicts=True, batch_size=1000)
    return len(new)


def _alert(direction: str, opportunity: Opportunity, result: Result, recipient_id: int) -> MatchAlert:
    return MatchAlert(
        direction=direction, opportunity=opportunity, person_id=result.person_id, recipient_id=recipient_id,
        score=result.score, explanation=[explain.contribution_stored(c) for c in result.contributions],
        missing=[explain.missing_stored(m) for m in result.missing],
    )  # fmt: skip


def _sweep_published(now: datetime, result: RunResult) -> None:
    """Published opportunities not yet announced → pending alerts to the employees they fit."""
    states = list(
        OpportunityAlerts.objects.filter(employees_swept_at__isnull=True, opportunity__status=OpportunityStatus.PUBLISHED)
        .select_related("opportunity")
        .prefetch_related("opportunity__required_skills")
    )  # fmt: skip
    if not states:
        return
    subscribers = {
        person_id: (min_score, enabled_at)
        for person_id, min_score, enabled_at in AlertPreference.objects.filter(
            enabled=True, person__portfolio__matching_consent=True
        ).values_list("person_id", "min_score", "enabled_at")
    }
    engine: LiveIndex | None = None
    users: dict[int, int] = {}
    if subscribers:
        # Their own profiles (every skill, as "kansen voor mij"), one index for the run.
        engine = LiveIndex.build(adapter.own_profiles(person_ids=subscribers), adapter.taxonomy_load())
        users = _users_of(subscribers)
    lowest = min((score for score, _at in subscribers.values()), default=100) / 100
    for state in states:
        opportunity = state.opportunity
        alerts = []
        if engine is not None:
            for found in engine.matches(opportunity_query(opportunity), min_score=lowest):
                min_score, enabled_at = subscribers[found.person_id]
                recipient = users.get(found.person_id)
                if (
                    found.person_id == opportunity.owner_id
                    or recipient is None
                    or found.score < min_score / 100
                    or enabled_at is None
                    or opportunity.published_at is None
                    or opportunity.published_at < enabled_at
                ):
                    continue
                alerts.append(_alert(AlertDirection.OPPORTUNITY, opportunity, found, recipient))
        with transaction.atomic():
            result.alerts_created[AlertDirection.OPPORTUNITY] += _new_only(alerts)
            OpportunityAlerts.objects.filter(pk=state.pk).update(employees_swept_at=now)
        result.opportunities_swept += 1


def _changed_people(reader: ChangeReader, result: RunResult) -> set[int]:
    """People in the change log after the reader's cursor (the cursor is moved on, saved by the caller)."""
    cursor = ChangeCursor.from_json(reader.cursor) if reader.cursor else index.cursor_now()
    people: set[int] = set()
    while True:
        rows = index.changes_after(cursor, limit=CHANGES_PER_READ)
        cursor = cursor.advance((i for i, _p in rows), now=time.time())
        people.update(p for _i, p in rows)
        result.changes_read += len(rows)
        if len(rows) < CHANGES_PER_READ:
            break
    reader.cursor = cursor.as_json()
    return people


def _watch_candidates(now: datetime, result: RunResult) -> None:
    """Owners' alerts: record who already fits (baseline), then score the people who changed."""
    reader, _created = ChangeReader.objects.get_or_create(name=READER)
    changed = _changed_people(reader, result)
    watches = list(
        OpportunityAlerts.objects.filter(owner_enabled=True, opportunity__status=OpportunityStatus.PUBLISHED)
        .select_related("opportunity")
        .prefetch_related("opportunity__required_skills")
    )
    if watches and (changed or any(w.owner_baseline_at is None for w in watches)):
        loaded = index.current()  # applies the same changes (and any later ones) first
        owners = _users_of(w.opportunity.owner_id for w in watches)
        for watch in watches:
            _watch(watch, loaded, owners.get(watch.opportunity.owner_id), changed, now, result)
    reader.save()


def _watch(
    watch: OpportunityAlerts, loaded: index.Loaded, owner_user: int | None, changed: set[int], now: datetime,
    result: RunResult,
) -> None:  # fmt: skip
    opportunity = watch.opportunity
    if owner_user is None:
        return
    unlocked = adapter.unlocked_for(searcher_person_id=opportunity.owner_id, restricted=loaded.restricted)
    query = opportunity_query(opportunity, unlocked=unlocked)
    min_score = watch.owner_min_score / 100
    if watch.owner_baseline_at is None:
        fitting = loaded.index.matches(query, min_score=min_score)
        known = [
            MatchAlert(
                direction=AlertDirection.CANDIDATE,
                opportunity=opportunity,
                person_id=r.person_id,
                recipient_id=owner_user,
                status=AlertStatus.KNOWN,
            )
            for r in fitting
            if r.person_id != opportunity.owner_id
        ]
        with transaction.atomic():
            result.known_recorded += _new_only(known)
            # unless the owner changed the threshold meanwhile (then the next run takes the baseline again)
            OpportunityAlerts.objects.filter(
                pk=watch.pk, owner_baseline_at__isnull=True, owner_min_score=watch.owner_min_score
            ).update(owner_baseline_at=now)
        return
    people = changed - {opportunity.owner_id}
    if not people:
        return
    alerts = [
        _alert(AlertDirection.CANDIDATE, opportunity, r, owner_user)
        for r in loaded.index.matches(query, min_score=min_score, person_ids=people)
    ]
    result.alerts_created[AlertDirection.CANDIDATE] += _new_only(alerts)


# --- delivery ----------------------------------------------------------------------------------------------


def _deliver(now: datetime, result: RunResult) -> None:
    pending = MatchAlert.objects.filter(status=AlertStatus.PENDING, recipient__isnull=False)
    waiting = set(  # weekly digests not due yet: nothing to send, nothing to check (checked when due)
        User.objects.filter(
            person__alert_preference__enabled=True, person__alert_preference__frequency=AlertFrequency.WEEKLY
        )
        .filter(
            Q(person__alert_preference__last_digest_at__gt=now - WEEK)
            | Q(
                person__alert_preference__last_digest_at__isnull=True,
                person__alert_preference__enabled_at__gt=now - WEEK,
            )
        )
        .values_list("pk", flat=True)
    )
    recipients = set(
        pending.filter(direction=AlertDirection.CANDIDATE).values_list("recipient_id", flat=True)
    )
    recipients |= set(
        pending.filter(direction=AlertDirection.OPPORTUNITY)
        .exclude(recipient_id__in=waiting)
        .values_list("recipient_id", flat=True)
    )
    for recipient_id in sorted(recipients):
        with transaction.atomic():
            user = User.objects.filter(pk=recipient_id).select_related("person").first()
            mine = list(
                MatchAlert.objects.select_for_update()
                .filter(recipient_id=recipient_id, status=AlertStatus.PENDING)
                .select_related("opportunity", "opportunity__organisation", "person")
                .order_by("-score", "opportunity_id", "person_id")
            )
            by_direction: dict[str, list[MatchAlert]] = defaultdict(list)
            for alert in mine:
                by_direction[alert.direction].append(alert)
            if by_direction[AlertDirection.OPPORTUNITY]:
                _deliver_opportunities(user, by_direction[AlertDirection.OPPORTUNITY], now, result)
            if by_direction[AlertDirection.CANDIDATE]:
                _deliver_candidates(user, by_direction[AlertDirection.CANDIDATE], now, result)


def _drop(alerts: Sequence[MatchAlert], result: RunResult) -> None:
    if alerts:
        MatchAlert.objects.filter(pk__in=[a.pk for a in alerts]).update(
            status=AlertStatus.DROPPED, explanation=[], missing=[]
        )
        result.alerts_dropped += len(alerts)


def _sent(alerts: Sequence[MatchAlert], notification: Any, now: datetime, result: RunResult) -> None:
    MatchAlert.objects.filter(pk__in=[a.pk for a in alerts]).update(
        status=AlertStatus.SENT, delivered_at=now, notification=notification, explanation=[], missing=[]
    )
    result.alerts_sent += len(alerts)
    result.notifications += 1


def _percent(score: float | None) -> int:
    return round((score or 0.0) * 100)


def _lines(title: str, texts: Iterable[str]) -> list[str]:
    texts = list(texts)
    return [title, *(f"- {t}" for t in texts)] if texts else []


def _labels(alerts: Sequence[MatchAlert]) -> explain.SkillLabels:
    """The labels of every skill the alerts' explanations name (one query), rendered in the recipient's
    language when the message is written."""
    ids: set[str] = set()
    for alert in alerts:
        ids |= explain.stored_skill_ids(alert.explanation, alert.missing)
    return explain.labels_for_ids(ids)


def _why(alert: MatchAlert, labels: explain.SkillLabels) -> list[str]:
    return [explain.stored_contribution_text(d, labels) for d in alert.explanation]


def _lacking(alert: MatchAlert, labels: explain.SkillLabels) -> list[str]:
    return [explain.stored_missing_text(d, labels) for d in alert.missing]


def _deliver_opportunities(user: Any, alerts: list[MatchAlert], now: datetime, result: RunResult) -> None:
    """One message with the opportunities that are due for this employee (direct, or the weekly digest)."""
    person = getattr(user, "person", None)
    preference = AlertPreference.objects.filter(person=person).first() if person is not None else None
    consent = person is not None and Portfolio.objects.filter(person=person, matching_consent=True).exists()
    if person is None or not user.is_active or preference is None or not preference.enabled or not consent:
        _drop(alerts, result)
        return
    gone = [
        a for a in alerts if a.opportunity.status != OpportunityStatus.PUBLISHED or a.person_id != person.pk
    ]
    _drop(gone, result)
    alerts = [a for a in alerts if a not in gone]
    weekly = preference.frequency == AlertFrequency.WEEKLY
    since = preference.last_digest_at or preference.enabled_at or now
    if not alerts or (weekly and now - since < WEEK):
        return
    ranked = ranking_enabled_for(_home_organisation(person))  # the employee's organisation decides
    labels = _labels(alerts)
    with recipient_language_active(user):
        subject, body = _opportunities_message(alerts, weekly=weekly, ranked=ranked, labels=labels)
    single = len(alerts) == 1
    url = (
        reverse("kansen:detail", kwargs={"pk": alerts[0].opportunity_id})
        if single
        else reverse("kansen:for_me")
    )
    notification = notification_send(
        recipient=user, kind="matching.opportunities", subject=subject, body=body, url=url
    )
    _sent(alerts, notification, now, result)
    if weekly:
        AlertPreference.objects.filter(pk=preference.pk).update(last_digest_at=now)


def _home_organisation(person: Any) -> Any:
    current = person_current_employments(person=person)
    return current[0].organisation if current else None


def _kind_label(kind: str) -> str:
    return str(OpportunityKind(kind).label) if kind in OpportunityKind.values else kind


def _opportunities_message(
    alerts: list[MatchAlert], *, weekly: bool, ranked: bool, labels: explain.SkillLabels
) -> tuple[str, str]:
    count = len(alerts)
    if count == 1:
        subject = _("Nieuwe kans die bij je past: %(title)s") % {"title": alerts[0].opportunity.title}
    elif weekly:
        subject = ngettext(
            "Weekoverzicht: %(count)s nieuwe kans die bij je past",
            "Weekoverzicht: %(count)s nieuwe kansen die bij je passen",
            count,
        ) % {"count": count}
    else:
        subject = ngettext(
            "%(count)s nieuwe kans die bij je past", "%(count)s nieuwe kansen die bij je passen", count
        ) % {"count": count}
    blocks = []
    for alert in alerts[:MAX_ITEMS_PER_MESSAGE]:
        opportunity = alert.opportunity
        facts = {
            "title": opportunity.title,
            "kind": _kind_label(opportunity.kind).lower(),
            "organisation": opportunity.organisation.name,
            "score": _percent(alert.score),
        }
        if ranked:
            head = (
                _("“%(title)s” (%(kind)s, %(organisation)s) past voor %(score)s%% bij je vaardigheden.")
                % facts
            )
        else:
            head = _("“%(title)s” (%(kind)s, %(organisation)s) past bij je vaardigheden.") % facts
        lines = [
            head,
            *_lines(_("Past bij je omdat:"), _why(alert, labels)),
            *_lines(_("Wat je nog mist:"), _lacking(alert, labels)),
        ]
        if count > 1:
            lines.append(reverse("kansen:detail", kwargs={"pk": opportunity.pk}))
        blocks.append("\n".join(lines))
    if count > MAX_ITEMS_PER_MESSAGE:
        more = count - MAX_ITEMS_PER_MESSAGE
        blocks.append(
            ngettext("En nog %(more)s andere kans: zie Kansen voor mij.", "En nog %(more)s andere kansen: zie Kansen voor mij.", more)
            % {"more": more}
        )  # fmt: skip
    blocks.append(
        _("Je krijgt dit bericht omdat je meldingen over passende kansen hebt aangezet. Aanpassen of uitzetten: %(path)s")
        % {"path": reverse("kansen:alerts")}
    )  # fmt: skip
    return subject, "\n\n".join(blocks)


def _visible_to_owner(alerts: list[MatchAlert], owner_person_id: int) -> tuple[set[int], frozenset[int]]:
    """Of the people in ``alerts``: who still consents and whose skills profile the owner may still see, and
    which of those are restricted (op aanvraag, seen through a grant)."""
    fresh = adapter.profiles_load(person_ids=sorted({a.person_id for a in alerts}))
    unlocked = adapter.unlocked_for(searcher_person_id=owner_person_id, restricted=fresh.restricted)
    visible = {
        p.person_id for p in fresh.profiles if p.person_id not in fresh.restricted or p.person_id in unlocked
    }
    return visible, fresh.restricted


def _deliver_candidates(user: Any, alerts: list[MatchAlert], now: datetime, result: RunResult) -> None:
    """One message to an owner with the people who newly fit their opportunities; every one audited."""
    if user is None or not user.is_active or user.person_id is None:
        _drop(alerts, result)
        return
    watching = set(
        OpportunityAlerts.objects.filter(
            opportunity_id__in={a.opportunity_id for a in alerts}, owner_enabled=True
        ).values_list("opportunity_id", flat=True)
    )
    visible, restricted = _visible_to_owner(alerts, user.person_id)
    keep = [
        a for a in alerts
        if a.opportunity_id in watching and a.opportunity.status == OpportunityStatus.PUBLISHED
        and a.opportunity.owner_id == user.person_id and a.person_id in visible
    ]  # fmt: skip
    _drop([a for a in alerts if a not in keep], result)
    if not keep:
        return
    ranked = {a.opportunity_id: ranking_enabled_for(a.opportunity.organisation) for a in keep}
    names = _names(a.person for a in keep)
    labels = _labels(keep)
    with recipient_language_active(user):
        subject, body = _candidates_message(keep, names, restricted, ranked, labels)
    opportunities = {a.opportunity_id for a in keep}
    url = (
        reverse("kansen:detail", kwargs={"pk": keep[0].opportunity_id})
        if len(opportunities) == 1
        else reverse("kansen:list")
    )
    notification = notification_send(
        recipient=user, kind="matching.candidates", subject=subject, body=body, url=url
    )
    for alert in keep:
        audit_record(
            actor=user, action=AuditAction.READ, object_type="matching_alert", object_id=alert.pk,
            subject_person=alert.person, purpose=f"melding: past nu bij kans {alert.opportunity_id}",
        )  # fmt: skip
    _sent(keep, notification, now, result)


def _names(people: Iterable[Any]) -> dict[int, str]:
    return {
        p.pk: " ".join(part for part in (p.first_name, p.name_prefix, p.last_name) if part) for p in people
    }


def _candidates_message(
    alerts: list[MatchAlert], names: dict[int, str], restricted: frozenset[int], ranked: dict[int, bool],
    labels: explain.SkillLabels,
) -> tuple[str, str]:  # fmt: skip
    count = len(alerts)
    if count == 1:
        subject = _("Iemand past nu bij je kans “%(title)s”") % {"title": alerts[0].opportunity.title}
    else:
        subject = ngettext(
            "%(count)s nieuwe kandidaat voor je kansen", "%(count)s nieuwe kandidaten voor je kansen", count
        ) % {"count": count}
    blocks = []
    for alert in alerts[:MAX_ITEMS_PER_MESSAGE]:
        facts = {
            "name": names[alert.person_id],
            "title": alert.opportunity.title,
            "score": _percent(alert.score),
        }
        if ranked[alert.opportunity_id]:
            lines = [_("%(name)s past nu voor %(score)s%% bij “%(title)s”.") % facts]
        else:
            lines = [_("%(name)s past nu bij “%(title)s”.") % facts]
        if alert.person_id in restricted:  # skills op aanvraag: shown on the page, not in a message
            lines.append(_("Waarom, zie je bij de kandidaten van de kans."))
        else:
            lines.extend(_lines(_("Past omdat:"), _why(alert, labels)))
        if count > 1:
            lines.append(reverse("kansen:detail", kwargs={"pk": alert.opportunity_id}))
        blocks.append("\n".join(lines))
    if count > MAX_ITEMS_PER_MESSAGE:
        more = count - MAX_ITEMS_PER_MESSAGE
        blocks.append(
            ngettext("En nog %(more)s andere kandidaat: zie je kansen.", "En nog %(more)s andere kandidaten: zie je kansen.", more)
            % {"more": more}
        )  # fmt: skip
    blocks.append(
        _("Je krijgt dit bericht omdat je meldingen over nieuwe kandidaten voor deze kans hebt aangezet; uitzetten "
          "kan op de pagina van de kans. De kandidaat heeft toestemming gegeven voor matching.")
    )  # fmt: skip
    return subject, "\n\n".join(blocks)


# --- housekeeping --------------------------------------------------------------------------------------------


def _prune(now: datetime, result: RunResult) -> None:
    """Delete change-log entries older than the retention (processes older than that rebuild in full)."""
    cutoff = now - timedelta(hours=settings.MATCHING_CHANGE_RETENTION_HOURS)
    result.changes_pruned, _details = ProfileChange.objects.filter(created_at__lt=cutoff).delete()


def alerts_received(*, person: Any, limit: int = 10) -> list[MatchAlert]:
    """The latest opportunities announced to the person (for their settings page)."""
    return list(
        MatchAlert.objects.filter(
            direction=AlertDirection.OPPORTUNITY, person=person, status=AlertStatus.SENT
        )
        .select_related("opportunity")
        .order_by("-delivered_at", "-id")[:limit]
    )
