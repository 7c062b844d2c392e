# SPDX-License-Identifier: EUPL-1.2
"""The MPP and Vaardigheden pages in Chromium: axe (0 serious/critical) in Dutch, and saving and comparing
scenarios with the keyboard only."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.portfolios.data.categories import BUILTIN_CATEGORIES
from rijksportfolio.portfolios.models import ItemCategory
from rijksportfolio.workforce.models import WorkforcePlanScenario
from rijksportfolio.workforce.tests.factories import WorkforcePlanScenarioFactory
from rijksportfolio.workforce.tests.planning import PEIL, build_planning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def planning(transactional_db, settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.ANALYTICS_DIR = tmp_path / "analytics"
    settings.ANALYTICS_REFRESH = "off"
    for spec in BUILTIN_CATEGORIES:  # a transactional test starts from an emptied database
        values = {k: v for k, v in spec.items() if k != "key"}
        ItemCategory.objects.update_or_create(key=spec["key"], defaults={**values, "builtin": True})
    return build_planning()


def test_mpp_and_vaardigheden_pages_pass_axe(planning, new_page) -> None:  # type: ignore[no-untyped-def]
    w = planning.world
    first = WorkforcePlanScenarioFactory(
        name="Groei", organisation=planning.ddo, horizon_years=6, growth_pct=3, owner=w.users["hr-adviseur"]
    )
    second = WorkforcePlanScenarioFactory(
        name="Krimp", organisation=planning.ddo, horizon_years=6, growth_pct=-3, technology_pct={"ict": 20}
    )
    page = new_page(bypass_csp=True)
    login(page, "hr-adviseur")
    peil = PEIL.isoformat()
    urls = [
        f"{reverse('workforce:index')}",
        f"{reverse('workforce:mpp')}?organisatie=ddo&peildatum={peil}&technologie_ict=30",
        f"{reverse('workforce:mpp_scenario', kwargs={'pk': first.pk})}?peildatum={peil}",
        reverse("workforce:mpp_delete", kwargs={"pk": first.pk}),
        f"{reverse('workforce:mpp_compare')}?scenario={first.pk}&scenario={second.pk}&peildatum={peil}",
        f"{reverse('workforce:mpp_compare')}?scenario={first.pk}",  # the error state
        f"{reverse('workforce:vaardigheden')}?organisatie=ddo",
    ]
    found = []
    for url in urls:
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        if "vergelijken" in url and "&scenario" not in url:
            assert page.locator(".utrecht-form-field-error-message").count() == 1
        elif "verwijderen" not in url and "stuurinformatie?" not in url and url != reverse("workforce:index"):
            assert page.locator("svg[role=img]").count() >= 1, url
        if violations := axe_violations(page):
            found.append(format_violations(url, violations))
    assert not found, "\n\n".join(found)


def test_save_and_compare_with_the_keyboard(planning, new_page) -> None:  # type: ignore[no-untyped-def]
    WorkforcePlanScenarioFactory(name="Basis", organisation=planning.ddo, horizon_years=6)
    page = new_page()
    login(page, "hr-adviseur")
    page.goto(f"{reverse('workforce:mpp')}?organisatie=ddo&peildatum={PEIL.isoformat()}")
    page.get_by_label("Horizon (jaren)").fill("6")
    page.get_by_label("Werksoort ict (%)").fill("30")
    page.get_by_label("Werksoort ict (%)").press("Enter")  # submits the scenario form
    page.wait_for_url("**technologie_ict=30**")
    page.get_by_label("Naam van het scenario").fill("Digitalisering")
    page.get_by_label("Naam van het scenario").press("Enter")
    page.wait_for_url("**/mpp/scenarios/**")
    saved = WorkforcePlanScenario.objects.get(name="Digitalisering")
    assert (saved.horizon_years, saved.technology_pct) == (6, {"ict": 30.0})
    assert page.locator("h1").inner_text() == "Scenario: Digitalisering"
    page.goto(reverse("workforce:mpp"))
    for name in ("Vergelijk Basis", "Vergelijk Digitalisering"):
        page.get_by_label(name).focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Vergelijk de gekozen scenario's").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/mpp/vergelijken**")
    assert page.locator("h1").inner_text() == "Scenario's vergelijken"
    header = page.locator("#rpf-chart-vergelijking-verschil table thead th")
    assert header.all_inner_texts()[1:] == ["Digitalisering", "Basis"]  # as listed: the latest change first
