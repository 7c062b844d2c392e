# SPDX-License-Identifier: EUPL-1.2
"""The Django side of the fairness monitor (docs/matching.md, "Fairness monitor").

The benchmark queries (``domain.matching.benchmark``) are built from the taxonomy in the database and run, for
a scope, through this process's live index as a search by a civil servant without grants would: only people who
consented and whose skills profile everyone may see, in the scope's organisations. The engine never sees a
group: gender and date of birth are read here, for the people of the population only, *after* every query was
answered, and joined by person id (``domain.matching.fairness``). Nothing person-level leaves this module; the
caller stores and shows :func:`~rijksportfolio.domain.matching.fairness.published` figures only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from django.utils.translation import gettext_lazy

from rijksportfolio.domain.matching import Filters, Opportunity
from rijksportfolio.domain.matching.benchmark import RIJK_OCCUPATIONS, benchmark_queries
from rijksportfolio.domain.matching.fairness import (
    AGE,
    GENDER,
    FairnessReport,
    QueryOutcome,
    age_band,
    fairness_report,
)
from rijksportfolio.matching.adapter import skill_key
from rijksportfolio.matching.index import Loaded
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.constants import Gender
from rijksportfolio.people.models import Person
from rijksportfolio.skills.models import OccupationSkill

_CHUNK = 20_000

AGE_LABELS = {
    "<30": gettext_lazy("Jonger dan 30"),
    "30-44": gettext_lazy("30 tot en met 44"),
    "45-54": gettext_lazy("45 tot en met 54"),
    "55+": gettext_lazy("55 en ouder"),
}


def group_label(dimension: str, group: str) -> str:
    """A group as the monitor names it (the page and the API): a gender or an age band."""
    if dimension == GENDER:
        return str(dict(Gender.choices).get(group, group))
    return str(AGE_LABELS.get(group, group))


def benchmark_set() -> list[Opportunity]:
    """The benchmark queries with the database's skill ids (the same set on every run)."""
    rows = OccupationSkill.objects.filter(
        occupation__uri__in=RIJK_OCCUPATIONS, skill__is_group=False
    ).values_list("occupation__uri", "skill__uri", "skill_id", "relation_type")
    skills_of: dict[str, tuple[list[str], list[str]]] = {}
    keys: dict[str, str] = {}
    for occupation, skill_uri, skill_id, relation in rows:
        pair = skills_of.setdefault(occupation, ([], []))
        pair[0 if relation == "essential" else 1].append(skill_uri)
        keys[skill_uri] = skill_key(skill_id)
    return benchmark_queries(skills_of, key=keys.get)


def scope_filters(organisation: Organisation | None) -> Filters:
    """The Rijk (no filter), or an organisation and everything under it."""
    if organisation is None:
        return Filters()
    ids = Organisation.objects.filter(path__startswith=organisation.path).values_list("pk", flat=True)
    return Filters(organisation_ids=frozenset(ids))


def group_labels(*, person_ids: Sequence[int], on: dt.date) -> dict[str, list[str]]:
    """Gender and age band on ``on`` per person, aligned with ``person_ids`` (for the aggregate only)."""
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(person_ids), _CHUNK):
        chunk = list(person_ids[start : start + _CHUNK])
        for pk, gender, birth in Person.objects.filter(pk__in=chunk).values_list(
            "pk", "gender", "date_of_birth"
        ):
            found[pk] = (gender or "unknown", age_band(birth, on))
    missing = ("unknown", "unknown")  # a person removed between the build of the index and now
    labels = [found.get(pk, missing) for pk in person_ids]
    return {GENDER: [g for g, _a in labels], AGE: [a for _g, a in labels]}


def measure(
    *, loaded: Loaded, organisation: Organisation | None, top_k: int, score_threshold: float, on: dt.date
) -> FairnessReport:
    """Run the benchmark set for the scope through ``loaded.index`` and compute the report."""
    filters = scope_filters(organisation)
    engine = loaded.index
    outcomes = []
    for query in benchmark_set():
        query = dataclasses.replace(query, filters=filters)
        top = [r.person_id for r in engine.search(query, top_k)]
        ids, scores = engine.scores(query)
        outcomes.append(QueryOutcome(top=top, scoring=ids[scores >= score_threshold].tolist()))
    # Only now, after the engine answered every query: who is in which group.
    population = engine.eligible(filters).tolist()
    labels = group_labels(person_ids=population, on=on)
    return fairness_report(outcomes, population, labels, top_k=top_k, score_threshold=score_threshold)
