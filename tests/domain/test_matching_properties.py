# SPDX-License-Identifier: EUPL-1.2
"""Property tests (hypothesis) of the matching engine: monotonicity, consent, blindness to location
without a distance filter, explanations that add up, determinism."""

import math

import numpy as np
from hypothesis import given, settings, strategies as st

from rijksportfolio.domain.matching import (
    Filters,
    MatchIndex,
    Opportunity,
    PersonProfile,
    Requirement,
    Taxonomy,
)

SKILLS = [f"s{i}" for i in range(12)]
TAX = Taxonomy(
    labels={s: s.upper() for s in SKILLS},
    broader=[("s1", "s0"), ("s2", "s0"), ("s3", "s1"), ("s5", "s4"), ("s7", "s6")],
    related=[("s0", "s4"), ("s2", "s6"), ("s8", "s9"), ("s10", "s3")],
)
WORDS = ["beleid", "iso", "audit", "python", "juridisch", "financien", "data"]
SETTINGS = settings(max_examples=30, deadline=None)

levels = st.integers(min_value=1, max_value=4)
locations = st.one_of(st.none(), st.tuples(st.floats(50.7, 53.5), st.floats(3.3, 7.2)))


@st.composite
def profiles(draw, pid):
    return PersonProfile(
        person_id=pid,
        skills=draw(st.dictionaries(st.sampled_from(SKILLS), levels, max_size=6)),
        tokens=tuple(draw(st.lists(st.sampled_from(WORDS), max_size=5))),
        hours_available=draw(st.sampled_from([0.0, 8.0, 16.0, 36.0])),
        location=draw(locations),
        scale=draw(st.one_of(st.none(), st.integers(4, 16))),
        organisation_id=draw(st.one_of(st.none(), st.integers(1, 3))),
        consent=draw(st.booleans()),
    )


@st.composite
def populations(draw):
    ids = draw(st.lists(st.integers(1, 10_000), min_size=1, max_size=25, unique=True))
    return [draw(profiles(pid)) for pid in ids]


@st.composite
def filters(draw, distance=True):
    point = draw(st.tuples(st.floats(51.0, 53.0), st.floats(4.0, 6.5))) if distance else None
    return Filters(
        min_hours=draw(st.one_of(st.none(), st.sampled_from([8.0, 16.0]))),
        point=point,
        max_distance_km=draw(st.one_of(st.none(), st.floats(10, 300))) if distance else None,
        scale_min=draw(st.one_of(st.none(), st.integers(4, 10))),
        scale_max=draw(st.one_of(st.none(), st.integers(8, 16))),
        organisation_ids=draw(st.one_of(st.none(), st.frozensets(st.integers(1, 3), min_size=1))),
    )


@st.composite
def opportunities(draw, distance=True):
    chosen = draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=5, unique=True))
    reqs = tuple(Requirement(s, essential=draw(st.booleans()), min_level=draw(levels)) for s in chosen)
    return Opportunity(
        requirements=reqs,
        terms=tuple(draw(st.lists(st.sampled_from([*WORDS, "onbekend"]), max_size=3))),
        filters=draw(filters(distance)),
    )


def _score(index, pid, opportunity):
    result = index.score(pid, opportunity)
    return 0.0 if result is None else result.score


@SETTINGS
@given(population=populations(), opportunity=opportunities(distance=False), data=st.data())
def test_adding_an_essential_skill_the_person_holds_never_lowers_the_score(population, opportunity, data):
    consenting = [p for p in population if p.consent]
    if not consenting:
        return
    p = data.draw(st.sampled_from(consenting))
    required = {r.skill_id for r in opportunity.requirements}
    extra = sorted(set(p.skills) - required)
    if not extra:
        return
    skill = data.draw(st.sampled_from(extra))
    min_level = data.draw(st.integers(1, p.skills[skill]))
    index = MatchIndex.build(population, TAX)
    before = _score(index, p.person_id, opportunity)
    wider = Opportunity(
        requirements=(*opportunity.requirements, Requirement(skill, essential=True, min_level=min_level)),
        terms=opportunity.terms,
        filters=opportunity.filters,
    )
    after = _score(index, p.person_id, wider)
    if index.score(p.person_id, opportunity) is None and index.score(p.person_id, wider) is None:
        return  # filtered out both times
    assert after >= before


@SETTINGS
@given(population=populations(), opportunity=opportunities())
def test_consent_is_never_bypassed(population, opportunity):
    index = MatchIndex.build(population, TAX)
    refused = {p.person_id for p in population if not p.consent}
    returned = {r.person_id for r in index.search(opportunity, top_k=100)}
    assert not returned & refused
    for pid in refused:
        assert index.score(pid, opportunity) is None
        assert index.opportunities_for(pid, [opportunity]) == []


