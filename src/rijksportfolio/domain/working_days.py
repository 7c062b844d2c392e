# SPDX-License-Identifier: EUPL-1.2
"""Dutch working days and the manager-agreement rule for taking on a klus or project (issue 4, item 3).

Working days are Monday to Friday except the public holidays the CAO Rijk gives off: Nieuwjaarsdag,
Tweede Paasdag, Koningsdag (27 April, or 26 April when the 27th is a Sunday), Bevrijdingsdag (5 May, every
year in the CAO Rijk), Hemelvaartsdag, Tweede Pinksterdag, Eerste and Tweede Kerstdag. Good Friday is not
a day off in the CAO Rijk and counts as a working day. (Easter and Whit Sunday fall on a Sunday anyway.)

The agreement rule: an employee who wants to spend part of their hours on a klus or project asks their
current manager. The manager has ``days`` working days to answer, counted from the day after the request;
the deadline is the last of those days (the answer may come until the end of it). Without an answer by then,
silence counts as agreement (:data:`AGREED_BY_SILENCE`) so that talent is not held back.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

PENDING = "pending"
AGREED = "agreed"
REFUSED = "refused"
AGREED_BY_SILENCE = "agreed_by_silence"
STATES = (PENDING, AGREED, REFUSED, AGREED_BY_SILENCE)

MAX_AGREEMENT_DAYS = 60


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(year: int) -> frozenset[date]:
    """The days off of the CAO Rijk in ``year`` (see the module docstring)."""
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = date(year, 4, 26)
    return frozenset(
        {
            date(year, 1, 1),
            easter + timedelta(days=1),  # Tweede Paasdag
            kings_day,
            date(year, 5, 5),
            easter + timedelta(days=39),  # Hemelvaartsdag
            easter + timedelta(days=50),  # Tweede Pinksterdag
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself does not count); ``start`` for 0."""
    if days < 0:
        raise ValueError("days must be zero or more")
    day = start
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def agreement_deadline(requested_on: date, days: int) -> date:
    """The last day on which the manager can answer a request made on ``requested_on``."""
    if not 1 <= days <= MAX_AGREEMENT_DAYS:
        raise ValueError(f"days must be 1–{MAX_AGREEMENT_DAYS}")
    return add_working_days(requested_on, days)


def agreement_state(*, decision: str, deadline: date, today: date) -> str:
    """The state of an agreement request: the manager's ``decision`` (``pending``/``agreed``/``refused``)
    wins while it was given; a pending request after its deadline counts as agreed."""
    if decision in (AGREED, REFUSED):
        return decision
    if decision != PENDING:
        raise ValueError(f"unknown decision {decision!r}")
    return AGREED_BY_SILENCE if today > deadline else PENDING
