# SPDX-License-Identifier: EUPL-1.2
"""Stuurinformatie: the full dashboard panel set for the Rijk, cold and warm, beside the same in pandas.

Setup (not timed): the database must hold a generated Rijk with ``--people`` in service at the reference date;
when it does not, the benchmark generates and loads one (``generate``). The store is written to its own folder
(``RPF_DATA_DIR/bench-analytics-N``).

* cold: full Parquet refresh from the database (with the warehouse file of derived tables) + opening the
  warehouse + the first run of every panel (including the fit of the attrition rates) — what the first request
  after a refresh costs;
* warm: every panel again on the loaded warehouse, all in one ``panels.computation`` per run (the staff at the
  peildatum and its projection are computed once per run, by the first panel that needs them, and counted in
  that panel's time); kept from the first run: the attrition rates (a Rijk-wide model per set of history years),
  the Rijk's sorted timeline and the organisation lookups. The best of ``--repeat`` runs; ``max_panel_ms`` its
  slowest panel;
* filtered: the panel set for one ministry and one job family (a filter change);
* pandas: the same panels on the same derived tables as DataFrames (``bench/analytics_pandas.py``: the same
  precomputed columns and the same sharing within a run; loading the DataFrames not timed; the attrition fit
  kept from a first run too), best of ``--repeat``, its runs taken in turns with DuckDB's; ``speedup`` =
  pandas_s / warm_s. ``agreement`` lists key numbers where pandas and DuckDB differ (empty: none).

JSON keys: bench, people, peildatum, records, cold_s, refresh_s, load_s, first_run_s, attrition_fit_ms,
warm_s, warm_cpu_s (CPU time of the warm run: less sensitive to a shared machine), max_panel_ms, max_panel,
filtered_s, pandas_s, pandas_cpu_s, pandas_attrition_fit_ms, speedup, agreement, threads (DuckDB's), load_avg
(1-minute load average before and after), rss_mb, store_people,
then as last keys (the issue's): people, warm_s, cold_s, max_panel_ms, pandas_s, speedup.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from typing import Any, TextIO

from django.conf import settings
from django.db import connection

from rijksportfolio.bench.report import emit, rss_mb


def add_arguments(parser: Any) -> None:
    parser.add_argument("--people", type=int, default=155_000, help="Headcount at the reference date.")
    parser.add_argument(
        "--peildatum", default=None, help="YYYY-MM-DD (default: the day after the reference date)."
    )
    parser.add_argument("--repeat", type=int, default=3, help="Warm runs (best counts; default 3).")
    parser.add_argument("--no-pandas", action="store_true", help="Skip the pandas baseline.")
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="DuckDB threads for the refresh and the panels (default: RPF_ANALYTICS_THREADS).",
    )


def _headcount_at(day: dt.date) -> int:
    """Persons with a record running on ``day`` (the generator's ``--people`` counts external hires too)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(DISTINCT person_id) FROM people_employment "
            "WHERE start_date <= %s AND (end_date IS NULL OR end_date >= %s)",
            [day, day],
        )
        return int(cursor.fetchone()[0])


CPU: dict[int, float] = {}  # id(times dict) -> CPU seconds of that run (this process; DuckDB runs in it)


