# SPDX-License-Identifier: EUPL-1.2
"""Panels as they may leave the platform: every count of people through ``domain.suppression``.

``publish(name, data)`` takes a panel's plain data (``panels.PANELS[name]``) and returns the same shape with
each count that must be hidden replaced by ``None`` (primary: 1–9 people; secondary: so that a hidden count
cannot be derived from the totals published beside it), and every figure derived from a hidden count (its FTE,
a rate, a share) hidden with it. Which counts form one margin (a series with its total, a table with its
margins) is stated per panel below; a count that stands alone gets primary suppression only.

The result is a :class:`Published` dict: besides the data it says *why* each figure is hidden, as a map from a
JSON pointer (RFC 6901) into the data to ``"primary"`` (a count of 1–9 people: shown as "< 10"),
``"secondary"`` (a count hidden to protect another: ``x``) or ``"derived"`` (a figure that goes with a hidden
count, e.g. its FTE or a share: ``x``). A hidden figure whose reason a rule did not record counts as secondary,
so a missing reason can never make a figure look smaller than the rules allow (docs/charts.md).

Person-level parts (the secondment register's records, the 3-5-7 person list) are removed here: they are
served only to the roles the policy allows, by their own endpoints.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from rijksportfolio.domain.suppression import (
    DEFAULT_THRESHOLD,
    Cell,
    Reason,
    SuppressedTable,
    suppress_series,
    suppress_table,
)

THRESHOLD = DEFAULT_THRESHOLD

PRIMARY = "primary"  # 1 to THRESHOLD - 1 people
SECONDARY = "secondary"  # hidden so that a primary figure cannot be derived from the totals
DERIVED = "derived"  # belongs to a hidden count (its FTE, a share or rate of it)
REASONS = (PRIMARY, SECONDARY, DERIVED)


class Published(dict[str, Any]):
    """A published panel: the data, and in ``hidden`` the reason of every suppressed figure by JSON pointer
    (``"/breakdowns/gender/2/headcount"``)."""

    def __init__(self, data: dict[str, Any], hidden: dict[str, str] | None = None) -> None:
        super().__init__(data)
        self.hidden: dict[str, str] = dict(hidden or {})

    def reason(self, container: Any, key: Any) -> str | None:
        """Why ``container[key]`` (a dict or list inside this panel) is hidden; ``None`` if it is shown.
        A hidden figure without a recorded reason is ``"secondary"``."""
        if container[key] is not None:
            return None
        return self._by_identity().get((id(container), str(key)), SECONDARY)

    def recorded(self, container: Any, key: Any) -> str | None:
        """The recorded reason why ``container[key]`` is hidden, or ``None`` (shown, or left ``None`` by the
        panel itself: unknown, such as a year before the history starts)."""
        if container[key] is not None:
            return None
        return self._by_identity().get((id(container), str(key)))

    def is_small(self, container: Any, key: Any) -> bool:
        """Is ``container[key]`` hidden as a count of fewer than the threshold (shown as "< 10")?"""
        return self.reason(container, key) == PRIMARY

    def _by_identity(self) -> dict[tuple[int, str], str]:
        """The reasons by (container id, key), resolved once from the pointers (the containers stay)."""
        cached: dict[tuple[int, str], str] | None = self.__dict__.get("_identity")
        if cached is None:
            cached = {}
            for pointer, why in self.hidden.items():
                parent, key = _resolve_parent(self, pointer)
                if parent is not None:
                    cached[(id(parent), key)] = why
            self.__dict__["_identity"] = cached
        return cached

    def __deepcopy__(self, memo: dict[int, Any]) -> Published:
        return Published(copy.deepcopy(dict(self), memo), self.hidden)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _resolve_parent(root: Any, pointer: str) -> tuple[Any, str]:
    """The container holding the figure ``pointer`` names, and the figure's key (as a string)."""
    tokens = [_unescape(t) for t in pointer.split("/")[1:]]
    node = root
    for token in tokens[:-1]:
        node = _child(node, token)
        if node is None:
            return None, ""
    return node, tokens[-1] if tokens else ""


