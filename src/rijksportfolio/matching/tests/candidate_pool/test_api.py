# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/kandidatenpool`` end to end: propose, the candidate's view and answers, the search with
explanations, contacting, withdrawing; Dutch problem+json errors."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from rijksportfolio.matching.models import PoolEntry
from rijksportfolio.matching.tests.candidate_pool.conftest import NOTE, in_pool, propose
from rijksportfolio.portfolios.tests.factories import user_for


@pytest.fixture
def client_of():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def _post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_propose_consent_search_contact_withdraw_through_the_api(
    client_of, leader, opportunity, candidate, searcher
):
    proposed = _post(
        client_of(leader),
        "/api/v1/kandidatenpool/voordrachten",
        {"kans": opportunity.pk, "medewerker": candidate.personnel_number, "toelichting": NOTE},
    )
    assert proposed.status_code == 201, proposed.content
    body = proposed.json()
    assert (body["status"], body["kans"], body["kandidaat"], body["zichtbaarTot"]) == (
        "voorgesteld",
        opportunity.pk,
        {"personeelsnummer": candidate.personnel_number, "naam": "Anna Smit"},
        None,
    )
    assert body["voorgedragenOp"].endswith("Z")
    entry_id = body["id"]

    me = client_of(user_for(candidate))
    mine = me.get("/api/v1/kandidatenpool/mijn").json()
    assert mine["voordrachtenToegestaan"] is True
    assert [(d["id"], d["status"], d["toelichting"], d["voorgedragenDoor"]) for d in mine["deelnames"]] == [
        (entry_id, "voorgesteld", NOTE, leader.person.full_name)
    ]
    assert mine["gezienEnBenaderd"] == []

    search = {"tekst": "auditor"}
    assert _post(client_of(searcher), "/api/v1/kandidatenpool/_zoek", search).json()["resultaten"] == []

    consented = _post(me, f"/api/v1/kandidatenpool/mijn/{entry_id}/_toestemmen", {"maanden": 6})
    assert consented.status_code == 200, consented.content
    assert (consented.json()["status"], consented.json()["maanden"]) == ("actief", 6)

    found = _post(client_of(searcher), "/api/v1/kandidatenpool/_zoek", search)
    assert found.status_code == 200
    result = found.json()
    assert (result["algoritmeversie"], result["gerangschikt"]) == ("match-1.0", True)
    [hit] = result["resultaten"]
    assert (hit["positie"], hit["deelname"], hit["naam"], hit["voordracht"]) == (
        1,
        entry_id,
        "Anna Smit",
        [NOTE],
    )
    assert hit["toelichting"] == [  # the only part of the score: it is the whole score
        {
            "tekst": "Toelichting bij de voordracht — komt overeen met: auditor",
            "aandeel": pytest.approx(hit["score"], abs=1e-9),
        }
    ]
    assert 0 < hit["score"] < 1
    assert "personeelsnummer" not in hit

    contacted = _post(
        client_of(searcher), f"/api/v1/kandidatenpool/{entry_id}/_benader", {"bericht": "Koffie?"}
    )
    assert contacted.status_code == 201, contacted.content
    assert (contacted.json()["deelname"], contacted.json()["kans"]) == (entry_id, None)
    seen = me.get("/api/v1/kandidatenpool/mijn").json()["gezienEnBenaderd"]
    assert [(e["wie"], e["wat"]) for e in seen] == [
        ("Mirjam Bakker", "benaderd"),
        ("Mirjam Bakker", "gevonden"),
    ]

    withdrawn = _post(me, f"/api/v1/kandidatenpool/mijn/{entry_id}/_intrekken")
    assert withdrawn.status_code == 204
    assert _post(client_of(searcher), "/api/v1/kandidatenpool/_zoek", search).json()["resultaten"] == []
    assert me.get(f"/api/v1/kandidatenpool/mijn/{entry_id}").status_code == 404


