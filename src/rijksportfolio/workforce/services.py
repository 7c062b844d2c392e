# SPDX-License-Identifier: EUPL-1.2
"""Writes of the workforce app: keeping the analytical store current, comply-or-explain for secondments, an
organisation's diversity goals and ICT formation places."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from rijksportfolio.accounts.policy import OrganisationTarget, ScenarioTarget, can, principal_for
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain.analytics.mpp import MAX_GROWTH_PCT, MAX_HORIZON
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.constants import ContractType, JobFamily, WorkType
from rijksportfolio.people.models import Employment
from rijksportfolio.workforce import store
from rijksportfolio.workforce.models import (
    DiversityGoal,
    DiversityGroup,
    IctFormation,
    SecondmentExplanation,
    StoreChange,
    WorkforcePlanScenario,
)

log = logging.getLogger(__name__)
_pending = threading.Event()
_worker_lock = threading.Lock()
_worker: threading.Thread | None = None


def store_refresh(*, full: bool = False, wait: bool = True) -> store.RefreshResult | None:
    """Refresh the analytical store in full or for the changed partitions (``workforce.store.refresh``)."""
    return store.refresh(full=full, wait=wait)


def _background_loop() -> None:
    global _worker
    try:
        while _pending.is_set():
            _pending.clear()
            try:
                store.refresh(wait=True, build_file=False)
            except Exception:  # a failed refresh leaves the changes queued for the next one or for cron
                log.exception("incremental refresh of the analytical store failed")
            finally:
                close_old_connections()
    finally:
        with _worker_lock:
            _worker = None
        if _pending.is_set():  # a change arrived while the thread was finishing
            _start_worker()


def _start_worker() -> None:
    global _worker
    with _worker_lock:
        if _worker is None:
            _worker = threading.Thread(target=_background_loop, name="rpf-analytics-refresh", daemon=True)
            _worker.start()


def _refresh_after_change() -> None:
    mode = settings.ANALYTICS_REFRESH
    if mode == "inline":
        store.refresh(wait=True, build_file=False)
    elif mode == "background":
        _pending.set()
        _start_worker()


def store_changed(*, person_ids: Iterable[int]) -> None:
    """Called by every write service that changes persons or their employment records (explicitly: no
    signals). Queues the persons for the analytical store in the same transaction and, after the commit,
    refreshes their partitions as ``RPF_ANALYTICS_REFRESH`` says. Nothing is lost when the refresh fails or is
    off: the queue is emptied only by a refresh that wrote the changes (or by ``workforce refresh`` from cron)."""
    ids = sorted({int(pk) for pk in person_ids})
    if not ids:
        return
    StoreChange.objects.bulk_create([StoreChange(person_id=pk) for pk in ids], batch_size=1000)
    transaction.on_commit(_refresh_after_change)


@transaction.atomic
def secondment_explain(
    *, actor: Any, employment: Employment, explanation: str, planned_end: date | None = None
) -> SecondmentExplanation:
    """Record (or replace) the organisation's explanation of a secondment running past one year."""
    if employment.contract_type != ContractType.SECONDMENT:
        raise ValidationError({"employment": [_("Dit dienstverband is geen detachering.")]})
    text = explanation.strip()
    if not text:
        raise ValidationError({"explanation": [_("Geef een toelichting.")]})
    if len(text) > EXPLANATION_MAX:
        raise ValidationError(
            {
                "explanation": [
                    _("De toelichting mag ten hoogste %(max)s tekens hebben.") % {"max": EXPLANATION_MAX}
                ]
            }
        )
    if planned_end is not None and planned_end < employment.start_date:
        raise ValidationError(
            {"planned_end": [_("De verwachte einddatum ligt vóór het begin van de detachering.")]}
        )
    record, created = SecondmentExplanation.objects.update_or_create(
        employment_id=employment.pk,
        defaults={
            "explanation": text,
            "planned_end": planned_end,
            "explained_by": actor if getattr(actor, "pk", None) else None,
        },
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        object_type="workforce_secondment_explanation",
        object_id=employment.pk,
        subject_person=employment.person,
    )
    return record


EXPLANATION_MAX = 4000
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years a goal or a formation can be set for


def _year(value: Any, field: str) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            {
                field: [
                    _("Geef een jaar van %(first)s tot en met %(last)s.")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR}
                ]
            }
        )
    return year


def _decimal(value: Any, field: str, *, low: Decimal, high: Decimal, message: str) -> Decimal:
    try:
        number = Decimal(str(value)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: [message]}) from None
    if not number.is_finite() or not low <= number <= high:
        raise ValidationError({field: [message]})
    return number


