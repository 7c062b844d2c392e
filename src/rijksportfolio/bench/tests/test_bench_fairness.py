# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio bench fairness``: a table per group, then one JSON line with the documented keys, the same
figures on every run with the same seed."""

import io
import json

import pytest
from django.core.management import call_command

KEYS = [
    "bench",
    "people",
    "queries",
    "top_k",
    "score_threshold",
    "population",
    "min_impact_ratio_gender",
    "min_impact_ratio_age",
    "flagged",
    "min_scoring_ratio_gender",
    "min_scoring_ratio_age",
    "flagged_groups",
    "insufficient",
    "seconds",
    "generate_s",
    "build_s",
    "monitor_s",
    "reference_date",
    "seed",
    "algorithm_version",
    "rss_mb",
]
TIMINGS = {"seconds", "generate_s", "build_s", "monitor_s", "rss_mb"}


def _run() -> tuple[list[str], dict]:
    out = io.StringIO()
    call_command("bench", "fairness", "--people", "3000", "--queries", "30", "--top-k", "20", stdout=out)
    lines = out.getvalue().rstrip("\n").splitlines()
    return lines, json.loads(lines[-1])


@pytest.fixture(scope="module")
def first_run() -> tuple[list[str], dict]:
    return _run()


def test_bench_fairness_ends_with_one_json_line_of_the_documented_keys(first_run):
    lines, figures = first_run
    assert list(figures) == KEYS
    assert (figures["bench"], figures["people"], figures["queries"], figures["top_k"]) == (
        "fairness",
        3000,
        30,
        20,
    )
    assert figures["score_threshold"] == 0.5
    assert 10 <= figures["population"] < 3000
    assert figures["flagged"] == len(figures["flagged_groups"])
    # the generator draws only women and men: "other" and "unknown" are empty, so insufficient
    assert figures["insufficient"] >= 2
    table = [line.split() for line in lines if line.startswith(("gender ", "age "))]
    assert [(row[0], row[1]) for row in table] == [
        ("gender", "female"),
        ("gender", "male"),
        ("gender", "other"),
        ("gender", "unknown"),
        ("age", "<30"),
        ("age", "30-44"),
        ("age", "45-54"),
        ("age", "55+"),
    ]
    ratios = {(row[0], row[1]): float(row[4]) for row in table if row[4] != "-"}
    for dimension in ("gender", "age"):  # the table rounds to 3 decimals, the JSON line to 4
        lowest = min(v for (d, _g), v in ratios.items() if d == dimension)
        assert abs(figures[f"min_impact_ratio_{dimension}"] - lowest) <= 0.0006
    for flag in figures["flagged_groups"]:
        dimension, group, measure = flag.split(":")
        row = next(r for r in table if (r[0], r[1]) == (dimension, group))
        assert "FLAGGED:" in row
        assert float(row[4] if measure == "selection" else row[6]) < 0.8


def test_bench_fairness_is_deterministic_for_a_seed(first_run):
    _lines, first = first_run
    _lines, second = _run()
    assert {k: v for k, v in first.items() if k not in TIMINGS} == {
        k: v for k, v in second.items() if k not in TIMINGS
    }
