# SPDX-License-Identifier: EUPL-1.2
"""The change-log cursor: ids that commit out of order are not lost, and none is read twice."""

from hypothesis import given, settings, strategies as st

from rijksportfolio.domain.changelog import ChangeCursor, Gap, initial

TIMEOUT = 20.0


def _poll(cursor, visible):
    """What the database query answers: visible ids above the high-water mark or inside a gap range."""
    ranges = cursor.ranges()
    return sorted(i for i in visible if i > cursor.high_water or any(a <= i <= b for a, b in ranges))


@settings(max_examples=200, deadline=None)
@given(
    delays=st.lists(st.one_of(st.none(), st.integers(0, 45)), min_size=1, max_size=40),
    max_gaps=st.sampled_from([1, 2, 32]),
    start=st.integers(0, 5),
)
def test_every_id_that_commits_within_the_timeout_is_read(delays, max_gaps, start):
    # id i+1 is handed out at time i and commits delays[i] later (None: rolled back)
    commit = {i + 1: i + d for i, d in enumerate(delays) if d is not None}
    cursor, read = ChangeCursor(), []
    for now in range(start, len(delays) + 50):
        visible = [i for i, at in commit.items() if at <= now]
        got = _poll(cursor, visible)
        read.extend(got)
        cursor = cursor.advance(got, now=float(now), timeout=TIMEOUT, max_gaps=max_gaps)
        assert len(cursor.gaps) <= max_gaps
    on_time = {i for i, at in commit.items() if at - (i - 1) < TIMEOUT}
    assert on_time <= set(read) <= set(commit)
    if max_gaps == 32:
        assert len(read) == len(set(read))  # without joined ranges nothing is read twice


def test_gaps_are_remembered_split_and_forgotten_after_the_timeout():
    cursor = ChangeCursor().advance([1, 2, 5, 9], now=0.0)
    assert cursor.high_water == 9
    assert cursor.ranges() == ((3, 4), (6, 8))
    cursor = cursor.advance([7], now=5.0)
    assert cursor.ranges() == ((3, 4), (6, 6), (8, 8))
    assert cursor.advance([], now=300.0).ranges() == ()


def test_too_many_gaps_join_the_closest():
    cursor = ChangeCursor().advance([2, 4, 10, 12], now=0.0, max_gaps=2)
    assert cursor.gaps == (Gap(1, 9, 0.0), Gap(11, 11, 0.0))  # equal distances: the first pair first


def test_initial_cursor_treats_missing_recent_ids_as_gaps():
    cursor = initial(high_water=100, present=[96, 97, 99, 100], lookback=5, now=0.0)
    assert (cursor.high_water, cursor.ranges()) == (100, ((98, 98),))
    assert initial(high_water=0, present=[], lookback=5, now=0.0) == ChangeCursor()


def test_json_round_trip():
    cursor = ChangeCursor().advance([1, 4], now=3.5)
    assert ChangeCursor.from_json(cursor.as_json()) == cursor
    assert ChangeCursor.from_json(None) == ChangeCursor()
