# SPDX-License-Identifier: EUPL-1.2
"""MPP scenarios and the Vaardigheden panel at the Rijk's scale: what a user waits for on those pages.

Setup (not timed): a generated Rijk with ``--people`` in service at the reference date (generated and loaded,
portfolios included, when the database does not hold one; the ESCO bundle loaded first when no taxonomy is), its
analytical store refreshed, and — because the generator makes no opportunities — ``--opportunities`` published
opportunities (marked "bench planning") spread over the organisations, each asking 2–6 skills drawn from the
skills in profiles, about two in three essential (fixed seed; made once, reused by later runs).

Timed, each the best of ``--repeat`` runs (``*_first_s``: the first run):

* the Vaardigheden panel uncached (``workforce.access._skills_published``: population, shared profiles,
  opportunities, ``domain.analytics.skill_gap``, suppression) for the Rijk, the largest ministry and one of
  its directorates;
* a saved MPP scenario's published result (``panels.mpp`` + total + suppression) for the largest ministry on
  the loaded warehouse, and the comparison of four scenarios (what the comparison page computes).

JSON keys: bench, people, opportunities, sharing, skills_rijk_first_s, skills_rijk_s, skills_ministry_s,
skills_unit_s, mpp_scenario_ms, mpp_compare4_ms, load_avg (1-minute load average before and after), rss_mb.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from collections.abc import Callable
from typing import Any, TextIO

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from rijksportfolio.bench.report import emit, rss_mb

MARK = "bench planning"


def add_arguments(parser: Any) -> None:
    parser.add_argument("--people", type=int, default=155_000, help="Headcount at the reference date.")
    parser.add_argument("--opportunities", type=int, default=2_000, help="Published opportunities (setup).")
    parser.add_argument("--repeat", type=int, default=3, help="Timed runs (best counts; default 3).")


def _headcount_at(day: dt.date) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(DISTINCT person_id) FROM people_employment "
            "WHERE start_date <= %s AND (end_date IS NULL OR end_date >= %s)",
            [day, day],
        )
        return int(cursor.fetchone()[0])


def _opportunities(n: int) -> int:
    """Published opportunities for the benchmark (made once; the generator makes none)."""
    from rijksportfolio.opportunities.models import Opportunity, OpportunitySkill
    from rijksportfolio.organisations.models import Organisation
    from rijksportfolio.people.models import Person
    from rijksportfolio.portfolios.models import PortfolioSkill

    existing = Opportunity.objects.filter(description=MARK).count()
    if existing >= n:
        return existing
    rng = random.Random(5)
    orgs = list(Organisation.objects.order_by("id").values_list("id", flat=True))
    skills = sorted(set(PortfolioSkill.objects.values_list("skill_id", flat=True)[:200_000]))
    owner = Person.objects.order_by("id").first()
    if not orgs or not skills or owner is None:
        return existing
    made = Opportunity.objects.bulk_create(
        Opportunity(
            kind="project",
            title=f"Benchmarkproject {k}",
            description=MARK,
            organisation_id=rng.choice(orgs),
            work_mode="hybride",
            owner=owner,
            status="gepubliceerd",
        )
        for k in range(n - existing)
    )
    OpportunitySkill.objects.bulk_create(
        OpportunitySkill(opportunity=o, skill_id=s, essential=rng.random() < 0.67)
        for o in made
        for s in rng.sample(skills, rng.randint(2, 6))
    )
    return n


def _best(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """(first, best) seconds of ``repeat`` runs, and the last result."""
    times = []
    result = None
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return times[0], min(times), result


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from rijksportfolio.domain.analytics import mpp as mpp_rules, panels as P
    from rijksportfolio.domain.analytics.publish import publish
    from rijksportfolio.people.loading import generated_rijk_create, generated_rijk_load
    from rijksportfolio.skills.models import TaxonomyVersion
    from rijksportfolio.workforce import access, store
    from rijksportfolio.workforce.selectors import warehouse

    people = options["people"]
    repeat = options["repeat"]
    ref = dt.date.fromisoformat(str(settings.GENERATOR_REFERENCE_DATE))
    peil = ref + dt.timedelta(days=1)
    if _headcount_at(ref) != people:
        if not TaxonomyVersion.objects.exists():  # without ESCO, nobody gets a skill: nothing to count
            stdout.write("Loading the ESCO taxonomy bundle (setup, not timed)…\n")
            call_command("taxonomy", "load-bundle", stdout=stdout)
        stdout.write(f"Generating a Rijk of {people:,} people (setup, not timed)…\n")
        rijk, nodes = generated_rijk_create(people=people, seed=1, reference_date=ref)
        generated_rijk_load(rijk=rijk, nodes=nodes)
    settings.ANALYTICS_DIR = settings.DATA_DIR / f"bench-planning-{people}"
    store.refresh(full=True)
    opportunities = _opportunities(options["opportunities"])
    ministry = _largest(depth=0, peil=peil)
    unit = _largest(depth=1, peil=peil, under=ministry)
    load_avg = round(os.getloadavg()[0], 2)

    rijk_first, rijk_best, rijk = _best(lambda: access._skills_published(None, peil), repeat)
    _f, ministry_best, _r = _best(lambda: access._skills_published(ministry, peil), repeat)
    _f, unit_best, _r = _best(lambda: access._skills_published(unit, peil), repeat)

    wh = warehouse()
    scope = P.Scope(organisations=(ministry.pk,))
    scenarios = [
        P.Scenario(growth_pct=g, technology_pct={"execution": t}, horizon=h)
        for g, t, h in ((1.0, 10.0, 12), (-1.0, 20.0, 12), (0.0, 30.0, 8), (2.5, 0.0, 6))
    ]

    def result(s: P.Scenario) -> dict[str, Any]:
        return publish("mpp", mpp_rules.with_total(P.mpp(wh, peil, scope, s)))

    result(scenarios[0])  # the attrition rates are fitted once per warehouse
    _f, scenario_best, _r = _best(lambda: result(scenarios[0]), repeat)
    _f, compare_best, _r = _best(lambda: mpp_rules.comparison([result(s) for s in scenarios]), repeat)

    figures = {
        "bench": "planning",
        "people": people,
        "opportunities": opportunities,
        "sharing": rijk["sharing"],
        "skills_rijk_first_s": round(rijk_first, 3),
        "skills_rijk_s": round(rijk_best, 3),
        "skills_ministry_s": round(ministry_best, 3),
        "skills_unit_s": round(unit_best, 3),
        "mpp_scenario_ms": round(scenario_best * 1000, 1),
        "mpp_compare4_ms": round(compare_best * 1000, 1),
        "load_avg": [load_avg, round(os.getloadavg()[0], 2)],
        "rss_mb": rss_mb(),
    }
    rows = [
        ("Vaardigheden, the Rijk (first run)", round(rijk_first, 3)),
        ("Vaardigheden, the Rijk", round(rijk_best, 3)),
        (f"Vaardigheden, {ministry.name}", round(ministry_best, 3)),
        (f"Vaardigheden, {unit.name}", round(unit_best, 3)),
        (f"MPP scenario result, {ministry.name}", round(scenario_best, 3)),
        ("MPP comparison of 4 scenarios", round(compare_best, 3)),
    ]
    emit(
        stdout,
        f"bench planning: {people:,} people, {opportunities:,} published opportunities, peildatum {peil} "
        f"(load average {load_avg})",
        rows,
        ["what", "seconds"],
        figures,
    )


def _largest(*, depth: int, peil: dt.date, under: Any = None) -> Any:
    """The organisation at ``depth`` (under ``under``) with the most people in service on ``peil``."""
    from rijksportfolio.organisations.models import Organisation

    candidates = Organisation.objects.filter(depth=depth)
    if under is not None:
        candidates = candidates.filter(path__startswith=under.path)
    best, most = None, -1
    for org in candidates:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(DISTINCT e.person_id) FROM people_employment e "
                "JOIN organisations_organisation o ON o.id = e.organisation_id "
                "WHERE o.path LIKE %s AND e.start_date <= %s AND (e.end_date IS NULL OR e.end_date >= %s)",
                [org.path + "%", peil, peil],
            )
            n = int(cursor.fetchone()[0])
        if n > most:
            best, most = org, n
    return best
