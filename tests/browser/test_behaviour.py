# SPDX-License-Identifier: EUPL-1.2
"""Keyboard use, the strict CSP, htmx updates, language switch, login and its rate limit — in a real browser.

Few, longer tests on purpose: every live-server test costs a database flush.
"""

import pytest
from django.urls import reverse
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_keyboard_csp_htmx_and_language_switch(world, new_page):
    page = new_page()  # no bypass: the real Content-Security-Policy applies
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    login(page, "hr-adviseur")

    # Keyboard: the skip link is the first tab stop, visible on focus, and moves focus to <main>.
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]"
    )
    assert focused == ["Direct naar de inhoud", "#inhoud"]
    assert page.locator(".rpf-skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhoud"

    for url in (
        reverse("web:organisation_list"),
        reverse("web:person_detail", args=[world.people["medewerker"].pk]),
        reverse("web:my_audit"),
    ):
        page.goto(url)

    # htmx: expanding a sub-unit swaps in its children without a page load.
    page.goto(reverse("web:organisation_detail", args=[world.orgs["bzk"].pk]))
    assert page.evaluate("() => typeof window.htmx") == "object"
    page.get_by_role("button", name="1 onderdeel tonen van DG Overheidsorganisatie").click()
    page.get_by_role("link", name="Team Arbeidsmarkt").wait_for()

    # htmx search: results replace the list in place.
    page.goto(reverse("web:person_list"))
    page.get_by_label("Naam").fill("visser")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("1 medewerker gevonden").wait_for()
    assert page.get_by_role("link", name="Daan Visser").is_visible()

    # Fonts and stylesheets are local and applied.
    assert "Fira Sans" in page.evaluate("() => getComputedStyle(document.body).fontFamily")

    # Language switch to English and back.
    page.goto(reverse("web:home"))
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Welcome to Rijksportfolio"
    assert page.get_by_role("navigation", name="Main menu").is_visible()
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom bij Rijksportfolio"

    csp = [p for p in problems if "Content Security Policy" in p or "Refused to" in p]
    assert csp == [], csp
    assert problems == [], problems


def test_login_flow_logout_and_rate_limit(world, new_page, settings):
    page = new_page()
    page.goto(reverse("web:person_list"))
    assert "/inloggen?next=" in page.url
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    page.get_by_role("button", name="Inloggen", exact=True).click()
    assert page.get_by_role("alert").inner_text() == "De gebruikersnaam of het wachtwoord klopt niet."
    login(page, "medewerker")
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom bij Rijksportfolio"
    assert page.get_by_text("Ingelogd als Anouk Jansen").is_visible()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/inloggen")
    page.goto(reverse("web:home"))
    assert "/inloggen" in page.url

    # Rate limit: after LOGIN_RATE_LIMIT failures even the right password is refused with HTTP 429.
    settings.LOGIN_RATE_LIMIT = 3
    statuses: list[int] = []
    page.on("response", lambda r: statuses.append(r.status) if r.request.method == "POST" else None)
    for _ in range(2):  # one failure is already counted above
        login(page, "medewerker", "verkeerd-wachtwoord")
    login(page, "medewerker")
    assert (
        page.get_by_role("alert").inner_text()
        == "Te veel mislukte inlogpogingen. Probeer het over 15 minuten opnieuw."
    )
    assert statuses == [200, 200, 429]
