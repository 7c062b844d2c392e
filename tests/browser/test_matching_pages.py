# SPDX-License-Identifier: EUPL-1.2
"""Matching pages in Chromium: the project leader finds a colleague with the explanation, shortlists with
a reason when departing from the ranking; the employee sees why a kans fits; axe on every page."""

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.opportunities.models import Opportunity, OpportunitySkill
from rijksportfolio.portfolios.models import Portfolio, PortfolioSkill
from rijksportfolio.skills.tests.factories import SkillFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene(world):
    security = SkillFactory(preferred_label_nl="informatiebeveiliging")
    risk = SkillFactory(preferred_label_nl="risicobeheer")
    for key, level in (("collega", "expert"), ("medewerker", "gevorderd")):
        portfolio = Portfolio.objects.create(
            person=world.people[key],
            matching_consent=True,
            visibility_skills="rijk",
            available_hours_per_week=8,
        )
        PortfolioSkill.objects.create(portfolio=portfolio, skill=security, level=level)
    opportunity = Opportunity.objects.create(
        kind="klus", title="Pentest begeleiden", description="Twee dagen per week.\n\nIn Den Haag.",
        organisation=world.orgs["logius"], work_mode="op_afstand", status="gepubliceerd",
        owner=world.users["projectleider"].person,
    )  # fmt: skip
    OpportunitySkill.objects.create(opportunity=opportunity, skill=security, min_level="ervaren")
    OpportunitySkill.objects.create(opportunity=opportunity, skill=risk, essential=False)
    return opportunity


def test_leader_sees_candidates_with_explanations_and_must_give_a_reason_to_skip(world, scene, new_page):
    found: list[str] = []
    page = new_page(bypass_csp=True)
    login(page, "projectleider")
    for url in (
        reverse("kansen:list"),
        reverse("kansen:create"),
        reverse("kansen:detail", args=[scene.pk]),
        reverse("kansen:expertise") + "?skills=informatiebeveiliging&text=",
        reverse("kansen:how_ranking_works"),
    ):
        page.goto(url)
        if violations := axe_violations(page):
            found.append(format_violations(url, violations))
    assert not found, "\n\n".join(found)
    page.goto(reverse("kansen:detail", args=[scene.pk]))
    cards = page.locator("section[aria-labelledby=kandidaten] > ol > li.rpf-card")
    assert cards.count() == 2
    first = cards.nth(0)
    assert "informatiebeveiliging — direct, niveau expert" in first.inner_text()
    assert "risicobeheer — ontbreekt (wenselijk)" in first.inner_text()
    second_name = world.people["medewerker"].full_name
    page.get_by_role("button", name=f"{second_name} op de shortlist").click()
    page.wait_for_load_state()
    assert "Je wijkt af van de rangschikking: geef een reden." in page.get_by_role("alert").inner_text()
    page.go_back()
    page.locator(f"#reden-{world.people['medewerker'].pk}").fill("Wil graag groeien")
    page.get_by_role("button", name=f"{second_name} op de shortlist").click()
    page.wait_for_load_state()
    assert "Wil graag groeien" in page.locator("section[aria-labelledby=shortlist-kop]").inner_text()


def test_employee_sees_why_a_kans_fits_and_what_is_missing(world, scene, new_page):
    page = new_page(bypass_csp=True)
    login(page, "medewerker")
    page.goto(reverse("kansen:for_me"))
    assert not axe_violations(page), format_violations("kansen voor mij", axe_violations(page))
    text = page.locator("main").inner_text()
    assert "Pentest begeleiden" in text
    assert (
        "informatiebeveiliging — direct, niveau gevorderd, onder het gevraagde niveau ervaren (telt voor 67%)"
        in text
    )
    assert "risicobeheer — ontbreekt (wenselijk)" in text
    page.goto(reverse("kansen:detail", args=[scene.pk]))
    assert not axe_violations(page), format_violations("kans", axe_violations(page))
    page.get_by_label("Uren per week").fill("8")
    page.get_by_role("button", name="Akkoord vragen").click()
    page.wait_for_load_state()
    assert "8 uur per week, antwoord uiterlijk" in page.locator("main").inner_text()
