# SPDX-License-Identifier: EUPL-1.2
"""The chart component: SVG and data table from the same figures, suppressed figures with the same mark in
both ("< 10" for a small count, "x" for any other hidden figure)."""

from __future__ import annotations

import re
from dataclasses import replace
from xml.etree import ElementTree as ET

from django.template import Context, Template
from django.test import RequestFactory

from rijksportfolio.domain.charts import Chart, ChartKind, DataTable
from rijksportfolio.domain.suppression import suppress_series, suppress_table

SVG = "{http://www.w3.org/2000/svg}"


def render(chart: Chart, *, query: str = "", downloads: str = "") -> str:
    request = RequestFactory().get("/rijk-in-cijfers" + query)
    template = Template("{% load rpf_charts %}{% rpf_chart chart" + downloads + " %}")
    return template.render(Context({"chart": chart, "request": request}))


def per_ministry() -> Chart:
    table = DataTable.from_series(
        suppress_series([1200, 5, 430, 60]),
        labels=["BZK", "Financiën", "Defensie", "J&V <script>"],
        column="Medewerkers",
        title="Medewerkers per ministerie",
        row_heading="Ministerie",
        slug="ministerie",
    )
    return Chart(ChartKind.BAR, table, description="Staafdiagram per ministerie.")


def svg_of(html: str) -> ET.Element:
    match = re.search(r"<svg.*?</svg>", html, re.S)
    assert match is not None
    return ET.fromstring(match.group(0))  # noqa: S314 (our own output)


def test_chart_is_an_accessible_image_with_title_and_description():
    html = render(per_ministry())
    svg = svg_of(html)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "rpf-chart-ministerie-title rpf-chart-ministerie-desc"
    assert svg.find(f"{SVG}title").text == "Medewerkers per ministerie"
    assert svg.find(f"{SVG}desc").text == (
        "Staafdiagram per ministerie. De cijfers staan in de tabel onder de grafiek."
    )


def test_table_has_caption_scoped_headers_and_the_same_figures_with_marks_for_suppressed():
    html = render(per_ministry())
    table = html[html.index("<table") : html.index("</table>")]
    assert (
        '<caption class="utrecht-table__caption rpf-chart__caption" id="rpf-chart-ministerie-caption">'
        in table
    )
    headers = re.findall(r'<th scope="(col|row)"[^>]*>([^<]*)</th>', table)
    assert headers == [
        ("col", "Ministerie"),
        ("col", "Medewerkers"),
        ("row", "BZK"),
        ("row", "Financiën"),
        ("row", "Defensie"),
        ("row", "J&amp;V &lt;script&gt;"),
        ("row", "Totaal"),
    ]
    cells = re.findall(r'<td class="[^"]*">(.*?)</td>', table)
    small = '<span aria-hidden="true">&lt; 10</span><span class="rpf-visually-hidden">minder dan 10</span>'
    hidden = '<span aria-hidden="true">x</span><span class="rpf-visually-hidden">afgeschermd</span>'
    assert cells == ["1.200", small, "430", hidden, "1.695"]  # Financiën 5 (primary), J&V 60 (secondary)
    assert "&lt; 10 = minder dan 10 personen; het precieze aantal is afgeschermd." in html
    assert "x = afgeschermd: een aantal waaruit anders een klein aantal" in html


def test_the_note_explains_only_the_marks_the_table_uses():
    table = DataTable.from_series(
        suppress_series([120, 3, 0], with_total=False),
        labels=["A", "B", "C"],
        column="Medewerkers",
        title="Zonder totaal",
        row_heading="Organisatie",
        slug="zonder-totaal",
    )
    html = render(Chart(ChartKind.BAR, table))
    assert "&lt; 10 = minder dan 10 personen" in html
    assert "x = afgeschermd" not in html
    assert "minder dan 10" not in render(Chart(ChartKind.BAR, replace(table, rows=(("A", (120,)),))))


def test_suppressed_figures_have_no_bar_and_the_mark_in_the_chart():
    svg = svg_of(render(per_ministry()))
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("height") == "18"]
    assert len(bars) == 2  # 1200 and 430; Financiën (5) and J&V (60, secondary) get none
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts.count("< 10") == 1  # Financiën
    assert texts.count("x") == 1  # J&V
    assert "1.200" in texts
    assert "60" not in texts  # the secondary suppression is not drawn either
    assert "J&V <script>" in texts  # escaped in the markup, intact as text


def test_labels_are_escaped_in_svg_and_table():
    html = render(per_ministry())
    assert "<script>" not in html
    assert "J&amp;V &lt;script&gt;" in html


def test_download_links_keep_the_query_and_name_the_table():
    html = render(per_ministry(), query="?organisatie=12")
    assert 'href="?organisatie=12&amp;formaat=csv&amp;tabel=ministerie"' in html
    assert 'href="?organisatie=12&amp;formaat=xlsx"' in html
    assert "formaat=" not in render(per_ministry(), downloads=" downloads=False")


def test_every_kind_renders_valid_svg_with_patterns_for_series():
    table = DataTable.from_table(
        suppress_table([[40, 35, 2], [300, 280, 4], [420, 390, 11], [5, 12, 0]]),
        row_labels=["< 25", "25–44", "45–64", "65+"],
        column_labels=["Vrouw", "Man", "Anders"],
        title="Leeftijd",
        row_heading="Leeftijd",
        slug="leeftijd",
    )
    for kind, series in [
        (ChartKind.BAR, None),
        (ChartKind.STACKED_BAR, None),
        (ChartKind.LINE, None),
        (ChartKind.PYRAMID, (0, 1)),
    ]:
        html = render(Chart(kind, table, series=series))
        svg = svg_of(html)  # parses: well-formed
        assert svg.get("role") == "img", kind
        if kind is not ChartKind.LINE:
            assert svg.find(f"{SVG}defs/{SVG}pattern") is not None, kind  # series 2 drawn with a pattern
        assert " style=" not in html, kind


def test_a_table_without_a_chart_has_the_same_table_note_and_downloads():
    request = RequestFactory().get("/stuurinformatie/spreiding")
    table = per_ministry().table
    html = Template("{% load rpf_charts %}{% rpf_table table %}").render(
        Context({"table": table, "request": request})
    )
    assert "<svg" not in html
    assert (
        '<caption class="utrecht-table__caption rpf-chart__caption" id="rpf-table-ministerie-caption">'
        in html
    )
    assert 'aria-labelledby="rpf-table-ministerie-caption"' in html
    assert '<span aria-hidden="true">&lt; 10</span>' in html
    assert 'href="?formaat=csv&amp;tabel=ministerie"' in html
