# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio generate``: generate a synthetic Rijk and load it (and/or write it as HR import CSV)."""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from rijksportfolio.people.loading import generated_rijk_create, generated_rijk_load, generated_rijk_write_csv


def reference_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(_("Ongeldige peildatum %(value)s; gebruik JJJJ-MM-DD.") % {"value": text}) from exc


class Command(BaseCommand):
    help = (
        "Generate a synthetic Rijk: organisations, buildings, people and ten years of employment history up to the "
        "reference date, calibrated to published figures (docs/synthetic-data.md). Deterministic for the same "
        "--people, --seed and --reference-date; replaces previously generated data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--people",
            type=int,
            default=5000,
            help="Headcount at the reference date (default 5000; Rijk: 155000).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--reference-date", default=None, help="YYYY-MM-DD (default settings.GENERATOR_REFERENCE_DATE)."
        )
        parser.add_argument(
            "--csv",
            default=None,
            metavar="PATH",
            help="Also write persons and employment records as HR import CSV.",
        )
        parser.add_argument(
            "--no-load", action="store_true", help="Do not write to the database (use with --csv)."
        )
        parser.add_argument(
            "--no-refresh",
            action="store_true",
            help="Do not refresh the analytical store afterwards (by default a full refresh: the generator replaces "
            "the generated records, which an incremental refresh cannot see).",
        )
        parser.add_argument(
            "--no-portfolios",
            action="store_true",
            help="Do not fill portfolios (by default everyone in service gets a synthetic portfolio; "
            "a realistic share stays empty).",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["people"] < 10:
            raise CommandError(_("--people moet minstens 10 zijn."))
        ref = reference_date(options["reference_date"] or str(settings.GENERATOR_REFERENCE_DATE))
        t0 = time.perf_counter()
        rijk, nodes = generated_rijk_create(
            people=options["people"], seed=options["seed"], reference_date=ref
        )
        self.stdout.write(
            f"Generated {rijk.people:,} people with {rijk.records:,} employment records "
            f"({options['people']:,} in service on {ref}) in {time.perf_counter() - t0:.1f} s."
        )
        if options["csv"]:
            rows = generated_rijk_write_csv(rijk=rijk, path=options["csv"])
            self.stdout.write(f"Wrote {rows:,} rows to {options['csv']}.")
        if not options["no_load"]:
            t1 = time.perf_counter()
            result = generated_rijk_load(rijk=rijk, nodes=nodes, portfolios=not options["no_portfolios"])
            if not result.occupations_linked:
                self.stderr.write(
                    "Warning: the ESCO taxonomy is not loaded (no occupations); employment records get no occupation. "
                    "Run `rijksportfolio taxonomy load-bundle` first and generate again."
                )
            self.stdout.write(
                f"Loaded into the database in {time.perf_counter() - t1:.1f} s "
                f"({result.organisations_created:,} organisations created; catalogue {result.seconds_catalogue:.1f} s, "
                f"people {result.seconds_people:.1f} s, employment records {result.seconds_employments:.1f} s, "
                f"portfolios {result.seconds_portfolios:.1f} s: {result.portfolios:,} portfolios, "
                f"{result.portfolio_items:,} items, {result.portfolio_skills:,} skills)."
            )
            if not options["no_refresh"]:
                # The generator replaced the generated records (TRUNCATE): rows deleted that way leave no trace
                # for an incremental refresh, so the analytical store is rebuilt in full (explicitly: no signals).
                from rijksportfolio.workforce.services import store_refresh

                refreshed = store_refresh(full=True)
                if refreshed is not None:
                    self.stdout.write(
                        f"Refreshed the analytical store in {refreshed.seconds:.1f} s "
                        f"({refreshed.people:,} people, {refreshed.employments:,} employment records)."
                    )
