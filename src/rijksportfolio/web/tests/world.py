# SPDX-License-Identifier: EUPL-1.2
"""A small Rijk with one account per role, shared by the web, accounts and browser tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.models import User
from rijksportfolio.accounts.services import role_assign, user_create
from rijksportfolio.organisations.constants import OrganisationKind
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.models import Person
from rijksportfolio.people.tests.factories import (
    EmploymentFactory,
    LocationFactory,
    OrganisationFactory,
    PersonFactory,
)

PASSWORD = "wachtwoord-voor-tests-123"

# username -> (role given explicitly or None for plain employee, scope key or None)
ACCOUNTS = {
    "medewerker": (None, None),
    "leidinggevende": (Role.MANAGER, "team"),
    "projectleider": (Role.PROJECT_LEADER, None),
    "hr-adviseur": (Role.HR_ADVISER, "bzk"),
    "beheerder": (Role.ORG_ADMIN, "bzk"),
    "analist": (Role.ANALYST, None),
    "or-lid": (Role.WORKS_COUNCIL, "bzk"),
    "gast": (Role.GUEST, None),
}


@dataclass
class World:
    orgs: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)


def build_world() -> World:
    w = World()
    location = LocationFactory(
        name="Rijkskantoor Den Haag", address="Turfmarkt 147", postcode="2511 DP", city="Den Haag"
    )
    bzk = OrganisationFactory(
        code="bzk",
        name="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        abbreviation="BZK",
        kind=OrganisationKind.MINISTRY,
        locations=[location],
    )
    fin = OrganisationFactory(
        code="fin", name="Ministerie van Financiën", abbreviation="FIN", kind=OrganisationKind.MINISTRY
    )
    logius = OrganisationFactory(code="logius", name="Logius", kind=OrganisationKind.AGENCY, parent=bzk)
    belastingdienst = OrganisationFactory(
        code="bd", name="Belastingdienst", kind=OrganisationKind.AGENCY, parent=fin
    )
    directorate = OrganisationFactory(
        code="dgop", name="DG Overheidsorganisatie", kind=OrganisationKind.DIRECTORATE, parent=bzk
    )
    team = OrganisationFactory(
        code="team-a", name="Team Arbeidsmarkt", kind=OrganisationKind.TEAM, parent=directorate
    )
    w.orgs = {
        "bzk": bzk,
        "fin": fin,
        "logius": logius,
        "bd": belastingdienst,
        "directorate": directorate,
        "team": team,
    }

    def person(key: str, first: str, last: str, org: Organisation) -> Person:
        p = PersonFactory(first_name=first, name_prefix="", last_name=last, work_location=location)
        # A fixed title: a random one could be "Behandelaar", which the person-page tests look for in the history.
        EmploymentFactory(
            person=p, organisation=org, job_title="Beleidsmedewerker", start_date=date(2020, 1, 1)
        )
        w.people[key] = p
        return p

    employee = person("medewerker", "Anouk", "Jansen", team)
    EmploymentFactory(
        person=employee,
        organisation=belastingdienst,
        job_title="Behandelaar",
        start_date=date(2015, 3, 1),
        end_date=date(2019, 12, 31),
        end_reason="mobility",
    )
    person("collega", "Daan", "Visser", team)
    person("leidinggevende", "Sanne", "Mulder", directorate)
    person("projectleider", "Bram", "Smit", logius)
    person("hr-adviseur", "Fatima", "Yilmaz", bzk)
    person("beheerder", "Jeroen", "Bakker", bzk)
    person("analist", "Eva", "Dekker", belastingdienst)
    person("or-lid", "Noor", "Hendriks", directorate)
    person("buiten", "Sven", "Kramer", belastingdienst)

    scopes = {"team": team, "bzk": bzk}
    for username, (role, scope) in ACCOUNTS.items():
        user = user_create(
            username=username,
            password=PASSWORD,
            person=w.people.get(username) if role != Role.GUEST else None,
        )
        if role is not None:
            role_assign(user=user, role=role, organisation=scopes.get(scope) if scope else None)
        w.users[username] = user
    return w
