# SPDX-License-Identifier: EUPL-1.2
"""The OIDC backend's claim → person linking, tested on its methods (no identity provider involved)."""

import pytest
from django.test import override_settings

from rijksportfolio.accounts.models import RoleAssignment, User
from rijksportfolio.accounts.oidc import RijkOIDCBackend
from rijksportfolio.accounts.policy import principal_for
from rijksportfolio.accounts.services import user_create
from rijksportfolio.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

OIDC = {
    "OIDC_RP_CLIENT_ID": "rijksportfolio",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
    "OIDC_PERSON_CLAIM": "employee_number",
}


@pytest.fixture
def backend():
    with override_settings(**OIDC):
        yield RijkOIDCBackend()


def test_claims_without_personnel_number_are_refused(backend):
    assert backend.verify_claims({"email": "a@minbzk.nl"}) is False
    assert backend.verify_claims({"employee_number": "  "}) is False
    assert backend.verify_claims({"employee_number": "00100001"}) is True


def test_existing_account_is_found_by_personnel_number(backend):
    person = PersonFactory(personnel_number="00123456")
    user = user_create(username="lokaal", password="een-lang-wachtwoord", person=person)
    PersonFactory(personnel_number="00999999")
    assert list(backend.filter_users_by_claims({"employee_number": "00123456"})) == [user]
    assert list(backend.filter_users_by_claims({"employee_number": "00000000"})) == []


def test_first_login_of_a_known_person_creates_a_linked_account_without_roles(backend):
    person = PersonFactory(personnel_number="00123456")
    user = backend.create_user({"employee_number": "00123456", "email": "nieuw@minbzk.nl"})
    assert user.person == person
    assert user.username == "oidc-00123456"
    assert user.email == "nieuw@minbzk.nl"
    assert not user.has_usable_password()
    assert RoleAssignment.objects.filter(user=user).count() == 0
    assert principal_for(user).roles == frozenset({"employee"})


def test_unknown_personnel_number_gets_no_account(backend):
    assert backend.create_user({"employee_number": "00000404"}) is None
    assert User.objects.count() == 0


def test_inactive_linked_account_is_not_recreated(backend):
    person = PersonFactory(personnel_number="00123456")
    user = user_create(username="weg", password=None, person=person)
    user.is_active = False
    user.save()
    assert list(backend.filter_users_by_claims({"employee_number": "00123456"})) == []
    assert backend.create_user({"employee_number": "00123456"}) is None


def test_update_user_takes_the_new_email(backend):
    user = user_create(username="u", password=None, person=PersonFactory(personnel_number="1"))
    backend.update_user(user, {"employee_number": "1", "email": "nieuw@minbzk.nl"})
    user.refresh_from_db()
    assert user.email == "nieuw@minbzk.nl"
