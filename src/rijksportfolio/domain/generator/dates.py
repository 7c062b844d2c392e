# SPDX-License-Identifier: EUPL-1.2
"""Dates as integer day numbers (days since 1970-01-01, numpy ``datetime64[D]``) and the state-pension age."""

from __future__ import annotations

import datetime as dt

import numpy as np
from numpy.typing import NDArray

Days = NDArray[np.int64]

# AOW age (years, months) by the calendar year in which it is reached (Dutch state pension age).
AOW_AGE: dict[int, tuple[int, int]] = {
    2013: (65, 1),
    2014: (65, 2),
    2015: (65, 3),
    2016: (65, 6),
    2017: (65, 9),
    2018: (66, 0),
    2019: (66, 4),
    2020: (66, 4),
    2021: (66, 4),
    2022: (66, 7),
    2023: (66, 10),
    2024: (67, 0),
    2025: (67, 0),
    2026: (67, 0),
    2027: (67, 0),
    2028: (67, 3),
}


def aow_age_months(year: int) -> int:
    if year <= 2012:
        return 65 * 12
    y, m = AOW_AGE[min(year, 2028)]
    return y * 12 + m


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


def aow_dates(birth: Days) -> Days:
    """Day on which each person reaches the state-pension age: the first year Y in which the birthday plus the
    AOW age of year Y falls in year Y."""
    out = np.full(birth.shape, np.iinfo(np.int64).max, dtype=np.int64)
    by, _, _ = ymd(birth)
    for year in range(int(by.min()) + 64, int(by.max()) + 69):
        candidate = add_months(birth, aow_age_months(year))
        cy, _, _ = ymd(candidate)
        hit = (cy == year) & (candidate < out)
        out[hit] = candidate[hit]
    return out
