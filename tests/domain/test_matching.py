# SPDX-License-Identifier: EUPL-1.2
"""The matching engine on a small hand-made taxonomy (pure, no database): scoring, expansion,
explanations, filters, consent, both directions, and the engine's blindness to protected attributes."""

import dataclasses
import math

import pytest

from rijksportfolio.domain.matching import (
    ALGORITHM_VERSION,
    Filters,
    MatchIndex,
    Opportunity,
    PersonProfile,
    Requirement,
    Taxonomy,
    opportunities_for,
)

TAX = Taxonomy(
    labels={
        "infosec": "Informatiebeveiliging",
        "risk": "Risicobeheer",
        "crypto": "Cryptografie",
        "it": "ICT",
        "audit": "Auditing",
        "policy": "Beleid schrijven",
    },
    broader=[("crypto", "infosec"), ("infosec", "it")],
    related=[("infosec", "risk")],
)
DEN_HAAG = (52.0705, 4.3007)
GRONINGEN = (53.2194, 6.5665)


def person(pid, skills, **kw):
    kw.setdefault("consent", True)
    kw.setdefault("hours_available", 36.0)
    return PersonProfile(person_id=pid, skills=skills, **kw)


def opp(*reqs, **kw):
    return Opportunity(requirements=tuple(reqs), **kw)


def test_profile_has_no_protected_attributes():
    assert [f.name for f in dataclasses.fields(PersonProfile)] == [
        "person_id",
        "skills",
        "tokens",
        "hours_available",
        "location",
        "scale",
        "organisation_id",
        "consent",
    ]


def test_build_accepts_only_person_profiles():
    @dataclasses.dataclass
    class Employee:
        person_id: int
        skills: dict
        consent: bool = True
        gender: str = "v"
        birth_year: int = 1970

    with pytest.raises(TypeError, match="only PersonProfile"):
        MatchIndex.build([Employee(1, {"infosec": 3})], TAX)
    with pytest.raises(TypeError):
        MatchIndex.build([{"person_id": 1, "skills": {"infosec": 3}, "consent": True}], TAX)


def test_expansion_weights_and_paths():
    exp = {(e.skill_id, e.relation, e.weight, e.path) for e in TAX.expand("infosec")}
    assert exp == {
        ("infosec", "direct", 1.0, ("infosec",)),
        ("crypto", "narrower", 0.8, ("infosec", "crypto")),
        ("it", "broader", 0.6, ("infosec", "it")),
        ("risk", "related", 0.5, ("infosec", "risk")),
    }


def test_direct_and_related_match_with_dutch_explanation():
    index = MatchIndex.build(
        [person(1, {"infosec": 3}), person(2, {"risk": 4}), person(3, {"policy": 4})], TAX
    )
    results = index.search(opp(Requirement("infosec", min_level=3)))
    assert [(r.person_id, r.score) for r in results] == [(1, 1.0), (2, 0.5)]
    assert results[0].contributions[0].text == "Informatiebeveiliging — direct, niveau ervaren"
    assert results[1].contributions[0].text == (
        "Informatiebeveiliging — via verwante vaardigheid Risicobeheer, niveau expert"
    )
    assert results[1].contributions[0].path == ("infosec", "risk")
    assert results[0].algorithm_version == ALGORITHM_VERSION == "match-1.0"


def test_level_below_minimum_reduces_contribution_and_says_so():
    index = MatchIndex.build([person(1, {"infosec": 2})], TAX)
    (r,) = index.search(opp(Requirement("infosec", min_level=3)))
    assert r.score == pytest.approx(2 / 3, abs=1e-12)
    assert r.contributions[0].text == (
        "Informatiebeveiliging — direct, niveau gevorderd, onder het gevraagde niveau ervaren (telt voor 67%)"
    )


def test_missing_and_nice_to_have_importance():
    index = MatchIndex.build([person(1, {"infosec": 4})], TAX)
    (r,) = index.search(opp(Requirement("infosec"), Requirement("audit", essential=False)))
    assert r.score == pytest.approx(1.0 / 1.5, abs=1e-12)
    assert [m.text for m in r.missing] == ["Auditing — ontbreekt (wenselijk)"]


def test_best_path_counts_once_per_requirement():
    index = MatchIndex.build([person(1, {"infosec": 4, "crypto": 4, "risk": 4})], TAX)
    (r,) = index.search(opp(Requirement("infosec")))
    assert r.score == 1.0
    assert [c.kind for c in r.contributions] == ["direct"]


def test_text_relevance_is_a_listed_contribution():
    index = MatchIndex.build(
        [
            person(1, {"infosec": 4}, tokens=("Ervaring met BIO en ISO 27001",)),
            person(2, {"infosec": 4}, tokens=("Beleid",)),
        ],
        TAX,
    )
    results = index.search(opp(Requirement("infosec"), terms=("iso 27001",)))
    assert [r.person_id for r in results] == [1, 2]
    text = results[0].contributions[-1]
    assert text.kind == "text"
    assert text.text == "Tekst in portfolio — komt overeen met: 27001, iso"
    assert 0 < text.value < 0.25 / 1.25
    assert results[1].score == pytest.approx(1 / 1.25, abs=1e-12)


