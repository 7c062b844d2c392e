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
    people: Mapping[int, Any],
    sharing: Iterable[tuple[int, int]],
    asked: Iterable[tuple[int, Any, int, bool]],
    top: int = TOP,
    threshold: int = DEFAULT_THRESHOLD,
) -> dict[str, Any]:
    """``people``: person id -> unit (the organisation one level below the scope the person counts in, each
    person once); ``sharing``: (person id, skill id) of the skills in profiles visible Rijk-wide; ``asked``:
    (opportunity id, unit, skill id, essential) of published opportunities in scope.

    Returns headcount and sharers in scope, the number of published opportunities, the top skills present
    (by persons), the top skills asked (by weight) with the persons present, the scarcest skills and per unit
    the headcount, sharers and opportunities."""
    present: dict[int, set[int]] = {}
    sharers: set[int] = set()
    for person_id, skill_id in sharing:
        if person_id in people:
            present.setdefault(skill_id, set()).add(person_id)
            sharers.add(person_id)
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
        return len(present.get(skill_id, ()))

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
    units: dict[Any, dict[str, Any]] = {}
    for person_id, unit in people.items():
        row = units.setdefault(unit, {"unit": unit, "headcount": 0, "sharing": 0, "opportunities": 0})
        row["headcount"] += 1
        row["sharing"] += person_id in sharers
    for unit, ids in opportunities_per_unit.items():
        units.setdefault(unit, {"unit": unit, "headcount": 0, "sharing": 0, "opportunities": 0})
        units[unit]["opportunities"] = len(ids)
    return {
        "headcount": len(people),
        "sharing": len(sharers),
        "opportunities": len(opportunities),
        "present": [{"skill": s, "people": count(s)} for s in top_present],
        "asked": [asked_row(s) for s in top_asked],
        "scarce": [asked_row(s) for s in scarce],
        "units": list(units.values()),
    }
