# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio eval <name> …``: quality evaluations, same conventions as ``bench``."""

from rijksportfolio.bench.management.commands.bench import Command as BenchCommand

EVALUATIONS = {
    "calibration": "rijksportfolio.bench.calibration",
    "normaliser": "rijksportfolio.bench.normaliser",
    "matching": "rijksportfolio.bench.eval_matching",
}


class Command(BenchCommand):
    registry = EVALUATIONS
    help = "Run a quality evaluation. Prints a table and ends with one JSON line of figures (keys: docs/performance.md)."
