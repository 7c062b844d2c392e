# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.test import Client, override_settings
from django.urls import reverse

from rijksportfolio.audit.models import AuditAction, AuditEvent, AuditOutcome
from rijksportfolio.web.tests.world import PASSWORD

pytestmark = pytest.mark.django_db
LOCKED = "Te veel mislukte inlogpogingen. Probeer het over 15 minuten opnieuw."


def post_login(client, username, password, ip="10.0.0.1"):
    return client.post(reverse("web:login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_successful_login_rotates_session_and_is_audited(world):
    client = Client()
    client.get(reverse("web:login"))
    session = client.session
    session["voor-het-inloggen"] = 1
    session.save()
    before = session.session_key
    response = post_login(client, "medewerker", PASSWORD)
    assert response.status_code == 302
    assert client.session.session_key != before
    event = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert event.actor == world.users["medewerker"]
    assert event.outcome == AuditOutcome.SUCCESS


def test_failed_login_is_audited_without_the_password(world):
    response = post_login(Client(), "medewerker", "fout-wachtwoord-geheim")
    assert response.status_code == 200
    assert "De gebruikersnaam of het wachtwoord klopt niet." in response.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert event.object_id == "medewerker"
    assert event.outcome == AuditOutcome.DENIED
    assert event.actor is None
    for value in AuditEvent.objects.values_list(
        "actor_label", "object_type", "object_id", "purpose", "request_id"
    ).get():
        assert "fout-wachtwoord-geheim" not in value


@override_settings(LOGIN_RATE_LIMIT=3)
def test_rate_limit_per_username_across_addresses(world):
    client = Client()
    for i in range(3):
        assert post_login(client, "medewerker", "fout", ip=f"10.0.0.{i}").status_code == 200
    response = post_login(client, "medewerker", PASSWORD, ip="10.0.0.99")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    # other accounts from other addresses are unaffected
    assert post_login(Client(), "analist", PASSWORD, ip="10.0.0.50").status_code == 302


@override_settings(LOGIN_RATE_LIMIT=3)
def test_rate_limit_per_address_across_usernames(world):
    for name in ("a", "b", "c"):
        post_login(Client(), name, "fout", ip="192.0.2.7")
    response = post_login(Client(), "medewerker", PASSWORD, ip="192.0.2.7")
    assert response.status_code == 429
    assert post_login(Client(), "medewerker", PASSWORD, ip="192.0.2.8").status_code == 302


@override_settings(LOGIN_RATE_LIMIT=3)
def test_rate_limited_attempt_is_audited(world):
    for _ in range(4):
        post_login(Client(), "medewerker", "fout")
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED, purpose="rate_limited").count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).count() == 4


@override_settings(LOGIN_RATE_LIMIT=3)
def test_successful_login_resets_the_account_counter(world):
    for i in range(2):
        post_login(Client(), "medewerker", "fout", ip=f"10.1.0.{i}")
    assert post_login(Client(), "medewerker", PASSWORD, ip="10.1.0.9").status_code == 302
    for i in range(2):
        post_login(Client(), "medewerker", "fout", ip=f"10.2.0.{i}")
    assert post_login(Client(), "medewerker", PASSWORD, ip="10.2.0.9").status_code == 302


def test_login_ignores_external_next_url(world):
    response = Client().post(
        reverse("web:login") + "?next=https://evil.example/", {"username": "medewerker", "password": PASSWORD}
    )
    assert response["Location"] == reverse("web:home")
