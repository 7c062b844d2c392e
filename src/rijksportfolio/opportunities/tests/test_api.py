# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/kansen`` and ``/api/v1/expertise/_zoek`` end to end (client → API → services → engine)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from rijksportfolio.matching import index
from rijksportfolio.matching.models import RankingLog
from rijksportfolio.matching.tests.conftest import make_person
from rijksportfolio.skills.tests.factories import SkillFactory


@pytest.fixture(autouse=True)
def fresh_index():
    index.forget()
    yield
    index.forget()


@pytest.fixture
def client_of():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_create_edit_publish_search_and_close_through_the_api(client_of, leader_user, directorate):
    skill = SkillFactory(preferred_label_nl="informatiebeveiliging", uri="http://esco/skill/infosec")
    person = make_person("Noor", "Nijland", skills=[(skill, "expert")])
    client = client_of(leader_user)
    created = _post(client, "/api/v1/kansen", {
        "soort": "klus", "titel": "Pentest begeleiden", "organisatie": directorate.code, "werkwijze": "op_afstand",
        "omschrijving": "<script>x</script>Twee dagen", "vaardigheden": [{"uri": skill.uri, "minimumniveau": "ervaren"}],
    })  # fmt: skip
    assert created.status_code == 201, created.content
    kans = created.json()
    assert (kans["status"], kans["isEigen"], kans["vaardigheden"][0]["minimumniveau"]) == (
        "concept",
        True,
        "ervaren",
    )
    assert kans["omschrijvingHtml"] == "<p>&lt;script&gt;x&lt;/script&gt;Twee dagen</p>"
    url = f"/api/v1/kansen/{kans['id']}"
    assert (
        client.patch(url, json.dumps({"urenPerWeek": 6}), content_type="application/json").json()[
            "urenPerWeek"
        ]
        == 6
    )
    assert _post(client, f"{url}/_publiceer", {}).json()["status"] == "gepubliceerd"
    found = _post(client, f"{url}/kandidaten/_zoek", {"filters": {"minUren": 8}}).json()
    assert found["algoritmeversie"] == "match-1.0"
    assert found["gerangschikt"] is True
    (result,) = found["resultaten"]
    assert (result["naam"], result["personeelsnummer"], result["score"]) == (
        "Noor Nijland",
        person.personnel_number,
        1.0,
    )
    assert result["toelichting"] == [
        {"tekst": "informatiebeveiliging — direct, niveau expert", "aandeel": 1.0}
    ]
    assert RankingLog.objects.get().result_ids == [person.pk]
    assert _post(client, f"{url}/_sluit", {}).json()["status"] == "gesloten"
    refused = client.delete(url)
    assert refused.status_code == 400
    assert refused["Content-Type"] == "application/problem+json"


def test_service_errors_are_problem_json_with_api_property_names(client_of, leader_user, directorate):
    response = _post(client_of(leader_user), "/api/v1/kansen", {
        "soort": "project", "titel": "X", "organisatie": directorate.code, "werkwijze": "op_locatie",
        "schaalVan": 12, "schaalTot": 10,
    })  # fmt: skip
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"schaalTot", "werklocatie"}


def test_expertise_search_needs_criteria_and_a_recruiting_role(client_of, leader_user, employee_user):
    empty = _post(client_of(leader_user), "/api/v1/expertise/_zoek", {})
    assert empty.status_code == 400
    assert empty.json()["invalidParams"][0]["name"] == "vaardigheden"
    assert _post(client_of(employee_user), "/api/v1/expertise/_zoek", {"tekst": "x"}).status_code == 403


def test_someone_elses_draft_is_refused(client_of, leader_user, employee_user, directorate):
    created = _post(client_of(leader_user), "/api/v1/kansen", {
        "soort": "klus", "titel": "Geheim concept", "organisatie": directorate.code, "werkwijze": "op_afstand",
    })  # fmt: skip
    assert client_of(employee_user).get(f"/api/v1/kansen/{created.json()['id']}").status_code == 403
    listed = client_of(employee_user).get("/api/v1/kansen").json()
    assert (listed["totaal"], listed["resultaten"]) == (0, [])
    assert client_of(leader_user).get("/api/v1/kansen").json()["totaal"] == 1


def test_the_expertise_search_answers_in_the_language_asked_for(client_of, leader_user):
    security = SkillFactory(
        preferred_label_nl="informatiebeveiliging", preferred_label_en="information security"
    )
    threat = SkillFactory(preferred_label_nl="", preferred_label_en="threat modelling")
    make_person("Noor", "Nijland", skills=[(security, "expert")])
    body = {
        "vaardigheden": [
            {"uri": security.uri, "minimumniveau": "ervaren"},
            {"uri": threat.uri, "essentieel": False},
        ]
    }
    client = client_of(leader_user)
    english = client.post(
        "/api/v1/expertise/_zoek",
        json.dumps(body),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert english.status_code == 200, english.content
    (hit,) = english.json()["resultaten"]
    assert hit["toelichting"] == [
        {"tekst": "information security — direct, level expert", "aandeel": pytest.approx(1 / 1.5)}
    ]
    assert hit["ontbreekt"] == ["threat modelling — missing (nice to have)"]
    (dutch,) = _post(client, "/api/v1/expertise/_zoek", body).json()["resultaten"]
    assert [t["tekst"] for t in dutch["toelichting"]] == ["informatiebeveiliging — direct, niveau expert"]
    assert dutch["ontbreekt"] == ["threat modelling (Engels) — ontbreekt (wenselijk)"]
