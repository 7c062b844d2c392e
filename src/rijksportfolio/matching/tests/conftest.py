# SPDX-License-Identifier: EUPL-1.2
"""A tiny Rijk for matching: skills with a taxonomy edge, a project leader, people with portfolios."""

from __future__ import annotations

import pytest

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.matching import index
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.portfolios.models import SECTION_FIELDS
from rijksportfolio.portfolios.tests.factories import PortfolioFactory, PortfolioSkillFactory, user_for
from rijksportfolio.skills.tests.factories import SkillFactory, SkillRelationFactory


@pytest.fixture(autouse=True)
def fresh_index():
    index.forget()
    yield
    index.forget()


@pytest.fixture
def skills(db):
    security = SkillFactory(preferred_label_nl="informatiebeveiliging")
    risk = SkillFactory(preferred_label_nl="risicobeheer")
    audit = SkillFactory(preferred_label_nl="IT-audit")
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
