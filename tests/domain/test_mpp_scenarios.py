# SPDX-License-Identifier: EUPL-1.2
"""MPP scenarios on a hand-made history: horizon, growth per job family, the scope's total, publication
with the total, and the side-by-side comparison."""

from __future__ import annotations

import datetime as dt

from test_panels import warehouse
from test_workforce_figures import PEIL, YOUNG

from rijksportfolio.domain.analytics import panels as P
from rijksportfolio.domain.analytics.mpp import comparison, with_total
from rijksportfolio.domain.analytics.publish import publish

D = dt.date


def _wh(policy: int = 12, ict: int = 3):  # type: ignore[no-untyped-def]
    """``policy`` people in job family beleid (job 1, 1.0 FTE) and ``ict`` in ICT (job 8, 0.5 FTE),
    all young and in post since 2010: no attrition, no state pension within twelve years."""
    people = {f"p{i}": YOUNG for i in range(policy)} | {f"j{i}": YOUNG for i in range(ict)}
    people["zoe"] = YOUNG
    recs = [(n, 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), None, "") for n in people if n.startswith("p")]
    recs += [(n, 10, 1, 8, "permanent", 0.5, D(2010, 1, 1), None, "") for n in people if n.startswith("j")]
    recs += [("zoe", 10, 1, 1, "permanent", 1.0, D(2001, 1, 1), D(2008, 3, 31), "state_pension")]
    return warehouse(people, recs)


def test_horizon_and_growth_per_job_family() -> None:
    scenario = P.Scenario(
        growth_pct=10, growth_by_family={"ict": -20}, technology_pct={"policy": 30}, horizon=3
    )
    result = P.mpp(_wh(), PEIL, scenario=scenario)
    families = {f["job_family"]: f for f in result["job_families"]}
    assert set(families) == {"beleid", "ict"}
    assert [y["year"] for y in families["beleid"]["years"]] == [2018, 2019, 2020]
    assert result["scenario"]["horizon"] == 3
    beleid = families["beleid"]["years"]
    # 12 FTE, +10 % a year, policy work -30 % reached linearly by the third year
    assert beleid[0]["demand"] == round(12 * 1.1 * (1 - 0.3 / 3), 1)
    assert beleid[2]["demand"] == round(12 * 1.1**3 * (1 - 0.3), 1)
    assert beleid[2]["supply"] == 12.0
    ict = families["ict"]["years"]
    assert ict[1]["demand"] == round(1.5 * 0.8**2 * (1 - 0.3 * 2 / 3), 1)


def test_total_is_the_sum_of_the_families() -> None:
    data = with_total(P.mpp(_wh(), PEIL, scenario=P.Scenario(growth_pct=5, horizon=2)))
    total = data["total"]
    assert (total["headcount"], total["fte"]) == (15, 13.5)
    assert total["years"][0] == {"year": 2018, "supply": 13.5, "demand": 14.2, "gap": -0.7}  # 12.6 + 1.6
    assert total["years"][1]["demand"] == round(round(12 * 1.05**2, 1) + round(1.5 * 1.05**2, 1), 1)


def test_publication_with_the_total_hides_a_small_family_and_one_more() -> None:
    # 12 beleid and 3 ICT: the 3 are hidden; with the total (15) published beside them, the 12 would
    # give them away, so beleid goes too; the total stays
    out = publish("mpp", with_total(P.mpp(_wh(), PEIL)))
    families = {f["job_family"]: f for f in out["job_families"]}
    assert families["ict"]["headcount"] is None
    assert families["ict"]["years"][0] == {"year": 2018, "supply": None, "demand": None, "gap": None}
    assert families["beleid"]["headcount"] is None
    assert out["total"]["headcount"] == 15
    assert out["total"]["years"][0]["supply"] == 13.5
    # without a total (the panel as the API's ``paneel=mpp`` gave it before), only the small family goes
    alone = publish("mpp", P.mpp(_wh(), PEIL))
    assert {f["job_family"]: f["headcount"] for f in alone["job_families"]} == {"beleid": 12, "ict": None}
    # a scope of fewer than ten people: the total is hidden as well
    small = publish("mpp", with_total(P.mpp(_wh(policy=4, ict=2), PEIL)))
    assert small["total"]["headcount"] is None
    assert small["total"]["years"][0]["gap"] is None


def test_comparison_over_the_years_every_scenario_covers() -> None:
    wh = _wh(policy=20, ict=10)
    growth = publish("mpp", with_total(P.mpp(wh, PEIL, scenario=P.Scenario(growth_pct=10, horizon=5))))
    shrink = publish("mpp", with_total(P.mpp(wh, PEIL, scenario=P.Scenario(growth_pct=-10, horizon=3))))
    out = comparison([growth, shrink])
    assert out["years"] == [2018, 2019, 2020]
    first = out["rows"][0]["scenarios"]
    assert first[0] == {"supply": 25.0, "demand": 27.5, "gap": -2.5}  # 22.0 + 5.5
    assert first[1] == {"supply": 25.0, "demand": 22.5, "gap": 2.5}  # 18.0 + 4.5
    assert comparison([]) == {"years": [], "rows": []}