def _child(node: Any, token: str) -> Any:
    if isinstance(node, list):
        return node[int(token)] if token.isdigit() and int(token) < len(node) else None
    if isinstance(node, dict):
        if token in node:
            return node[token]
        for key, value in node.items():  # keys that are not strings (ids) are strings in a pointer
            if str(key) == token:
                return value
    return None


# --- recording the reasons while a rule runs ------------------------------------------------------------

_marks: ContextVar[dict[tuple[int, str], tuple[Any, str]] | None] = ContextVar("publish_marks", default=None)


def _hide(container: Any, key: Any, reason: str) -> None:
    """Hide ``container[key]`` and record why (the container is kept, so its id stays unique meanwhile)."""
    container[key] = None
    marks = _marks.get()
    if marks is not None:
        marks[(id(container), str(key))] = (container, reason)


def _reason(cell_reason: Reason | None) -> str:
    return PRIMARY if cell_reason is Reason.PRIMARY else SECONDARY


def _pointers(root: Any, marks: dict[tuple[int, str], tuple[Any, str]], raw: Any) -> dict[str, str]:
    """The reasons of the figures that are hidden in ``root``, by JSON pointer: as recorded, or ``secondary``
    for a figure the raw panel has at the same place but no rule recorded a reason for."""
    found: dict[str, str] = {}
    stack: list[tuple[Any, str, Any]] = [(root, "", raw)]
    while stack:
        node, path, before = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            pointer = f"{path}/{_escape(str(key))}"
            was = _child(before, str(key)) if before is not None else None
            if value is None:
                mark = marks.get((id(node), str(key)))
                if mark is not None:
                    found[pointer] = mark[1]
                elif was is not None and not isinstance(was, dict | list):
                    found[pointer] = SECONDARY
            elif isinstance(value, dict | list):
                stack.append((value, pointer, was if isinstance(was, dict | list) else None))
    return dict(sorted(found.items()))


# --- the rules ----------------------------------------------------------------------------------------------


def _single(n: int | None) -> int | None:
    if n is None:
        return None
    return None if 0 < n < THRESHOLD else n


def _lone(container: Any, key: Any, masked: tuple[str, ...] = ()) -> None:
    """A count that stands alone (no total published beside it): primary suppression only; its companions
    ``masked`` (keys of the same container) go with it."""
    n = container[key]
    if n is not None and 0 < n < THRESHOLD:
        _hide(container, key, PRIMARY)
        for m in masked:
            if container.get(m) is not None:
                _hide(container, m, DERIVED)


def _derived(container: Any, key: Any) -> None:
    if container[key] is not None:
        _hide(container, key, DERIVED)


def _series(rows: list[dict[str, Any]], key: str, masked: tuple[str, ...] = ()) -> None:
    """Rows whose ``key`` counts sum to a total that is published (here or in another panel: the headcount, a
    province's count): suppress as one margin, keeping the total; mask ``masked`` keys with hidden counts."""
    values = [int(r[key]) for r in rows]
    if not values:
        return
    table = suppress_table([values], threshold=THRESHOLD, keep_grand_total=True)
    assert table.grand_total is not None
    total = sum(values)
    if table.grand_total.suppressed and total >= THRESHOLD:
        # The total is known anyway, and with it the marks of these figures would narrow a small one (a "< 10"
        # and an x summing to 11 are 1 and 10): hide every figure of the series, all marked x.
        for row in rows:
            _hide(row, key, SECONDARY)
            for m in masked:
                if row.get(m) is not None:
                    _hide(row, m, DERIVED)
        return
    for row, cell in zip(rows, table.cells[0], strict=True):
        if cell.suppressed:
            _hide(row, key, _reason(cell.reason))
            for m in masked:
                if row.get(m) is not None:
                    _hide(row, m, DERIVED)


