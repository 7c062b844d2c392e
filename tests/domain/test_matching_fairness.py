# SPDX-License-Identifier: EUPL-1.2
"""The fairness monitor's arithmetic on hand-computed examples: selection and scoring rates, impact ratios
against the best group, groups under 10 insufficient, ratios under 0.8 flagged, what may be published; and the
benchmark query set."""

import datetime as dt

import pytest

from rijksportfolio.domain.matching.benchmark import RIJK_OCCUPATIONS, benchmark_queries
from rijksportfolio.domain.matching.fairness import (
    AGE,
    GENDER,
    QueryOutcome,
    age_band,
    age_on,
    fairness_report,
    published,
)

# 20 women (1–20), 12 men (21–32), 3 of another gender (33–35); by age: 1–10 under 30, 11–20 30–44,
# 21–32 45–54, 33–35 55 and over.
POPULATION = list(range(1, 36))
LABELS = {
    GENDER: ["female"] * 20 + ["male"] * 12 + ["other"] * 3,
    AGE: ["<30"] * 10 + ["30-44"] * 10 + ["45-54"] * 12 + ["55+"] * 3,
}
OUTCOMES = [
    QueryOutcome(top=[1, 2, 21, 22, 23], scoring=[*range(1, 11), *range(21, 31)]),
    QueryOutcome(top=[3, 21, 24, 25, 26, 999], scoring=[*range(1, 6), *range(21, 27), 33]),  # 999: not in it
]


def _groups(report, dimension):
    return {g.group: g for g in report.dimension(dimension).groups}


def test_selection_and_scoring_rates_and_impact_ratios_by_hand():
    report = fairness_report(OUTCOMES, POPULATION, LABELS, top_k=5)
    assert (report.queries, report.top_k, report.population, report.score_threshold) == (2, 5, 35, 0.5)
    gender = _groups(report, GENDER)
    assert list(gender) == ["female", "male", "other", "unknown"]
    women, men = gender["female"], gender["male"]
    # women: 3 of 2 × 20 chances in a top-5; men: 7 of 2 × 12
    assert (women.selected, women.selection_rate) == (3, pytest.approx(3 / 40))
    assert (men.selected, men.selection_rate) == (7, pytest.approx(7 / 24))
    assert women.selection_ratio == pytest.approx(9 / 35)  # (3/40) / (7/24)
    assert men.selection_ratio == 1.0
    # scoring at least 0.5: women 10 + 5 of 40, men 10 + 6 of 24
    assert women.scoring_rate == pytest.approx(15 / 40)
    assert men.scoring_rate == pytest.approx(16 / 24)
    assert women.scoring_ratio == pytest.approx(0.5625)
    assert report.dimension(GENDER).reference("selection") == "male"
    assert report.dimension(GENDER).min_ratio("selection") == pytest.approx(9 / 35)


def test_age_bands_reference_is_the_highest_group_per_measure():
    report = fairness_report(OUTCOMES, POPULATION, LABELS, top_k=5)
    age = _groups(report, AGE)
    assert age["<30"].selection_ratio == pytest.approx((3 / 20) / (7 / 24))
    assert age["30-44"].selection_ratio == 0.0  # nobody of them in any top-5
    assert age["45-54"].selection_ratio == 1.0
    # scoring: under 30 is the best group here (15 of 20), 45–54 has 16 of 24
    assert age["<30"].scoring_ratio == 1.0
    assert age["45-54"].scoring_ratio == pytest.approx((16 / 24) / (15 / 20))
    assert report.dimension(AGE).reference("scoring") == "<30"


def test_groups_under_ten_are_insufficient_never_reference_never_flagged():
    report = fairness_report(OUTCOMES, POPULATION, LABELS, top_k=5)
    other = _groups(report, GENDER)["other"]
    assert (other.people, other.sufficient) == (3, False)
    assert (other.selection_rate, other.scoring_rate, other.selection_ratio, other.scoring_ratio) == (
        None,
    ) * 4
    assert other.flags == ()
    unknown = _groups(report, GENDER)["unknown"]
    assert (unknown.people, unknown.sufficient, unknown.selection_rate) == (0, False, None)
    assert report.insufficient == (("gender", "other"), ("gender", "unknown"), ("age", "55+"))


def test_ratios_under_four_fifths_are_flagged():
    report = fairness_report(OUTCOMES, POPULATION, LABELS, top_k=5)
    assert report.flagged == (
        ("gender", "female", "selection"),
        ("gender", "female", "scoring"),
        ("age", "<30", "selection"),
        ("age", "30-44", "selection"),
        ("age", "30-44", "scoring"),
    )
    # exactly 0.8 is not flagged: 4 of 10 against 5 of 10
    edge = fairness_report(
        [QueryOutcome(top=[*range(1, 5), *range(11, 16)], scoring=[])],
        list(range(1, 21)),
        {GENDER: ["female"] * 10 + ["male"] * 10},
        top_k=9,
    )
    assert _groups(edge, GENDER)["female"].selection_ratio == 0.8
    assert edge.flagged == ()