@SETTINGS
@given(population=populations(), opportunity=opportunities(distance=False), data=st.data())
def test_location_never_changes_a_score_without_distance_filter(population, opportunity, data):
    i = data.draw(st.integers(0, len(population) - 1))
    moved = list(population)
    p = moved[i]
    moved[i] = PersonProfile(
        person_id=p.person_id,
        skills=p.skills,
        tokens=p.tokens,
        hours_available=p.hours_available,
        location=data.draw(locations),
        scale=p.scale,
        organisation_id=p.organisation_id,
        consent=p.consent,
    )
    a = MatchIndex.build(population, TAX).search(opportunity, top_k=100)
    b = MatchIndex.build(moved, TAX).search(opportunity, top_k=100)
    assert a == b


@SETTINGS
@given(population=populations(), opportunity=opportunities())
def test_explanations_add_up_to_the_score(population, opportunity):
    index = MatchIndex.build(population, TAX)
    for r in index.search(opportunity, top_k=100):
        assert 0.0 < r.score <= 1.0
        assert math.isclose(math.fsum(c.value for c in r.contributions), r.score, rel_tol=0, abs_tol=1e-9)
        assert len(r.contributions) + len(r.missing) >= len(opportunity.requirements)
        same = index.score(r.person_id, opportunity)
        assert same is not None
        assert same.score == r.score
        assert same.contributions == r.contributions


@SETTINGS
@given(population=populations(), opportunity=opportunities(), seed=st.randoms(use_true_random=False))
def test_deterministic_whatever_the_input_order(population, opportunity, seed):
    shuffled = list(population)
    seed.shuffle(shuffled)
    a = MatchIndex.build(population, TAX).search(opportunity, top_k=5)
    b = MatchIndex.build(shuffled, TAX).search(opportunity, top_k=5)
    assert a == b
    keys = [(-r.score, r.person_id) for r in a]
    assert keys == sorted(keys)


@SETTINGS
@given(population=populations(), opportunity=opportunities(), top_k=st.integers(1, 30))
def test_search_is_exactly_the_top_of_every_single_score(population, opportunity, top_k):
    """The vectorised walk, the candidate cut before rounding and the filters give what scoring each person
    on their own gives: the first ``top_k`` by score descending, then person id; ``scores`` lists them all."""
    index = MatchIndex.build(population, TAX)
    every = [r for p in population if (r := index.score(p.person_id, opportunity)) is not None]
    every.sort(key=lambda r: (-r.score, r.person_id))
    assert index.search(opportunity, top_k=top_k) == every[:top_k]
    ids, scores = index.scores(opportunity)
    assert ids.tolist() == sorted(r.person_id for r in every)
    assert dict(zip(ids.tolist(), scores.tolist(), strict=True)) == {r.person_id: r.score for r in every}


def _haversine_km(lat: np.ndarray, lon: np.ndarray, point: tuple[float, float]) -> np.ndarray:
    """The documented distance: great-circle (haversine) on a sphere of radius 6371.0088 km."""
    lat, lon = np.radians(lat), np.radians(lon)
    lat0, lon0 = math.radians(point[0]), math.radians(point[1])
    h = np.sin((lat - lat0) / 2) ** 2 + math.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(h, 1.0)))


@SETTINGS
@given(
    points=st.lists(st.tuples(st.floats(50.7, 53.5), st.floats(3.3, 7.2)), min_size=1, max_size=40),
    centre=st.tuples(st.floats(50.7, 53.5), st.floats(3.3, 7.2)),
    data=st.data(),
)
def test_distance_filter_is_the_haversine_also_at_the_limit(points, centre, data):
    lat = np.array([p[0] for p in points])
    lon = np.array([p[1] for p in points])
    distances = _haversine_km(lat, lon, centre)
    # the limit: anywhere, or exactly someone's distance (or a hair either side of it)
    limit = data.draw(
        st.one_of(
            st.floats(0.001, 400),
            st.sampled_from(distances.tolist()).map(lambda d: max(d, 0.0)),
            st.sampled_from(distances.tolist()).map(lambda d: max(math.nextafter(d, 0.0), 0.0)),
            st.sampled_from(distances.tolist()).map(lambda d: math.nextafter(d, math.inf)),
        )
    )
    people = [
        PersonProfile(person_id=i + 1, skills={"s0": 1}, location=p, consent=True)
        for i, p in enumerate(points)
    ]
    people.append(PersonProfile(person_id=len(points) + 1, skills={"s0": 1}, consent=True))  # no location
    index = MatchIndex.build(people, TAX)
    query = Opportunity((Requirement("s0"),), filters=Filters(point=centre, max_distance_km=limit))
    found = {r.person_id for r in index.search(query, top_k=100)}
    assert found == {i + 1 for i in np.flatnonzero(distances <= limit).tolist()}
