# SPDX-License-Identifier: EUPL-1.2
"""The dashboards Diversiteit & inclusie, Spreiding, ICT-personeel and Detacheringen > 1 jaar, on the shared
test world plus three directorates under BZK staffed with known people (so the figures are exact)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from rijksportfolio.audit.models import AuditAction, AuditEvent
from rijksportfolio.domain.charts import SMALL
from rijksportfolio.organisations.constants import OrganisationKind
from rijksportfolio.people.constants import ContractType, EndReason, Gender, JobFamily
from rijksportfolio.people.models import Employment
from rijksportfolio.people.tests.factories import (
    EmploymentFactory,
    LocationFactory,
    OrganisationFactory,
    PersonFactory,
)
from rijksportfolio.web.tests.world import build_world
from rijksportfolio.workforce import services, store
from rijksportfolio.workforce.models import DiversityGoal, IctFormation, SecondmentExplanation

PEIL = "2025-06-01"


@pytest.fixture(autouse=True)
def dutch():  # type: ignore[no-untyped-def]
    translation.activate("nl")
    yield
    translation.activate("nl")


def _staff(  # type: ignore[no-untyped-def]
    org,
    n,
    *,
    gender,
    born,
    scale,
    location,
    family=JobFamily.POLICY,
    start=dt.date(2020, 1, 1),
    contract_type=ContractType.PERMANENT,
    end_date=None,
    end_reason="",
):
    for _ in range(n):
        EmploymentFactory(
            person=PersonFactory(gender=gender, date_of_birth=born, work_location=location),
            organisation=org,
            job_family=family,
            contract_type=contract_type,
            salary_scale=scale,
            fte=1,
            start_date=start,
            end_date=end_date,
            end_reason=end_reason,
        )


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    """Directie Diversiteit (99 people): women/men 30/20 in scale 11, 15/12 in scale 14, 10/12 in scale 16,
    60 working in Utrecht, 30 in Noord-Holland (Amsterdam 20, Haarlem 10), 9 in Groningen. Directie ICT: 13
    ICT staff since 2020, two external ICT hires, one who left in 2018. Directie Detacheringen: 12 secondees
    since 2022 (over a year on the peildatum) and 11 since 2025."""
    w = build_world()
    bzk = w.orgs["bzk"]
    div = OrganisationFactory(
        code="dir-div", name="Directie Diversiteit", kind=OrganisationKind.DIRECTORATE, parent=bzk
    )
    ict = OrganisationFactory(
        code="dir-ict", name="Directie ICT", kind=OrganisationKind.DIRECTORATE, parent=bzk
    )
    det = OrganisationFactory(
        code="dir-det", name="Directie Detacheringen", kind=OrganisationKind.DIRECTORATE, parent=bzk
    )
    utrecht = LocationFactory(code="utr", city="Utrecht", municipality="Utrecht", province="Utrecht")
    amsterdam = LocationFactory(
        code="ams", city="Amsterdam", municipality="Amsterdam", province="Noord-Holland"
    )
    haarlem = LocationFactory(code="hlm", city="Haarlem", municipality="Haarlem", province="Noord-Holland")
    groningen = LocationFactory(code="gro", city="Groningen", municipality="Groningen", province="Groningen")
    female, male = Gender.FEMALE, Gender.MALE
    # 99 people: the locations in the order created: 60 Utrecht, 20 Amsterdam, 10 Haarlem, 9 Groningen
    places = [utrecht] * 60 + [amsterdam] * 20 + [haarlem] * 10 + [groningen] * 9
    groups = [
        (30, female, dt.date(1980, 5, 1), 11),
        (20, male, dt.date(1970, 5, 1), 11),
        (15, female, dt.date(1975, 5, 1), 14),
        (12, male, dt.date(1965, 5, 1), 14),
        (10, female, dt.date(1968, 5, 1), 16),
        (12, male, dt.date(1966, 5, 1), 16),
    ]
    k = 0
    for n, gender, born, scale in groups:
        for _ in range(n):
            _staff(div, 1, gender=gender, born=born, scale=scale, location=places[k])
            k += 1
    _staff(ict, 13, gender=male, born=dt.date(1990, 1, 1), scale=10, location=utrecht, family=JobFamily.ICT)
    _staff(
        ict,
        2,
        gender=female,
        born=dt.date(1985, 1, 1),
        scale=10,
        location=utrecht,
        family=JobFamily.ICT,
        contract_type=ContractType.EXTERNAL,
    )
    _staff(
        ict,
        1,
        gender=female,
        born=dt.date(1985, 1, 1),
        scale=10,
        location=utrecht,
        family=JobFamily.ICT,
        start=dt.date(2015, 1, 1),
        end_date=dt.date(2018, 6, 30),
        end_reason=EndReason.OWN_REQUEST,
    )
    _staff(
        det,
        12,
        gender=female,
        born=dt.date(1980, 1, 1),
        scale=11,
        location=utrecht,
        start=dt.date(2022, 1, 1),
        contract_type=ContractType.SECONDMENT,
    )
    _staff(
        det,
        11,
        gender=male,
        born=dt.date(1980, 1, 1),
        scale=11,
        location=utrecht,
        start=dt.date(2025, 1, 1),
        contract_type=ContractType.SECONDMENT,
    )
    w.orgs.update({"div": div, "ict": ict, "det": det})
    store.refresh(full=True)
    return w


def _client(world, username: str) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.users[username])
    return client


def _page(world, username: str, name: str, **params):  # type: ignore[no-untyped-def]
    return _client(world, username).get(reverse(f"workforce:{name}"), {"peildatum": PEIL, **params})


def _tables(response):  # type: ignore[no-untyped-def]
    return {chart.table.slug: chart.table for _heading, chart in response.context["sections"]}


# --- Diversiteit & inclusie --------------------------------------------------------------------------------


def test_diversity_women_share_per_scale_group_and_age_balance(world) -> None:  # type: ignore[no-untyped-def]
    response = _page(world, "hr-adviseur", "diversiteit", organisatie="dir-div")
    assert response.status_code == 200
    tables = _tables(response)
    women = dict(tables["diversiteit-vrouwen"].rows)
    assert women == {
        "Alle medewerkers": (55.6, 55, 99),
        "Schaal 10–13": (60.0, 30, 50),
        "Schaal 14 en hoger": (51.0, 25, 49),
        "Topmanagement (schaal 15 en hoger)": (45.5, 10, 22),
    }
    ages = tables["diversiteit-leeftijd"]
    assert dict(ages.rows) == {"<35 jaar": (0, 0.0), "35-54 jaar": (45, 45.5), "55+ jaar": (54, 54.5)}
    assert ages.column_totals == (99, 100.0)
    assert response.context["summary"] == [("Medewerkers", "99"), ("Aandeel vrouwen", "55,6 %")]
    trend = dict(tables["diversiteit-ontwikkeling"].rows)
    assert list(trend) == ["2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01", "2024-01-01", "2025-06-01"]
    assert trend["2021-01-01"] == (55.6, 60.0, 51.0, 45.5)  # everyone started on 1 January 2020
    assert trend["2020-01-01"] == (55.6, 60.0, 51.0, 45.5)
    html = response.content.decode()
    assert "Deze organisatie heeft nog geen doelen vastgelegd." in html
    assert 'action="/stuurinformatie/diversiteit/doelen' in html  # HR may set goals


def test_diversity_hides_a_small_group_and_what_would_give_it_away(world) -> None:  # type: ignore[no-untyped-def]
    # within scale 16 only: 10 women, 12 men; the three women of 1968 in Groningen... filter the contract
    # type instead: in Directie Detacheringen, 12 women and 11 men on secondment, all in scale 11
    response = _page(world, "analist", "diversiteit", organisatie="dir-det")
    women = dict(_tables(response)["diversiteit-vrouwen"].rows)
    assert women["Schaal 10–13"] == (52.2, 12, 23)
    assert women["Topmanagement (schaal 15 en hoger)"] == (None, 0, 0)  # nobody: no share, zeros shown
    response = _page(world, "analist", "diversiteit", organisatie="dir-div", regio="Groningen")
    women = dict(_tables(response)["diversiteit-vrouwen"].rows)
    # the 9 in Groningen: the last of the men of 1966 in scale 16: all 9 men, a total below 10
    assert women["Alle medewerkers"] == (None, 0, SMALL)
    assert women["Topmanagement (schaal 15 en hoger)"] == (None, 0, SMALL)


def test_hr_adviser_sets_a_goal_and_sees_its_progress(world) -> None:  # type: ignore[no-untyped-def]
    client = _client(world, "hr-adviseur")
    url = reverse("workforce:diversity_goal_set") + "?organisatie=dir-div&peildatum=" + PEIL
    body = {"organisatie": "dir-div", "groep": "top", "doel": "50", "vanaf": "2025", "doeljaar": "2027"}
    response = client.post(url, body)
    assert response.status_code == 302
    assert response["Location"] == reverse("workforce:diversiteit") + "?organisatie=dir-div&peildatum=" + PEIL
    goal = DiversityGoal.objects.get()
    assert (goal.organisation.code, goal.group, goal.target_pct, goal.start_year, goal.target_year) == (
        "dir-div",
        "top",
        Decimal("50.0"),
        2025,
        2027,
    )
    assert goal.set_by == world.users["hr-adviseur"]
    assert (
        AuditEvent.objects.filter(object_type="workforce_diversity_goal", action=AuditAction.CREATE).count()
        == 1
    )
    page = client.get(response["Location"])
    [shown] = page.context["goals"]
    # 10 of 22 at the start of 2025 and now; the line to 50 % by the end of 2027 has gone 151 of 1095 days
    assert (shown["baseline"], shown["current"], shown["target"]) == ("45,5", "45,5", "50,0")
    assert shown["expected"] == "46,1"
    assert shown["status_text"] == "Achter op schema"
    goals = dict(_tables(page)["diversiteit-doelen"].rows)
    assert goals == {"Topmanagement (schaal 15 en hoger): 50,0 % in 2027": (45.5, 45.5, 46.1, 50.0)}
    # the same group and year again replaces the goal
    client.post(url, {**body, "doel": "48,5"})
    assert DiversityGoal.objects.get().target_pct == Decimal("48.5")
    # the works council sees the goal, cannot set one
    council = _page(world, "or-lid", "diversiteit", organisatie="dir-div")
    assert [g["label"] for g in council.context["goals"]] == [
        "Topmanagement (schaal 15 en hoger): 48,5 % in 2027"
    ]
    assert "diversiteit/doelen" not in council.content.decode()
    assert _client(world, "or-lid").post(url, body).status_code == 403
    delete = reverse("workforce:diversity_goal_delete", args=[goal.pk])
    assert _client(world, "analist").post(delete).status_code == 403
    assert client.post(delete).status_code == 302
    assert not DiversityGoal.objects.exists()


def test_an_invalid_goal_is_shown_again_with_dutch_errors_and_nothing_is_saved(world) -> None:  # type: ignore[no-untyped-def]
    client = _client(world, "beheerder")
    url = reverse("workforce:diversity_goal_set") + "?organisatie=dir-div&peildatum=" + PEIL
    response = client.post(
        url, {"organisatie": "dir-div", "groep": "top", "doel": "120", "vanaf": "2026", "doeljaar": "2024"}
    )
    assert response.status_code == 400
    form = response.context["goal_form"]
    assert form.errors["doel"] == ["Zorg ervoor dat deze waarde hoogstens 100 is."]
    response = client.post(
        url, {"organisatie": "dir-div", "groep": "top", "doel": "40", "vanaf": "2026", "doeljaar": "2024"}
    )
    assert response.status_code == 400
    assert response.context["goal_form"].errors["doeljaar"] == ["Het doeljaar ligt vóór het beginjaar."]
    assert "Het doeljaar ligt vóór het beginjaar." in response.content.decode()
    assert not DiversityGoal.objects.exists()
    outside = client.post(
        url, {"organisatie": "fin", "groep": "top", "doel": "40", "vanaf": "2025", "doeljaar": "2027"}
    )
    assert outside.status_code == 403


# --- Spreiding ---------------------------------------------------------------------------------------------


def test_spreiding_by_province_and_municipality(world) -> None:  # type: ignore[no-untyped-def]
    response = _page(world, "hr-adviseur", "spreiding", organisatie="dir-div")
    assert response.status_code == 200
    provinces = _tables(response)["spreiding-provincie"]
    # Groningen (9) is small; Noord-Holland (30) protects it; the total 99 is the headcount, shown anyway
    assert dict(provinces.rows) == {
        "Groningen": (SMALL, None),
        "Noord-Holland": (None, None),
        "Utrecht": (60, 60.0),
    }
    assert provinces.column_totals == (99, 99.0)
    municipalities = response.context["municipalities"]
    assert dict(municipalities.rows) == {"Utrecht (Utrecht)": (60, 60.0)}  # not those of hidden provinces
    html = response.content.decode()
    assert '<span aria-hidden="true">&lt; 10</span>' in html
    assert 'id="rpf-table-spreiding-gemeente-caption"' in html
    csv_response = _page(
        world, "hr-adviseur", "spreiding", organisatie="dir-div", formaat="csv", tabel="spreiding-gemeente"
    )
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Gemeente (provincie)", "Medewerkers", "Fte (afgerond)"],
        ["Utrecht (Utrecht)", "60", "60,0"],
    ]
    provinces_csv = _page(
        world, "hr-adviseur", "spreiding", organisatie="dir-div", formaat="csv", tabel="spreiding-provincie"
    )
    rows = list(csv.reader(io.StringIO(provinces_csv.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1:] == [
        ["Groningen", "< 10", "x"],
        ["Noord-Holland", "x", "x"],
        ["Utrecht", "60", "60,0"],
        ["Totaal", "99", "99,0"],
    ]


# --- ICT-personeel -----------------------------------------------------------------------------------------


def test_ict_staff_flows_and_formation_against_occupancy(world) -> None:  # type: ignore[no-untyped-def]
    client = _client(world, "hr-adviseur")
    url = reverse("workforce:ict_formation_set") + "?organisatie=dir-ict&peildatum=" + PEIL
    response = client.post(
        url, {"organisatie": "dir-ict", "jaar": "2025", "fte": "20", "toelichting": "Begroting 2025"}
    )
    assert response.status_code == 302
    formation = IctFormation.objects.get()
    assert (formation.organisation.code, formation.year, formation.fte) == ("dir-ict", 2025, Decimal("20.0"))
    page = client.get(response["Location"])
    tables = _tables(page)
    assert dict(tables["ict-formatie"].rows) == {"Directie ICT": (20.0, 13.0, 7.0, 65.0, 13)}
    assert dict(tables["ict-personeel"].rows) == {
        "ICT-personeel (in dienst)": (13, 13.0),
        "Externe inhuur ICT": (SMALL, None),  # two people
    }
    flows = dict(tables["ict-stromen"].rows)
    assert next(iter(flows)) == "2018"  # the history starts with the first recorded outflow
    assert flows["2018"] == (0, 0, SMALL)  # the one who left
    assert flows["2020"] == (13, 0, 0)
    assert page.context["summary"] == [
        ("ICT-medewerkers", "13"),
        ("Fte ICT-personeel", "13,0"),
        ("Externe inhuur ICT (personen)", "< 10"),
    ]
    # the works council sees the comparison, not the form
    council = _page(world, "or-lid", "ict_personeel", organisatie="dir-ict")
    assert dict(_tables(council)["ict-formatie"].rows)["Directie ICT"] == (20.0, 13.0, 7.0, 65.0, 13)
    assert "formation_form" not in council.context
    assert (
        _client(world, "or-lid").post(url, {"organisatie": "dir-ict", "jaar": "2025", "fte": "1"}).status_code
        == 403
    )
    bad = client.post(url, {"organisatie": "dir-ict", "jaar": "1990", "fte": "-3"})
    assert bad.status_code == 400
    assert set(bad.context["formation_form"].errors) == {"fte"}
    bad = client.post(url, {"organisatie": "dir-ict", "jaar": "1990", "fte": "3"})
    assert bad.context["formation_form"].errors == {"jaar": ["Geef een jaar van 2000 tot en met 2100."]}
    assert IctFormation.objects.get().fte == Decimal("20.0")
    delete = reverse("workforce:ict_formation_delete", args=[formation.pk])
    assert _client(world, "medewerker").post(delete).status_code == 403
    assert client.post(delete).status_code == 302
    assert not IctFormation.objects.exists()


def test_ict_formation_of_another_ministry_is_refused(world) -> None:  # type: ignore[no-untyped-def]
    url = reverse("workforce:ict_formation_set")
    response = _client(world, "hr-adviseur").post(url, {"organisatie": "bd", "jaar": "2025", "fte": "20"})
    assert response.status_code == 403
    assert not IctFormation.objects.exists()


# --- Detacheringen > 1 jaar --------------------------------------------------------------------------------


def test_secondment_counts_for_everyone_and_the_register_for_hr(world) -> None:  # type: ignore[no-untyped-def]
    council = _page(world, "or-lid", "detacheringen", organisatie="dir-det")
    assert council.status_code == 200
    durations = _tables(council)["detacheringen-duur"]
    assert dict(durations.rows) == {"Langer dan een jaar": (12,), "Tot en met een jaar": (11,)}
    assert durations.column_totals == (23,)
    assert council.context["register"] is None
    assert AuditEvent.objects.filter(object_type="workforce_secondments").count() == 0

    hr = _page(world, "hr-adviseur", "detacheringen", organisatie="dir-det")
    register = hr.context["register"]
    assert len(register) == 12
    assert {r["organisation_name"] for r in register} == {"Directie Detacheringen"}
    assert {r["since"] for r in register} == {"2022-01-01"}
    assert register[0]["years"] == 3.4
    assert hr.context["explained"] == 0
    assert AuditEvent.objects.filter(object_type="workforce_secondments").count() == 12  # per person listed
    html = hr.content.decode()
    assert "0 van 12 detacheringen langer dan een jaar zijn toegelicht." in html
    assert html.count("Nog niet toegelicht") == 12


def test_hr_adviser_explains_a_secondment_and_bad_input_is_refused(world) -> None:  # type: ignore[no-untyped-def]
    client = _client(world, "hr-adviseur")
    register = _page(world, "hr-adviseur", "detacheringen", organisatie="dir-det").context["register"]
    pk = register[0]["employment"]
    url = reverse("workforce:secondment_explain", args=[pk]) + "?organisatie=dir-det&peildatum=" + PEIL
    prefix = f"d{pk}-"
    response = client.post(url, {prefix + "toelichting": "   ", prefix + "verwachte_einddatum": ""})
    assert response.status_code == 400
    assert response.context["explanation_error"]["form"].errors == {"toelichting": ["Dit veld is vereist."]}
    response = client.post(
        url, {prefix + "toelichting": "Project", prefix + "verwachte_einddatum": "2021-01-01"}
    )
    assert response.status_code == 400
    assert "De verwachte einddatum ligt vóór het begin van de detachering." in response.content.decode()
    assert not SecondmentExplanation.objects.exists()
    response = client.post(
        url,
        {
            prefix + "toelichting": "Loopt tot de oplevering van het project.",
            prefix + "verwachte_einddatum": "2025-12-31",
        },
    )
    assert response.status_code == 302
    note = SecondmentExplanation.objects.get(employment_id=pk)
    assert (note.explanation, note.planned_end) == (
        "Loopt tot de oplevering van het project.",
        dt.date(2025, 12, 31),
    )
    page = client.get(response["Location"])
    assert page.context["explained"] == 1
    assert "1 van 12 detacheringen langer dan een jaar zijn toegelicht." in page.content.decode()
    assert AuditEvent.objects.filter(object_type="workforce_secondment_explanation").count() == 1
    # others may not explain
    assert _client(world, "or-lid").post(url, {prefix + "toelichting": "x"}).status_code == 403
    assert _client(world, "analist").post(url, {prefix + "toelichting": "x"}).status_code == 403
    missing = reverse("workforce:secondment_explain", args=[999999])
    assert client.post(missing, {"d999999-toelichting": "x"}).status_code == 404


def test_secondment_explain_service_refuses_other_records(world) -> None:  # type: ignore[no-untyped-def]
    record = Employment.objects.filter(organisation=world.orgs["div"]).first()
    with pytest.raises(ValidationError) as caught:
        services.secondment_explain(actor=world.users["hr-adviseur"], employment=record, explanation="x")
    assert caught.value.message_dict == {"employment": ["Dit dienstverband is geen detachering."]}


# --- landing page and navigation ---------------------------------------------------------------------------


def test_the_new_pages_are_on_the_landing_page_and_in_the_page_navigation(world) -> None:  # type: ignore[no-untyped-def]
    html = _client(world, "or-lid").get(reverse("workforce:index")).content.decode()
    for name in ("diversiteit", "spreiding", "ict_personeel", "detacheringen"):
        assert f'href="{reverse(f"workforce:{name}")}"' in html
    page = _page(world, "or-lid", "spreiding", organisatie="dir-div")
    nav = page.context["dashboard_nav"]
    assert [title for _url, title, _current in nav][-4:] == [
        "Diversiteit en inclusie",
        "Spreiding over het land",
        "ICT-personeel",
        "Detacheringen langer dan een jaar",
    ]
    assert [current for _url, _title, current in nav].count(True) == 1
    assert (
        f'href="{reverse("workforce:diversiteit")}?organisatie=dir-div&amp;peildatum={PEIL}"'
        in page.content.decode()
    )
    assert _page(world, "medewerker", "diversiteit").status_code == 403
    assert _page(world, "leidinggevende", "ict_personeel").status_code == 200  # own team
    assert _page(world, "leidinggevende", "ict_personeel", organisatie="dir-ict").status_code == 403


def test_the_pages_in_english(world) -> None:  # type: ignore[no-untyped-def]
    client = _client(world, "hr-adviseur")
    client.cookies["django_language"] = "en"
    try:
        response = client.get(reverse("workforce:spreiding"), {"peildatum": PEIL, "organisatie": "dir-div"})
        register = client.get(
            reverse("workforce:detacheringen"), {"peildatum": PEIL, "organisatie": "dir-det"}
        )
    finally:
        translation.activate("nl")
    html = response.content.decode()
    assert '<h1 class="nl-heading nl-heading--level-1">Spread across the country</h1>' in html
    assert "&lt; 10 = fewer than 10 people; the exact number is hidden." in html
    assert "0 of 12 secondments longer than a year have been explained." in register.content.decode()


# --- the mobility matrix: a hidden zero looks hidden -------------------------------------------------------


@pytest.fixture
def moves(db):  # type: ignore[no-untyped-def]
    """A third ministry and 32 moves between ministries in 2024: BZK -> JenV 1, FIN -> BZK 1, FIN -> JenV 10,
    JenV -> BZK 20. JenV -> JenV is 0 but must be hidden (it closes the cycle that protects the two 1s)."""
    w = build_world()
    jenv = OrganisationFactory(
        code="jenv", name="Ministerie van Justitie en Veiligheid", kind=OrganisationKind.MINISTRY
    )
    bzk, fin = w.orgs["bzk"], w.orgs["fin"]
    for source, target, n in ((bzk, jenv, 1), (fin, bzk, 1), (fin, jenv, 10), (jenv, bzk, 20)):
        for _ in range(n):
            person = PersonFactory()
            for org, start, end in (
                (source, dt.date(2019, 1, 1), dt.date(2024, 3, 31)),
                (target, dt.date(2024, 4, 1), None),
            ):
                EmploymentFactory(
                    person=person,
                    organisation=org,
                    contract_type=ContractType.PERMANENT,
                    start_date=start,
                    end_date=end,
                    end_reason=EndReason.MOBILITY if end else "",
                )
    store.refresh(full=True)
    return w


def test_a_hidden_zero_of_the_mobility_matrix_is_shown_hidden(moves) -> None:  # type: ignore[no-untyped-def]
    response = _page(moves, "analist", "stromen")
    matrix = _tables(response)["mobiliteitsmatrix"]
    assert matrix.columns == ("BZK", "FIN", "JENV")
    assert dict(matrix.rows) == {
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties": (0, 0, SMALL),
        "Ministerie van Financiën": (SMALL, 0, 10),
        "Ministerie van Justitie en Veiligheid": (None, 0, None),  # JenV -> JenV: 0, hidden: x, not 0
    }
    assert matrix.row_totals == (SMALL, None, None)
    html = response.content.decode()
    table = html[html.index('id="rpf-chart-mobiliteitsmatrix-caption"') :]
    table = table[: table.index("</table>")]
    assert table.count('<span class="rpf-visually-hidden">afgeschermd</span>') == 4
    assert table.count('<span class="rpf-visually-hidden">minder dan 10</span>') == 3
    api = (
        _client(moves, "analist").get("/api/v1/stuurinformatie/mobiliteitsmatrix", {"peildatum": PEIL}).json()
    )
    listed = {(m["from"], m["to"]): m["persons"] for m in api["gegevens"]["moves"]}
    jenv = moves.orgs["bzk"].__class__.objects.get(code="jenv").pk
    assert listed[(jenv, jenv)] is None  # listed, so that leaving it out does not say 0
