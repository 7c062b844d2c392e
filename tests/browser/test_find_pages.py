# SPDX-License-Identifier: EUPL-1.2
"""Colleague search and portfolio overviews in Chromium: axe clean, real CSP, htmx results swap in place."""

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.portfolios.models import SECTION_FIELDS
from rijksportfolio.portfolios.tests.factories import PortfolioFactory, PortfolioSkillFactory
from rijksportfolio.skills.models import TaxonomyVersion
from rijksportfolio.skills.tests.factories import SkillFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _profiles(world):  # type: ignore[no-untyped-def]
    """Daan shares his skills with the Rijk; Anouk keeps hers to herself. A taxonomy version makes the
    autocomplete index the database's (small) skills instead of the whole bundle."""
    TaxonomyVersion.objects.create(version="test", source="test", checksum="0" * 64)
    skill = SkillFactory(preferred_label_nl="beleidsadvies geven", preferred_label_en="give policy advice")
    for key, visibility in (("collega", "rijk"), ("medewerker", "alleen_ik")):
        fields = dict.fromkeys(SECTION_FIELDS.values(), visibility)
        portfolio = PortfolioFactory(person=world.people[key], visibility_chosen_at=timezone.now(), **fields)
        PortfolioSkillFactory(portfolio=portfolio, skill=skill, level="ervaren")
    return skill


def test_search_and_overview_pages_have_no_serious_axe_violations(world, new_page):  # type: ignore[no-untyped-def]
    skill = _profiles(world)
    found: list[str] = []
    checks = {
        "hr-adviseur": [
            reverse("portfolios:colleague_search"),
            reverse("portfolios:colleague_search") + f"?vaardigheid_id={skill.pk}",
            reverse("portfolios:colleague_search") + "?naam=a&vaardigheid=xyzxyz",
            reverse("portfolios:overview_organisation", args=[world.orgs["bzk"].pk]),
        ],
        "analist": [reverse("portfolios:overview")],
    }
    for username, urls in checks.items():
        page = new_page(bypass_csp=True)
        login(page, username)
        for url in urls:
            page.goto(url)
            violations = axe_violations(page)
            if violations:
                found.append(f"[{username}] " + format_violations(url, violations))
    assert found == [], "\n\n".join(found)


def test_search_swaps_results_in_place_under_the_real_csp(world, new_page):  # type: ignore[no-untyped-def]
    _profiles(world)
    page = new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    login(page, "hr-adviseur")
    page.goto(reverse("portfolios:colleague_search"))
    page.get_by_label("Vaardigheid", exact=True).fill("beleidsadvies")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("1 collega gevonden").wait_for()
    assert page.get_by_role("link", name="Daan Visser").is_visible()
    assert page.get_by_text("beleidsadvies geven (Ervaren)").is_visible()
    assert "vaardigheid=" in page.url  # htmx pushed the search into the address bar
    page.goto(reverse("portfolios:overview_organisation", args=[world.orgs["bzk"].pk]))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Portfolio-overzicht")
    assert page.locator("svg[role=img]").count() == 6
    assert problems == [], problems
