# SPDX-License-Identifier: EUPL-1.2
"""Writes of the workforce app: keeping the analytical store current, and comply-or-explain for secondments."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import close_old_connections, transaction
from django.utils.translation import gettext as _

from rijksportfolio.people.constants import ContractType
from rijksportfolio.people.models import Employment
from rijksportfolio.workforce import store
from rijksportfolio.workforce.models import SecondmentExplanation, StoreChange

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
    record, _created = SecondmentExplanation.objects.update_or_create(
        employment_id=employment.pk,
        defaults={
            "explanation": text,
            "planned_end": planned_end,
            "explained_by": actor if getattr(actor, "pk", None) else None,
        },
    )
    return record
