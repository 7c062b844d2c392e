# SPDX-License-Identifier: EUPL-1.2
"""The Dutch state-pension age (AOW-leeftijd), maintained as data: the single source for the generator and the
workforce analytics.

The law (Algemene Ouderdomswet, art. 7a) sets the AOW age per calendar year: whoever reaches the age that
applies in year Y *during* year Y reaches the state-pension age on that day. That schedule is ``AOW_AGE_BY_YEAR``
(65 until 2012; 67y3m from 2028 on, until the law sets a later year). Read per birth date this gives
contiguous birth-date cohorts, as the SVB publishes them; ``AOW_COHORTS`` holds those cohorts explicitly and is
what ``aow_dates`` uses. ``tests/domain/test_workforce_figures.py`` checks that both tables agree day by day.

When the law changes (each November the age for the year five years ahead is fixed): add the year to
``AOW_AGE_BY_YEAR`` and the new cohort row to ``AOW_COHORTS``.

Dates are integer day numbers (days since 1970-01-01). A birthday plus the AOW age in months that falls on a day
the month does not have (29-31) is the month's last day.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from numpy.typing import NDArray

Days = NDArray[np.int64]

# (years, months) of the AOW age for those reaching it in that calendar year. Before 2013: 65 years.
AOW_AGE_BY_YEAR: dict[int, tuple[int, int]] = {
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
BEFORE_2013 = (65, 0)
LAST_YEAR_IN_LAW = max(AOW_AGE_BY_YEAR)

# Birth-date cohorts: born on or after ``first_birth_date`` (and before the next row's date) -> AOW age.
# Everyone born before 1 January 1948 reached 65 before 2013.
AOW_COHORTS: tuple[tuple[dt.date, int, int], ...] = (
    (dt.date(1, 1, 1), 65, 0),
    (dt.date(1948, 1, 1), 65, 1),  # reached in 2013
    (dt.date(1948, 12, 1), 65, 2),  # 2014
    (dt.date(1949, 11, 1), 65, 3),  # 2015
    (dt.date(1950, 10, 1), 65, 6),  # 2016
    (dt.date(1951, 7, 1), 65, 9),  # 2017
    (dt.date(1952, 4, 1), 66, 0),  # 2018
    (dt.date(1953, 1, 1), 66, 4),  # 2019, 2020, 2021
    (dt.date(1955, 9, 1), 66, 7),  # 2022
    (dt.date(1956, 6, 1), 66, 10),  # 2023
    (dt.date(1957, 3, 1), 67, 0),  # 2024-2027
    (dt.date(1961, 1, 1), 67, 3),  # 2028 and, until the law says otherwise, later
)


def aow_age_months(year: int) -> int:
    """AOW age in months for those reaching it in calendar ``year`` (the law's per-year schedule)."""
    y, m = BEFORE_2013 if year <= 2012 else AOW_AGE_BY_YEAR[min(year, LAST_YEAR_IN_LAW)]
    return y * 12 + m


def _day(value: dt.date) -> int:
    return int(np.datetime64(value, "D").astype(np.int64))


_COHORT_START = np.array([_day(d) for d, _, _ in AOW_COHORTS], dtype=np.int64)
_COHORT_MONTHS = np.array([y * 12 + m for _, y, m in AOW_COHORTS], dtype=np.int64)


def add_months(days: Days, months: Days | int) -> Days:
    """The same day of the month ``months`` later, clamped to that month's last day."""
    d = np.asarray(days, dtype=np.int64).astype("datetime64[D]")
    month = d.astype("datetime64[M]")
    day_of_month = (d - month.astype("datetime64[D]")).astype(np.int64)
    target = month + np.asarray(months, dtype=np.int64).astype("timedelta64[M]")
    first = target.astype("datetime64[D]").astype(np.int64)
    length = (target + np.timedelta64(1, "M")).astype("datetime64[D]").astype(np.int64) - first
    return np.asarray(first + np.minimum(day_of_month, length - 1), dtype=np.int64)


def aow_months(birth: Days) -> Days:
    """AOW age in months by date of birth (the cohort table)."""
    idx = np.searchsorted(_COHORT_START, np.asarray(birth, dtype=np.int64), side="right") - 1
    return np.asarray(_COHORT_MONTHS[np.maximum(idx, 0)], dtype=np.int64)


def aow_dates(birth: Days) -> Days:
    """Day on which each person born on ``birth`` reaches the state-pension age."""
    birth = np.asarray(birth, dtype=np.int64)
    return add_months(birth, aow_months(birth))


def aow_date(birth: dt.date) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(aow_dates(np.array([_day(birth)]))[0]))
