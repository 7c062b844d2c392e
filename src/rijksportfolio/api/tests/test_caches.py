# SPDX-License-Identifier: EUPL-1.2
"""The per-process caches behind the fast reads (accounts.cache, organisations.read_cache, web headcounts):
a write is visible on the next read, a revoked token is refused, a role change takes effect — at once when made
through the services in this process, within the TTL otherwise — and audited reads are never cached. The
session user: the session is read on every request, the user it names once per process."""

from __future__ import annotations

import time
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rijksportfolio.accounts import cache as auth_cache
from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.models import RoleAssignment, User
from rijksportfolio.accounts.policy import principal_for
from rijksportfolio.accounts.services import api_token_create, api_token_revoke, role_assign, user_create
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.organisations import read_cache
from rijksportfolio.organisations.services import location_create, organisation_create
from rijksportfolio.people import services as people_services
from rijksportfolio.people.api.serializers import (
    DienstverbandSerializer,
    MedewerkerKaartSerializer,
    MedewerkerSerializer,
    card_data,
    employment_data,
    person_data,
)
from rijksportfolio.people.api.views import card_queryset
from rijksportfolio.people.models import Employment
from rijksportfolio.web import selectors as web_selectors
from rijksportfolio.web.tests.world import build_world


@pytest.fixture
def caches_on(settings):
    settings.AUTH_CACHE_TTL = 30
    settings.READ_CACHE_TTL = 30
    settings.AGGREGATE_CACHE_TTL = 60
    auth_cache.clear()
    read_cache.clear()
    cache.clear()
    yield settings
    auth_cache.clear()
    read_cache.clear()
    cache.clear()


@pytest.fixture
def world(db, caches_on):
    return build_world()


def bearer(user):
    _token, key = api_token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}", raise_request_exception=False), key


# --- tokens and principals ----------------------------------------------------------------------------


def test_token_revoked_through_the_service_is_refused_at_once(world):
    client, _key = bearer(world.users["hr-adviseur"])
    assert client.get("/api/v1/organisaties").status_code == 200
    assert len(auth_cache.tokens) == 1  # the next request is answered from the cache
    token = world.users["hr-adviseur"].api_tokens.get()
    api_token_revoke(token=token)
    assert client.get("/api/v1/organisaties").status_code == 401


def test_token_revoked_elsewhere_is_refused_within_the_ttl(world, caches_on):
    caches_on.AUTH_CACHE_TTL = 1
    client, _key = bearer(world.users["hr-adviseur"])
    assert client.get("/api/v1/organisaties").status_code == 200
    # Another process revokes it: a bulk update sends no signal to this one.
    world.users["hr-adviseur"].api_tokens.update(revoked_at=timezone.now())
    time.sleep(1.1)
    assert client.get("/api/v1/organisaties").status_code == 401


def test_expired_token_is_refused_even_when_cached(world):
    _token, key = api_token_create(
        user=world.users["hr-adviseur"], name="short", expires_at=timezone.now() + timedelta(seconds=1)
    )
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}", raise_request_exception=False)
    assert client.get("/api/v1/organisaties").status_code == 200
    time.sleep(1.1)
    assert client.get("/api/v1/organisaties").status_code == 401


def test_cached_token_user_is_a_fresh_copy_per_request(world):
    client, _key = bearer(world.users["analist"])
    assert client.get("/api/v1/organisaties").status_code == 200
    cached_user, _token = next(iter(auth_cache.tokens._data.values()))[1]
    assert not hasattr(cached_user, "_rpf_principal")  # per-request memos stay on the copy


def test_role_change_through_the_service_is_effective_at_once(world):
    user = user_create(username="nieuw", password=None, person=world.people["buiten"])
    assert Role.HR_ADVISER not in principal_for(user).roles
    role_assign(user=user, role=Role.HR_ADVISER, organisation=world.orgs["bzk"])
    fresh = type(user).objects.get(pk=user.pk)  # a new request loads the user again
    assert principal_for(fresh).covers(Role.HR_ADVISER, [world.orgs["team"].path])


def test_role_removed_through_the_api_is_refused_on_the_next_request(world):
    """A role assignment deleted in this process (admin, services) clears the cached principal."""
    user = world.users["analist"]
    client, _key = bearer(user)
    assert client.get("/api/v1/organisaties").status_code == 200
    RoleAssignment.objects.get(user=user, role=Role.ANALYST).delete()
    user.person = None  # and no longer a civil servant: may not browse the organisation tree
    user.save()
    assert client.get("/api/v1/organisaties").status_code == 403


