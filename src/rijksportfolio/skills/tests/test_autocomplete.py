# SPDX-License-Identifier: EUPL-1.2
"""Skill autocomplete: the selector, ``GET /api/v1/vaardigheden?zoek=`` and the htmx listbox fragment.

A small hand-made taxonomy in the database for behaviour (typing errors, compounds, alternative labels,
English-only skills), and the full ESCO bundle (pure, no database) for the real vocabulary and speed.
"""

from __future__ import annotations

import statistics
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from rijksportfolio.domain.normaliser import Normaliser
from rijksportfolio.domain.normaliser.complete import Completer
from rijksportfolio.skills import normalise, selectors
from rijksportfolio.skills.esco import read_bundle
from rijksportfolio.skills.models import TaxonomyVersion
from rijksportfolio.skills.tests.factories import SkillFactory, SkillGroupFactory

E = "http://data.europa.eu/esco/skill/"


@pytest.fixture
def skills(db):
    """Seven skills as ESCO has them (Dutch labels for some, English only for others) and one group."""
    cache.clear()
    made = {
        "security": SkillFactory(
            uri=E + "security",
            preferred_label_nl="strategie voor informatiebeveiliging",
            alt_labels_nl=["informatiebeveiligingsstrategie"],
            preferred_label_en="information security strategy",
        ),
        "policy": SkillFactory(
            uri=E + "policy",
            preferred_label_nl="adviseren over beleid",
            preferred_label_en="advise on policy",
        ),
        "policy-making": SkillFactory(
            uri=E + "policy-making",
            preferred_label_nl="beleid ontwikkelen",
            preferred_label_en="develop policies",
        ),
        "others": SkillFactory(
            uri=E + "others", preferred_label_nl="anderen adviseren", preferred_label_en="advise others"
        ),
        "environment": SkillFactory(
            uri=E + "environment",
            preferred_label_nl="milieubeleid ontwikkelen",
            preferred_label_en="develop environmental policies",
        ),
        "spreadsheets": SkillFactory(
            uri=E + "spreadsheets",
            preferred_label_nl="spreadsheetsoftware gebruiken",
            alt_labels_nl=["met spreadsheets werken", "rekenbladen gebruiken"],
            preferred_label_en="use spreadsheets software",
        ),
        "administration": SkillFactory(
            uri=E + "administration",
            preferred_label_nl="",
            preferred_label_en="public administration",
            alt_labels_en=["government administration"],
            skill_type="knowledge",
        ),
    }
    SkillGroupFactory(uri=E + "group", preferred_label_nl="informatiebeveiliging en advisering")
    # The index is built from the database once a taxonomy version is recorded (else from the bundle).
    TaxonomyVersion.objects.create(version="test", source="factories", checksum="-")
    normalise.reset_cache()
    yield made
    normalise.reset_cache()


def _uris(hits):
    return [hit.skill.uri for hit in hits]


def test_a_typing_error_still_finds_the_skill(skills):
    hits = selectors.skills_autocomplete(query="informatiebeveileging")
    assert _uris(hits)[0] == E + "security"


def test_a_dutch_compound_finds_the_skill_written_as_separate_words(skills):
    hits = selectors.skills_autocomplete(query="beleidsadvisering")
    assert _uris(hits)[0] == E + "policy"


def test_an_unfinished_last_word_is_completed(skills):
    assert _uris(selectors.skills_autocomplete(query="informatiebev"))[0] == E + "security"
    assert _uris(selectors.skills_autocomplete(query="spreadsheet geb"))[0] == E + "spreadsheets"


def test_an_alternative_label_finds_the_skill_and_says_which_label_matched(skills):
    hit = selectors.skills_autocomplete(query="rekenbladen")[0]
    assert hit.skill.uri == E + "spreadsheets"
    assert hit.label.text == "spreadsheetsoftware gebruiken"
    assert hit.matched_label == "rekenbladen gebruiken"


def test_a_skill_without_dutch_label_is_found_and_marked_english(skills):
    hit = selectors.skills_autocomplete(query="government administration")[0]
    assert hit.skill.uri == E + "administration"
    assert (hit.label.text, hit.label.language, hit.label.is_fallback) == (
        "public administration",
        "en",
        True,
    )
    assert hit.matched_label == "government administration"
    dutch = selectors.skills_autocomplete(query="spreadsheetsoftware")[0]
    assert (dutch.label.language, dutch.label.is_fallback) == ("nl", False)


def test_skill_groups_and_too_short_queries_find_nothing(skills):
    assert E + "group" not in _uris(
        selectors.skills_autocomplete(query="informatiebeveiliging en advisering")
    )
    assert selectors.skills_autocomplete(query="i") == []
    assert selectors.skills_autocomplete(query="   ") == []


# --- API -----------------------------------------------------------------------------------------------


@pytest.fixture
def employee(skills, django_user_model):
    from rijksportfolio.accounts.services import user_create
    from rijksportfolio.people.tests.factories import PersonFactory

    client = Client()
    client.force_login(user_create(username="zoeker", password="x" * 20, person=PersonFactory()))
    return client


def test_api_search_returns_ranked_skills_in_dutch_camel_case(employee, skills):
    response = employee.get("/api/v1/vaardigheden", {"zoek": "informatiebeveileging"})
    assert response.status_code == 200
    first = response.json()["resultaten"][0]
    assert first == {
        "id": skills["security"].pk,
        "uri": E + "security",
        "naam": "strategie voor informatiebeveiliging",
        "taal": "nl",
        "soort": "skill/competence",
        "gevondenOp": "",
        "score": first["score"],
    }
    assert 0 < first["score"] <= 1


