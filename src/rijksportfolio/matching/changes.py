# SPDX-License-Identifier: EUPL-1.2
"""What the write services tell matching — explicitly, no signals (docs/matching.md, "Freshness").

- :func:`matching_inputs_changed` — people whose portfolio, skills profile, items, visibility, consent, work
  location or employment changed. Written as :class:`~rijksportfolio.matching.models.ProfileChange` rows in
  the caller's transaction (so a rolled-back change leaves nothing, and writers never wait for each other on
  one counter row); every process applies those people to its index before its next search.
- :func:`matching_rebuild_requested` — a change that touches everyone (taxonomy load, bulk load, a batch larger
  than ``RPF_MATCHING_OVERLAY_MAX``): every process rebuilds its index in full before its next search.
- :func:`matching_opportunity_published`, :func:`matching_opportunity_changed` — for the alerts: a published
  opportunity is announced to employees by the next ``matching alerts`` run; changed requirements make the
  owner's "already known" candidates be recorded again.

This module imports nothing but the matching models, so every app's services can call it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import F

from rijksportfolio.matching.models import IndexVersion, OpportunityAlerts, ProfileChange


def matching_inputs_changed(*, person_ids: Iterable[int]) -> None:
    """Record that what matching sees of these people changed (in the caller's transaction)."""
    ids = sorted({int(pk) for pk in person_ids})
    if not ids:
        return
    if len(ids) > settings.MATCHING_OVERLAY_MAX:
        matching_rebuild_requested()
        return
    ProfileChange.objects.bulk_create([ProfileChange(person_id=pk) for pk in ids], batch_size=1000)


def matching_rebuild_requested() -> None:
    """Make every process rebuild its matching index in full (in the caller's transaction)."""
    if not IndexVersion.objects.filter(pk=1).update(version=F("version") + 1):
        IndexVersion.objects.get_or_create(pk=1, defaults={"version": 1})


def matching_opportunity_published(*, opportunity_id: int) -> None:
    """A freshly published opportunity: to be announced to the employees it fits (``matching alerts``)."""
    OpportunityAlerts.objects.update_or_create(
        opportunity_id=opportunity_id, defaults={"employees_swept_at": None}
    )


def matching_opportunity_changed(*, opportunity_id: int) -> None:
    """An opportunity's requirements changed: the owner's baseline of known candidates is taken again, so that
    only people who fit *after* the change are announced as new."""
    OpportunityAlerts.objects.filter(opportunity_id=opportunity_id).update(owner_baseline_at=None)
