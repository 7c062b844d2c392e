# SPDX-License-Identifier: EUPL-1.2
"""Workforce figures on small hand-made histories where every count is known (docs/workforce-figures.md)."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from rijksportfolio.domain.analytics.workforce import (
    CONTRACTS,
    END_REASONS,
    OPEN_END,
    AttritionRates,
    WorkforceData,
    _Records,
    attrition_rates,
    day_number,
    figures,
    forecast,
)
from rijksportfolio.domain.aow import (
    AOW_AGE_BY_YEAR,
    AOW_COHORTS,
    add_months,
    aow_age_months,
    aow_date,
    aow_dates,
)

D = dt.date
PEIL = D(2018, 1, 1)
YOUNG = D(1980, 6, 15)  # far from the state-pension age in every forecast year


def build(people: dict[str, D], records: list[tuple], scope_tops: set[int] | None = None) -> WorkforceData:
    """records: (person, node, top, job, contract, fte, start, end or None, end_reason)."""
    names = list(people)
    rec = list(zip(*records, strict=True))
    top = np.array(rec[2], dtype=np.int64)
    return WorkforceData(
        birth=np.array([day_number(people[n]) for n in names], dtype=np.int64),
        person=np.array([names.index(p) for p in rec[0]], dtype=np.int64),
        node=np.array(rec[1], dtype=np.int64),
        top=top,
        job=np.array(rec[3], dtype=np.int64),
        contract=np.array([CONTRACTS.index(c) for c in rec[4]], dtype=np.int64),
        fte=np.array(rec[5], dtype=np.float64),
        start=np.array([day_number(s) for s in rec[6]], dtype=np.int64),
        end=np.array([OPEN_END if e is None else day_number(e) for e in rec[7]], dtype=np.int64),
        end_reason=np.array([END_REASONS.index(r) for r in rec[8]], dtype=np.int64),
        in_scope=None if scope_tops is None else np.isin(top, list(scope_tops)),
    )


def year(result: dict, y: int) -> dict:
    return next(row for row in result["history"] if row["year"] == y)


def flows(result: dict) -> dict[int, tuple]:
    """Non-empty history years as (inflow, within, between, outflow dict without zeros)."""
    out = {}
    for row in result["history"]:
        o = {k: v for k, v in row["outflow"].items() if v}
        t = (row["inflow"], row["mobility_within"], row["mobility_between"], o)
        if t != (0, 0, 0, {}):
            out[row["year"]] = t
    return out


# Organisation nodes: 10, 11, 12 in top-level organisation 1 (a core department); 20 in top-level 2 (an agency).
MOVES = [
    # anna: hired 2010, moves to another team of the same organisation in mid-2014 -> mobility_within
    ("anna", 10, 1, 1, "permanent", 1.0, D(2010, 3, 1), D(2014, 6, 30), "mobility"),
    ("anna", 11, 1, 1, "permanent", 1.0, D(2014, 7, 1), None, ""),
    # bram: moves to another organisation in 2015 -> mobility_between
    ("bram", 10, 1, 2, "permanent", 1.0, D(2009, 1, 1), D(2015, 1, 31), "mobility"),
    ("bram", 20, 2, 2, "permanent", 1.0, D(2015, 2, 1), None, ""),
    # cor: seconded to organisation 2 for a year and back; the secondment's "end of secondment" is not outflow
    ("cor", 10, 1, 3, "permanent", 1.0, D(2008, 5, 1), D(2016, 3, 31), "mobility"),
    ("cor", 20, 2, 3, "secondment", 1.0, D(2016, 4, 1), D(2017, 3, 31), "end_of_secondment"),
    ("cor", 10, 1, 3, "permanent", 1.0, D(2017, 4, 1), None, ""),
    # dirk: two jobs at once at the peildatum; the second (2016) overlaps the first -> mobility_within
    ("dirk", 10, 1, 4, "permanent", 0.6, D(2012, 1, 1), None, ""),
    ("dirk", 12, 1, 5, "temporary", 0.3, D(2016, 9, 1), None, ""),
    # eva: an FTE change in the same job at the same node is no event at all
    ("eva", 11, 1, 6, "permanent", 1.0, D(2011, 1, 1), D(2013, 12, 31), "mobility"),
    ("eva", 11, 1, 6, "permanent", 0.8, D(2014, 1, 1), None, ""),
]
LEAVERS = [
    ("finn", 10, 1, 7, "permanent", 1.0, D(2009, 1, 1), D(2016, 5, 31), "own_request"),
    ("gijs", 11, 1, 7, "temporary", 1.0, D(2016, 1, 1), D(2016, 12, 31), "end_of_contract"),
    ("hans", 20, 2, 7, "secondment", 1.0, D(2016, 6, 1), D(2017, 5, 31), "end_of_secondment"),
    ("ilse", 20, 2, 7, "permanent", 1.0, D(2010, 1, 1), D(2017, 2, 28), "dismissal"),
    ("joop", 20, 2, 7, "permanent", 1.0, D(2008, 1, 1), D(2017, 7, 31), "state_pension"),
    # a "mobility" end with nothing after it is outflow nonetheless (reason other)
    ("kees", 20, 2, 7, "permanent", 1.0, D(2008, 1, 1), D(2015, 8, 31), "mobility"),
]
EXTERNAL = [
    # lisa: hired externally (not personnel), then appointed right after: inflow at the appointment in 2016
    ("lisa", 20, 2, 8, "external", 1.0, D(2014, 1, 1), D(2016, 8, 31), "end_of_contract"),
    ("lisa", 20, 2, 8, "temporary", 1.0, D(2016, 9, 1), None, ""),
    # mark: external only -> never counted
    ("mark", 10, 1, 8, "external", 1.0, D(2012, 1, 1), None, ""),
]
PEOPLE = {
    name: YOUNG
    for name in ("anna", "bram", "cor", "dirk", "eva", "finn", "gijs", "hans", "ilse", "kees", "lisa", "mark")
}
PEOPLE["joop"] = D(1952, 4, 20)  # AOW 66 on 2018-04-20, but he left by state pension in 2017


def test_history_every_count_known() -> None:
    result = figures(build(PEOPLE, MOVES + LEAVERS + EXTERNAL), PEIL)
    assert [row["year"] for row in result["history"]] == list(range(2008, 2018))
    assert flows(result) == {
        2008: (3, 0, 0, {}),  # cor, joop, kees
        2009: (2, 0, 0, {}),  # bram, finn
        2010: (2, 0, 0, {}),  # anna, ilse
        2011: (1, 0, 0, {}),  # eva
        2012: (1, 0, 0, {}),  # dirk
        2014: (0, 1, 0, {}),  # anna's move; eva's FTE change is no event
        2015: (0, 0, 1, {"other": 1}),  # bram between; kees leaves
        2016: (
            3,  # gijs, hans, lisa (appointed after external hire)
            1,  # dirk's second job
            1,  # cor seconded to organisation 2
            {"own_request": 1, "end_of_contract": 1},  # finn, gijs
        ),
        2017: (0, 0, 1, {"state_pension": 1, "end_of_contract": 1, "other": 1}),  # cor back; joop; hans; ilse
    }


def test_headcount_counts_a_person_with_two_jobs_once_and_sums_fte() -> None:
    result = figures(build(PEOPLE, MOVES + LEAVERS + EXTERNAL), PEIL)
    # running on 2018-01-01: anna, bram, cor, dirk (2 jobs), eva, lisa; externals (mark) are not personnel
    assert result["headcount"] == 6
    assert result["fte"] == pytest.approx(1 + 1 + 1 + 0.6 + 0.3 + 0.8 + 1)
    assert set(result) == {"peildatum", "headcount", "fte", "history", "forecast"}
    assert result["peildatum"] == "2018-01-01"


def test_a_secondment_is_not_outflow_even_with_end_of_secondment_reason() -> None:
    result = figures(build(PEOPLE, [r for r in MOVES if r[0] == "cor"]), PEIL)
    assert flows(result) == {2008: (1, 0, 0, {}), 2016: (0, 0, 1, {}), 2017: (0, 0, 1, {})}
    assert result["headcount"] == 1


def test_organisation_scope_moving_in_is_mobility_and_moving_out_is_not_outflow() -> None:
    data = build(PEOPLE, MOVES + LEAVERS + EXTERNAL, scope_tops={2})
    result = figures(data, PEIL)
    assert flows(result) == {
        2008: (2, 0, 0, {}),  # joop, kees
        2010: (1, 0, 0, {}),  # ilse
        2015: (0, 0, 1, {"other": 1}),  # bram moves in (not inflow); kees leaves
        2016: (2, 0, 1, {}),  # hans, lisa; cor seconded in
        # cor leaves the scope back to organisation 1: mobility out, not outflow; hans, ilse, joop leave
        2017: (0, 0, 0, {"state_pension": 1, "end_of_contract": 1, "other": 1}),
    }
    assert result["headcount"] == 2  # bram, lisa
    assert result["fte"] == 2.0
    core = figures(build(PEOPLE, MOVES + LEAVERS + EXTERNAL, scope_tops={1}), PEIL)
    assert year(core, 2015)["outflow"] == {
        "state_pension": 0,
        "own_request": 0,
        "end_of_contract": 0,
        "other": 0,
    }
    assert (year(core, 2017)["mobility_between"], year(core, 2016)["mobility_within"]) == (1, 1)


def test_a_gap_of_one_day_without_a_record_is_outflow_and_inflow() -> None:
    people = {"nina": YOUNG}
    recs = [
        ("nina", 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), D(2015, 6, 29), "own_request"),
        ("nina", 11, 1, 1, "permanent", 1.0, D(2015, 7, 1), None, ""),
    ]
    assert flows(figures(build(people, recs), PEIL))[2015] == (1, 0, 0, {"own_request": 1})
    r = _Records(build(people, recs), day_number(PEIL), max_gap_days=1)
    assert r.has_pred.tolist() == [False, True]
    assert r.has_succ.tolist() == [True, False]


def test_records_after_the_peildatum_are_not_known_yet() -> None:
    people = {"otto": YOUNG}
    recs = [("otto", 10, 1, 1, "permanent", 1.0, D(2018, 1, 2), None, "")]
    result = figures(build(people, recs), PEIL)
    assert result["headcount"] == 0
    assert all(row["total"] == 0 for row in result["forecast"])


# --- state-pension age ------------------------------------------------------------------------------------------


def test_aow_age_by_birth_cohort() -> None:
    cases = {
        D(1947, 12, 31): D(2012, 12, 31),  # 65
        D(1948, 1, 1): D(2013, 2, 1),  # 65y1m
        D(1948, 11, 30): D(2013, 12, 30),  # 65y1m
        D(1948, 12, 1): D(2014, 2, 1),  # 65y2m
        D(1950, 6, 15): D(2015, 9, 15),  # 65y3m
        D(1952, 3, 31): D(2017, 12, 31),  # 65y9m
        D(1952, 4, 1): D(2018, 4, 1),  # 66
        D(1953, 3, 31): D(2019, 7, 31),  # 66y4m
        D(1955, 8, 31): D(2021, 12, 31),  # 66y4m
        D(1955, 9, 1): D(2022, 4, 1),  # 66y7m
        D(1956, 6, 1): D(2023, 4, 1),  # 66y10m
        D(1957, 2, 28): D(2023, 12, 28),  # 66y10m
        D(1957, 3, 1): D(2024, 3, 1),  # 67
        D(1957, 10, 1): D(2024, 10, 1),  # 67
        D(1957, 12, 31): D(2024, 12, 31),  # 67
        D(1960, 12, 31): D(2027, 12, 31),  # 67
        D(1961, 1, 1): D(2028, 4, 1),  # 67y3m
        D(1962, 7, 1): D(2029, 10, 1),  # 67y3m (the law's last year, until updated)
        D(1952, 2, 29): D(2017, 11, 29),  # 65y9m
        D(1953, 10, 31): D(2020, 2, 29),  # 66y4m: no 31 February -> the month's last day
    }
    assert {b: aow_date(b) for b in cases} == cases


def test_cohort_table_agrees_with_the_laws_calendar_year_schedule() -> None:
    """The law: the AOW age is the one of the calendar year in which one reaches it. For every birth date
    1940-1975, the first year Y in which birthday + age(Y) falls in Y gives the same day as the cohort table."""
    births = np.arange(day_number(D(1940, 1, 1)), day_number(D(1976, 1, 1)), dtype=np.int64)
    expected = np.full(len(births), OPEN_END, dtype=np.int64)
    for y in range(2000, 2045):
        cand = add_months(births, aow_age_months(y))
        cy = cand.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
        hit = (cy == y) & (expected == OPEN_END)
        expected[hit] = cand[hit]
    assert np.array_equal(aow_dates(births), expected)
    # one cohort per distinct age in the law's schedule, plus 65 for everyone born before 1948
    assert len(AOW_COHORTS) == len(set(AOW_AGE_BY_YEAR.values())) + 1


# --- forecast ---------------------------------------------------------------------------------------------------


def test_forecast_by_state_pension_age_on_a_tiny_staff() -> None:
    people = {"p1": D(1953, 3, 31), "p2": D(1955, 2, 1), "p3": YOUNG, "p4": YOUNG}
    recs = [(name, 10, 1, 1, "permanent", 1.0, D(2000, 1, 1), None, "") for name in people]
    result = figures(build(people, recs), PEIL)  # no outflow in the history: attrition 0
    fc = result["forecast"]
    assert [row["year"] for row in fc] == list(range(2018, 2030))
    # p1 reaches AOW 2019-07-31 (last day 30 July 2019), p2 2021-06-01
    assert [row["state_pension"] for row in fc] == [0, 1, 0, 1] + [0] * 8
    assert [row["total"] for row in fc] == [0, 1, 0, 1] + [0] * 8
    assert [row["cumulative_state_pension_share"] for row in fc[:4]] == [0.0, 0.25, 0.25, 0.5]
    assert [row["cumulative_share"] for row in fc[:4]] == [0.0, 0.25, 0.25, 0.5]
    assert fc[-1]["cumulative_share"] == 0.5


def test_forecast_with_attrition_is_competing_risks() -> None:
    lam = -math.log(0.9)  # 10 % leave per full year at risk
    rates = AttritionRates(rate=np.full((9, 3), lam), events=np.zeros((9, 3)), exposure=np.zeros((9, 3)))
    peil = day_number(PEIL)
    birth = np.array([day_number(YOUNG)] * 9 + [day_number(D(1953, 3, 31))], dtype=np.int64)
    group = np.zeros(10, dtype=np.int64)
    fc = forecast(birth, group, peil, rates, [2018, 2019, 2020])
    stay18 = 0.9 ** (365 / 365.25)
    stay19 = 0.9 ** (365 / 365.25)
    before_aow = 0.9 ** ((day_number(D(2019, 7, 30)) - day_number(D(2019, 1, 1))) / 365.25)
    gone18 = 10 * (1 - stay18)
    young_left19 = 9 * stay18 * (1 - stay19)
    old_left19 = stay18  # leaves in 2019 for sure: by attrition before 30 July or at the AOW age
    assert fc[0]["total"] == round(gone18) == 1
    assert fc[1]["state_pension"] == 1
    assert fc[1]["total"] == round(young_left19 + old_left19) == 2
    assert fc[1]["cumulative_share"] == round((gone18 + young_left19 + old_left19) / 10, 4)
    assert fc[1]["cumulative_state_pension_share"] == 0.1
    assert 0 < before_aow < 1
    assert fc[2]["cumulative_share"] > fc[1]["cumulative_share"] >= fc[1]["cumulative_state_pension_share"]


def test_attrition_rate_is_events_per_person_year_by_age_band_and_contract() -> None:
    people = {f"p{i}": D(1976, 1, 1) for i in range(10)}  # 40 on 1 January 2016
    recs = [(f"p{i}", 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), None, "") for i in range(1, 10)]
    recs.append(("p0", 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), D(2016, 12, 31), "own_request"))
    data = build(people, recs)
    r = _Records(data, day_number(PEIL))
    rates = attrition_rates(r, data.birth, [2016])
    band = 4  # 40-44
    assert rates.events[band, 0] == 1
    assert rates.exposure[band, 0] == pytest.approx(10 * 366 / 365.25)
    # under 100 person-years in every cell and band: the overall rate
    assert rates.rate[band, 0] == pytest.approx(1 / (10 * 366 / 365.25))
    assert rates.rate[0, 1] == rates.rate[band, 0]


def test_the_forecast_of_classes_of_equal_birth_and_group_is_the_forecast_of_their_persons() -> None:
    from rijksportfolio.domain.analytics.workforce import person_classes

    rng = np.random.default_rng(7)
    birth = rng.integers(day_number(D(1955, 1, 1)), day_number(D(2000, 12, 31)), 5000)
    birth[:2000] = birth[2000:4000]  # many persons share a birthday
    group = rng.integers(0, 3, 5000)
    c_birth, c_group, inverse = person_classes(birth, group)
    assert (c_birth[inverse] == birth).all()
    assert (c_group[inverse] == group).all()
    assert len(c_birth) == len(set(zip(birth.tolist(), group.tolist(), strict=True))) < 5000
    counts = np.bincount(inverse)
    rates = AttritionRates(
        rate=rng.uniform(0.01, 0.2, (9, 3)), events=np.zeros((9, 3)), exposure=np.zeros((9, 3))
    )
    years = list(range(2018, 2030))
    assert forecast(c_birth, c_group, day_number(PEIL), rates, years, weight=counts) == forecast(
        birth, group, day_number(PEIL), rates, years
    )
    # births far apart: the same classes by sorting
    far = birth.copy()
    far[0] = day_number(D(1, 1, 1))
    f_birth, f_group, f_inverse = person_classes(far, group)
    assert (f_birth[f_inverse] == far).all()
    assert (f_group[f_inverse] == group).all()
