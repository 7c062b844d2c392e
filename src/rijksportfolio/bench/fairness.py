# SPDX-License-Identifier: EUPL-1.2
"""Fairness monitor on the synthetic Rijk: selection and scoring rates per gender and age band.

The synthetic Rijk of ``rijksportfolio generate`` (same generator, seed and reference date, in memory: no
database) with its portfolios drawn from the packaged ESCO bundle: skills profiles whose levels rise with years
in the occupation and salary scale, visibility choices and matching consent. The engine indexes what a search
by a civil servant without grants could return (consent, skills profile visible; *op aanvraag* is restricted),
exactly as the adapter does; text is left out (the benchmark queries have none). The benchmark queries
(``domain.matching.benchmark``: the 78 Rijk occupations at three minimum levels, 234 in all; ``--queries``
takes the first Q) run without filters. Afterwards, and only here, each person's gender and age band on the
reference date are joined by person id; ``domain.matching.fairness`` computes the rates, impact ratios,
insufficient groups (< 10 people) and flags (< 0.8). The table shows the published figures (group sizes
through small-cell suppression).

JSON keys: bench, people, queries, top_k, score_threshold, population, min_impact_ratio_gender,
min_impact_ratio_age, flagged, min_scoring_ratio_gender, min_scoring_ratio_age, flagged_groups, insufficient,
seconds, generate_s, build_s, monitor_s, reference_date, seed, algorithm_version, rss_mb.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from typing import Any, TextIO

import numpy as np

from rijksportfolio.bench.report import emit, rss_mb
from rijksportfolio.domain.matching import ALGORITHM_VERSION, Filters, MatchIndex, PersonProfile, Taxonomy
from rijksportfolio.domain.matching.benchmark import benchmark_queries
from rijksportfolio.domain.matching.fairness import (
    AGE,
    GENDER,
    SCORE_THRESHOLD,
    QueryOutcome,
    age_band,
    fairness_report,
    published,
)
from rijksportfolio.domain.visibility import SECTIONS, VISIBILITIES

USES_DATABASE = False  # the bench command needs no migrated database for it


def add_arguments(parser: Any) -> None:
    parser.add_argument("--people", type=int, default=155_000, help="Headcount at the reference date.")
    parser.add_argument(
        "--queries", type=int, default=None, help="The first Q benchmark queries (default all)."
    )
    parser.add_argument("--top-k", type=int, default=50)
    parser.add_argument("--score-threshold", type=float, default=SCORE_THRESHOLD)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reference-date", default=None, help="YYYY-MM-DD (default the generator's).")


def synthetic_profiles(
    people: int, seed: int, reference_date: dt.date, data: Any
) -> tuple[list[PersonProfile], set[int], Any, dict[str, int]]:
    """(profiles, restricted person ids, the generated Rijk, skill id by URI) of the synthetic Rijk."""
    from rijksportfolio.domain.generator.portfolios import generate_portfolios
    from rijksportfolio.people.loading import generated_rijk_create

    rijk, nodes = generated_rijk_create(people=people, seed=seed, reference_date=reference_date)
    skill_ids = {
        uri: i for i, uri in enumerate(sorted(u for u, s in data.skills.items() if not s["is_group"]))
    }
    by_occupation: dict[str, tuple[list[int], list[int]]] = {}
    for (occupation, skill), relation in sorted(data.occupation_skills.items()):
        if skill in skill_ids:
            pair = by_occupation.setdefault(occupation, ([], []))
            pair[0 if relation == "essential" else 1].append(skill_ids[skill])
    table = [by_occupation.get(uri, ([], [])) for uri in rijk.occupations]
    labels = {
        skill_ids[u]: s["preferred_label_nl"] or s["preferred_label_en"]
        for u, s in data.skills.items()
        if u in skill_ids
    }
    by_code = {n.code: n for n in nodes}
    employers = [by_code[by_code[code].unit_code].name for code in rijk.leaf_codes]
    drawn = generate_portfolios(
        rijk, occupation_skills=table, skill_labels=labels, employer_of_leaf=employers, seed=seed
    )
    skills_col = SECTIONS.index("vaardigheden")
    private, on_request = VISIBILITIES.index("alleen_ik"), VISIBILITIES.index("op_aanvraag")
    bounds = np.searchsorted(drawn.skill_portfolio, np.arange(drawn.portfolios + 1))
    skill_id, level = drawn.skill_id.tolist(), drawn.skill_level.tolist()
    profiles: list[PersonProfile] = []
    restricted: set[int] = set()
    for i in range(drawn.portfolios):
        visibility = int(drawn.visibility[i, skills_col])
        if not drawn.consent[i] or visibility == private:
            continue  # never indexed: no consent, or nobody else may see the skills
        person_id = int(drawn.person[i]) + 1
        a, b = int(bounds[i]), int(bounds[i + 1])
        profiles.append(
            PersonProfile(
                person_id=person_id,
                skills={str(s): lv for s, lv in zip(skill_id[a:b], level[a:b], strict=True)},
                hours_available=float(drawn.hours[i]),
                consent=True,
            )
        )
        if visibility == on_request:
            restricted.add(person_id)
    return profiles, restricted, rijk, skill_ids


def _status(group: dict[str, Any]) -> str:
    if not group["sufficient"]:
        return "insufficient (< 10 people)"
    if group["flags"]:
        return "FLAGGED: " + ", ".join(group["flags"]) + " ratio < 0.8"
    return "ok"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.3f}%"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def rows_for(data: dict[str, Any]) -> list[Sequence[Any]]:
    """One table row per group of the published report."""
    rows: list[Sequence[Any]] = []
    for dimension in data["dimensions"]:
        for g in dimension["groups"]:
            people = g["people"]
            rows.append(
                (
                    dimension["dimension"],
                    g["group"],
                    "x" if people is None else people,
                    _pct(g["selection_rate"]),
                    _ratio(g["selection_ratio"]),
                    _pct(g["scoring_rate"]),
                    _ratio(g["scoring_ratio"]),
                    _status(g),
                )
            )
    return rows


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from django.conf import settings

    from rijksportfolio.bench.matching import taxonomy_from_bundle
    from rijksportfolio.skills.esco import read_bundle

    started = time.perf_counter()
    reference = dt.date.fromisoformat(options.get("reference_date") or str(settings.GENERATOR_REFERENCE_DATE))
    top_k, threshold, seed = options["top_k"], options["score_threshold"], options["seed"]
    data = read_bundle()
    t0 = time.perf_counter()
    profiles, restricted, rijk, skill_ids = synthetic_profiles(options["people"], seed, reference, data)
    generate_s = time.perf_counter() - t0
    bundle_taxonomy = taxonomy_from_bundle(data)
    taxonomy = Taxonomy(
        {str(skill_ids[u]): label for u, label in bundle_taxonomy.labels.items() if u in skill_ids},
        broader=[
            (str(skill_ids[a]), str(skill_ids[b]))
            for a, b in data.broader
            if a in skill_ids and b in skill_ids
        ],
        related=[
            (str(skill_ids[a]), str(skill_ids[b]))
            for a, b in data.skill_relations
            if a in skill_ids and b in skill_ids
        ],
    )
    t0 = time.perf_counter()
    index = MatchIndex.build(profiles, taxonomy, restricted=restricted)
    build_s = time.perf_counter() - t0
    del profiles

    t0 = time.perf_counter()
    skills_of: dict[str, tuple[list[str], list[str]]] = {}
    for (occupation, skill), relation in data.occupation_skills.items():
        pair = skills_of.setdefault(occupation, ([], []))
        pair[0 if relation == "essential" else 1].append(skill)
    queries = benchmark_queries(
        skills_of, key=lambda uri: str(skill_ids[uri]) if uri in skill_ids else None, count=options["queries"]
    )
    outcomes = []
    for q in queries:
        top = [r.person_id for r in index.search(q, top_k)]
        ids, scores = index.scores(q)
        outcomes.append(QueryOutcome(top=top, scoring=ids[scores >= threshold].tolist()))
    # Only now, outside the engine: who is who.
    population = index.eligible(Filters())
    rows = population - 1
    births = rijk.birth[rows].astype("datetime64[D]").astype(object)
    labels = {
        GENDER: ["female" if f else "male" for f in rijk.female[rows].tolist()],
        AGE: [age_band(b, reference) for b in births],
    }
    report = fairness_report(outcomes, population.tolist(), labels, top_k=top_k, score_threshold=threshold)
    monitor_s = time.perf_counter() - t0
    data_out = published(report)
    flagged = report.flagged
    emit(
        stdout,
        f"bench fairness: synthetic Rijk of {options['people']:,} people on {reference} (seed {seed}), "
        f"{len(queries)} benchmark queries, top-{top_k}, scoring threshold {threshold}; population "
        f"{report.population:,} (consenting, skills visible without a grant) ({ALGORITHM_VERSION})",
        rows_for(data_out),
        [
            "dimension",
            "group",
            "people",
            f"selection rate top-{top_k}",
            "impact ratio",
            f"scoring rate (≥ {threshold})",
            "scoring ratio",
            "status",
        ],
        {
            "bench": "fairness",
            "people": options["people"],
            "queries": len(queries),
            "top_k": top_k,
            "score_threshold": threshold,
            "population": data_out["population"],
            "min_impact_ratio_gender": _rounded(report.dimension(GENDER).min_ratio("selection")),
            "min_impact_ratio_age": _rounded(report.dimension(AGE).min_ratio("selection")),
            "flagged": len(flagged),
            "min_scoring_ratio_gender": _rounded(report.dimension(GENDER).min_ratio("scoring")),
            "min_scoring_ratio_age": _rounded(report.dimension(AGE).min_ratio("scoring")),
            "flagged_groups": [f"{d}:{g}:{m}" for d, g, m in flagged],
            "insufficient": len(report.insufficient),
            "seconds": round(time.perf_counter() - started, 2),
            "generate_s": round(generate_s, 2),
            "build_s": round(build_s, 2),
            "monitor_s": round(monitor_s, 2),
            "reference_date": str(reference),
            "seed": seed,
            "algorithm_version": ALGORITHM_VERSION,
            "rss_mb": rss_mb(),
        },
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
