# SPDX-License-Identifier: EUPL-1.2
"""The Vaardigheden panel: skills present (shared skills profiles) against skills asked (published
opportunities) in an organisation subtree, and the scarcest skills. Plain data in, plain data out; the
platform's selectors gather the inputs (docs/stuurinformatie.md "Vaardigheden"), ``publish`` hides small
counts of people.

* **Present**: per skill the persons in scope whose skills profile is visible Rijk-wide and holds it.
* **Asked**: per skill the published opportunities of organisations in scope that require it, and a weight:
  ``ESSENTIAL_WEIGHT`` for an essential requirement, ``OPTIONAL_WEIGHT`` for an optional one.
* **Coverage** = present / weight: persons who have the skill per unit of demand. The scarcest skills are
  those asked with the lowest coverage (ties: the higher weight first, then the skill id).

Ranking uses published figures only: a present count of 1–9, which will be hidden, is ranked as if it were
``threshold / 2`` (the middle of the hidden band), so that the order of the list does not tell more about a
hidden count than the mark ``x`` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rijksportfolio.domain.suppression import DEFAULT_THRESHOLD

ESSENTIAL_WEIGHT = 2.0
OPTIONAL_WEIGHT = 1.0
TOP = 20  # rows per list


def _ranked_present(people: int, threshold: int) -> float:
    return threshold / 2 if 0 < people < threshold else float(people)


def skills_supply_demand(
    *,
    units: Iterable[tuple[Any, int, int]],
    present: Mapping[int, int],
    asked: Iterable[tuple[int, Any, int, bool]],
    top: int = TOP,
    threshold: int = DEFAULT_THRESHOLD,
) -> dict[str, Any]:
    """``units``: (unit, headcount, sharers) per unit one level below the scope, every person of the
    population counted once, in the unit of their main record; sharers are those whose skills profile visible
    Rijk-wide holds at least one skill. The order of ``units`` is kept (suppression breaks ties by position).
    ``present``: skill id -> persons of the population whose skills profile visible Rijk-wide holds it (skills
    nobody holds may be left out). ``asked``: (opportunity id, unit, skill id, essential) of published
    opportunities in scope.

    The database counts ``units`` and ``present`` (``workforce.selectors.personnel_unit_counts``,
    ``portfolios.selectors.skills_shared_rijk_wide_counts``): at the Rijk's scale they stand for some 390,000
    (person, skill) pairs.

    Returns headcount and sharers in scope, the number of published opportunities, the top skills present
    (by persons), the top skills asked (by weight) with the persons present, the scarcest skills and per unit
    the headcount, sharers and opportunities."""
    present = {skill_id: n for skill_id, n in present.items() if n > 0}
    weight: dict[int, float] = {}
    essential: dict[int, set[int]] = {}
    asking: dict[int, set[int]] = {}
    opportunities_per_unit: dict[Any, set[int]] = {}
    opportunities: set[int] = set()
    for opportunity_id, unit, skill_id, is_essential in asked:
        opportunities.add(opportunity_id)
        opportunities_per_unit.setdefault(unit, set()).add(opportunity_id)
        if opportunity_id in asking.setdefault(skill_id, set()):
            continue  # one requirement per opportunity and skill
        asking[skill_id].add(opportunity_id)
        weight[skill_id] = weight.get(skill_id, 0.0) + (ESSENTIAL_WEIGHT if is_essential else OPTIONAL_WEIGHT)
        if is_essential:
            essential.setdefault(skill_id, set()).add(opportunity_id)

    def count(skill_id: int) -> int:
        return present.get(skill_id, 0)

    def asked_row(skill_id: int) -> dict[str, Any]:
        n = count(skill_id)
        return {
            "skill": skill_id,
            "opportunities": len(asking[skill_id]),
            "essential": len(essential.get(skill_id, ())),
            "weight": weight[skill_id],
            "people": n,
            "coverage": round(n / weight[skill_id], 2),
        }

    top_present = sorted(present, key=lambda s: (-count(s), s))[:top]
    top_asked = sorted(weight, key=lambda s: (-weight[s], -len(asking[s]), s))[:top]
    scarce = sorted(weight, key=lambda s: (_ranked_present(count(s), threshold) / weight[s], -weight[s], s))[
        :top
    ]
    per_unit: dict[Any, dict[str, Any]] = {}
    for unit, headcount, sharing in units:
        row = per_unit.setdefault(unit, {"unit": unit, "headcount": 0, "sharing": 0, "opportunities": 0})
        row["headcount"] += headcount
        row["sharing"] += sharing
    for unit, ids in opportunities_per_unit.items():
        per_unit.setdefault(unit, {"unit": unit, "headcount": 0, "sharing": 0, "opportunities": 0})
        per_unit[unit]["opportunities"] = len(ids)
    return {
        "headcount": sum(row["headcount"] for row in per_unit.values()),
        "sharing": sum(row["sharing"] for row in per_unit.values()),
        "opportunities": len(opportunities),
        "present": [{"skill": s, "people": count(s)} for s in top_present],
        "asked": [asked_row(s) for s in top_asked],
        "scarce": [asked_row(s) for s in scarce],
        "units": list(per_unit.values()),
    }
