# SPDX-License-Identifier: EUPL-1.2
"""Every documented operation, called by an authorised user, answers as the OpenAPI document says."""

import json

import pytest
from django.db import transaction
from django.test import Client

from rijksportfolio.api.problems import TITLES
from rijksportfolio.portfolios.tests.api_samples import empty_export_document
from rijksportfolio.portfolios.tests.factories import EndorsementFactory
from rijksportfolio.skills.tests.factories import SkillFactory


def _path_values(world):
    collega = world.people["collega"]
    location = world.orgs["bzk"].locations.first()
    values = {"{personeelsnummer}": collega.personnel_number, "{id}": str(collega.employments.get().pk)}
    pw, me, other = world.portfolio, world.people["hr-adviseur"], world.people["open"]
    # {id} (and the other placeholders) per resource: the HR adviser's own portfolio and its requests;
    # endorsing needs someone else's visible profile.
    by_prefix = [
        (
            "/onderschrijvingen/mijn",
            {"{id}": pw.portfolios[other.pk].pk, "{vaardigheidId}": pw.skills[other.pk].skill_id},
        ),
        ("/api/v1/portfolios/", {"{id}": pw.portfolios[me.pk].pk}),
        ("/terugtrekken", {"{id}": pw.pending_by[me.pk].pk}),
        ("/intrekken", {"{id}": pw.grant_to[me.pk].pk}),
        ("/api/v1/inzageverzoeken/", {"{id}": pw.pending_to[me.pk].pk}),
        ("/api/v1/meldingen/", {"{id}": pw.notifications[me.pk].pk}),
        ("/nederlandse-naam", {"{id}": _labelled_skill().pk}),
        ("/api/v1/vaardigheden/", {"{id}": SkillFactory().pk}),
        ("/api/v1/rijk-vaardigheden/", {"{sleutel}": _rijk_skill_key()}),
    ]
    portfolio_values = {
        "{onderdeelId}": pw.items[me.pk].pk,
        "{vaardigheidId}": pw.skills[me.pk].skill_id,
        "{deel}": "dossier",
        "{sleutel}": "cursus",
    }

    def fill(path):
        if path.startswith("/api/v1/kansen/{id}"):
            return path.replace("{id}", str(_own_draft(world).pk))
        if path.startswith("/api/v1/kandidatenpool/") and "{id}" in path:
            return path.replace("{id}", str(_pool_entry_for(world, path).pk))
        code = location.code if path.startswith("/api/v1/werklocaties") else "bzk"
        for marker, mapping in by_prefix:
            if marker in path:
                for placeholder, value in mapping.items():
                    path = path.replace(placeholder, str(value))
        for placeholder, value in portfolio_values.items():
            path = path.replace(placeholder, str(value))
        if path.startswith("/api/v1/eerlijkheidsmonitor/metingen/{id}"):
            path = path.replace("{id}", str(_fairness_run(world).pk))
        if path.startswith("/api/v1/stuurinformatie/detacheringen/{id}"):
            path = path.replace("{id}", str(_secondment(world).pk))
        if path.startswith("/api/v1/stuurinformatie/mpp/scenarios/{id}"):
            path = path.replace("{id}", str(_scenario(world).pk))
        if path == "/api/v1/stuurinformatie/mpp/vergelijking":
            return f"{path}?scenarios={_scenario(world, 'A').pk},{_scenario(world, 'B').pk}"
        for placeholder, value in {**values, "{code}": code, "{paneel}": "verdeling"}.items():
            path = path.replace(placeholder, value)
        return path + STUURINFORMATIE_QUERIES.get(path.split("?")[0].rsplit("/", 1)[-1], "")

    return fill


def _labelled_skill():
    """An ESCO skill with a Dutch label of the Rijk (GET/PUT/DELETE …/nederlandse-naam)."""
    from rijksportfolio.skills import services

    skill = SkillFactory(preferred_label_nl="")
    services.dutch_label_set(actor=None, skill=skill, label="budgetten beheren")
    return skill


def _rijk_skill_key():
    from rijksportfolio.skills import services

    skill, _changed = services.rijk_skill_save(
        actor=None, key="conformiteit", label="IAK toepassen", broader_uri=SkillFactory().uri
    )
    return skill.uri.rsplit(":", 1)[-1]


