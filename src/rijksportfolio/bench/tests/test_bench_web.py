# SPDX-License-Identifier: EUPL-1.2
"""``bench web`` without load: URL list, Lua script, wrk output parser, report; ``serve`` configuration checks."""

from __future__ import annotations

import io
import json
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from rijksportfolio.bench.web import PhaseResult, build_urls, lua_script, parse_wrk_output, report
from rijksportfolio.conf.server import default_workers
from rijksportfolio.web.management.commands.serve import (
    PRODUCTION_SETTINGS,
    load_settings_module,
    production_settings_module,
    server_argv,
    static_is_stale,
)

WRK_STDOUT = """Running 15s test @ http://127.0.0.1:40817/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    31.02ms   10.11ms 120.50ms   80.00%
  18000 requests in 15.00s, 40.00MB read
Requests/sec:   1200.00
WRK_JSON {"requests": 18000, "duration_us": 15000000, "p50_us": 28000, "p95_us": 52345, "p99_us": 80100, "max_us": 120500, "connect": 0, "read": 2, "write": 0, "timeout": 1, "status": 4, "non2xx": 7}
"""


def test_build_urls_gives_every_endpoint_an_equal_interleaved_share():
    samples = {"org_code": ["bzk", "dji"], "nr": ["100", "200", "300"], "page": [1, 2]}
    urls = build_urls(
        ["/api/v1/organisaties", "/api/v1/organisaties/{org_code}", "/api/v1/medewerkers/{nr}"],
        samples,
        per_template=3,
    )
    assert urls == [
        "/api/v1/organisaties", "/api/v1/organisaties/bzk", "/api/v1/medewerkers/100",
        "/api/v1/organisaties", "/api/v1/organisaties/dji", "/api/v1/medewerkers/200",
        "/api/v1/organisaties", "/api/v1/organisaties/bzk", "/api/v1/medewerkers/300",
    ]  # fmt: skip


def test_build_urls_leaves_out_a_template_without_samples():
    assert build_urls(["/", "/medewerkers/{person_id}"], {"person_id": []}, per_template=2) == ["/", "/"]


def test_lua_script_embeds_paths_and_headers_as_lua_strings():
    script = lua_script(["/api/v1/medewerkers?page=2", "/"], {"Authorization": "Bearer rpf_abc"})
    assert 'local paths = {"/api/v1/medewerkers?page=2", "/"}' in script
    assert 'local headers = {["Authorization"] = "Bearer rpf_abc"}' in script
    assert "WRK_JSON" in script
    assert "function response(status" in script


def test_parse_wrk_output_counts_non_2xx_and_socket_errors_and_converts_to_ms():
    result = parse_wrk_output("api", WRK_STDOUT, urls=5)
    assert result == PhaseResult(
        name="api",
        urls=5,
        requests=18000,
        seconds=15.0,
        rps=1200.0,
        p50_ms=28.0,
        p95_ms=52.3,
        p99_ms=80.1,
        non2xx=7,
        socket_errors=3,
    )
    # wrk's own "status" count (≥ 400 only) is inside non2xx and is not counted twice.
    assert result.errors == 10


def test_parse_wrk_output_without_the_json_line_is_an_error():
    with pytest.raises(ValueError, match="no WRK_JSON line"):
        parse_wrk_output("api", "Running 15s test @ http://127.0.0.1:1/\nunable to connect\n")


def test_report_ends_with_one_json_line_with_the_required_keys():
    out = io.StringIO()
    api = PhaseResult("api", 5, 18000, 15.0, 1200.0, 28.0, 52.3, 80.1, 0, 0)
    html = PhaseResult("html", 4, 3000, 15.0, 200.0, 180.0, 310.5, 400.0, 1, 2)
    report(out, [api, html], people=5000, connections=50, duration_s=15, workers=3, threads=4)
    lines = out.getvalue().rstrip("\n").splitlines()
    figures = json.loads(lines[-1])
    assert figures == {
        "bench": "web", "api_rps": 1200.0, "api_p95_ms": 52.3, "html_rps": 200.0, "html_p95_ms": 310.5,
        "errors": 3, "people": 5000, "connections": 50, "duration_s": 15, "workers": 3, "threads": 4, "worker_class": "granian",
    }  # fmt: skip
    assert any(line.startswith("html ") for line in lines[:-1])
    assert sum(1 for line in lines if line.startswith("{")) == 1


