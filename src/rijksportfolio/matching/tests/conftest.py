# SPDX-License-Identifier: EUPL-1.2
"""A tiny Rijk for matching: skills with a taxonomy edge, a project leader, people with portfolios."""

from __future__ import annotations

import datetime as dt

import pytest

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.domain.matching.benchmark import RIJK_OCCUPATIONS
from rijksportfolio.matching import index
from rijksportfolio.people.constants import Gender
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.portfolios.models import SECTION_FIELDS
from rijksportfolio.portfolios.tests.factories import PortfolioFactory, PortfolioSkillFactory, user_for
from rijksportfolio.skills.tests.factories import (
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
    SkillRelationFactory,
)


@pytest.fixture(autouse=True)
def fresh_index():
    index.forget()
    yield
    index.forget()


@pytest.fixture
def skills(db):
    security = SkillFactory(
        preferred_label_nl="informatiebeveiliging", preferred_label_en="information security"
    )
    risk = SkillFactory(preferred_label_nl="risicobeheer", preferred_label_en="risk management")
    audit = SkillFactory(preferred_label_nl="IT-audit", preferred_label_en="IT auditing")
    english_only = SkillFactory(preferred_label_nl="", preferred_label_en="threat modelling")
    SkillRelationFactory(skill=risk, related=audit)
    return {"security": security, "risk": risk, "audit": audit, "threat": english_only}


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Directie Digitale Overheid")


@pytest.fixture
def leader(organisation):
    person = PersonFactory(first_name="Priya", last_name="Ramdin")
    EmploymentFactory(person=person, organisation=organisation)
    user = user_for(person)
    role_assign(user=user, role=Role.PROJECT_LEADER)
    return user


def make_person(
    first_name: str,
    last_name: str,
    *,
    skills=(),
    consent=True,
    sections="rijk",
    hours=16,
    organisation=None,
    scale=11,
    **portfolio,
):
    """A person with a current job and a portfolio; ``skills``: (skill, level) pairs."""
    person = PersonFactory(first_name=first_name, name_prefix="", last_name=last_name)
    EmploymentFactory(
        person=person, salary_scale=scale, **({"organisation": organisation} if organisation else {})
    )
    visibilities = {field: sections for field in SECTION_FIELDS.values()}
    pf = PortfolioFactory(
        person=person, matching_consent=consent, available_hours_per_week=hours, **visibilities, **portfolio
    )
    for skill, level in skills:
        PortfolioSkillFactory(portfolio=pf, skill=skill, level=level)
    return person


# --- the fairness monitor ----------------------------------------------------------------------------------

WOMAN_BORN = dt.date(1990, 6, 1)  # 30–44 from 2020 to 2034
MAN_BORN = dt.date(1960, 6, 1)  # 55 and older


def member(org, skills, *, gender, born, consent=True, visibility="rijk"):
    person = PersonFactory(gender=gender, date_of_birth=born)
    EmploymentFactory(person=person, organisation=org)
    portfolio = PortfolioFactory(
        person=person, matching_consent=consent, **{f: visibility for f in SECTION_FIELDS.values()}
    )
    for skill, level in skills:
        PortfolioSkillFactory(portfolio=portfolio, skill=skill, level=level)
    return person


@pytest.fixture
def fairness_world(db):
    """One Rijk occupation with three essential skills. In the directorate: 12 women who hold all three at
    expert level, 12 men who hold one at basis level, 3 people of another gender with two skills; one woman
    without consent. A sibling directorate elsewhere."""
    ministry = OrganisationFactory(code="bzk", name="Ministerie van BZK")
    org = OrganisationFactory(code="dgop", name="DG Overheidsorganisatie", parent=ministry)
    elsewhere = OrganisationFactory(code="fin", name="Ministerie van Financiën")
    occupation = OccupationFactory(uri=RIJK_OCCUPATIONS[0])
    skills = [SkillFactory(preferred_label_nl=f"vaardigheid {i}") for i in range(3)]
    for skill in skills:
        OccupationSkillFactory(occupation=occupation, skill=skill, relation_type="essential")
    women = [
        member(org, [(s, "expert") for s in skills], gender=Gender.FEMALE, born=WOMAN_BORN) for _ in range(12)
    ]
    men = [member(org, [(skills[0], "basis")], gender=Gender.MALE, born=MAN_BORN) for _ in range(12)]
    other = [
        member(org, [(s, "ervaren") for s in skills[:2]], gender=Gender.OTHER, born=WOMAN_BORN)
        for _ in range(3)
    ]
    member(org, [(s, "expert") for s in skills], gender=Gender.FEMALE, born=WOMAN_BORN, consent=False)
    member(elsewhere, [(s, "expert") for s in skills], gender=Gender.MALE, born=MAN_BORN)
    hr = user_for(PersonFactory())
    role_assign(user=hr, role=Role.HR_ADVISER, organisation=ministry)
    analyst = user_for(PersonFactory())
    role_assign(user=analyst, role=Role.ANALYST)
    return {
        "ministry": ministry, "org": org, "elsewhere": elsewhere, "women": women, "men": men, "other": other,
        "hr": hr, "analyst": analyst, "skills": skills,
    }  # fmt: skip
