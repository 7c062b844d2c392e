# SPDX-License-Identifier: EUPL-1.2
"""Ranking requests through the services: explanations in the user's language, logging, ranking off,
shortlist overrides, filters, "kansen voor mij"."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.matching import services
from rijksportfolio.matching.models import RankingLog
from rijksportfolio.matching.services import SearchFilters, SkillWanted
from rijksportfolio.matching.tests.conftest import make_person
from rijksportfolio.opportunities.tests.factories import OpportunityFactory, OpportunitySkillFactory
from rijksportfolio.people.tests.factories import PersonFactory
from rijksportfolio.portfolios.tests.factories import AccessRequestFactory, ItemFactory, user_for


@pytest.fixture
def opportunity(leader, skills, organisation):
    opportunity = OpportunityFactory(owner=leader.person, organisation=organisation, published=True)
    OpportunitySkillFactory(
        opportunity=opportunity, skill=skills["security"], essential=True, min_level="ervaren"
    )
    OpportunitySkillFactory(opportunity=opportunity, skill=skills["risk"], essential=False, min_level="basis")
    return opportunity


def test_candidates_with_dutch_explanations_that_add_up_and_what_is_missing(leader, skills, opportunity):
    direct = make_person(
        "Anna", "Smit", skills=[(skills["security"], "ervaren"), (skills["audit"], "gevorderd")]
    )
    partial = make_person("Bram", "Vos", skills=[(skills["security"], "basis")])
    make_person("Cor", "Mulder", skills=[(skills["threat"], "expert")])  # nothing that counts
    ranking = services.candidates_search(actor=leader, opportunity=opportunity)
    assert [m.subject_id for m in ranking.matches] == [direct.pk, partial.pk]
    first = ranking.matches[0]
    assert first.explanations == (
        "informatiebeveiliging — direct, niveau ervaren",
        "risicobeheer — via verwante vaardigheid IT-audit, niveau gevorderd",
    )
    assert first.missing == ()
    assert sum(v for _t, v in first.contributions) == pytest.approx(first.score, abs=1e-9)
    assert ranking.matches[1].missing == ("risicobeheer — ontbreekt (wenselijk)",)
    assert ranking.names[direct.pk] == "Anna Smit"


def test_in_english_the_same_candidates_are_explained_in_english(leader, skills, opportunity):
    make_person("Anna", "Smit", skills=[(skills["security"], "ervaren"), (skills["audit"], "gevorderd")])
    make_person("Bram", "Vos", skills=[(skills["security"], "basis"), (skills["threat"], "expert")])
    with translation.override("en"):
        ranking = services.candidates_search(actor=leader, opportunity=opportunity)
    first, second = ranking.matches
    assert first.explanations == (
        "information security — direct, level experienced",
        "risk management — through the related skill IT auditing, level advanced",
    )
    assert [t for t, _v in first.contributions] == list(first.explanations)
    assert second.explanations == (
        "information security — direct, level basic, below the required level experienced (counts for 33%)",
    )
    assert second.missing == ("risk management — missing (nice to have)",)
    with translation.override("nl"):
        again = services.candidates_search(actor=leader, opportunity=opportunity)
    assert again.matches[1].explanations == (
        "informatiebeveiliging — direct, niveau basis, onder het gevraagde niveau ervaren (telt voor 33%)",
    )
    assert [m.score for m in again.matches] == [m.score for m in ranking.matches]


def test_free_text_and_kansen_voor_mij_in_english(leader, skills, opportunity):
    person = make_person("Gert", "Gras", skills=[(skills["security"], "gevorderd")])
    ItemFactory(portfolio=person.portfolio, title="Zero trust architectuur ingevoerd")
    with translation.override("en"):
        found = services.expertise_search(
            actor=leader, skills=[SkillWanted(skills["threat"], essential=False)], text="zero trust"
        )
        mine = services.opportunities_for_me(actor=user_for(person))
    assert found.matches[0].explanations == ("Text in portfolio — matches: trust, zero",)
    assert found.matches[0].missing == ("threat modelling — missing (nice to have)",)
    assert mine.matches[0].explanations == (
        "information security — direct, level advanced, below the required level experienced (counts for 67%)",
    )
    assert mine.matches[0].missing == ("risk management — missing (nice to have)",)


def test_every_ranking_request_is_logged_with_who_what_version_and_ids(leader, skills, opportunity):
    person = make_person("Anna", "Smit", skills=[(skills["security"], "ervaren")])
    ranking = services.candidates_search(actor=leader, opportunity=opportunity)
    log = RankingLog.objects.get()
    assert ranking.log == log
    assert (log.actor, log.opportunity, log.direction, log.ranked) == (
        leader,
        opportunity,
        "kandidaten",
        True,
    )
    assert log.algorithm_version == "match-1.0"
    assert log.result_ids == [person.pk]


def test_only_the_owner_sees_candidates(skills, opportunity):
    other = user_for(PersonFactory())
    role_assign(user=other, role=Role.PROJECT_LEADER)
    with pytest.raises(PermissionDenied):
        services.candidates_search(actor=other, opportunity=opportunity)


def test_ranking_switched_off_gives_an_alphabetical_list_without_scores(
    leader, skills, opportunity, organisation
):
    zeta = make_person("Zeno", "Aa", skills=[(skills["security"], "basis")])
    alpha = make_person("Abe", "Zwart", skills=[(skills["security"], "expert")])
    admin = user_for(PersonFactory())
    role_assign(user=admin, role=Role.ORG_ADMIN, organisation=organisation)
    services.matching_settings_set(actor=admin, organisation=organisation, ranking_enabled=False)
    ranking = services.candidates_search(actor=leader, opportunity=opportunity)
    assert [m.subject_id for m in ranking.matches] == [zeta.pk, alpha.pk]  # by last name: Aa, Zwart
    assert [m.score for m in ranking.matches] == [None, None]
    assert RankingLog.objects.get().ranked is False
    with pytest.raises(PermissionDenied):
        services.matching_settings_set(actor=leader, organisation=organisation, ranking_enabled=True)


def test_filters_hours_distance_scale_and_organisation(leader, skills, opportunity, organisation):
    near = make_person(
        "Dirk", "Dam", skills=[(skills["security"], "expert")], hours=20, organisation=organisation
    )
    few_hours = make_person("Els", "Eek", skills=[(skills["security"], "expert")], hours=4)
    ids = [m.subject_id for m in services.candidates_search(
        actor=leader, opportunity=opportunity, filters=SearchFilters(min_hours=8)).matches]  # fmt: skip
    assert near.pk in ids
    assert few_hours.pk not in ids
    only_org = services.candidates_search(
        actor=leader, opportunity=opportunity, filters=SearchFilters(organisation=organisation)
    )
    assert [m.subject_id for m in only_org.matches] == [near.pk]
    high = services.candidates_search(
        actor=leader, opportunity=opportunity, filters=SearchFilters(scale_min=12)
    )
    assert high.matches == []
    with pytest.raises(ValidationError):
        services.candidates_search(
            actor=leader, opportunity=opportunity, filters=SearchFilters(scale_min=12, scale_max=10)
        )


def test_expertise_search_respects_op_aanvraag_and_grants(leader, skills):
    hidden = make_person("Fay", "Fris", skills=[(skills["risk"], "expert")], sections="op_aanvraag")
    wanted = [SkillWanted(skills["risk"])]
    assert services.expertise_search(actor=leader, skills=wanted).matches == []
    AccessRequestFactory(
        portfolio=hidden.portfolio, requester=leader.person, section="vaardigheden", approved=True
    )
    assert [m.subject_id for m in services.expertise_search(actor=leader, skills=wanted).matches] == [
        hidden.pk
    ]


def test_expertise_search_by_free_text_and_who_may_search(leader, skills):
    person = make_person("Gert", "Gras", skills=[(skills["threat"], "basis")])
    ItemFactory(portfolio=person.portfolio, title="Zero trust architectuur ingevoerd")
    ranking = services.expertise_search(actor=leader, text="zero trust")
    assert [m.subject_id for m in ranking.matches] == [person.pk]
    assert ranking.matches[0].explanations == ("Tekst in portfolio — komt overeen met: trust, zero",)
    with pytest.raises(PermissionDenied):
        services.expertise_search(actor=user_for(person), text="zero trust")
    with pytest.raises(ValidationError):
        services.expertise_search(actor=leader)


def test_shortlist_following_the_ranking_needs_no_reason_skipping_someone_does(leader, skills, opportunity):
    best = make_person("Hein", "Hop", skills=[(skills["security"], "expert"), (skills["risk"], "expert")])
    second = make_person("Ilse", "Ink", skills=[(skills["security"], "ervaren")])
    outsider = make_person("Jan", "Jol", skills=[(skills["threat"], "basis")])
    services.candidates_search(actor=leader, opportunity=opportunity)
    with pytest.raises(ValidationError) as error:
        services.shortlist_add(actor=leader, opportunity=opportunity, person=second)
    assert error.value.message_dict == {"reason": ["Je wijkt af van de rangschikking: geef een reden."]}
    entry = services.shortlist_add(actor=leader, opportunity=opportunity, person=best)
    assert (entry.rank, entry.reason) == (1, "")
    assert services.shortlist_add(actor=leader, opportunity=opportunity, person=second).rank == 2
    with pytest.raises(ValidationError):
        services.shortlist_add(actor=leader, opportunity=opportunity, person=outsider)
    entry = services.shortlist_add(
        actor=leader, opportunity=opportunity, person=outsider, reason="Kent het domein"
    )
    assert entry.rank is None


def test_kansen_voor_mij_needs_consent_then_says_why_and_what_is_missing(skills, opportunity):
    person = make_person("Kim", "Kras", skills=[(skills["security"], "gevorderd")], consent=False)
    user = user_for(person)
    assert services.opportunities_for_me(actor=user).consent_needed is True
    person.portfolio.matching_consent = True
    person.portfolio.save()
    ranking = services.opportunities_for_me(actor=user)
    (match,) = ranking.matches
    assert match.subject_id == opportunity.pk
    assert match.explanations == (
        "informatiebeveiliging — direct, niveau gevorderd, onder het gevraagde niveau ervaren (telt voor 67%)",
    )
    assert match.missing == ("risicobeheer — ontbreekt (wenselijk)",)
    assert RankingLog.objects.get().result_ids == [opportunity.pk]