def _run_panels(
    wh: Any, panels: dict[str, Any], peil: dt.date, scope: Any, computation: Any
) -> dict[str, float]:
    """One dashboard computation: every panel in turn inside ``computation()`` (which shares the intermediate
    results of the peildatum and scope between the panels of this run only), each panel timed."""
    times = {}
    cpu = time.process_time()
    with computation():
        for name, fn in panels.items():
            t = time.perf_counter()
            fn(wh, peil, scope) if scope is not None else fn(wh, peil)
            times[name] = (time.perf_counter() - t) * 1000
    CPU[id(times)] = time.process_time() - cpu
    return times


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from rijksportfolio.domain.analytics import panels as P
    from rijksportfolio.domain.analytics.warehouse import Warehouse
    from rijksportfolio.people.loading import generated_rijk_create, generated_rijk_load
    from rijksportfolio.workforce import store

    people = options["people"]
    ref = dt.date.fromisoformat(str(settings.GENERATOR_REFERENCE_DATE))
    peil = (
        dt.date.fromisoformat(options["peildatum"])
        if options.get("peildatum")
        else ref + dt.timedelta(days=1)
    )
    if _headcount_at(ref) != people:
        stdout.write(f"Generating a Rijk of {people:,} people (setup, not timed)…\n")
        rijk, nodes = generated_rijk_create(people=people, seed=1, reference_date=ref)
        generated_rijk_load(rijk=rijk, nodes=nodes)
    settings.ANALYTICS_DIR = settings.DATA_DIR / f"bench-analytics-{people}"
    threads = options.get("threads") or settings.ANALYTICS_THREADS
    settings.ANALYTICS_THREADS = threads
    if not options["no_pandas"]:
        import pandas

    load_avg = round(os.getloadavg()[0], 2)
    t0 = time.perf_counter()
    refreshed = store.refresh(full=True)
    t1 = time.perf_counter()
    wh = Warehouse.from_store(store.store_dir(), threads=threads)
    t2 = time.perf_counter()
    first = _run_panels(wh, P.PANELS, peil, P.RIJK, P.computation)
    t3 = time.perf_counter()
    fit_t = time.perf_counter()
    P._fit_attrition(
        wh, [y for y in range(peil.year - 10, peil.year) if y >= (P.history_start(wh, peil) or 9999)]
    )
    attrition_fit_ms = (time.perf_counter() - fit_t) * 1000
    pandas_runs: list[dict[str, float]] = []
    agreement: list[str] | str = "skipped"
    pandas_fit_ms = 0.0
    frames: Any = None
    if not options["no_pandas"]:
        from rijksportfolio.bench import analytics_pandas as PD

        frames = PD.Frames(wh)

        def pandas_run() -> Any:
            return PD.computation(frames)

        _run_panels(frames, PD.PANELS, peil, None, pandas_run)  # first run: fits the attrition rates
        fit_t = time.perf_counter()
        PD._fit_attrition(
            frames, [y for y in range(peil.year - 10, peil.year) if y >= (P.history_start(wh, peil) or 9999)]
        )
        pandas_fit_ms = (time.perf_counter() - fit_t) * 1000
    # warm runs of both, taken in turns (a shared machine's load then weighs on both alike)
    warm_runs = []
    for _ in range(max(1, options["repeat"])):
        warm_runs.append(_run_panels(wh, P.PANELS, peil, P.RIJK, P.computation))
        if frames is not None:
            pandas_runs.append(_run_panels(frames, PD.PANELS, peil, None, pandas_run))
    if frames is not None:
        agreement = PD.agreement(frames, wh, peil)
    warm = min(warm_runs, key=lambda r: sum(r.values()))
    warm_s = sum(warm.values()) / 1000
    ministry = wh.cursor().execute("SELECT id FROM org WHERE depth = 0 ORDER BY id LIMIT 1").fetchall()[0][0]
    filtered = min(
        (
            _run_panels(
                wh, P.PANELS, peil, P.Scope(organisations=(ministry,), job_family="beleid"), P.computation
            )
            for _ in range(max(1, options["repeat"]))
        ),
        key=lambda r: sum(r.values()),
    )
    records = wh.cursor().execute("SELECT count(*) FROM rec").fetchall()[0][0]
    pandas = min(pandas_runs, key=lambda r: sum(r.values())) if pandas_runs else {}
    pandas_s = sum(pandas.values()) / 1000 if pandas else 0.0

    rows = [
        (
            name,
            round(first[name], 1),
            round(warm[name], 1),
            round(filtered[name], 1),
            round(pandas.get(name, 0.0), 1),
            f"{pandas[name] / warm[name]:.1f}×" if pandas and warm[name] else "",
        )
        for name in P.PANELS
    ]
    rows.append(
        (
            "total",
            round(sum(first.values()), 1),
            round(warm_s * 1000, 1),
            round(sum(filtered.values()), 1),
            round(pandas_s * 1000, 1),
            f"{pandas_s / warm_s:.1f}×" if pandas_s and warm_s else "",
        )
    )
    max_panel = max(warm, key=lambda k: warm[k])
    cold_s = t3 - t0
    figures = {
        "bench": "analytics",
        "people": people,
        "peildatum": peil.isoformat(),
        "records": int(records),
        "cold_s": round(cold_s, 2),
        "refresh_s": round(t1 - t0, 2),
        "load_s": round(t2 - t1, 2),
        "first_run_s": round(t3 - t2, 2),
        "attrition_fit_ms": round(attrition_fit_ms, 1),
        "warm_s": round(warm_s, 3),
        "warm_cpu_s": round(CPU[id(warm)], 3),
        "max_panel_ms": round(warm[max_panel], 1),
        "max_panel": max_panel,
        "filtered_s": round(sum(filtered.values()) / 1000, 3),
        "pandas_s": round(pandas_s, 3),
        "pandas_cpu_s": round(CPU[id(pandas)], 3) if pandas else None,
        "pandas_attrition_fit_ms": round(pandas_fit_ms, 1),
        "speedup": round(pandas_s / warm_s, 1) if warm_s and pandas_s else None,
        "agreement": agreement,
        "threads": threads,
        "load_avg": [load_avg, round(os.getloadavg()[0], 2)],
        "rss_mb": rss_mb(),
        "store_people": refreshed.people if refreshed else None,
    }
    for key in ("people", "warm_s", "cold_s", "max_panel_ms", "pandas_s", "speedup"):
        figures[key] = figures.pop(key)
    emit(
        stdout,
        f"bench analytics: {people:,} people, {records:,} records, peildatum {peil} "
        f"(cold {cold_s:.2f} s = refresh {t1 - t0:.2f} + load {t2 - t1:.2f} + first run {t3 - t2:.2f}; "
        f"load average {load_avg})",
        rows,
        ["panel", "first ms", "warm ms", "filtered ms", "pandas ms", "pandas/warm"],
        figures,
    )
