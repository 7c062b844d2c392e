# SPDX-License-Identifier: EUPL-1.2
"""Demo accounts: one per role, linked to people of the generated Rijk. Only for the embedded demo."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.models import RoleAssignment, User
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.models import Person
from rijksportfolio.people.selectors import employments_current

DEMO_PASSWORD = "rijksportfolio-demo"  # noqa: S105 - printed on purpose; demo settings only


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    description: str


def _person_in(organisation: Organisation, *, exclude: set[int], team_only: bool = False) -> Person | None:
    qs = employments_current().filter(organisation__path__startswith=organisation.path)
    if team_only:
        qs = qs.filter(organisation__kind="team")
    employment = (
        qs.exclude(person_id__in=exclude)
        .filter(contract_type="permanent")
        .order_by("person__personnel_number")
        .first()
    )
    return employment.person if employment else None


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create (or reset) one account per role. Idempotent: re-running resets passwords and roles."""
    ministry = Organisation.objects.filter(kind="ministry").order_by("path").first()
    if ministry is None:
        raise RuntimeError("Er is nog geen Rijk gegenereerd: draai eerst 'rijksportfolio generate'.")
    bzk = Organisation.objects.filter(code="bzk").first() or ministry
    used: set[int] = set()
    accounts: list[DemoAccount] = []

    employee_person = _person_in(bzk, exclude=used, team_only=True)
    if employee_person is None:
        raise RuntimeError("Geen medewerker gevonden in een team van BZK.")
    used.add(employee_person.pk)
    team = employments_current().filter(person=employee_person, organisation__kind="team").first()
    team_org = team.organisation if team else bzk

    plan: list[tuple[str, str, Organisation | None, Person | None, str]] = [
        ("medewerker", Role.EMPLOYEE, None, employee_person, "medewerker in een team van BZK"),
        ("leidinggevende", Role.MANAGER, team_org, None, f"leidinggevende van {team_org.name}"),
        ("projectleider", Role.PROJECT_LEADER, None, None, "project- en hubleider"),
        ("hr-adviseur", Role.HR_ADVISER, bzk, None, f"HR-adviseur van {bzk.name}"),
        ("beheerder", Role.ORG_ADMIN, bzk, None, f"organisatiebeheerder van {bzk.name}"),
        ("analist", Role.ANALYST, None, None, "rijksbrede analist (BZK)"),
        ("or-lid", Role.WORKS_COUNCIL, bzk, None, f"lid van de OR van {bzk.name} (alleen totalen)"),
        ("gast", Role.GUEST, None, None, "externe gast (geen rijksambtenaar)"),
    ]
    for username, role, scope, person, description in plan:
        if person is None and role != Role.GUEST:
            person = _person_in(scope or bzk, exclude=used)
            # a team whose only permanent member is the employee: take the manager from the units above it
            above = scope.parent if scope is not None else None
            while person is None and above is not None:
                person = _person_in(above, exclude=used)
                above = above.parent
            if person is not None:
                used.add(person.pk)
        user, _ = User.objects.get_or_create(username=username)
        user.set_password(DEMO_PASSWORD)
        user.person = person
        user.is_active = True
        if person is not None:
            user.first_name, user.last_name, user.email = person.first_name, person.last_name, person.email
        user.save()
        RoleAssignment.objects.filter(user=user).delete()
        if role != Role.EMPLOYEE:
            RoleAssignment.objects.create(user=user, role=role, organisation=scope)
        accounts.append(DemoAccount(username=username, role=str(Role(role).label), description=description))
    return accounts
