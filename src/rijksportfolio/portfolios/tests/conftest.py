# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures of the portfolio tests: an owner with a login and a colleague with one."""

import pytest

from rijksportfolio.people.models import Person
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
from rijksportfolio.portfolios.tests.factories import PortfolioFactory, user_for


def _working_person(first_name: str, last_name: str) -> Person:
    person = PersonFactory(first_name=first_name, name_prefix="", last_name=last_name)
    EmploymentFactory(person=person)
    return person


@pytest.fixture
def owner(db):
    return _working_person("Anouk", "Jansen")


@pytest.fixture
def owner_user(owner):
    return user_for(owner)


@pytest.fixture
def portfolio(owner):
    return PortfolioFactory(person=owner)


@pytest.fixture
def colleague(db):
    return _working_person("Daan", "Visser")


@pytest.fixture
def colleague_user(colleague):
    return user_for(colleague)
