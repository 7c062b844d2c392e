# SPDX-License-Identifier: EUPL-1.2
"""Stored XSS: payloads in every text field of a portfolio never run — for the owner nor for a colleague.

The payloads go into the headline, item titles and texts (Markdown), the data fields of several categories
(text, Markdown, URL), an evidence file name, an administrator's category name and the person's own name.
Pages are loaded with the Content-Security-Policy *bypassed*: the CSP would block inline scripts anyway,
and this test is about the escaping and sanitising, not about the second line of defence.

A payload that runs sets ``window.__xss`` or opens a dialog (``alert``); both are watched. Every page must
also show the payload *as text*, so that a field that is simply not displayed cannot make the test pass.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.browser.conftest import login

from rijksportfolio.portfolios import services
from rijksportfolio.portfolios.data.categories import BUILTIN_CATEGORIES
from rijksportfolio.portfolios.models import SECTION_FIELDS, ItemCategory
from rijksportfolio.portfolios.tests import samples
from rijksportfolio.portfolios.tests.factories import PortfolioFactory, user_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# One line, short enough for every single-line field (title, headline, names, text fields).
LINE = "\"'><img src=x onerror=window.__xss=1><script>window.__xss=2</script><svg onload=alert(3)>"
# For Markdown fields: raw HTML, Markdown links and autolinks with script URLs, event handlers.
MARKDOWN = "\n\n".join(
    [
        "<script>window.__xss=10</script>",
        '<img src=x onerror="window.__xss=11">',
        "[klik](javascript:window.__xss=12) [ook](JaVaScRiPt:alert(13)) <javascript:alert(14)>",
        "[data](data:text/html,<script>alert(15)</script>)",
        '<a href="javascript:alert(16)">a</a> <details open ontoggle=alert(17)>x</details>',
        '<iframe srcdoc="<script>parent.__xss=18</script>"></iframe>',
        "</textarea></title><script>alert(19)</script>",
        "`<b onmouseover=alert(20)>`",
    ]
)
URL = 'https://example.org/?q="><script>window.__xss=30</script>'
DANGEROUS_DOM = (
    "[onerror],[onload],[onmouseover],[ontoggle],[onclick],[onfocus],iframe,object,embed,"
    "a[href^='javascript:' i],a[href^='data:' i],img[src='x']"
)


def _categories() -> dict[str, ItemCategory]:
    # A transactional test starts from an emptied database: restore the built-in categories.
    for definition in BUILTIN_CATEGORIES:
        ItemCategory.objects.get_or_create(key=definition["key"], defaults={**definition, "builtin": True})
    return {c.key: c for c in ItemCategory.objects.all()}


def _fill_with_payloads(world, tmp_path, settings) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    person = world.people["medewerker"]
    person.last_name = "Jansen" + LINE[:60]
    person.save()
    user = user_for(person)
    portfolio = PortfolioFactory(
        person=person, visibility_chosen_at=timezone.now(), **dict.fromkeys(SECTION_FIELDS.values(), "rijk")
    )
    services.portfolio_settings_update(actor=user, portfolio=portfolio, headline=LINE)
    categories = _categories()
    custom = ItemCategory.objects.create(key="xss-soort", part="vrij", label_nl=LINE[:100], label_en="Kind")
    items = [
        ("opleiding", {"instelling": LINE}),
        ("certificaat", {"uitgever": LINE, "datum": "2020-01-01", "nummer": LINE}),
        ("feedback_360", {"ronde": LINE, "reflectie": MARKDOWN}),
        ("ambitie", {}),
        ("publicatie", {"link": URL, "medium": LINE}),
    ]
    for key, data in items:
        item = services.item_create(
            actor=user,
            portfolio=portfolio,
            category=categories[key],
            title=LINE,
            body=MARKDOWN,
            data=data,
        )
        if categories[key].allows_evidence:
            services.evidence_add(actor=user, item=item, file=samples.pdf(), name=LINE + ".pdf")
    services.item_create(actor=user, portfolio=portfolio, category=custom, title=LINE, body=MARKDOWN)


def _assert_nothing_runs(page, url: str, dialogs: list[str]) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__xss") is None, url
    assert page.evaluate("() => window.parent.__xss") is None, url
    assert dialogs == [], (url, dialogs)
    assert page.evaluate(f"() => document.querySelectorAll({DANGEROUS_DOM!r}).length") == 0, url
    # The payload is on the page as text (so the field was rendered, and escaped).
    assert "window.__xss" in page.locator("main").inner_text(), url


def test_stored_xss_payloads_never_execute(world, new_page, tmp_path, settings):
    _fill_with_payloads(world, tmp_path, settings)
    owner_pk = world.people["medewerker"].pk
    pages = {
        "owner": (
            "medewerker",
            [
                reverse("portfolios:mine"),
                *[reverse("portfolios:part", args=[p]) for p in ("dossier", "analytisch", "ambitie", "vrij")],
                reverse("portfolios:preview") + "?als=rijk",
                reverse("portfolios:person_portfolio", args=[owner_pk]),
            ],
        ),
        "colleague": (
            "leidinggevende",
            [
                reverse("portfolios:person_portfolio", args=[owner_pk]),
                *[
                    reverse("portfolios:person_section", args=[owner_pk, s])
                    for s in ("dossier", "analytisch", "ambitie", "vrij")
                ],
                reverse("web:person_detail", args=[owner_pk]),
            ],
        ),
    }
    visited = 0
    for username, urls in pages.values():
        page = new_page(bypass_csp=True)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog, seen=dialogs: (seen.append(dialog.message), dialog.dismiss()))
        login(page, username)
        for url in urls:
            _assert_nothing_runs(page, url, dialogs)
            visited += 1
    assert visited == 13
