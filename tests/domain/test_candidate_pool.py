# SPDX-License-Identifier: EUPL-1.2
"""Candidate-pool rules: calendar months, the 1–12 month bound, states at their exact ends, reminders and the
contact interval."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from rijksportfolio.domain import candidate_pool as rules

T = datetime(2025, 1, 31, 9, 30, tzinfo=UTC)


def test_months_are_calendar_months_clamped_to_the_end_of_the_month():
    assert rules.add_months(T, 1) == datetime(2025, 2, 28, 9, 30, tzinfo=UTC)
    assert rules.add_months(datetime(2024, 1, 31, tzinfo=UTC), 1) == datetime(2024, 2, 29, tzinfo=UTC)
    assert rules.add_months(T, 12) == datetime(2026, 1, 31, 9, 30, tzinfo=UTC)
    assert rules.add_months(datetime(2025, 11, 15, tzinfo=UTC), 3) == datetime(2026, 2, 15, tzinfo=UTC)


def test_the_default_period_is_twelve_months():
    assert rules.DEFAULT_MONTHS == 12
    assert rules.expires_at(start=T, months=rules.DEFAULT_MONTHS) == datetime(2026, 1, 31, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("months", [0, 13, -1, 24, 1.5, "12", None, True])
def test_a_period_outside_one_to_twelve_whole_months_is_refused(months):
    with pytest.raises(rules.PeriodError):
        rules.expires_at(start=T, months=months)


@given(
    st.integers(min_value=1, max_value=12),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)),
)
def test_every_allowed_period_ends_after_the_start_and_within_a_year(months, start):
    start = start.replace(tzinfo=UTC)
    end = rules.expires_at(start=start, months=months)
    assert start < end <= rules.add_months(start, 12)
    assert (end.year - start.year) * 12 + end.month - start.month == months


def test_states_end_exactly_at_their_moment():
    end = T + timedelta(days=10)
    assert (
        rules.state(status=rules.ACTIVE, now=end - timedelta(seconds=1), answer_by=None, expires_at=end)
        == "actief"
    )
    assert rules.state(status=rules.ACTIVE, now=end, answer_by=None, expires_at=end) == "verlopen"
    answer = rules.answer_by(proposed_at=T)
    assert answer == T + timedelta(days=30)
    assert (
        rules.state(
            status=rules.PROPOSED, now=answer - timedelta(seconds=1), answer_by=answer, expires_at=None
        )
        == "voorgesteld"
    )
    assert rules.state(status=rules.PROPOSED, now=answer, answer_by=answer, expires_at=None) == "vervallen"
    with pytest.raises(ValueError, match="unknown status"):
        rules.state(status="weg", now=T, answer_by=None, expires_at=None)


def test_a_reminder_once_within_fourteen_days_of_the_end():
    end = T + timedelta(days=30)
    kwargs = {"status": rules.ACTIVE, "expires_at": end}
    assert not rules.needs_reminder(now=end - timedelta(days=15), reminded_at=None, **kwargs)
    assert rules.needs_reminder(now=end - timedelta(days=14), reminded_at=None, **kwargs)
    assert not rules.needs_reminder(
        now=end - timedelta(days=3), reminded_at=end - timedelta(days=10), **kwargs
    )
    assert not rules.needs_reminder(now=end, reminded_at=None, **kwargs)  # ended: deleted, not reminded
    assert not rules.needs_reminder(status=rules.PROPOSED, now=T, expires_at=None, reminded_at=None)


def test_the_same_vacancy_holder_contacts_again_after_seven_days():
    assert rules.may_contact_again(last_contact_at=None, now=T)
    assert not rules.may_contact_again(last_contact_at=T - timedelta(days=6, hours=23), now=T)
    assert rules.may_contact_again(last_contact_at=T - timedelta(days=7), now=T)
