# SPDX-License-Identifier: EUPL-1.2
"""Bearer tokens and session authentication (with CSRF on writes)."""

import json
from datetime import timedelta

from django.core.management import call_command
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.utils import timezone

from rijksportfolio.accounts.models import ApiToken
from rijksportfolio.accounts.services import api_token_create


def test_valid_bearer_token_authenticates(world):
    _token, key = api_token_create(user=world.users["hr-adviseur"], name="koppeling")
    response = Client().get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200


def test_revoked_or_expired_or_unknown_token_is_401(world):
    revoked, revoked_key = api_token_create(user=world.users["hr-adviseur"], name="oud")
    ApiToken.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    _expired, expired_key = api_token_create(
        user=world.users["hr-adviseur"], name="verlopen", expires_at=timezone.now() - timedelta(minutes=1)
    )
    for key in (revoked_key, expired_key, "rpf_onbekend"):
        response = Client().get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Bearer {key}")
        assert response.status_code == 401
        assert response.json()["detail"] == "Het token is ongeldig, verlopen of ingetrokken."


def test_token_writes_need_no_csrf(world):
    _token, key = api_token_create(user=world.users["hr-adviseur"], name="koppeling")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/medewerkers/_zoek",
        json.dumps({"naam": "Visser"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 200


def test_session_writes_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["hr-adviseur"])
    body = json.dumps({"naam": "Visser"})
    refused = client.post("/api/v1/medewerkers/_zoek", body, content_type="application/json")
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"
    assert "CSRF" in refused.json()["detail"]

    token = get_token(RequestFactory().get("/"))
    client.cookies["csrftoken"] = token
    accepted = client.post(
        "/api/v1/medewerkers/_zoek", body, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 200


def test_session_reads_need_no_csrf(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["medewerker"])
    assert client.get("/api/v1/medewerkers").status_code == 200


def test_api_token_command_prints_the_token_once(world, capsys):
    call_command(
        "api_token", "create", "--user", "hr-adviseur", "--name", "HR-koppeling", "--expires-days", "30"
    )
    key = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(name="HR-koppeling")
    assert key.startswith("rpf_")
    assert token.key_hash == ApiToken.hash_key(key)
    assert key not in (token.prefix, token.key_hash)
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    assert Client().get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200

    call_command("api_token", "revoke", token.prefix)
    assert Client().get("/api/v1/organisaties", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
