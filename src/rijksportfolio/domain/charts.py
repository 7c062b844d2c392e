# SPDX-License-Identifier: EUPL-1.2
"""Figures as data: the table behind every chart, and the geometry of the charts drawn from it.

A :class:`DataTable` is what a page publishes: labelled rows, one column per series, optional totals, and
``None`` where a figure is suppressed (built from :mod:`rijksportfolio.domain.suppression`, which never hands
out a hidden value). The same table feeds the SVG chart, the HTML table beside it and the CSV/XLSX downloads,
so the three cannot disagree.

The chart functions turn a table into SVG primitives (:class:`Element`: a tag, pre-formatted attributes,
text, children). They know nothing of HTML, Django or translations: every visible word is passed in
(:class:`ChartText`). The web layer writes the elements out with auto-escaping (``web/components/rpf-chart.html``);
a report can serialise them with :func:`to_svg` and convert them to PDF or PNG.

Accessibility: series are told apart by fill *pattern* (solid, stripes, dots, cross-hatch) and, for lines,
by dash and marker shape -- never by colour alone; every colour has at least 3:1 contrast against white
(WCAG 1.4.11); values are written next to bars; suppressed figures get no bar but their mark: "< 10" for a
count hidden by primary suppression (:data:`SMALL`), ``x`` for every other hidden figure (``None``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from xml.sax.saxutils import escape, quoteattr

from rijksportfolio.domain.suppression import (
    DEFAULT_THRESHOLD,
    Cell,
    Reason,
    SuppressedSeries,
    SuppressedTable,
)

__all__ = [
    "COLOURS",
    "MARK",
    "SMALL",
    "Chart",
    "ChartKind",
    "ChartText",
    "DataTable",
    "Element",
    "Svg",
    "bar_chart",
    "cell_value",
    "chart_svg",
    "contrast_ratio",
    "format_number",
    "hidden",
    "line_chart",
    "mark",
    "published",
    "pyramid_chart",
    "to_svg",
]

Number = int | float


class Small:
    """The value of a count hidden by primary suppression: 1 to threshold - 1 people, published as "< 10"
    (docs/charts.md). Use the one instance :data:`SMALL`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "SMALL"

    def __reduce__(self) -> str:
        return "SMALL"


SMALL = Small()
Value = Number | Small | None  # SMALL: fewer than the threshold (primary); None: hidden for another reason

MARK = "x"  # the mark of a figure hidden for any other reason than being small: secondary, or derived


def hidden(value: object) -> bool:
    """Is ``value`` a suppressed figure (``None`` or :data:`SMALL`)?"""
    return value is None or value is SMALL


def published(value: Value) -> Number | None:
    """The number, or ``None`` for any suppressed figure."""
    return None if value is None or isinstance(value, Small) else value


def mark(value: Value, threshold: int = DEFAULT_THRESHOLD) -> str:
    """How a suppressed figure is written: "< 10" for :data:`SMALL`, ``x`` otherwise."""
    return f"< {threshold}" if value is SMALL else MARK


def cell_value(cell: Cell) -> Value:
    """A suppression result as a table value: the number, :data:`SMALL` (primary) or ``None`` (other)."""
    if cell.value is None:
        return SMALL if cell.reason is Reason.PRIMARY else None
    return cell.value


# Rijkshuisstijl colours, each >= 3:1 against white (tests/domain/test_charts.py checks it).
COLOURS = ("#01689b", "#ca005d", "#39870c", "#673327", "#42145f", "#94710a")
TEXT = "#1a1a1a"
GRID = "#c8c8c8"
AXIS = "#595959"
SUPPRESSED = "#595959"
PATTERNS = ("solid", "stripes", "dots", "crosshatch")
DASHES = ("", "7 4", "2 3", "9 3 2 3")
MARKERS = ("circle", "square", "triangle", "diamond")
WIDTH = 640
FONT = 14
CHAR = 7.6  # estimated average width of a character at 14px in Fira Sans / Arial