def test_role_change_elsewhere_is_effective_within_the_ttl(world, caches_on):
    caches_on.AUTH_CACHE_TTL = 1
    user = world.users["hr-adviseur"]
    target_paths = [world.orgs["team"].path]
    assert principal_for(type(user).objects.get(pk=user.pk)).covers(Role.HR_ADVISER, target_paths)
    # Another process ends the role: a bulk update sends no signal to this one.
    RoleAssignment.objects.filter(user=user).update(valid_until=date.today() - timedelta(days=1))
    assert principal_for(type(user).objects.get(pk=user.pk)).covers(Role.HR_ADVISER, target_paths)
    time.sleep(1.1)
    assert not principal_for(type(user).objects.get(pk=user.pk)).covers(Role.HR_ADVISER, target_paths)


# --- read cache ---------------------------------------------------------------------------------------


def test_new_organisation_is_visible_on_the_next_read(world):
    client, _key = bearer(world.users["hr-adviseur"])
    first = client.get("/api/v1/organisaties?pageSize=500").json()
    assert client.get("/api/v1/organisaties?pageSize=500").json() == first  # from the cache
    organisation_create(code="nieuw-team", name="Team Nieuw", kind="team", parent=world.orgs["team"])
    codes = [o["code"] for o in client.get("/api/v1/organisaties?pageSize=500").json()["resultaten"]]
    assert "nieuw-team" in codes


def test_new_location_is_visible_on_the_next_read(world):
    client, _key = bearer(world.users["hr-adviseur"])
    assert client.get("/api/v1/werklocaties/nieuw").status_code == 404
    before = client.get("/api/v1/werklocaties").json()["totaal"]
    location_create(
        code="nieuw",
        name="Nieuw gebouw",
        address="Plein 1",
        postcode="2511 AA",
        city="Den Haag",
        municipality="Den Haag",
        province="Zuid-Holland",
        latitude=52.08,
        longitude=4.31,
    )
    assert client.get("/api/v1/werklocaties").json()["totaal"] == before + 1
    assert client.get("/api/v1/werklocaties/nieuw").status_code == 200


def test_directory_list_shows_a_new_job_on_the_next_read(world):
    client, _key = bearer(world.users["hr-adviseur"])
    cards = {c["personeelsnummer"]: c for c in client.get("/api/v1/medewerkers").json()["resultaten"]}
    person = world.people["buiten"]
    assert len(cards[person.personnel_number]["huidigeFuncties"]) == 1
    people_services.employment_add(
        actor=world.users["hr-adviseur"],
        person=person,
        organisation=world.orgs["team"],
        job_title="Tweede baan",
        job_family="beleid",
        work_type="policy",
        salary_scale=10,
        fte=Decimal("0.2"),
        contract_type="permanent",
        start_date=date.today() - timedelta(days=1),
    )
    cards = {c["personeelsnummer"]: c for c in client.get("/api/v1/medewerkers").json()["resultaten"]}
    assert "Tweede baan" in [f["functienaam"] for f in cards[person.personnel_number]["huidigeFuncties"]]


def test_cached_answer_is_still_refused_to_who_may_not_see_it(world):
    allowed, _key = bearer(world.users["hr-adviseur"])
    guest, _key = bearer(world.users["gast"])
    assert allowed.get("/api/v1/organisaties").status_code == 200
    assert allowed.get("/api/v1/medewerkers").status_code == 200
    assert guest.get("/api/v1/organisaties").status_code == 403
    assert guest.get("/api/v1/medewerkers").status_code == 403


def test_audited_reads_are_never_cached(world):
    client, _key = bearer(world.users["hr-adviseur"])
    number = world.people["medewerker"].personnel_number
    before = AuditEvent.objects.filter(object_type="employment_history").count()
    for _ in range(3):
        assert client.get(f"/api/v1/medewerkers/{number}/dienstverbanden").status_code == 200
    assert AuditEvent.objects.filter(object_type="employment_history").count() == before + 3
    before = AuditEvent.objects.filter(object_type="personal_details").count()
    for _ in range(2):
        assert client.get(f"/api/v1/medewerkers/{number}").json()["geboortedatum"] is not None
    assert AuditEvent.objects.filter(object_type="personal_details").count() == before + 2