def _total_forced(table: SuppressedTable, total: int) -> bool:
    """Had a table whose grand total is published anyway (the headcount) to hide it all the same? Then its
    marks would narrow the small figures: the caller hides every figure, marked x (see ``_series``)."""
    return table.grand_total is not None and table.grand_total.suppressed and total >= THRESHOLD


def _mapping_series(mapping: dict[Any, Any]) -> Cell:
    """A dict of counts (category -> count) that sums to a published total: suppress as one margin in place;
    returns the total's cell."""
    keys = list(mapping)
    series = suppress_series([int(mapping[k]) for k in keys], threshold=THRESHOLD)
    for k, cell in zip(keys, series.cells, strict=True):
        if cell.suppressed:
            _hide(mapping, k, _reason(cell.reason))
    assert series.total is not None
    return series.total


def _share(share: float | None, n: int | None) -> float | None:
    """A share of ``n`` people: hidden when n is hidden, or when the people behind it (or the rest) are 1–9."""
    if share is None or n is None:
        return None
    k = round(share * n)
    return None if (0 < k < THRESHOLD) or (0 < n - k < THRESHOLD) else share


def _share_at(container: Any, key: str, n: int | None) -> None:
    if container[key] is not None and _share(container[key], n) is None:
        _hide(container, key, DERIVED)


def _headcount(d: dict[str, Any]) -> None:
    _lone(d, "headcount", ("fte",))


def _breakdowns(d: dict[str, Any]) -> None:
    """Headcount by main record, FTE by each record's own category: a group with no main records but some
    FTE holds only second jobs of people counted elsewhere (few people): its FTE is hidden."""
    for rows in d["breakdowns"].values():
        _series(rows, "headcount", ("fte",))
        for row in rows:
            if row["headcount"] == 0 and row["fte"]:
                _hide(row, "fte", DERIVED)


def _trend(d: dict[str, Any]) -> None:
    for point in d["trend"]:
        _headcount(point)


def _pyramid(d: dict[str, Any]) -> None:
    genders = sorted({g for row in d["pyramid"] for g in row["counts"]})
    grid = [[int(row["counts"].get(g, 0)) for g in genders] for row in d["pyramid"]]
    if not grid:
        return
    # the grand total is the headcount, published anyway
    table = suppress_table(grid, threshold=THRESHOLD, keep_grand_total=True)
    every = _total_forced(table, sum(map(sum, grid)))
    for row, cells in zip(d["pyramid"], table.cells, strict=True):
        for g, c in zip(genders, cells, strict=True):
            if c.suppressed or every:
                _hide(row["counts"], g, SECONDARY if every else _reason(c.reason))


def _flows(d: dict[str, Any]) -> None:
    for row in d["years"]:
        for key in (
            "staff_jan1",
            "inflow",
            "mobility_within",
            "mobility_between",
            "mobility_between_ministries",
            "mobility_out",
        ):
            _lone(row, key)
        if row["outflow_total"] is not None:
            total = _mapping_series(row["outflow"])
            if total.suppressed:
                _hide(row, "outflow_total", _reason(total.reason))
        rates = row["rates_per_100"]
        if row["inflow"] is None:
            _derived(rates, "inflow")
        if row["mobility_within"] is None or row["mobility_between"] is None:
            _derived(rates, "mobility")
        if row["outflow_total"] is None or row["staff_jan1"] is None:
            _derived(rates, "outflow")
        if row["staff_jan1"] is None:
            _derived(rates, "inflow")
            _derived(rates, "mobility")