def test_the_pool_search_answers_in_the_language_asked_for(
    client_of, leader, opportunity, candidate, searcher, skills
):
    in_pool(leader, opportunity, candidate)
    search = {
        "vaardigheden": [{"uri": skills["security"].uri, "minimumniveau": "ervaren"}],
        "tekst": "auditor",
    }
    client = client_of(searcher)
    english = client.post(
        "/api/v1/kandidatenpool/_zoek", json.dumps(search), content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    ).json()["resultaten"][0]  # fmt: skip
    assert [t["tekst"] for t in english["toelichting"]] == [
        "information security — direct, level experienced",
        "Note with the proposal — matches: auditor",
    ]
    dutch = _post(client, "/api/v1/kandidatenpool/_zoek", search).json()["resultaten"][0]
    assert [t["tekst"] for t in dutch["toelichting"]] == [
        "informatiebeveiliging — direct, niveau ervaren",
        "Toelichting bij de voordracht — komt overeen met: auditor",
    ]


def test_decline_and_opt_out_and_back(client_of, leader, opportunity, candidate):
    entry = propose(leader, opportunity, candidate)
    me = client_of(user_for(candidate))
    declined = _post(me, f"/api/v1/kandidatenpool/mijn/{entry.pk}/_weigeren", {"geenVoordrachtenMeer": True})
    assert declined.status_code == 204
    assert not PoolEntry.objects.exists()
    assert me.get("/api/v1/kandidatenpool/mijn").json()["voordrachtenToegestaan"] is False
    refused = _post(
        client_of(leader),
        "/api/v1/kandidatenpool/voordrachten",
        {"kans": opportunity.pk, "medewerker": candidate.personnel_number, "toelichting": NOTE},
    )
    assert refused.status_code == 400
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["invalidParams"] == [
        {
            "name": "medewerker",
            "code": "invalid",
            "reason": "Deze medewerker wil niet worden voorgedragen voor de kandidatenpool.",
        }
    ]
    back = me.put(
        "/api/v1/kandidatenpool/mijn/voorkeur",
        json.dumps({"voordrachtenToegestaan": True}),
        content_type="application/json",
    )
    assert back.json() == {"voordrachtenToegestaan": True}


def test_a_period_out_of_bounds_is_a_dutch_problem(client_of, leader, opportunity, candidate):
    entry = propose(leader, opportunity, candidate)
    response = _post(
        client_of(user_for(candidate)), f"/api/v1/kandidatenpool/mijn/{entry.pk}/_toestemmen", {"maanden": 13}
    )
    assert response.status_code == 400
    assert response.json()["title"] == "Ongeldige invoer."
    assert response.json()["invalidParams"][0]["name"] == "maanden"
    assert (
        response.json()["invalidParams"][0]["reason"]
        == "Zorg ervoor dat deze waarde kleiner is dan of gelijk is aan 12."
    )
    entry.refresh_from_db()
    assert entry.status == "voorgesteld"


def test_only_the_candidate_answers_and_only_vacancy_holders_search(
    client_of, leader, opportunity, candidate, searcher
):
    entry = propose(leader, opportunity, candidate)
    for other in (leader, searcher):
        response = _post(
            client_of(other), f"/api/v1/kandidatenpool/mijn/{entry.pk}/_toestemmen", {"maanden": 12}
        )
        assert response.status_code == 403
        assert response["Content-Type"] == "application/problem+json"
    employee = client_of(user_for(candidate))
    assert _post(employee, "/api/v1/kandidatenpool/_zoek", {"tekst": "x"}).status_code == 403
    assert (
        _post(
            client_of(searcher), f"/api/v1/kandidatenpool/{entry.pk}/_benader", {"bericht": "Hoi"}
        ).status_code
        == 403
    )


def test_the_proposer_lists_and_takes_back_proposals(client_of, leader, opportunity, candidate, searcher):
    entry = propose(leader, opportunity, candidate)
    client = client_of(leader)
    listed = client.get("/api/v1/kandidatenpool/voordrachten").json()
    assert [(r["id"], r["status"]) for r in listed["resultaten"]] == [(entry.pk, "voorgesteld")]
    assert client_of(searcher).delete(f"/api/v1/kandidatenpool/voordrachten/{entry.pk}").status_code == 403
    assert client.delete(f"/api/v1/kandidatenpool/voordrachten/{entry.pk}").status_code == 204
    assert client.get("/api/v1/kandidatenpool/voordrachten").json()["resultaten"] == []


def test_moving_the_end(client_of, leader, opportunity, candidate):
    entry = in_pool(leader, opportunity, candidate, months=12)
    response = _post(
        client_of(user_for(candidate)), f"/api/v1/kandidatenpool/mijn/{entry.pk}/_verlengen", {"maanden": 2}
    )
    assert response.status_code == 200
    assert response.json()["maanden"] == 2
