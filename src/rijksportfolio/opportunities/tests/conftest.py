# SPDX-License-Identifier: EUPL-1.2
"""An organisation with a manager, an employee working there, and a project leader."""

import pytest

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.portfolios.tests.factories import user_for


@pytest.fixture
def ministry(db):
    return OrganisationFactory(name="Ministerie van Testzaken")


@pytest.fixture
def directorate(ministry):
    return OrganisationFactory(name="Directie Proeven", parent=ministry)


@pytest.fixture
def manager_user(directorate):
    person = PersonFactory(first_name="Mirjam", last_name="Bakker")
    EmploymentFactory(person=person, organisation=directorate)
    user = user_for(person)
    role_assign(user=user, role=Role.MANAGER, organisation=directorate)
    return user


@pytest.fixture
def employee_user(directorate, manager_user):
    person = PersonFactory(first_name="Sven", last_name="de Wit")
    EmploymentFactory(person=person, organisation=directorate)
    return user_for(person)


@pytest.fixture
def leader_user(db):
    person = PersonFactory(first_name="Priya", last_name="Ramdin")
    EmploymentFactory(person=person)
    user = user_for(person)
    role_assign(user=user, role=Role.PROJECT_LEADER)
    return user