def _matrix(d: dict[str, Any]) -> None:
    """Moves between ministries as a two-way table with its margins. A cell that is hidden is listed in
    ``moves`` even when it is 0 (a last-resort complement): leaving it out would say it is 0."""
    ids = [m["id"] for m in d["ministries"]]
    pos = {i: k for k, i in enumerate(ids)}
    grid = [[0] * len(ids) for _ in ids]
    for move in d["moves"]:
        grid[pos[move["from"]]][pos[move["to"]]] += int(move["persons"])
    if not grid:
        return
    table = suppress_table(grid, threshold=THRESHOLD)
    listed = set()
    for move in d["moves"]:
        a, b = pos[move["from"]], pos[move["to"]]
        listed.add((a, b))
        cell = table.cells[a][b]
        if cell.suppressed:
            _hide(move, "persons", _reason(cell.reason))
    for a, row in enumerate(table.cells):
        for b, cell in enumerate(row):
            if cell.suppressed and (a, b) not in listed:
                move = {"from": ids[a], "to": ids[b], "persons": 0}
                d["moves"].append(move)
                _hide(move, "persons", _reason(cell.reason))
    d["moves"].sort(key=lambda m: (pos[m["from"]], pos[m["to"]]))
    d["from_totals"] = {}
    d["to_totals"] = {}
    for margin, cells in (("from_totals", table.row_totals or ()), ("to_totals", table.column_totals or ())):
        for i, c in zip(ids, cells, strict=True):
            d[margin][i] = c.value
            if c.suppressed:
                _hide(d[margin], i, _reason(c.reason))


def _starters(d: dict[str, Any]) -> None:
    for c in d["cohorts"]:
        _lone(c, "starters")
        for key in [k for k in c if k.endswith("_share") or k.startswith("still_employed")]:
            _share_at(c, key, c["starters"])


def _forecast(d: dict[str, Any]) -> None:
    _lone(d, "headcount")
    for row in d["forecast"]:
        _lone(row, "state_pension")
        _lone(row, "total")
        _share_at(row, "cumulative_state_pension_share", d["headcount"])
        _share_at(row, "cumulative_share", d["headcount"])
    _series(d["by_age"], "headcount", ("state_pension_within_12y", "share"))
    for row in d["by_age"]:
        if row["headcount"] is not None:
            _lone(row, "state_pension_within_12y")
            _share_at(row, "share", row["headcount"])


def _mpp_hide(part: dict[str, Any]) -> None:
    part["headcount"] = part["fte"] = part["net_mobility_fte"] = None
    part["years"] = [{"year": y["year"], "supply": None, "demand": None, "gap": None} for y in part["years"]]


def _mpp(d: dict[str, Any]) -> None:
    """A job family's FTE figures go with its headcount. Without a total (the panel as the API gives it), each
    family stands alone: primary suppression. With the scope's ``total`` (``domain.analytics.mpp.with_total``)
    the families' headcounts are a series with that total (secondary suppression), and a family whose FTE
    would be hidden alone (no persons of its own, only second jobs) takes the smallest published family with
    it, so that the total's FTE cannot give it away."""
    families = d["job_families"]
    total = d.get("total")
    if total is None:
        hidden = [_single(f["headcount"]) is None for f in families]
    else:
        cells = suppress_series([int(f["headcount"]) for f in families], threshold=THRESHOLD).cells
        hidden = [c.suppressed for c in cells]
    hidden = [h or (f["headcount"] == 0 and bool(f["fte"])) for h, f in zip(hidden, families, strict=True)]
    if total is not None and sum(hidden) == 1 and _single(total["headcount"]) is not None:
        shown = [
            k for k, h in enumerate(hidden) if not h and (families[k]["headcount"] or families[k]["fte"])
        ]
        if shown:
            hidden[min(shown, key=lambda k: (families[k]["headcount"], families[k]["fte"], k))] = True
    for family, hide in zip(families, hidden, strict=True):
        if hide:
            _mpp_hide(family)
    if total is not None and _single(total["headcount"]) is None:
        _mpp_hide(total)


def _three_five_seven(d: dict[str, Any]) -> None:
    _series(d["distribution"], "headcount")
    _lone(d, "headcount")
    _lone(d, "over_5")
    _lone(d, "over_7")
    if any(band["headcount"] is None for band in d["distribution"]):
        # "over 5" is the 5-7 and 7+ bands together and "over 7" is the 7+ band: beside the published bands
        # they would give a hidden band away, so they go too.
        for key in ("over_5", "over_7"):
            if d[key] is not None:
                _hide(d, key, SECONDARY)
    _series(d["organisations"], "headcount", ("over_5", "over_7"))
    for org in d["organisations"]:
        if org["headcount"] is not None:
            _lone(org, "over_5")
            _lone(org, "over_7")


