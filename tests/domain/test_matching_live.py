# SPDX-License-Identifier: EUPL-1.2
"""The live index (an overlay of changed people over a full build) ranks exactly like a fresh build of the
current profiles: same people, order, scores and explanations, whatever the changes and their order."""

import pytest
from hypothesis import given, settings, strategies as st

from rijksportfolio.domain.matching import (
    Filters,
    LiveIndex,
    MatchIndex,
    Opportunity,
    PersonProfile,
    Requirement,
    Taxonomy,
    live,
)

SKILLS = [f"s{i}" for i in range(10)]
TAX = Taxonomy(
    labels={s: s.upper() for s in SKILLS},
    broader=[("s1", "s0"), ("s2", "s0"), ("s3", "s1"), ("s5", "s4")],
    related=[("s0", "s4"), ("s2", "s6"), ("s8", "s9")],
)
WORDS = ["beleid", "iso", "audit", "python", "juridisch", "data"]
SETTINGS = settings(max_examples=60, deadline=None)
IDS = st.integers(1, 40)


@st.composite
def profiles(draw, pid):
    return PersonProfile(
        person_id=pid,
        skills=draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(1, 4), max_size=5)),
        tokens=tuple(draw(st.lists(st.sampled_from(WORDS), max_size=6))),
        hours_available=draw(st.sampled_from([0.0, 8.0, 16.0, 36.0])),
        location=draw(st.one_of(st.none(), st.tuples(st.floats(51.0, 53.0), st.floats(4.0, 6.5)))),
        scale=draw(st.one_of(st.none(), st.integers(4, 16))),
        organisation_id=draw(st.one_of(st.none(), st.integers(1, 3))),
        consent=draw(st.booleans()) or draw(st.booleans()),
    )


@st.composite
def states(draw):
    """(profiles by id, restricted ids): a population at one moment."""
    ids = draw(st.lists(IDS, max_size=20, unique=True))
    people = {pid: draw(profiles(pid)) for pid in ids}
    return people, frozenset(draw(st.sets(st.sampled_from(ids)))) if ids else frozenset()


@st.composite
def batches(draw):
    """One change: people named as changed, of whom some get a (new) profile and the rest are removed."""
    changed = draw(st.lists(IDS, min_size=1, max_size=8, unique=True))
    fresh = [draw(profiles(pid)) for pid in changed if draw(st.integers(0, 3))]
    restricted = frozenset(p.person_id for p in fresh if draw(st.booleans()) and not draw(st.booleans()))
    return changed, fresh, restricted


@st.composite
def queries(draw):
    chosen = draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=4, unique=True))
    requirements = tuple(
        Requirement(s, essential=draw(st.booleans()), min_level=draw(st.integers(1, 4))) for s in chosen
    )
    filters = Filters(
        min_hours=draw(st.one_of(st.none(), st.sampled_from([8.0, 16.0]))),
        point=(52.0, 5.0),
        max_distance_km=draw(st.one_of(st.none(), st.floats(10, 200))),
        scale_min=draw(st.one_of(st.none(), st.integers(4, 10))),
        organisation_ids=draw(st.one_of(st.none(), st.frozensets(st.integers(1, 3), min_size=1))),
        unlocked_person_ids=draw(st.frozensets(IDS, max_size=10)),
    )
    return Opportunity(
        requirements=requirements,
        terms=tuple(draw(st.lists(st.sampled_from([*WORDS, "onbekend"]), max_size=3))),
        filters=filters,
        opportunity_id=draw(st.integers(1, 5)),
    )


def _apply(index, current, restricted, changed, fresh, batch_restricted):
    index = index.with_changes(changed, fresh, batch_restricted)
    for pid in changed:
        current.pop(pid, None)
        restricted.discard(pid)
    for profile in fresh:
        current[profile.person_id] = profile
        if profile.person_id in batch_restricted:
            restricted.add(profile.person_id)
    return index


def _fresh(current, restricted):
    return MatchIndex.build(current.values(), TAX, restricted=restricted)


