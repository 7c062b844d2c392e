# SPDX-License-Identifier: EUPL-1.2
"""Reads of opportunities and agreement requests."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.models import RoleAssignment, User
from rijksportfolio.accounts.policy import OpportunityTarget, can, principal_for
from rijksportfolio.domain import working_days
from rijksportfolio.opportunities.constants import DEFAULT_AGREEMENT_WORKING_DAYS, OpportunityStatus
from rijksportfolio.opportunities.models import (
    AgreementPolicy,
    ManagerAgreement,
    Opportunity,
    OpportunitySkill,
)
from rijksportfolio.people.models import Person
from rijksportfolio.people.selectors import person_current_employments


def opportunity_target(opportunity: Opportunity) -> OpportunityTarget:
    return OpportunityTarget(owner_person_id=opportunity.owner_id, status=opportunity.status)


def opportunities_published() -> QuerySet[Opportunity]:
    return (
        Opportunity.objects.filter(status=OpportunityStatus.PUBLISHED)
        .select_related("organisation", "location")
        .prefetch_related("required_skills__skill")
        .order_by("-published_at", "-id")
    )


def opportunities_owned(*, person: Person) -> QuerySet[Opportunity]:
    return (
        Opportunity.objects.filter(owner=person)
        .select_related("organisation", "location")
        .prefetch_related("required_skills__skill")
        .order_by("-created_at", "-id")
    )


def _ancestor_paths(path: str) -> list[str]:
    """``"00001.00005."`` → ``["00001.", "00001.00005."]`` (materialised paths end in a dot)."""
    parts = [p for p in path.split(".") if p]
    return [".".join(parts[: i + 1]) + "." for i in range(len(parts))]


def _home_path(person: Person, on: date) -> str:
    current = person_current_employments(person=person, on=on)
    return current[0].organisation.path if current else ""


def agreement_working_days_for(*, person: Person, on: date) -> int:
    """The term of the nearest organisation (the person's main current one, then its parents) that sets
    one; else the default."""
    paths = _ancestor_paths(_home_path(person, on))
    policy = (
        AgreementPolicy.objects.filter(organisation__path__in=paths).order_by("-organisation__depth").first()
        if paths
        else None
    )
    return policy.working_days if policy is not None else DEFAULT_AGREEMENT_WORKING_DAYS


def manager_of(*, person: Person, on: date) -> User | None:
    """The person's current manager: the user with a manager role on the nearest organisation above (or at)
    the person's main current organisation, other than the person. Ties: the lowest user id."""
    paths = _ancestor_paths(_home_path(person, on))
    if not paths:
        return None
    assignment = (
        RoleAssignment.objects.filter(role=Role.MANAGER, organisation__path__in=paths, user__is_active=True)
        .filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_until__isnull=True) | Q(valid_until__gte=on),
        )
        .exclude(user__person=person)
        .exclude(user__person__isnull=True)
        .select_related("user__person")
        .order_by("-organisation__depth", "user_id")
        .first()
    )
    return assignment.user if assignment is not None else None


def agreement_state(agreement: ManagerAgreement, *, today: date) -> str:
    return working_days.agreement_state(decision=agreement.decision, deadline=agreement.deadline, today=today)


def agreements_to_decide(*, manager: Person) -> QuerySet[ManagerAgreement]:
    return ManagerAgreement.objects.filter(manager=manager).select_related("opportunity", "employee")


def agreements_asked(*, employee: Person) -> QuerySet[ManagerAgreement]:
    return ManagerAgreement.objects.filter(employee=employee).select_related("opportunity", "manager")


def can_view(user: Any, opportunity: Opportunity) -> bool:
    return can(principal_for(user), "opportunity.view", opportunity_target(opportunity))


def published_skill_requirements(*, organisation_path: str = "") -> list[tuple[int, int, int, bool]]:
    """(opportunity id, organisation id, skill id, essential) of the required skills of every published
    opportunity of the organisations whose path starts with ``organisation_path`` ("": the whole Rijk)."""
    return list(
        OpportunitySkill.objects.filter(
            opportunity__status=OpportunityStatus.PUBLISHED,
            opportunity__organisation__path__startswith=organisation_path,
        )
        .order_by("opportunity_id", "id")
        .values_list("opportunity_id", "opportunity__organisation_id", "skill_id", "essential")
    )