def _own_draft(world):
    """A fresh draft of the HR adviser (the client), ready to publish: every kansen operation may act on it."""
    from rijksportfolio.opportunities.models import Opportunity, OpportunitySkill
    from rijksportfolio.skills.tests.factories import SkillFactory

    opportunity = Opportunity.objects.create(
        kind="klus", title="Conformiteit", description="Doe mee.", organisation=world.orgs["bzk"],
        work_mode="op_afstand", owner=world.users["hr-adviseur"].person,
    )  # fmt: skip
    OpportunitySkill.objects.create(opportunity=opportunity, skill=SkillFactory())
    return opportunity


def _scenario(world, name="Conformiteit"):
    """A fresh saved MPP scenario of the HR adviser (the client) for BZK: every operation may act on it (made
    outside the operation's transaction, so each gets a name of its own)."""
    from rijksportfolio.workforce.models import WorkforcePlanScenario

    return WorkforcePlanScenario.objects.create(
        name=f"{name} {WorkforcePlanScenario.objects.count()}",
        organisation=world.orgs["bzk"],
        owner=world.users["hr-adviseur"],
    )


def _pool_entry(world, person, *, active):
    from datetime import timedelta

    from django.utils import timezone

    from rijksportfolio.matching.models import PoolEntry

    now = timezone.now()
    return PoolEntry.objects.create(
        person=person, proposed_by=world.users["hr-adviseur"], note="Geschikt voor beleidswerk.",
        status="actief" if active else "voorgesteld", proposed_at=now, answer_by=now + timedelta(days=30),
        consented_at=now if active else None, months=12 if active else None,
        expires_at=now + timedelta(days=365) if active else None,
    )  # fmt: skip


def _pool_entry_for(world, path):
    """The candidate-pool entry each operation acts on: the HR adviser (the client) proposed a colleague
    (take back; contact once in the pool) and answers for their own entries as a candidate."""
    me, colleague = world.people["hr-adviseur"], world.people["collega"]
    if "/voordrachten/" in path:
        return _pool_entry(world, colleague, active=False)
    if path.endswith("/_benader"):
        return _pool_entry(world, colleague, active=True)
    return _pool_entry(world, me, active=path.endswith(("/_intrekken", "/_verlengen")))


def _pool_proposal(world):
    """A published opportunity of the HR adviser with the employee (who has a login) on its shortlist."""
    from rijksportfolio.matching.models import ShortlistEntry

    opportunity = _own_draft(world)
    opportunity.status = "gepubliceerd"
    opportunity.save(update_fields=["status"])
    ShortlistEntry.objects.create(opportunity=opportunity, person=world.people["medewerker"])
    return {
        "kans": opportunity.pk,
        "medewerker": world.people["medewerker"].personnel_number,
        "toelichting": "Goed.",
    }


def _fairness_run(world):
    """A stored fairness-monitor run for BZK (the HR adviser's scope)."""
    from datetime import date

    from rijksportfolio.matching.models import FairnessRun

    return FairnessRun.objects.create(
        organisation=world.orgs["bzk"], reference_date=date(2026, 1, 1), algorithm_version="match-1.0",
        queries=234, top_k=50, score_threshold=0.5, result={"dimensions": [], "flagged": []},
    )  # fmt: skip


def _secondment(world):
    from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory

    return EmploymentFactory(
        person=PersonFactory(), organisation=world.orgs["team"], contract_type="secondment", end_date=None
    )


# Query strings of stuurinformatie operations that need them (by last path segment), and operations signed
# in as someone else than the HR adviser.
STUURINFORMATIE_QUERIES = {
    "verdeling": "?organisatie=bzk",
    "register": "?organisatie=bzk",
    "medewerkers": "?organisatie=team-a",
}
AS_USER = {"/api/v1/stuurinformatie/drie-vijf-zeven/medewerkers": "leidinggevende"}


_BROADER = "http://data.europa.eu/esco/skill/conformiteit-breder"


def _body(world, method, path):
    if (method, path) == ("post", "/api/v1/rijk-vaardigheden"):
        return {"sleutel": "nieuw", "naam": "Wetgevingstoets", "breder": SkillFactory(uri=_BROADER).uri}
    if (method, path) == ("put", "/api/v1/rijk-vaardigheden/{sleutel}"):
        SkillFactory(uri=_BROADER)
    if (method, path) == ("post", "/api/v1/kandidatenpool/voordrachten"):
        return _pool_proposal(world)
    if (method, path) == ("post", "/api/v1/portfolios/{id}/import"):
        return empty_export_document()
    if (method, path) == ("post", "/api/v1/inzageverzoeken"):
        return {
            "portfolio": world.portfolio.portfolios[world.people["op-aanvraag"].pk].pk,
            "deel": "dossier",
            "doel": "Project",
        }
    return BODIES.get((method, path))


