# SPDX-License-Identifier: EUPL-1.2
"""Small-cell suppression of counts of people: primary and secondary, for series and two-way tables.

Every published figure about people (dashboards, overviews, reports, downloads, the API) goes through this
module, so that one set of rules decides what is shown. The result says for every cell either its value or
that it is suppressed and why; a suppressed cell does not carry its value, so no template, chart or download
built on the result can leak it by accident.

Rules
-----
*Primary suppression.* A count ``0 < n < threshold`` (default 10) is suppressed. Totals are counts too: a
row, column or grand total below the threshold is suppressed like any cell.

*Zero is shown.* A cell of 0 is published. This is the usual practice in Dutch government statistics (CBS
publishes empty cells of frequency tables; the threshold rules of the CBS and of the Rijk's HR figures are
about small *non-empty* groups): a zero says that nobody in the group exists, which discloses nothing about
any person, and hiding every zero would make tables of a small organisation useless (most of a skills x unit
table is empty). The one case where a zero reveals something -- "everybody in this row has property X" -- is
a statement about a group of at least ``threshold`` people when the row total is published, and a property
of a group that size is what aggregate statistics are for. A zero is hidden only as a last resort complement
(see below), when no non-zero cell can protect a small one.

*Secondary suppression.* Where totals are published, a hidden cell must not be derivable from them:

1. No margin (a row with its row total, a column with its column total, the row of column totals with the
   grand total, ...) may contain exactly one hidden figure -- it would be the total minus the published
   rest. Where one does, the next smallest published figure of that line is hidden too -- preferring one
   that settles the line at once (meets rules 3 and 4 below as well, so that no further complement is
   needed there), then one whose crossing line also hides exactly one figure (one complement then protects
   both lines), then one whose crossing line already hides two or more, so that complements do not cascade
   through the table. Rules 3 and 4 choose their complements the same way.
2. Hidden figures must not be derivable by *combining* margins either. Two 2x2 blocks of hidden cells
   joined by one hidden cell satisfy rule 1 everywhere, yet the joining cell is the sum of two row
   equations minus two column equations. Seen as a graph (rows and columns as vertices, hidden figures as
   edges), a hidden figure is determined by the published figures exactly when its edge is a *bridge*
   (lies on no cycle); for every bridge the smallest published figure joining its two sides is hidden.
3. From any one margin whose total is published, each hidden figure could still be as large as
   ``threshold - 1``: with ``k`` hidden figures summing to ``S`` (which the margin reveals), each lies in
   ``[1, S - (k - 1)]``, so ``S - (k - 1) >= threshold - 1`` is required. This stops the obvious interval
   attack (two hidden cells in a row whose published total leaves 2 -- both are 1). Where it fails, the next
   smallest published figure of the line is hidden.
4. The marks are published: a primary figure is shown as "< 10", a secondary one as ``x``. A reader then
   knows that each primary figure lies in ``[1, threshold - 1]`` and that each secondary one is a figure that
   would otherwise have been published, so ``0`` or ``>= threshold``. From any one margin whose total is
   published, every primary figure must still be able to take *every* value from 1 to ``threshold - 1``
   given those domains of the other hidden figures of the line (a primary and a secondary figure summing to
   11 would otherwise be exactly 1 and 10; two primaries summing to 18 both 9). Where it fails, the next
   smallest published figure of the line is hidden. (With ``p`` primary and ``s`` secondary figures hiding
   ``S`` together, for the threshold 10: ``p = 1`` needs ``S >= 19``; ``p = 2`` needs ``S = 10``, or
   ``S >= 20`` with a secondary; ``p >= 3`` needs ``p + 8 <= S``, and ``S <= 9p - 8`` without a secondary.)

The rules are applied one change at a time, in a fixed order (rules 1, 3, 4, 2; rows before columns; the
preference above, smallest value, cells before totals, then position), until none applies: the outcome is a deterministic function of the
input.

*Publishing.* A primary figure is published as "< threshold" ("< 10"): that is all it says, because rule 4
leaves it every value below the threshold. A secondary figure is published as ``x``: it is usually large, so
"< 10" would be false for it. ``reason`` says which; a figure derived from a hidden one (its FTE, a share) is
marked like a secondary one, never as "< 10".

Limits: the rules protect against exact recovery (by any linear combination of published margins) and
against the single-margin interval attacks of rules 3 and 4. They do not audit the full linear-programming bounds of
every hidden cell over all margins together, as tau-ARGUS does with protection levels; for the tables of
this platform (a few dozen cells, counts of people per unit x category) that is the accepted trade-off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

__all__ = [
    "DEFAULT_THRESHOLD",
    "Cell",
    "Reason",
    "SuppressedSeries",
    "SuppressedTable",
    "primary_unconstrained",
    "suppress_rows",
    "suppress_series",
    "suppress_table",
]

DEFAULT_THRESHOLD = 10

T = TypeVar("T")


class Reason(StrEnum):
    PRIMARY = "primary"  # fewer than threshold people (but more than none)
    SECONDARY = "secondary"  # hidden so that a primary cell cannot be derived from published totals


@dataclass(frozen=True, slots=True)
class Cell:
    """One published figure: its value, or ``None`` with the reason it is suppressed."""

    value: int | None
    reason: Reason | None = None

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def mask(self, other: T) -> T | None:
        """``other`` (e.g. the FTE belonging to this headcount) if this cell is published, else ``None``."""
        return None if self.value is None else other


@dataclass(frozen=True, slots=True)
class SuppressedSeries:
    """A one-dimensional series (e.g. headcount per ministry), with its total when one is published."""

    cells: tuple[Cell, ...]
    total: Cell | None
    threshold: int

    @property
    def suppressed_count(self) -> int:
        return sum(c.suppressed for c in self.cells) + (1 if self.total and self.total.suppressed else 0)


@dataclass(frozen=True, slots=True)
class SuppressedTable:
    """A two-way table (rows x columns), with row totals, column totals and grand total when published."""

    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...] | None
    column_totals: tuple[Cell, ...] | None
    grand_total: Cell | None
    threshold: int

    @property
    def suppressed_count(self) -> int:
        n = sum(c.suppressed for row in self.cells for c in row)
        for margin in (self.row_totals or (), self.column_totals or ()):
            n += sum(c.suppressed for c in margin)
        return n + (1 if self.grand_total and self.grand_total.suppressed else 0)


def _check(values: Iterable[int], threshold: int) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise ValueError(f"threshold must be a positive integer, not {threshold!r}")
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise ValueError(f"counts must be non-negative integers, not {v!r}")


def _primary(value: int, threshold: int) -> Cell:
    return Cell(None, Reason.PRIMARY) if 0 < value < threshold else Cell(value)


def suppress_series(
    values: Sequence[int], *, threshold: int = DEFAULT_THRESHOLD, with_total: bool = True
) -> SuppressedSeries:
    """Suppress a series of counts; with ``with_total`` the sum is published too and protected against.

    A series with a total is one margin: at least two figures (cells or the total) are hidden whenever one
    is, and the hidden part leaves each figure room up to ``threshold - 1``.
    """
    values = list(values)
    _check(values, threshold)
    if not with_total:
        return SuppressedSeries(tuple(_primary(v, threshold) for v in values), None, threshold)
    table = suppress_table([values], threshold=threshold, with_totals=True)
    assert table.row_totals is not None
    return SuppressedSeries(table.cells[0], table.row_totals[0], threshold)


def suppress_table(
    rows: Sequence[Sequence[int]],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    with_totals: bool = True,
    keep_grand_total: bool = False,
) -> SuppressedTable:
    """Suppress a rows x columns table of counts; with ``with_totals`` its margins and grand total are
    published too (computed here from the cells) and the secondary rules applied.

    Without totals only primary suppression applies: without published sums there is nothing to subtract
    from. Only use that when no total of the table is published anywhere (not in a heading, a chart
    title, another panel or the API).

    ``keep_grand_total``: the grand total is published elsewhere anyway (the headcount of the same
    population in another table of the page), so hiding it here would protect nothing -- choose other
    complements. It is hidden only if no other figure can do (check ``grand_total.suppressed``), or when it
    is below the threshold itself (then every table of that population hides it).
    """
    grid = [list(r) for r in rows]
    if len({len(r) for r in grid}) > 1:
        raise ValueError("all rows must have the same number of columns")
    _check((v for r in grid for v in r), threshold)
    if not with_totals:
        cells = tuple(tuple(_primary(v, threshold) for v in r) for r in grid)
        return SuppressedTable(cells, None, None, None, threshold)

    m = len(grid)
    n = len(grid[0]) if grid else 0
    # The extended (m+1) x (n+1) table: row m holds the column totals, column n the row totals, (m, n) the
    # grand total. Every row and every column of it is one published equation ("parts sum to total").
    ext = [[*r, sum(r)] for r in grid]
    ext.append([sum(ext[i][j] for i in range(m)) for j in range(n + 1)])
    hidden = _protect(ext, threshold, keep_grand_total=keep_grand_total)

    def cell(i: int, j: int) -> Cell:
        reason = hidden.get((i, j))
        return Cell(ext[i][j]) if reason is None else Cell(None, reason)

    return SuppressedTable(
        cells=tuple(tuple(cell(i, j) for j in range(n)) for i in range(m)),
        row_totals=tuple(cell(i, n) for i in range(m)),
        column_totals=tuple(cell(m, j) for j in range(n)),
        grand_total=cell(m, n),
        threshold=threshold,
    )


def suppress_rows(rows: Sequence[Sequence[int]], *, threshold: int = DEFAULT_THRESHOLD) -> SuppressedTable:
    """A table whose rows are independent series, each published with its own total but with no column
    totals (e.g. years x gender: a total per year is meaningful, a sum over the years is not).

    Each row is suppressed as :func:`suppress_series`; ``column_totals`` and ``grand_total`` are ``None``.
    Publish no column total of such a table anywhere, or use :func:`suppress_table`.
    """
    series = [suppress_series(r, threshold=threshold) for r in rows]
    if len({len(r) for r in rows}) > 1:
        raise ValueError("all rows must have the same number of columns")
    return SuppressedTable(
        cells=tuple(s.cells for s in series),
        row_totals=tuple(s.total for s in series if s.total is not None),
        column_totals=None,
        grand_total=None,
        threshold=threshold,
    )


Pos = tuple[int, int]


def _protect(ext: list[list[int]], threshold: int, *, keep_grand_total: bool = False) -> dict[Pos, Reason]:
    """The hidden positions of the extended table, with their reasons, at the fixed point of the rules."""
    rows, cols = len(ext), len(ext[0])
    m, n = rows - 1, cols - 1
    hidden: dict[Pos, Reason] = {
        (i, j): Reason.PRIMARY for i in range(rows) for j in range(cols) if 0 < ext[i][j] < threshold
    }
    # Each line: its positions, the last one being its total.
    lines: list[list[Pos]] = [[(i, j) for j in range(cols)] for i in range(rows)]
    lines += [[(i, j) for i in range(rows)] for j in range(cols)]

    def settles(p: Pos, line: list[Pos]) -> bool:
        """Would hiding ``p`` leave ``line`` meeting rules 1, 3 and 4 (by itself)?"""
        if p == line[-1]:
            return True  # a line whose total is hidden gives nothing away by itself
        parts = [q for q in line[:-1] if q in hidden or q == p]
        total = sum(ext[i][j] for i, j in parts)
        primary = sum(hidden.get(q) is Reason.PRIMARY for q in parts)
        return (
            len(parts) >= 2
            and total - (len(parts) - 1) >= threshold - 1
            and primary_unconstrained(total, primary, len(parts) - primary, threshold)
        )

    def key(p: Pos, line: list[Pos] | None) -> tuple[bool, bool, int, bool, int, bool, int, int]:
        # 0. a grand total published elsewhere only as a last resort;
        # 1. a figure that settles the line at once (rules 1, 3 and 4) before one that leaves it needing more;
        # 2. a figure whose other line already needs a complement (fixes two lines at once), then one whose
        #    other line hides two or more already, then one that starts a new line (which will need its own);
        # 3. smallest non-zero value, zeros only as a last resort; 4. cells before totals; 5. position.
        rank = 0
        unsettled = False
        if line is not None:
            is_row = line[0][0] == line[-1][0]
            other = [(i, p[1]) for i in range(rows)] if is_row else [(p[0], j) for j in range(cols)]
            count = sum(q in hidden for q in other)
            rank = 0 if count == 1 else 1 if count >= 2 else 2
            unsettled = not settles(p, line)
        value = ext[p[0]][p[1]]
        kept = keep_grand_total and p == (m, n)
        return (kept, unsettled, rank, value == 0, value, p[0] == m or p[1] == n, p[0], p[1])

    def smallest(candidates: Iterable[Pos], line: list[Pos] | None = None) -> Pos | None:
        published = [p for p in candidates if p not in hidden]
        return min(published, key=lambda p: key(p, line)) if published else None

    while True:
        add = _first(lines, lambda line: _single_hidden(line, hidden, smallest))
        if add is None:
            add = _first(lines, lambda line: _narrow_interval(line, hidden, ext, threshold, smallest))
        if add is None:
            add = _first(lines, lambda line: _labelled_interval(line, hidden, ext, threshold, smallest))
        if add is None:
            add = _bridge_complement(hidden, rows, cols, smallest)
        if add is None:
            return hidden
        hidden[add] = Reason.SECONDARY


def _first(lines: list[list[Pos]], rule: Callable[[list[Pos]], Pos | None]) -> Pos | None:
    for line in lines:
        add = rule(line)
        if add is not None:
            return add
    return None


def _single_hidden(
    line: list[Pos], hidden: dict[Pos, Reason], smallest: Callable[[Iterable[Pos], list[Pos]], Pos | None]
) -> Pos | None:
    """Rule 1: a line with exactly one hidden figure gives it away."""
    if sum(p in hidden for p in line) != 1:
        return None
    return smallest(line, line)


def _narrow_interval(
    line: list[Pos],
    hidden: dict[Pos, Reason],
    ext: list[list[int]],
    threshold: int,
    smallest: Callable[[Iterable[Pos], list[Pos]], Pos | None],
) -> Pos | None:
    """Rule 3: with the total published, the hidden part must leave each hidden figure room up to t - 1."""
    total = line[-1]
    if total in hidden:
        return None
    parts = [p for p in line[:-1] if p in hidden]
    if len(parts) < 2:
        return None
    if sum(ext[i][j] for i, j in parts) - (len(parts) - 1) >= threshold - 1:
        return None
    return smallest(line, line)


def primary_unconstrained(hidden_sum: int, primary: int, secondary: int, threshold: int) -> bool:
    """Can each of ``primary`` figures in ``[1, threshold - 1]`` still be any value of that range, when they and
    ``secondary`` figures in ``{0} | [threshold, inf)`` are known to sum to ``hidden_sum``? (Rule 4.)

    For one primary figure ``x`` the others (``primary - 1`` primaries and the secondaries) must be able to
    make up ``hidden_sum - x`` for every ``x`` in ``[1, threshold - 1]``. The primaries among them reach every
    sum in ``[primary - 1, (threshold - 1)(primary - 1)]``; the secondaries add 0 or any sum from ``threshold``
    up."""
    if primary == 0:
        return True
    t = threshold
    lo, hi = hidden_sum - (t - 1), hidden_sum - 1  # what the others must be able to make up
    low_lo, low_hi = primary - 1, (t - 1) * (primary - 1)  # the other primaries alone
    if secondary == 0:
        return low_lo <= lo and hi <= low_hi
    high_lo = low_lo + t  # the other primaries plus at least one secondary of threshold or more
    if low_hi + 1 >= high_lo:  # no gap between the two ranges: every sum from low_lo up
        return lo >= low_lo
    return (low_lo <= lo and hi <= low_hi) or lo >= high_lo


def _labelled_interval(
    line: list[Pos],
    hidden: dict[Pos, Reason],
    ext: list[list[int]],
    threshold: int,
    smallest: Callable[[Iterable[Pos], list[Pos]], Pos | None],
) -> Pos | None:
    """Rule 4: with the total published and the marks telling primary from secondary figures, every primary
    figure of the line must still be able to be any value from 1 to t - 1."""
    total = line[-1]
    if total in hidden:
        return None
    parts = [p for p in line[:-1] if p in hidden]
    primary = sum(hidden[p] is Reason.PRIMARY for p in parts)
    if primary == 0:
        return None
    hidden_sum = sum(ext[i][j] for i, j in parts)
    if primary_unconstrained(hidden_sum, primary, len(parts) - primary, threshold):
        return None
    return smallest(line, line)


def _bridge_complement(
    hidden: dict[Pos, Reason], rows: int, cols: int, smallest: Callable[[Iterable[Pos]], Pos | None]
) -> Pos | None:
    """Rule 2: a hidden figure on no cycle of hidden figures is determined by the margins; hide the
    smallest published figure that closes a cycle through it."""
    # Vertices 0..rows-1 are the table's rows, rows..rows+cols-1 its columns; hidden (i, j) joins i and rows+j.
    adjacency: dict[int, list[tuple[int, Pos]]] = {}
    for i, j in sorted(hidden):
        adjacency.setdefault(i, []).append((rows + j, (i, j)))
        adjacency.setdefault(rows + j, []).append((i, (i, j)))
    bridges = sorted(_bridges(adjacency))
    if not bridges:
        return None
    bridge = bridges[0]
    side_a = _reachable(adjacency, bridge[0], without=bridge)
    side_b = _reachable(adjacency, rows + bridge[1], without=bridge)
    crossing = [
        (i, j)
        for i in range(rows)
        for j in range(cols)
        if (i in side_a and rows + j in side_b) or (i in side_b and rows + j in side_a)
    ]
    return smallest(crossing)


def _reachable(adjacency: dict[int, list[tuple[int, Pos]]], start: int, *, without: Pos) -> set[int]:
    seen = {start}
    stack = [start]
    while stack:
        v = stack.pop()
        for w, edge in adjacency.get(v, ()):
            if edge != without and w not in seen:
                seen.add(w)
                stack.append(w)
    return seen


def _bridges(adjacency: dict[int, list[tuple[int, Pos]]]) -> list[Pos]:
    """Bridges of an undirected simple graph (Tarjan's low-link, iterative)."""
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    found: list[Pos] = []
    for root in sorted(adjacency):
        if root in order:
            continue
        order[root] = low[root] = len(order)
        # stack of (vertex, edge it was entered by, iterator position)
        stack: list[tuple[int, Pos | None, int]] = [(root, None, 0)]
        while stack:
            v, via, k = stack[-1]
            neighbours = adjacency[v]
            if k < len(neighbours):
                stack[-1] = (v, via, k + 1)
                w, edge = neighbours[k]
                if edge == via:
                    continue
                if w in order:
                    low[v] = min(low[v], order[w])
                else:
                    order[w] = low[w] = len(order)
                    stack.append((w, edge, 0))
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[v])
                    if low[v] > order[parent]:
                        assert via is not None
                        found.append(via)
    return found
