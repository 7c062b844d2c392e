# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/eerlijkheidsmonitor``: measuring through the API, the list (scopes, filter, pagination), one
measurement, refusals as Dutch problem+json, audit of every read, and the same figures as the page."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.domain.charts import format_number
from rijksportfolio.matching import services
from rijksportfolio.matching.models import FairnessRun
from rijksportfolio.people.tests.factories import PersonFactory
from rijksportfolio.portfolios.tests.factories import user_for

LIST = "/api/v1/eerlijkheidsmonitor/metingen"
MEASURE = "/api/v1/eerlijkheidsmonitor/_meten"


def _client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _post(client, body):
    return client.post(MEASURE, json.dumps(body), content_type="application/json")


def _problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def _reads():
    return list(
        AuditEvent.objects.filter(object_type="matching_fairness_run", action="read")
        .order_by("id")
        .values_list("actor__username", "object_id", "outcome")
    )


def _groups(meting, dimensie):
    d = next(d for d in meting["dimensies"] if d["dimensie"] == dimensie)
    return {g["groep"]: g for g in d["groepen"]}


def test_an_hr_adviser_measures_their_organisation_and_gets_the_measurement(fairness_world):
    hr = fairness_world["hr"]
    response = _post(_client(hr), {"organisatie": "dgop"})
    assert response.status_code == 201, response.content
    run = FairnessRun.objects.get()
    assert (run.organisation, run.requested_by, run.top_k) == (fairness_world["org"], hr, 50)
    data = response.json()
    assert data["id"] == run.pk
    assert (data["organisatie"], data["bereik"], data["topK"], data["aantalZoekvragen"]) == (
        "dgop",
        "DG Overheidsorganisatie",
        50,
        3,
    )
    assert data["algoritmeversie"] == run.algorithm_version
    assert data["gemetenOp"].endswith("Z")
    assert data["gemetenDoor"] == hr.person.full_name
    gender = _groups(data, "geslacht")
    # all 27 fit in the top 50, but the men never score half of what is asked
    assert gender["male"]["markeringen"] == ["score"]
    assert (gender["male"]["kansTop"], gender["male"]["verhoudingScore"]) == (1.0, 0.0)
    assert gender["other"] == {
        "groep": "other",
        "naam": "Anders",
        "mensen": None,
        "teWeinigMensen": True,
        "kansTop": None,
        "verhoudingTop": None,
        "kansScore": None,
        "verhoudingScore": None,
        "markeringen": [],
    }
    assert list(_groups(data, "leeftijd")) == ["<30", "30-44", "45-54", "55+"]
    assert AuditEvent.objects.filter(object_type="matching_fairness_run", action="create").count() == 1
    assert _reads() == [(hr.username, str(run.pk), "success")]  # as the page, which shows the run


def test_the_rijk_when_no_organisation_is_given_for_analysts_only(fairness_world):
    response = _post(_client(fairness_world["analyst"]), {})
    assert response.status_code == 201, response.content
    assert (response.json()["organisatie"], response.json()["bereik"]) == (None, "Het Rijk")
    assert FairnessRun.objects.get().organisation is None
    assert _post(_client(fairness_world["analyst"]), {"organisatie": None}).status_code == 201


def test_measuring_outside_the_scope_or_for_an_unknown_organisation_is_refused(fairness_world):
    hr = _client(fairness_world["hr"])
    body = _problem(_post(hr, {}), 403)  # the Rijk is for analysts
    assert body["title"] == "Geen toegang."
    _problem(_post(hr, {"organisatie": "fin"}), 403)
    _problem(_post(_client(user_for(PersonFactory())), {"organisatie": "dgop"}), 403)
    body = _problem(_post(hr, {"organisatie": "bestaat-niet"}), 400)
    assert [p["name"] for p in body["invalidParams"]] == ["organisatie"]
    assert not FairnessRun.objects.exists()


@pytest.fixture
def runs(fairness_world):
    """Three runs, oldest first: the directorate (HR adviser), Financiën and the Rijk (analyst)."""
    return [
        services.fairness_run_create(actor=fairness_world["hr"], organisation=fairness_world["org"]),
        services.fairness_run_create(
            actor=fairness_world["analyst"], organisation=fairness_world["elsewhere"]
        ),
        services.fairness_run_create(actor=fairness_world["analyst"], organisation=None),
    ]