def _secondments(d: dict[str, Any]) -> None:
    """The running secondments and those over one year: the ones up to a year (added as ``up_to_one_year``)
    are their difference, so the three are one series (over a year, up to a year) with its total."""
    total, over = d["secondments"], d["over_one_year"]
    d["up_to_one_year"] = total - over
    series = suppress_series([over, total - over], threshold=THRESHOLD)
    assert series.total is not None
    if series.total.suppressed:
        _hide(d, "secondments", _reason(series.total.reason))
    for key, cell in zip(("over_one_year", "up_to_one_year"), series.cells, strict=True):
        if cell.suppressed:
            _hide(d, key, _reason(cell.reason))
    d.pop("register", None)  # person-level: stuurinformatie.view_register only


# The diversity panel's groups overlap: "14+" holds "top" (15+) and "all" holds every group. Beside each other
# they publish the finer groups too (scale 14 = "14+" minus "top"; below 10 = "all" minus the rest), so the
# finer groups are suppressed as one table (group x women / others, with its margins) and a published group is
# the sum of fine groups that are all published.
_FINE = ("below-10", "10-13", "14", "top")
_GROUPS = {"all": _FINE, "10-13": ("10-13",), "14+": ("14", "top"), "top": ("top",)}


def _diversity(d: dict[str, Any]) -> None:
    groups = {g["group"]: g for g in d["women"]}
    if set(groups) == set(_GROUPS):
        fine = {
            "10-13": (groups["10-13"]["women"], groups["10-13"]["headcount"]),
            "top": (groups["top"]["women"], groups["top"]["headcount"]),
        }
        fine["14"] = (
            groups["14+"]["women"] - fine["top"][0],
            groups["14+"]["headcount"] - fine["top"][1],
        )
        fine["below-10"] = (
            groups["all"]["women"] - sum(fine[g][0] for g in ("10-13", "14", "top")),
            groups["all"]["headcount"] - sum(fine[g][1] for g in ("10-13", "14", "top")),
        )
        grid = [[fine[g][0], fine[g][1] - fine[g][0]] for g in _FINE]
        table = suppress_table(grid, threshold=THRESHOLD, keep_grand_total=True)  # "all": the headcount
        assert table.row_totals is not None
        assert table.column_totals is not None
        assert table.grand_total is not None
        every = _total_forced(table, groups["all"]["headcount"])
        women = {g: table.cells[k][0] for k, g in enumerate(_FINE)}
        totals = {g: table.row_totals[k] for k, g in enumerate(_FINE)}
        for name, group in groups.items():
            parts = _GROUPS[name]
            if name == "all":
                women_cell, total_cell = table.column_totals[0], table.grand_total
            elif len(parts) == 1:
                women_cell, total_cell = women[parts[0]], totals[parts[0]]
            else:
                women_cell = next((women[p] for p in parts if women[p].suppressed), women[parts[0]])
                total_cell = next((totals[p] for p in parts if totals[p].suppressed), totals[parts[0]])
            # a group made of several fine groups (14+) is hidden when one of them is; it is marked x, never
            # "< 10" (its mark would say something about the sum of the fine groups that their own do not)
            plain = len(parts) == 1 or name == "all"
            for key, cell in (("women", women_cell), ("headcount", total_cell)):
                if every:  # the headcount is known elsewhere: the marks would narrow (see _series)
                    _hide(group, key, SECONDARY)
                elif cell.suppressed:
                    _hide(group, key, _reason(cell.reason) if plain else SECONDARY)
    else:  # another set of groups: each group's women and others form a series with the group's total
        for group in d["women"]:
            n, women_n = group["headcount"], group["women"]
            series = suppress_series([women_n, n - women_n], threshold=THRESHOLD)
            assert series.total is not None
            if series.cells[0].suppressed:
                _hide(group, "women", _reason(series.cells[0].reason))
            if series.total.suppressed:
                _hide(group, "headcount", _reason(series.total.reason))
    for group in d["women"]:
        if group["women"] is None or group["headcount"] is None:
            _derived(group, "women_share")
    _series(d["age_balance"], "headcount", ("share",))


