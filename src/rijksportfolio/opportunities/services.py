# SPDX-License-Identifier: EUPL-1.2
"""Every write on opportunities: create, update, set required skills, publish, close; the manager-agreement
request and decision. Keyword-only; ``ValidationError`` with Dutch messages by field on bad input;
``PermissionDenied`` when the actor may not (decided by ``accounts.policy.can``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rijksportfolio.accounts.models import User
from rijksportfolio.accounts.policy import AgreementTarget, OrganisationTarget, can, principal_for
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain import working_days
from rijksportfolio.matching.changes import matching_opportunity_changed, matching_opportunity_published
from rijksportfolio.notifications.services import notification_send, recipient_language_active
from rijksportfolio.opportunities.constants import (
    LANGUAGES,
    MAX_REQUIRED_SKILLS,
    NEEDS_AGREEMENT,
    AgreementDecision,
    OpportunityKind,
    OpportunityStatus,
    WorkMode,
)
from rijksportfolio.opportunities.models import (
    AgreementPolicy,
    ManagerAgreement,
    Opportunity,
    OpportunitySkill,
)
from rijksportfolio.opportunities.selectors import (
    agreement_working_days_for,
    manager_of,
    opportunity_target,
)
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.portfolios.constants import SkillLevel
from rijksportfolio.skills.models import Skill

EDITABLE_FIELDS = (
    "kind", "title", "description", "location", "work_mode", "hours_per_week", "start_date", "end_date",
    "scale_min", "scale_max", "languages",
)  # fmt: skip


@dataclass(frozen=True)
class RequiredSkill:
    """One required skill as the services take it."""

    skill: Skill
    essential: bool = True
    min_level: str = SkillLevel.BASIC


def _person_of(actor: Any) -> Any:
    person = getattr(actor, "person", None)
    if person is None:
        raise PermissionDenied
    return person


def _check(opportunity: Opportunity) -> None:
    errors: dict[str, list[str]] = {}
    if not opportunity.title.strip():
        errors["title"] = [_("Geef de kans een titel.")]
    if opportunity.kind not in OpportunityKind.values:
        errors["kind"] = [_("Kies een soort: vacature, project, klus of hubrol.")]
    if opportunity.work_mode not in WorkMode.values:
        errors["work_mode"] = [_("Kies op locatie, hybride of op afstand.")]
    if opportunity.hours_per_week is not None and not 1 <= opportunity.hours_per_week <= 40:
        errors["hours_per_week"] = [_("Het aantal uren per week ligt tussen 1 en 40.")]
    for name in ("scale_min", "scale_max"):
        value = getattr(opportunity, name)
        if value is not None and not 1 <= value <= 19:
            errors[name] = [_("Een salarisschaal ligt tussen 1 en 19.")]
    if (
        opportunity.scale_min is not None
        and opportunity.scale_max is not None
        and opportunity.scale_max < opportunity.scale_min
    ):
        errors["scale_max"] = [_("De hoogste schaal mag niet lager zijn dan de laagste.")]
    if opportunity.start_date and opportunity.end_date and opportunity.end_date < opportunity.start_date:
        errors["end_date"] = [_("De einddatum ligt vóór de begindatum.")]
    if (
        opportunity.work_mode != WorkMode.REMOTE
        and opportunity.location is None
        and opportunity.kind != OpportunityKind.GIG
    ):
        errors["location"] = [_("Kies een werklocatie (of kies 'op afstand').")]
    languages = opportunity.languages
    if not isinstance(languages, list) or any(code not in LANGUAGES for code in languages):
        errors["languages"] = [_("Kies talen uit de lijst.")]
    elif len(set(languages)) != len(languages):
        errors["languages"] = [_("Noem elke taal één keer.")]
    if errors:
        raise ValidationError(errors)


def _audit(actor: Any, action: str, opportunity: Opportunity, purpose: str = "") -> None:
    audit_record(
        actor=actor, action=action, object_type="opportunity", object_id=opportunity.pk, purpose=purpose
    )


def _require_owner(actor: Any, opportunity: Opportunity) -> None:
    if not can(principal_for(actor), "opportunity.edit", opportunity_target(opportunity)):
        raise PermissionDenied


@transaction.atomic
def opportunity_create(
    *,
    actor: Any,
    kind: str,
    title: str,
    organisation: Organisation,
    description: str = "",
    location: Location | None = None,
    work_mode: str = WorkMode.HYBRID,
    hours_per_week: int | None = None,
    start_date: date | None = None,
    end_date: date | None = None,
    scale_min: int | None = None,
    scale_max: int | None = None,
    languages: Sequence[str] = (),
    skills: Iterable[RequiredSkill] = (),
) -> Opportunity:
    """A new opportunity in draft, owned by the actor's person."""
    target = OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)
    if not can(principal_for(actor), "opportunity.create", target):
        raise PermissionDenied
    opportunity = Opportunity(
        kind=kind, title=title.strip(), description=description, organisation=organisation, location=location,
        work_mode=work_mode, hours_per_week=hours_per_week, start_date=start_date, end_date=end_date,
        scale_min=scale_min, scale_max=scale_max, languages=list(languages), owner=_person_of(actor),
    )  # fmt: skip
    _check(opportunity)
    opportunity.save()
    _skills_replace(opportunity, list(skills))
    _audit(actor, AuditAction.CREATE, opportunity)
    return opportunity


