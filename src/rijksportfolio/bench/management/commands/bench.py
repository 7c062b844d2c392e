# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio bench <name> …``: each benchmark is a module in ``rijksportfolio.bench`` exposing
``add_arguments(parser)`` and ``run(options, stdout)`` (and ``USES_DATABASE = False`` when it works without the
configured database; the others find it migrated); registered in ``BENCHMARKS``."""

from __future__ import annotations

import importlib

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

BENCHMARKS = {
    "generate": "rijksportfolio.bench.generate",
    "analytics": "rijksportfolio.bench.analytics",
    "matching": "rijksportfolio.bench.matching",
    "fairness": "rijksportfolio.bench.fairness",
    "pool": "rijksportfolio.bench.pool",
    "matching-freshness": "rijksportfolio.bench.matching_freshness",
    "web": "rijksportfolio.bench.web",
    "planning": "rijksportfolio.bench.planning",
}


class Command(BaseCommand):
    registry = BENCHMARKS
    help = (
        "Run a benchmark. Prints a table and ends with one JSON line of figures (keys: docs/performance.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="benchmark", required=True)
        for name, module in self.registry.items():
            mod = importlib.import_module(module)
            p = sub.add_parser(
                name, help=(mod.__doc__ or "").strip().splitlines()[0] if mod.__doc__ else None
            )
            mod.add_arguments(p)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        module = importlib.import_module(self.registry[options["benchmark"]])
        if getattr(module, "USES_DATABASE", True):
            # a new, empty database (``createdb`` as docs/performance.md shows) gets its tables first:
            # idempotent, about a second when they are up to date, and not part of any figure
            call_command("migrate", interactive=False, verbosity=0)
        module.run(options, self.stdout)
