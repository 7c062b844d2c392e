# SPDX-License-Identifier: EUPL-1.2
"""Small-cell suppression: what is shown, what is hidden, and that no hidden figure can be derived.

The attacker model of the property tests is independent of the implementation: exact linear algebra over the
rationals on every published equation ("the parts of a line sum to its total"), asking for each hidden figure
whether it lies in the row space of the equations -- if so, some combination of published margins yields it.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as st

from rijksportfolio.domain.suppression import (
    Cell,
    Reason,
    SuppressedTable,
    primary_unconstrained,
    suppress_rows,
    suppress_series,
    suppress_table,
)

SETTINGS = settings(max_examples=150, deadline=None)

# Counts of people per cell: many small ones and zeros, so that suppression has work to do.
counts = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 40), st.integers(41, 500))


@st.composite
def tables(draw: st.DrawFn) -> list[list[int]]:
    m = draw(st.integers(1, 5))
    n = draw(st.integers(1, 5))
    return [[draw(counts) for _ in range(n)] for _ in range(m)]


def _extended(rows: list[list[int]]) -> list[list[int]]:
    ext = [[*r, sum(r)] for r in rows]
    ext.append([sum(ext[i][j] for i in range(len(rows))) for j in range(len(ext[0]))])
    return ext


def _published(table: SuppressedTable) -> list[list[Cell]]:
    assert table.row_totals is not None
    assert table.column_totals is not None
    assert table.grand_total is not None
    ext = [[*row, total] for row, total in zip(table.cells, table.row_totals, strict=True)]
    ext.append([*table.column_totals, table.grand_total])
    return ext


def _lines(rows: int, cols: int) -> list[list[tuple[int, int]]]:
    """Each line of the extended table, its last position being the total of the others."""
    return [[(i, j) for j in range(cols)] for i in range(rows)] + [
        [(i, j) for i in range(rows)] for j in range(cols)
    ]


def _rank(matrix: list[list[Fraction]]) -> int:
    rows = [list(r) for r in matrix]
    rank = 0
    width = len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][col] != 0:
                factor = rows[r][col] / rows[rank][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def derivable(hidden: set[tuple[int, int]], rows: int, cols: int) -> set[tuple[int, int]]:
    """The hidden positions of an extended table that some combination of its equations determines."""
    unknowns = sorted(hidden)
    index = {p: k for k, p in enumerate(unknowns)}
    equations = []
    for line in _lines(rows, cols):
        row = [Fraction(0)] * len(unknowns)
        for p in line[:-1]:
            if p in index:
                row[index[p]] += 1
        if line[-1] in index:
            row[index[line[-1]]] -= 1
        if any(row):
            equations.append(row)
    if not equations:
        return set()
    base = _rank(equations)
    found = set()
    for p, k in index.items():
        unit = [Fraction(0)] * len(unknowns)
        unit[k] = Fraction(1)
        if _rank([*equations, unit]) == base:
            found.add(p)
    return found


def _hidden(ext: list[list[Cell]]) -> set[tuple[int, int]]:
    return {(i, j) for i, row in enumerate(ext) for j, c in enumerate(row) if c.suppressed}


# --- examples ----------------------------------------------------------------------------------------------


def test_small_counts_are_shown_as_suppressed_and_large_ones_and_zero_as_they_are() -> None:
    series = suppress_series([120, 0, 10, 9], with_total=False)
    assert series.cells == (Cell(120), Cell(0), Cell(10), Cell(None, Reason.PRIMARY))
    assert series.total is None


def test_series_with_total_hides_the_next_smallest_cell_so_the_small_one_is_not_the_remainder() -> None:
    series = suppress_series([120, 5, 30, 14, 0])
    assert series.cells == (
        Cell(120),
        Cell(None, Reason.PRIMARY),
        Cell(30),
        Cell(None, Reason.SECONDARY),
        Cell(0),
    )
    assert series.total == Cell(169)
    assert series.suppressed_count == 2


def test_a_total_below_the_threshold_is_suppressed_and_protects_its_cell() -> None:
    series = suppress_series([6, 0])
    assert series.cells == (Cell(None, Reason.PRIMARY), Cell(0))
    assert series.total == Cell(None, Reason.PRIMARY)


def test_two_hidden_cells_whose_remainder_gives_them_away_get_a_third() -> None:
    # 1 and 1 hidden with the total 61 published: the remainder 2 says both are 1. The third figure must leave
    # each "< 10" every value from 1 to 9 (rule 4): 12 would not (1 + 1 + 12 = 14), 47 does.
    series = suppress_series([1, 1, 12, 47])
    assert [c.value for c in series.cells] == [None, None, 12, None]
    assert series.cells[3].reason is Reason.SECONDARY
    assert series.total == Cell(61)


def test_table_row_and_column_with_one_small_cell_get_complements_in_both_directions() -> None:
    table = suppress_table([[20, 3, 40], [15, 30, 22], [12, 11, 50]])
    assert [[c.value for c in row] for row in table.cells] == [
        [None, None, 40],
        [None, None, 22],
        [None, None, 50],
    ]
    assert [c.value for c in table.row_totals or ()] == [63, 67, 73]
    assert [c.value for c in table.column_totals or ()] == [47, 44, 112]
    assert table.grand_total == Cell(203)
    assert table.cells[0][1].reason is Reason.PRIMARY
    assert {table.cells[i][j].reason for i in range(3) for j in range(2) if (i, j) != (0, 1)} == {
        Reason.SECONDARY
    }


def test_a_cell_joining_two_blocks_of_hidden_cells_is_protected_although_every_line_hides_two() -> None:
    rows = [
        [5, 5, 0, 0, 100],
        [5, 5, 5, 0, 100],
        [0, 0, 5, 5, 100],
        [0, 0, 5, 5, 100],
        [0, 0, 0, 0, 100],
    ]
    ext = _extended(rows)
    primary = {(i, j) for i in range(5) for j in range(5) if 0 < rows[i][j] < 10}
    # Every line hides 0 or >= 2 primary cells, yet rows 0-1 minus columns 0-1 give the joining cell (1, 2):
    assert derivable(primary, len(ext), len(ext[0])) == {(1, 2)}
    table = suppress_table(rows)
    hidden = _hidden(_published(table))
    assert hidden > primary
    assert derivable(hidden, len(ext), len(ext[0])) == set()


def test_threshold_is_configurable() -> None:
    series = suppress_series([4, 5, 20], threshold=5, with_total=False)
    assert series.cells == (Cell(None, Reason.PRIMARY), Cell(5), Cell(20))
    assert suppress_series([1, 2, 3], threshold=1).suppressed_count == 0


def test_without_totals_only_primary_suppression_applies() -> None:
    table = suppress_table([[3, 50], [40, 60]], with_totals=False)
    assert table.cells == ((Cell(None, Reason.PRIMARY), Cell(50)), (Cell(40), Cell(60)))
    assert table.row_totals is None
    assert table.column_totals is None
    assert table.grand_total is None


def test_empty_inputs() -> None:
    assert suppress_series([]).cells == ()
    assert suppress_series([]).total == Cell(0)
    assert suppress_table([]).cells == ()


@pytest.mark.parametrize(
    ("values", "threshold"), [([1, -1], 10), ([1.5], 10), ([True], 10), ([1], 0), ([1], 2.0)]
)
def test_invalid_input_is_refused(values: list[object], threshold: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (message checked by the next test)
        suppress_series(values, threshold=threshold)  # type: ignore[arg-type]


def test_ragged_table_is_refused() -> None:
    with pytest.raises(ValueError, match="same number of columns"):
        suppress_table([[1, 2], [3]])


def test_mask_hides_an_accompanying_measure_of_a_suppressed_cell() -> None:
    series = suppress_series([120, 5, 30])
    fte = [112.4, 4.2, 27.9]
    assert [c.mask(f) for c, f in zip(series.cells, fte, strict=True)] == [112.4, None, None]


def test_a_grand_total_published_elsewhere_is_kept_and_other_figures_protect_instead() -> None:
    rows = [[1, 0], [3, 40]]
    assert suppress_table(rows).grand_total == Cell(None, Reason.SECONDARY)
    kept = suppress_table(rows, keep_grand_total=True)
    assert kept.grand_total == Cell(44)
    assert [[c.value for c in r] for r in kept.cells] == [[None, 0], [None, None]]
    assert derivable(_hidden(_published(kept)), 3, 3) == set()


def test_a_grand_total_below_the_threshold_is_hidden_even_when_kept() -> None:
    assert suppress_table([[3, 4]], keep_grand_total=True).grand_total == Cell(None, Reason.PRIMARY)


def test_rows_with_their_own_totals_are_suppressed_row_by_row() -> None:
    table = suppress_rows([[120, 5, 30], [120, 50, 30]])
    assert [[c.value for c in r] for r in table.cells] == [[120, None, None], [120, 50, 30]]
    assert table.row_totals == (Cell(155), Cell(200))
    assert table.column_totals is None
    assert table.grand_total is None


# --- properties --------------------------------------------------------------------------------------------


@SETTINGS
@given(tables(), st.sampled_from([5, 10]))
def test_no_hidden_figure_can_be_derived_from_the_published_margins(rows: list[list[int]], t: int) -> None:
    table = suppress_table(rows, threshold=t)
    published = _published(table)
    hidden = _hidden(published)
    assert derivable(hidden, len(published), len(published[0])) == set()


@SETTINGS
@given(tables(), st.sampled_from([5, 10]))
def test_keeping_the_grand_total_still_leaves_nothing_derivable(rows: list[list[int]], t: int) -> None:
    table = suppress_table(rows, threshold=t, keep_grand_total=True)
    published = _published(table)
    assert derivable(_hidden(published), len(published), len(published[0])) == set()
    assert table.grand_total is not None
    assert table.grand_total.value in (None, sum(map(sum, rows)))


@SETTINGS
@given(tables(), st.sampled_from([5, 10]))
def test_published_figures_are_true_and_zero_or_at_least_the_threshold(rows: list[list[int]], t: int) -> None:
    ext = _extended(rows)
    for i, row in enumerate(_published(suppress_table(rows, threshold=t))):
        for j, cell in enumerate(row):
            true = ext[i][j]
            if 0 < true < t:
                assert cell == Cell(None, Reason.PRIMARY)
            elif cell.suppressed:
                assert cell.reason is Reason.SECONDARY
            else:
                assert cell.value == true
                assert true == 0 or true >= t


@SETTINGS
@given(tables(), st.sampled_from([5, 10]))
def test_from_any_one_margin_each_hidden_figure_could_still_be_up_to_threshold_minus_one(
    rows: list[list[int]], t: int
) -> None:
    ext = _extended(rows)
    published = _published(suppress_table(rows, threshold=t))
    for line in _lines(len(ext), len(ext[0])):
        hidden = [p for p in line if published[p[0]][p[1]].suppressed]
        assert len(hidden) != 1
        total = line[-1]
        parts = [p for p in hidden if p != total]
        if total not in hidden and len(parts) >= 2:
            assert sum(ext[i][j] for i, j in parts) - (len(parts) - 1) >= t - 1


@SETTINGS
@given(st.lists(counts, max_size=12), st.sampled_from([5, 10]))
def test_series_never_hides_exactly_one_figure_and_shows_the_rest_truly(values: list[int], t: int) -> None:
    series = suppress_series(values, threshold=t)
    assert series.total is not None
    figures = [*series.cells, series.total]
    truth = [*values, sum(values)]
    assert sum(c.suppressed for c in figures) != 1
    for cell, true in zip(figures, truth, strict=True):
        assert cell.value in (None, true)
        assert cell.suppressed == (0 < true < t) or cell.reason is Reason.SECONDARY
    hidden_parts = [v for c, v in zip(series.cells, values, strict=True) if c.suppressed]
    if not series.total.suppressed and len(hidden_parts) >= 2:
        assert sum(hidden_parts) - (len(hidden_parts) - 1) >= t - 1


@SETTINGS
@given(tables())
def test_suppression_is_deterministic(rows: list[list[int]]) -> None:
    assert suppress_table(rows) == suppress_table([list(r) for r in rows])


# --- the published marks: "< 10" for primary, x for secondary (rule 4) -------------------------------------


def _feasible_values(target: int, others: list[Reason], total: int, t: int) -> set[int]:
    """Brute force, independent of the module: the values 1..t-1 a primary figure can take when it and hidden
    figures of the kinds ``others`` (primary: 1..t-1; secondary: 0 or t..total) sum to ``total``."""
    reachable = {0}
    for reason in others:
        domain = range(1, t) if reason is Reason.PRIMARY else [0, *range(t, total + 1)]
        reachable = {s + v for s in reachable for v in domain if s + v <= total}
    return {x for x in range(1, t) if total - x in reachable}


def test_a_primary_and_a_secondary_figure_whose_sum_gives_them_away_get_a_third() -> None:
    # 3 ("< 10") and 12 (x) with the total 145 published: the 15 they hide together leaves the small one 1..5.
    assert _feasible_values(15, [Reason.SECONDARY], 15, 10) == {1, 2, 3, 4, 5}
    series = suppress_series([100, 3, 12, 30])
    assert [c.reason for c in series.cells] == [None, Reason.PRIMARY, None, Reason.SECONDARY]
    assert series.total == Cell(145)  # 3 + 30 = 33: the "< 10" could be anything from 1 to 9


def test_two_primary_figures_whose_sum_says_they_are_both_nine_get_a_third() -> None:
    assert _feasible_values(18, [Reason.PRIMARY], 18, 10) == {9}
    series = suppress_series([9, 9, 40, 50])
    assert [c.value for c in series.cells] == [None, None, None, 50]
    assert series.cells[2].reason is Reason.SECONDARY


@pytest.mark.parametrize(
    ("hidden_sum", "primary", "secondary", "expected"),
    [
        (19, 1, 1, True),
        (18, 1, 1, False),
        (10, 2, 0, True),
        (11, 2, 0, False),
        (10, 2, 1, True),
        (19, 2, 1, False),
        (20, 2, 1, True),
        (11, 3, 0, True),
        (10, 3, 0, False),
        (19, 3, 0, True),
        (20, 3, 0, False),
        (20, 3, 1, True),
        (5, 0, 2, True),
    ],
)
def test_primary_unconstrained_matches_brute_force(
    hidden_sum: int, primary: int, secondary: int, expected: bool
) -> None:
    assert primary_unconstrained(hidden_sum, primary, secondary, 10) is expected
    if primary:
        others = [Reason.PRIMARY] * (primary - 1) + [Reason.SECONDARY] * secondary
        assert (_feasible_values(hidden_sum, others, hidden_sum, 10) == set(range(1, 10))) is expected


@SETTINGS
@given(tables(), st.sampled_from([5, 10]))
def test_knowing_which_hidden_figures_are_below_the_threshold_narrows_none_of_them(
    rows: list[list[int]], t: int
) -> None:
    """The attacker of rule 4: from any one margin, with the marks published, every "< t" figure could
    still be any value from 1 to t - 1."""
    ext = _extended(rows)
    published = _published(suppress_table(rows, threshold=t))
    for line in _lines(len(ext), len(ext[0])):
        total = line[-1]
        if published[total[0]][total[1]].suppressed:
            continue
        parts = [p for p in line[:-1] if published[p[0]][p[1]].suppressed]
        hidden_sum = sum(ext[i][j] for i, j in parts)
        for p in parts:
            if published[p[0]][p[1]].reason is Reason.PRIMARY:
                others = [published[q[0]][q[1]].reason for q in parts if q != p]
                assert _feasible_values(hidden_sum, others, hidden_sum, t) == set(range(1, t)), (line, p)
