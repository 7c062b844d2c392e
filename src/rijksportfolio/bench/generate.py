# SPDX-License-Identifier: EUPL-1.2
"""Generate and load a synthetic Rijk; time each phase.

JSON keys: bench, people, seed, seconds (generate + load), generate_s, load_s, catalogue_s, people_s,
employments_s, portfolios_s (of which portfolios_draw_s drawing them), persons (all persons in the history), employments, portfolios, portfolio_items,
portfolio_skills, database, rss_mb. ``--no-portfolios`` leaves the portfolios out (portfolios_s is then 0).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any, TextIO

from django.conf import settings
from django.db import connection

from rijksportfolio.bench.report import emit, rss_mb


def add_arguments(parser: Any) -> None:
    parser.add_argument(
        "--people", type=int, default=155_000, help="Headcount at the reference date (default 155000)."
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-portfolios", action="store_true", help="Do not fill portfolios.")
    parser.add_argument(
        "--reference-date", default=None, help="YYYY-MM-DD (default settings.GENERATOR_REFERENCE_DATE)."
    )


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from rijksportfolio.people.loading import generated_rijk_create, generated_rijk_load

    ref = dt.date.fromisoformat(options.get("reference_date") or str(settings.GENERATOR_REFERENCE_DATE))
    t0 = time.perf_counter()
    rijk, nodes = generated_rijk_create(people=options["people"], seed=options["seed"], reference_date=ref)
    t1 = time.perf_counter()
    result = generated_rijk_load(rijk=rijk, nodes=nodes, portfolios=not options.get("no_portfolios"))
    t2 = time.perf_counter()
    rows = [
        ("generate (numpy)", round(t1 - t0, 2), rijk.records),
        ("load: organisation catalogue", round(result.seconds_catalogue, 2), len(nodes)),
        ("load: people", round(result.seconds_people, 2), rijk.people),
        ("load: employment records", round(result.seconds_employments, 2), rijk.records),
        (
            "portfolios (draw + load)",
            round(result.seconds_portfolios, 2),
            result.portfolios + result.portfolio_items + result.portfolio_skills,
        ),
        ("total", round(t2 - t0, 2), rijk.people + rijk.records),
    ]
    emit(
        stdout,
        f"bench generate: {options['people']:,} people, ten years of history up to {ref}",
        rows,
        ["phase", "seconds", "rows"],
        {
            "bench": "generate",
            "people": options["people"],
            "seed": options["seed"],
            "seconds": round(t2 - t0, 2),
            "generate_s": round(t1 - t0, 2),
            "load_s": round(t2 - t1, 2),
            "catalogue_s": round(result.seconds_catalogue, 2),
            "people_s": round(result.seconds_people, 2),
            "employments_s": round(result.seconds_employments, 2),
            "portfolios_s": round(result.seconds_portfolios, 2),
            "portfolios_draw_s": round(result.seconds_portfolios_draw, 2),
            "persons": rijk.people,
            "employments": rijk.records,
            "portfolios": result.portfolios,
            "portfolio_items": result.portfolio_items,
            "portfolio_skills": result.portfolio_skills,
            "database": connection.vendor,
            "rss_mb": rss_mb(),
        },
    )