QUERIES = {("get", "/api/v1/portfolios/{id}/bekijk-als"): {"als": "grant"}}
# Category administration is for organisation administrators (functioneel beheer), not the HR adviser.
ADMIN_OPERATIONS = {
    # taxonomy administration: org administrators of the coordinating ministry (BZK)
    ("put", "/api/v1/vaardigheden/{id}/nederlandse-naam"),
    ("delete", "/api/v1/vaardigheden/{id}/nederlandse-naam"),
    ("post", "/api/v1/rijk-vaardigheden"),
    ("put", "/api/v1/rijk-vaardigheden/{sleutel}"),
    ("delete", "/api/v1/rijk-vaardigheden/{sleutel}"),
    ("get", "/api/v1/rijk-uitbreiding"),
    ("post", "/api/v1/rijk-uitbreiding/_importeer"),
    ("post", "/api/v1/onderdeelsoorten"),
    ("patch", "/api/v1/onderdeelsoorten/{sleutel}"),
    ("post", "/api/v1/onderdeelsoorten/{sleutel}/buiten-gebruik"),
    ("post", "/api/v1/onderdeelsoorten/{sleutel}/weer-in-gebruik"),
}


BODIES = {
    ("post", "/api/v1/kansen"): {
        "soort": "klus",
        "titel": "Een klus",
        "organisatie": "team-a",
        "werkwijze": "op_afstand",
    },
    ("patch", "/api/v1/kansen/{id}"): {"titel": "Andere titel"},
    ("post", "/api/v1/kansen/{id}/kandidaten/_zoek"): {},
    ("put", "/api/v1/kansen/{id}/kandidaatmeldingen"): {"aan": True, "drempel": 80},
    ("put", "/api/v1/kansmeldingen/instellingen"): {"aan": True, "frequentie": "wekelijks"},
    ("post", "/api/v1/expertise/_zoek"): {"tekst": "beleid"},
    ("post", "/api/v1/medewerkers"): {
        "personeelsnummer": "NIEUW-1",
        "voornaam": "Kim",
        "achternaam": "Nieuw",
        "geboortedatum": "1990-05-01",
        "dienstverband": {
            "organisatie": "team-a",
            "functienaam": "Jurist",
            "functiefamilie": "juridisch",
            "werksoort": "policy",
            "salarisschaal": 10,
            "fte": 1,
            "soortDienstverband": "permanent",
            "begindatum": "2025-01-01",
        },
    },
    ("post", "/api/v1/medewerkers/_zoek"): {"naam": "Visser"},
    ("post", "/api/v1/medewerkers/{personeelsnummer}/dienstverbanden"): {
        "organisatie": "logius",
        "functienaam": "Jurist",
        "functiefamilie": "juridisch",
        "werksoort": "policy",
        "salarisschaal": 10,
        "fte": 0.2,
        "soortDienstverband": "secondment",
        "begindatum": "2025-01-01",
    },
    ("patch", "/api/v1/medewerkers/{personeelsnummer}/dienstverbanden/{id}"): {
        "einddatum": "2025-06-30",
        "redenEinde": "mobility",
    },
    ("patch", "/api/v1/portfolios/{id}"): {"kopregel": "Adviseur"},
    ("patch", "/api/v1/portfolios/{id}/zichtbaarheid"): {"dossier": "rijk"},
    ("put", "/api/v1/portfolios/{id}/toestemming-matching"): {"toestemming": True},
    ("post", "/api/v1/portfolios/{id}/onderdelen"): {"soort": "interesse", "titel": "Fietsen"},
    ("patch", "/api/v1/portfolios/{id}/onderdelen/{onderdeelId}"): {"titel": "Anders"},
    ("put", "/api/v1/portfolios/{id}/vaardigheden/{vaardigheidId}"): {"niveau": "expert"},
    ("post", "/api/v1/inzageverzoeken/{id}/goedkeuren"): {"dagen": 30},
    ("post", "/api/v1/inzageverzoeken/{id}/afwijzen"): {"toelichting": "Nu niet"},
    ("patch", "/api/v1/meldingen/{id}"): {"gelezen": True},
    ("post", "/api/v1/portfolios/_zoek"): {"naam": "Visser"},
    ("post", "/api/v1/onderdeelsoorten"): {
        "sleutel": "spreekbeurt",
        "deel": "vrij",
        "naam": "Spreekbeurt",
        "naamEngels": "Talk",
    },
    ("patch", "/api/v1/onderdeelsoorten/{sleutel}"): {"naam": "Cursus of training"},
    ("put", "/api/v1/stuurinformatie/detacheringen/{id}/toelichting"): {"toelichting": "Loopt af in juni."},
    ("post", "/api/v1/stuurinformatie/mpp/scenarios"): {"naam": "Groei", "organisatie": "bzk", "groei": 1.5},
    ("patch", "/api/v1/stuurinformatie/mpp/scenarios/{id}"): {"horizon": 6},
    ("put", "/api/v1/vaardigheden/{id}/nederlandse-naam"): {"naam": "begrotingen beheren"},
    ("put", "/api/v1/rijk-vaardigheden/{sleutel}"): {"naam": "IAK gebruiken", "breder": _BROADER},
    ("post", "/api/v1/rijk-uitbreiding/_importeer"): {
        "inhoud": "uri;naam;alternatieve namen;omschrijving;soort;breder\r\n"
    },
    ("post", "/api/v1/kandidatenpool/_zoek"): {"tekst": "beleid"},
    ("post", "/api/v1/eerlijkheidsmonitor/_meten"): {"organisatie": "bzk"},
    ("post", "/api/v1/kandidatenpool/{id}/_benader"): {"bericht": "Zin in een kennismaking?"},
    ("put", "/api/v1/kandidatenpool/mijn/voorkeur"): {"voordrachtenToegestaan": True},
    ("post", "/api/v1/kandidatenpool/mijn/{id}/_toestemmen"): {"maanden": 12},
    ("post", "/api/v1/kandidatenpool/mijn/{id}/_verlengen"): {"maanden": 3},
}


