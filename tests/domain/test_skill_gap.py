# SPDX-License-Identifier: EUPL-1.2
"""The Vaardigheden panel on hand-made data: present against asked, the scarcest skills, per unit, and what
publication hides."""

from __future__ import annotations

from rijksportfolio.domain.analytics.publish import publish
from rijksportfolio.domain.analytics.skill_gap import skills_supply_demand

# skills: 1 = beleid (many present), 2 = data-analyse (asked much, 3 present), 3 = juridisch (asked, nobody),
# 4 = projectleiding (12 present, asked once, optional)
UNIT_A, UNIT_B = 100, 200


def _counts(people: dict[int, int], sharing: list[tuple[int, int]]) -> tuple[list, dict[int, int]]:
    """The straightforward count the database does at scale: per unit (in order of first person) headcount
    and sharers, per skill the persons in scope holding it."""
    in_scope = [(p, s) for p, s in sharing if p in people]
    sharers = {p for p, _s in in_scope}
    units: dict[int, list[int]] = {}
    for person, unit in people.items():
        row = units.setdefault(unit, [0, 0])
        row[0] += 1
        row[1] += person in sharers
    present: dict[int, int] = {}
    for _p, skill in set(in_scope):
        present[skill] = present.get(skill, 0) + 1
    return [(unit, n, m) for unit, (n, m) in units.items()], present


def _data() -> dict:
    people = {p: UNIT_A for p in range(1, 31)} | {p: UNIT_B for p in range(31, 46)}  # 30 + 15 people
    sharing = [(p, 1) for p in range(1, 26)]  # 25 share beleid (all in A)
    sharing += [(p, 2) for p in (1, 2, 31)]  # 3 share data-analyse
    sharing += [(p, 4) for p in range(31, 43)]  # 12 share projectleiding (all in B)
    sharing += [(999, 1)]  # someone outside the scope: not counted
    asked = [
        (10, UNIT_A, 2, True),
        (10, UNIT_A, 3, True),
        (11, UNIT_A, 2, True),
        (11, UNIT_A, 2, True),  # the same requirement twice: once
        (12, UNIT_B, 2, False),
        (12, UNIT_B, 1, True),
        (13, UNIT_B, 4, False),
    ]
    units, present = _counts(people, sharing)
    return skills_supply_demand(units=units, present=present, asked=asked)


def test_present_asked_and_coverage() -> None:
    data = _data()
    assert (data["headcount"], data["sharing"], data["opportunities"]) == (45, 37, 4)
    assert data["present"] == [
        {"skill": 1, "people": 25},
        {"skill": 4, "people": 12},
        {"skill": 2, "people": 3},
    ]
    asked = {row["skill"]: row for row in data["asked"]}
    # data-analyse: essential in 10 and 11 (2 + 2), optional in 12 (1)
    assert asked[2] == {
        "skill": 2, "opportunities": 3, "essential": 2, "weight": 5.0, "people": 3, "coverage": 0.6,
    }  # fmt: skip
    assert [row["skill"] for row in data["asked"]] == [2, 1, 3, 4]  # by weight, then opportunities, id
    assert asked[3]["coverage"] == 0.0


def test_scarcest_first_ranked_on_published_figures_only() -> None:
    data = _data()
    # juridisch: nobody (0); data-analyse: 3 present, hidden on publication, ranked as 5 / 5.0 = 1.0;
    # projectleiding 12 / 1.0 = 12; beleid 25 / 2.0 = 12.5
    assert [row["skill"] for row in data["scarce"]] == [3, 2, 4, 1]


def test_per_unit_headcount_sharers_and_opportunities() -> None:
    units = {u["unit"]: u for u in _data()["units"]}
    assert units[UNIT_A] == {"unit": UNIT_A, "headcount": 30, "sharing": 25, "opportunities": 2}
    assert units[UNIT_B] == {"unit": UNIT_B, "headcount": 15, "sharing": 12, "opportunities": 2}


def test_publication_hides_small_counts_of_people() -> None:
    out = publish("skills", _data())
    # per unit: sharing and not sharing (A: 25 / 5, B: 12 / 3) with margins; the 5 and 3 are hidden ("< 10"),
    # and with them what would give them away or narrow them below the 1-9 range a "< 10" must keep
    # (domain/suppression.py, rule 4): A's 25 and 30, B's 15; the 8 not sharing in total and the 37 sharing;
    # B's 12 stays (B's total is hidden); the Rijk's headcount stays
    units = {u["unit"]: (u["headcount"], u["sharing"]) for u in out["units"]}
    assert units == {UNIT_A: (None, None), UNIT_B: (None, 12)}
    assert out["headcount"] == 45
    assert out["sharing"] is None
    assert [row["skill"] for row in out["present"]] == [1, 4]  # data-analyse (3 people) is not listed
    asked = {row["skill"]: (row["people"], row["coverage"]) for row in out["asked"]}
    assert asked == {2: (None, None), 1: (25, 12.5), 3: (0, 0.0), 4: (12, 12.0)}
    assert _data()["asked"][0]["people"] == 3  # the raw panel is untouched


def test_unit_rows_keep_their_order_and_opportunity_only_units_follow() -> None:
    data = skills_supply_demand(
        units=[(UNIT_B, 12, 4), (UNIT_A, 20, 0)],
        present={1: 4, 2: 0},  # a skill nobody holds is not listed
        asked=[(10, 300, 1, True), (11, UNIT_A, 1, False)],
    )
    assert (data["headcount"], data["sharing"], data["opportunities"]) == (32, 4, 2)
    assert data["present"] == [{"skill": 1, "people": 4}]
    assert data["units"] == [
        {"unit": UNIT_B, "headcount": 12, "sharing": 4, "opportunities": 0},
        {"unit": UNIT_A, "headcount": 20, "sharing": 0, "opportunities": 1},
        {"unit": 300, "headcount": 0, "sharing": 0, "opportunities": 1},
    ]
