# SPDX-License-Identifier: EUPL-1.2
"""Publishing panels: which figures are hidden, and why (the reasons by JSON pointer behind "< 10" and x)."""

from __future__ import annotations

import copy
import json

from rijksportfolio.domain.analytics.publish import DERIVED, PRIMARY, SECONDARY, Published, publish


def test_reasons_name_every_hidden_figure_by_json_pointer() -> None:
    raw = {
        "breakdowns": {
            "gender": [
                {"key": "female", "headcount": 120, "fte": 100.5},
                {"key": "male", "headcount": 30, "fte": 28.0},
                {"key": "other", "headcount": 4, "fte": 3.5},
            ]
        }
    }
    out = publish("breakdowns", raw)
    assert isinstance(out, Published)
    assert [r["headcount"] for r in out["breakdowns"]["gender"]] == [120, None, None]
    assert out.hidden == {
        "/breakdowns/gender/1/fte": DERIVED,
        "/breakdowns/gender/1/headcount": SECONDARY,  # 30 protects the 4
        "/breakdowns/gender/2/fte": DERIVED,
        "/breakdowns/gender/2/headcount": PRIMARY,
    }
    rows = out["breakdowns"]["gender"]
    assert out.is_small(rows[2], "headcount")
    assert not out.is_small(rows[1], "headcount")
    assert out.reason(rows[0], "headcount") is None
    assert out.reason(rows[2], "fte") == DERIVED
    assert json.loads(json.dumps(out)) == dict(out)  # serialises as the plain data
    assert raw["breakdowns"]["gender"][2]["headcount"] == 4  # the raw panel is untouched


def test_a_figure_hidden_without_a_recorded_reason_counts_as_secondary() -> None:
    out = Published({"rows": [{"n": None}]})
    assert out.reason(out["rows"][0], "n") == SECONDARY
    assert not out.is_small(out["rows"][0], "n")


def test_reasons_survive_a_copy_of_the_published_panel() -> None:
    out = publish("headcount", {"headcount": 3, "fte": 2.5})
    assert out.hidden == {"/fte": DERIVED, "/headcount": PRIMARY}
    copied = copy.deepcopy(out)
    assert copied.is_small(copied, "headcount")


def test_mobility_matrix_lists_a_hidden_zero_cell_so_that_it_does_not_read_as_zero() -> None:
    ministries = [{"id": i, "name": f"M{i}", "code": f"m{i}"} for i in (1, 2, 3)]
    moves = [
        {"from": 1, "to": 2, "persons": 3},
        {"from": 1, "to": 3, "persons": 40},
        {"from": 2, "to": 1, "persons": 50},
        {"from": 2, "to": 3, "persons": 60},
        {"from": 3, "to": 1, "persons": 70},
        {"from": 3, "to": 2, "persons": 80},
    ]
    out = publish("mobility_matrix", {"year": 2024, "ministries": ministries, "moves": moves})
    # 1 -> 2 (3) is small; 1 -> 3 and 3 -> 2 protect it in its row and column, and the zero 3 -> 3 closes the
    # cycle (else 3 -> 2 would follow from the margins): it is listed as hidden, not left out (which reads 0)
    assert [(m["from"], m["to"], m["persons"]) for m in out["moves"]] == [
        (1, 2, None),
        (1, 3, None),
        (2, 1, 50),
        (2, 3, 60),
        (3, 1, 70),
        (3, 2, None),
        (3, 3, None),
    ]
    assert out.hidden == {
        "/moves/0/persons": PRIMARY,
        "/moves/1/persons": SECONDARY,
        "/moves/5/persons": SECONDARY,
        "/moves/6/persons": SECONDARY,
    }
    assert (out["from_totals"], out["to_totals"]) == ({1: 43, 2: 110, 3: 150}, {1: 120, 2: 83, 3: 100})


def test_secondments_up_to_a_year_are_not_given_away_by_the_difference() -> None:
    # 15 running, 12 over a year: publishing both would say 3 are up to a year. 12 beside the "< 10" would
    # leave it 1..5 (rule 4), so the total goes instead.
    out = publish("secondments", {"secondments": 15, "over_one_year": 12, "register": [{"person": 1}]})
    assert (out["secondments"], out["over_one_year"], out["up_to_one_year"]) == (None, 12, None)
    assert out.hidden == {"/secondments": SECONDARY, "/up_to_one_year": PRIMARY}
    assert "register" not in out
    shown = publish("secondments", {"secondments": 40, "over_one_year": 12, "register": []})
    assert (shown["secondments"], shown["over_one_year"], shown["up_to_one_year"]) == (40, 12, 28)
    small = publish("secondments", {"secondments": 4, "over_one_year": 4, "register": []})
    assert small.hidden == {"/over_one_year": PRIMARY, "/secondments": PRIMARY}
    assert small["up_to_one_year"] == 0