def test_headcount_is_cached_and_recounted_after_a_change(world):
    team = world.orgs["team"]
    count = web_selectors.organisation_headcount(organisation=team)
    newcomer = people_services.person_create(
        actor=None,
        personnel_number="N-1",
        first_name="Nina",
        last_name="Nieuw",
        date_of_birth=date(1990, 1, 1),
    )
    people_services.employment_add(
        actor=None,
        person=newcomer,
        organisation=team,
        job_title="Adviseur",
        job_family="beleid",
        work_type="policy",
        salary_scale=10,
        fte=Decimal("1"),
        contract_type="permanent",
        start_date=date.today() - timedelta(days=1),
    )
    assert web_selectors.organisation_headcount(organisation=team) == count + 1
    # Written behind the services' back (another process): the cached count stands until the TTL.
    Employment.objects.filter(person=newcomer).delete()
    assert web_selectors.organisation_headcount(organisation=team) == count + 1


# --- fast representations match the documented serializers ------------------------------------------


def test_plain_representations_equal_the_serializers(world):
    people = list(card_queryset().filter(pk__in=[p.pk for p in world.people.values()]))
    for person in people:
        assert card_data(person) == MedewerkerKaartSerializer(person).data
        for personal in (True, False):
            expected = MedewerkerSerializer(person, context={"personal_visible": personal}).data
            assert person_data(person, personal_visible=personal) == expected
    for record in Employment.objects.select_related("organisation", "occupation"):
        expected = dict(DienstverbandSerializer(record).data)
        expected["fte"] = float(expected["fte"])  # JSON has no decimals: both render as the same number
        assert employment_data(record) == expected


# --- the session user (accounts.middleware) and cached page fragments --------------------------------


def _logged_in(world, username):
    client = Client()
    client.force_login(world.users[username])
    return client


def test_session_user_is_read_once_per_process_and_the_session_on_every_request(world):
    client = _logged_in(world, "analist")
    assert client.get("/organisaties").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/organisaties")
    assert response.status_code == 200
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "django_session" in tables
    assert "accounts_user" not in tables
    assert "people_person" not in tables
    assert "Eva Dekker" in response.content.decode()  # the header still names the person


def test_logout_ends_the_session_at_once_although_the_user_is_cached(world):
    client = _logged_in(world, "analist")
    assert client.get("/organisaties").status_code == 200
    assert len(auth_cache.session_users) == 1
    client.logout()
    assert client.get("/organisaties").status_code == 302


def test_password_change_or_deactivation_ends_other_sessions_at_once_in_this_process(world):
    for change in ("password", "deactivate"):
        user = world.users["analist"]
        user.refresh_from_db()
        user.is_active = True
        user.set_password("wachtwoord-voor-tests-123")
        user.save()
        client = _logged_in(world, "analist")
        assert client.get("/organisaties").status_code == 200
        if change == "password":
            user.set_password("een-heel-ander-wachtwoord-456")
        else:
            user.is_active = False
        user.save()  # through the model: the signal clears what this process cached
        assert client.get("/organisaties").status_code == 302, change


def test_session_of_a_user_changed_elsewhere_ends_within_the_ttl(world, caches_on):
    caches_on.AUTH_CACHE_TTL = 1
    client = _logged_in(world, "analist")
    assert client.get("/organisaties").status_code == 200
    # Another process deactivates the account: a bulk update sends no signal to this one.
    User.objects.filter(pk=world.users["analist"].pk).update(is_active=False)
    time.sleep(1.1)
    assert client.get("/organisaties").status_code == 302


def test_cached_organisation_list_shows_a_new_organisation_at_once(world):
    client = _logged_in(world, "analist")
    assert "Dienst Nieuw" not in client.get("/organisaties").content.decode()
    organisation_create(code="nieuw", name="Dienst Nieuw", kind="agency", parent=world.orgs["bzk"])
    assert "Dienst Nieuw" in client.get("/organisaties").content.decode()
    detail = client.get(f"/organisaties/{world.orgs['bzk'].pk}").content.decode()
    assert "Dienst Nieuw" in detail


def test_cached_organisation_fragments_follow_the_language(world):
    client = _logged_in(world, "analist")
    dutch = client.get(f"/organisaties/{world.orgs['bzk'].pk}").content.decode()
    client.cookies["django_language"] = "en"
    english = client.get(f"/organisaties/{world.orgs['bzk'].pk}").content.decode()
    assert "Werklocaties" in dutch
    assert "Werklocaties" not in english
