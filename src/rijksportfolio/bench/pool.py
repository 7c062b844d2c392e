# SPDX-License-Identifier: EUPL-1.2
"""Candidate-pool search latency: the whole audited search of a vacancy holder over the pool members.

``rijksportfolio bench pool [--entries 2000] [--queries 50] [--seed 1]``

The pool search builds a matching index of the pool members for every request (their profiles depend on
what *this* searcher may see of them), so its cost grows with the pool, not with the Rijk. The benchmark (its
command migrates the database first) writes inside one transaction that is rolled back at the end
``--entries`` synthetic pool members (person, current job, portfolio visible to the Rijk with about eight
skills at random levels and two items, one consented pool entry with a note) and a searching manager, and
runs ``--queries`` searches through ``candidate_pool.access.pool_search`` (one to four skills held in the
pool, free text from the notes for half of them): profile queries, index build, engine, the ranking log and
one audit row per member shown (buffered and written in one statement, as in a web request). Skills: the taxonomy in the database when it holds at least 500 skills,
else 2,000 synthetic skills with random broader and related edges (reported).

The searcher holds no grants, so the searches after the first reuse the per-process pool index (``p50_ms``,
``p95_ms``); ``cold_ms`` is a search that has to build it first, as after any change to the pool or to a
member's portfolio. Separately it times the parts of that build (``profiles_ms``: the profile queries;
``build_ms``: ``MatchIndex.build``) and the clean-up job deleting every entry as expired (``expire_s``).

JSON keys: bench, entries, queries, p50_ms, p95_ms, cold_ms, profiles_ms, build_ms, results_mean,
expire_s, taxonomy, skills, rss_mb (docs/performance.md).
"""

from __future__ import annotations

import statistics
import time
from datetime import date, timedelta
from typing import Any, TextIO

import numpy as np
from django.db import transaction
from django.utils import timezone

from rijksportfolio.bench.report import emit, rss_mb

WORDS = [
    "beleid",
    "advies",
    "informatiebeveiliging",
    "audit",
    "project",
    "data",
    "analyse",
    "juridisch",
    "financien",
    "inkoop",
    "communicatie",
    "toezicht",
    "ict",
    "architectuur",
    "privacy",
    "programma",
    "verandermanagement",
    "stakeholder",
    "onderzoek",
    "begroting",
]


def add_arguments(parser: Any) -> None:
    parser.add_argument("--entries", type=int, default=2000, help="pool members (default 2000)")
    parser.add_argument("--queries", type=int, default=50, help="searches (default 50)")
    parser.add_argument("--seed", type=int, default=1)


def _skills(rng: np.random.Generator) -> tuple[list[int], str]:
    from rijksportfolio.skills.models import Skill, SkillRelation

    ids = list(Skill.objects.filter(is_group=False).values_list("pk", flat=True))
    if len(ids) >= 500:
        return ids, "database"
    made = Skill.objects.bulk_create(
        Skill(
            uri=f"urn:bench:skill:{i}", preferred_label_nl=f"vaardigheid {i}", preferred_label_en=f"skill {i}"
        )
        for i in range(2000)
    )
    ids = [s.pk for s in made]
    through = Skill.broader.through
    pairs = rng.choice(len(ids), size=(1500, 2))
    through.objects.bulk_create(
        [through(from_skill_id=ids[a], to_skill_id=ids[b]) for a, b in pairs if a != b], ignore_conflicts=True
    )
    pairs = rng.choice(len(ids), size=(1500, 2))
    SkillRelation.objects.bulk_create(
        [SkillRelation(skill_id=ids[a], related_id=ids[b]) for a, b in pairs if a != b], ignore_conflicts=True
    )
    return ids, "synthetic"


