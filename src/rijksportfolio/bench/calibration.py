# SPDX-License-Identifier: EUPL-1.2
"""Calibration: the published figures of the sector Rijk (C1–C16) beside what the database yields.

Computed from the Person and Employment tables (``people.selectors.calibration_data``) by
``domain.analytics.calibration``, not from the generator's parameters. JSON keys: eval, people, records,
reference_date, within_tolerance, figures, failed (codes), seconds.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any, TextIO

from django.conf import settings

from rijksportfolio.bench.report import emit

USES_DATABASE = False  # the bench command needs no migrated database for it


def add_arguments(parser: Any) -> None:
    parser.add_argument(
        "--reference-date", default=None, help="YYYY-MM-DD (default settings.GENERATOR_REFERENCE_DATE)."
    )


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from rijksportfolio.domain.analytics.calibration import _day, compute, summary
    from rijksportfolio.people.selectors import calibration_data

    ref = dt.date.fromisoformat(options.get("reference_date") or str(settings.GENERATOR_REFERENCE_DATE))
    t0 = time.perf_counter()
    data = calibration_data()
    figures = compute(data, reference_year=ref.year)
    seconds = time.perf_counter() - t0
    day = _day(ref.year, ref.month, ref.day)
    people = len(set(data.person[(data.start <= day) & (data.end >= day)].tolist()))
    rows = [
        (
            f.code,
            f.name,
            f.published,
            f.generated,
            f.tolerance,
            "context" if f.within is None else ("yes" if f.within else "NO"),
        )
        for f in figures
    ]
    result = summary(figures)
    emit(
        stdout,
        f"Calibration against published figures (reference date {ref})",
        rows,
        ["figure", "what", "published", "generated", "tolerance", "within tolerance"],
        {
            "eval": "calibration",
            "people": people,
            "records": len(data.person),
            "reference_date": ref.isoformat(),
            **result,
            "failed": [f.code for f in figures if f.within is False],
            "seconds": round(seconds, 2),
        },
    )
