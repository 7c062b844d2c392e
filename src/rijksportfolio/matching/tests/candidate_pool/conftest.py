# SPDX-License-Identifier: EUPL-1.2
"""A vacancy holder with a published opportunity and a candidate they did not hire, another vacancy holder
who searches the pool, and helpers to propose and consent. Skills, the leader and ``make_person`` come from
``matching/tests/conftest.py``."""

from __future__ import annotations

import pytest

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.matching.candidate_pool import access, services
from rijksportfolio.matching.models import ShortlistEntry
from rijksportfolio.matching.tests.conftest import make_person
from rijksportfolio.opportunities.tests.factories import OpportunityFactory, OpportunitySkillFactory
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.portfolios.tests.factories import user_for

NOTE = "Sterke adviseur informatiebeveiliging; geschikt voor een rol als security officer of auditor."


@pytest.fixture(autouse=True)
def fresh_taxonomy():
    access.taxonomy_forget()
    yield
    access.taxonomy_forget()


@pytest.fixture
def opportunity(leader, skills, organisation):
    opportunity = OpportunityFactory(
        owner=leader.person, organisation=organisation, published=True, title="Adviseur informatiebeveiliging"
    )
    OpportunitySkillFactory(opportunity=opportunity, skill=skills["security"], min_level="ervaren")
    return opportunity


def candidate_of(opportunity, first_name, last_name, **kwargs):
    """A person with a login who was on the opportunity's shortlist (and so may be proposed)."""
    person = make_person(first_name, last_name, **kwargs)
    user_for(person, email=f"{first_name.lower()}@example.rijksoverheid.nl")
    ShortlistEntry.objects.create(opportunity=opportunity, person=person, reason="")
    return person


@pytest.fixture
def candidate(opportunity, skills):
    # No general matching consent: the pool consent is what counts for the pool.
    return candidate_of(opportunity, "Anna", "Smit", skills=[(skills["security"], "ervaren")], consent=False)


@pytest.fixture
def candidate_user(candidate):
    return user_for(candidate)


@pytest.fixture
def searcher(db):
    """A manager at another ministry: a vacancy holder who did not propose anyone."""
    ministry = OrganisationFactory(name="Ministerie van Financiën")
    person = PersonFactory(
        first_name="Mirjam", name_prefix="", last_name="Bakker", email="mirjam.bakker@minfin.nl"
    )
    EmploymentFactory(person=person, organisation=ministry)
    user = user_for(person)
    role_assign(user=user, role=Role.MANAGER, organisation=ministry)
    return user


def propose(leader, opportunity, person, note=NOTE, **kwargs):
    return services.pool_propose(actor=leader, opportunity=opportunity, person=person, note=note, **kwargs)


def in_pool(leader, opportunity, person, months=12, note=NOTE, **kwargs):
    entry = propose(leader, opportunity, person, note=note, **kwargs)
    return services.pool_consent(actor=user_for(person), entry=entry, months=months, **kwargs)
