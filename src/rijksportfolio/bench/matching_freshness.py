# SPDX-License-Identifier: EUPL-1.2
"""Freshness of the matching index: time from a portfolio change to a search that shows it, under a write load;
the cost of a full rebuild.

``rijksportfolio bench matching-freshness [--writers 2] [--rate 20] [--duration 30] [--rebuilds 3] [--seed 1]``

Runs against the database (it needs people with portfolios: ``rijksportfolio generate --people 155000``).

1. **Full rebuild**: ``matching.index.build()`` (taxonomy, every consenting profile, the engine's index)
   ``--rebuilds`` times; the median is ``rebuild_s`` (target: under 10 s at 155,000 people).
2. **Idle searches**: ``index.current()`` (generation check, change-log poll) plus a top-50 search of three
   random skills, 100 times without writes.
3. **Write load**: ``--writers`` threads, each with its own connection, change the level of a skill of a random
   consenting person through ``portfolios.services.portfolio_skill_set`` (as the person; every call writes its
   change-log row), ``--rate`` writes per second in total, for ``--duration`` seconds.
4. **Probes**, meanwhile, in the main thread, which searches like a busy web process: give a random consenting
   person a skill nobody else has (``portfolio_skill_set``, committed), then search for that skill until the
   person is returned; ``visible_ms`` is the time from the commit to that answer, including the poll and the
   application of every change the writers made in between. Then the skill is removed again (also a change).
   Between probes the main thread keeps searching (``search_*``: ``index.current()`` + search, under load).

The bench creates a login for each person it changes and a probe skill, and removes both afterwards; the
levels the writers changed stay changed (use a scratch database).

JSON keys: bench, people (indexed), rebuild_s, rebuild_max_s, writers, rate, duration_s, writes,
write_rate (achieved per second), probes, visible_p50_ms, visible_p95_ms, visible_max_ms,
idle_search_p50_ms, idle_search_p95_ms, search_p50_ms, search_p95_ms (under load), catchup_p95_ms (the
``index.current()`` part of a search under load), full_rebuilds (during the load), overlay_end (rows in the
overlay at the end), rss_mb.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from typing import Any, TextIO

from django.core.management.base import CommandError
from django.db import connections, transaction

from rijksportfolio.bench.report import emit, rss_mb
from rijksportfolio.domain.matching import Opportunity, Requirement

PROBE_URI = "urn:rijksportfolio:bench:matching-freshness-probe"
USER_PREFIX = "bench-freshness-"
LEVELS = ("basis", "gevorderd", "ervaren", "expert")


def add_arguments(parser: Any) -> None:
    parser.add_argument("--writers", type=int, default=2, help="Writer threads (default 2).")
    parser.add_argument(
        "--rate", type=float, default=20.0, help="Portfolio writes per second in total (default 20)."
    )
    parser.add_argument("--duration", type=float, default=30.0, help="Seconds of write load (default 30).")
    parser.add_argument("--rebuilds", type=int, default=3, help="Full rebuilds timed (default 3).")
    parser.add_argument("--seed", type=int, default=1)


def _ms(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)


def _pool(rng: random.Random, size: int) -> list[int]:
    """Portfolio ids of consenting people whose skills profile is visible Rijk-wide (the searcher sees them)."""
    from rijksportfolio.portfolios.models import Portfolio

    ids = list(
        Portfolio.objects.filter(matching_consent=True, visibility_skills="rijk", skills__isnull=False)
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")[:50_000]
    )
    if len(ids) < 10:
        raise CommandError(
            "Te weinig portfolio's met toestemming voor matching: vul eerst de database "
            "(rijksportfolio generate --people 155000)."
        )
    return rng.sample(ids, min(size, len(ids)))


def _user(portfolio: Any) -> Any:
    from rijksportfolio.accounts.models import User
    from rijksportfolio.accounts.services import user_create

    existing = User.objects.filter(person_id=portfolio.person_id).first()
    if existing is not None:
        return existing
    return user_create(username=f"{USER_PREFIX}{portfolio.person_id}", password=None, person=portfolio.person)


def _writer(
    portfolio_ids: list[int], seed: int, per_second: float, stop: threading.Event, done: list[int]
) -> None:
    from rijksportfolio.portfolios.models import Portfolio, PortfolioSkill
    from rijksportfolio.portfolios.services import portfolio_skill_set

    rng = random.Random(seed)
    interval = 1.0 / per_second if per_second > 0 else 1.0
    next_at = time.perf_counter()
    try:
        while not stop.is_set():
            portfolio = Portfolio.objects.select_related("person").get(pk=rng.choice(portfolio_ids))
            held = list(PortfolioSkill.objects.filter(portfolio=portfolio).select_related("skill")[:20])
            if held:
                ps = rng.choice(held)
                with transaction.atomic():
                    portfolio_skill_set(
                        actor=_user(portfolio), portfolio=portfolio, skill=ps.skill, level=rng.choice(LEVELS)
                    )
                done[0] += 1
            next_at += interval
            pause = next_at - time.perf_counter()
            if pause > 0:
                stop.wait(pause)
            else:
                next_at = time.perf_counter()
    finally:
        connections.close_all()


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from rijksportfolio.accounts.models import User
    from rijksportfolio.matching import adapter, index
    from rijksportfolio.matching.changes import matching_inputs_changed
    from rijksportfolio.portfolios.models import Portfolio, PortfolioSkill
    from rijksportfolio.portfolios.services import portfolio_skill_remove, portfolio_skill_set
    from rijksportfolio.skills.models import Skill

    rng = random.Random(options["seed"])
    rebuilds = []
    loaded = None
    for _ in range(max(1, options["rebuilds"])):
        index.forget()
        loaded = index.refresh()
        rebuilds.append(loaded.build_s)
    assert loaded is not None
    vocabulary = sorted(loaded.index.base.skill_vocab)

    def query(skills: list[str]) -> Opportunity:
        return Opportunity(requirements=tuple(Requirement(s) for s in skills))

    def search(skills: list[str]) -> tuple[float, float, Any]:
        t0 = time.perf_counter()
        current = index.current()
        t1 = time.perf_counter()
        found = current.index.search(query(skills), top_k=50)
        return t1 - t0, time.perf_counter() - t0, found

    idle = [search(rng.sample(vocabulary, 3))[1] for _ in range(100)]

    probe_skill, _created = Skill.objects.get_or_create(
        uri=PROBE_URI, defaults={"preferred_label_nl": "bench-probe", "preferred_label_en": "bench probe"}
    )
    probe_key = adapter.skill_key(probe_skill.pk)
    writers = max(0, options["writers"])
    pool = _pool(rng, 400)
    write_pool, probe_pool = pool[: len(pool) // 2], pool[len(pool) // 2 :]
    stop = threading.Event()
    done = [0]
    threads = [
        threading.Thread(
            target=_writer,
            args=(write_pool, options["seed"] + k, options["rate"] / writers, stop, done),
            name=f"bench-writer-{k}",
        )
        for k in range(writers)
    ]
    visible: list[float] = []
    under_load: list[float] = []
    catchup: list[float] = []
    base = loaded.index.base
    full_rebuilds = 0
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    try:
        while time.perf_counter() - started < options["duration"]:
            portfolio = Portfolio.objects.select_related("person").get(pk=rng.choice(probe_pool))
            actor = _user(portfolio)
            with transaction.atomic():
                portfolio_skill_set(actor=actor, portfolio=portfolio, skill=probe_skill, level="expert")
            committed = time.perf_counter()
            while True:
                poll_s, total_s, found = search([probe_key])
                catchup.append(poll_s)
                under_load.append(total_s)
                if any(r.person_id == portfolio.person_id for r in found):
                    visible.append(time.perf_counter() - committed)
                    break
                if time.perf_counter() - committed > 60:
                    raise CommandError("Een wijziging werd na 60 seconden nog niet gevonden.")
            current = index.current()
            if current.index.base is not base:
                full_rebuilds += 1
                base = current.index.base
            with transaction.atomic():
                portfolio_skill_remove(
                    actor=actor,
                    portfolio_skill=PortfolioSkill.objects.get(portfolio=portfolio, skill=probe_skill),
                )
            for _ in range(5):  # the searches a web process does meanwhile
                poll_s, total_s, _found = search(rng.sample(vocabulary, 3))
                catchup.append(poll_s)
                under_load.append(total_s)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        left = PortfolioSkill.objects.filter(skill=probe_skill)
        matching_inputs_changed(person_ids=left.values_list("portfolio__person_id", flat=True))
        left.delete()
        probe_skill.delete()
        User.objects.filter(username__startswith=USER_PREFIX).delete()
    end = index.current()
    rows = [
        (f"full rebuild (median of {len(rebuilds)})", round(statistics.median(rebuilds), 2), "s"),
        ("full rebuild (max)", round(max(rebuilds), 2), "s"),
        ("idle search p50 / p95", f"{_ms(idle, 0.5)} / {_ms(idle, 0.95)}", "ms"),
        ("writes (achieved rate)", f"{done[0]} ({done[0] / elapsed:.1f}/s)", ""),
        (
            "change → visible p50 / p95 / max",
            f"{_ms(visible, 0.5)} / {_ms(visible, 0.95)} / {_ms(visible, 1.0)}",
            "ms",
        ),
        ("search under load p50 / p95", f"{_ms(under_load, 0.5)} / {_ms(under_load, 0.95)}", "ms"),
        ("of which catching up p95", _ms(catchup, 0.95), "ms"),
        ("full rebuilds during the load", full_rebuilds, ""),
        ("overlay rows at the end", end.index.overlay_size, ""),
    ]
    emit(
        stdout,
        f"bench matching-freshness: {end.index.size:,} people indexed, {writers} writers at {options['rate']}/s "
        f"for {options['duration']} s, {len(visible)} probes",
        rows,
        ["measure", "value", "unit"],
        {
            "bench": "matching-freshness",
            "people": end.index.size,
            "rebuild_s": round(statistics.median(rebuilds), 2),
            "rebuild_max_s": round(max(rebuilds), 2),
            "writers": writers,
            "rate": options["rate"],
            "duration_s": round(elapsed, 1),
            "writes": done[0],
            "write_rate": round(done[0] / elapsed, 1),
            "probes": len(visible),
            "visible_p50_ms": _ms(visible, 0.5),
            "visible_p95_ms": _ms(visible, 0.95),
            "visible_max_ms": _ms(visible, 1.0),
            "idle_search_p50_ms": _ms(idle, 0.5),
            "idle_search_p95_ms": _ms(idle, 0.95),
            "search_p50_ms": _ms(under_load, 0.5),
            "search_p95_ms": _ms(under_load, 0.95),
            "catchup_p95_ms": _ms(catchup, 0.95),
            "full_rebuilds": full_rebuilds,
            "overlay_end": end.index.overlay_size,
            "rss_mb": rss_mb(),
        },
    )
