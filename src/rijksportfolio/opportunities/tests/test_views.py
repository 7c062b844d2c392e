# SPDX-License-Identifier: EUPL-1.2
"""The opportunity pages with the Django test client (browser flows: tests/browser/test_matching_pages.py)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from rijksportfolio.matching import index
from rijksportfolio.matching.tests.conftest import make_person
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.tests.factories import OpportunityFactory, OpportunitySkillFactory
from rijksportfolio.people.tests.factories import LocationFactory
from rijksportfolio.portfolios.tests.factories import ItemFactory
from rijksportfolio.skills.tests.factories import SkillFactory


def _client(user, language=None):
    client = Client()
    client.force_login(user)
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def fresh_index():
    index.forget()
    yield
    index.forget()


@pytest.fixture
def matched(leader_user, fresh_index):
    """A published opportunity of the leader asking two skills, and a person who holds one below its level."""
    security = SkillFactory(
        preferred_label_nl="informatiebeveiliging", preferred_label_en="information security"
    )
    risk = SkillFactory(preferred_label_nl="risicobeheer", preferred_label_en="risk management")
    opportunity = OpportunityFactory(owner=leader_user.person, published=True, title="Zero trust")
    OpportunitySkillFactory(opportunity=opportunity, skill=security, essential=True, min_level="ervaren")
    OpportunitySkillFactory(opportunity=opportunity, skill=risk, essential=False, min_level="basis")
    person = make_person("Noor", "Nijland", skills=[(security, "gevorderd")])
    ItemFactory(portfolio=person.portfolio, title="Zero trust architectuur ingevoerd")
    return opportunity


def test_new_kans_form_reads_skill_lines_with_level_and_importance(leader_user, directorate):
    SkillFactory(preferred_label_nl="informatiebeveiliging")
    SkillFactory(preferred_label_nl="", preferred_label_en="threat modelling")
    response = _client(leader_user).post("/kansen/nieuw", {
        "kind": "project", "title": "Zero trust", "description": "Doe mee", "organisation": directorate.pk,
        "location": LocationFactory().pk, "work_mode": "hybride", "hours_per_week": 8,
        "skills": "Informatiebeveiliging | ervaren\nthreat modelling | wenselijk\n",
    })  # fmt: skip
    opportunity = Opportunity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/kansen/{opportunity.pk}"
    assert list(
        opportunity.required_skills.values_list("skill__preferred_label_en", "essential", "min_level")
    ) == [
        (opportunity.required_skills.first().skill.preferred_label_en, True, "ervaren"),
        ("threat modelling", False, "basis"),
    ]


def test_unknown_skill_and_level_are_shown_on_the_form(leader_user, directorate):
    response = _client(leader_user).post("/kansen/nieuw", {
        "kind": "klus", "title": "X", "organisation": directorate.pk, "work_mode": "op_afstand",
        "skills": "toverkunst\nIT | heel goed",
    })  # fmt: skip
    assert response.status_code == 200
    body = response.content.decode()
    assert "Onbekende vaardigheid: “toverkunst”." in body
    assert "Onbekend niveau of kenmerk “heel goed” bij IT." in body
    assert Opportunity.objects.count() == 0


def test_the_ranking_explanation_is_public_and_names_the_version(client, db):
    response = client.get("/zo-werkt-de-rangschikking")
    assert response.status_code == 200
    assert "Versie van de rekenregels: match-1.0." in response.content.decode()
    assert "Naam, leeftijd, geslacht" in response.content.decode()


def test_the_ranking_explanation_in_english_says_how_a_lower_level_counts(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):  # the middleware activates English; leave the thread as it was
        body = client.get("/zo-werkt-de-rangschikking").content.decode()
    assert (
        "Below the required level a skill counts in proportion: level advanced (2) where experienced (3) is asked "
        "counts for 67%."
    ) in body
    assert "Population pyramid" not in body


def test_employee_without_consent_is_told_how_to_give_it(employee_user):
    body = _client(employee_user).get("/kansen-voor-mij").content.decode()
    assert "geen toestemming gegeven" in body
    assert 'href="/mijn-portfolio/toestemming-matching"' in body  # one step to where consent is given


def test_the_candidates_of_an_opportunity_are_explained_in_the_language_of_the_page(leader_user, matched):
    with translation.override("en"):  # the middleware activates English; leave the thread as it was
        english = _client(leader_user, "en").get(f"/kansen/{matched.pk}").content.decode()
    assert (
        "information security — direct, level advanced, below the required level experienced (counts for 67%)"
        in english
    )
    assert "risk management — missing (nice to have)" in english
    dutch = _client(leader_user).get(f"/kansen/{matched.pk}").content.decode()
    assert (
        "informatiebeveiliging — direct, niveau gevorderd, onder het gevraagde niveau ervaren (telt voor 67%)"
        in dutch
    )
    assert "risicobeheer — ontbreekt (wenselijk)" in dutch


def test_the_expertise_search_explains_in_the_language_of_the_page(leader_user, matched):
    query = {"skills": "informatiebeveiliging | ervaren", "text": "zero trust"}
    with translation.override("en"):
        english = _client(leader_user, "en").get("/expertise-zoeken", query).content.decode()
    assert (
        "information security — direct, level advanced, below the required level experienced (counts for 67%)"
        in english
    )
    assert "Text in portfolio — matches: trust, zero" in english
    dutch = _client(leader_user).get("/expertise-zoeken", query).content.decode()
    assert "Tekst in portfolio — komt overeen met: trust, zero" in dutch


@pytest.mark.parametrize(
    ("language", "label"), [("nl", "- Maak een keuze -"), ("en", "- Choose an option -")]
)
def test_an_empty_choice_is_offered_in_the_users_language(leader_user, directorate, language, label):
    # Django 6.1's own "- Select an option -" has no Dutch translation
    page = _client(leader_user, language).get("/kansen/nieuw").content.decode()
    assert f">{label}</option>" in page
    assert "Select an option" not in page