@transaction.atomic
def opportunity_update(*, actor: Any, opportunity: Opportunity, **fields: Any) -> Opportunity:
    """Change fields of a draft or published opportunity (owner only); a closed one stays as it was."""
    _require_owner(actor, opportunity)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if opportunity.status == OpportunityStatus.CLOSED:
        raise ValidationError({"status": [_("Een gesloten kans kan niet meer worden gewijzigd.")]})
    for name, value in fields.items():
        setattr(opportunity, name, value.strip() if name == "title" else value)
    _check(opportunity)
    opportunity.save()
    _audit(actor, AuditAction.UPDATE, opportunity)
    return opportunity


def _skills_replace(opportunity: Opportunity, skills: list[RequiredSkill]) -> None:
    errors: list[str] = []
    ids = [r.skill.pk for r in skills]
    if len(ids) != len(set(ids)):
        errors.append(_("Noem elke vaardigheid één keer."))
    if len(ids) > MAX_REQUIRED_SKILLS:
        errors.append(_("Vraag ten hoogste %(max)s vaardigheden.") % {"max": MAX_REQUIRED_SKILLS})
    if any(r.skill.is_group for r in skills):
        errors.append(_("Kies een vaardigheid, geen groep van vaardigheden."))
    if any(r.min_level not in SkillLevel.values for r in skills):
        errors.append(_("Kies een niveau: basis, gevorderd, ervaren of expert."))
    if errors:
        raise ValidationError({"skills": errors})
    opportunity.required_skills.all().delete()
    OpportunitySkill.objects.bulk_create(
        OpportunitySkill(opportunity=opportunity, skill=r.skill, essential=r.essential, min_level=r.min_level)
        for r in skills
    )


@transaction.atomic
def opportunity_skills_set(
    *, actor: Any, opportunity: Opportunity, skills: Iterable[RequiredSkill]
) -> Opportunity:
    """Replace the required skills (owner only, not once closed)."""
    _require_owner(actor, opportunity)
    if opportunity.status == OpportunityStatus.CLOSED:
        raise ValidationError({"status": [_("Een gesloten kans kan niet meer worden gewijzigd.")]})
    _skills_replace(opportunity, list(skills))
    opportunity.save(update_fields=["updated_at"])
    matching_opportunity_changed(opportunity_id=opportunity.pk)
    _audit(actor, AuditAction.UPDATE, opportunity, purpose="vaardigheden")
    return opportunity


