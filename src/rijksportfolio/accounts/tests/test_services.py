# SPDX-License-Identifier: EUPL-1.2
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.models import ApiToken, RoleAssignment
from rijksportfolio.accounts.policy import principal_for
from rijksportfolio.accounts.services import api_token_create, role_assign, user_create
from rijksportfolio.people.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_user_create_links_person_and_copies_name():
    person = PersonFactory(first_name="Lotte", last_name="de Boer", email="lotte@minbzk.nl")
    user = user_create(username="lotte", password="een-lang-wachtwoord", person=person)
    assert user.person == person
    assert (user.first_name, user.last_name, user.email) == ("Lotte", "de Boer", "lotte@minbzk.nl")
    assert user.check_password("een-lang-wachtwoord")
    assert principal_for(user).roles == frozenset({Role.EMPLOYEE})


def test_user_create_without_password_cannot_log_in_with_one():
    user = user_create(username="alleen-sso", password=None)
    assert not user.has_usable_password()


def test_role_assign_scoped_role_needs_organisation():
    user = user_create(username="hr", password="een-lang-wachtwoord")
    with pytest.raises(ValidationError):
        role_assign(user=user, role=Role.HR_ADVISER)
    with pytest.raises(ValidationError):
        role_assign(user=user, role=Role.ANALYST, organisation=OrganisationFactory())
    with pytest.raises(ValidationError):
        role_assign(user=user, role="koning")


def test_role_assign_is_idempotent_and_refreshes_the_principal():
    user = user_create(username="hr", password="een-lang-wachtwoord")
    org = OrganisationFactory()
    assert principal_for(user).roles == frozenset()
    role_assign(user=user, role=Role.HR_ADVISER, organisation=org)
    role_assign(user=user, role=Role.HR_ADVISER, organisation=org, valid_until=date(2099, 1, 1))
    assert RoleAssignment.objects.filter(user=user).count() == 1
    principal = principal_for(user)
    assert principal.roles == frozenset({Role.HR_ADVISER})
    assert principal.scopes == {Role.HR_ADVISER: (org.path,)}


def test_api_token_create_stores_only_the_hash():
    user = user_create(username="koppeling", password=None)
    token, key = api_token_create(user=user, name="HR-systeem")
    assert key.startswith("rpf_")
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == ApiToken.hash_key(key)
    assert key not in (stored.key_hash, stored.prefix, stored.name)
    assert stored.prefix == key[4:12]
