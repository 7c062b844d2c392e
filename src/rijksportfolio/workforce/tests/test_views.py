# SPDX-License-Identifier: EUPL-1.2
"""The stuurinformatie dashboard pages on the shared test world plus known extra staff."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.test import Client
from django.urls import reverse
from django.utils import translation

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.domain.charts import SMALL
from rijksportfolio.people.constants import ContractType, Gender
from rijksportfolio.people.models import Employment

PEIL = "2025-06-01"


def _client(world, username: str) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.users[username])
    return client


def _fte_at(day: dt.date):  # type: ignore[no-untyped-def]
    running = Employment.objects.filter(start_date__lte=day).exclude(end_date__lt=day)
    return sum(e.fte for e in running.exclude(contract_type=ContractType.EXTERNAL))


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _page(world, username: str, name: str, **params):  # type: ignore[no-untyped-def]
    return _client(world, username).get(reverse(f"workforce:{name}"), {"peildatum": PEIL, **params})


def _tables(response):  # type: ignore[no-untyped-def]
    return {chart.table.slug: chart.table for _heading, chart in response.context["sections"]}


def test_personeelsbestand_for_the_rijk(world) -> None:  # type: ignore[no-untyped-def]
    response = _page(world, "analist", "personeelsbestand")
    assert response.status_code == 200
    fte = round(float(_fte_at(dt.date(2025, 6, 1))), 1)
    assert response.context["summary"] == [("Medewerkers", "22"), ("Fte", f"{fte:.1f}".replace(".", ","))]
    tables = _tables(response)
    assert tables["bestand-contract-type"].column_totals == (22, fte)
    trend = {day: n for day, (n, _fte) in tables["bestand-trend"].rows}
    assert trend["2016-06-01"] == 13  # four of the world's nine and the twelve who started in 2016 … minus
    assert trend["2020-06-01"] == 21
    assert trend["2025-06-01"] == 22  # … plus the secondee since 2023
    pyramid = dict(tables["bestand-leeftijdsopbouw"].rows)
    peil = dt.date(2025, 6, 1)
    women_65 = sum(
        1
        for e in Employment.objects.filter(start_date__lte=peil, end_date__isnull=True).select_related(
            "person"
        )
        if e.person.gender == Gender.FEMALE and 65 <= _age(e.person.date_of_birth, peil) <= 69
    )
    assert women_65 >= 12  # the twelve born in 1960, and any of the world's
    # … yet hidden (x): the age bands' totals (the world's few people in small bands, and 65-69) sum to the
    # headcount shown above, and beside it the small bands' "< 10" would be narrowed without this complement
    assert pyramid["65-69"] == (None, 0, 0, 0)
    assert all(v in (None, SMALL, 0) or v >= 10 for values in pyramid.values() for v in values)
    assert SMALL in pyramid["50-54"]
    assert tables["bestand-leeftijdsopbouw"].columns[:2] == ("Vrouw", "Man")
    scale = [label for label, _values in tables["bestand-scale-group"].rows]
    assert scale == ["Schaal 5-9", "Schaal 10-13", "Schaal 14+"]  # in scale order, not alphabetical
    html = response.content.decode()
    assert html.count('<svg class="rpf-chart__svg"') == 10
    assert "x = afgeschermd" in html


def test_small_counts_are_hidden_and_filters_apply(world) -> None:  # type: ignore[no-untyped-def]
    tables = _tables(_page(world, "analist", "personeelsbestand", organisatie="bzk"))
    contract = dict(tables["bestand-contract-type"].rows)
    assert contract["Detachering"] == (SMALL, None)  # one person: "< 10", its FTE x
    filtered = _page(world, "analist", "personeelsbestand", soort=ContractType.SECONDMENT)
    assert filtered.context["summary"] == [("Medewerkers", "< 10"), ("Fte", "x")]


def test_hr_adviser_sees_only_organisations_in_scope(world) -> None:  # type: ignore[no-untyped-def]
    response = _page(world, "hr-adviseur", "personeelsbestand")
    assert response.status_code == 200
    assert response.context["organisation"].code == "bzk"  # the top of the scope by default
    codes = [code for code, _name in response.context["form"].fields["organisatie"].choices]
    assert codes == ["bzk", "logius", "dgop", "team-a"]  # no "" (the Rijk), no FIN
    assert _page(world, "hr-adviseur", "personeelsbestand", organisatie="fin").status_code == 403
    assert _page(world, "hr-adviseur", "personeelsbestand", organisatie="bestaat-niet").status_code == 400
    assert _page(world, "hr-adviseur", "personeelsbestand", peildatum="2025-13-01").status_code == 400
    assert _page(world, "medewerker", "personeelsbestand").status_code == 403
    assert _page(world, "or-lid", "stromen").status_code == 200


def test_csv_download_of_one_table(world) -> None:  # type: ignore[no-untyped-def]
    response = _page(world, "analist", "personeelsbestand", formaat="csv", tabel="bestand-trend")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Datum", "Medewerkers", "Fte (afgerond)"]
    assert rows[-1] == ["2025-06-01", "22", f"{_fte_at(dt.date(2025, 6, 1)):.0f}"]
    xlsx = _page(world, "analist", "uitstroomprognose", formaat="xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_outflow_forecast_by_state_pension_age(world) -> None:  # type: ignore[no-untyped-def]
    response = _page(world, "analist", "uitstroomprognose")

    per_year = dict(_tables(response)["prognose-per-jaar"].rows)
    assert per_year["2025"] == (0, 0)
    assert per_year["2027"] == (12, 12)  # the twelve born on 1 March 1960 reach AOW age in 2027
    shares = dict(_tables(response)["prognose-cumulatief"].rows)
    assert shares["2027"] == (54.5, 54.5)  # 12 of 22
    assert response.context["summary"] == [("Medewerkers op de peildatum", "22")]


def test_flows_and_mobility_matrix(world) -> None:  # type: ignore[no-untyped-def]
    tables = _tables(_page(world, "analist", "stromen"))
    assert "stromen-per-jaar" not in tables  # no outflow recorded yet: the history's years are unknown
    matrix = tables["mobiliteitsmatrix"]
    assert matrix.columns == ("BZK", "FIN")
    assert matrix.rows[0][1] == (0, 0)


def test_three_five_seven_list_for_the_managers_own_team_only(world) -> None:  # type: ignore[no-untyped-def]
    response = _page(world, "leidinggevende", "drie_vijf_zeven")
    assert response.status_code == 200
    assert response.context["organisation"].code == "team-a"
    people = response.context["people"]
    assert len(people) == 14  # the twelve analysts (9.4 years) and two of the world's (5.4 years)
    assert [p["years"] for p in people[:1]] == [9.4]
    assert AuditEvent.objects.filter(object_type="workforce_357").count() == 14
    assert "Gesprekslijst van je teams" in response.content.decode()
    hr = _page(world, "hr-adviseur", "drie_vijf_zeven", organisatie="team-a")
    assert hr.context["people"] is None  # aggregates only
    assert "Gesprekslijst" not in hr.content.decode()
    distribution = dict(_tables(hr)["357-verdeling"].rows)
    # 1, 0, 2 and 12 with the headcount 15 shown: no complement leaves both small bands every value below 10
    # beside their "< 10" marks, so every band is hidden, all marked x …
    assert distribution == {"<3 jaar": (None,), "3-5 jaar": (None,), "5-7 jaar": (None,), "7+ jaar": (None,)}
    assert dict(_tables(hr)["357-organisaties"].rows)["Team Arbeidsmarkt"] == (
        15,
        None,
        None,
    )  # … so these too
    assert hr.context["summary"][1] == ("Meer dan 7 jaar in dezelfde functie", "x")
    assert _page(world, "leidinggevende", "drie_vijf_zeven", organisatie="bzk").status_code == 403


def test_landing_page_and_navigation(world) -> None:  # type: ignore[no-untyped-def]
    response = _client(world, "analist").get(reverse("workforce:index"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("personeelsbestand", "stromen", "uitstroomprognose", "drie_vijf_zeven"):
        assert reverse(f"workforce:{name}") in html
    nav = {item["key"] for item in response.context["main_nav"]}
    assert "stuurinformatie" in nav
    employee = _client(world, "medewerker")
    assert employee.get(reverse("workforce:index")).status_code == 403
    home = employee.get(reverse("web:home"))
    assert "stuurinformatie" not in {item["key"] for item in home.context["main_nav"]}


def test_english(world) -> None:  # type: ignore[no-untyped-def]
    client = _client(world, "analist")
    client.cookies["django_language"] = "en"
    try:
        response = client.get(reverse("workforce:personeelsbestand"), {"peildatum": PEIL})
    finally:
        translation.activate("nl")  # the middleware leaves English active in this thread
    assert '<h1 class="nl-heading nl-heading--level-1">Workforce</h1>' in response.content.decode()
    assert response.context["summary"][0] == ("Employees", "22")
