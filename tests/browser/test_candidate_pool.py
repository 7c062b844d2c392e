# SPDX-License-Identifier: EUPL-1.2
"""The candidate pool in Chromium, end to end: the project leader proposes a candidate they did not hire,
the candidate reads what is shared and consents by keyboard, another vacancy holder finds them with the
explanation and contacts them, the candidate sees who found them and withdraws, and the search no longer
finds them. axe on every page (0 serious/critical); the pages under the real CSP without console errors."""

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.matching.models import PoolEntry, ShortlistEntry
from rijksportfolio.opportunities.models import Opportunity, OpportunitySkill
from rijksportfolio.portfolios.models import Portfolio, PortfolioSkill
from rijksportfolio.skills.tests.factories import SkillFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "Sterk in informatiebeveiliging en audits; geschikt als security officer."
SEARCH = "?skills=informatiebeveiliging&text=officer"


@pytest.fixture
def scene(world):
    security = SkillFactory(preferred_label_nl="informatiebeveiliging")
    candidate = world.people["medewerker"]
    portfolio = Portfolio.objects.create(
        person=candidate, visibility_skills="rijk", available_hours_per_week=8
    )
    PortfolioSkill.objects.create(portfolio=portfolio, skill=security, level="ervaren")
    opportunity = Opportunity.objects.create(
        kind="vacature", title="Security officer Logius", description="Een vaste baan.",
        organisation=world.orgs["logius"], work_mode="hybride", status="gepubliceerd",
        owner=world.users["projectleider"].person,
    )  # fmt: skip
    OpportunitySkill.objects.create(opportunity=opportunity, skill=security, min_level="expert")
    ShortlistEntry.objects.create(opportunity=opportunity, person=candidate, reason="")
    return opportunity


def _check(page, found: list[str], label: str) -> None:
    if violations := axe_violations(page):
        found.append(format_violations(f"{label} ({page.url})", violations))


def test_propose_consent_find_with_explanation_withdraw_and_gone(world, scene, new_page):
    found: list[str] = []
    candidate_name = world.people["medewerker"].full_name

    # 1. The vacancy holder proposes the candidate they did not hire, with a note.
    leader = new_page(bypass_csp=True)
    login(leader, "projectleider")
    leader.goto(reverse("kansen:detail", args=[scene.pk]))
    leader.get_by_role("link", name="Niet aangenomen kandidaten voordragen voor de kandidatenpool").click()
    leader.wait_for_load_state()
    _check(leader, found, "voordragen")
    leader.get_by_label(candidate_name).check()
    leader.get_by_label("Waarvoor is deze kandidaat geschikt?").fill(NOTE)
    leader.get_by_role("button", name="Voordragen en om toestemming vragen").click()
    leader.wait_for_load_state()
    assert (
        f"{candidate_name} is voorgedragen en krijgt een bericht."
        in leader.get_by_role("status").inner_text()
    )
    assert "wacht op toestemming" in leader.locator("section[aria-labelledby=voorgedragen-kop]").inner_text()
    _check(leader, found, "voordragen, na")

    # Nobody else finds a proposal without consent.
    searcher = new_page(bypass_csp=True)
    login(searcher, "leidinggevende")
    searcher.goto(reverse("kandidatenpool:search") + SEARCH)
    assert searcher.locator("#geen-kandidaten").is_visible()

    # 2. The candidate is notified, reads exactly what is shared, and consents for 6 months by keyboard.
    me = new_page(bypass_csp=True)
    login(me, "medewerker")
    me.goto(reverse("notifications:inbox"))
    assert "Je bent voorgedragen voor de kandidatenpool van het Rijk" in me.locator("main").inner_text()
    me.goto(reverse("kandidatenpool:mine"))
    _check(me, found, "mijn kandidatenpool")
    me.get_by_role("link", name="Lezen en beslissen").click()
    me.wait_for_load_state()
    _check(me, found, "toestemming")
    shared = me.locator("section[aria-labelledby=gedeeld-kop]").inner_text()
    assert NOTE in shared
    assert "Je vaardigheden staan nu op: Zichtbaar voor alle rijksambtenaren." in shared
    assert "ten hoogste 12 maanden" in me.locator("section[aria-labelledby=hoelang-kop]").inner_text()
    assert me.get_by_label("12 maanden").is_checked()  # the default
    me.get_by_label("6 maanden").focus()
    me.keyboard.press("Space")
    me.keyboard.press("Tab")
    assert me.evaluate("() => document.activeElement.textContent.trim()") == "Ja, ik doe mee"
    me.keyboard.press("Enter")
    me.wait_for_load_state()
    assert "Je doet mee met de kandidatenpool." in me.get_by_role("status").inner_text()
    entry = PoolEntry.objects.get()
    assert (entry.status, entry.months) == ("actief", 6)
    _check(me, found, "mijn kandidatenpool, na toestemming")

    # 3. Another vacancy holder finds the candidate, with the explanation, and contacts them.
    searcher.goto(reverse("kandidatenpool:search") + SEARCH)
    _check(searcher, found, "zoeken")
    cards = searcher.locator("section[aria-labelledby=resultaten-kop] li.rpf-card")
    assert cards.count() == 1
    card = cards.nth(0).inner_text()
    assert candidate_name in card
    assert "informatiebeveiliging — direct, niveau ervaren" in card
    assert "Toelichting bij de voordracht — komt overeen met: officer" in card
    assert NOTE in card
    searcher.get_by_role("link", name=f"{candidate_name} benaderen").click()
    searcher.wait_for_load_state()
    _check(searcher, found, "benaderen")
    searcher.get_by_label("Bericht aan de kandidaat").fill("Zin in een kennismaking over een adviesrol?")
    searcher.get_by_role("button", name="Bericht versturen").click()
    searcher.wait_for_load_state()
    assert f"Je bericht is verstuurd aan {candidate_name}." in searcher.get_by_role("status").inner_text()

    # 4. The candidate sees who found and contacted them, and withdraws: immediately gone.
    me.goto(reverse("kandidatenpool:mine"))
    seen = me.locator("section[aria-labelledby=inzage-kop]").inner_text()
    manager = world.people["leidinggevende"].full_name
    assert f"{manager}\tVond je bij het zoeken" in seen
    assert f"{manager}\tBenaderde je" in seen
    _check(me, found, "mijn kandidatenpool, gezien")
    me.get_by_role("link", name="Bekijken, verlengen of stoppen").click()
    me.wait_for_load_state()
    _check(me, found, "deelname")
    me.get_by_role("button", name="Toestemming intrekken").click()
    me.wait_for_load_state()
    assert "Je toestemming is ingetrokken." in me.get_by_role("status").inner_text()
    assert me.locator("#geen-deelnames").is_visible()
    assert not PoolEntry.objects.exists()

    searcher.goto(reverse("kandidatenpool:search") + SEARCH)
    assert searcher.locator("#geen-kandidaten").is_visible()
    assert found == [], "\n\n".join(found)


def test_pool_pages_under_the_real_csp_without_console_errors(world, scene, new_page):
    page = new_page()  # no bypass: the real Content-Security-Policy applies
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    login(page, "projectleider")
    for url in (
        reverse("kandidatenpool:propose", args=[scene.pk]),
        reverse("kandidatenpool:search") + SEARCH,
        reverse("kandidatenpool:mine"),
    ):
        page.goto(url)
        assert page.get_by_role("heading", level=1).is_visible()
    assert problems == [], problems
