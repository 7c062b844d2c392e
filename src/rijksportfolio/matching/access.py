# SPDX-License-Identifier: EUPL-1.2
"""Guarded reads of the fairness monitor's stored runs: the policy check (``matching.monitor_fairness`` on
the run's scope) and the audit row in one place. A run holds published aggregates only (small groups
suppressed), never person ids; reading one is audited all the same, like every look at how people fare in
the ranking."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from rijksportfolio.accounts.policy import OrganisationTarget, can, principal_for
from rijksportfolio.audit.models import AuditAction, AuditOutcome
from rijksportfolio.audit.services import audit_record
from rijksportfolio.matching.models import FairnessRun
from rijksportfolio.organisations.models import Organisation

OBJECT_TYPE = "matching_fairness_run"


def fairness_target(organisation: Organisation | None) -> OrganisationTarget:
    if organisation is None:
        return OrganisationTarget(organisation_id=None, path="")
    return OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)


def fairness_runs_list(*, user: Any, organisation: Organisation | None, limit: int = 24) -> list[FairnessRun]:
    """The latest runs for exactly this scope (None: the Rijk), newest first: the history. The list shows
    each run's summary; reading a run in full is :func:`fairness_run_get`."""
    if not can(principal_for(user), "matching.monitor_fairness", fairness_target(organisation)):
        raise PermissionDenied
    runs = FairnessRun.objects.select_related("requested_by__person", "organisation")
    if organisation is None:
        runs = runs.filter(organisation__isnull=True)
    else:
        runs = runs.filter(organisation=organisation)
    return list(runs[:limit])


def fairness_run_get(*, user: Any, pk: int) -> FairnessRun:
    """One stored run with all its published figures; audited (also a refusal). ``DoesNotExist`` when there
    is no such run."""
    run = FairnessRun.objects.select_related("requested_by__person", "organisation").get(pk=pk)
    allowed = can(principal_for(user), "matching.monitor_fairness", fairness_target(run.organisation))
    audit_record(
        actor=user,
        action=AuditAction.READ,
        object_type=OBJECT_TYPE,
        object_id=run.pk,
        purpose=run.organisation.name if run.organisation is not None else "Rijk",
        outcome=AuditOutcome.SUCCESS if allowed else AuditOutcome.DENIED,
    )
    if not allowed:
        raise PermissionDenied
    return run