def _pool(n: int, skill_ids: list[int], rng: np.random.Generator) -> tuple[Any, dict[int, list[int]]]:
    from rijksportfolio.accounts.constants import Role
    from rijksportfolio.accounts.models import User
    from rijksportfolio.accounts.services import role_assign
    from rijksportfolio.domain import candidate_pool as rules
    from rijksportfolio.matching.models import PoolEntry
    from rijksportfolio.organisations.models import Organisation
    from rijksportfolio.organisations.services import organisation_create
    from rijksportfolio.people.models import Employment, Person
    from rijksportfolio.portfolios.constants import SKILL_LEVEL_RANK
    from rijksportfolio.portfolios.models import SECTION_FIELDS, Item, ItemCategory, Portfolio, PortfolioSkill

    org = Organisation.objects.filter(code="bench-pool").first() or organisation_create(
        code="bench-pool", name="Benchmark kandidatenpool", kind="ministry"
    )
    now = timezone.now()
    people = Person.objects.bulk_create(
        Person(
            personnel_number=f"BP{i:08d}",
            first_name="Kandidaat",
            last_name=f"{i:06d}",
            date_of_birth=date(1980, 1, 1),
        )
        for i in range(n + 1)
    )
    searcher, members = people[0], people[1:]
    Employment.objects.bulk_create(
        Employment(
            person=p, organisation=org, job_title="Adviseur", job_family="beleid", work_type="policy",
            salary_scale=int(rng.integers(8, 14)), fte=1, contract_type="permanent", start_date=date(2020, 1, 1),
        )
        for p in people
    )  # fmt: skip
    visible = dict.fromkeys(SECTION_FIELDS.values(), "rijk")
    portfolios = Portfolio.objects.bulk_create(
        Portfolio(person=p, available_hours_per_week=int(rng.choice([0, 8, 16, 36])), **visible)
        for p in members
    )
    levels = list(SKILL_LEVEL_RANK)
    held: dict[int, list[int]] = {}
    skill_rows = []
    for portfolio in portfolios:
        chosen = [int(s) for s in rng.choice(skill_ids, size=8, replace=False)]
        held[portfolio.person_id] = chosen
        skill_rows += [
            PortfolioSkill(portfolio=portfolio, skill_id=s, level=levels[int(rng.integers(4))])
            for s in chosen
        ]
    PortfolioSkill.objects.bulk_create(skill_rows, batch_size=5000)
    category = ItemCategory.objects.filter(key="cursus").first() or ItemCategory.objects.first()
    if category is not None:
        Item.objects.bulk_create(
            (
                Item(portfolio=pf, category=category, part=category.part, title=" ".join(rng.choice(WORDS, 3)), body=" ".join(rng.choice(WORDS, 12)))
                for pf in portfolios
                for _ in range(2)
            ),
            batch_size=5000,
        )  # fmt: skip
    PoolEntry.objects.bulk_create(
        (
            PoolEntry(
                person=p, note="Geschikt voor " + " ".join(rng.choice(WORDS, 8)), status="actief", proposed_at=now,
                answer_by=now + timedelta(days=rules.ANSWER_DAYS), consented_at=now, months=12,
                expires_at=rules.expires_at(start=now, months=12),
            )
            for p in members
        ),
        batch_size=5000,
    )  # fmt: skip
    user = User.objects.create(username="bench-pool-searcher", person=searcher)
    role_assign(user=user, role=Role.MANAGER, organisation=org)
    return user, held


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from rijksportfolio.audit.services import request_context_begin, request_context_end
    from rijksportfolio.domain.matching import MatchIndex
    from rijksportfolio.matching.candidate_pool import access, selectors, services
    from rijksportfolio.matching.candidate_pool.profiles import pool_profiles
    from rijksportfolio.matching.services import SkillWanted
    from rijksportfolio.skills.models import Skill

    rng = np.random.default_rng(options["seed"])
    n, q = options["entries"], options["queries"]
    with transaction.atomic():
        t0 = time.perf_counter()
        skill_ids, source = _skills(rng)
        user, held = _pool(n, skill_ids, rng)
        load_s = time.perf_counter() - t0
        access.taxonomy_forget()
        pool_skills = sorted({s for skills in held.values() for s in skills})
        by_pk = Skill.objects.in_bulk(pool_skills)
        access.pool_search(actor=user, text="beleid")  # warm-up: the taxonomy, once per index version
        times, results = [], []
        for i in range(q):
            chosen = rng.choice(pool_skills, size=int(rng.integers(1, 5)), replace=False)
            skills = [SkillWanted(by_pk[int(s)], essential=bool(rng.random() < 0.7)) for s in chosen]
            text = " ".join(rng.choice(WORDS, 2)) if i % 2 else ""
            start = time.perf_counter()
            token = request_context_begin(f"bench-pool-{i}")  # audit rows buffered as in a web request
            ranking = access.pool_search(actor=user, skills=skills, text=text)
            request_context_end(token)
            times.append((time.perf_counter() - start) * 1000)
            results.append(len(ranking.matches))
        cold = []
        for i in range(5):  # a search that must build the pool index first (after any change to the pool)
            access.pool_index_forget()
            start = time.perf_counter()
            token = request_context_begin(f"bench-pool-cold-{i}")
            access.pool_search(actor=user, skills=[SkillWanted(by_pk[int(rng.choice(pool_skills))])])
            request_context_end(token)
            cold.append((time.perf_counter() - start) * 1000)
        notes = {pid: [note] for pid, note in selectors.entries_active().values_list("person_id", "note")}
        profile_ms, build_ms = [], []
        taxonomy = access._taxonomy_current()
        for _ in range(5):
            start = time.perf_counter()
            built = pool_profiles(searcher_person_id=user.person_id, notes=notes)
            mid = time.perf_counter()
            MatchIndex.build(built.profiles, taxonomy)
            profile_ms.append((mid - start) * 1000)
            build_ms.append((time.perf_counter() - mid) * 1000)
        start = time.perf_counter()
        expired = services.pool_expire(now=timezone.now() + timedelta(days=400)).expired
        expire_s = time.perf_counter() - start
        transaction.set_rollback(True)
    access.taxonomy_forget()
    p50 = statistics.median(times)
    p95 = float(np.percentile(times, 95))
    rows = [
        ("pool search (whole, audited; index cached)", round(p50, 1), round(p95, 1), q),
        (
            "pool search after a pool change (index built)",
            round(statistics.median(cold), 1),
            round(max(cold), 1),
            5,
        ),
        ("  profile queries", round(statistics.median(profile_ms), 1), round(max(profile_ms), 1), 5),
        ("  index build", round(statistics.median(build_ms), 1), round(max(build_ms), 1), 5),
        ("pool-expire (all entries)", round(expire_s * 1000, 1), "", expired),
    ]
    emit(
        stdout,
        f"bench pool: {n:,} pool members, {q} searches (taxonomy: {source}, {len(skill_ids):,} skills; "
        f"setup {load_s:.1f} s, rolled back)",
        rows,
        ["phase", "p50 ms", "p95/max ms", "n"],
        {
            "bench": "pool",
            "entries": n,
            "queries": q,
            "p50_ms": round(p50, 1),
            "p95_ms": round(p95, 1),
            "cold_ms": round(statistics.median(cold), 1),
            "profiles_ms": round(statistics.median(profile_ms), 1),
            "build_ms": round(statistics.median(build_ms), 1),
            "results_mean": round(statistics.mean(results), 1) if results else 0,
            "expire_s": round(expire_s, 2),
            "taxonomy": source,
            "skills": len(skill_ids),
            "rss_mb": rss_mb(),
        },
    )
