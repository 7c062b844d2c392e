# SPDX-License-Identifier: EUPL-1.2
"""Progress toward a goal an organisation sets itself (e.g. 45 % women in scale 14 and higher by 2028).

A goal runs from 1 January of its start year (the share then is the *baseline*) to 31 December of its target
year. The *expected* value on a day is the straight line from the baseline to the target; a goal is on
schedule when the current value is at or beyond that line in the goal's direction. Shares are fractions
(0..1); any of them may be unknown (``None``: suppressed, or no staff), and then so is what depends on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class GoalStatus(StrEnum):
    NOT_STARTED = "not_started"  # the day lies before the goal's start
    REACHED = "reached"  # the current value is at or beyond the target
    ON_SCHEDULE = "on_schedule"  # at or beyond the straight line from the baseline to the target
    BEHIND = "behind"  # short of that line
    UNKNOWN = "unknown"  # the baseline or the current value is not known (suppressed, or nobody in the group)


@dataclass(frozen=True, slots=True)
class GoalProgress:
    baseline: float | None  # the share on 1 January of the start year
    current: float | None  # the share on the day
    expected: float | None  # the share the straight line reaches on the day
    target: float
    elapsed: float  # the part of the goal's period that lies behind the day (0..1)
    status: GoalStatus


def goal_period(start_year: int, target_year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a goal."""
    return dt.date(start_year, 1, 1), dt.date(target_year, 12, 31)


def goal_progress(
    *,
    baseline: float | None,
    current: float | None,
    target: float,
    start_year: int,
    target_year: int,
    on: dt.date,
) -> GoalProgress:
    """Where a goal stands on day ``on``."""
    first, last = goal_period(start_year, target_year)
    span = (last - first).days
    elapsed = min(1.0, max(0.0, (on - first).days / span)) if span > 0 else 1.0
    expected = None if baseline is None else baseline + (target - baseline) * elapsed
    if on < first:
        status = GoalStatus.NOT_STARTED
    elif baseline is None or current is None or expected is None:
        status = GoalStatus.UNKNOWN
    else:
        direction = 1.0 if target >= baseline else -1.0
        if (current - target) * direction >= 0:
            status = GoalStatus.REACHED
        elif (current - expected) * direction >= -1e-9:
            status = GoalStatus.ON_SCHEDULE
        else:
            status = GoalStatus.BEHIND
    return GoalProgress(baseline, current, expected, target, elapsed, status)
