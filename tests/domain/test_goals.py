# SPDX-License-Identifier: EUPL-1.2
"""Progress toward an organisation's goal: the straight line from the baseline to the target."""

from __future__ import annotations

import datetime as dt

import pytest

from rijksportfolio.domain.analytics.goals import GoalStatus, goal_period, goal_progress


def progress(current: float | None, on: dt.date, baseline: float | None = 0.30, target: float = 0.40):  # type: ignore[no-untyped-def]
    return goal_progress(
        baseline=baseline, current=current, target=target, start_year=2024, target_year=2025, on=on
    )


def test_goal_runs_from_the_first_of_january_to_the_last_of_december() -> None:
    assert goal_period(2024, 2025) == (dt.date(2024, 1, 1), dt.date(2025, 12, 31))


def test_halfway_the_expected_value_is_halfway_to_the_target() -> None:
    on = dt.date(2024, 12, 31)  # 365 of the 730 days
    p = progress(0.35, on)
    assert p.elapsed == pytest.approx(365 / 730)
    assert p.expected == pytest.approx(0.30 + 0.10 * 365 / 730)
    assert p.status is GoalStatus.ON_SCHEDULE  # 0.35 >= 0.35 (on the line)
    assert progress(0.34, on).status is GoalStatus.BEHIND
    assert progress(0.40, on).status is GoalStatus.REACHED


def test_a_goal_to_lower_a_share_is_on_schedule_below_the_line() -> None:
    on = dt.date(2024, 12, 31)
    assert progress(0.52, on, baseline=0.60, target=0.45).status is GoalStatus.ON_SCHEDULE
    assert progress(0.55, on, baseline=0.60, target=0.45).status is GoalStatus.BEHIND
    assert progress(0.44, on, baseline=0.60, target=0.45).status is GoalStatus.REACHED


def test_before_the_start_and_with_unknown_figures() -> None:
    assert progress(0.31, dt.date(2023, 6, 1)).status is GoalStatus.NOT_STARTED
    unknown = progress(None, dt.date(2024, 6, 1))
    assert unknown.status is GoalStatus.UNKNOWN
    assert unknown.current is None
    no_baseline = progress(0.35, dt.date(2024, 6, 1), baseline=None)
    assert (no_baseline.status, no_baseline.expected) == (GoalStatus.UNKNOWN, None)


def test_after_the_target_year_the_line_stays_at_the_target() -> None:
    p = progress(0.38, dt.date(2027, 1, 1))
    assert (p.elapsed, p.expected, p.status) == (1.0, 0.40, GoalStatus.BEHIND)
