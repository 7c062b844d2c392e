# SPDX-License-Identifier: EUPL-1.2
"""Guarded reads of the fairness monitor's stored runs: the policy check (``matching.monitor_fairness`` on
the run's scope) and the audit row in one place. A run holds published aggregates only (small groups
suppressed), never person ids; reading one is audited all the same, like every look at how people fare in
the ranking."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.policy import OrganisationTarget, Principal, can, principal_for
from rijksportfolio.audit.models import AuditAction, AuditOutcome
from rijksportfolio.audit.services import audit_record
from rijksportfolio.matching.models import FairnessRun
from rijksportfolio.organisations.models import Organisation

OBJECT_TYPE = "matching_fairness_run"


def fairness_target(organisation: Organisation | None) -> OrganisationTarget:
    if organisation is None:
        return OrganisationTarget(organisation_id=None, path="")
    return OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)


def may_monitor_fairness(principal: Principal) -> bool:
    """Whether the principal may monitor any scope at all (the navigation; the API's list), without a query:
    the Rijk, or an organisation of one of the principal's scopes."""
    if principal.user_id is None:
        return False
    paths = ["", *principal.scopes.get(Role.HR_ADVISER, ())]
    return any(
        can(
            principal,
            "matching.monitor_fairness",
            OrganisationTarget(organisation_id=None if p == "" else 0, path=p),
        )
        for p in paths
    )


def _runs() -> QuerySet[FairnessRun]:
    return FairnessRun.objects.select_related("requested_by__person", "organisation")


def fairness_runs_of(*, user: Any, organisation: Organisation | None) -> QuerySet[FairnessRun]:
    """Every run for exactly this scope (None: the Rijk), newest first. The history shows each run's
    summary; reading a run in full is :func:`fairness_run_get` (or :func:`fairness_runs_read`)."""
    if not can(principal_for(user), "matching.monitor_fairness", fairness_target(organisation)):
        raise PermissionDenied
    if organisation is None:
        return _runs().filter(organisation__isnull=True)
    return _runs().filter(organisation=organisation)


def fairness_runs_list(*, user: Any, organisation: Organisation | None, limit: int = 24) -> list[FairnessRun]:
    """The latest runs for exactly this scope (None: the Rijk), newest first: the history."""
    return list(fairness_runs_of(user=user, organisation=organisation)[:limit])


def fairness_runs_visible(*, user: Any) -> QuerySet[FairnessRun]:
    """The runs of every scope the user may monitor (the Rijk and organisations), newest first: the policy
    decides per scope that has runs. Nothing at all to monitor → ``PermissionDenied``."""
    principal = principal_for(user)
    if not may_monitor_fairness(principal):
        raise PermissionDenied
    scopes = Organisation.objects.filter(
        pk__in=FairnessRun.objects.filter(organisation__isnull=False).values("organisation_id")
    )
    allowed = Q(
        organisation__in=[
            o.pk for o in scopes if can(principal, "matching.monitor_fairness", fairness_target(o))
        ]
    )
    if can(principal, "matching.monitor_fairness", fairness_target(None)):
        allowed |= Q(organisation__isnull=True)
    return _runs().filter(allowed)


def _read(*, user: Any, principal: Principal, run: FairnessRun) -> bool:
    allowed = can(principal, "matching.monitor_fairness", fairness_target(run.organisation))
    audit_record(
        actor=user,
        action=AuditAction.READ,
        object_type=OBJECT_TYPE,
        object_id=run.pk,
        purpose=run.organisation.name if run.organisation is not None else "Rijk",
        outcome=AuditOutcome.SUCCESS if allowed else AuditOutcome.DENIED,
    )
    return allowed


def fairness_run_get(*, user: Any, pk: int) -> FairnessRun:
    """One stored run with all its published figures; audited (also a refusal). ``DoesNotExist`` when there
    is no such run."""
    run = _runs().get(pk=pk)
    if not _read(user=user, principal=principal_for(user), run=run):
        raise PermissionDenied
    return run


def fairness_runs_read(*, user: Any, runs: Sequence[FairnessRun]) -> list[FairnessRun]:
    """Several runs read in full at once (a page of the API's list): each checked and audited as
    :func:`fairness_run_get` does; ``PermissionDenied`` if any of them is outside the user's scopes."""
    principal = principal_for(user)
    allowed = [_read(user=user, principal=principal, run=run) for run in runs]
    if not all(allowed):
        raise PermissionDenied
    return list(runs)