# --- the table ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DataTable:
    """A published table: rows (categories) x columns (series); a suppressed figure is :data:`SMALL` (a count
    of fewer than ``threshold`` people, primary suppression) or ``None`` (hidden for another reason)."""

    title: str
    row_heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Value, ...]], ...]
    row_totals: tuple[Value, ...] | None = None
    column_totals: tuple[Value, ...] | None = None
    grand_total: Value = None
    total_label: str = "Totaal"
    description: str = ""
    decimals: int = 0
    slug: str = "tabel"
    threshold: int = DEFAULT_THRESHOLD  # the suppression threshold the figures were published with

    def __post_init__(self) -> None:
        for label, values in self.rows:
            if len(values) != len(self.columns):
                raise ValueError(f"row {label!r} has {len(values)} values for {len(self.columns)} columns")
        if self.row_totals is not None and len(self.row_totals) != len(self.rows):
            raise ValueError("one row total per row")
        if self.column_totals is not None and len(self.column_totals) != len(self.columns):
            raise ValueError("one column total per column")

    @property
    def has_total_column(self) -> bool:
        return self.row_totals is not None

    @property
    def has_total_row(self) -> bool:
        return self.column_totals is not None

    @property
    def any_suppressed(self) -> bool:
        return any(hidden(v) for row in self.grid()[1:] for v in row[1:])

    @property
    def any_small(self) -> bool:
        """Is any figure shown as "< 10"?"""
        return any(v is SMALL for row in self.grid()[1:] for v in row[1:])

    @property
    def any_marked(self) -> bool:
        """Is any figure shown as ``x``?"""
        return any(v is None for row in self.grid()[1:] for v in row[1:])

    def grid(self) -> list[list[str | Value]]:
        """Header and body as one grid (first column the row labels), totals included: for HTML, CSV, XLSX."""
        header: list[str | Value] = [self.row_heading, *self.columns]
        if self.has_total_column:
            header.append(self.total_label)
        body: list[list[str | Value]] = []
        for k, (label, values) in enumerate(self.rows):
            line: list[str | Value] = [label, *values]
            if self.row_totals is not None:
                line.append(self.row_totals[k])
            body.append(line)
        if self.column_totals is not None:
            line = [self.total_label, *self.column_totals]
            if self.has_total_column:
                line.append(self.grand_total)
            body.append(line)
        return [header, *body]

    @classmethod
    def from_series(
        cls, series: SuppressedSeries, *, labels: Sequence[str], column: str, **kwargs: object
    ) -> DataTable:
        """One column from a suppressed series; its total (if published) becomes the total row."""
        if len(labels) != len(series.cells):
            raise ValueError("one label per cell")
        return cls(
            columns=(column,),
            rows=tuple(
                (label, (cell_value(cell),)) for label, cell in zip(labels, series.cells, strict=True)
            ),
            column_totals=None if series.total is None else (cell_value(series.total),),
            threshold=series.threshold,
            **kwargs,  # type: ignore[arg-type]
        )

    @classmethod
    def from_table(
        cls,
        table: SuppressedTable,
        *,
        row_labels: Sequence[str],
        column_labels: Sequence[str],
        **kwargs: object,
    ) -> DataTable:
        """Rows x columns from a suppressed two-way table, with its margins when they are published."""
        if len(row_labels) != len(table.cells) or any(len(r) != len(column_labels) for r in table.cells):
            raise ValueError("one label per row and per column")

        def values(cells: Iterable[Cell]) -> tuple[Value, ...]:
            return tuple(cell_value(c) for c in cells)

        return cls(
            columns=tuple(column_labels),
            rows=tuple((label, values(r)) for label, r in zip(row_labels, table.cells, strict=True)),
            row_totals=None if table.row_totals is None else values(table.row_totals),
            column_totals=None if table.column_totals is None else values(table.column_totals),
            grand_total=None if table.grand_total is None else cell_value(table.grand_total),
            threshold=table.threshold,
            **kwargs,  # type: ignore[arg-type]
        )

    def margin_table(
        self, *, axis: str, row_heading: str, column: str, title: str, slug: str, description: str = ""
    ) -> DataTable:
        """The row totals (``axis="rows"``) or column totals (``"columns"``) as a one-column table of their own,
        suppressed exactly as in this table, so that a page showing both gives nothing more away."""
        if axis == "rows":
            if self.row_totals is None:
                raise ValueError("this table has no row totals")
            labels, totals = [label for label, _ in self.rows], self.row_totals
        elif axis == "columns":
            if self.column_totals is None:
                raise ValueError("this table has no column totals")
            labels, totals = list(self.columns), self.column_totals
        else:
            raise ValueError(f"axis must be 'rows' or 'columns', not {axis!r}")
        has_grand = self.row_totals is not None and self.column_totals is not None
        return DataTable(
            title=title,
            row_heading=row_heading,
            columns=(column,),
            rows=tuple((label, (total,)) for label, total in zip(labels, totals, strict=True)),
            column_totals=(self.grand_total,) if has_grand else None,
            total_label=self.total_label,
            description=description,
            decimals=self.decimals,
            slug=slug,
            threshold=self.threshold,
        )


