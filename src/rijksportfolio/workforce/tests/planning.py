# SPDX-License-Identifier: EUPL-1.2
"""A directorate with known staff, skills profiles and opportunities, on top of the shared test world, for
the MPP and Vaardigheden tests (views, API, browser).

Directie Digitale Overheid ("ddo", under BZK, so inside the HR adviser's, administrator's and works council's
scope), on the peildatum 2025-06-01:

* 15 policy advisers (beleid, work type policy, 1.0 FTE, born 1985),
* 10 ICT staff (ict, work type ict, 0.8 FTE, born 1990),
* 3 HR advisers (hrm, work type operations, 1.0 FTE, born 1 March 1960: state-pension age in 2027).

No outflow is recorded anywhere in the world: no attrition, and no net mobility; supply falls only when the
three reach the state-pension age.

Skills: 12 of the policy advisers share "beleid ontwikkelen" in a profile visible Rijk-wide, 3 of them also
"data-analyse"; 2 ICT staff share "beleid ontwikkelen" *op aanvraag* (never counted). Opportunities of ddo,
published: one asks data-analyse (essential) and beleid ontwikkelen (optional), one asks data-analyse
(essential) and "wetgeving" (essential); a draft of ddo and a published one of FIN ask wetgeving too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from rijksportfolio.opportunities.tests.factories import OpportunityFactory, OpportunitySkillFactory
from rijksportfolio.organisations.constants import OrganisationKind
from rijksportfolio.people.constants import ContractType
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.portfolios.tests.factories import PortfolioFactory, PortfolioSkillFactory
from rijksportfolio.skills.tests.factories import SkillFactory
from rijksportfolio.web.tests.world import World, build_world
from rijksportfolio.workforce import store

PEIL = dt.date(2025, 6, 1)


@dataclass
class Planning:
    world: World
    ddo: Any
    skills: dict[str, Any] = field(default_factory=dict)
    policy: list[Any] = field(default_factory=list)
    ict: list[Any] = field(default_factory=list)


def _staff(org: Any, n: int, family: str, work_type: str, fte: str, born: dt.date) -> list[Any]:
    people = []
    for _ in range(n):
        person = PersonFactory(date_of_birth=born)
        EmploymentFactory(
            person=person, organisation=org, job_family=family, work_type=work_type, fte=fte,
            contract_type=ContractType.PERMANENT, start_date=dt.date(2018, 1, 1), end_date=None, end_reason="",
        )  # fmt: skip
        people.append(person)
    return people


def build_planning(*, refresh: bool = True) -> Planning:
    w = build_world()
    ddo = OrganisationFactory(
        code="ddo", name="Directie Digitale Overheid", kind=OrganisationKind.DIRECTORATE, parent=w.orgs["bzk"]
    )
    p = Planning(world=w, ddo=ddo)
    p.policy = _staff(ddo, 15, "beleid", "policy", "1.000", dt.date(1985, 5, 1))
    p.ict = _staff(ddo, 10, "ict", "ict", "0.800", dt.date(1990, 5, 1))
    _staff(ddo, 3, "hrm", "operations", "1.000", dt.date(1960, 3, 1))
    p.skills = {
        "beleid": SkillFactory(preferred_label_nl="beleid ontwikkelen"),
        "data": SkillFactory(preferred_label_nl="data-analyse"),
        "wet": SkillFactory(preferred_label_nl="wetgeving"),
    }
    for k, person in enumerate(p.policy[:12]):
        portfolio = PortfolioFactory(person=person, visibility_skills="rijk")
        PortfolioSkillFactory(portfolio=portfolio, skill=p.skills["beleid"])
        if k < 3:
            PortfolioSkillFactory(portfolio=portfolio, skill=p.skills["data"])
    for person in p.ict[:2]:
        portfolio = PortfolioFactory(person=person, visibility_skills="op_aanvraag")
        PortfolioSkillFactory(portfolio=portfolio, skill=p.skills["beleid"])
    owner = w.people["hr-adviseur"]
    first = OpportunityFactory(organisation=ddo, owner=owner, published=True)
    OpportunitySkillFactory(opportunity=first, skill=p.skills["data"], essential=True)
    OpportunitySkillFactory(opportunity=first, skill=p.skills["beleid"], essential=False)
    second = OpportunityFactory(organisation=ddo, owner=owner, published=True)
    OpportunitySkillFactory(opportunity=second, skill=p.skills["data"], essential=True)
    OpportunitySkillFactory(opportunity=second, skill=p.skills["wet"], essential=True)
    draft = OpportunityFactory(organisation=ddo, owner=owner)
    OpportunitySkillFactory(opportunity=draft, skill=p.skills["wet"], essential=True)
    elsewhere = OpportunityFactory(organisation=w.orgs["fin"], owner=owner, published=True)
    OpportunitySkillFactory(opportunity=elsewhere, skill=p.skills["wet"], essential=True)
    if refresh:
        store.refresh(full=True)
    return p
