# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio settings-doc``: docs/operators/configuration.md is generated from the settings code."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from rijksportfolio.conf import env
from rijksportfolio.web.management.commands.settings_doc import DEFAULT_OUTPUT, collect, render


def test_committed_configuration_doc_is_up_to_date():
    # Fails when a setting was added or changed without running `rijksportfolio settings-doc`.
    call_command("settings_doc", "--check", output=DEFAULT_OUTPUT)


def test_check_fails_on_a_stale_file_and_writing_fixes_it(tmp_path):
    target = tmp_path / "configuration.md"
    target.write_text("# Configuration\n\nOld text.\n", encoding="utf-8")
    with pytest.raises(CommandError, match="out of date"):
        call_command("settings_doc", "--check", output=target)
    call_command("settings_doc", output=target)
    call_command("settings_doc", "--check", output=target)


def test_check_fails_when_the_file_is_missing(tmp_path):
    with pytest.raises(CommandError, match="out of date"):
        call_command("settings_doc", "--check", output=tmp_path / "missing.md")


def test_every_setting_from_base_dev_and_production_is_documented():
    names = {entry.name for entry in collect()}
    assert {"DATABASE_URL", "RPF_SECRET_KEY", "RPF_DEBUG", "RPF_ALLOWED_HOSTS", "RPF_OIDC_ENABLED"} <= names
    # Registered by conf.production only: the command must execute it.
    assert {"RPF_SSL_REDIRECT", "RPF_HSTS_SECONDS"} <= names
    # Other modules of rijksportfolio.conf that read settings (the production server's configuration).
    assert {"RPF_WEB_WORKERS", "RPF_WEB_THREADS"} <= names


def test_machine_dependent_defaults_are_shown_for_a_two_core_machine():
    by_name = {entry.name: entry for entry in collect()}
    assert by_name["RPF_WEB_WORKERS"].default == "2"
    assert by_name["RPF_WEB_WORKERS"].module == "rijksportfolio.conf.server"


def test_required_and_production_only_settings_are_marked():
    by_name = {entry.name: entry for entry in collect()}
    assert {n for n, e in by_name.items() if e.required_in_production} == {
        "RPF_SECRET_KEY",
        "RPF_ALLOWED_HOSTS",
    }
    assert by_name["RPF_SSL_REDIRECT"].production_only is True
    assert by_name["RPF_DEBUG"].default == "false"
    assert by_name["RPF_DEBUG"].dev_default == "true"


def test_document_does_not_depend_on_the_callers_environment(monkeypatch):
    expected = render(collect())
    monkeypatch.setenv("RPF_DEBUG", "true")
    monkeypatch.setenv("RPF_LOGIN_RATE_LIMIT", "99")
    monkeypatch.setenv("DATABASE_URL", "postgres://someone@db.example:5432/other")
    assert render(collect()) == expected
    assert "`sqlite:///<RPF_DATA_DIR>/rijksportfolio.sqlite3`" in expected
    assert "someone" not in expected


def test_collecting_leaves_the_registry_and_environment_as_they_were(monkeypatch):
    monkeypatch.delenv("RPF_SECRET_KEY", raising=False)
    collect()  # modules outside conf that register settings are imported (once) by the first call
    before = dict(env.REGISTRY)
    collect()
    assert dict(env.REGISTRY) == before
    assert "RPF_SECRET_KEY" not in os.environ
