# SPDX-License-Identifier: EUPL-1.2
"""What the engine gets: only consenting people, only what others may see, never name, age or gender."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from django.utils import timezone

from rijksportfolio.domain.matching import PersonProfile
from rijksportfolio.matching import adapter
from rijksportfolio.matching.tests.conftest import make_person
from rijksportfolio.portfolios.tests.factories import AccessRequestFactory, ItemFactory

ENGINE_FIELDS = {
    "person_id", "skills", "tokens", "hours_available", "location", "scale", "organisation_id", "consent",
}  # fmt: skip


def test_the_engine_input_has_no_name_age_gender_or_personnel_number(skills):
    person = make_person("Zebulon", "Quaintance", skills=[(skills["security"], "ervaren")])
    person.date_of_birth = person.date_of_birth.replace(year=1971)
    person.save()
    ItemFactory(
        portfolio=person.portfolio, title="Beveiligingsbeleid geschreven", body="Voor een ministerie."
    )
    loaded = adapter.profiles_load()
    assert [type(p) for p in loaded.profiles] == [PersonProfile]
    assert {f.name for f in dataclasses.fields(PersonProfile)} == ENGINE_FIELDS
    profile = loaded.profiles[0]
    values = " ".join(str(getattr(profile, f)) for f in ENGINE_FIELDS).lower()
    for secret in (
        "zebulon",
        "quaintance",
        "1971",
        person.personnel_number,
        person.gender,
        person.email.lower(),
    ):
        assert secret.lower() not in values
    assert profile.tokens == ("Beveiligingsbeleid geschreven", "Voor een ministerie.")
    assert profile.skills == {adapter.skill_key(skills["security"].pk): 3}


def test_only_consenting_people_with_a_skills_profile_others_may_see(skills):
    yes = make_person("Ada", "Aalders", skills=[(skills["security"], "basis")])
    make_person("Bo", "Bakker", skills=[(skills["security"], "basis")], consent=False)
    make_person("Cas", "Claes", skills=[(skills["security"], "basis")], sections="alleen_ik")
    requestable = make_person(
        "Dewi", "Dekker", skills=[(skills["security"], "basis")], sections="op_aanvraag"
    )
    loaded = adapter.profiles_load()
    assert sorted(p.person_id for p in loaded.profiles) == sorted([yes.pk, requestable.pk])
    assert loaded.restricted == frozenset({requestable.pk})


def test_text_comes_only_from_items_every_colleague_may_see(skills):
    person = make_person("Eva", "Evers", skills=[(skills["security"], "basis")])
    ItemFactory(portfolio=person.portfolio, title="Openbaar", body="")
    ItemFactory(portfolio=person.portfolio, title="Geheim", body="", visibility="alleen_ik")
    ItemFactory(portfolio=person.portfolio, title="Op verzoek", body="", visibility="op_aanvraag")
    (profile,) = adapter.profiles_load().profiles
    assert profile.tokens == ("Openbaar", "")


def test_a_grant_unlocks_only_an_active_one(skills):
    searcher = make_person("Fien", "Faber")
    owner = make_person("Gijs", "Goossens", skills=[(skills["risk"], "expert")], sections="op_aanvraag")
    other = make_person("Hanna", "Hoek", skills=[(skills["risk"], "expert")], sections="op_aanvraag")
    AccessRequestFactory(portfolio=owner.portfolio, requester=searcher, section="vaardigheden", approved=True)
    AccessRequestFactory(portfolio=other.portfolio, requester=searcher, section="vaardigheden", expired=True)
    AccessRequestFactory(portfolio=other.portfolio, requester=searcher, section="dossier", approved=True)
    restricted = adapter.profiles_load().restricted
    assert adapter.unlocked_for(searcher_person_id=searcher.pk, restricted=restricted) == frozenset(
        {owner.pk}
    )


def test_taxonomy_labels_english_marked_when_no_dutch_label(skills):
    taxonomy = adapter.taxonomy_load()
    assert taxonomy.label(adapter.skill_key(skills["threat"].pk)) == "threat modelling (Engels)"
    related = {e.skill_id: e.relation for e in taxonomy.expand(adapter.skill_key(skills["risk"].pk))}
    assert related[adapter.skill_key(skills["audit"].pk)] == "related"


def test_expired_grant_checked_against_now(skills):
    searcher = make_person("Jet", "Jansen")
    owner = make_person("Koen", "Kok", skills=[(skills["risk"], "expert")], sections="op_aanvraag")
    grant = AccessRequestFactory(
        portfolio=owner.portfolio, requester=searcher, section="vaardigheden", approved=True
    )
    restricted = frozenset({owner.pk})
    assert adapter.unlocked_for(searcher_person_id=searcher.pk, restricted=restricted) == restricted
    grant.valid_until = timezone.now() - timedelta(seconds=1)
    grant.save()
    assert adapter.unlocked_for(searcher_person_id=searcher.pk, restricted=restricted) == frozenset()