def test_contributions_carry_what_a_renderer_in_another_language_needs():
    index = MatchIndex.build([person(1, {"crypto": 2}, tokens=("Ervaring met BIO en ISO 27001",))], TAX)
    (r,) = index.search(opp(Requirement("infosec", min_level=3), Requirement("audit"), terms=("iso 27001",)))
    skill, text = r.contributions
    assert (skill.kind, skill.path, skill.skill_id, skill.level, skill.min_level, skill.terms) == (
        "narrower",
        ("infosec", "crypto"),
        "crypto",
        2,
        3,
        (),
    )
    assert (text.kind, text.path, text.skill_id, text.level, text.min_level, text.terms) == (
        "text",
        (),
        None,
        None,
        None,
        ("27001", "iso"),
    )
    assert [(m.skill_id, m.essential) for m in r.missing] == [("audit", True)]


def test_filters():
    people = [
        person(1, {"infosec": 4}, hours_available=8, location=DEN_HAAG, scale=10, organisation_id=1),
        person(2, {"infosec": 4}, hours_available=36, location=GRONINGEN, scale=12, organisation_id=2),
        person(3, {"infosec": 4}, hours_available=36, location=DEN_HAAG, scale=8, organisation_id=1),
        person(4, {"infosec": 4}, hours_available=36),
    ]
    index = MatchIndex.build(people, TAX)

    def ids(**f):
        return [r.person_id for r in index.search(opp(Requirement("infosec"), filters=Filters(**f)))]

    assert ids() == [1, 2, 3, 4]
    assert ids(min_hours=16) == [2, 3, 4]
    assert ids(point=DEN_HAAG, max_distance_km=50) == [1, 3]
    assert ids(point=DEN_HAAG, max_distance_km=200) == [1, 2, 3]  # Groningen is ~180 km away
    assert ids(scale_min=9, scale_max=11) == [1]
    assert ids(organisation_ids=frozenset({2})) == [2]


def test_consent_people_are_never_indexed():
    index = MatchIndex.build([person(1, {"infosec": 4}, consent=False), person(2, {"infosec": 1})], TAX)
    assert [r.person_id for r in index.search(opp(Requirement("infosec")))] == [2]
    assert index.size == 1
    assert index.opportunities_for(1, [opp(Requirement("infosec"))]) == []
    assert (
        opportunities_for(person(1, {"infosec": 4}, consent=False), [opp(Requirement("infosec"))], TAX) == []
    )


def test_top_k_ties_break_on_person_id():
    index = MatchIndex.build([person(pid, {"infosec": 4}) for pid in (9, 3, 7, 1, 5)], TAX)
    assert [r.person_id for r in index.search(opp(Requirement("infosec")), top_k=3)] == [1, 3, 5]


def test_opportunities_for_a_person_same_scoring():
    people = [person(1, {"infosec": 3, "audit": 2}), person(2, {"risk": 4})]
    index = MatchIndex.build(people, TAX)
    opps = [
        opp(Requirement("infosec", min_level=3), opportunity_id=10),
        opp(Requirement("audit", min_level=4), Requirement("policy"), opportunity_id=11),
        opp(Requirement("policy"), opportunity_id=12),
        opp(Requirement("infosec", min_level=3), Requirement("crypto"), opportunity_id=13),
    ]
    got = index.opportunities_for(1, opps)
    assert [(r.opportunity_id, r.score) for r in got] == [(10, 1.0), (13, 0.8), (11, 0.25)]
    for o in opps:
        by_search = {r.person_id: r.score for r in index.search(o)}
        mine = {r.opportunity_id: r.score for r in got}
        assert by_search.get(1) == mine.get(o.opportunity_id)
    alone = opportunities_for(people[0], opps, TAX)
    assert [(r.opportunity_id, r.score) for r in alone] == [(10, 1.0), (13, 0.8), (11, 0.25)]


def test_invalid_input():
    with pytest.raises(ValueError, match="1–4"):
        person(1, {"infosec": 5})
    with pytest.raises(ValueError, match="once"):
        opp(Requirement("infosec"), Requirement("infosec", essential=False))
    assert math.isclose(Requirement("x", essential=False).importance, 0.5)


def test_eligible_is_everyone_the_filters_let_through_whatever_is_asked():
    people = [
        person(1, {"infosec": 4}, hours_available=8, organisation_id=1),
        person(2, {}, hours_available=36, organisation_id=1),  # no skills: still in the population
        person(3, {"audit": 1}, hours_available=36, organisation_id=2),
        person(4, {"audit": 1}, consent=False, organisation_id=1),
    ]
    index = MatchIndex.build(people, TAX, restricted={3})
    assert index.eligible(Filters()).tolist() == [1, 2]  # 3 is op aanvraag, 4 never indexed
    assert index.eligible(Filters(unlocked_person_ids=frozenset({3}))).tolist() == [1, 2, 3]
    assert index.eligible(Filters(min_hours=16, organisation_ids=frozenset({1}))).tolist() == [2]
