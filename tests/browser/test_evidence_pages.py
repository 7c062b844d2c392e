# SPDX-License-Identifier: EUPL-1.2
"""Evidence upload and the export/import pages in Chromium, with the real CSP: upload from the part page,
a rejected file, the download, the import of an export — and axe on each page (0 serious/critical)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.browser.conftest import axe_violations, format_violations, login

from rijksportfolio.portfolios import services
from rijksportfolio.portfolios.data.categories import BUILTIN_CATEGORIES
from rijksportfolio.portfolios.models import SECTION_FIELDS, ItemCategory
from rijksportfolio.portfolios.tests import samples
from rijksportfolio.portfolios.tests.factories import PortfolioFactory, user_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _axe(page, found: list[str]) -> None:
    # axe needs its script injected: check on a second page that bypasses the CSP, at the same URL.
    violations = axe_violations(page)
    if violations:
        found.append(format_violations(page.url, violations))


def test_upload_download_export_import_in_the_browser(world, new_page, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    for definition in BUILTIN_CATEGORIES:
        ItemCategory.objects.get_or_create(key=definition["key"], defaults={**definition, "builtin": True})
    person = world.people["medewerker"]
    user = user_for(person)
    portfolio = PortfolioFactory(
        person=person, visibility_chosen_at=timezone.now(), **dict.fromkeys(SECTION_FIELDS.values(), "rijk")
    )
    item = services.item_create(
        actor=user,
        portfolio=portfolio,
        category=ItemCategory.objects.get(key="diploma"),
        title="Diploma bestuurskunde",
        data={"instelling": "Universiteit Twente"},
    )
    png = tmp_path / "diploma.png"
    png.write_bytes(samples.png())
    svg = tmp_path / "logo.png"
    svg.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')

    page = new_page()  # the real CSP
    problems: list[str] = []
    # CSP refusals and script errors (a 400 answer to a rejected upload is expected, not a problem).
    page.on("console", lambda msg: problems.append(msg.text) if "Refused" in msg.text else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    login(page, "medewerker")
    page.goto(reverse("portfolios:part", args=["dossier"]))
    page.get_by_role("link", name="Bewijsstukken").click()
    page.get_by_role("heading", level=1, name="Bewijsstukken bij ‘Diploma bestuurskunde’").wait_for()

    page.get_by_label("Bestand", exact=True).set_input_files(str(svg))
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("SVG-bestanden zijn niet toegestaan. Lever een PDF, PNG of JPEG aan.").wait_for()
    rejected_url = page.url

    page.get_by_label("Bestand", exact=True).set_input_files(str(png))
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("‘diploma.png’ is toegevoegd.").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="diploma.png").click()
    assert download.value.suggested_filename == "diploma.png"
    assert Path(download.value.path()).read_bytes() == samples.png()

    page.goto(reverse("portfolios:export"))
    with page.expect_download() as export:
        page.get_by_role("link", name="Download als JSON").click()
    document = json.loads(Path(export.value.path()).read_bytes())
    assert [e["bestandsnaam"] for i in document["items"] for e in i["bewijsstukken"]] == ["diploma.png"]
    assert problems == []

    # axe on every page of this flow (a second context that may inject axe).
    found: list[str] = []
    checker = new_page(bypass_csp=True)
    login(checker, "medewerker")
    for url in (
        reverse("portfolios:evidence", args=[item.pk]),
        reverse("portfolios:export"),
        reverse("portfolios:export_pdf_options"),
        reverse("portfolios:import"),
    ):
        checker.goto(url)
        _axe(checker, found)
    # The error states: a rejected upload and a rejected import.
    checker.goto(rejected_url)
    checker.get_by_label("Bestand", exact=True).set_input_files(str(svg))
    checker.get_by_role("button", name="Toevoegen").click()
    checker.get_by_text("SVG-bestanden zijn niet toegestaan.", exact=False).wait_for()
    _axe(checker, found)
    broken = tmp_path / "kapot.json"
    broken.write_text('{"schema": "rijksportfolio-portfolio-export", "schemaVersie": "1.0"}')
    checker.goto(reverse("portfolios:import"))
    checker.get_by_label("Exportbestand (JSON)").set_input_files(str(broken))
    checker.get_by_role("button", name="Inlezen").click()
    checker.get_by_text("Het bestand is niet ingelezen. Dit is er mis:").wait_for()
    _axe(checker, found)
    assert found == [], "\n".join(found)
