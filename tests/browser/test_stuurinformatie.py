# SPDX-License-Identifier: EUPL-1.2
"""The stuurinformatie dashboard pages in Chromium: axe (0 serious/critical) in Dutch."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.people.constants import ContractType, Gender
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
from rijksportfolio.workforce import store

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = (
    "index",
    "personeelsbestand",
    "stromen",
    "uitstroomprognose",
    "drie_vijf_zeven",
    "diversiteit",
    "spreiding",
    "ict_personeel",
    "detacheringen",
    "jaarrapportage",
)


@pytest.fixture
def staffed(world, settings, tmp_path):
    settings.ANALYTICS_DIR = tmp_path / "analytics"
    settings.ANALYTICS_REFRESH = "off"
    for k in range(30):
        EmploymentFactory(
            person=PersonFactory(
                gender=Gender.FEMALE if k % 2 else Gender.MALE, date_of_birth=date(1960 + k % 30, 3, 1)
            ),
            organisation=world.orgs["team"],
            start_date=date(2014, 1, 1),
        )
    store.refresh(full=True)
    return world


@pytest.mark.parametrize("username", ["analist", "leidinggevende"])
def test_dashboard_pages_pass_axe(staffed, new_page, username):
    page = new_page(bypass_csp=True)
    login(page, username)
    found = []
    for name in PAGES:
        url = reverse(f"workforce:{name}")
        page.goto(url)
        assert page.locator("h1").count() == 1
        if name not in ("index", "jaarrapportage"):
            assert page.locator("svg[role=img]").count() >= 1, url
        if violations := axe_violations(page):
            found.append(format_violations(url, violations))
    assert not found, "\n\n".join(found)


def test_hr_forms_pass_axe_and_work_with_the_keyboard(staffed, new_page):
    """The HR adviser's forms (a diversity goal, the ICT formation, a secondment's explanation) are accessible,
    and the register's explanation is given with the keyboard alone."""
    for k in range(3):
        EmploymentFactory(
            person=PersonFactory(first_name=f"Gedetacheerde{k}"),
            organisation=staffed.orgs["team"],
            contract_type=ContractType.SECONDMENT,
            start_date=date(2021, 1, 1),
            end_date=None,
            end_reason="",
        )
    store.refresh(full=True)
    page = new_page(bypass_csp=True)
    login(page, "hr-adviseur")
    found = []
    for name, form in (
        ("diversiteit", "form[action^='/stuurinformatie/diversiteit/doelen']"),
        ("ict_personeel", "form[action^='/stuurinformatie/ict-personeel/formatie']"),
        ("detacheringen", "details.rpf-details"),
    ):
        url = reverse(f"workforce:{name}") + "?organisatie=team-a"
        page.goto(url)
        assert page.locator(form).count() >= 1, url
        if violations := axe_violations(page):
            found.append(format_violations(url, violations))
    assert not found, "\n\n".join(found)

    # the register: open the first row's form with the keyboard, type, save
    summary = page.locator("details.rpf-details > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    textarea = page.locator("details.rpf-details[open] textarea").first
    assert textarea.is_visible()
    page.keyboard.press("Tab")  # from the summary to the text field
    page.keyboard.type("Loopt tot de oplevering van het project.")
    submit = page.locator("details.rpf-details[open] button[type=submit]").first
    submit.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "De toelichting is opgeslagen." in page.content()
    assert "Loopt tot de oplevering van het project." in page.content()
    if violations := axe_violations(page):
        raise AssertionError(format_violations(page.url, violations))