def _note(note: str) -> str:
    text = (note or "").strip()
    if len(text) > EXPLANATION_MAX:
        raise ValidationError(
            {"note": [_("De toelichting mag ten hoogste %(max)s tekens hebben.") % {"max": EXPLANATION_MAX}]}
        )
    return text


@transaction.atomic
def diversity_goal_set(
    *,
    actor: Any,
    organisation: Organisation,
    group: str,
    target_pct: Any,
    start_year: Any,
    target_year: Any,
    note: str = "",
) -> DiversityGoal:
    """Set (or replace) the organisation's goal for the women's share in ``group`` by ``target_year``. One goal
    per organisation, group and target year: setting it again changes it."""
    if group not in DiversityGroup.values:
        raise ValidationError({"group": [_("Kies een groep.")]})
    pct = _decimal(
        target_pct,
        "target_pct",
        low=Decimal(0),
        high=Decimal(100),
        message=_("Geef een percentage van 0 tot en met 100."),
    )
    start = _year(start_year, "start_year")
    target = _year(target_year, "target_year")
    if target < start:
        raise ValidationError({"target_year": [_("Het doeljaar ligt vóór het beginjaar.")]})
    goal, created = DiversityGoal.objects.update_or_create(
        organisation=organisation,
        group=group,
        target_year=target,
        defaults={
            "target_pct": pct,
            "start_year": start,
            "note": _note(note),
            "set_by": actor if getattr(actor, "pk", None) else None,
        },
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        object_type="workforce_diversity_goal",
        object_id=goal.pk,
    )
    return goal


@transaction.atomic
def diversity_goal_delete(*, actor: Any, goal: DiversityGoal) -> None:
    pk = goal.pk
    goal.delete()
    audit_record(actor=actor, action=AuditAction.DELETE, object_type="workforce_diversity_goal", object_id=pk)


@transaction.atomic
def ict_formation_set(
    *, actor: Any, organisation: Organisation, year: Any, fte: Any, note: str = ""
) -> IctFormation:
    """Set (or replace) the ICT formation places (FTE) of the organisation's subtree in ``year``."""
    places = _decimal(
        fte,
        "fte",
        low=Decimal(0),
        high=Decimal("999999.9"),
        message=_("Geef de formatie in fte: een getal van 0 tot 1.000.000, met hoogstens één decimaal."),
    )
    formation, created = IctFormation.objects.update_or_create(
        organisation=organisation,
        year=_year(year, "year"),
        defaults={
            "fte": places,
            "note": _note(note),
            "set_by": actor if getattr(actor, "pk", None) else None,
        },
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        object_type="workforce_ict_formation",
        object_id=formation.pk,
    )
    return formation


@transaction.atomic
def ict_formation_delete(*, actor: Any, formation: IctFormation) -> None:
    pk = formation.pk
    formation.delete()
    audit_record(actor=actor, action=AuditAction.DELETE, object_type="workforce_ict_formation", object_id=pk)


# --- MPP scenarios ---------------------------------------------------------------------------------------

SCENARIO_AUDIT = "workforce_plan_scenario"


def scenario_target(scenario: WorkforcePlanScenario) -> ScenarioTarget:
    organisation = scenario.organisation
    return ScenarioTarget(owner_user_id=scenario.owner_id, path=organisation.path if organisation else "")


def _organisation_target(organisation: Organisation | None) -> OrganisationTarget:
    if organisation is None:
        return OrganisationTarget(organisation_id=None, path="")
    return OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)


def _percentages(
    values: dict[str, Any],
    allowed: list[str],
    low: float,
    high: float,
    field: str,
    errors: dict[str, list[str]],
) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, raw in values.items():
        if key not in allowed:
            errors.setdefault(field, []).append(_("Onbekende sleutel: %(sleutel)s.") % {"sleutel": key})
            continue
        if raw is None or raw == "":
            continue
        try:
            value = float(raw)
        except (TypeError, ValueError):
            errors.setdefault(field, []).append(_("Geef een getal (%(sleutel)s).") % {"sleutel": key})
            continue
        if not low <= value <= high:
            errors.setdefault(field, []).append(
                _("%(sleutel)s: geef een percentage van %(laag)s tot en met %(hoog)s.")
                % {"sleutel": key, "laag": f"{low:g}", "hoog": f"{high:g}"}
            )
            continue
        out[key] = round(value, 2)
    return out


