# SPDX-License-Identifier: EUPL-1.2
"""Alerts in Chromium: the employee switches alerts on with the keyboard, the project leader publishes a kans
and switches on alerts about new candidates, a run of the alerts worker sends the message that says why the
kans fits; axe on every page."""

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.matching.alerts import alerts_run
from rijksportfolio.opportunities.models import Opportunity, OpportunitySkill
from rijksportfolio.portfolios.models import Portfolio, PortfolioSkill
from rijksportfolio.skills.tests.factories import SkillFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def draft(world):
    security = SkillFactory(preferred_label_nl="informatiebeveiliging")
    portfolio = Portfolio.objects.create(
        person=world.people["medewerker"], matching_consent=True, visibility_skills="rijk"
    )
    PortfolioSkill.objects.create(portfolio=portfolio, skill=security, level="ervaren")
    opportunity = Opportunity.objects.create(
        kind="klus", title="Pentest begeleiden", description="Twee dagen per week.",
        organisation=world.orgs["logius"], work_mode="op_afstand", owner=world.users["projectleider"].person,
    )  # fmt: skip
    OpportunitySkill.objects.create(opportunity=opportunity, skill=security, min_level="ervaren")
    return opportunity


def test_alerts_switched_on_by_keyboard_then_a_published_kans_is_announced_with_why(world, draft, new_page):
    page = new_page(bypass_csp=True)
    login(page, "medewerker")
    page.goto(reverse("kansen:for_me"))
    page.get_by_role("link", name="Meldingen over nieuwe kansen die bij mij passen").click()
    page.wait_for_load_state()
    assert not axe_violations(page), format_violations("meldingen", axe_violations(page))
    checkbox = page.get_by_label("Stuur mij een melding bij nieuwe kansen die bij mij passen")
    checkbox.focus()
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    page.get_by_label("Hoe goed moet een kans passen?").select_option("80")
    page.get_by_label("Direct (binnen enkele minuten na publicatie)").check()
    page.get_by_role("button", name="Opslaan").press("Enter")
    page.wait_for_load_state()
    assert "Je meldingen over passende kansen staan aan." in page.locator("main").inner_text()
    assert not axe_violations(page), format_violations("meldingen opgeslagen", axe_violations(page))

    leader = new_page(bypass_csp=True)
    login(leader, "projectleider")
    leader.goto(reverse("kansen:detail", args=[draft.pk]))
    leader.get_by_label("Stuur mij een melding als iemand nieuw bij deze kans past").check()
    leader.get_by_role("button", name="Meldingen opslaan").click()
    leader.wait_for_load_state()
    assert "Je krijgt een melding als iemand nieuw bij deze kans past." in leader.locator("main").inner_text()
    assert not axe_violations(leader), format_violations("kans met meldingen", axe_violations(leader))
    leader.get_by_role("button", name="Publiceren").click()
    leader.wait_for_load_state()

    result = alerts_run()  # what cron or the worker does
    assert (result.alerts_created["kans"], result.notifications) == (1, 1)
    page.goto(reverse("notifications:inbox"))
    text = page.locator("main").inner_text()
    assert "Nieuwe kans die bij je past: Pentest begeleiden" in text
    assert "Past bij je omdat:" in text
    assert "informatiebeveiliging — direct, niveau ervaren" in text
    assert not axe_violations(page), format_violations("meldingen inbox", axe_violations(page))