def test_nobody_selected_leaves_the_ratios_undefined_and_nothing_flagged():
    report = fairness_report(
        [QueryOutcome(top=[], scoring=[])], list(range(1, 21)), {GENDER: ["female", "male"] * 10}, top_k=50
    )
    women = _groups(report, GENDER)["female"]
    assert (women.selection_rate, women.selection_ratio, women.scoring_ratio) == (0.0, None, None)
    assert report.flagged == ()
    assert report.dimension(GENDER).min_ratio("selection") is None


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="duplicate"):
        fairness_report([], [1, 1], {GENDER: ["male", "male"]}, top_k=5)
    with pytest.raises(ValueError, match="aligned"):
        fairness_report([], [1, 2], {GENDER: ["male"]}, top_k=5)


def test_published_hides_small_groups_and_what_gives_them_away_and_no_counts():
    data = published(fairness_report(OUTCOMES, POPULATION, LABELS, top_k=5))
    gender = data["dimensions"][0]
    people = {g["group"]: g["people"] for g in gender["groups"]}
    # 3 "other" is hidden ("< 10"); so is one more figure (else 35 − 20 − 0 − 12 would give it away), and the
    # population of 35 too: beside it a "< 10" and one hidden figure would narrow each other (rule 4 of
    # domain/suppression.py); zero is shown
    assert people["other"] is None
    assert sum(v is None for v in people.values()) == 2
    assert people["unknown"] == 0
    assert data["population"] is None
    female = next(g for g in gender["groups"] if g["group"] == "female")
    assert people["female"] is None
    assert female["selection_rate"] == pytest.approx(0.075)  # a sufficient group keeps its rates when its
    assert female["selection_ratio"] == pytest.approx(9 / 35)  # size is hidden
    other = next(g for g in gender["groups"] if g["group"] == "other")
    assert (other["sufficient"], other["selection_rate"], other["flags"]) == (False, None, [])
    assert all("selected" not in g and "scoring" not in g for d in data["dimensions"] for g in d["groups"])
    assert data["flagged"][0] == ["gender", "female", "selection"]
    assert gender["min_selection_ratio"] == pytest.approx(9 / 35)


def test_a_population_under_ten_is_hidden_everywhere():
    report = fairness_report([], list(range(1, 8)), {GENDER: ["female"] * 7, AGE: ["<30"] * 7}, top_k=5)
    data = published(report)
    assert data["population"] is None
    assert [g["people"] for g in data["dimensions"][0]["groups"]] == [None, 0, 0, 0]


def test_age_on_the_reference_date():
    assert age_on(dt.date(1995, 6, 15), dt.date(2025, 6, 14)) == 29
    assert age_on(dt.date(1995, 6, 15), dt.date(2025, 6, 15)) == 30
    assert age_on(dt.date(2000, 2, 29), dt.date(2030, 2, 28)) == 29
    on = dt.date(2025, 1, 1)
    assert [age_band(dt.date(y, 1, 2), on) for y in (1995, 1994, 1980, 1979, 1970, 1969)] == [
        "<30",
        "30-44",
        "30-44",
        "45-54",
        "45-54",
        "55+",
    ]


def test_benchmark_queries_are_the_rijk_occupations_at_three_levels():
    assert len(RIJK_OCCUPATIONS) == 78
    first, second = RIJK_OCCUPATIONS[:2]
    skills = {
        first: ([f"s{i:02}" for i in range(15, 0, -1)], ["o3", "o1", "o2"]),
        second: (["x2", "x1"], []),
    }
    queries = benchmark_queries(skills, key=lambda uri: None if uri == "x2" else uri.upper())
    assert len(queries) == 6  # two occupations with skills × gevorderd, basis, ervaren
    q = queries[0]
    assert [r.skill_id for r in q.requirements] == [f"S{i:02}" for i in range(1, 13)] + ["O1", "O2"]
    assert [(r.essential, r.min_level) for r in q.requirements][11:13] == [(True, 2), (False, 2)]
    assert [r.skill_id for r in queries[1].requirements] == ["X1"]  # x2 is not in the taxonomy
    assert [q.requirements[0].min_level for q in queries] == [2, 2, 1, 1, 3, 3]
    assert [q.opportunity_id for q in queries] == [1, 2, 3, 4, 5, 6]
    assert len(benchmark_queries(skills, key=str.upper, count=3)) == 3