def _group(name: str, headcount: int, women: int) -> dict[str, object]:
    return {"group": name, "headcount": headcount, "women": women, "women_share": round(women / headcount, 4)}


def test_diversity_groups_do_not_give_away_scale_14_by_subtracting_the_top_from_14_plus() -> None:
    raw = {
        "women": [
            _group("all", 400, 200),
            _group("10-13", 200, 100),
            _group("14+", 60, 25),  # scale 14: 40 people, 20 women ...
            _group("top", 20, 5),  # ... and the top: 20 people, 5 women
        ],
        "age_balance": [
            {"group": "<35", "headcount": 100, "share": 0.25},
            {"group": "35-54", "headcount": 200, "share": 0.5},
            {"group": "55+", "headcount": 100, "share": 0.25},
        ],
    }
    out = publish("diversity", raw)
    women = {g["group"]: (g["headcount"], g["women"], g["women_share"]) for g in out["women"]}
    assert women["top"][1] is None  # 5 women: "< 10"
    assert out.is_small(out["women"][3], "women")
    # 14+ women minus top women would be scale 14's women, so 14+ women go too (x, not "< 10")
    assert women["14+"][1] is None
    assert out.reason(out["women"][2], "women") == SECONDARY
    assert (women["14+"][2], women["top"][2]) == (None, None)  # the shares go with them
    assert out.reason(out["women"][2], "women_share") == DERIVED
    assert women["all"] == (400, 200, 0.5)  # the headcount of the page stays


def test_diversity_with_every_group_large_is_published_whole() -> None:
    raw = {
        "women": [
            _group("all", 400, 200),
            _group("10-13", 200, 100),
            _group("14+", 60, 25),
            _group("top", 20, 10),
        ],
        "age_balance": [{"group": "<35", "headcount": 400, "share": 1.0}],
    }
    out = publish("diversity", raw)
    assert [(g["headcount"], g["women"]) for g in out["women"]] == [
        (400, 200),
        (200, 100),
        (60, 25),
        (20, 10),
    ]
    assert out.hidden == {}


def test_a_series_whose_known_total_cannot_protect_its_marks_is_hidden_whole_as_x() -> None:
    # 1, 2 and 12 with the headcount 15 published anyway: "< 10", "< 10" and x summing to 15 would say the x
    # is 10..13 and the two small ones 2..5 together; every figure is hidden, marked x
    rows = [{"key": k, "headcount": n, "fte": float(n)} for k, n in (("a", 1), ("b", 2), ("c", 12))]
    out = publish("breakdowns", {"breakdowns": {"scale_group": rows}})
    assert [r["headcount"] for r in out["breakdowns"]["scale_group"]] == [None, None, None]
    assert {p: r for p, r in out.hidden.items() if p.endswith("headcount")} == {
        f"/breakdowns/scale_group/{k}/headcount": SECONDARY for k in range(3)
    }
    # with a large enough complement the marks stay: 3 is "< 10", 30 protects it (x), 120 is shown
    rows = [{"key": k, "headcount": n, "fte": float(n)} for k, n in (("a", 3), ("b", 30), ("c", 120))]
    out = publish("breakdowns", {"breakdowns": {"scale_group": rows}})
    assert [r["headcount"] for r in out["breakdowns"]["scale_group"]] == [None, None, 120]
    assert out.is_small(out["breakdowns"]["scale_group"][0], "headcount")


def test_a_figure_a_rule_hid_without_a_reason_is_listed_as_secondary() -> None:
    # the MPP rule hides a small job family's figures without recording why: they are listed all the same
    raw = {
        "job_families": [
            {
                "job_family": "ict",
                "headcount": 4,
                "fte": 3.5,
                "net_mobility_fte": 0.0,
                "years": [{"year": 2026, "supply": 3.4, "demand": 3.6, "gap": -0.2}],
            }
        ]
    }
    out = publish("mpp", raw)
    assert out.hidden == {
        "/job_families/0/fte": SECONDARY,
        "/job_families/0/headcount": SECONDARY,
        "/job_families/0/net_mobility_fte": SECONDARY,
        "/job_families/0/years/0/demand": SECONDARY,
        "/job_families/0/years/0/gap": SECONDARY,
        "/job_families/0/years/0/supply": SECONDARY,
    }
    # a null the panel itself reports (an unknown year) is no suppression
    flows = publish(
        "ict",
        {
            "headcount": 40,
            "fte": 38.0,
            "external": {"headcount": 0, "fte": 0.0},
            "years": [{"year": 2014, "inflow": None, "mobility": None, "outflow": None}],
        },
    )
    assert flows.hidden == {}