def format_number(value: Number, decimals: int = 0) -> str:
    """Dutch notation: ``1.234.567`` and ``12,5``."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def contrast_ratio(foreground: str, background: str = "#ffffff") -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    hi, lo = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# --- SVG primitives ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    text: str = ""
    children: tuple[Element, ...] = ()

    def attr(self, name: str) -> str | None:
        return next((v for k, v in self.attrs if k == name), None)


@dataclass(frozen=True, slots=True)
class Svg:
    width: int
    height: int
    title: str
    description: str
    defs: tuple[Element, ...]
    elements: tuple[Element, ...]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    def iter(self) -> Iterable[Element]:
        stack = list(reversed(self.elements))
        while stack:
            e = stack.pop()
            yield e
            stack.extend(reversed(e.children))


class ChartKind(StrEnum):
    BAR = "bar"
    STACKED_BAR = "stacked"
    LINE = "line"
    PYRAMID = "pyramid"


@dataclass(frozen=True, slots=True)
class ChartText:
    """The words a chart draws, supplied (translated) by the caller."""

    suppressed: str = "afgeschermd"  # legend entry for the hidden remainder of a stacked bar


@dataclass(frozen=True, slots=True)
class Chart:
    """What a page asks for: which kind of chart of which table, and which columns to draw (default all)."""

    kind: ChartKind
    table: DataTable
    series: tuple[int, ...] | None = None
    description: str = ""  # what the chart shows in one or two sentences (becomes the SVG's <desc>)

    @property
    def drawn(self) -> tuple[int, ...]:
        return self.series if self.series is not None else tuple(range(len(self.table.columns)))


def _num(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _el(tag: str, text: str = "", children: Sequence[Element] = (), **attrs: str | float) -> Element:
    return _make(tag, attrs, text, children)


def _make(
    tag: str, attrs: dict[str, str | float], text: str = "", children: Sequence[Element] = ()
) -> Element:
    """An element; attribute names in snake_case become kebab-case, numbers are rounded to 0.1."""
    formatted = tuple(
        (k.rstrip("_").replace("_", "-"), _num(v) if isinstance(v, int | float) else v)
        for k, v in attrs.items()
    )
    return Element(tag, formatted, text, tuple(children))


def _text(x: float, y: float, text: str, *, anchor: str = "start", weight: str = "normal") -> Element:
    attrs: dict[str, str | float] = {"x": x, "y": y, "fill": TEXT, "font_size": FONT}
    if anchor != "start":
        attrs["text_anchor"] = anchor
    if weight != "normal":
        attrs["font_weight"] = weight
    return _make("text", attrs, text)


def _fill(chart_id: str, index: int) -> str:
    if PATTERNS[index % len(PATTERNS)] == "solid":
        return COLOURS[index % len(COLOURS)]
    return f"url(#{chart_id}-p{index})"


def _pattern(chart_id: str, index: int) -> Element | None:
    kind = PATTERNS[index % len(PATTERNS)]
    colour = COLOURS[index % len(COLOURS)]
    base = _el("rect", width=8, height=8, fill=colour)
    if kind == "solid":
        return None
    if kind == "stripes":
        marks = [_el("rect", width=3, height=8, fill="#ffffff")]
        extra: dict[str, str | float] = {"patternTransform": "rotate(45)"}
    elif kind == "dots":
        marks = [_el("circle", cx=4, cy=4, r=1.8, fill="#ffffff")]
        extra = {}
    else:
        marks = [_el("path", d="M0 4H8M4 0V8", stroke="#ffffff", stroke_width=1.5)]
        extra = {}
    attrs: dict[str, str | float] = {"id": f"{chart_id}-p{index}", "width": 8, "height": 8}
    return _make("pattern", {**attrs, "patternUnits": "userSpaceOnUse", **extra}, children=[base, *marks])


def _suppressed_pattern(chart_id: str) -> Element:
    return _el(
        "pattern",
        children=[
            _el("rect", width=6, height=6, fill="#ffffff"),
            _el("rect", width=2, height=6, fill=SUPPRESSED),
        ],
        id=f"{chart_id}-px",
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )


def _swatch(x: float, y: float, fill: str, stroke: str) -> Element:
    return _el("rect", x=x, y=y, width=16, height=16, fill=fill, stroke=stroke, stroke_width=1)


def _legend(items: Sequence[tuple[str, Element]], width: float) -> tuple[list[Element], float]:
    """Legend entries (label, 16x16 symbol drawn at 0,0) laid out in rows; returns elements and height."""
    out: list[Element] = []
    x, y = 0.0, 0.0
    for label, symbol in items:
        w = 24 + len(label) * CHAR + 20
        if x > 0 and x + w > width:
            x, y = 0.0, y + 24
        out.append(_el("g", children=[symbol], transform=f"translate({_num(x)} {_num(y)})"))
        out.append(_text(x + 24, y + 13, label))
        x += w
    return out, (y + 24 if items else 0.0)


def _legend_block(items: Sequence[tuple[str, Element]]) -> tuple[list[Element], float]:
    """The legend above a chart of more than one entry (one series needs none: the title names it)."""
    if len(items) < 2:
        return [], 0.0
    legend, height = _legend(items, WIDTH)
    return [_el("g", children=legend, transform="translate(8 0)")], height


def _nice_max(maximum: float, ticks: int = 5) -> tuple[float, float]:
    """A round upper bound of the axis and its tick step: 1, 2, 2.5 or 5 times a power of ten, and a whole
    number (the figures are counts, or FTE where whole ticks read best too)."""
    if maximum <= 0:
        return 1.0, 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    # below 0.5 no round step is whole (FTE gaps can be that small): the step is 1
    step = next(
        (m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw and float(m * power).is_integer()), 1.0
    )
    step = max(step, 1.0)
    return math.ceil(maximum / step) * step, step


def _ticks(top: float, step: float) -> list[float]:
    return [k * step for k in range(round(top / step) + 1)]


def _label(value: float, decimals: int) -> str:
    return format_number(value, 0 if float(value).is_integer() else max(decimals, 1))


# --- bar charts --------------------------------------------------------------------------------------------


def bar_chart(chart: Chart, *, chart_id: str, stacked: bool = False, text: ChartText = ChartText()) -> Svg:
    """Horizontal bars: per row one bar per drawn column (grouped) or one bar of stacked segments.

    A stacked bar whose row total is published draws the hidden remainder (the total minus the published
    segments, which the table's margin gives away anyway) as one segment in the "suppressed" pattern; without
    a published total, the bar ends after the published segments, followed by the mark."""
    table, drawn = chart.table, chart.drawn
    value_room = 80.0
    left, plot_w = 8.0, WIDTH - 8.0 - value_room
    defs = [p for i in drawn if (p := _pattern(chart_id, i)) is not None]
    legend_items = [
        (table.columns[i], _swatch(0, 0, _fill(chart_id, i), COLOURS[i % len(COLOURS)])) for i in drawn
    ]

    has_total = table.row_totals is not None and len(drawn) == len(table.columns)

    def row_sum(k: int) -> tuple[float, bool, float | None]:
        values = [table.rows[k][1][i] for i in drawn]
        shown = float(sum(v for v in map(published, values) if v is not None))
        any_hidden = any(hidden(v) for v in values)
        total = published(table.row_totals[k]) if table.row_totals is not None and has_total else None
        return shown, any_hidden, (None if total is None else float(total))

    if stacked:
        maximum = max((row_sum(k)[2] or row_sum(k)[0] for k in range(len(table.rows))), default=0.0)
        if any(row_sum(k)[1] and row_sum(k)[2] is not None for k in range(len(table.rows))):
            defs.append(_suppressed_pattern(chart_id))
            legend_items.append((text.suppressed, _swatch(0, 0, f"url(#{chart_id}-px)", SUPPRESSED)))
    else:
        maximum = max(
            (
                float(shown_value)
                for _, vs in table.rows
                for i, v in enumerate(vs)
                if i in drawn and (shown_value := published(v)) is not None
            ),
            default=0.0,
        )
    top, step = _nice_max(maximum)

    def x_of(v: float) -> float:
        return left + plot_w * v / top

    elements, height = _legend_block(legend_items)
    y = height + 8 if elements else 0.0
    bar_h = 18.0
    band_h = FONT + 8 + (bar_h + 4 if stacked else (bar_h + 2) * len(drawn)) + 10
    plot_top = y
    bands: list[Element] = []
    for k, (label, values) in enumerate(table.rows):
        bands.append(_text(left, y + FONT, label, weight="600"))
        by = y + FONT + 6
        if stacked:
            shown, any_hidden, total = row_sum(k)
            x = left
            for i in drawn:
                segment = published(values[i])
                if segment is None or segment == 0:
                    continue
                w = x_of(float(segment)) - left
                bands.append(_bar(x, by, w, bar_h, _fill(chart_id, i), COLOURS[i % len(COLOURS)]))
                x += w
            if any_hidden and total is not None and total > shown:
                w = x_of(total - shown) - left
                bands.append(_bar(x, by, w, bar_h, f"url(#{chart_id}-px)", SUPPRESSED))
                x += w
            if total is not None:
                end = format_number(total, table.decimals)
            elif has_total and table.row_totals is not None:
                end = mark(table.row_totals[k], table.threshold)  # the row's total is hidden
            else:
                end = MARK if any_hidden else format_number(shown, table.decimals)
            bands.append(_text(x + 6, by + 14, end))
        else:
            for i in drawn:
                v = values[i]
                if v is None or isinstance(v, Small):
                    bands.append(_text(left + 2, by + 14, mark(v, table.threshold), weight="600"))
                else:
                    w = x_of(float(v)) - left
                    if w > 0:
                        bands.append(_bar(left, by, w, bar_h, _fill(chart_id, i), COLOURS[i % len(COLOURS)]))
                    bands.append(_text(left + w + 6, by + 14, format_number(v, table.decimals)))
                by += bar_h + 2
        y += band_h
    plot_bottom = y
    grid: list[Element] = []
    for t in _ticks(top, step):
        gx = x_of(t)
        grid.append(_el("line", x1=gx, y1=plot_top, x2=gx, y2=plot_bottom, stroke=GRID, stroke_width=1))
        grid.append(_text(gx, plot_bottom + 18, _label(t, table.decimals), anchor="middle"))
    grid.append(_el("line", x1=left, y1=plot_top, x2=left, y2=plot_bottom, stroke=AXIS, stroke_width=1))
    elements += grid + bands
    height = plot_bottom + 28
    return Svg(WIDTH, math.ceil(height), table.title, chart.description, tuple(defs), tuple(elements))


def _bar(x: float, y: float, w: float, h: float, fill: str, stroke: str) -> Element:
    return _el("rect", x=x, y=y, width=max(w, 0.0), height=h, fill=fill, stroke=stroke, stroke_width=1)


# --- line chart --------------------------------------------------------------------------------------------


def _marker(shape: str, x: float, y: float, colour: str) -> Element:
    if shape == "circle":
        return _el("circle", cx=x, cy=y, r=4.5, fill=colour)
    if shape == "square":
        return _el("rect", x=x - 4, y=y - 4, width=8, height=8, fill=colour)
    if shape == "triangle":
        return _el(
            "path",
            d=f"M{_num(x)} {_num(y - 5)}L{_num(x + 5)} {_num(y + 4)}L{_num(x - 5)} {_num(y + 4)}Z",
            fill=colour,
        )
    return _el(
        "path",
        d=f"M{_num(x)} {_num(y - 5)}L{_num(x + 5)} {_num(y)}L{_num(x)} {_num(y + 5)}L{_num(x - 5)} {_num(y)}Z",
        fill=colour,
    )


def line_chart(chart: Chart, *, chart_id: str) -> Svg:
    """A trend: the rows are the points on the x-axis (e.g. years), every drawn column a line. Negative values
    (a gap, a balance) extend the axis below zero, where a second axis line marks zero.

    A suppressed point breaks its line (no interpolation across it) and is marked on the x-axis."""
    table, drawn = chart.table, chart.drawn
    legend_items = []
    for i in drawn:
        colour = COLOURS[i % len(COLOURS)]
        line = _make(
            "line", {"x1": 0, "y1": 8, "x2": 16, "y2": 8, "stroke": colour, "stroke_width": 2.5, **_dash(i)}
        )
        legend_items.append(
            (table.columns[i], _el("g", children=[line, _marker(MARKERS[i % 4], 8, 8, colour)]))
        )
    elements, height = _legend_block(legend_items)
    plot_top = height + 16 if elements else 8.0
    values = [
        float(p)
        for _, vs in table.rows
        for i, v in enumerate(vs)
        if i in drawn and (p := published(v)) is not None
    ]
    top, step = _nice_max(max(values, default=0.0))
    low = 0.0
    if (
        min(values, default=0.0) < 0
    ):  # e.g. a gap (shortage): the axis runs below zero, zero drawn as the axis
        _span, step = _nice_max(max(values) - min(values))
        low = -math.ceil(-min(values) / step) * step
        top = max(step, math.ceil(max(max(values), 0.0) / step) * step)
    ticks = [low + t for t in _ticks(top - low, step)]
    left = 12 + max((len(_label(t, table.decimals)) for t in ticks), default=1) * CHAR
    right, plot_h = WIDTH - 16.0, 240.0
    bottom = plot_top + plot_h
    n = len(table.rows)

    def x_of(k: int) -> float:
        return (left + right) / 2 if n == 1 else left + (right - left) * k / (n - 1)

    def y_of(v: float) -> float:
        return bottom - plot_h * (v - low) / (top - low)

    for t in ticks:
        elements.append(_el("line", x1=left, y1=y_of(t), x2=right, y2=y_of(t), stroke=GRID, stroke_width=1))
        elements.append(_text(left - 8, y_of(t) + 5, _label(t, table.decimals), anchor="end"))
    elements.append(_el("line", x1=left, y1=bottom, x2=right, y2=bottom, stroke=AXIS, stroke_width=1))
    if low < 0:
        elements.append(_el("line", x1=left, y1=y_of(0), x2=right, y2=y_of(0), stroke=AXIS, stroke_width=1))
    every = max(1, math.ceil(n / 12))
    for k, (label, _) in enumerate(table.rows):
        if k % every == 0 or k == n - 1:
            elements.append(_text(x_of(k), bottom + 20, label, anchor="middle"))
    for i in drawn:
        colour = COLOURS[i % len(COLOURS)]
        run: list[tuple[float, float]] = []
        runs: list[list[tuple[float, float]]] = [run]
        for k, (_, vs) in enumerate(table.rows):
            v = vs[i]
            if v is None or isinstance(v, Small):
                elements.append(
                    _text(x_of(k), bottom - 6, mark(v, table.threshold), anchor="middle", weight="600")
                )
                run = []
                runs.append(run)
            else:
                run.append((x_of(k), y_of(float(v))))
        for points in runs:
            if len(points) > 1:
                elements.append(
                    _make(
                        "polyline",
                        {
                            "points": " ".join(f"{_num(px)},{_num(py)}" for px, py in points),
                            "fill": "none",
                            "stroke": colour,
                            "stroke_width": 2.5,
                            **_dash(i),
                        },
                    )
                )
            elements += [_marker(MARKERS[i % 4], px, py, colour) for px, py in points]
    height = bottom + 32
    return Svg(WIDTH, math.ceil(height), table.title, chart.description, (), tuple(elements))


def _dash(index: int) -> dict[str, str | float]:
    dash = DASHES[index % len(DASHES)]
    return {"stroke_dasharray": dash} if dash else {}


# --- population pyramid ------------------------------------------------------------------------------------


def pyramid_chart(chart: Chart, *, chart_id: str) -> Svg:
    """Two drawn columns back to back (first to the left), rows from the bottom up (youngest age band first
    in the table, drawn at the bottom), row labels in the middle."""
    table, drawn = chart.table, chart.drawn
    if len(drawn) != 2:
        raise ValueError("a population pyramid draws exactly two columns")
    a, b = drawn
    defs = [p for i in drawn if (p := _pattern(chart_id, i)) is not None]
    # the row labels sit between the two sides: the gap is as wide as the longest of them
    centre, margin = WIDTH / 2, 64.0
    gap = max(44.0, max((len(label) for label, _ in table.rows), default=0) * CHAR / 2 + 10)
    half = centre - gap - margin
    values = [
        float(number) for _, vs in table.rows for i in drawn if (number := published(vs[i])) is not None
    ]
    top, step = _nice_max(max(values, default=0.0), ticks=3)  # two half-width axes: fewer labels
    elements: list[Element] = []
    # Column headings with their swatches, above each side.
    elements.append(_swatch(centre - gap - 16, 0, _fill(chart_id, a), COLOURS[a % len(COLOURS)]))
    elements.append(_text(centre - gap - 24, 13, table.columns[a], anchor="end", weight="600"))
    elements.append(_swatch(centre + gap, 0, _fill(chart_id, b), COLOURS[b % len(COLOURS)]))
    elements.append(_text(centre + gap + 24, 13, table.columns[b], weight="600"))
    bar_h, row_h = 18.0, 22.0
    plot_top = 28.0
    n = len(table.rows)
    bottom = plot_top + n * row_h

    def w_of(v: float) -> float:
        return half * v / top

    for t in _ticks(top, step):
        for gx in {centre - gap - w_of(t), centre + gap + w_of(t)}:
            elements.append(_el("line", x1=gx, y1=plot_top, x2=gx, y2=bottom, stroke=GRID, stroke_width=1))
            elements.append(_text(gx, bottom + 18, _label(t, table.decimals), anchor="middle"))
    for k, (label, vs) in enumerate(table.rows):
        y = bottom - (k + 1) * row_h + (row_h - bar_h) / 2
        elements.append(_text(centre, y + 14, label, anchor="middle"))
        for i, sign in ((a, -1), (b, 1)):
            edge = centre + sign * gap
            v = vs[i]
            if v is None or isinstance(v, Small):
                elements.append(
                    _text(
                        edge + sign * 4,
                        y + 14,
                        mark(v, table.threshold),
                        anchor="end" if sign < 0 else "start",
                        weight="600",
                    )
                )
                continue
            w = w_of(float(v))
            x = edge - w if sign < 0 else edge
            if w > 0:
                elements.append(_bar(x, y, w, bar_h, _fill(chart_id, i), COLOURS[i % len(COLOURS)]))
            tip = edge + sign * (w + 6)
            elements.append(
                _text(tip, y + 14, format_number(v, table.decimals), anchor="end" if sign < 0 else "start")
            )
    for edge in (centre - gap, centre + gap):
        elements.append(_el("line", x1=edge, y1=plot_top, x2=edge, y2=bottom, stroke=AXIS, stroke_width=1))
    height = bottom + 28
    return Svg(WIDTH, math.ceil(height), table.title, chart.description, tuple(defs), tuple(elements))


def chart_svg(chart: Chart, *, chart_id: str, text: ChartText = ChartText()) -> Svg:
    """The geometry of ``chart``; ``chart_id`` prefixes the ids of its patterns (unique per page)."""
    if chart.kind is ChartKind.BAR:
        return bar_chart(chart, chart_id=chart_id, text=text)
    if chart.kind is ChartKind.STACKED_BAR:
        return bar_chart(chart, chart_id=chart_id, stacked=True, text=text)
    if chart.kind is ChartKind.LINE:
        return line_chart(chart, chart_id=chart_id)
    return pyramid_chart(chart, chart_id=chart_id)


def to_svg(svg: Svg, *, chart_id: str) -> str:
    """A standalone SVG document (for reports: PDF/PNG conversion, e.g. ``vl_convert.svg_to_pdf``).

    The web page does not use this: its template writes the same elements with Django's auto-escaping."""

    def write(e: Element) -> str:
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in e.attrs)
        inner = escape(e.text) + "".join(write(c) for c in e.children)
        return f"<{e.tag}{attrs}>{inner}</{e.tag}>"

    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{svg.width}" height="{svg.height}" '
        f'viewBox="{svg.view_box}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="Fira Sans, Arial, sans-serif">'
        f'<title id="{chart_id}-title">{escape(svg.title)}</title><desc id="{chart_id}-desc">{escape(svg.description)}</desc>'
        f"<defs>{''.join(write(d) for d in svg.defs)}</defs>"
        f'<rect width="{svg.width}" height="{svg.height}" fill="#ffffff"/>'
        f"{''.join(write(e) for e in svg.elements)}</svg>"
    )
