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
from django.core.exceptions import ValidationError
from django.db import close_old_connections, transaction
from django.utils.translation import gettext as _

from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.constants import ContractType
from rijksportfolio.people.models import Employment
from rijksportfolio.workforce import store
from rijksportfolio.workforce.models import (
    DiversityGoal,
    DiversityGroup,
    IctFormation,
    SecondmentExplanation,
    StoreChange,
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
