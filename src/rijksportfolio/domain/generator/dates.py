# SPDX-License-Identifier: EUPL-1.2
"""Dates as integer day numbers (days since 1970-01-01, numpy ``datetime64[D]``).

The state-pension (AOW) age lives in ``rijksportfolio.domain.aow``, shared with the workforce analytics."""

from __future__ import annotations

import datetime as dt

import numpy as np
from numpy.typing import NDArray

Days = NDArray[np.int64]


def to_days(value: dt.date) -> int:
    return int(np.datetime64(value, "D").astype(np.int64))


def to_date(days: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(days))


def ymd(days: Days) -> tuple[Days, Days, Days]:
    d = days.astype("datetime64[D]")
    years = d.astype("datetime64[Y]")
    months = d.astype("datetime64[M]")
    y = years.astype(np.int64) + 1970
    m = (months - years.astype("datetime64[M]")).astype(np.int64) + 1
    day = (d - months.astype("datetime64[D]")).astype(np.int64) + 1
    return y, m, day


def add_months(days: Days, months: Days | int) -> Days:
    """Same day of month ``months`` later (clamped to the month's last day)."""
    y, m, d = ymd(days)
    total = y * 12 + (m - 1) + months
    first = (np.asarray(total - 1970 * 12)).astype("datetime64[M]")
    last_day = (
        (first + np.timedelta64(1, "M")).astype("datetime64[D]") - first.astype("datetime64[D]")
    ).astype(np.int64)
    return np.asarray(
        first.astype("datetime64[D]").astype(np.int64) + np.minimum(d, last_day) - 1, dtype=np.int64
    )
