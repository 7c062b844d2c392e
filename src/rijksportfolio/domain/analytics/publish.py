# SPDX-License-Identifier: EUPL-1.2
"""Panels as they may leave the platform: every count of people through ``domain.suppression``.

``publish(name, data)`` takes a panel's plain data (``panels.PANELS[name]``) and returns the same shape with
each count that must be hidden replaced by ``None`` (primary: 1–9 people; secondary: so that a hidden count
cannot be derived from the totals published beside it), and every figure derived from a hidden count (its FTE,
a rate, a share) hidden with it. Which counts form one margin (a series with its total, a table with its
margins) is stated per panel below; a count that stands alone gets primary suppression only.

Person-level parts (the secondment register's records, the 3-5-7 person list) are removed here: they are
served only to the roles the policy allows, by their own endpoints.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from rijksportfolio.domain.suppression import DEFAULT_THRESHOLD, suppress_series, suppress_table

THRESHOLD = DEFAULT_THRESHOLD


def _single(n: int | None) -> int | None:
    if n is None:
        return None
    return None if 0 < n < THRESHOLD else n


def _series(rows: list[dict[str, Any]], key: str, masked: tuple[str, ...] = ()) -> None:
    """Rows whose ``key`` counts sum to a published total: suppress as one margin; mask ``masked`` keys."""
    values = [int(r[key]) for r in rows]
    if not values:
        return
    cells = suppress_series(values, threshold=THRESHOLD).cells
    for row, cell in zip(rows, cells, strict=True):
        if cell.suppressed:
            row[key] = None
            for m in masked:
                row[m] = None


def _share(share: float | None, n: int | None) -> float | None:
    """A share of ``n`` people: hidden when n is hidden, or when the people behind it (or the rest) are 1–9."""
    if share is None or n is None:
        return None
    k = round(share * n)
    return None if (0 < k < THRESHOLD) or (0 < n - k < THRESHOLD) else share


def _headcount(d: dict[str, Any]) -> None:
    if _single(d["headcount"]) is None:
        d["headcount"], d["fte"] = None, None


def _breakdowns(d: dict[str, Any]) -> None:
    """Headcount by main record, FTE by each record's own category: a group with no main records but some
    FTE holds only second jobs of people counted elsewhere (few people): its FTE is hidden."""
    for rows in d["breakdowns"].values():
        _series(rows, "headcount", ("fte",))
        for row in rows:
            if row["headcount"] == 0 and row["fte"]:
                row["fte"] = None


def _trend(d: dict[str, Any]) -> None:
    for point in d["trend"]:
        _headcount(point)


def _pyramid(d: dict[str, Any]) -> None:
    genders = sorted({g for row in d["pyramid"] for g in row["counts"]})
    grid = [[int(row["counts"].get(g, 0)) for g in genders] for row in d["pyramid"]]
    if not grid:
        return
    table = suppress_table(grid, threshold=THRESHOLD)
    for row, cells in zip(d["pyramid"], table.cells, strict=True):
        row["counts"] = {g: c.value for g, c in zip(genders, cells, strict=True)}


def _flows(d: dict[str, Any]) -> None:
    for row in d["years"]:
        row["staff_jan1"] = _single(row["staff_jan1"])
        for key in (
            "inflow",
            "mobility_within",
            "mobility_between",
            "mobility_between_ministries",
            "mobility_out",
        ):
            row[key] = _single(row[key])
        if row["outflow_total"] is not None:
            cats = list(row["outflow"])
            series = suppress_series([int(row["outflow"][c]) for c in cats], threshold=THRESHOLD)
            row["outflow"] = {c: cell.value for c, cell in zip(cats, series.cells, strict=True)}
            row["outflow_total"] = series.total.value if series.total else None
        rates = row["rates_per_100"]
        if row["inflow"] is None:
            rates["inflow"] = None
        if row["mobility_within"] is None or row["mobility_between"] is None:
            rates["mobility"] = None
        if row["outflow_total"] is None or row["staff_jan1"] is None:
            rates["outflow"] = None
        if row["staff_jan1"] is None:
            rates["inflow"] = rates["mobility"] = None


def _matrix(d: dict[str, Any]) -> None:
    ids = [m["id"] for m in d["ministries"]]
    pos = {i: k for k, i in enumerate(ids)}
    grid = [[0] * len(ids) for _ in ids]
    for move in d["moves"]:
        grid[pos[move["from"]]][pos[move["to"]]] += int(move["persons"])
    if not grid:
        return
    table = suppress_table(grid, threshold=THRESHOLD)
    for move in d["moves"]:
        move["persons"] = table.cells[pos[move["from"]]][pos[move["to"]]].value
    d["from_totals"] = {i: c.value for i, c in zip(ids, table.row_totals or (), strict=True)}
    d["to_totals"] = {i: c.value for i, c in zip(ids, table.column_totals or (), strict=True)}


def _starters(d: dict[str, Any]) -> None:
    for c in d["cohorts"]:
        n = _single(c["starters"])
        c["starters"] = n
        for key in [k for k in c if k.endswith("_share") or k.startswith("still_employed")]:
            c[key] = _share(c[key], n)


def _forecast(d: dict[str, Any]) -> None:
    n = d["headcount"]
    d["headcount"] = _single(n)
    for row in d["forecast"]:
        row["state_pension"] = _single(row["state_pension"])
        row["total"] = _single(row["total"])
        row["cumulative_state_pension_share"] = _share(row["cumulative_state_pension_share"], d["headcount"])
        row["cumulative_share"] = _share(row["cumulative_share"], d["headcount"])
    _series(d["by_age"], "headcount", ("state_pension_within_12y", "share"))
    for row in d["by_age"]:
        if row["headcount"] is not None:
            row["state_pension_within_12y"] = _single(row["state_pension_within_12y"])
            row["share"] = _share(row["share"], row["headcount"])


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
    d["headcount"] = _single(d["headcount"])
    d["over_5"], d["over_7"] = _single(d["over_5"]), _single(d["over_7"])
    if any(band["headcount"] is None for band in d["distribution"]):
        # "over 5" is the 5-7 and 7+ bands together and "over 7" is the 7+ band: beside the published bands
        # they would give a hidden band away, so they go too.
        d["over_5"] = d["over_7"] = None
    _series(d["organisations"], "headcount", ("over_5", "over_7"))
    for org in d["organisations"]:
        if org["headcount"] is not None:
            org["over_5"], org["over_7"] = _single(org["over_5"]), _single(org["over_7"])


def _secondments(d: dict[str, Any]) -> None:
    d["secondments"] = _single(d["secondments"])
    d["over_one_year"] = _single(d["over_one_year"])
    d.pop("register", None)  # person-level: stuurinformatie.view_register only


def _diversity(d: dict[str, Any]) -> None:
    for group in d["women"]:
        n, women = group["headcount"], group["women"]
        series = suppress_series([women, n - women], threshold=THRESHOLD)
        group["headcount"] = series.total.value if series.total else None
        group["women"] = series.cells[0].value
        if group["women"] is None or group["headcount"] is None:
            group["women_share"] = None
    _series(d["age_balance"], "headcount", ("share",))


def _ict(d: dict[str, Any]) -> None:
    _headcount(d)
    _headcount(d["external"])
    for row in d["years"]:
        for key in ("inflow", "mobility", "outflow"):
            row[key] = _single(row[key])


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
            row[key] = _single(row[key])
        if None not in row["outflow"].values():
            cats = list(row["outflow"])
            cells = suppress_series([int(row["outflow"][c]) for c in cats], threshold=THRESHOLD).cells
            row["outflow"] = {c: cell.value for c, cell in zip(cats, cells, strict=True)}
    for row in d["forecast"]:
        row["state_pension"] = _single(row["state_pension"])
        row["total"] = _single(row["total"])
        row["cumulative_state_pension_share"] = _share(row["cumulative_state_pension_share"], d["headcount"])
        row["cumulative_share"] = _share(row["cumulative_share"], d["headcount"])


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


def publish(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """A suppressed deep copy of panel ``name``'s ``data`` (see the module docstring)."""
    out = copy.deepcopy(data)
    RULES[name](out)
    return out
