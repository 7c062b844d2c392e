# SPDX-License-Identifier: EUPL-1.2
"""Rules of the candidate pool (Virtueel Matchingsteam), as pure functions over plain data.

A vacancy holder *proposes* a suitable candidate they did not hire; the candidate *consents* (for a period
they choose, at most twelve months, default twelve) or declines. Only a consented entry whose end has not
passed is *active*: visible to other vacancy holders. An unanswered proposal *lapses* after
:data:`ANSWER_DAYS`. The end is compared with the ``now`` a caller passes, so an entry whose end passed is
never shown even before the clean-up job (``rijksportfolio matching pool-expire``) deleted it.

Dates are whole calendar months: 31 January + 1 month = 28 (or 29) February, at the same time of day.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

DEFAULT_MONTHS = 12
MIN_MONTHS = 1
MAX_MONTHS = 12
PERIOD_CHOICES: tuple[int, ...] = (1, 3, 6, 12)  # offered on the consent page; the API takes any 1–12
ANSWER_DAYS = 30  # an unanswered proposal lapses (and is deleted) after this many days
REMINDER_DAYS = 14  # the candidate is reminded this many days before the end of their consent
CONTACT_INTERVAL_DAYS = 7  # one vacancy holder contacts one pool member at most once in this many days
NOTE_MAX_CHARS = 1000
MESSAGE_MAX_CHARS = 1000

# Stored status of an entry.
PROPOSED = "voorgesteld"
ACTIVE = "actief"
STATUSES: tuple[str, ...] = (PROPOSED, ACTIVE)

# State at a moment (status + clock).
STATE_PROPOSED = "voorgesteld"
STATE_ACTIVE = "actief"
STATE_LAPSED = "vervallen"  # proposal not answered in time
STATE_EXPIRED = "verlopen"  # consent period over


class PeriodError(ValueError):
    """A period outside :data:`MIN_MONTHS`–:data:`MAX_MONTHS` whole months."""


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus whole calendar months, the day clamped to the last day of the target month."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def check_months(months: object) -> int:
    """The period in whole months, or :class:`PeriodError`."""
    if isinstance(months, bool) or not isinstance(months, int) or not MIN_MONTHS <= months <= MAX_MONTHS:
        raise PeriodError(f"a period is {MIN_MONTHS}–{MAX_MONTHS} whole months, not {months!r}")
    return months


def expires_at(*, start: datetime, months: int) -> datetime:
    """The end of a consent given (or renewed) at ``start`` for ``months`` months."""
    return add_months(start, check_months(months))


def answer_by(*, proposed_at: datetime) -> datetime:
    """The moment an unanswered proposal lapses."""
    return proposed_at + timedelta(days=ANSWER_DAYS)


def state(*, status: str, now: datetime, answer_by: datetime | None, expires_at: datetime | None) -> str:
    """The state of an entry at ``now``. At exactly ``expires_at`` (or ``answer_by``) it has ended."""
    if status == ACTIVE:
        if expires_at is None or now >= expires_at:
            return STATE_EXPIRED
        return STATE_ACTIVE
    if status == PROPOSED:
        if answer_by is None or now >= answer_by:
            return STATE_LAPSED
        return STATE_PROPOSED
    raise ValueError(f"unknown status {status!r}")


def needs_reminder(
    *, status: str, now: datetime, expires_at: datetime | None, reminded_at: datetime | None
) -> bool:
    """An active entry that ends within :data:`REMINDER_DAYS` and whose candidate was not yet reminded
    during this period."""
    if state(status=status, now=now, answer_by=None, expires_at=expires_at) != STATE_ACTIVE:
        return False
    assert expires_at is not None
    return reminded_at is None and expires_at - now <= timedelta(days=REMINDER_DAYS)


def may_contact_again(*, last_contact_at: datetime | None, now: datetime) -> bool:
    """A vacancy holder may contact the same pool member again :data:`CONTACT_INTERVAL_DAYS` after the last time."""
    return last_contact_at is None or now - last_contact_at >= timedelta(days=CONTACT_INTERVAL_DAYS)
