# SPDX-License-Identifier: EUPL-1.2
"""Chart geometry: bars proportional to the published figures, nothing drawn for suppressed ones, series
told apart without colour, colours with enough contrast, one table behind chart and downloads."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from rijksportfolio.domain.charts import (
    COLOURS,
    PATTERNS,
    SMALL,
    Chart,
    ChartKind,
    DataTable,
    Element,
    chart_svg,
    contrast_ratio,
    format_number,
    hidden,
    line_chart,
    pyramid_chart,
    to_svg,
)
from rijksportfolio.domain.suppression import suppress_series, suppress_table

SVG = "{http://www.w3.org/2000/svg}"


def bars(svg_elements: list[Element]) -> list[Element]:
    return [e for e in svg_elements if e.tag == "rect" and e.attr("height") == "18"]


def texts(svg_elements: list[Element]) -> list[str]:
    return [e.text for e in svg_elements if e.tag == "text"]


def to_elements(chart: Chart) -> list[Element]:
    return list(chart_svg(chart, chart_id="t").iter())


def series_table() -> DataTable:
    return DataTable.from_series(
        suppress_series([1000, 5, 500, 60]),
        labels=["A", "B", "C", "D"],
        column="Medewerkers",
        title="Per ministerie",
        row_heading="Ministerie",
    )


def two_way() -> DataTable:
    return DataTable.from_table(
        suppress_table([[400, 3, 100], [200, 300, 100], [50, 60, 70]]),
        row_labels=["A", "B", "C"],
        column_labels=["Vast", "Tijdelijk", "Trainee"],
        title="Contract",
        row_heading="Ministerie",
    )


def test_palette_has_at_least_3_to_1_contrast_against_white() -> None:
    assert all(contrast_ratio(colour) >= 3.0 for colour in COLOURS)
    assert contrast_ratio("#000000") == pytest.approx(21.0)
    assert contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)


def test_dutch_number_format() -> None:
    assert format_number(1234567) == "1.234.567"
    assert format_number(12.5, 1) == "12,5"
    assert format_number(0) == "0"


def test_grid_is_the_table_with_totals_small_for_primary_and_none_for_secondary() -> None:
    table = series_table()
    assert table.grid() == [
        ["Ministerie", "Medewerkers"],
        ["A", 1000],
        ["B", SMALL],  # 5: "< 10"
        ["C", 500],
        ["D", None],  # 60, hidden so that the 5 is not the total minus the rest: "x"
        ["Totaal", 1565],
    ]
    assert (table.any_small, table.any_marked, table.any_suppressed) == (True, True, True)
    grid = two_way().grid()
    assert grid[0] == ["Ministerie", "Vast", "Tijdelijk", "Trainee", "Totaal"]
    assert grid[-1][0] == "Totaal"
    assert len(grid) == 5


def test_bar_lengths_are_proportional_and_suppressed_figures_get_the_mark_instead_of_a_bar() -> None:
    drawn = to_elements(Chart(ChartKind.BAR, series_table()))
    widths = [float(b.attr("width") or 0) for b in bars(drawn)]
    assert len(widths) == 2  # A and C only
    assert widths[0] / widths[1] == pytest.approx(2.0, rel=0.01)
    assert texts(drawn).count("< 10") == 1  # B: 5
    assert texts(drawn).count("x") == 1  # D: 60 (secondary)
    assert "1.000" in texts(drawn)
    assert "60" not in texts(drawn)


def test_stacked_bar_draws_the_hidden_remainder_of_a_published_row_total_as_one_suppressed_segment() -> None:
    table = two_way()
    elements = to_elements(Chart(ChartKind.STACKED_BAR, table))
    suppressed = [e for e in bars(elements) if e.attr("fill") == "url(#t-px)"]
    row_totals = list(table.row_totals or ())
    assert row_totals[0] == 503  # published, while its cells 3 and 100 are hidden
    assert len(suppressed) == sum(
        1
        for (_, values), total in zip(table.rows, row_totals, strict=True)
        if any(map(hidden, values)) and total
    )
    # the bars of a row add up to its total: the first row is 400 published + 103 hidden remainder
    first_row_y = bars(elements)[0].attr("y")
    row = [e for e in bars(elements) if e.attr("y") == first_row_y]
    widths = [float(e.attr("width") or 0) for e in row]
    assert widths[1] / widths[0] == pytest.approx(103 / 400, rel=0.02)


def test_series_are_distinguished_by_pattern_not_colour_alone() -> None:
    assert PATTERNS[:4] == ("solid", "stripes", "dots", "crosshatch")
    svg_el = to_elements(Chart(ChartKind.BAR, two_way()))
    fills = {e.attr("fill") for e in bars(svg_el)}
    assert {"#01689b", "url(#t-p1)", "url(#t-p2)"} <= fills


def test_line_breaks_at_a_suppressed_point_and_marks_it() -> None:
    table = DataTable(
        title="Trend",
        row_heading="Jaar",
        columns=("Instroom",),
        rows=(("2020", (50,)), ("2021", (60,)), ("2022", (None,)), ("2023", (70,)), ("2024", (80,))),
    )
    svg = line_chart(Chart(ChartKind.LINE, table), chart_id="t")
    lines = [e for e in svg.iter() if e.tag == "polyline"]
    assert len(lines) == 2  # 2020-2021 and 2023-2024, nothing drawn across 2022
    assert all(len((e.attr("points") or "").split()) == 2 for e in lines)
    assert texts(list(svg.iter())).count("x") == 1


def test_line_with_negative_values_extends_the_axis_below_zero() -> None:
    table = DataTable(
        title="Verschil",
        row_heading="Jaar",
        columns=("Verschil",),
        rows=(("2025", (-30,)), ("2026", (0,)), ("2027", (45,))),
    )
    svg = line_chart(Chart(ChartKind.LINE, table), chart_id="t")
    elements = list(svg.iter())
    assert [t for t in texts(elements) if t.lstrip("-").isdigit()][:5] == ["-40", "-20", "0", "20", "40"]
    (line,) = [e for e in elements if e.tag == "polyline"]
    ys = [float(p.split(",")[1]) for p in (line.attr("points") or "").split()]
    axes = [e for e in elements if e.tag == "line" and e.attr("stroke") == "#595959"]
    zero = float(axes[-1].attr("y1") or 0)  # the zero line, above the bottom axis
    assert zero == ys[1]  # 2026's gap of 0 lies on it
    assert ys[0] > zero > ys[2]  # the shortage below, the surplus above
    assert float(axes[0].attr("y1") or 0) > ys[0]  # the bottom axis below the lowest point


def test_line_of_small_fractions_has_whole_ticks() -> None:
    table = DataTable(
        title="Verschil", row_heading="Jaar", columns=("Verschil",), rows=(("2025", (0.4,)), ("2026", (-0.2,))),
        decimals=1,
    )  # fmt: skip
    svg = line_chart(Chart(ChartKind.LINE, table), chart_id="t")
    assert [t for t in texts(list(svg.iter())) if t not in ("2025", "2026")] == ["-1", "0", "1"]


def test_pyramid_needs_two_columns_and_puts_the_first_on_the_left() -> None:
    table = DataTable(
        title="Leeftijd",
        row_heading="Leeftijd",
        columns=("Vrouw", "Man"),
        rows=(("jong", (100, 50)), ("oud", (20, None))),
    )
    svg = pyramid_chart(Chart(ChartKind.PYRAMID, table), chart_id="t")
    rects = bars(list(svg.iter()))
    centre = svg.width / 2
    left = [r for r in rects if float(r.attr("x") or 0) < centre]
    right = [r for r in rects if float(r.attr("x") or 0) >= centre]
    assert len(left) == 2  # 100 and 20
    assert len(right) == 1  # 50; the suppressed one is marked
    assert texts(list(svg.iter())).count("x") == 1
    with pytest.raises(ValueError, match="exactly two"):
        pyramid_chart(Chart(ChartKind.PYRAMID, two_way()), chart_id="t")


def test_standalone_svg_is_well_formed_accessible_and_escaped() -> None:
    table = DataTable(
        title='A & B <"c">', row_heading="r", columns=("k",), rows=(("<script>", (12,)),), slug="x"
    )
    document = to_svg(chart_svg(Chart(ChartKind.BAR, table), chart_id="c1"), chart_id="c1")
    root = ET.fromstring(document)  # noqa: S314 (our own output)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == 'A & B <"c">'  # type: ignore[union-attr]
    assert "<script>" not in document


def test_table_shape_is_checked() -> None:
    with pytest.raises(ValueError, match="2 values for 1 columns"):
        DataTable(title="t", row_heading="r", columns=("a",), rows=(("x", (1, 2)),))


def test_margin_tables_are_the_margins_of_the_two_way_table() -> None:
    table = two_way()
    per_row = table.margin_table(axis="rows", row_heading="Ministerie", column="Totaal", title="t", slug="s")
    assert [v for _, (v,) in per_row.rows] == list(table.row_totals or ())
    assert per_row.column_totals == (table.grand_total,)
    per_column = table.margin_table(
        axis="columns", row_heading="Contract", column="Totaal", title="t", slug="s"
    )
    assert [label for label, _ in per_column.rows] == ["Vast", "Tijdelijk", "Trainee"]
    assert [v for _, (v,) in per_column.rows] == list(table.column_totals or ())


def test_axis_ticks_are_round_whole_numbers() -> None:
    table = DataTable(title="t", row_heading="r", columns=("k",), rows=(("a", (12,)),))
    ticks = [e.text for e in to_elements(Chart(ChartKind.BAR, table)) if e.attr("text-anchor") == "middle"]
    assert ticks == ["0", "5", "10", "15"]
    big = DataTable(title="t", row_heading="r", columns=("k",), rows=(("a", (1234,)),))
    ticks = [e.text for e in to_elements(Chart(ChartKind.BAR, big)) if e.attr("text-anchor") == "middle"]
    assert ticks == ["0", "250", "500", "750", "1.000", "1.250"]
