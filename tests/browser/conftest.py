# SPDX-License-Identifier: EUPL-1.2
"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

One browser per session; each test gets fresh contexts. Pages are checked with axe-core (vendored in
``vendor/axe-core``), injected into a context that bypasses CSP; a separate test loads pages with the
real CSP and asserts that nothing was refused.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import chromium_path
from django.core.cache import cache

from rijksportfolio.portfolios.data.categories import BUILTIN_CATEGORIES
from rijksportfolio.portfolios.models import ItemCategory
from rijksportfolio.web.tests.world import PASSWORD, build_world

# Playwright's sync API keeps an asyncio loop running in the test thread; Django's ORM calls from the test
# (factories, fixtures) are still synchronous and safe. This is the setting Django documents for that case.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        pytest.skip("Chromium not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(transactional_db):
    # A transactional test starts from an emptied database: restore what data migrations loaded.
    for spec in BUILTIN_CATEGORIES:
        values = {k: v for k, v in spec.items() if k != "key"}
        ItemCategory.objects.update_or_create(key=spec["key"], defaults={**values, "builtin": True})
    return build_world()


@pytest.fixture
def new_page(browser, live_server):
    """Factory: a fresh page in its own context (``bypass_csp`` only for axe injection)."""
    contexts = []

    def make(*, bypass_csp: bool = False):
        context = browser.new_context(bypass_csp=bypass_csp, base_url=live_server.url, locale="nl-NL")
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def login(page, username: str, password: str = PASSWORD):
    page.goto("/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_load_state()


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA rules) and return the serious and critical violations."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
            resultTypes: ['violations'],
        })"""
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} serious/critical axe violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(
                f"    {json.dumps(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}"
            )
            lines.append(f"      {node['html'][:200]}")
    return "\n".join(lines)
