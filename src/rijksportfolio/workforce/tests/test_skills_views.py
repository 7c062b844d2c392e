# SPDX-License-Identifier: EUPL-1.2
"""The Vaardigheden dashboard: skills present in profiles visible Rijk-wide against skills asked by
published opportunities, the scarcest skills, per organisation, suppressed."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from rijksportfolio.workforce.tests.planning import build_planning


@pytest.fixture(autouse=True)
def dutch():  # type: ignore[no-untyped-def]
    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture
def planning(db):  # type: ignore[no-untyped-def]
    return build_planning(refresh=False)


def _get(planning, username: str, **params):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(planning.world.users[username])
    return client.get(reverse("workforce:vaardigheden"), params)


def _tables(response):  # type: ignore[no-untyped-def]
    return {chart.table.slug: chart.table for _heading, chart in response.context["sections"]}


def test_present_asked_and_scarce_for_a_directorate(planning) -> None:  # type: ignore[no-untyped-def]
    response = _get(planning, "hr-adviseur", organisatie="ddo")
    assert response.status_code == 200
    assert response.context["summary"] == [
        ("Medewerkers", "28"),
        ("Delen hun vaardighedenprofiel met het Rijk", "12"),  # the two op aanvraag do not count
        ("Gepubliceerde kansen", "2"),  # not the draft, not FIN's
    ]
    tables = _tables(response)
    # data-analyse is shared by 3: not listed among the skills present
    assert tables["vaardigheden-aanwezig"].rows == (("beleid ontwikkelen", (12,)),)
    assert tables["vaardigheden-gevraagd"].rows == (
        ("data-analyse", (2, 2, 4.0, None)),  # essential twice (2 + 2); the 3 holders hidden
        ("wetgeving", (1, 1, 2.0, 0)),
        ("beleid ontwikkelen", (1, 0, 1.0, 12)),  # optional once
    )
    assert tables["vaardigheden-schaarste"].rows == (
        ("wetgeving", (2.0, 0, 0.0)),
        ("data-analyse", (4.0, None, None)),
        ("beleid ontwikkelen", (1.0, 12, 12.0)),
    )
    per_unit = tables["vaardigheden-organisaties"]
    assert per_unit.rows == (("Directie Digitale Overheid", (28, 12, 2)),)
    assert per_unit.column_totals == (28, 12, 2)


def test_per_organisation_small_units_are_hidden(planning) -> None:  # type: ignore[no-untyped-def]
    response = _get(planning, "hr-adviseur", organisatie="bzk")
    per_unit = dict(_tables(response)["vaardigheden-organisaties"].rows)
    # BZK's own staff (2), Logius (1) and DG Overheidsorganisatie (4, with team-a) are below 10; together 7,
    # which the total of 35 minus ddo's 28 would give away: ddo's headcount is hidden too (its 12 sharing
    # stay: the 16 who do not share are hidden with it)
    assert per_unit["Directie Digitale Overheid"] == (None, 12, 2)
    assert per_unit["Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"] == (None, 0, 0)
    assert per_unit["Logius"] == (None, 0, 0)
    assert per_unit["DG Overheidsorganisatie"] == (None, 0, 0)
    assert response.context["summary"][0] == ("Medewerkers", "35")


def test_the_rijk_counts_every_published_opportunity(planning) -> None:  # type: ignore[no-untyped-def]
    tables = _tables(_get(planning, "analist"))
    asked = dict(tables["vaardigheden-gevraagd"].rows)
    assert asked["wetgeving"] == (2, 2, 4.0, 0)  # ddo's and FIN's published ones
    assert tables["vaardigheden-schaarste"].rows[0][0] == "wetgeving"


def test_who_may_see_it_and_downloads(planning) -> None:  # type: ignore[no-untyped-def]
    assert _get(planning, "medewerker").status_code == 403
    assert _get(planning, "hr-adviseur", organisatie="fin").status_code == 403
    assert _get(planning, "leidinggevende").status_code == 200  # own team only
    assert _get(planning, "leidinggevende", organisatie="ddo").status_code == 403
    assert _get(planning, "or-lid", organisatie="ddo").status_code == 200
    response = _get(planning, "hr-adviseur", organisatie="ddo", formaat="csv", tabel="vaardigheden-schaarste")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Vaardigheid",
        "Gewogen vraag",
        "Medewerkers met de vaardigheid",
        "Medewerkers per gewogen vraag",
    ]
    assert rows[2] == ["data-analyse", "4,00", "x", "x"]


def test_main_record_is_the_same_in_the_database_and_in_python(planning) -> None:  # type: ignore[no-untyped-def]
    from rijksportfolio.people.tests.factories import EmploymentFactory
    from rijksportfolio.workforce import selectors
    from rijksportfolio.workforce.tests.planning import PEIL

    person = planning.ict[0]  # 0.8 FTE at ddo since 2018; a second job of 1.0 FTE at Logius is the main one
    EmploymentFactory(person=person, organisation=planning.world.orgs["logius"], fte="1.000", start_date=PEIL)
    other = planning.policy[0]  # 1.0 FTE at ddo since 2018; 1.0 FTE at Logius from today: the earlier start
    EmploymentFactory(person=other, organisation=planning.world.orgs["logius"], fte="1.000", start_date=PEIL)
    records = selectors.personnel_in_scope(organisation=None, on=PEIL)
    chosen = records.order_by("person_id", "-fte", "start_date", "id").distinct("person_id")
    assert dict(chosen.values_list("person_id", "organisation_id")) == selectors.main_organisations(records)
    units = selectors.personnel_units(organisation=planning.world.orgs["bzk"], on=PEIL)
    assert units[person.pk] == planning.world.orgs["logius"].pk
    assert units[other.pk] == planning.ddo.pk
