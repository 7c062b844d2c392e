# SPDX-License-Identifier: EUPL-1.2
"""The stuurinformatie dashboard pages in Chromium: axe (0 serious/critical) in Dutch."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.people.constants import Gender
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
from rijksportfolio.workforce import store

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ("index", "personeelsbestand", "stromen", "uitstroomprognose", "drie_vijf_zeven", "jaarrapportage")


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
