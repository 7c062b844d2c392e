# SPDX-License-Identifier: EUPL-1.2
"""The DuckDB panels on small hand-made histories where every count is known, and against the numpy engine."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pytest
from test_workforce_figures import EXTERNAL, LEAVERS, MOVES, PEIL, PEOPLE, YOUNG, build, flows as counts

from rijksportfolio.domain.analytics import panels as P
from rijksportfolio.domain.analytics.warehouse import Warehouse
from rijksportfolio.domain.analytics.workforce import _Records, attrition_rates, figures as numpy_figures

D = dt.date
# The tree: ministry A (1, core department) with directorates 10, 11, 12 and agency 2 (node 20 below it);
# ministry B (5, core department) with directorate 50.
ORGS = [
    (1, "min-a", None, "00001.", 0, "core_department", "ministry"),
    (10, "dir-10", 1, "00001.00010.", 1, "", "directorate"),
    (11, "dir-11", 1, "00001.00011.", 1, "", "directorate"),
    (12, "dir-12", 1, "00001.00012.", 1, "", "directorate"),
    (2, "agency", 1, "00001.00002.", 1, "executive_agency", "agency"),
    (20, "team-20", 2, "00001.00002.00020.", 2, "", "team"),
    (5, "min-b", None, "00005.", 0, "core_department", "ministry"),
    (50, "dir-50", 5, "00005.00050.", 1, "", "directorate"),
]
# zoe leaves in 2008: the history then covers every year from 2008 (the first recorded outflow)
ZOE = [("zoe", 10, 1, 9, "permanent", 1.0, D(2001, 1, 1), D(2008, 3, 31), "own_request")]


def warehouse(
    people: dict[str, D],
    records: list[tuple],
    gender: dict[str, str] | None = None,
    province: dict[str, int] | None = None,
    scale: dict[str, int] | None = None,
) -> Warehouse:
    """records: (person, node, top (ignored: from the tree), job, contract, fte, start, end or None, reason)."""
    names = list(people)
    gender = gender or {}
    province = province or {}
    scale = scale or {}
    orgs = pa.table(
        {
            "id": [o[0] for o in ORGS],
            "code": [o[1] for o in ORGS],
            "name": [o[1].upper() for o in ORGS],
            "abbreviation": ["" for _ in ORGS],
            "kind": [o[6] for o in ORGS],
            "sector_category": [o[5] for o in ORGS],
            "parent_id": pa.array([o[2] for o in ORGS], pa.int64()),
            "path": [o[3] for o in ORGS],
            "depth": pa.array([o[4] for o in ORGS], pa.int32()),
        }
    )
    locations = pa.table(
        {
            "id": [1, 2],
            "city": ["Den Haag", "Groningen"],
            "municipality": ["'s-Gravenhage", "Groningen"],
            "province": ["Zuid-Holland", "Groningen"],
        }
    )
    persons = pa.table(
        {
            "id": list(range(1, len(names) + 1)),
            "date_of_birth": pa.array([people[n] for n in names], pa.date32()),
            "gender": [gender.get(n, "male") for n in names],
            "work_location_id": pa.array([province.get(n, 1) for n in names], pa.int64()),
        }
    )
    employments = pa.table(
        {
            "id": list(range(1, len(records) + 1)),
            "person_id": [names.index(r[0]) + 1 for r in records],
            "organisation_id": [r[1] for r in records],
            "job_title": [f"job {r[3]}" for r in records],
            "job_family": ["ict" if r[3] == 8 else "beleid" for r in records],
            "work_type": ["policy" for _ in records],
            "salary_scale": pa.array([scale.get(r[0], 11) for r in records], pa.int16()),
            "fte": [float(r[5]) for r in records],
            "contract_type": [r[4] for r in records],
            "start_date": pa.array([r[6] for r in records], pa.date32()),
            "end_date": pa.array([r[7] for r in records], pa.date32()),
            "end_reason": [r[8] for r in records],
        }
    )
    return Warehouse.from_tables(
        organisations=orgs, locations=locations, people=persons, employments=employments
    )


ALL = MOVES + LEAVERS + EXTERNAL + ZOE
EVERYONE = {**PEOPLE, "zoe": YOUNG}


def test_every_flow_count_known() -> None:
    result = P.figures(warehouse(EVERYONE, ALL), PEIL)
    assert counts(result) == {
        2008: (3, 0, 0, {"own_request": 1}),  # cor, joop, kees start; zoe leaves
        2009: (2, 0, 0, {}),  # bram, finn
        2010: (2, 0, 0, {}),  # anna, ilse
        2011: (1, 0, 0, {}),  # eva
        2012: (1, 0, 0, {}),  # dirk
        2014: (0, 1, 0, {}),  # anna moves within her organisation (not inflow + outflow); eva's FTE: no event
        2015: (0, 0, 1, {"other": 1}),  # bram between organisations; kees leaves
        2016: (3, 1, 1, {"own_request": 1, "end_of_contract": 1}),  # gijs, hans, lisa; dirk 2nd job; cor out
        2017: (0, 0, 1, {"state_pension": 1, "end_of_contract": 1, "other": 1}),  # cor back; joop, hans, ilse
    }


def test_same_figures_as_the_numpy_engine() -> None:
    wh = warehouse(EVERYONE, ALL)
    for peil in (PEIL, D(2016, 7, 1), D(2020, 1, 1)):
        new, old = P.figures(wh, peil), numpy_figures(build(EVERYONE, ALL), peil)
        assert {k: v for k, v in new.items() if k != "history"} == {
            k: v for k, v in old.items() if k != "history"
        }
        covered = [row for row in old["history"] if row["year"] >= 2008]  # zoe's outflow starts the history
        assert [row for row in new["history"] if row["year"] >= 2008] == covered
        assert all(row["inflow"] is None for row in new["history"] if row["year"] < 2008)


def test_years_before_the_first_recorded_outflow_are_unknown_not_zero() -> None:
    """Without zoe the first outflow is kees's in 2015: before 2015 the records are only those of people who
    were still there later, so inflow, mobility and outflow of 2008-2014 cannot be known."""
    result = P.figures(warehouse(PEOPLE, MOVES + LEAVERS + EXTERNAL), PEIL)
    early = [row for row in result["history"] if row["year"] < 2015]
    assert [row["year"] for row in early] == list(range(2008, 2015))
    assert all(row["inflow"] is None and set(row["outflow"].values()) == {None} for row in early)
    assert counts({"history": [r for r in result["history"] if r["year"] >= 2015]}) == {
        2015: (0, 0, 1, {"other": 1}),
        2016: (3, 1, 1, {"own_request": 1, "end_of_contract": 1}),
        2017: (0, 0, 1, {"state_pension": 1, "end_of_contract": 1, "other": 1}),
    }


def test_a_person_in_two_jobs_is_counted_once_with_summed_fte_and_once_in_each_breakdown() -> None:
    wh = warehouse(EVERYONE, ALL)
    head = P.headcount(wh, PEIL)
    # running on 2018-01-01: anna, bram, cor, dirk (0.6 + 0.3), eva (0.8), lisa; mark is external
    assert (head["headcount"], head["fte"]) == (6, 5.7)
    parts = P.breakdowns(wh, PEIL)["breakdowns"]
    for name, rows in parts.items():
        assert sum(r["headcount"] for r in rows) == 6, name
        assert round(sum(r["fte"] for r in rows), 1) == 5.7, name
    # dirk's main record is his permanent 0.6 job: he counts as permanent; his 0.3 temporary FTE counts there
    contract = {r["key"]: (r["headcount"], r["fte"]) for r in parts["contract_type"]}
    assert contract == {"permanent": (5, 4.4), "temporary": (1, 1.3)}
    org = {r["name"]: r["headcount"] for r in parts["organisation"]}
    assert org == {"MIN-A": 6}
    trend = P.trend(wh, PEIL)["trend"]
    assert trend[-1] == {"date": "2018-01-01", "headcount": 6, "fte": 5.7}
    assert trend[0]["date"] == "2008-01-01"


def test_organisation_scope_moving_in_is_mobility_and_moving_out_is_not_outflow() -> None:
    wh = warehouse(EVERYONE, ALL)
    agency = P.Scope(organisations=(2,))
    result = P.figures(wh, PEIL, agency)
    assert counts(result) == {
        2008: (2, 0, 0, {}),  # joop, kees
        2010: (1, 0, 0, {}),  # ilse
        2015: (0, 0, 1, {"other": 1}),  # bram moves in (not inflow); kees leaves
        2016: (2, 0, 1, {}),  # hans, lisa; cor seconded in
        2017: (0, 0, 0, {"state_pension": 1, "end_of_contract": 1, "other": 1}),
    }
    assert (result["headcount"], result["fte"]) == (2, 2.0)  # bram, lisa
    moved_out = {row["year"]: row["mobility_out"] for row in P.flows(wh, PEIL, agency)["years"]}
    assert moved_out[2017] == 1  # cor back to his directorate: mobility out of the agency, not outflow
    assert sum(v for v in moved_out.values() if v) == 1
    assert P.figures(wh, PEIL, P.Scope(organisations=(1,))) == P.figures(wh, PEIL)  # the ministry = the Rijk


def test_mobility_between_ministries_matrix() -> None:
    people = {"rob": YOUNG, "sam": YOUNG, **{"zoe": YOUNG}}
    recs = [
        ("rob", 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), D(2016, 4, 30), "mobility"),
        ("rob", 50, 5, 1, "permanent", 1.0, D(2016, 5, 1), None, ""),
        ("sam", 20, 2, 1, "permanent", 1.0, D(2010, 1, 1), D(2016, 8, 31), "mobility"),
        ("sam", 10, 1, 1, "permanent", 1.0, D(2016, 9, 1), None, ""),
        *ZOE,
    ]
    wh = warehouse(people, recs)
    matrix = P.mobility_matrix(wh, PEIL, year=2016)
    assert matrix["moves"] == [{"from": 1, "to": 5, "persons": 1}]  # sam moved within ministry A
    row = next(r for r in P.flows(wh, PEIL)["years"] if r["year"] == 2016)
    assert (row["mobility_between"], row["mobility_between_ministries"], row["outflow_total"]) == (2, 1, 0)
    assert P.mobility_matrix(wh, PEIL, P.Scope(organisations=(5,)), year=2016)["moves"] == matrix["moves"]


def test_starter_cohorts() -> None:
    people = {f"s{i}": YOUNG for i in range(4)} | {"zoe": YOUNG}
    recs = [
        ("s0", 10, 1, 1, "temporary", 1.0, D(2012, 3, 1), D(2012, 12, 31), "end_of_contract"),
        ("s1", 10, 1, 1, "temporary", 1.0, D(2012, 6, 1), D(2013, 5, 31), "mobility"),
        ("s1", 10, 1, 1, "permanent", 1.0, D(2013, 6, 1), None, ""),
        ("s2", 11, 1, 1, "permanent", 1.0, D(2012, 9, 1), D(2015, 2, 28), "own_request"),
        ("s3", 11, 1, 1, "trainee", 1.0, D(2016, 9, 1), None, ""),
        *ZOE,
    ]
    cohorts = {c["year"]: c for c in P.starters(warehouse(people, recs), PEIL)["cohorts"]}
    assert cohorts[2012] == {
        "year": 2012,
        "starters": 3,
        "temporary_share": round(2 / 3, 4),
        "still_employed_1y": round(2 / 3, 4),  # s1 and s2 (s0 left after ten months)
        "still_employed_2y": round(2 / 3, 4),
        "still_employed_5y": round(1 / 3, 4),  # s1 only
    }
    assert cohorts[2016]["starters"] == 1
    assert cohorts[2016]["temporary_share"] == 1.0
    assert cohorts[2016]["still_employed_1y"] == 1.0
    assert cohorts[2016]["still_employed_2y"] is None
    assert cohorts[2013]["starters"] == 0


def test_three_five_seven_counts_time_in_the_job_across_fte_changes() -> None:
    wh = warehouse(EVERYONE, ALL)
    result = P.three_five_seven(wh, PEIL)
    # at 2018-01-01: anna 3.5 y (since 2014-07-01), bram 2.9 y, cor 0.75 y (back 2017-04-01), dirk 6 y (main:
    # the 0.6 job since 2012), eva 7.0 y (since 2011-01-01: the FTE change in 2014 is the same job), lisa 1.3 y
    assert result["distribution"] == [
        {"band": "<3", "headcount": 3},
        {"band": "3-5", "headcount": 1},
        {"band": "5-7", "headcount": 1},
        {"band": "7+", "headcount": 1},
    ]
    assert (result["over_5"], result["over_7"]) == (2, 1)
    people = P.three_five_seven_people(wh, PEIL, P.RIJK)
    assert [(p["person"], p["in_job_since"]) for p in people] == [(5, "2011-01-01"), (4, "2012-01-01")]


def test_secondments_over_one_year_register_and_a_secondment_is_not_outflow() -> None:
    people = {"sara": YOUNG, "tim": YOUNG, "zoe": YOUNG}
    recs = [
        ("sara", 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), D(2015, 12, 31), "mobility"),
        ("sara", 50, 5, 1, "secondment", 1.0, D(2016, 1, 1), D(2016, 12, 31), "end_of_secondment"),
        ("sara", 50, 5, 1, "secondment", 0.8, D(2017, 1, 1), None, ""),  # extended: one unbroken run
        ("tim", 20, 2, 1, "secondment", 1.0, D(2017, 6, 1), None, ""),
        *ZOE,
    ]
    wh = warehouse(people, recs)
    result = P.secondments_over_one_year(wh, PEIL)
    assert (result["secondments"], result["over_one_year"]) == (2, 1)
    assert result["register"][0]["since"] == "2016-01-01"
    assert result["register"][0]["days"] == (PEIL - D(2016, 1, 1)).days
    history = {r["year"]: r["outflow_total"] for r in P.flows(wh, PEIL)["years"]}
    assert history[2015] == history[2016] == 0


def test_diversity_spreiding_and_forecast_by_age() -> None:
    people = {f"w{i}": YOUNG for i in range(3)} | {"m0": YOUNG, "m1": D(1953, 3, 31), "zoe": YOUNG}
    recs = [(n, 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), None, "") for n in people if n != "zoe"] + ZOE
    wh = warehouse(
        people,
        recs,
        gender={"w0": "female", "w1": "female", "w2": "female"},
        province={"w0": 2, "w1": 2},
        scale={"w0": 15, "m0": 15, "w1": 12, "w2": 12, "m1": 12},
    )
    women = {g["group"]: (g["headcount"], g["women"]) for g in P.diversity(wh, PEIL)["women"]}
    assert women == {"all": (5, 3), "10-13": (3, 2), "14+": (2, 1), "top": (2, 1)}
    provinces = {p["province"]: p["headcount"] for p in P.spreiding(wh, PEIL)["provinces"]}
    assert provinces == {"Groningen": 2, "Zuid-Holland": 3}
    fc = P.outflow_forecast(wh, PEIL)
    sixty = next(b for b in fc["by_age"] if b["age_band"] == "60+")
    assert (sixty["headcount"], sixty["state_pension_within_12y"]) == (1, 1)  # m1: AOW in 2019
    assert fc["forecast"][1]["state_pension"] == 1


def test_attrition_rates_equal_the_numpy_estimate() -> None:
    people = {f"p{i}": D(1976, 1, 1) for i in range(10)}
    recs = [(f"p{i}", 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), None, "") for i in range(1, 10)]
    recs.append(("p0", 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), D(2016, 12, 31), "own_request"))
    rates = P.attrition_rates(warehouse(people, recs), PEIL)
    data = build(people, recs)
    expected = attrition_rates(_Records(data, 17532), data.birth, [2016, 2017])
    assert np.allclose(rates.events, expected.events)
    assert np.allclose(rates.exposure, expected.exposure)
    assert rates.rate[4, 0] == pytest.approx(1 / (10 * 366 / 365.25 + 9 * 365 / 365.25))


def test_mpp_supply_demand_and_gap() -> None:
    people = {"old": D(1953, 3, 31), "young": YOUNG, "zoe": YOUNG}
    recs = [(n, 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), None, "") for n in ("old", "young")] + [
        ("zoe", 10, 1, 1, "permanent", 1.0, D(2001, 1, 1), D(2017, 12, 31), "state_pension")
    ]
    # no attrition in the history (zoe left by state pension): supply falls only when "old" retires in 2019
    result = P.mpp(
        warehouse(people, recs), PEIL, scenario=P.Scenario(growth_pct=10, technology_pct={"policy": 12})
    )
    family = result["job_families"][0]
    assert family["job_family"] == "beleid"
    assert family["fte"] == 2.0
    years = {y["year"]: y for y in family["years"]}
    assert years[2018]["supply"] == 2.0
    assert years[2019]["supply"] == 1.0
    assert years[2018]["demand"] == round(2 * 1.1 * (1 - 0.12 / 12), 1)
    assert years[2019]["gap"] == round(1.0 - 2 * 1.1**2 * (1 - 0.12 * 2 / 12), 1)


def test_published_panels_hide_small_counts_and_what_would_reveal_them() -> None:
    from rijksportfolio.domain.analytics.publish import publish

    people = {f"a{i}": YOUNG for i in range(30)} | {f"b{i}": YOUNG for i in range(4)} | {"zoe": YOUNG}
    recs = [(n, 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), None, "") for n in people if n.startswith("a")]
    recs += [(n, 11, 1, 1, "temporary", 0.5, D(2016, 1, 1), None, "") for n in people if n.startswith("b")]
    recs += [("b0", 20, 2, 1, "secondment", 0.5, D(2016, 1, 1), None, "")]  # b0 also seconded: 2 jobs
    recs += ZOE
    wh = warehouse(people, recs, gender={f"a{i}": "female" for i in range(12)})
    raw = P.breakdowns(wh, PEIL)
    out = publish("breakdowns", raw)
    contract = {r["key"]: (r["headcount"], r["fte"]) for r in out["breakdowns"]["contract_type"]}
    # 30 permanent, 4 temporary (b0's main record is temporary: 0.5 each, then the earlier start... equal:
    # the lower id, his temporary one); the 4 are hidden, and in a series with its total, one more figure
    # must be hidden too (else 34 - 30 = 4): the permanent count goes as well
    # b0's secondment is a second job: no main record there (0 shown), its FTE (one person's) hidden
    assert contract == {"permanent": (None, None), "temporary": (None, None), "secondment": (0, None)}
    assert raw["breakdowns"]["contract_type"][0]["headcount"] == 30  # the raw panel is untouched
    div = publish("diversity", P.diversity(wh, PEIL))
    women = {g["group"]: (g["headcount"], g["women"], g["women_share"]) for g in div["women"]}
    assert women["all"] == (34, 12, round(12 / 34, 4))
    sec = publish("secondments", P.secondments_over_one_year(wh, PEIL))
    assert "register" not in sec
    assert sec["secondments"] is None
    head = publish("headcount", P.headcount(wh, PEIL, P.Scope(organisations=(11,))))
    assert (head["headcount"], head["fte"]) == (None, None)


def test_published_three_five_seven_hides_the_over_counts_when_a_tenure_band_is_hidden() -> None:
    from rijksportfolio.domain.analytics.publish import publish

    bands = {"<3": 40, "3-5": 30, "5-7": 25, "7+": 4}
    raw = {
        "distribution": [{"band": b, "headcount": n} for b, n in bands.items()],
        "headcount": 99,
        "over_5": 29,
        "over_7": 4,
        "organisations": [],
    }
    out = publish("three_five_seven", raw)
    assert [b["headcount"] for b in out["distribution"]][3] is None  # 4 people: hidden
    # over_7 (4) and over_5 (25 + 4) would reveal the hidden band: both hidden as well
    assert (out["over_5"], out["over_7"]) == (None, None)
    shown = publish(
        "three_five_seven",
        {
            **raw,
            "distribution": [{"band": "<3", "headcount": 50}, {"band": "7+", "headcount": 49}],
            "over_5": 49,
            "over_7": 49,
            "headcount": 99,
        },
    )
    assert (shown["over_5"], shown["over_7"]) == (49, 49)


# pia: two inflows in 2016 (a temporary job at directorate 10 that ends into nothing, then a permanent one at
# ministry B); quinten: two outflows in 2016 (his job at directorate 11 ends on his own request; hired again
# at the agency's team 20 in May, that contract ends in October)
TWICE = [
    ("pia", 10, 1, 1, "temporary", 1.0, D(2016, 2, 1), D(2016, 3, 31), "end_of_contract"),
    ("pia", 50, 5, 1, "permanent", 1.0, D(2016, 6, 1), None, ""),
    ("quinten", 11, 1, 2, "permanent", 1.0, D(2015, 1, 1), D(2016, 2, 29), "own_request"),
    ("quinten", 20, 2, 2, "permanent", 1.0, D(2016, 5, 1), D(2016, 10, 31), "end_of_contract"),
    *ZOE,
]
TWICE_PEOPLE = {"pia": YOUNG, "quinten": YOUNG, "zoe": YOUNG}


def _year(result: dict, y: int) -> dict:
    return next(row for row in result["years"] if row["year"] == y)


def test_a_person_with_two_arrivals_or_two_outflows_in_a_year_counts_once_in_every_scope() -> None:
    wh = warehouse(TWICE_PEOPLE, TWICE)
    rijk = _year(P.flows(wh, PEIL), 2016)
    assert (rijk["inflow"], rijk["outflow_total"]) == (2, 2)  # pia once, quinten once
    assert rijk["outflow"]["end_of_contract"] == 2  # quinten's last outflow of the year decides his reason
    assert rijk["outflow"]["own_request"] == 0
    # each scope holding one of the two records counts the person once, by that record
    directorate_10 = _year(P.flows(wh, PEIL, P.Scope(organisations=(10,))), 2016)
    assert (directorate_10["inflow"], directorate_10["outflow"]["end_of_contract"]) == (1, 1)
    ministry_b = _year(P.flows(wh, PEIL, P.Scope(organisations=(5,))), 2016)
    assert (ministry_b["inflow"], ministry_b["outflow_total"]) == (1, 0)
    directorate_11 = _year(P.flows(wh, PEIL, P.Scope(organisations=(11,))), 2016)
    assert directorate_11["outflow"] == {
        "state_pension": 0,
        "own_request": 1,
        "end_of_contract": 0,
        "other": 0,
    }
    ministry_a = _year(P.flows(wh, PEIL, P.Scope(organisations=(1,))), 2016)
    assert ministry_a["outflow"]["end_of_contract"] == 2
    assert ministry_a["outflow"]["own_request"] == 0
    # the same as the numpy engine for the Rijk
    old = numpy_figures(build(TWICE_PEOPLE, TWICE), PEIL)
    assert [r for r in P.figures(wh, PEIL)["history"] if r["year"] >= 2008] == [
        r for r in old["history"] if r["year"] >= 2008
    ]


def test_starters_take_each_persons_first_inflow_of_the_year_in_the_scope() -> None:
    wh = warehouse(TWICE_PEOPLE, TWICE)
    rijk = next(c for c in P.starters(wh, PEIL)["cohorts"] if c["year"] == 2016)
    # pia (first inflow: the temporary job; in the Rijk a year later) and quinten (gone by then)
    assert (rijk["starters"], rijk["temporary_share"], rijk["still_employed_1y"]) == (2, 0.5, 0.5)
    assert rijk["still_employed_2y"] is None  # 2018-05-01 lies after the peildatum
    ministry_b = next(
        c for c in P.starters(wh, PEIL, P.Scope(organisations=(5,)))["cohorts"] if c["year"] == 2016
    )
    assert (ministry_b["starters"], ministry_b["temporary_share"], ministry_b["still_employed_1y"]) == (
        1,
        0.0,
        1.0,
    )


def test_one_computation_shares_the_staff_and_gives_the_same_panels() -> None:
    wh = warehouse(EVERYONE, ALL)
    day = (PEIL - D(1970, 1, 1)).days
    alone = {name: fn(wh, PEIL) for name, fn in P.PANELS.items()}
    assert P._staff(wh, day, P.RIJK) is not P._staff(wh, day, P.RIJK)  # outside: computed per call
    with P.computation():
        shared = P._staff(wh, day, P.RIJK)
        assert P._staff(wh, day, P.RIJK) is shared
        assert P._staff(wh, day, P.Scope(organisations=(2,))) is not shared
        together = {name: fn(wh, PEIL) for name, fn in P.PANELS.items()}
    assert together == alone
    assert P.dashboard(wh, PEIL) == alone
    assert P.dashboard(wh, PEIL, names=("headcount", "trend")) == {
        k: alone[k] for k in ("headcount", "trend")
    }


def test_a_province_scope_counts_the_persons_working_there() -> None:
    people = {"w0": YOUNG, "w1": YOUNG, "m0": YOUNG, "zoe": YOUNG}
    recs = [(n, 10, 1, 1, "permanent", 1.0, D(2010, 1, 1), None, "") for n in ("w0", "w1", "m0")]
    recs += [("w0", 11, 1, 2, "temporary", 0.5, D(2016, 1, 1), None, ""), *ZOE]  # w0 in two jobs
    wh = warehouse(people, recs, province={"w0": 2, "w1": 2})
    groningen = P.Scope(province="Groningen")
    assert P.headcount(wh, PEIL, groningen) == {"peildatum": "2018-01-01", "headcount": 2, "fte": 2.5}
    parts = P.breakdowns(wh, PEIL, groningen)["breakdowns"]
    assert [(r["key"], r["headcount"], r["fte"]) for r in parts["contract_type"]] == [
        ("permanent", 2, 2.0),
        ("temporary", 0, 0.5),
    ]
    assert P.headcount(wh, PEIL, P.Scope(province="Zuid-Holland"))["headcount"] == 1
    assert P.headcount(wh, PEIL, P.Scope(province="Friesland"))["headcount"] == 0
