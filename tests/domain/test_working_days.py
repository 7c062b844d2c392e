# SPDX-License-Identifier: EUPL-1.2
"""Dutch working days (CAO Rijk holidays) and the manager-agreement deadline and state."""

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from rijksportfolio.domain import working_days as wd


def test_easter_sundays_of_known_years() -> None:
    assert [wd.easter_sunday(y) for y in (2024, 2025, 2026, 2027)] == [
        date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5), date(2027, 3, 28),
    ]  # fmt: skip


def test_holidays_2026() -> None:
    assert sorted(wd.public_holidays(2026)) == [
        date(2026, 1, 1), date(2026, 4, 6), date(2026, 4, 27), date(2026, 5, 5), date(2026, 5, 14),
        date(2026, 5, 25), date(2026, 12, 25), date(2026, 12, 26),
    ]  # fmt: skip


def test_kings_day_moves_to_saturday_when_27_april_is_a_sunday() -> None:
    assert date(2025, 4, 26) in wd.public_holidays(2025)
    assert date(2025, 4, 27) not in wd.public_holidays(2025)


def test_good_friday_is_a_working_day_in_the_cao_rijk() -> None:
    assert wd.is_working_day(date(2026, 4, 3)) is True


def test_deadline_skips_weekend_and_easter_monday() -> None:
    # Thursday 2 April 2026 + 3 working days: Fri 3, (Sat, Sun, Easter Monday 6), Tue 7, Wed 8.
    assert wd.agreement_deadline(date(2026, 4, 2), 3) == date(2026, 4, 8)


def test_deadline_over_christmas_and_new_year() -> None:
    # Wed 23 Dec 2026 + 5: Thu 24, (Fri 25, Sat 26, Sun 27), Mon 28, Tue 29, Wed 30, Thu 31.
    assert wd.agreement_deadline(date(2026, 12, 23), 5) == date(2026, 12, 31)
    assert wd.agreement_deadline(date(2026, 12, 23), 6) == date(2027, 1, 4)


def test_request_on_a_saturday_counts_from_monday() -> None:
    assert wd.agreement_deadline(date(2026, 3, 7), 1) == date(2026, 3, 9)


@pytest.mark.parametrize("days", [0, 61, -1])
def test_term_outside_1_to_60_is_refused(days: int) -> None:
    with pytest.raises(ValueError, match="days"):
        wd.agreement_deadline(date(2026, 3, 2), days)


def test_state_pending_until_the_end_of_the_deadline_day_then_agreed_by_silence() -> None:
    deadline = date(2026, 3, 16)
    assert wd.agreement_state(decision="pending", deadline=deadline, today=deadline) == wd.PENDING
    assert wd.agreement_state(decision="pending", deadline=deadline, today=deadline + timedelta(days=1)) == (
        wd.AGREED_BY_SILENCE
    )


def test_a_decision_is_final_whatever_the_date() -> None:
    deadline = date(2026, 3, 16)
    assert wd.agreement_state(decision="refused", deadline=deadline, today=date(2027, 1, 1)) == wd.REFUSED
    assert wd.agreement_state(decision="agreed", deadline=deadline, today=date(2026, 3, 1)) == wd.AGREED


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 60))
def test_deadline_is_a_working_day_with_exactly_n_working_days_after_the_request(
    start: date, days: int
) -> None:
    deadline = wd.agreement_deadline(start, days)
    assert wd.is_working_day(deadline)
    between = [start + timedelta(days=i) for i in range(1, (deadline - start).days + 1)]
    assert sum(wd.is_working_day(d) for d in between) == days
