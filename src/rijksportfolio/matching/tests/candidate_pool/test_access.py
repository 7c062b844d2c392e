# SPDX-License-Identifier: EUPL-1.2
"""The pool search and one entry: only consented pool members, ranked with the engine's explanations over
what the searcher may see of them; every search logged and every member shown audited, so that they see who
found them; the searcher never finds themselves; only vacancy holders search."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.matching.candidate_pool import access, selectors, services
from rijksportfolio.matching.models import MatchingSettings, PoolEntry, RankingLog
from rijksportfolio.matching.services import SearchFilters, SkillWanted
from rijksportfolio.matching.tests.candidate_pool.conftest import candidate_of, in_pool, propose
from rijksportfolio.matching.tests.conftest import make_person
from rijksportfolio.people.models import Person
from rijksportfolio.portfolios.services import portfolio_visibility_set
from rijksportfolio.portfolios.tests.factories import (
    AccessRequestFactory,
    ItemFactory,
    PortfolioFactory,
    user_for,
)


def test_only_pool_members_are_ranked_with_explanations_that_add_up(
    leader, opportunity, candidate, searcher, skills
):
    in_pool(leader, opportunity, candidate, note="Geschikt als security officer.")
    make_person("Bram", "Vos", skills=[(skills["security"], "expert")])  # matching consent, not in the pool
    ranking = access.pool_search(
        actor=searcher, skills=[SkillWanted(skills["security"], min_level="ervaren")], text="security officer"
    )
    assert [m.person_id for m in ranking.matches] == [candidate.pk]
    match = ranking.matches[0]
    assert match.explanations == (
        "informatiebeveiliging — direct, niveau ervaren",
        "Toelichting bij de voordracht — komt overeen met: officer, security",
    )
    assert sum(v for _t, v in match.contributions) == pytest.approx(match.score, abs=1e-9)
    assert match.contributions[0][1] == pytest.approx(1 / 1.25)  # the skill: 1 of at most 1 + 0.25 (text)
    assert (match.name, match.notes) == ("Anna Smit", ("Geschikt als security officer.",))
    assert match.entry_id == PoolEntry.objects.get().pk
    assert ranking.ranked


def test_missing_skills_are_named(leader, opportunity, candidate, searcher, skills):
    in_pool(leader, opportunity, candidate)
    ranking = access.pool_search(
        actor=searcher,
        skills=[SkillWanted(skills["security"]), SkillWanted(skills["audit"], essential=False)],
    )
    assert ranking.matches[0].missing == ("IT-audit — ontbreekt (wenselijk)",)


def test_in_english_the_pool_explains_in_english(leader, opportunity, candidate, searcher, skills):
    in_pool(leader, opportunity, candidate, note="Geschikt als security officer.")
    wanted = [
        SkillWanted(skills["security"], min_level="expert"),
        SkillWanted(skills["threat"], essential=False),
    ]
    with translation.override("en"):
        ranking = access.pool_search(actor=searcher, skills=wanted, text="officer")
    (match,) = ranking.matches
    assert match.explanations == (
        "information security — direct, level experienced, below the required level expert (counts for 75%)",
        "Note with the proposal — matches: officer",
    )
    assert [t for t, _v in match.contributions] == list(match.explanations)
    assert match.missing == ("threat modelling — missing (nice to have)",)
    with translation.override("nl"):
        dutch = access.pool_search(actor=searcher, skills=wanted, text="officer").matches[0]
    assert dutch.explanations == (
        "informatiebeveiliging — direct, niveau ervaren, onder het gevraagde niveau expert (telt voor 75%)",
        "Toelichting bij de voordracht — komt overeen met: officer",
    )
    assert dutch.missing == ("threat modelling (Engels) — ontbreekt (wenselijk)",)


def test_the_members_visibility_settings_are_respected(leader, opportunity, searcher, skills):
    private = candidate_of(
        opportunity, "Cor", "Mulder", skills=[(skills["security"], "expert")], sections="alleen_ik"
    )
    ItemFactory(portfolio=private.portfolio, title="Penetratietesten", body="pentest", visibility="")
    on_request = candidate_of(
        opportunity, "Dirk", "de Boer", skills=[(skills["security"], "expert")], sections="op_aanvraag"
    )
    granted = candidate_of(
        opportunity, "Eva", "Dekker", skills=[(skills["security"], "gevorderd")], sections="op_aanvraag"
    )
    AccessRequestFactory(
        portfolio=granted.portfolio, section="vaardigheden", requester=searcher.person, approved=True
    )
    for person in (private, on_request, granted):
        in_pool(leader, opportunity, person, note="Ervaren in beveiliging.")
    by_skill = access.pool_search(actor=searcher, skills=[SkillWanted(skills["security"])])
    assert [m.person_id for m in by_skill.matches] == [
        granted.pk
    ]  # only the skills profile the searcher may see
    by_text = access.pool_search(actor=searcher, text="pentest beveiliging")
    texts = {m.person_id: m.explanations for m in by_text.matches}
    assert texts[private.pk] == (
        "Toelichting bij de voordracht — komt overeen met: beveiliging",
    )  # item hidden
    assert set(texts) == {private.pk, on_request.pk, granted.pk}  # everyone through the shared note


def test_portfolio_text_the_searcher_may_see_counts_and_is_named_as_such(
    leader, opportunity, candidate, searcher
):
    ItemFactory(portfolio=candidate.portfolio, title="Pentest coördinator", body="")
    in_pool(leader, opportunity, candidate, note="Geschikt als adviseur.")
    ranking = access.pool_search(actor=searcher, text="pentest adviseur")
    assert ranking.matches[0].explanations == (
        "Toelichting bij de voordracht — komt overeen met: adviseur; tekst in portfolio — komt overeen met: pentest",
    )


def test_every_search_is_logged_and_every_member_shown_is_audited(
    leader, opportunity, candidate, searcher, skills
):
    entry = in_pool(leader, opportunity, candidate)
    ranking = access.pool_search(actor=searcher, text="security", filters=SearchFilters(min_hours=8))
    log = RankingLog.objects.get()
    assert ranking.log == log
    assert (log.actor, log.direction, log.algorithm_version, log.ranked, log.result_ids) == (
        searcher,
        "pool",
        "match-1.0",
        True,
        [candidate.pk],
    )
    assert (log.query["terms"], log.query["filters"]["min_hours"], log.query["pool"]) == (["security"], 8, 1)
    event = AuditEvent.objects.get(action="read", object_type="candidate_pool_entry")
    assert (event.actor, event.subject_person, event.object_id, event.purpose) == (
        searcher,
        candidate,
        str(entry.pk),
        "kandidatenpool: zoekresultaat",
    )
    assert [e.actor_label for e in selectors.pool_events_about(person=candidate)] == ["Mirjam Bakker"]


def test_the_searcher_never_finds_themselves(leader, opportunity, searcher, skills):
    me = searcher.person
    PortfolioFactory(person=me, sections="rijk")
    from rijksportfolio.matching.models import ShortlistEntry

    ShortlistEntry.objects.create(opportunity=opportunity, person=me)
    in_pool(leader, opportunity, me, note="Security officer met ervaring.")
    assert access.pool_search(actor=searcher, text="security").matches == []
    assert [m.person_id for m in access.pool_search(actor=leader, text="security").matches] == [me.pk]


def test_only_vacancy_holders_search(leader, opportunity, candidate):
    in_pool(leader, opportunity, candidate)
    employee = user_for(make_person("Fleur", "de Vries"))
    with pytest.raises(PermissionDenied):
        access.pool_search(actor=employee, text="security")
    analyst = user_for(make_person("Gijs", "Jansen"))
    role_assign(user=analyst, role=Role.ANALYST)
    with pytest.raises(PermissionDenied):
        access.pool_search(actor=analyst, text="security")
    assert not RankingLog.objects.exists()


def test_a_search_needs_a_skill_or_text(searcher):
    with pytest.raises(ValidationError) as refused:
        access.pool_search(actor=searcher, text="  ")
    assert refused.value.message_dict == {
        "skills": ["Kies ten minste één vaardigheid of vul een zoektekst in."]
    }


def test_with_ranking_switched_off_the_order_is_alphabetical_without_scores(
    leader, opportunity, searcher, skills
):
    strong = candidate_of(opportunity, "Zara", "Zwart", skills=[(skills["security"], "expert")])
    weak = candidate_of(opportunity, "Aad", "Aalders", skills=[(skills["security"], "basis")])
    for person in (strong, weak):
        in_pool(leader, opportunity, person)
    home = searcher.person.employments.get().organisation
    MatchingSettings.objects.create(organisation=home, ranking_enabled=False)
    ranking = access.pool_search(actor=searcher, skills=[SkillWanted(skills["security"], min_level="expert")])
    assert [m.person_id for m in ranking.matches] == [weak.pk, strong.pk]
    assert [m.score for m in ranking.matches] == [None, None]
    assert [m.contributions for m in ranking.matches] == [(), ()]
    assert not ranking.log.ranked


def test_one_entry_is_an_audited_read_for_another_vacancy_holder_only(
    leader, opportunity, candidate, searcher
):
    entry = in_pool(leader, opportunity, candidate)
    pk = entry.pk
    assert access.pool_entry_get(user=searcher, pk=pk, purpose="benaderen") == entry
    employee = user_for(make_person("Hans", "Kok"))
    with pytest.raises(PermissionDenied):
        access.pool_entry_get(user=employee, pk=entry.pk, purpose="nieuwsgierig")
    events = list(
        AuditEvent.objects.filter(object_type="candidate_pool_entry", action="read").values_list(
            "actor__person__last_name", "outcome", "purpose"
        )
    )
    assert sorted(events) == [("Bakker", "success", "benaderen"), ("Kok", "denied", "nieuwsgierig")]
    services.pool_withdraw(actor=user_for(candidate), entry=entry)
    with pytest.raises(PoolEntry.DoesNotExist):
        access.pool_entry_get(user=searcher, pk=pk, purpose="benaderen")


def test_a_pending_proposal_is_no_entry_for_anyone_else(leader, opportunity, candidate, searcher):
    entry = propose(leader, opportunity, candidate)
    with pytest.raises(PermissionDenied):
        access.pool_entry_get(user=searcher, pk=entry.pk, purpose="benaderen")
    with pytest.raises(PermissionDenied):
        access.pool_entry_get(user=leader, pk=entry.pk, purpose="benaderen")


def test_profiles_never_carry_name_birth_date_or_gender(leader, opportunity, candidate, searcher):
    from rijksportfolio.matching.candidate_pool.profiles import pool_profiles

    in_pool(leader, opportunity, candidate)
    person = Person.objects.get(pk=candidate.pk)
    built = pool_profiles(searcher_person_id=searcher.person.pk, notes={candidate.pk: ["Geschikt."]})
    profile = built.profiles[0]
    values = repr(profile)
    for secret in (person.first_name, person.last_name, str(person.date_of_birth), person.personnel_number):
        assert secret not in values
    assert profile.consent is True


def test_the_shared_pool_index_never_carries_one_searchers_grants_or_stale_visibility(
    leader, opportunity, searcher, skills
):
    shared = candidate_of(
        opportunity, "Ilse", "Maas", skills=[(skills["security"], "expert")], sections="op_aanvraag"
    )
    AccessRequestFactory(
        portfolio=shared.portfolio, section="vaardigheden", requester=searcher.person, approved=True
    )
    open_one = candidate_of(opportunity, "Joost", "Bos", skills=[(skills["security"], "basis")])
    for person in (shared, open_one):
        in_pool(leader, opportunity, person)
    wanted = [SkillWanted(skills["security"])]
    assert [m.person_id for m in access.pool_search(actor=searcher, skills=wanted).matches] == [
        shared.pk,
        open_one.pk,
    ]
    other = user_for(make_person("Karin", "Pauw"))
    role_assign(user=other, role=Role.PROJECT_LEADER)
    assert [m.person_id for m in access.pool_search(actor=other, skills=wanted).matches] == [open_one.pk]
    assert [m.person_id for m in access.pool_search(actor=other, skills=wanted).matches] == [
        open_one.pk
    ]  # cached
    # the member hides their skills (through the service, as every screen and API does): the next search knows
    portfolio_visibility_set(
        actor=user_for(open_one), portfolio=open_one.portfolio, visibilities={"vaardigheden": "alleen_ik"}
    )
    assert access.pool_search(actor=other, skills=wanted).matches == []