def test_the_list_holds_the_runs_of_every_scope_the_caller_may_monitor_newest_first(fairness_world, runs):
    dgop, fin, rijk = runs
    analyst = _client(fairness_world["analyst"]).get(LIST).json()
    assert set(analyst) == {"_links", "totaal", "paginas", "resultaten"}
    assert [m["id"] for m in analyst["resultaten"]] == [rijk.pk, fin.pk, dgop.pk]
    hr = _client(fairness_world["hr"]).get(LIST).json()  # BZK and everything under it only
    assert (hr["totaal"], [m["id"] for m in hr["resultaten"]]) == (1, [dgop.pk])
    filtered = _client(fairness_world["analyst"]).get(LIST, {"organisatie": "fin"}).json()
    assert [m["id"] for m in filtered["resultaten"]] == [fin.pk]
    assert (
        _client(fairness_world["hr"]).get(LIST, {"organisatie": "bzk"}).json()["totaal"] == 0
    )  # exact scope
    page = _client(fairness_world["analyst"]).get(LIST, {"pageSize": 1, "page": 2}).json()
    assert (page["totaal"], page["paginas"], [m["id"] for m in page["resultaten"]]) == (3, 3, [fin.pk])


def test_every_run_in_a_list_answer_is_an_audited_read(fairness_world, runs):
    hr = fairness_world["hr"]
    _client(hr).get(LIST)
    assert _reads() == [(hr.username, str(runs[0].pk), "success")]


def test_the_list_is_refused_outside_the_scope_and_to_people_who_monitor_nothing(fairness_world, runs):
    body = _problem(_client(fairness_world["hr"]).get(LIST, {"organisatie": "fin"}), 403)
    assert body["detail"]
    _problem(_client(user_for(PersonFactory())).get(LIST), 403)
    body = _problem(_client(fairness_world["hr"]).get(LIST, {"organisatie": "bestaat-niet"}), 400)
    assert [p["name"] for p in body["invalidParams"]] == ["organisatie"]
    assert _reads() == []


def test_one_measurement_is_guarded_and_audited(fairness_world, runs):
    dgop, fin, _rijk = runs
    hr = fairness_world["hr"]
    assert _client(hr).get(f"{LIST}/{dgop.pk}").json()["id"] == dgop.pk
    _problem(_client(hr).get(f"{LIST}/{fin.pk}"), 403)
    body = _problem(_client(hr).get(f"{LIST}/{fin.pk + 1000}"), 404)
    assert body["title"] == "Niet gevonden."
    _problem(_client(hr).get(f"{LIST}/{dgop.pk}/"), 404)  # no trailing slashes
    assert _reads() == [(hr.username, str(dgop.pk), "success"), (hr.username, str(fin.pk), "denied")]


def _pct(rate):
    return None if rate is None else 100 * rate


def test_the_api_gives_the_figures_the_page_shows(fairness_world):
    run = services.fairness_run_create(
        actor=fairness_world["hr"], organisation=fairness_world["org"], top_k=12
    )
    client = _client(fairness_world["hr"])
    page = client.get(reverse("matching:fairness_run", args=[run.pk])).context["latest"]
    meting = client.get(f"{LIST}/{run.pk}").json()
    assert meting == client.get(LIST).json()["resultaten"][0]
    assert page["population"] == (
        "minder dan 10 (afgeschermd)" if meting["mensen"] is None else str(meting["mensen"])
    )
    assert page["min_gender"] == format_number(meting["laagsteVerhoudingGeslacht"], 2)
    assert page["min_age"] == format_number(meting["laagsteVerhoudingLeeftijd"], 2)
    assert len(page["sections"]) == len(meting["dimensies"]) == 2
    flagged = 0
    for section, dimensie in zip(page["sections"], meting["dimensies"], strict=True):
        rows = section["chart"].table.rows
        api_rows = [
            (
                g["naam"],
                (
                    g["mensen"],
                    _pct(g["kansTop"]),
                    g["verhoudingTop"],
                    _pct(g["kansScore"]),
                    g["verhoudingScore"],
                ),
            )
            for g in dimensie["groepen"]
        ]
        assert list(rows) == api_rows
        for shown, g in zip(section["assessment"], dimensie["groepen"], strict=True):
            assert shown["label"] == g["naam"]
            assert shown["flagged"] == bool(g["markeringen"])
            assert shown["status"].startswith("Te weinig mensen") == g["teWeinigMensen"]
            flagged += bool(g["markeringen"])
    assert flagged == len(page["flags"]) > 0
    assert meting["aantalMarkeringen"] == run.flagged
