# SPDX-License-Identifier: EUPL-1.2
"""The MPP pages: compute, save, open, change, delete and compare scenarios; downloads with parameters."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.workforce.models import WorkforcePlanScenario
from rijksportfolio.workforce.tests.factories import WorkforcePlanScenarioFactory
from rijksportfolio.workforce.tests.planning import PEIL, build_planning

SCENARIO = {
    "organisatie": "ddo",
    "peildatum": PEIL.isoformat(),
    "horizon": "6",
    "groei": "0",
    "technologie_ict": "30",
}


@pytest.fixture(autouse=True)
def dutch():  # type: ignore[no-untyped-def]
    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture
def planning(db):  # type: ignore[no-untyped-def]
    return build_planning()


def _client(planning, username: str) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(planning.world.users[username])
    return client


def _tables(response):  # type: ignore[no-untyped-def]
    return {chart.table.slug: chart.table for _heading, chart in response.context["sections"]}


def test_compute_a_scenario_supply_demand_and_gap(planning) -> None:  # type: ignore[no-untyped-def]
    response = _client(planning, "hr-adviseur").get(reverse("workforce:mpp"), SCENARIO)
    assert response.status_code == 200
    per_year = dict(_tables(response)["mpp-per-jaar"].rows)
    # supply: 15 + 8 + 3 = 26 FTE until the three HR advisers reach the state-pension age in 2027
    # demand: beleid 15 and hrm 3 stay; ICT 8 FTE less 30 % reached linearly by the sixth year (5 % a year)
    assert per_year["2025"] == (26.0, 25.6, 0.4)
    assert per_year["2026"] == (26.0, 25.2, 0.8)
    assert per_year["2027"] == (23.0, 24.8, -1.8)
    assert per_year["2030"] == (23.0, 23.6, -0.6)
    assert list(per_year) == ["2025", "2026", "2027", "2028", "2029", "2030"]
    families = dict(_tables(response)["mpp-functiefamilies"].rows)
    # 15 beleid published; 3 hrm hidden, and ICT (10) with them, else the total would give the 3 away
    assert families["Beleid"] == (15.0, 15.0, 15.0, 0.0)
    assert families["HRM"] == (None, None, None, None)
    assert families["ICT"] == (None, None, None, None)
    assert response.context["summary"] == [
        ("Medewerkers op de peildatum", "28"),
        ("Fte op de peildatum", "26,0"),
        ("Verschil in 2030 (fte)", "-0,6"),
    ]
    assert response.context["may_save"] is True
    html = response.content.decode()
    assert "Opslaan als scenario" in html
    assert '<input type="hidden" name="technologie_ict" value="30">' in html


def test_growth_per_job_family_and_one_family(planning) -> None:  # type: ignore[no-untyped-def]
    response = _client(planning, "hr-adviseur").get(
        reverse("workforce:mpp"),
        {**SCENARIO, "functiefamilie": "beleid", "groei": "5", "groei_beleid": "10", "groei_ict": "-20"},
    )
    per_year = dict(_tables(response)["mpp-per-jaar"].rows)
    assert per_year["2025"] == (15.0, 16.5, -1.5)  # beleid only: its own 10 % a year
    assert per_year["2026"] == (15.0, 18.2, -3.2)  # 15 * 1.1^2 = 18.15
    assert "mpp-verschil-functiefamilies" not in _tables(response)  # one family: no chart per family


def test_bad_input_is_refused_with_dutch_messages(planning) -> None:  # type: ignore[no-untyped-def]
    client = _client(planning, "hr-adviseur")
    response = client.get(reverse("workforce:mpp"), {**SCENARIO, "horizon": "13", "technologie_ict": "120"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["horizon"] == ["Zorg ervoor dat deze waarde hoogstens 12 is."]
    assert "technologie_ict" in errors
    assert response.context["sections"] == []
    assert client.get(reverse("workforce:mpp"), {"organisatie": "fin"}).status_code == 403
    assert _client(planning, "medewerker").get(reverse("workforce:mpp")).status_code == 403


def test_save_open_change_and_delete_a_scenario(planning) -> None:  # type: ignore[no-untyped-def]
    client = _client(planning, "hr-adviseur")
    missing_name = client.post(reverse("workforce:mpp"), SCENARIO)
    assert missing_name.status_code == 400
    assert missing_name.context["form"].errors["naam"] == ["Dit veld is vereist."]
    assert WorkforcePlanScenario.objects.count() == 0
    saved = client.post(
        reverse("workforce:mpp"), {**SCENARIO, "naam": "Digitalisering", "toelichting": "Basis"}
    )
    scenario = WorkforcePlanScenario.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == reverse("workforce:mpp_scenario", kwargs={"pk": scenario.pk})
    assert (scenario.organisation, scenario.horizon_years, scenario.technology_pct) == (
        planning.ddo,
        6,
        {"ict": 30.0},
    )
    assert scenario.owner == planning.world.users["hr-adviseur"]
    twice = client.post(reverse("workforce:mpp"), {**SCENARIO, "naam": "digitalisering"})
    assert twice.status_code == 400
    assert twice.context["form"].errors["naam"] == [
        "Er is al een scenario met deze naam voor deze organisatie."
    ]

    page = client.get(reverse("workforce:mpp_scenario", kwargs={"pk": scenario.pk}), {"peildatum": PEIL})
    assert page.status_code == 200
    assert dict(_tables(page)["mpp-per-jaar"].rows)["2027"] == (23.0, 24.8, -1.8)
    assert page.context["may_change"] is True
    assert "peildatum" not in page.context["edit_form"].fields  # chosen when shown, not saved
    assert page.context["edit_form"]["horizon"].value() == 6
    changed = client.post(
        reverse("workforce:mpp_scenario", kwargs={"pk": scenario.pk}),
        {**SCENARIO, "naam": "Digitalisering+", "horizon": "3", "groei": "-2"},
    )
    assert changed.status_code == 302
    scenario.refresh_from_db()
    assert (scenario.name, scenario.horizon_years, scenario.growth_pct) == ("Digitalisering+", 3, -2.0)
    delete_page = client.get(reverse("workforce:mpp_delete", kwargs={"pk": scenario.pk}))
    assert "Weet je zeker" in delete_page.content.decode()
    deleted = client.post(reverse("workforce:mpp_delete", kwargs={"pk": scenario.pk}))
    assert deleted.status_code == 302
    assert not WorkforcePlanScenario.objects.exists()
    actions = list(
        AuditEvent.objects.filter(object_type="workforce_plan_scenario")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update", "delete"]


def test_who_sees_and_changes_saved_scenarios(planning) -> None:  # type: ignore[no-untyped-def]
    w = planning.world
    ours = WorkforcePlanScenarioFactory(
        name="BZK groei", organisation=w.orgs["bzk"], owner=w.users["hr-adviseur"]
    )
    theirs = WorkforcePlanScenarioFactory(
        name="FIN krimp", organisation=w.orgs["fin"], owner=w.users["analist"]
    )
    url = reverse("workforce:mpp_scenario", kwargs={"pk": ours.pk})
    council = _client(planning, "or-lid")
    page = council.get(url, {"peildatum": PEIL})
    assert page.status_code == 200
    assert page.context["may_change"] is False
    assert "Scenario wijzigen" not in page.content.decode()
    assert council.post(url, {**SCENARIO, "naam": "Anders"}).status_code == 403
    assert council.get(reverse("workforce:mpp_delete", kwargs={"pk": ours.pk})).status_code == 403
    assert council.get(reverse("workforce:mpp_scenario", kwargs={"pk": theirs.pk})).status_code == 403
    assert _client(planning, "leidinggevende").get(url).status_code == 403
    admin = _client(planning, "beheerder")  # the organisation's administrator may tidy up others' scenarios
    assert admin.get(url).context["may_change"] is True
    saved = [
        s.name
        for s in _client(planning, "or-lid")
        .get(reverse("workforce:mpp"), {"organisatie": "bzk"})
        .context["saved"]
    ]
    assert saved == ["BZK groei"]
    assert [s.name for s in _client(planning, "analist").get(reverse("workforce:mpp")).context["saved"]] == [
        "FIN krimp",
        "BZK groei",
    ]
    assert (
        _client(planning, "hr-adviseur")
        .get(reverse("workforce:mpp_scenario", kwargs={"pk": 999999}))
        .status_code
        == 404
    )


def test_compare_scenarios_side_by_side(planning) -> None:  # type: ignore[no-untyped-def]
    w = planning.world
    growth = WorkforcePlanScenarioFactory(
        name="Groei", organisation=planning.ddo, horizon_years=6, growth_pct=10, owner=w.users["hr-adviseur"]
    )
    shrink = WorkforcePlanScenarioFactory(
        name="Krimp", organisation=planning.ddo, horizon_years=4, growth_pct=-10, technology_pct={"ict": 20}
    )
    client = _client(planning, "hr-adviseur")
    url = reverse("workforce:mpp_compare")
    response = client.get(url, {"scenario": [growth.pk, shrink.pk], "peildatum": PEIL})
    assert response.status_code == 200
    gap = _tables(response)["vergelijking-verschil"]
    assert gap.columns == ("Groei", "Krimp")
    assert [label for label, _values in gap.rows] == ["2025", "2026", "2027", "2028"]  # the years both cover
    # Groei: demand 26 * 1.1 = 28.6; Krimp: 13.5 (beleid) + 2.7 (hrm) + 8 * 0.9 * (1 - 0.2 / 4) = 6.8 (ict)
    assert gap.rows[0] == ("2025", (-2.6, 3.0))
    demand = dict(_tables(response)["vergelijking-vraag"].rows)
    assert demand["2025"] == (28.6, 23.0)
    params = dict(response.context["parameters"])
    assert params["Horizon (jaren)"] == [6, 4]
    assert params["Effect van technologie, werksoort ict (%)"] == [0.0, 20.0]

    one = client.get(url, {"scenario": [growth.pk]})
    assert one.status_code == 400
    assert one.context["form"].errors["scenario"] == ["Kies 2 tot en met 4 scenario's om te vergelijken."]
    theirs = WorkforcePlanScenarioFactory(name="FIN", organisation=w.orgs["fin"])
    assert client.get(url, {"scenario": [growth.pk, theirs.pk]}).status_code == 403
    assert _client(planning, "leidinggevende").get(url).status_code == 403


def test_downloads_carry_the_parameters(planning) -> None:  # type: ignore[no-untyped-def]
    scenario = WorkforcePlanScenarioFactory(
        name="Digitalisering", organisation=planning.ddo, horizon_years=6, technology_pct={"ict": 30}
    )
    client = _client(planning, "hr-adviseur")
    url = reverse("workforce:mpp_scenario", kwargs={"pk": scenario.pk})
    response = client.get(url, {"peildatum": PEIL, "formaat": "csv", "tabel": "mpp-per-jaar"})
    assert response["Content-Disposition"] == (
        f'attachment; filename="mpp-scenario-{scenario.pk}-2025-06-01-mpp-per-jaar.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Parameter", "Digitalisering"]
    assert ["Organisatie", "Directie Digitale Overheid"] in rows
    assert ["Horizon (jaren)", "6"] in rows
    assert ["Effect van technologie, werksoort ict (%)", "30"] in rows
    blank = rows.index([])
    assert rows[blank + 1] == ["Jaar", "Aanbod", "Vraag", "Verschil"]
    assert rows[blank + 4] == ["2027", "23,0", "24,8", "-1,8"]

    xlsx = client.get(url, {"peildatum": PEIL, "formaat": "xlsx"})
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert workbook.sheetnames[0] == "Parameters"
    sheet = {row[0]: row[1:] for row in workbook["Parameters"].iter_rows(values_only=True)}
    assert sheet["Peildatum"] == ("2025-06-01",)
    assert sheet["Groei per jaar (%)"] == (0,)
    assert "Toelichting" in workbook.sheetnames

    compare = client.get(
        reverse("workforce:mpp_compare"),
        {"scenario": [scenario.pk, WorkforcePlanScenarioFactory(organisation=planning.ddo, name="Nul").pk],
         "peildatum": PEIL, "formaat": "csv"},
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(compare.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Parameter", "Digitalisering", "Nul"]
    assert rows[rows.index([]) + 1] == ["Jaar", "Digitalisering", "Nul"]


def test_english(planning) -> None:  # type: ignore[no-untyped-def]
    client = _client(planning, "hr-adviseur")
    client.cookies["django_language"] = "en"
    try:
        response = client.get(reverse("workforce:mpp"), SCENARIO)
        skills = client.get(reverse("workforce:vaardigheden"), {"organisatie": "ddo"})
    finally:
        translation.activate("nl")  # the middleware leaves English active in this thread
    html = response.content.decode()
    assert '<h1 class="nl-heading nl-heading--level-1">Multi-year workforce planning</h1>' in html
    assert "Effect of technology on routine work per work type, in percent" in html
    assert "Work type ict (%)" in html
    assert [heading for heading, _chart in response.context["sections"]][:2] == [
        "Supply and demand",
        "Gap per year",
    ]
    assert "Skills most asked for" in skills.content.decode()
