# SPDX-License-Identifier: EUPL-1.2
"""Suite-wide pytest setup: database choice, skip policy, shared fixtures."""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRE_ALL = os.environ.get("REQUIRE_POSTGRES") == "1"


def _on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def chromium_path() -> str | None:
    path = os.environ.get("RPF_CHROMIUM", "/usr/bin/chromium")
    return path if os.path.exists(path) else shutil.which("chromium")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    pg = _on_postgres()
    browser = chromium_path() is not None
    for item in items:
        # Under REQUIRE_POSTGRES=1 these skips still happen, but pytest_sessionfinish fails the run.
        if "postgres" in item.keywords and not pg:
            item.add_marker(pytest.mark.skip(reason="PostgreSQL-only test (tests run on SQLite)"))
        if "browser" in item.keywords and not browser:
            item.add_marker(pytest.mark.skip(reason="Chromium not installed"))


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    skipped = terminalreporter.stats.get("skipped", [])
    if REQUIRE_ALL and skipped:
        terminalreporter.write_line(f"REQUIRE_POSTGRES=1: {len(skipped)} test(s) were skipped; that fails the run.", red=True)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if REQUIRE_ALL and reporter is not None and reporter.stats.get("skipped"):
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _default_language() -> None:
    """Every test starts in the default language (Dutch): a test-client request in English leaves English active
    in the thread (LocaleMiddleware activates, nothing deactivates after the response), which would turn the
    Dutch texts of the next test in the same process English."""
    from django.utils import translation

    translation.deactivate()
