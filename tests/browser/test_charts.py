# SPDX-License-Identifier: EUPL-1.2
"""The chart component in a real browser: the "Rijk in cijfers" page (bar, stacked bar, line and pyramid,
each with its table) passes axe, renders under the strict CSP, and its CSV download opens as a table."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.people.constants import Gender
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staffed(world):
    """Enough people for bars beside the suppressed cells: 40 at BZK (scale 11), 20 at FIN (scale 8)."""
    for k in range(60):
        person = PersonFactory(
            gender=Gender.FEMALE if k % 2 else Gender.MALE, date_of_birth=date(1965 + k % 30, 3, 1)
        )
        EmploymentFactory(
            person=person,
            organisation=world.orgs["bzk" if k < 40 else "fin"],
            salary_scale=11 if k < 40 else 8,
            start_date=date(2012, 1, 1),
        )
    return world


def test_figures_page_passes_axe_in_dutch_and_english(staffed, new_page):
    page = new_page(bypass_csp=True)
    login(page, "analist")
    url = reverse("web:figures")
    page.goto(url)
    kinds = page.locator("svg[role=img]")
    assert kinds.count() == 5
    assert page.locator("table caption").count() == 5
    assert page.locator("svg[role=img] rect[height='18']").count() > 5  # bars were drawn
    found = []
    if violations := axe_violations(page):
        found.append(format_violations(url, violations))
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    page.goto(url)
    assert page.locator("h1").inner_text() == "Government in figures"
    if violations := axe_violations(page):
        found.append(format_violations(url + " (en)", violations))
    assert not found, "\n\n".join(found)


def test_figures_page_renders_under_the_strict_csp_and_downloads_csv(staffed, new_page):
    page = new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None)
    login(page, "analist")
    page.goto(reverse("web:figures"))
    box = page.locator("svg[role=img]").first.bounding_box()
    assert box is not None
    assert box["width"] > 300  # laid out by the stylesheet, not collapsed
    csp = [p for p in problems if "Content Security Policy" in p or "Refused to" in p]
    assert csp == [], csp
    with page.expect_download() as info:
        page.locator("#rpf-chart-ministerie").get_by_role("link", name="CSV").click()
    download = info.value
    assert download.suggested_filename == f"rijk-in-cijfers-{date.today().isoformat()}-ministerie.csv"
    with open(download.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.reader(io.StringIO(handle.read()), delimiter=";"))
    assert rows[0] == ["Ministerie", "Medewerkers"]
    assert rows[-1] == ["Totaal", "69"]  # the world's 9 people and 60 more
