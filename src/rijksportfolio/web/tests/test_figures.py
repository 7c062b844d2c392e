# SPDX-License-Identifier: EUPL-1.2
"""The "Rijk in cijfers" page: Rijk-wide headcounts as charts with tables, suppressed, downloadable."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from rijksportfolio.people.constants import ContractType, Gender
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def client_for(world, username: str) -> Client:
    client = Client()
    client.force_login(world.users[username])
    return client


@pytest.fixture
def staffed(world):
    """Beside the world's 10 people: 30 women and 25 men at BZK in scale 11, 20 men at FIN in scale 8."""
    for k in range(55):
        person = PersonFactory(
            gender=Gender.FEMALE if k < 30 else Gender.MALE, date_of_birth=date(1980, 5, 1)
        )
        EmploymentFactory(
            person=person, organisation=world.orgs["bzk"], salary_scale=11, start_date=date(2010, 1, 1)
        )
    for _ in range(20):
        person = PersonFactory(gender=Gender.MALE, date_of_birth=date(1990, 5, 1))
        EmploymentFactory(
            person=person, organisation=world.orgs["fin"], salary_scale=8, start_date=date(2010, 1, 1)
        )
    return world


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_page_shows_each_chart_with_its_table_and_is_in_the_navigation(staffed):
    html = client_for(staffed, "analist").get(reverse("web:figures")).content.decode()
    assert '<a class="rpf-nav__link" href="/rijk-in-cijfers" aria-current="page">Rijk in cijfers</a>' in html
    assert html.count('role="img"') == 5
    assert html.count("<table") == 5
    for caption in (
        "Medewerkers per ministerie",
        "Medewerkers per schaalgroep",
        "Medewerkers per ministerie en schaalgroep",
        "Medewerkers op 1 januari, per geslacht",
        "Leeftijdsopbouw per geslacht",
    ):
        assert f">{caption}</caption>" in html
    assert " style=" not in html


def test_headcounts_are_suppressed_consistently_across_the_tables(staffed):
    client = client_for(staffed, "analist")
    url = reverse("web:figures")
    per_ministry = _csv(client.get(url, {"formaat": "csv", "tabel": "ministerie"}))
    # BZK: 55 + the world's 7 = 62, FIN: 20 + the world's 2 = 22; 84 in all, each person counted once.
    assert per_ministry == [
        ["Ministerie", "Medewerkers"],
        ["Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "62"],
        ["Ministerie van Financiën", "22"],
        ["Totaal", "84"],
    ]
    matrix = _csv(client.get(url, {"formaat": "csv", "tabel": "ministerie-schaalgroep"}))
    assert matrix[0] == [
        "Ministerie",
        *[f"schaal {g}" for g in ("1–6", "7–9", "10–11", "12–13", "14–15", "16–18")],
        "Totaal",
    ]
    assert matrix[-1][-1] == "84"
    for row in matrix[1:]:
        for value in row[1:]:
            assert value in ("< 10", "x", "0") or int(value) >= 10
    assert [row[-1] for row in matrix[1:-1]] == ["62", "22"]  # the margins are the per-ministry table
    ages = _csv(client.get(url, {"formaat": "csv", "tabel": "leeftijd"}))
    assert ages[-1][-1] == "84"  # the same headcount, not hidden in one table while shown in another
    trend = _csv(client.get(url, {"formaat": "csv", "tabel": "ontwikkeling"}))
    assert trend[0] == ["Jaar", "Vrouw", "Man", "Anders of onbekend", "Totaal"]
    assert [row[0] for row in trend[1:]] == [
        str(date.today().year - k) for k in range(9, -1, -1)
    ]  # no sum of years
    # 75 people since 2010, the world's employee at Belastingdienst 2015-03-01 to 2019-12-31, and the world's
    # 9 records from 2020-01-01 on
    expected = {
        y: 75 + (y in range(2016, 2020)) + 9 * (y >= 2020)
        for y in range(date.today().year - 9, date.today().year + 1)
    }
    assert {int(row[0]): int(row[-1]) for row in trend[1:]} == expected


def test_xlsx_holds_every_table_of_the_page(staffed):
    response = client_for(staffed, "analist").get(reverse("web:figures"), {"formaat": "xlsx"})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert re.fullmatch(
        r'attachment; filename="rijk-in-cijfers-\d{4}-\d\d-\d\d\.xlsx"', response["Content-Disposition"]
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Medewerkers per ministerie",
        "Medewerkers per schaalgroep",
        "Medewerkers per ministerie en s",
        "Medewerkers op 1 januari, per g",
        "Leeftijdsopbouw per geslacht",
        "Toelichting",
    ]
    assert workbook["Medewerkers per ministerie"]["B4"].value == 84


def test_only_rijk_wide_analysts_get_the_page_or_its_downloads(staffed):
    for username in ("hr-adviseur", "or-lid", "medewerker", "leidinggevende"):
        client = client_for(staffed, username)
        assert client.get(reverse("web:figures")).status_code == 403, username
        assert client.get(reverse("web:figures"), {"formaat": "xlsx"}).status_code == 403, username
    html = client_for(staffed, "hr-adviseur").get(reverse("web:home")).content.decode()
    assert "/rijk-in-cijfers" not in html


def test_page_in_english(staffed):
    client = client_for(staffed, "analist")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("web:figures")).content.decode()
    assert '<h1 class="nl-heading nl-heading--level-1">Government in figures</h1>' in html
    assert ">Employees per ministry</caption>" in html
    assert ">suppressed</text>" in html  # the legend of the stacked bars' hidden remainder, drawn in the SVG
    assert ">afgeschermd<" not in html


def test_external_hires_are_not_counted(staffed):
    EmploymentFactory(
        organisation=staffed.orgs["bzk"], contract_type=ContractType.EXTERNAL, start_date=date(2020, 1, 1)
    )
    rows = _csv(
        client_for(staffed, "analist").get(reverse("web:figures"), {"formaat": "csv", "tabel": "ministerie"})
    )
    assert rows[-1] == ["Totaal", "84"]
