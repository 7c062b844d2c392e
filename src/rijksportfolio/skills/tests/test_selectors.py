# SPDX-License-Identifier: EUPL-1.2
"""Taxonomy reads for other modules, and the ESCO attribution snippet."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from rijksportfolio.skills import selectors, services
from rijksportfolio.skills.models import Skill
from rijksportfolio.skills.selectors import Label
from rijksportfolio.skills.tests.test_taxonomy import FIXTURE, G0, G1, G7, K1, O1, O2, S1, S2, S3


@pytest.fixture
def taxonomy(db):
    cache.clear()
    services.taxonomy_import(directory=FIXTURE)


def test_lookup_by_uri(taxonomy):
    assert selectors.skill_by_uri(S1).preferred_label_en == "draft policy documents"
    assert selectors.occupation_by_uri(O2).label == "administratief medewerker boekhouding"
    assert selectors.skill_by_uri("http://data.europa.eu/esco/skill/none") is None
    assert selectors.occupation_by_uri("http://data.europa.eu/esco/occupation/none") is None


def test_labels_fall_back_to_english_and_say_so(taxonomy):
    k1, s1 = selectors.skill_by_uri(K1), selectors.skill_by_uri(S1)

    assert selectors.skill_label(k1, language="nl") == Label("public administration", "en", True)
    assert selectors.skill_label(s1, language="nl") == Label("beleidsstukken opstellen", "nl", False)
    assert selectors.skill_label(s1, language="en") == Label("draft policy documents", "en", False)
    with translation.override("en"):
        assert selectors.occupation_label(selectors.occupation_by_uri(O1)) == Label(
            "policy officer", "en", False
        )
    with translation.override("nl"):
        assert selectors.occupation_label(selectors.occupation_by_uri(O1)) == Label(
            "beleidsmedewerker", "nl", False
        )
    assert (k1.label_is_english, s1.label_is_english) == (True, False)

    rijk = Skill(preferred_label_nl="wetgevingskwaliteit toetsen", preferred_label_en="")
    occupation = selectors.occupation_by_uri(O1)

    def shown(concept):  # type: ignore[no-untyped-def]
        return concept.label, concept.label_lang, concept.label_is_english, str(concept)

    with translation.override("en"):  # the model's label follows the active language
        assert shown(s1) == ("draft policy documents", "", False, "draft policy documents")
        assert shown(k1) == ("public administration", "", False, "public administration")
        assert shown(rijk)[:3] == ("wetgevingskwaliteit toetsen", "nl", False)
        assert shown(occupation)[:2] == ("policy officer", "")
    with translation.override("nl"):
        assert shown(s1)[:3] == ("beleidsstukken opstellen", "", False)
        assert shown(k1)[:3] == ("public administration", "en", True)
        assert shown(rijk)[:3] == ("wetgevingskwaliteit toetsen", "", False)
        assert shown(occupation)[:2] == ("beleidsmedewerker", "")


def test_occupation_skills(taxonomy):
    o1 = selectors.occupation_by_uri(O1)

    assert [s.uri for s in selectors.occupation_essential_skills(o1)] == [
        S1,
        K1,
    ]  # Dutch label first, then English
    assert [s.uri for s in selectors.occupation_skills(o1, relation_type="optional")] == [S2]
    assert selectors.occupation_skills(o1).count() == 3


def test_skill_neighbourhood(taxonomy):
    hood = selectors.skill_neighbourhood(selectors.skill_by_uri(S1))

    assert [s.uri for s in hood.broader] == [G1, G7]
    assert [s.uri for s in hood.narrower] == [S3]
    assert [(r.skill.uri, r.relation_type, r.direction) for r in hood.related] == [
        (K1, "essential", "outgoing"),
        (S2, "optional", "incoming"),
    ]
    top = selectors.skill_neighbourhood(selectors.skill_by_uri(G0))
    assert {s.uri for s in top.narrower} == {G1, G7, K1}


def test_version_in_use_and_attribution(db):
    cache.clear()
    assert selectors.taxonomy_version_in_use() is None
    html = render_to_string("skills/_attribution.html")
    assert "Deze dienst gebruikt de ESCO-classificatie van de Europese Commissie." in html
    assert "ESCO-versie" not in html

    services.taxonomy_import(directory=FIXTURE)

    assert selectors.taxonomy_version_in_use().version == "1.1.1"
    with translation.override("nl"):
        html = render_to_string("skills/_attribution.html")
    assert "(ESCO-versie 1.1.1)" in html
    assert 'href="https://esco.ec.europa.eu/nl"' in html


def test_factories_make_usable_concepts(db):
    from rijksportfolio.skills.tests.factories import OccupationSkillFactory, SkillFactory

    link = OccupationSkillFactory(skill=SkillFactory(preferred_label_nl=""))

    assert link.skill.label_is_english
    assert list(selectors.occupation_essential_skills(link.occupation)) == [link.skill]
