# SPDX-License-Identifier: EUPL-1.2
"""The ``rijksportfolio`` console command.

Own subcommands are Django management commands with friendlier names; every other Django management
command (migrate, createsuperuser, …) works as well.
"""

from __future__ import annotations

import os
import sys

COMMANDS = {
    "demo": (
        "demo",
        "Set up the embedded demo (database, taxonomy, generated Rijk, accounts, opportunities) and serve it. --check: verify and exit.",
    ),
    "serve": (
        "serve",
        "Serve the web app with the production server (Granian) or, with --dev, Django's runserver.",
    ),
    "generate": ("generate", "Generate a synthetic Rijk: --people N --seed S --reference-date YYYY-MM-DD."),
    "import-hr": (
        "import_hr",
        "Import HR master data (personnel and employment records) from a CSV file; see docs/operators/import-formats.md.",
    ),
    "taxonomy": (
        "taxonomy",
        "ESCO skills taxonomy: import DIR | load-bundle | bundle DIR | info | normalise --kind K --top N | "
        "export-rijk | import-rijk FILE | label-candidates (the Rijk extension).",
    ),
    "bench": (
        "bench",
        "Benchmarks (generate, web, analytics, matching, matching-freshness, fairness, pool, planning); "
        "print a table and end with one JSON line of figures.",
    ),
    "eval": (
        "eval",
        "Quality evaluations (calibration, normaliser, matching); print a table and end with one JSON line of figures.",
    ),
    "matching": (
        "matching",
        "Matching: rebuild (the index, every process) | alerts [--every S] (find and send alerts; cron or worker) | "
        "fairness [--organisatie CODE] [--rijk] (the fairness monitor) | pool-expire (candidate pool clean-up).",
    ),
    "workforce": (
        "workforce",
        "Workforce information: figures --peildatum YYYY-MM-DD [--organisation CODE] (JSON) | refresh [--full] "
        "(the analytical store) | report --user U [--organisation CODE] [--format pdf|xlsx] (the annual report).",
    ),
    "api-token": (
        "api_token",
        "API bearer tokens for integrations: create --user U --name N [--expires-days D] | list | revoke PREFIX.",
    ),
    "settings-doc": (
        "settings_doc",
        "Write docs/operators/configuration.md from the settings code; --check: fail when stale.",
    ),
}

HELP = """usage: rijksportfolio <command> [options]

Rijksportfolio — the Dutch central government (het Rijk) as one employer.

Commands:
{commands}

Every Django management command is available too (migrate, createsuperuser, check, …):
  rijksportfolio help            list them all
  rijksportfolio <command> --help  options of one command

Settings come from the environment (DATABASE_URL, RPF_*); see docs/operators/configuration.md.
DJANGO_SETTINGS_MODULE defaults to rijksportfolio.conf.dev.
"""


def _help() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = [f"  {name.ljust(width)}  {text}" for name, (_, text) in COMMANDS.items()]
    return HELP.format(commands="\n".join(lines))


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rijksportfolio.conf.dev")
    if len(argv) < 2 or argv[1] in {"-h", "--help"}:
        print(_help())
        return
    if argv[1] in COMMANDS:
        argv[1] = COMMANDS[argv[1]][0]
    argv[0] = "rijksportfolio"
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