@transaction.atomic
def opportunity_publish(*, actor: Any, opportunity: Opportunity) -> Opportunity:
    """Draft → published. Needs a description and at least one required skill."""
    _require_owner(actor, opportunity)
    if opportunity.status != OpportunityStatus.DRAFT:
        raise ValidationError({"status": [_("Alleen een concept kan worden gepubliceerd.")]})
    errors: dict[str, list[str]] = {}
    if not opportunity.description.strip():
        errors["description"] = [_("Beschrijf de kans voordat je hem publiceert.")]
    if not opportunity.required_skills.exists():
        errors["skills"] = [_("Vraag ten minste één vaardigheid voordat je publiceert.")]
    if errors:
        raise ValidationError(errors)
    opportunity.status = OpportunityStatus.PUBLISHED
    opportunity.published_at = timezone.now()
    opportunity.save(update_fields=["status", "published_at", "updated_at"])
    matching_opportunity_published(opportunity_id=opportunity.pk)
    _audit(actor, AuditAction.UPDATE, opportunity, purpose="gepubliceerd")
    return opportunity


@transaction.atomic
def opportunity_close(*, actor: Any, opportunity: Opportunity) -> Opportunity:
    """Draft or published → closed (final). Pending agreement requests stay recorded."""
    _require_owner(actor, opportunity)
    if opportunity.status == OpportunityStatus.CLOSED:
        raise ValidationError({"status": [_("Deze kans is al gesloten.")]})
    opportunity.status = OpportunityStatus.CLOSED
    opportunity.closed_at = timezone.now()
    opportunity.save(update_fields=["status", "closed_at", "updated_at"])
    _audit(actor, AuditAction.UPDATE, opportunity, purpose="gesloten")
    return opportunity


# --- manager agreement -----------------------------------------------------------------------------------


def _notify(user: User | None, kind: str, render: Any) -> None:
    if user is None:
        return
    with recipient_language_active(user):
        subject, body = render()
    notification_send(recipient=user, kind=kind, subject=subject, body=body)


@transaction.atomic
def agreement_request(
    *, actor: Any, opportunity: Opportunity, hours_per_week: int, today: date | None = None
) -> ManagerAgreement:
    """Record the actor's request to their current manager to spend ``hours_per_week`` on a published klus
    or project. The manager has the organisation's term (working days) to answer; silence after the
    deadline counts as agreement."""
    if not can(principal_for(actor), "opportunity.request_agreement", opportunity_target(opportunity)):
        raise PermissionDenied
    employee = _person_of(actor)
    if opportunity.kind not in NEEDS_AGREEMENT:
        raise ValidationError(
            {"kind": [_("Alleen voor een klus of project vraag je je leidinggevende om akkoord.")]}
        )
    if not 1 <= int(hours_per_week) <= 40:
        raise ValidationError({"hours_per_week": [_("Het aantal uren per week ligt tussen 1 en 40.")]})
    if ManagerAgreement.objects.filter(
        opportunity=opportunity, employee=employee, decision=AgreementDecision.PENDING
    ).exists():
        raise ValidationError({"opportunity": [_("Je hebt hiervoor al een verzoek lopen.")]})
    today = today or timezone.localdate()
    days = agreement_working_days_for(person=employee, on=today)
    manager_user = manager_of(person=employee, on=today)
    agreement = ManagerAgreement.objects.create(
        opportunity=opportunity,
        employee=employee,
        manager=manager_user.person if manager_user is not None else None,
        hours_per_week=int(hours_per_week),
        working_days=days,
        requested_on=today,
        deadline=working_days.agreement_deadline(today, days),
    )
    audit_record(
        actor=actor, action=AuditAction.CREATE, object_type="opportunity_agreement", object_id=agreement.pk,
        subject_person=employee,
    )  # fmt: skip

    def render() -> tuple[str, str]:
        return (
            _("Verzoek om akkoord: %(title)s") % {"title": opportunity.title},
            _("Een medewerker vraagt je akkoord om %(hours)s uur per week aan “%(title)s” te werken. "
              "Zonder antwoord op of vóór %(deadline)s geldt het verzoek als akkoord.")
            % {"hours": agreement.hours_per_week, "title": opportunity.title, "deadline": agreement.deadline.isoformat()},
        )  # fmt: skip

    _notify(manager_user, "opportunity_agreement_requested", render)
    return agreement


