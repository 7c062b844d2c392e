# SPDX-License-Identifier: EUPL-1.2
"""Writes of the candidate pool, one function per use case.

- :func:`pool_propose` — the owner of an opportunity proposes a candidate who was not hired (with a note);
- :func:`pool_consent` / :func:`pool_decline` — the candidate answers (only consent makes the entry visible);
- :func:`pool_withdraw` — the candidate ends their participation at any time (the entry is deleted);
- :func:`pool_period_set` — the candidate changes the end (1–12 months from now);
- :func:`pool_proposal_cancel` — the proposer takes back an unanswered proposal;
- :func:`pool_opt_out_set` — the person does (not) want to be proposed;
- :func:`pool_contact` — a vacancy holder contacts a pool member (a human action, logged);
- :func:`pool_expire` — the clean-up job: deletes ended entries, reminds before the end.

Deleting an entry removes its note; the audit trail keeps who did what when, never the note or a message.
Notifications tell what happened and link to the page; they never carry the note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from rijksportfolio.accounts.models import User
from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain import candidate_pool as rules
from rijksportfolio.matching.candidate_pool import selectors
from rijksportfolio.matching.candidate_pool.selectors import CONTACT, ENTRY, OPT_OUT
from rijksportfolio.matching.models import PoolContact, PoolEntry, PoolEntryStatus, PoolOptOut
from rijksportfolio.notifications.services import notification_send, recipient_language_active
from rijksportfolio.opportunities.constants import OpportunityStatus
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.selectors import opportunity_target
from rijksportfolio.people.models import Person

KIND_PROPOSED = "kandidatenpool_voordracht"
KIND_CANCELLED = "kandidatenpool_voordracht_ingetrokken"
KIND_CONTACT = "kandidatenpool_contact"
KIND_REMINDER = "kandidatenpool_herinnering"
KIND_ENDED = "kandidatenpool_verlopen"


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _user_of(person: Person) -> User | None:
    return User.objects.filter(person=person, is_active=True).first()


def _date(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y")


def _notify(person: Person, kind: str, url: str, render: Callable[[], tuple[str, str]]) -> None:
    """Notify the person's login (if any) in their language; ``render`` gives (subject, body)."""
    user = _user_of(person)
    if user is None:
        return
    with recipient_language_active(user):
        subject, body = render()
    notification_send(recipient=user, kind=kind, subject=subject, body=body, url=url)


def _require(actor: Any, action: str, entry: PoolEntry, now: datetime) -> None:
    if not can(principal_for(actor), action, selectors.entry_target(entry, now=now)):
        raise PermissionDenied


def _audit(actor: Any, action: str, entry: PoolEntry, purpose: str, object_type: str = ENTRY) -> None:
    audit_record(
        actor=actor, action=action, object_type=object_type, object_id=entry.pk, subject_person=entry.person,
        purpose=purpose,
    )  # fmt: skip


def _name(user: Any) -> str:
    person = getattr(user, "person", None)
    return person.full_name if person is not None else str(user.get_username())


def _check_text(value: str, *, field: str, required: str, too_long: str, limit: int) -> str:
    value = value.strip()
    if not value:
        raise ValidationError({field: [required]})
    if len(value) > limit:
        raise ValidationError({field: [too_long % {"max": limit}]})
    return value


def _months(months: Any) -> int:
    try:
        return rules.check_months(months)
    except rules.PeriodError:
        raise ValidationError(
            {
                "months": [
                    _("Kies een periode van %(min)s tot en met %(max)s maanden.")
                    % {"min": rules.MIN_MONTHS, "max": rules.MAX_MONTHS}
                ]
            }
        ) from None


def _delete(entry: PoolEntry, *, actor: Any, purpose: str) -> None:
    """Delete the entry with its note and contacts; the audit row keeps only who, when and why."""
    _audit(actor, AuditAction.DELETE, entry, purpose)
    entry.delete()


# --- the vacancy holder --------------------------------------------------------------------------------------