def _operations(openapi):
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def test_every_documented_operation_answers_with_a_documented_status_and_content_type(
    world, hr_client, openapi
):
    other = world.people["open"]
    EndorsementFactory(portfolio_skill=world.portfolio.skills[other.pk], endorser=world.people["hr-adviseur"])
    admin_client = Client(raise_request_exception=False)
    admin_client.force_login(world.users["beheerder"])
    checked = 0
    fill = _path_values(world)
    for path, method, operation in _operations(openapi):
        url = fill(path)
        body = _body(world, method, path)
        client = admin_client if (method, path) in ADMIN_OPERATIONS else hr_client
        if path in AS_USER:
            client = Client(raise_request_exception=False)
            client.force_login(world.users[AS_USER[path]])
        with transaction.atomic():  # every operation against the same state: its writes are undone
            if method in ("post", "patch", "put"):
                response = getattr(client, method)(url, json.dumps(body), content_type="application/json")
            else:
                response = getattr(client, method)(url, QUERIES.get((method, path), {}))
            transaction.set_rollback(True)
        status = str(response.status_code)
        assert status.startswith("2"), (method, path, status, response.content[:300])
        assert status in operation["responses"], (method, path, status)
        documented = operation["responses"][status].get("content", {})
        if status != "204":
            assert response["Content-Type"].split(";")[0] in documented, (
                method,
                path,
                response["Content-Type"],
            )
        assert response["API-Version"] == "1.0.0"
        checked += 1
    assert checked == 104


def test_datetimes_are_utc_with_z(world, hr_client):
    collega = world.people["collega"]
    data = hr_client.get(f"/api/v1/medewerkers/{collega.personnel_number}/dienstverbanden").json()
    stamp = data["resultaten"][0]["aangemaaktOp"]
    assert stamp.endswith("Z")
    assert "+" not in stamp


def test_list_responses_are_paginated_with_links(world, hr_client):
    response = hr_client.get("/api/v1/organisaties", {"pageSize": 2})
    data = response.json()
    assert set(data) == {"_links", "totaal", "paginas", "resultaten"}
    assert data["totaal"] == 6
    assert data["paginas"] == 3
    assert len(data["resultaten"]) == 2
    assert data["_links"]["self"]["href"].endswith("/api/v1/organisaties?pageSize=2")
    assert data["_links"]["next"]["href"].endswith("/api/v1/organisaties?page=2&pageSize=2")
    assert data["_links"]["previous"] is None
    last = hr_client.get("/api/v1/organisaties", {"pageSize": 2, "page": 3}).json()
    assert last["_links"]["next"] is None
    assert last["_links"]["previous"] is not None