@transaction.atomic
def agreement_decide(
    *, actor: Any, agreement: ManagerAgreement, agree: bool, note: str = "", today: date | None = None
) -> ManagerAgreement:
    """The recorded manager answers, until the end of the deadline day. After it, silence already counts
    as agreement and the request cannot be refused any more."""
    target = AgreementTarget(employee_person_id=agreement.employee_id, manager_person_id=agreement.manager_id)
    if not can(principal_for(actor), "opportunity.decide_agreement", target):
        raise PermissionDenied
    today = today or timezone.localdate()
    state = working_days.agreement_state(
        decision=agreement.decision, deadline=agreement.deadline, today=today
    )
    if state != working_days.PENDING:
        raise ValidationError(
            {"decision": [_("Over dit verzoek is al beslist of de termijn is verstreken.")]}
        )
    note = note.strip()
    if len(note) > 300:
        raise ValidationError({"note": [_("De toelichting is te lang (ten hoogste 300 tekens).")]})
    if not agree and not note:
        raise ValidationError({"note": [_("Geef een reden als je niet akkoord gaat.")]})
    agreement.decision = AgreementDecision.AGREED if agree else AgreementDecision.REFUSED
    agreement.decided_at = timezone.now()
    agreement.note = note
    agreement.save(update_fields=["decision", "decided_at", "note"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, object_type="opportunity_agreement", object_id=agreement.pk,
        subject_person=agreement.employee, purpose=agreement.decision,
    )  # fmt: skip
    employee_user = User.objects.filter(person=agreement.employee, is_active=True).first()
    title = agreement.opportunity.title

    def render() -> tuple[str, str]:
        if agree:
            return _("Je leidinggevende gaat akkoord: %(title)s") % {"title": title}, note
        return _("Je leidinggevende gaat niet akkoord: %(title)s") % {"title": title}, note

    _notify(employee_user, "opportunity_agreement_decided", render)
    return agreement


@transaction.atomic
def agreement_policy_set(
    *, actor: Any, organisation: Organisation, working_days_count: int
) -> AgreementPolicy:
    """An organisation's own term (1–60 working days) for its whole subtree."""
    target = OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)
    if not can(principal_for(actor), "matching.configure", target):
        raise PermissionDenied
    if not 1 <= int(working_days_count) <= working_days.MAX_AGREEMENT_DAYS:
        raise ValidationError(
            {
                "working_days": [
                    _("De termijn ligt tussen 1 en %(max)s werkdagen.")
                    % {"max": working_days.MAX_AGREEMENT_DAYS}
                ]
            }
        )
    policy, _created = AgreementPolicy.objects.update_or_create(
        organisation=organisation, defaults={"working_days": int(working_days_count)}
    )
    audit_record(
        actor=actor, action=AuditAction.UPDATE, object_type="agreement_policy", object_id=organisation.pk
    )
    return policy


@transaction.atomic
def opportunity_delete(*, actor: Any, opportunity: Opportunity) -> None:
    """Delete a draft (owner only); once published an opportunity is closed, never deleted."""
    _require_owner(actor, opportunity)
    if opportunity.status != OpportunityStatus.DRAFT:
        raise ValidationError({"status": [_("Alleen een concept kan worden verwijderd; sluit deze kans.")]})
    _audit(actor, AuditAction.DELETE, opportunity)
    opportunity.delete()