@SETTINGS
@given(
    state=states(),
    changes=st.lists(batches(), max_size=9),
    opportunities=st.lists(queries(), min_size=1, max_size=3),
)
def test_an_index_with_changes_ranks_exactly_like_a_fresh_build(state, changes, opportunities):
    people, restricted0 = state
    current, restricted = dict(people), set(restricted0)
    index = LiveIndex.build(people.values(), TAX, restricted=restricted0)
    for changed, fresh, batch_restricted in changes:
        index = _apply(index, current, restricted, changed, fresh, batch_restricted)
    rebuilt = _fresh(current, restricted)
    assert index.size == rebuilt.size
    assert index.restricted == frozenset(p for p in restricted if current[p].consent)
    assert index.segments <= 1 + live.MAX_SEGMENTS
    for opportunity in opportunities:
        for top_k in (1, 3, 100):
            assert index.search(opportunity, top_k=top_k) == rebuilt.search(opportunity, top_k=top_k)
        for pid in range(1, 41):
            assert index.score(pid, opportunity) == rebuilt.score(pid, opportunity)
            assert index.contains(pid) == (rebuilt.row_of(pid) is not None)
        assert index.opportunities_for(3, opportunities) == rebuilt.opportunities_for(3, opportunities)
        ids, scores = index.scores(opportunity)  # the fairness monitor's view
        fresh_ids, fresh_scores = rebuilt.scores(opportunity)
        assert ids.tolist() == fresh_ids.tolist()
        assert scores.tolist() == fresh_scores.tolist()
        assert index.eligible(opportunity.filters).tolist() == rebuilt.eligible(opportunity.filters).tolist()
        everyone = rebuilt.search(opportunity, top_k=1000)
        for min_score in (0.2, 0.5, 0.9):
            above = [r for r in everyone if r.score >= min_score]
            assert index.matches(opportunity, min_score=min_score) == above
            some = {1, 2, 3, 5, 8, 13, 21, 34}
            assert index.matches(opportunity, min_score=min_score, person_ids=some) == [
                r for r in above if r.person_id in some
            ]


@SETTINGS
@given(state=states(), changes=st.lists(batches(), min_size=1, max_size=6), opportunity=queries())
def test_the_old_index_is_not_disturbed_by_a_change(state, changes, opportunity):
    people, restricted = state
    index = LiveIndex.build(people.values(), TAX, restricted=restricted)
    before = index.search(opportunity, top_k=100)
    for changed, fresh, batch_restricted in changes:
        index.with_changes(changed, fresh, batch_restricted)
    assert index.search(opportunity, top_k=100) == before


def test_overlay_size_counts_replaced_and_added_rows():
    a = PersonProfile(person_id=1, skills={"s0": 2}, consent=True)
    index = LiveIndex.build([a], TAX)
    assert index.overlay_size == 0
    index = index.with_changes([1, 2], [PersonProfile(person_id=2, skills={"s1": 3}, consent=True)])
    assert (index.size, index.overlay_size) == (1, 2)  # 1 dead in the base, 2 added
    index = index.with_changes([2], [])
    assert (index.size, index.overlay_size) == (0, 1)


def test_with_changes_refuses_profiles_it_was_not_told_about():
    index = LiveIndex.build([], TAX)
    with pytest.raises(ValueError, match="not named as changed"):
        index.with_changes([1], [PersonProfile(person_id=2, skills={}, consent=True)])
    with pytest.raises(TypeError):
        index.with_changes([1], [{"person_id": 1}])


def test_many_changes_are_merged_into_few_segments():
    index = LiveIndex.build(
        [PersonProfile(person_id=i, skills={"s0": 1}, consent=True) for i in range(5)], TAX
    )
    for i in range(20):
        index = index.with_changes([i], [PersonProfile(person_id=i, skills={"s0": 4}, consent=True)])
    assert index.segments <= 1 + live.MAX_SEGMENTS
    assert [r.person_id for r in index.search(Opportunity((Requirement("s0", min_level=4),)), top_k=3)] == [
        0,
        1,
        2,
    ]
    assert index.score(19, Opportunity((Requirement("s0", min_level=4),))).score == 1.0
