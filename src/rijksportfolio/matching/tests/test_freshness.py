# SPDX-License-Identifier: EUPL-1.2
"""Freshness of the per-process matching index: the write services name the people who changed (no signals),
the next search applies exactly those people as an overlay, and changes that touch everyone rebuild in full."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from django.db import transaction

from rijksportfolio.domain.matching import Opportunity, Requirement
from rijksportfolio.matching import adapter, index, services
from rijksportfolio.matching.changes import matching_inputs_changed, matching_rebuild_requested
from rijksportfolio.matching.models import IndexVersion, ProfileChange
from rijksportfolio.matching.services import SkillWanted
from rijksportfolio.matching.tests.conftest import make_person
from rijksportfolio.people import services as people_services
from rijksportfolio.people.tests.factories import OrganisationFactory
from rijksportfolio.portfolios import services as portfolio_services
from rijksportfolio.portfolios.models import PortfolioSkill
from rijksportfolio.portfolios.tests.factories import ItemCategoryFactory, user_for


def _found(leader, skill) -> list[int]:
    ranking = services.expertise_search(actor=leader, skills=[SkillWanted(skill, min_level="basis")])
    return [m.subject_id for m in ranking.matches]


def test_a_portfolio_change_is_visible_in_the_next_search_without_a_full_rebuild(leader, skills):
    anna = make_person("Anna", "Smit", skills=[(skills["security"], "ervaren")])
    bram = make_person("Bram", "Vos", skills=[(skills["audit"], "basis")])
    assert _found(leader, skills["risk"]) == [bram.pk]  # IT-audit is related to risicobeheer
    base = index.current().index.base
    portfolio_services.portfolio_skill_set(
        actor=user_for(anna), portfolio=anna.portfolio, skill=skills["risk"], level="expert"
    )
    assert list(ProfileChange.objects.values_list("person_id", flat=True)) == [anna.pk]
    assert _found(leader, skills["risk"]) == [anna.pk, bram.pk]
    loaded = index.current()
    assert loaded.index.base is base  # applied as an overlay, not rebuilt
    assert loaded.index.overlay_size == 2  # Anna's old row is dead, her new one added
    assert loaded.version[1] == ProfileChange.objects.get().pk  # the ranking log names the change it saw


def test_consent_withdrawn_and_visibility_narrowed_leave_the_index_at_once(leader, skills):
    anna = make_person("Anna", "Smit", skills=[(skills["security"], "ervaren")])
    bram = make_person("Bram", "Vos", skills=[(skills["security"], "basis")])
    assert _found(leader, skills["security"]) == [anna.pk, bram.pk]
    portfolio_services.portfolio_matching_consent_set(
        actor=user_for(anna), portfolio=anna.portfolio, consent=False
    )
    assert _found(leader, skills["security"]) == [bram.pk]
    portfolio_services.portfolio_visibility_set(
        actor=user_for(bram), portfolio=bram.portfolio, visibilities={"vaardigheden": "alleen_ik"}
    )
    assert _found(leader, skills["security"]) == []
    portfolio_services.portfolio_matching_consent_set(
        actor=user_for(anna), portfolio=anna.portfolio, consent=True
    )
    assert _found(leader, skills["security"]) == [anna.pk]


def test_item_text_and_hours_changes_are_applied(leader, skills):
    anna = make_person("Anna", "Smit", skills=[(skills["security"], "basis")], hours=4)
    category = ItemCategoryFactory(key="project-x", part="vrij")
    ranking = services.expertise_search(actor=leader, text="zeeverdediging")
    assert ranking.matches == []
    item = portfolio_services.item_create(
        actor=user_for(anna), portfolio=anna.portfolio, category=category, title="Zeeverdediging Zeeland"
    )
    assert [m.subject_id for m in services.expertise_search(actor=leader, text="zeeverdediging").matches] == [
        anna.pk
    ]
    portfolio_services.item_delete(actor=user_for(anna), item=item)
    assert services.expertise_search(actor=leader, text="zeeverdediging").matches == []
    hours = services.SearchFilters(min_hours=8)
    wanted = [SkillWanted(skills["security"])]
    assert services.expertise_search(actor=leader, skills=wanted, filters=hours).matches == []
    portfolio_services.portfolio_settings_update(
        actor=user_for(anna), portfolio=anna.portfolio, available_hours_per_week=16
    )
    assert [
        m.subject_id for m in services.expertise_search(actor=leader, skills=wanted, filters=hours).matches
    ] == [anna.pk]


def test_an_employment_change_moves_the_person_between_organisations(leader, skills, organisation):
    anna = make_person("Anna", "Smit", skills=[(skills["security"], "basis")], organisation=organisation)
    elsewhere = OrganisationFactory(name="Rijkswaterstaat")
    in_org = services.SearchFilters(organisation=organisation)
    wanted = [SkillWanted(skills["security"])]
    assert len(services.expertise_search(actor=leader, skills=wanted, filters=in_org).matches) == 1
    job = anna.employments.get()
    people_services.employment_end(
        actor=leader, employment=job, end_date=date.today() - timedelta(days=1), end_reason="mobility"
    )
    people_services.employment_add(
        actor=leader, person=anna, organisation=elsewhere, job_title="Adviseur", job_family="beleid",
        work_type="policy", salary_scale=11, fte=1, contract_type="permanent", start_date=date.today(),
    )  # fmt: skip
    assert services.expertise_search(actor=leader, skills=wanted, filters=in_org).matches == []
    moved = services.SearchFilters(organisation=elsewhere)
    assert [
        m.subject_id for m in services.expertise_search(actor=leader, skills=wanted, filters=moved).matches
    ] == [anna.pk]


def test_a_rolled_back_change_leaves_no_trace(skills):
    anna = make_person("Anna", "Smit")

    def change_then_fail() -> None:
        with transaction.atomic():
            matching_inputs_changed(person_ids=[anna.pk])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        change_then_fail()
    assert not ProfileChange.objects.exists()


def _pending(loaded, change_id: int) -> bool:
    return any(first <= change_id <= last for first, last in loaded.cursor.ranges())


def test_a_change_that_commits_late_is_not_missed(leader, skills):
    anna = make_person("Anna", "Smit")
    bram = make_person("Bram", "Vos")
    index.current()
    # Two writers: the first is handed id n but commits after the second (id n + 1) has been read.
    reserved = ProfileChange.objects.create(person_id=0)
    ProfileChange.objects.filter(pk=reserved.pk).delete()
    late_id = reserved.pk + 1
    PortfolioSkill.objects.create(portfolio=bram.portfolio, skill=skills["security"], level="expert")
    ProfileChange.objects.create(pk=late_id + 1, person_id=anna.pk)
    assert _found(leader, skills["security"]) == []  # Anna's change is read, Bram's not yet committed
    assert _pending(index.current(), late_id)
    ProfileChange.objects.create(pk=late_id, person_id=bram.pk)  # the late commit
    assert _found(leader, skills["security"]) == [bram.pk]
    assert not _pending(index.current(), late_id)


def test_a_change_of_many_people_or_of_the_taxonomy_rebuilds_in_full(leader, skills, settings):
    make_person("Anna", "Smit", skills=[(skills["security"], "basis")])
    first = index.current()
    matching_rebuild_requested()
    second = index.current()
    assert second.index.base is not first.index.base
    assert second.generation[1] == first.generation[1] + 1
    settings.MATCHING_OVERLAY_MAX = 1
    matching_inputs_changed(person_ids=[1, 2])  # more than the overlay takes: a rebuild, no log rows
    assert not ProfileChange.objects.exists()
    assert index.current().generation[1] == second.generation[1] + 1


def test_an_overlay_that_grows_too_large_or_too_old_is_rebuilt(leader, skills, settings):
    anna = make_person("Anna", "Smit", skills=[(skills["security"], "basis")])
    first = index.current()
    settings.MATCHING_OVERLAY_MAX = 1
    matching_inputs_changed(person_ids=[anna.pk])
    rebuilt = index.current()  # overlay of 2 rows > 1: rebuilt (inline in tests)
    assert rebuilt.index.base is not first.index.base
    assert rebuilt.index.overlay_size == 0
    settings.MATCHING_OVERLAY_MAX = 100
    settings.MATCHING_REBUILD_SECONDS = 0
    assert index.current().index.base is not rebuilt.index.base


def test_an_emptied_and_refilled_database_never_reuses_an_old_index(skills):
    make_person("Lot", "Lam", skills=[(skills["security"], "basis")])
    old = index.current()
    IndexVersion.objects.all().delete()
    IndexVersion.objects.create(pk=1, version=old.generation[1])  # the same number again, but a new token
    assert index.current() is not old


def test_taxonomy_load_requests_a_rebuild(db):
    from rijksportfolio.skills.services import taxonomy_load_bundle

    before = index.generation_current()
    taxonomy_load_bundle()
    assert index.generation_current()[1] == before[1] + 1


@pytest.mark.django_db(transaction=True)
def test_a_background_rebuild_replaces_the_index_while_searches_go_on(settings):
    from rijksportfolio.skills.tests.factories import SkillFactory

    settings.MATCHING_REBUILD = "background"
    skill = SkillFactory(preferred_label_nl="kustbeheer")
    anna = make_person("Anna", "Smit", skills=[(skill, "basis")])
    query = Opportunity((Requirement(adapter.skill_key(skill.pk)),))
    first = index.current()
    settings.MATCHING_REBUILD_SECONDS = 0
    during = index.current()  # due: the rebuild starts in a thread, this search uses the current index
    assert during.index.base is first.index.base
    index.wait_for_rebuild(timeout=30)
    settings.MATCHING_REBUILD_SECONDS = 3600
    after = index.current()
    assert after.index.base is not first.index.base
    assert [r.person_id for r in after.index.search(query)] == [anna.pk]
    assert threading.active_count() >= 1