def test_api_marks_english_names(employee, skills):
    result = employee.get("/api/v1/vaardigheden", {"zoek": "public administration"}).json()["resultaten"][0]
    assert (result["naam"], result["taal"]) == ("public administration", "en")


def test_api_lists_all_skills_without_search_and_shows_one(employee, skills):
    listed = employee.get("/api/v1/vaardigheden").json()
    assert listed["totaal"] == 7  # no skill group
    assert [r["naam"] for r in listed["resultaten"]][:3] == [
        "adviseren over beleid",
        "anderen adviseren",
        "beleid ontwikkelen",
    ]
    detail = employee.get(f"/api/v1/vaardigheden/{skills['spreadsheets'].pk}").json()
    assert detail["alternatieveNamen"] == ["met spreadsheets werken", "rekenbladen gebruiken"]
    assert detail["naamEngels"] == "use spreadsheets software"


def test_api_refuses_a_too_long_query_as_problem(employee, skills):
    response = employee.get("/api/v1/vaardigheden", {"zoek": "x" * 101})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"] == [
        {"name": "zoek", "code": "invalid", "reason": "Hoogstens 100 tekens."}
    ]


def test_api_detail_of_a_group_or_unknown_id_is_404(employee, skills):
    group = selectors.Skill.objects.get(uri=E + "group")
    assert employee.get(f"/api/v1/vaardigheden/{group.pk}").status_code == 404
    assert employee.get("/api/v1/vaardigheden/999999").status_code == 404


# --- htmx fragment (rendered into the portfolio's skill picker) -----------------------------------------


def _fragment(client, **params):
    return client.get(reverse("portfolios:skill_autocomplete"), params).content.decode()


def test_fragment_offers_checkboxes_named_like_the_field_with_the_matched_label(employee, skills):
    html = _fragment(employee, q="rekenbladen", veld="skills", soort="checkbox")
    pk = skills["spreadsheets"].pk
    assert f'<input type="checkbox" name="skills" value="{pk}" id="gevonden-skills-{pk}"' in html
    assert (
        f'for="gevonden-skills-{pk}">spreadsheetsoftware gebruiken <span class="rpf-muted">(ook: rekenbladen gebruiken)</span></label>'
        in html
    )


def test_fragment_offers_radio_buttons_for_a_single_skill(employee, skills):
    html = _fragment(employee, q="informatiebeveileging", veld="skill", soort="radio")
    assert f'<input type="radio" name="skill" value="{skills["security"].pk}"' in html


def test_fragment_marks_english_labels_with_lang(employee, skills):
    html = _fragment(employee, q="public administration", veld="skills")
    assert '<span lang="en">public administration</span> (Engels)' in html


def test_fragment_ignores_an_unsafe_field_name_and_says_when_nothing_is_found(employee, skills):
    html = _fragment(employee, q="kwantumfysica", veld='"><script>')
    assert "<script>" not in html
    assert "<input" not in html
    assert "Geen vaardigheid gevonden." in html
    assert 'name="skills"' in _fragment(employee, zoek="rekenbladen", veld='"><script>')


def test_fragment_in_english(employee, skills):
    with translation.override("en"):
        html = employee.get(
            reverse("portfolios:skill_autocomplete"),
            {"q": "public administration"},
            HTTP_ACCEPT_LANGUAGE="en",
        ).content.decode()
    # an English label in the English UI is not a fallback: no lang attribute, no "(English)"
    assert '">public administration</label>' in html


# --- the full ESCO bundle (no database) ----------------------------------------------------------------


@pytest.fixture(scope="module")
def esco():
    data = read_bundle()
    completer = Completer(
        Normaliser(normalise.concepts_from_records("skill", data.skills), normalise.vocabulary())
    )
    return completer, data.skills


def _labels(completer, query, top=5):
    return [m.label for m in completer.complete(query, top=top)]


def test_full_esco_typo_compound_prefix(esco):
    completer, _records = esco
    assert _labels(completer, "informatiebeveileging")[0] == "strategie voor informatiebeveiliging"
    assert "strategie voor informatiebeveiliging" in _labels(completer, "informatiebev")
    assert _labels(completer, "projectman")[0] == "ict-projectbeheer"  # alternative label "projectmanagement"
    assert _labels(completer, "pyth")[0] == "Python (computerprogrammering)"
    assert _labels(completer, "leiding geven")[0] == "leiding geven aan anderen"


def test_full_esco_finds_english_only_skills_by_english_label(esco):
    completer, records = esco
    match = completer.complete("project management principles", top=1)[0]
    assert match.label == "project management principles"
    assert records[match.uri]["preferred_label_nl"] == ""  # shown in English, marked by the selector


def test_full_esco_queries_take_a_few_milliseconds(esco):
    completer, _records = esco
    queries = ["informatiebeveileging", "informatiebev", "projectman", "beleidsadvi", "samenw", "python"]
    for query in queries:
        completer.complete(query)  # caches warm per word, as in a running process
    timings = []
    for query in queries * 5:
        start = time.perf_counter()
        completer.complete(query + "e")  # a new keystroke: not cached
        timings.append(time.perf_counter() - start)
    # Measured about 1–3 ms on a shared 2-core machine; the bound leaves room for a busy one.
    assert statistics.median(timings) < 0.025
