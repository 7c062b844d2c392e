# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/stuurinformatie`` and the open data on the shared test world plus known extra staff."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.people.constants import ContractType
from rijksportfolio.people.models import Employment
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
from rijksportfolio.web.tests.world import build_world
from rijksportfolio.workforce import store

PEIL = "2025-06-01"


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    w = build_world()
    # twelve more people in team-a since 2016 (in the same job for over 5 years), one of them seconded to
    # team-a since 2023 (over a year at the peildatum)
    for _ in range(12):
        EmploymentFactory(
            person=PersonFactory(),
            organisation=w.orgs["team"],
            job_title="Analist",
            contract_type=ContractType.PERMANENT,
            start_date=dt.date(2016, 1, 1),
            end_date=None,
            end_reason="",
        )
    w.secondee = PersonFactory(first_name="Lot", name_prefix="", last_name="Gedetacheerd")  # type: ignore[attr-defined]
    w.secondment = EmploymentFactory(  # type: ignore[attr-defined]
        person=w.secondee,  # type: ignore[attr-defined]
        organisation=w.orgs["team"],
        job_title="Adviseur",
        contract_type=ContractType.SECONDMENT,
        start_date=dt.date(2023, 1, 1),
        end_date=None,
        end_reason="",
    )
    store.refresh(full=True)
    return w


def _client(world, username: str) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.users[username])
    return client


def test_panel_for_the_rijk_with_small_counts_hidden(world) -> None:  # type: ignore[no-untyped-def]
    data = (
        _client(world, "analist").get("/api/v1/stuurinformatie/personeelsbestand", {"peildatum": PEIL}).json()
    )
    assert data["paneel"] == "personeelsbestand"
    assert data["gegevens"]["headcount"] == 9 + 12 + 1  # the world's nine, the twelve, the secondee
    bzk = (
        _client(world, "analist")
        .get("/api/v1/stuurinformatie/verdeling", {"peildatum": PEIL, "organisatie": "bzk"})
        .json()
    )
    contract = {r["key"]: r["headcount"] for r in bzk["gegevens"]["breakdowns"]["contract_type"]}
    assert contract["secondment"] is None  # one person: hidden, and a complement with it
    assert None in contract.values()
    # why each figure is hidden, by JSON pointer into the answer
    hidden = bzk["onderdrukking"]["verborgen"]
    rows = bzk["gegevens"]["breakdowns"]["contract_type"]
    k = next(i for i, r in enumerate(rows) if r["key"] == "secondment")
    assert hidden[f"/gegevens/breakdowns/contract_type/{k}/headcount"] == "primair"
    assert hidden[f"/gegevens/breakdowns/contract_type/{k}/fte"] == "afgeleid"
    assert set(hidden.values()) <= {"primair", "secundair", "afgeleid"}
    for pointer in hidden:  # every pointer names a null in the answer
        node = bzk
        for token in pointer.split("/")[1:]:
            node = node[int(token)] if isinstance(node, list) else node[token]
        assert node is None
    assert bzk["onderdrukking"]["drempel"] == 10
    denied = _client(world, "hr-adviseur").get(
        "/api/v1/stuurinformatie/personeelsbestand", {"peildatum": PEIL}
    )
    assert denied.status_code == 403  # the Rijk as a whole: analysts only
    assert denied["Content-Type"].startswith("application/problem+json")
    bad = _client(world, "analist").get(
        "/api/v1/stuurinformatie/personeelsbestand", {"peildatum": "2025-13-01"}
    )
    assert bad.status_code == 400
    assert _client(world, "analist").get("/api/v1/stuurinformatie/onbekend").status_code == 404


def test_manager_sees_the_357_list_of_own_team_and_each_read_is_audited(world) -> None:  # type: ignore[no-untyped-def]
    before = AuditEvent.objects.filter(object_type="workforce_357").count()
    data = (
        _client(world, "leidinggevende")
        .get(
            "/api/v1/stuurinformatie/drie-vijf-zeven/medewerkers",
            {"peildatum": PEIL, "organisatie": "team-a"},
        )
        .json()
    )
    # the twelve since 2016 and the world's two team members since 2020 (5.4 years); not the secondee (2.4)
    since = sorted(m["inFunctieSinds"] for m in data["medewerkers"])
    assert since == ["2016-01-01"] * 12 + ["2020-01-01"] * 2
    assert AuditEvent.objects.filter(object_type="workforce_357").count() == before + 14
    assert (
        _client(world, "hr-adviseur")
        .get("/api/v1/stuurinformatie/drie-vijf-zeven/medewerkers", {"organisatie": "team-a"})
        .status_code
        == 403
    )


def test_secondment_register_and_explanation(world) -> None:  # type: ignore[no-untyped-def]
    hr = _client(world, "hr-adviseur")
    register = hr.get(
        "/api/v1/stuurinformatie/detacheringen/register", {"peildatum": PEIL, "organisatie": "bzk"}
    )
    rows = register.json()["detacheringen"]
    expected = Employment.objects.filter(
        contract_type=ContractType.SECONDMENT,
        organisation__path__startswith=world.orgs["bzk"].path,
        start_date__lt=dt.date(2024, 6, 1),
        end_date__isnull=True,
    )
    assert sorted(r["dienstverband"] for r in rows) == sorted(e.pk for e in expected)
    mine = next(r for r in rows if r["dienstverband"] == world.secondment.pk)
    assert (mine["sinds"], mine["naam"], mine["toelichting"]) == ("2023-01-01", "Lot Gedetacheerd", "")
    url = f"/api/v1/stuurinformatie/detacheringen/{world.secondment.pk}/toelichting"
    put = hr.put(
        url, json.dumps({"toelichting": "Overdracht loopt tot 1 september."}), content_type="application/json"
    )
    assert put.status_code == 200
    rows = hr.get(
        "/api/v1/stuurinformatie/detacheringen/register", {"peildatum": PEIL, "organisatie": "bzk"}
    ).json()["detacheringen"]
    mine = next(r for r in rows if r["dienstverband"] == world.secondment.pk)
    assert mine["toelichting"] == "Overdracht loopt tot 1 september."
    assert (
        _client(world, "or-lid")
        .put(url, json.dumps({"toelichting": "x"}), content_type="application/json")
        .status_code
        == 403
    )


def test_open_data_is_public_json_and_csv(world) -> None:  # type: ignore[no-untyped-def]
    anonymous = Client()
    data = anonymous.get("/api/v1/open-data/stuurinformatie", {"peildatum": PEIL}).json()
    assert data["schema"] == "1"
    assert data["headcount"] == 22
    assert all(
        r["headcount"] is None or r["headcount"] == 0 or r["headcount"] >= 10 for r in data["by"]["gender"]
    )
    csv = anonymous.get("/api/v1/open-data/stuurinformatie", {"peildatum": PEIL, "formaat": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().splitlines()
    assert lines[0] == "tabel;periode;categorie;waarde"
    assert f"headcount;{PEIL};;22" in lines