def _ict(d: dict[str, Any]) -> None:
    _headcount(d)
    _headcount(d["external"])
    for row in d["years"]:
        for key in ("inflow", "mobility", "outflow"):
            _lone(row, key)


def _spreiding(d: dict[str, Any]) -> None:
    _series(d["provinces"], "headcount", ("fte",))
    for province in d["provinces"]:
        if province["headcount"] is None:
            province["municipalities"] = []
        else:
            _series(province["municipalities"], "headcount", ("fte",))


def _figures(d: dict[str, Any]) -> None:
    """The key figures (``workforce figures`` shape)."""
    _headcount(d)
    for row in d["history"]:
        for key in ("inflow", "mobility_within", "mobility_between"):
            _lone(row, key)
        if None not in row["outflow"].values():
            _mapping_series(row["outflow"])
    for row in d["forecast"]:
        _lone(row, "state_pension")
        _lone(row, "total")
        _share_at(row, "cumulative_state_pension_share", d["headcount"])
        _share_at(row, "cumulative_share", d["headcount"])


def _skills(d: dict[str, Any]) -> None:
    """Vaardigheden (``domain.analytics.skill_gap``). Per unit, persons sharing their skills profile and the
    rest form a two-way table with its margins (the scope's headcount and sharers are its margins); a skill
    is listed among the skills present only when at least ``THRESHOLD`` persons share it (the name of a skill
    held by a few people in a small unit would tell something about them); beside a skill asked, the persons
    present are a lone count (primary suppression) and its coverage goes with it. Counts of published
    opportunities are not about people and are shown as they are."""
    units = d["units"]
    if units:
        table = suppress_table(
            [[int(u["sharing"]), int(u["headcount"]) - int(u["sharing"])] for u in units], threshold=THRESHOLD
        )
        for unit, cells, total in zip(units, table.cells, table.row_totals or (), strict=True):
            unit["sharing"], unit["headcount"] = cells[0].value, total.value
        d["sharing"] = table.column_totals[0].value if table.column_totals else None
        d["headcount"] = table.grand_total.value if table.grand_total else None
    else:
        series = suppress_series(
            [int(d["sharing"]), int(d["headcount"]) - int(d["sharing"])], threshold=THRESHOLD
        )
        d["sharing"] = series.cells[0].value
        d["headcount"] = series.total.value if series.total else None
    d["present"] = [row for row in d["present"] if row["people"] >= THRESHOLD]
    for row in d["asked"] + d["scarce"]:
        row["people"] = _single(row["people"])
        if row["people"] is None:
            row["coverage"] = None


RULES: dict[str, Callable[[dict[str, Any]], None]] = {
    "headcount": _headcount,
    "breakdowns": _breakdowns,
    "trend": _trend,
    "age_pyramid": _pyramid,
    "flows": _flows,
    "mobility_matrix": _matrix,
    "starters": _starters,
    "outflow_forecast": _forecast,
    "mpp": _mpp,
    "three_five_seven": _three_five_seven,
    "secondments": _secondments,
    "diversity": _diversity,
    "ict": _ict,
    "spreiding": _spreiding,
    "figures": _figures,
    "skills": _skills,
}


def publish(name: str, data: dict[str, Any]) -> Published:
    """A suppressed deep copy of panel ``name``'s ``data``, with the reason of every hidden figure (see the
    module docstring)."""
    out = copy.deepcopy(data)
    marks: dict[tuple[int, str], tuple[Any, str]] = {}
    token = _marks.set(marks)
    try:
        RULES[name](out)
    finally:
        _marks.reset(token)
    return Published(out, _pointers(out, marks, data))
