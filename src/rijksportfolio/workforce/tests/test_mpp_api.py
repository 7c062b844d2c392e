# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/stuurinformatie/mpp/…`` (saved scenarios, their result, the comparison) and
``/api/v1/stuurinformatie/vaardigheden``."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.workforce.models import WorkforcePlanScenario
from rijksportfolio.workforce.tests.factories import WorkforcePlanScenarioFactory
from rijksportfolio.workforce.tests.planning import PEIL, build_planning

BASE = "/api/v1/stuurinformatie/mpp"


@pytest.fixture
def planning(db):  # type: ignore[no-untyped-def]
    return build_planning()


def _client(planning, username: str) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(planning.world.users[username])
    return client


def _post(client: Client, url: str, body: dict) -> object:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_create_read_change_delete(planning) -> None:  # type: ignore[no-untyped-def]
    client = _client(planning, "hr-adviseur")
    created = _post(
        client,
        f"{BASE}/scenarios",
        {"naam": "Digitalisering", "organisatie": "ddo", "horizon": 6, "technologie": {"ict": 30}},
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert {
        k: body[k] for k in ("naam", "organisatie", "functiefamilie", "horizon", "groei", "technologie")
    } == {
        "naam": "Digitalisering",
        "organisatie": "ddo",
        "functiefamilie": None,
        "horizon": 6,
        "groei": 0.0,
        "technologie": {"ict": 30.0},
    }
    assert body["magWijzigen"] is True
    assert body["eigenaar"] == planning.world.people["hr-adviseur"].full_name
    assert body["gewijzigdOp"].endswith("Z")
    url = f"{BASE}/scenarios/{body['id']}"
    changed = client.patch(
        url,
        json.dumps({"groei": -1.5, "groeiPerFunctiefamilie": {"ict": 3}}),
        content_type="application/json",
    )
    assert changed.status_code == 200
    assert (changed.json()["groei"], changed.json()["groeiPerFunctiefamilie"], changed.json()["horizon"]) == (
        -1.5,
        {"ict": 3.0},
        6,
    )
    listed = client.get(f"{BASE}/scenarios", {"organisatie": "bzk"}).json()
    assert [r["naam"] for r in listed["resultaten"]] == ["Digitalisering"]
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404
    assert list(
        AuditEvent.objects.filter(object_type="workforce_plan_scenario")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["create", "update", "delete"]


def test_invalid_scenarios_are_problems_in_dutch(planning) -> None:  # type: ignore[no-untyped-def]
    client = _client(planning, "hr-adviseur")
    response = _post(
        client,
        f"{BASE}/scenarios",
        {
            "naam": " ",
            "organisatie": "ddo",
            "horizon": 20,
            "groei": 40,
            "technologie": {"robots": 10, "ict": 150},
        },
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [(p["name"], p["reason"]) for p in response.json()["invalidParams"]] == [
        ("naam", "Geef het scenario een naam."),
        ("horizon", "Kies een horizon van 1 tot en met 12 jaar."),
        ("groei", "Geef een groei (of krimp, negatief) van hoogstens 25% per jaar."),
        ("technologie", "Onbekende sleutel: robots."),
        ("technologie", "ict: geef een percentage van 0 tot en met 100."),
    ]
    assert not WorkforcePlanScenario.objects.exists()
    outside = _post(client, f"{BASE}/scenarios", {"naam": "FIN", "organisatie": "fin"})
    assert outside.status_code == 403
    rijk = _post(client, f"{BASE}/scenarios", {"naam": "Rijk"})
    assert rijk.status_code == 403  # the Rijk as a whole: analysts only
    assert _post(_client(planning, "analist"), f"{BASE}/scenarios", {"naam": "Rijk"}).status_code == 201
    council = _post(_client(planning, "or-lid"), f"{BASE}/scenarios", {"naam": "OR", "organisatie": "bzk"})
    assert council.status_code == 403


def test_result_and_who_may_change(planning) -> None:  # type: ignore[no-untyped-def]
    w = planning.world
    scenario = WorkforcePlanScenarioFactory(
        name="Digitalisering", organisation=planning.ddo, horizon_years=6, technology_pct={"ict": 30},
        owner=w.users["hr-adviseur"],
    )  # fmt: skip
    council = _client(planning, "or-lid")
    result = council.get(f"{BASE}/scenarios/{scenario.pk}/resultaat", {"peildatum": PEIL.isoformat()})
    assert result.status_code == 200
    data = result.json()
    assert data["totaal"]["medewerkers"] == 28
    assert data["totaal"]["jaren"][2] == {"jaar": 2027, "aanbod": 23.0, "vraag": 24.8, "verschil": -1.8}
    families = {f["functiefamilie"]: f for f in data["functiefamilies"]}
    assert families["beleid"]["medewerkers"] == 15
    assert families["hrm"]["medewerkers"] is None
    assert families["ict"]["jaren"][0] == {"jaar": 2025, "aanbod": None, "vraag": None, "verschil": None}
    assert council.get(f"{BASE}/scenarios/{scenario.pk}").json()["magWijzigen"] is False
    assert (
        council.patch(f"{BASE}/scenarios/{scenario.pk}", "{}", content_type="application/json").status_code
        == 403
    )
    assert council.delete(f"{BASE}/scenarios/{scenario.pk}").status_code == 403
    assert _client(planning, "leidinggevende").get(f"{BASE}/scenarios/{scenario.pk}").status_code == 403
    assert _client(planning, "beheerder").delete(f"{BASE}/scenarios/{scenario.pk}").status_code == 204


def test_comparison(planning) -> None:  # type: ignore[no-untyped-def]
    growth = WorkforcePlanScenarioFactory(
        name="Groei", organisation=planning.ddo, horizon_years=6, growth_pct=10
    )
    shrink = WorkforcePlanScenarioFactory(name="Krimp", organisation=planning.ddo, horizon_years=4, growth_pct=-10,
                                          technology_pct={"ict": 20})  # fmt: skip
    client = _client(planning, "analist")
    response = client.get(
        f"{BASE}/vergelijking", {"scenarios": f"{growth.pk},{shrink.pk}", "peildatum": "2025-06-01"}
    )
    assert response.status_code == 200
    data = response.json()
    assert [s["naam"] for s in data["scenarios"]] == ["Groei", "Krimp"]
    assert [y["jaar"] for y in data["jaren"]] == [2025, 2026, 2027, 2028]
    assert data["jaren"][0]["scenarios"] == [
        {"scenario": growth.pk, "aanbod": 26.0, "vraag": 28.6, "verschil": -2.6},
        {"scenario": shrink.pk, "aanbod": 26.0, "vraag": 23.0, "verschil": 3.0},
    ]
    bad = client.get(f"{BASE}/vergelijking", {"scenarios": str(growth.pk)})
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"] == "scenarios"
    assert client.get(f"{BASE}/vergelijking", {"scenarios": f"{growth.pk},999999"}).status_code == 404
    fin = WorkforcePlanScenarioFactory(name="FIN", organisation=planning.world.orgs["fin"])
    hr = _client(planning, "hr-adviseur")
    assert hr.get(f"{BASE}/vergelijking", {"scenarios": f"{growth.pk},{fin.pk}"}).status_code == 403


def test_vaardigheden_panel(planning) -> None:  # type: ignore[no-untyped-def]
    response = _client(planning, "hr-adviseur").get(
        "/api/v1/stuurinformatie/vaardigheden", {"organisatie": "ddo"}
    )
    assert response.status_code == 200
    data = response.json()["gegevens"]
    assert (data["headcount"], data["sharing"], data["opportunities"]) == (28, 12, 2)
    assert [(r["label"], r["people"]) for r in data["present"]] == [("beleid ontwikkelen", 12)]
    assert [(r["label"], r["weight"], r["people"]) for r in data["scarce"]] == [
        ("wetgeving", 2.0, 0),
        ("data-analyse", 4.0, None),
        ("beleid ontwikkelen", 1.0, 12),
    ]
    assert _client(planning, "hr-adviseur").get("/api/v1/stuurinformatie/vaardigheden").status_code == 403
