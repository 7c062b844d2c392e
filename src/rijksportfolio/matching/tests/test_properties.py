# SPDX-License-Identifier: EUPL-1.2
"""Property tests through the Django adapter (database, index, services), not only the engine core.

Each example changes rows of one small Rijk inside the test's transaction and names the people it changed
(``matching_inputs_changed``, as every write service does); the next search applies them to the index."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rijksportfolio.matching import services
from rijksportfolio.matching.changes import matching_inputs_changed
from rijksportfolio.matching.services import SkillWanted
from rijksportfolio.matching.tests.conftest import make_person
from rijksportfolio.people.tests.factories import LocationFactory
from rijksportfolio.portfolios.models import AccessRequest, Portfolio, PortfolioSkill
from rijksportfolio.portfolios.tests.factories import AccessRequestFactory

PROPERTY = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
LEVELS = ["basis", "gevorderd", "ervaren", "expert"]


def _scores(ranking) -> dict[int, float]:
    return {m.subject_id: m.score for m in ranking.matches}


@pytest.fixture
def crowd(skills):
    people = [
        make_person(
            f"Naam{i}", f"Achter{i}", skills=[(skills["security"], "ervaren"), (skills["audit"], "basis")]
        )
        for i in range(4)
    ]
    return people


@PROPERTY
@given(
    states=st.lists(
        st.tuples(st.booleans(), st.sampled_from(["rijk", "op_aanvraag", "alleen_ik"]),
                  st.sampled_from(["none", "approved", "expired", "revoked", "dossier"])),
        min_size=4, max_size=4,
    )
)  # fmt: skip
def test_visibility_and_consent_are_never_bypassed(leader, skills, crowd, states) -> None:
    AccessRequest.objects.all().delete()
    expected = set()
    for person, (consent, vis, grant) in zip(crowd, states, strict=True):
        Portfolio.objects.filter(person=person).update(matching_consent=consent, visibility_skills=vis)
        if grant == "dossier":
            AccessRequestFactory(
                portfolio=person.portfolio, requester=leader.person, section="dossier", approved=True
            )
        elif grant != "none":
            AccessRequestFactory(
                portfolio=person.portfolio, requester=leader.person, section="vaardigheden", **{grant: True}
            )
        if consent and (vis == "rijk" or (vis == "op_aanvraag" and grant == "approved")):
            expected.add(person.pk)
    matching_inputs_changed(person_ids=[p.pk for p in crowd])  # what a service writing these rows does
    found = {
        m.subject_id
        for m in services.expertise_search(actor=leader, skills=[SkillWanted(skills["security"])]).matches
    }
    assert found == expected


@PROPERTY
@given(
    gender=st.sampled_from(["female", "male", "other", "unknown"]),
    born=st.dates(min_value=date(1955, 1, 1), max_value=date(2004, 12, 31)),
    name=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12),
    move=st.booleans(),
)
def test_gender_age_name_or_location_never_change_a_score_without_a_distance_filter(
    leader, skills, crowd, gender, born, name, move
) -> None:
    wanted = [
        SkillWanted(skills["security"], min_level="expert"),
        SkillWanted(skills["risk"], essential=False),
    ]
    before = _scores(services.expertise_search(actor=leader, skills=wanted, text="beleid"))
    person = crowd[0]
    person.gender = gender
    person.date_of_birth = born
    person.first_name = name
    person.last_name = name[::-1]
    if move:
        person.work_location = LocationFactory()
    person.save()
    matching_inputs_changed(person_ids=[person.pk])
    after = _scores(services.expertise_search(actor=leader, skills=wanted, text="beleid"))
    assert after == before


@PROPERTY
@given(
    held=st.lists(st.tuples(st.sampled_from(["security", "risk", "audit", "threat"]), st.sampled_from(LEVELS)),
                  min_size=1, max_size=4, unique_by=lambda t: t[0]),
    asked=st.lists(st.tuples(st.sampled_from(["security", "risk", "audit", "threat"]), st.booleans(),
                             st.sampled_from(LEVELS)), max_size=3, unique_by=lambda t: t[0]),
    extra_essential=st.booleans(),
)  # fmt: skip
def test_adding_a_required_skill_the_person_has_never_lowers_their_score(
    leader, skills, crowd, held, asked, extra_essential
) -> None:
    person = crowd[0]
    PortfolioSkill.objects.filter(portfolio=person.portfolio).delete()
    for key, level in held:
        PortfolioSkill.objects.create(portfolio=person.portfolio, skill=skills[key], level=level)
    matching_inputs_changed(person_ids=[person.pk])
    extra_key, extra_level = held[0]
    asked = [a for a in asked if a[0] != extra_key]
    base = [SkillWanted(skills[k], essential=e, min_level=lv) for k, e, lv in asked]
    more = [*base, SkillWanted(skills[extra_key], essential=extra_essential, min_level=extra_level)]
    before = _scores(services.expertise_search(actor=leader, skills=base, text="" if base else "x")).get(
        person.pk, 0.0
    )
    after = _scores(services.expertise_search(actor=leader, skills=more)).get(person.pk, 0.0)
    assert after >= before - 1e-12