def test_serve_config_check_names_every_missing_production_variable():
    environ = {k: v for k, v in os.environ.items() if k not in {"RPF_SECRET_KEY", "RPF_ALLOWED_HOSTS"}}
    before = dict(os.environ)
    with pytest.raises(CommandError) as raised:
        load_settings_module(PRODUCTION_SETTINGS, environ)
    message = str(raised.value)
    assert "RPF_SECRET_KEY, RPF_ALLOWED_HOSTS" in message
    assert "--dev" in message
    assert dict(os.environ) == before  # the process environment is left as it was


def test_serve_config_check_passes_with_the_production_variables():
    environ = {**os.environ, "RPF_SECRET_KEY": "x" * 50, "RPF_ALLOWED_HOSTS": "portfolio.example.nl"}
    config = load_settings_module(PRODUCTION_SETTINGS, environ)
    assert config.DEBUG is False
    assert config.ALLOWED_HOSTS == ["portfolio.example.nl"]


def test_serve_check_command_reports_missing_secret_key(monkeypatch):
    monkeypatch.delenv("RPF_SECRET_KEY", raising=False)
    monkeypatch.setenv("RPF_ALLOWED_HOSTS", "portfolio.example.nl")
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", PRODUCTION_SETTINGS)
    with pytest.raises(CommandError, match="vereisen de omgevingsvariabele\\(n\\) RPF_SECRET_KEY\\."):
        call_command("serve", "--check")


def test_serve_never_runs_the_production_server_with_dev_settings():
    assert (
        production_settings_module({"DJANGO_SETTINGS_MODULE": "rijksportfolio.conf.dev"})
        == PRODUCTION_SETTINGS
    )
    assert production_settings_module({}) == PRODUCTION_SETTINGS
    assert production_settings_module({"DJANGO_SETTINGS_MODULE": "site.settings"}) == "site.settings"


def test_server_argv_runs_granian_with_the_project_config_and_the_wsgi_app():
    argv = server_argv(host="127.0.0.1", port=8001, workers=3, threads=4)
    assert argv[1:] == [
        "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1", "--port", "8001",
        "--workers", "3", "--blocking-threads", "4", "--backlog", "1024", "--http", "1", "--no-ws",
        "--http1-keep-alive", "--respawn-failed-workers", "--workers-kill-timeout", "30", "--log-level", "info", "--no-access-log",
        "--workers-lifetime", "86400", "--workers-max-rss", "1024", "rijksportfolio.wsgi:application",
    ]  # fmt: skip


def test_server_defaults_are_one_worker_per_core_with_two_app_threads():
    assert server_argv(host="127.0.0.1", port=8001)[9:13] == [
        "--workers", str(default_workers()), "--blocking-threads", "2",
    ]  # fmt: skip
    assert default_workers(2) == 2
    assert default_workers(0) == 1


def test_static_is_stale_without_manifest_or_with_a_newer_source(tmp_path):
    root, source = tmp_path / "static", tmp_path / "src"
    root.mkdir()
    source.mkdir()
    assert static_is_stale(root, [source]) is True
    (source / "app.css").write_text("a{}")
    manifest = root / "staticfiles.json"
    manifest.write_text("{}")
    os.utime(source / "app.css", (1_000_000, 1_000_000))
    assert static_is_stale(root, [source]) is False
    os.utime(source / "app.css", None)
    os.utime(manifest, (1_000_000, 1_000_000))
    assert static_is_stale(root, [source]) is True