@transaction.atomic
def pool_propose(
    *, actor: Any, opportunity: Opportunity, person: Person, note: str, now: datetime | None = None
) -> PoolEntry:
    """Propose a candidate of one's own (published or closed) opportunity for the pool. The candidate is
    asked for consent; until they give it nobody else sees the proposal."""
    now = _now(now)
    if not can(principal_for(actor), "candidate_pool.propose", opportunity_target(opportunity)):
        raise PermissionDenied
    note = _check_text(
        note, field="note", limit=rules.NOTE_MAX_CHARS,
        required=_("Schrijf op waarvoor deze kandidaat geschikt is."),
        too_long=_("De toelichting is te lang (ten hoogste %(max)s tekens)."),
    )  # fmt: skip
    if not selectors.was_candidate(opportunity=opportunity, person=person):
        raise ValidationError(
            {"person": [_("Je kunt alleen iemand voordragen die kandidaat was voor deze kans.")]}
        )
    if selectors.opted_out(person=person):
        raise ValidationError(
            {"person": [_("Deze medewerker wil niet worden voorgedragen voor de kandidatenpool.")]}
        )
    if _user_of(person) is None:
        raise ValidationError(
            {"person": [_("Deze medewerker heeft geen account en kan dus geen toestemming geven.")]}
        )
    existing = PoolEntry.objects.select_for_update().filter(person=person, opportunity=opportunity).first()
    if existing is not None:
        state = selectors.entry_state(existing, now=now)
        if state in (rules.STATE_PROPOSED, rules.STATE_ACTIVE):
            raise ValidationError({"person": [_("Je hebt deze kandidaat vanuit deze kans al voorgedragen.")]})
        _delete(existing, actor=None, purpose=_ended_purpose(state))  # ended, not yet cleaned up
    try:
        with transaction.atomic():
            entry = PoolEntry.objects.create(
                person=person, opportunity=opportunity, proposed_by=actor, note=note, proposed_at=now,
                answer_by=rules.answer_by(proposed_at=now),
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError(
            {"person": [_("Je hebt deze kandidaat vanuit deze kans al voorgedragen.")]}
        ) from None
    _audit(actor, AuditAction.CREATE, entry, "voorgedragen voor de kandidatenpool")
    proposer = _name(actor)
    _notify(
        person, KIND_PROPOSED, reverse("kandidatenpool:answer", args=[entry.pk]),
        lambda: (
            _("Je bent voorgedragen voor de kandidatenpool van het Rijk"),
            _(
                "%(proposer)s vindt je geschikt voor ander werk bij het Rijk en wil je voordragen voor de "
                "Rijksbrede kandidatenpool. Jij beslist: zonder jouw toestemming ziet niemand anders deze "
                "voordracht. Lees wat er wordt gedeeld en geef je antwoord uiterlijk %(date)s."
            ) % {"proposer": proposer, "date": _date(entry.answer_by)},
        ),
    )  # fmt: skip
    return entry


@transaction.atomic
def pool_proposal_cancel(*, actor: Any, entry: PoolEntry, now: datetime | None = None) -> None:
    """The proposer takes back a proposal the candidate has not answered yet."""
    now = _now(now)
    _require(actor, "candidate_pool.cancel", entry, now)
    person = entry.person
    _delete(entry, actor=actor, purpose="voordracht ingetrokken door de voordrager")
    _notify(
        person, KIND_CANCELLED, reverse("kandidatenpool:mine"),
        lambda: (
            _("Een voordracht voor de kandidatenpool is ingetrokken"),
            _("%(proposer)s heeft de voordracht ingetrokken. Er is niets gedeeld en de toelichting is verwijderd.")
            % {"proposer": _name(actor)},
        ),
    )  # fmt: skip


# --- the candidate -------------------------------------------------------------------------------------------


@transaction.atomic
def pool_consent(
    *, actor: Any, entry: PoolEntry, months: int = rules.DEFAULT_MONTHS, now: datetime | None = None
) -> PoolEntry:
    """The candidate's explicit consent: from now on other vacancy holders can find them, until the end of
    the period they chose (1–12 months)."""
    now = _now(now)
    _require(actor, "candidate_pool.respond", entry, now)
    months = _months(months)
    state = selectors.entry_state(entry, now=now)
    if state == rules.STATE_ACTIVE:
        raise ValidationError(
            {"status": [_("Je doet al mee met de kandidatenpool. Je kunt de einddatum aanpassen.")]}
        )
    if state != rules.STATE_PROPOSED:
        raise ValidationError({"status": [_("Deze voordracht is verlopen. Er is niets gedeeld.")]})
    entry.status = PoolEntryStatus.ACTIVE
    entry.consented_at = now
    entry.months = months
    entry.expires_at = rules.expires_at(start=now, months=months)
    entry.reminded_at = None
    entry.save(update_fields=["status", "consented_at", "months", "expires_at", "reminded_at"])
    _audit(actor, AuditAction.UPDATE, entry, f"toestemming gegeven voor {months} maanden")
    return entry


@transaction.atomic
def pool_decline(
    *, actor: Any, entry: PoolEntry, no_more_proposals: bool = False, now: datetime | None = None
) -> None:
    """The candidate says no: the proposal and its note are deleted; nobody else ever saw it."""
    now = _now(now)
    _require(actor, "candidate_pool.respond", entry, now)
    if selectors.entry_state(entry, now=now) == rules.STATE_ACTIVE:
        raise ValidationError({"status": [_("Je doet al mee. Trek je toestemming in om te stoppen.")]})
    _delete(entry, actor=actor, purpose="voordracht geweigerd")
    if no_more_proposals:
        _opt_out(actor, True)


@transaction.atomic
def pool_withdraw(
    *, actor: Any, entry: PoolEntry, no_more_proposals: bool = False, now: datetime | None = None
) -> None:
    """The candidate withdraws their consent: the entry is deleted at once and no longer found."""
    now = _now(now)
    _require(actor, "candidate_pool.respond", entry, now)
    if selectors.entry_state(entry, now=now) == rules.STATE_PROPOSED:
        _delete(entry, actor=actor, purpose="voordracht geweigerd")
    else:
        _delete(entry, actor=actor, purpose="toestemming ingetrokken")
    if no_more_proposals:
        _opt_out(actor, True)


@transaction.atomic
def pool_period_set(*, actor: Any, entry: PoolEntry, months: int, now: datetime | None = None) -> PoolEntry:
    """The candidate sets a new end: ``months`` whole months from now (shorter or longer, at most 12)."""
    now = _now(now)
    _require(actor, "candidate_pool.respond", entry, now)
    months = _months(months)
    if selectors.entry_state(entry, now=now) != rules.STATE_ACTIVE:
        raise ValidationError({"status": [_("Alleen een lopende deelname kun je verlengen of inkorten.")]})
    entry.months = months
    entry.expires_at = rules.expires_at(start=now, months=months)
    entry.reminded_at = None
    entry.save(update_fields=["months", "expires_at", "reminded_at"])
    _audit(actor, AuditAction.UPDATE, entry, f"einddatum aangepast: {months} maanden vanaf nu")
    return entry


def _opt_out(actor: Any, opted_out: bool) -> None:
    person = actor.person
    if opted_out:
        PoolOptOut.objects.get_or_create(person=person)
    else:
        PoolOptOut.objects.filter(person=person).delete()
    audit_record(
        actor=actor, action=AuditAction.UPDATE, object_type=OPT_OUT, object_id=person.pk, subject_person=person,
        purpose="geen voordrachten meer" if opted_out else "voordrachten weer toegestaan",
    )  # fmt: skip


@transaction.atomic
def pool_opt_out_set(*, actor: Any, opted_out: bool) -> bool:
    """Whether the actor may be proposed for the pool (their own choice; pending proposals stay until they
    answer them)."""
    if getattr(actor, "person", None) is None or not principal_for(actor).is_civil_servant:
        raise PermissionDenied
    if opted_out != selectors.opted_out(person=actor.person):
        _opt_out(actor, opted_out)
    return opted_out


# --- other vacancy holders -----------------------------------------------------------------------------------


@transaction.atomic
def pool_contact(
    *, actor: Any, entry: PoolEntry, message: str, opportunity: Opportunity | None = None,
    now: datetime | None = None,
) -> PoolContact:  # fmt: skip
    """A vacancy holder contacts a pool member: the candidate gets the message (in the app and by e-mail)
    with the sender's name and e-mail address; the pool records that it happened, not the message."""
    now = _now(now)
    _require(actor, "candidate_pool.contact", entry, now)
    message = _check_text(
        message, field="message", limit=rules.MESSAGE_MAX_CHARS,
        required=_("Schrijf een bericht aan de kandidaat."),
        too_long=_("Het bericht is te lang (ten hoogste %(max)s tekens)."),
    )  # fmt: skip
    if opportunity is not None and (
        opportunity.owner_id != getattr(actor, "person_id", None)
        or opportunity.status != OpportunityStatus.PUBLISHED
    ):
        raise ValidationError({"opportunity": [_("Kies een gepubliceerde kans van jezelf.")]})
    last = selectors.last_contact_at(entry=entry, user=actor)
    if not rules.may_contact_again(last_contact_at=last, now=now):
        assert last is not None
        raise ValidationError(
            {
                "message": [
                    _("Je hebt deze kandidaat op %(date)s al benaderd. Wacht op een reactie.")
                    % {"date": _date(last)}
                ]
            }
        )
    contact = PoolContact.objects.create(
        entry=entry, contacted_by=actor, opportunity=opportunity, created_at=now
    )
    _audit(
        actor, AuditAction.CREATE, entry, f"benaderd via de kandidatenpool (kans {opportunity.pk})" if opportunity
        else "benaderd via de kandidatenpool", object_type=CONTACT,
    )  # fmt: skip
    sender = _name(actor)
    sender_email = getattr(getattr(actor, "person", None), "email", "") or actor.email
    url = (
        reverse("kansen:detail", args=[opportunity.pk])
        if opportunity is not None
        else reverse("kandidatenpool:mine")
    )

    def render() -> tuple[str, str]:
        lines = [message]
        if opportunity is not None:
            lines.append(_("Het gaat om: %(title)s") % {"title": opportunity.title})
        if sender_email:
            lines.append(_("Reageren kan per e-mail aan %(email)s.") % {"email": sender_email})
        lines.append(_("Je kreeg dit bericht omdat je meedoet met de kandidatenpool van het Rijk."))
        return _("%(name)s wil contact met je via de kandidatenpool") % {"name": sender}, "\n\n".join(lines)

    _notify(entry.person, KIND_CONTACT, url, render)
    return contact


# --- the clean-up job ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolExpiry:
    expired: int  # active entries past their end, deleted
    lapsed: int  # unanswered proposals past their answer date, deleted
    reminded: int  # candidates reminded that their entry ends soon


def _ended_purpose(state: str) -> str:
    if state == rules.STATE_LAPSED:
        return "voordracht niet beantwoord: vervallen en verwijderd"
    return "verlopen: automatisch verwijderd"


def _ended_text(end: datetime) -> tuple[str, str]:
    return _("Je deelname aan de kandidatenpool is afgelopen"), _(
        "De periode waarvoor je toestemming gaf, liep af op %(date)s. Je staat niet meer in de kandidatenpool en "
        "de toelichting is verwijderd."
    ) % {"date": _date(end)}


def _reminder_text(end: datetime) -> tuple[str, str]:
    return _("Je deelname aan de kandidatenpool loopt bijna af"), _(
        "Je staat in de kandidatenpool tot %(date)s. Wil je langer gevonden worden, verleng dan je deelname. Doe "
        "je niets, dan word je op die dag uit de pool verwijderd."
    ) % {"date": _date(end)}


def pool_expire(*, now: datetime | None = None) -> PoolExpiry:
    """Delete every entry whose end (or answer date) has passed and remind candidates whose entry ends
    within :data:`~rijksportfolio.domain.candidate_pool.REMINDER_DAYS`. Idempotent; safe to run often
    (``rijksportfolio matching pool-expire`` from cron). Rows locked by a concurrent run are skipped."""
    now = _now(now)
    expired = lapsed = reminded = 0
    with transaction.atomic():
        for entry in (
            selectors.entries_expired(now=now)
            .select_related("person")
            .select_for_update(skip_locked=True, of=("self",))
        ):
            person, end = entry.person, entry.expires_at
            _delete(entry, actor=None, purpose=_ended_purpose(rules.STATE_EXPIRED))
            expired += 1
            assert end is not None
            _notify(person, KIND_ENDED, reverse("kandidatenpool:mine"), partial(_ended_text, end))
    with transaction.atomic():
        for entry in (
            selectors.proposals_lapsed(now=now)
            .select_related("person")
            .select_for_update(skip_locked=True, of=("self",))
        ):
            _delete(entry, actor=None, purpose=_ended_purpose(rules.STATE_LAPSED))
            lapsed += 1
    with transaction.atomic():
        for entry in selectors.entries_to_remind(now=now).select_for_update(skip_locked=True, of=("self",)):
            entry.reminded_at = now
            entry.save(update_fields=["reminded_at"])
            reminded += 1
            end = entry.expires_at
            assert end is not None
            _notify(entry.person, KIND_REMINDER, reverse("kandidatenpool:mine"), partial(_reminder_text, end))
    return PoolExpiry(expired=expired, lapsed=lapsed, reminded=reminded)
