# SPDX-License-Identifier: EUPL-1.2
"""The fairness monitor in Chromium: the HR adviser measures by keyboard, reads the flags, the chart with its
table and the assessment, opens an earlier run from the history; axe (0 serious/critical) on every page."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.domain.matching.benchmark import RIJK_OCCUPATIONS
from rijksportfolio.people.constants import Gender
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
from rijksportfolio.portfolios.models import Portfolio, PortfolioSkill
from rijksportfolio.skills.tests.factories import OccupationFactory, OccupationSkillFactory, SkillFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staffed(world):
    """In team-a (BZK): 12 women with all three skills of a Rijk occupation, 12 men with one."""
    occupation = OccupationFactory(uri=RIJK_OCCUPATIONS[0])
    skills = [SkillFactory(preferred_label_nl=f"vaardigheid {i}") for i in range(3)]
    for skill in skills:
        OccupationSkillFactory(occupation=occupation, skill=skill)
    for k in range(24):
        woman = k % 2 == 0
        person = PersonFactory(
            gender=Gender.FEMALE if woman else Gender.MALE, date_of_birth=date(1965 + k, 3, 1)
        )
        EmploymentFactory(person=person, organisation=world.orgs["team"])
        portfolio = Portfolio.objects.create(person=person, matching_consent=True, visibility_skills="rijk")
        for skill in skills if woman else skills[:1]:
            PortfolioSkill.objects.create(
                portfolio=portfolio, skill=skill, level="expert" if woman else "basis"
            )
    return world


def test_hr_adviser_measures_by_keyboard_and_reads_the_outcome(staffed, new_page):
    page = new_page(bypass_csp=True)
    login(page, "hr-adviseur")
    found = []
    page.goto(reverse("matching:fairness"))
    assert "Voor dit bereik is nog niet gemeten." in page.locator("main").inner_text()
    if violations := axe_violations(page):
        found.append(format_violations("monitor, no run yet", violations))
    button = page.get_by_role("button", name="Meet nu voor Ministerie van Binnenlandse Zaken")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/eerlijkheidsmonitor/metingen/*")
    main = page.locator("main").inner_text()
    assert "De meting is klaar en bewaard." in main
    assert "Geslacht man: kans op een score van ten minste 0,50" in main
    assert page.locator("svg[role=img]").count() == 2  # one chart per dimension, each with its table
    assert (
        page.get_by_role("table", name="Kans en verhouding tot de hoogste groep, naar geslacht").count() == 1
    )
    if violations := axe_violations(page):
        found.append(format_violations("one run", violations))
    page.goto(reverse("matching:fairness"))
    history = page.get_by_role(
        "table", name="Metingen voor Ministerie van Binnenlandse Zaken en Koninkrijksrelaties, nieuwste eerst"
    )
    assert history.locator("tbody tr").count() == 1
    if violations := axe_violations(page):
        found.append(format_violations("monitor with a run", violations))
    link = history.get_by_role("link")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/eerlijkheidsmonitor/metingen/*")
    assert page.locator("h1").inner_text().startswith("Meting van ")
    assert not found, "\n\n".join(found)
