# SPDX-License-Identifier: EUPL-1.2
"""End to end in Chromium, with the real CSP: fill a portfolio, set visibility, a colleague requests access,
the owner approves, the colleague views, the owner sees the audit entry. htmx toggles work in place."""

import re

import pytest
from django.urls import reverse
from tests.browser.conftest import login

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.skills import normalise
from rijksportfolio.skills.models import TaxonomyVersion
from rijksportfolio.skills.tests.factories import SkillFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _watch(page, problems: list[str]) -> None:
    """Collect console errors and warnings (the browser's own favicon.ico request aside)."""

    def console(msg) -> None:  # type: ignore[no-untyped-def]
        if msg.type in ("error", "warning") and not msg.location.get("url", "").endswith("/favicon.ico"):
            problems.append(f"{msg.text} {msg.location.get('url', '')}")

    page.on("console", console)
    page.on("pageerror", lambda exc: problems.append(str(exc)))


def test_fill_share_request_approve_view_and_audit(world, new_page):
    SkillFactory(preferred_label_nl="leidinggeven aan een team", preferred_label_en="lead a team")
    TaxonomyVersion.objects.create(version="test", source="factories", checksum="-")
    normalise.reset_cache()  # the autocomplete index is built from the taxonomy in the database
    problems: list[str] = []
    owner = new_page()
    _watch(owner, problems)
    login(owner, "medewerker")

    # First use: the main navigation leads to the visibility choice, "Alleen ik" pre-selected everywhere.
    owner.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn portfolio").click()
    assert owner.get_by_role("heading", level=1).inner_text() == "Kies wie je portfolio ziet"
    dossier = owner.get_by_role("group", name="Dossierdeel")
    assert dossier.get_by_role("radio", name="Alleen ik").is_checked()
    dossier.get_by_role("radio", name="Zichtbaar voor alle rijksambtenaren").check()
    owner.get_by_role("group", name="Ambitiedocument").get_by_role("radio", name="Op aanvraag").check()
    owner.get_by_role("button", name="Keuzes opslaan en verder").click()
    assert owner.get_by_role("heading", level=1).inner_text() == "Mijn portfolio"

    # Fill the Dossierdeel: a certificate, with fields generated from its category.
    owner.get_by_role("link", name="Bekijken en bewerken").first.click()
    owner.get_by_role("link", name="Certificaat").click()
    owner.get_by_label("Titel").fill("Prince2 Foundation")
    owner.get_by_label("Uitgegeven door").fill("Axelos")
    owner.get_by_label("Datum van afgifte").fill("2024-05-01")
    owner.get_by_role("button", name="Opslaan", exact=True).click()
    owner.get_by_role("heading", name="Prince2 Foundation").wait_for()
    assert owner.get_by_text("Axelos").is_visible()

    # htmx: the part's visibility changes in place when a radio is chosen (no page load).
    owner.goto(reverse("portfolios:part", args=["vrij"]))
    marker = owner.evaluate("() => (window.rpfMarker = Math.random())")
    owner.get_by_role("group", name="Zichtbaarheid").get_by_role("radio", name="Op aanvraag").check()
    owner.get_by_role("status").filter(has_text="Opgeslagen.").wait_for()
    assert owner.evaluate("() => window.rpfMarker") == marker
    # Only the status line was swapped: the chosen radio keeps the keyboard focus.
    assert owner.evaluate("() => [document.activeElement.name, document.activeElement.value]") == [
        "visibility",
        "op_aanvraag",
    ]

    # The Ambitiedocument (op aanvraag): an ambition.
    owner.goto(reverse("portfolios:part", args=["ambitie"]))
    owner.get_by_role("link", name="Ambitie", exact=True).click()
    owner.get_by_label("Titel").fill("Teamleider worden")
    # htmx autocomplete: a typing error still finds the skill; the chosen one posts with the form.
    owner.get_by_label("Vaardigheid zoeken").press_sequentially("leidinggevn", delay=30)
    owner.get_by_role("checkbox", name="leidinggeven aan een team").check()
    owner.get_by_role("button", name="Opslaan", exact=True).click()
    owner.get_by_role("heading", name="Teamleider worden").wait_for()
    assert owner.get_by_text("leidinggeven aan een team").is_visible()

    # A colleague finds the portfolio, sees the public part and asks for the Ambitiedocument.
    colleague = new_page()
    _watch(colleague, problems)
    login(colleague, "projectleider")
    colleague.goto(reverse("web:person_detail", args=[world.people["medewerker"].pk]))
    colleague.get_by_role("link", name="Portfolio van Anouk Jansen").click()
    assert colleague.get_by_role("heading", name="Prince2 Foundation").is_visible()
    assert colleague.get_by_text("Teamleider worden").count() == 0
    ambition = colleague.get_by_role("region", name="Ambitiedocument")
    ambition.get_by_role("link", name="Vraag inzage aan").click()
    colleague.get_by_label("Waarom wil je dit inzien?").fill("Vacature teamleider bij Logius")
    colleague.get_by_role("button", name="Verzoek versturen").click()
    colleague.get_by_text("Je verzoek is verstuurd.").wait_for()
    assert colleague.get_by_text("de eigenaar heeft nog niet beslist").is_visible()

    # The owner is notified, and approves for the default 30 days.
    owner.goto(reverse("portfolios:mine"))
    owner.get_by_role("link", name=re.compile(r"Meldingen \(1 ongelezen\)")).click()
    owner.get_by_role("button", name="Openen").first.click()
    assert owner.get_by_role("heading", level=1).inner_text() == "Inzageverzoeken"
    request = owner.get_by_role("listitem").filter(has_text="Bram Smit vraagt inzage in: Ambitiedocument")
    assert request.get_by_text("Vacature teamleider bij Logius").is_visible()
    assert request.get_by_label("Geldig voor (dagen)").input_value() == "30"
    request.get_by_role("button", name="Goedkeuren").click()
    owner.get_by_text("Je hebt het verzoek goedgekeurd voor 30 dagen.").wait_for()
    assert owner.get_by_role("region", name="Lopende inzage").get_by_text("Bram Smit").is_visible()

    # The colleague now sees the Ambitiedocument; that read is audited exactly once.
    colleague.goto(reverse("portfolios:person_portfolio", args=[world.people["medewerker"].pk]))
    assert colleague.get_by_role("heading", name="Teamleider worden").is_visible()
    events = AuditEvent.objects.filter(
        subject_person=world.people["medewerker"], object_type="portfolio.ambitie"
    )
    assert [(e.actor_id, e.purpose) for e in events] == [
        (world.users["projectleider"].pk, "Vacature teamleider bij Logius")
    ]

    # The owner sees who looked, at which part, when and why.
    owner.get_by_role("navigation", name="Mijn portfolio").get_by_role(
        "link", name="Wie bekeek mijn portfolio"
    ).click()
    row = owner.get_by_role("row").filter(has_text="Bram Smit")
    assert row.get_by_role("cell", name="Ambitiedocument").is_visible()
    assert row.get_by_role("cell", name="Vacature teamleider bij Logius").is_visible()

    csp = [p for p in problems if "Content Security Policy" in p or "Refused to" in p]
    assert csp == [], csp
    assert problems == [], problems
    normalise.reset_cache()
