# SPDX-License-Identifier: EUPL-1.2
"""Taxonomy administration in Chromium: the BZK organisation administrator gives an English-only skill a
Dutch label with the keyboard, adds a Rijk skill, and every page passes axe."""

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.skills import services
from rijksportfolio.skills.models import Skill
from rijksportfolio.skills.tests.factories import OccupationSkillFactory, SkillFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene(world):
    from rijksportfolio.domain.generator.titles import TITLES
    from rijksportfolio.skills.models import TaxonomyVersion

    # a recorded taxonomy: the search index is built from these few skills, not from the packaged bundle
    TaxonomyVersion.objects.create(version="test", source="test", checksum="-")

    english = SkillFactory(preferred_label_nl="", preferred_label_en="manage budgets")
    OccupationSkillFactory(occupation__uri=TITLES[0].esco_uri, skill=english)
    broader = SkillFactory(preferred_label_nl="beleid ontwikkelen")
    rijk, _ = services.rijk_skill_save(actor=None, key="iak", label="IAK toepassen", broader_uri=broader.uri)
    return {"english": english, "broader": broader, "rijk": rijk}


def test_admin_pages_pass_axe_and_a_label_is_given_with_the_keyboard(world, scene, new_page):
    found: list[str] = []
    page = new_page(bypass_csp=True)
    login(page, "beheerder")
    for url in (
        reverse("taxonomie:index"),
        reverse("taxonomie:index") + "?zoek=budget",
        reverse("taxonomie:candidates"),
        reverse("taxonomie:label", args=[scene["english"].pk]),
        reverse("taxonomie:rijk_skill_create"),
        reverse("taxonomie:rijk_skill_update", args=[scene["rijk"].pk]),
        reverse("taxonomie:import"),
    ):
        page.goto(url)
        if violations := axe_violations(page):
            found.append(format_violations(url, violations))
    assert not found, "\n\n".join(found)

    page.goto(reverse("taxonomie:candidates"))
    page.get_by_role("link", name="Nederlandse naam geven").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.get_by_label("Nederlandse naam").fill("budgetten beheren")
    page.get_by_label("Alternatieve namen").fill("begroting beheren\nbudgetbeheer")
    page.get_by_role("button", name="Opslaan").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    assert "De Nederlandse naam ‘budgetten beheren’ is opgeslagen." in page.get_by_role("status").inner_text()
    assert Skill.objects.get(pk=scene["english"].pk).preferred_label_nl == "budgetten beheren"
    names = page.locator("section[aria-labelledby=namen] tbody").inner_text()
    assert "budgetten beheren" in names
    assert "manage budgets" in names
    assert "Labels aangepast" in page.locator("footer").inner_text()


def test_a_rijk_skill_with_an_unknown_broader_concept_is_refused_in_dutch(world, scene, new_page):
    page = new_page(bypass_csp=True)
    login(page, "beheerder")
    page.goto(reverse("taxonomie:rijk_skill_create"))
    page.get_by_label("Sleutel").fill("wetgevingstoets")
    page.get_by_label("Nederlandse naam").fill("Wetgevingstoets uitvoeren")
    page.get_by_label("Breder ESCO-concept (URI)").fill("http://data.europa.eu/esco/skill/bestaat-niet")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()

    assert "Geen ESCO-vaardigheid of -vaardigheidsgroep met deze URI." in page.locator("main").inner_text()
    assert not axe_violations(page), format_violations("fout", axe_violations(page))
    page.get_by_label("Breder ESCO-concept (URI)").fill(scene["broader"].uri)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert (
        "De Rijk-vaardigheid ‘Wetgevingstoets uitvoeren’ is opgeslagen." in page.locator("main").inner_text()
    )
