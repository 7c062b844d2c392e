# SPDX-License-Identifier: EUPL-1.2
"""MPP (meerjarige personeelsplanning) beyond the panel itself: the scope's total over its job families,
the published result of a saved scenario and the side-by-side comparison of several scenarios.

The panel (``panels.mpp``) gives supply, demand and gap per job family and year. ``with_total`` adds their
sum (what a planner reads first: the organisation's gap per year); ``comparison`` lines up the totals of
2–4 published scenario results over the years they all cover. Plain data in, plain data out.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

MAX_HORIZON = 12  # years (the forecast's horizon, ``workforce.FORECAST_YEARS``)
MAX_GROWTH_PCT = 25.0  # per year, either way: beyond this the compound growth stops being a plan
MAX_COMPARED = 4
MIN_COMPARED = 2


def with_total(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of an ``mpp`` panel result with ``total``: the sum over its job families of headcount, FTE, net
    mobility and, per year, supply, demand and gap (sums of the families' rounded figures, so that the total
    is the sum of what the family table shows)."""
    out = copy.deepcopy(data)
    families = out["job_families"]
    years = [y["year"] for y in families[0]["years"]] if families else []
    total_years = []
    for k, year in enumerate(years):
        supply = round(sum(f["years"][k]["supply"] for f in families), 1)
        demand = round(sum(f["years"][k]["demand"] for f in families), 1)
        total_years.append(
            {"year": year, "supply": supply, "demand": demand, "gap": round(supply - demand, 1)}
        )
    out["total"] = {
        "headcount": sum(int(f["headcount"]) for f in families),
        "fte": round(sum(f["fte"] for f in families), 1),
        "net_mobility_fte": round(sum(f["net_mobility_fte"] for f in families), 1),
        "years": total_years,
    }
    return out


def comparison(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Published scenario results (``with_total`` then ``publish``) side by side: the years every one of them
    covers (horizons may differ), and per year each scenario's total supply, demand and gap (None where the
    scenario's total is suppressed)."""
    if not results:
        return {"years": [], "rows": []}
    covered = [[y["year"] for y in r["total"]["years"]] for r in results]
    years = [y for y in covered[0] if all(y in c for c in covered[1:])]
    rows = []
    for year in years:
        cells = []
        for r in results:
            point = next(y for y in r["total"]["years"] if y["year"] == year)
            cells.append({"supply": point["supply"], "demand": point["demand"], "gap": point["gap"]})
        rows.append({"year": year, "scenarios": cells})
    return {"years": years, "rows": rows}