def scenario_clean(
    *,
    name: str,
    description: str = "",
    organisation: Organisation | None,
    job_family: str = "",
    horizon_years: int = MAX_HORIZON,
    growth_pct: float = 0.0,
    growth_by_family: dict[str, Any] | None = None,
    technology_pct: dict[str, Any] | None = None,
    exclude_pk: int | None = None,
) -> dict[str, Any]:
    """The scenario's fields checked (Dutch messages per field, all at once, as a ``ValidationError``) and
    normalised: names trimmed, percentages rounded to two decimals, empty per-family growth left out."""
    errors: dict[str, list[str]] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = [_("Geef het scenario een naam.")]
    elif len(name) > 120:
        errors["name"] = [_("Gebruik hoogstens 120 tekens.")]
    elif (
        WorkforcePlanScenario.objects.annotate(lower=Lower("name"))
        .filter(lower=name.lower(), organisation=organisation)
        .exclude(pk=exclude_pk or 0)
        .exists()
    ):
        errors["name"] = [_("Er is al een scenario met deze naam voor deze organisatie.")]
    if job_family and job_family not in JobFamily.values:
        errors["job_family"] = [_("Onbekende functiefamilie.")]
    if not isinstance(horizon_years, int) or not 1 <= horizon_years <= MAX_HORIZON:
        errors["horizon_years"] = [
            _("Kies een horizon van 1 tot en met %(max)s jaar.") % {"max": MAX_HORIZON}
        ]
    try:
        growth = float(growth_pct)
    except (TypeError, ValueError):
        growth = 0.0
        errors["growth_pct"] = [_("Geef een getal.")]
    if not -MAX_GROWTH_PCT <= growth <= MAX_GROWTH_PCT:
        errors["growth_pct"] = [
            _("Geef een groei (of krimp, negatief) van hoogstens %(max)s%% per jaar.")
            % {"max": f"{MAX_GROWTH_PCT:g}"}
        ]
    by_family = _percentages(
        growth_by_family or {},
        list(JobFamily.values),
        -MAX_GROWTH_PCT,
        MAX_GROWTH_PCT,
        "growth_by_family",
        errors,
    )
    technology = _percentages(
        technology_pct or {}, list(WorkType.values), 0.0, 100.0, "technology_pct", errors
    )
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "description": (description or "").strip(),
        "organisation": organisation,
        "job_family": job_family or "",
        "horizon_years": horizon_years,
        "growth_pct": round(growth, 2),
        "growth_by_family": by_family,
        "technology_pct": {k: v for k, v in technology.items() if v},
    }


@transaction.atomic
def scenario_create(*, actor: Any, organisation: Organisation | None, **fields: Any) -> WorkforcePlanScenario:
    """Save a demand scenario for the organisation's subtree (None: the Rijk); ``fields`` as ``scenario_clean``.
    Policy ``mpp.create``; audited."""
    if not can(principal_for(actor), "mpp.create", _organisation_target(organisation)):
        raise PermissionDenied
    data = scenario_clean(organisation=organisation, **fields)
    scenario = WorkforcePlanScenario.objects.create(
        owner=actor if getattr(actor, "pk", None) else None, **data
    )
    audit_record(actor=actor, action=AuditAction.CREATE, object_type=SCENARIO_AUDIT, object_id=scenario.pk)
    return scenario


@transaction.atomic
def scenario_update(*, actor: Any, scenario: WorkforcePlanScenario, **fields: Any) -> WorkforcePlanScenario:
    """Change a saved scenario (policy ``mpp.change``); ``fields`` as ``scenario_clean``, the organisation
    included (the actor must also be allowed to plan for the new one). Fields not given keep their value."""
    if not can(principal_for(actor), "mpp.change", scenario_target(scenario)):
        raise PermissionDenied
    current = {
        "name": scenario.name,
        "description": scenario.description,
        "organisation": scenario.organisation,
        "job_family": scenario.job_family,
        "horizon_years": scenario.horizon_years,
        "growth_pct": scenario.growth_pct,
        "growth_by_family": scenario.growth_by_family,
        "technology_pct": scenario.technology_pct,
    }
    unknown = set(fields) - set(current)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    data = scenario_clean(**{**current, **fields}, exclude_pk=scenario.pk)
    if data["organisation"] != scenario.organisation and not can(
        principal_for(actor), "mpp.create", _organisation_target(data["organisation"])
    ):
        raise PermissionDenied
    for key, value in data.items():
        setattr(scenario, key, value)
    scenario.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, object_type=SCENARIO_AUDIT, object_id=scenario.pk)
    return scenario


@transaction.atomic
def scenario_delete(*, actor: Any, scenario: WorkforcePlanScenario) -> None:
    """Delete a saved scenario (policy ``mpp.change``); audited."""
    if not can(principal_for(actor), "mpp.change", scenario_target(scenario)):
        raise PermissionDenied
    pk = scenario.pk
    scenario.delete()
    audit_record(actor=actor, action=AuditAction.DELETE, object_type=SCENARIO_AUDIT, object_id=pk)