def test_a_page_beyond_the_last_is_a_404_problem(world, hr_client):
    response = hr_client.get("/api/v1/organisaties", {"page": 99})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_camel_case_properties_in_live_responses(world, hr_client):
    collega = world.people["collega"]
    card = hr_client.get(f"/api/v1/medewerkers/{collega.personnel_number}").json()
    assert set(card) == {
        "personeelsnummer",
        "naam",
        "huidigeFuncties",
        "organisatie",
        "werklocatie",
        "emailadres",
        "geboortedatum",
        "geslacht",
    }
    record = hr_client.get(f"/api/v1/medewerkers/{collega.personnel_number}/dienstverbanden").json()[
        "resultaten"
    ][0]
    assert {"soortDienstverband", "redenEinde", "aangemaaktOp", "begindatum", "einddatum"} <= set(record)


# --- errors ---------------------------------------------------------------------------------------------


def _assert_problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["status"] == status
    assert body["title"] == str(TITLES[status])  # Dutch
    assert body["type"] == f"https://rijksportfolio.nl/problemen/{status}"
    return body


def test_400_lists_invalid_params(world, hr_client):
    response = hr_client.post(
        "/api/v1/medewerkers", json.dumps({"voornaam": ""}), content_type="application/json"
    )
    body = _assert_problem(response, 400)
    names = {p["name"] for p in body["invalidParams"]}
    assert {"personeelsnummer", "voornaam", "achternaam", "geboortedatum", "dienstverband"} <= names
    assert all(p["reason"] for p in body["invalidParams"])


def test_401_for_anonymous_with_bearer_challenge(world):
    response = Client().get("/api/v1/medewerkers")
    _assert_problem(response, 401)
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_403_for_a_guest(world):
    client = Client()
    client.force_login(world.users["gast"])
    _assert_problem(client.get("/api/v1/organisaties"), 403)


@pytest.mark.parametrize(
    "url",
    ["/api/v1/bestaat-niet", "/api/v1/medewerkers/00000000", "/api/v1/organisaties/", "/api/v2/organisaties"],
)
def test_404_problem_for_unknown_resources_and_trailing_slashes(world, hr_client, url):
    _assert_problem(hr_client.get(url), 404)


def test_405_for_an_unsupported_method(world, hr_client):
    response = hr_client.delete("/api/v1/organisaties")
    _assert_problem(response, 405)
    assert response["Allow"]


def test_406_when_json_is_not_acceptable(world, hr_client):
    _assert_problem(hr_client.get("/api/v1/organisaties", HTTP_ACCEPT="text/html"), 406)


def test_415_for_a_non_json_body(world, hr_client):
    response = hr_client.post(
        "/api/v1/medewerkers/_zoek", "naam=Visser", content_type="application/x-www-form-urlencoded"
    )
    _assert_problem(response, 415)


@pytest.mark.urls("api_conformance.urls")
def test_429_problem_keeps_retry_after(world, hr_client):
    response = hr_client.get("/api/v1/_test/throttled")
    _assert_problem(response, 429)
    assert response["Retry-After"] == "30"


@pytest.mark.urls("api_conformance.urls")
@pytest.mark.parametrize("url", ["/api/v1/_test/broken", "/api/v1/_test/broken-plain"])
def test_500_is_a_problem_too(world, hr_client, url):
    body = _assert_problem(hr_client.get(url), 500)
    assert "a bug" not in json.dumps(body)  # no internals leak


def test_web_pages_keep_html_errors(world, hr_client):
    response = hr_client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "API-Version" not in response
    assert not response["Content-Type"].startswith("application/problem+json")


def test_a_refused_host_is_a_problem_on_the_api_and_a_page_elsewhere(world, hr_client):
    # DisallowedHost is raised by CommonMiddleware, before the API middleware sees the request
    body = _assert_problem(hr_client.get("/api/v1/organisaties", HTTP_HOST="evil.example"), 400)
    assert body["instance"] == "/api/v1/organisaties"
    page = hr_client.get("/organisaties", HTTP_HOST="evil.example")
    assert page.status_code == 400
    assert not page["Content-Type"].startswith("application/problem+json")
    assert "API-Version" not in page
