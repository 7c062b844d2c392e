# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio workforce figures --peildatum YYYY-MM-DD [--organisation CODE]`` — the key workforce figures
as JSON (docs/workforce-figures.md)."""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from rijksportfolio.organisations.models import Organisation
from rijksportfolio.workforce.selectors import workforce_figures
from rijksportfolio.workforce.services import store_refresh


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(
            _("Ongeldige peildatum %(value)s: gebruik JJJJ-MM-DD.") % {"value": value}
        ) from exc


class Command(BaseCommand):
    help = (
        "Workforce figures: figures --peildatum YYYY-MM-DD [--organisation CODE] (docs/workforce-figures.md); "
        "refresh [--full]: the analytical store (docs/analytics-store.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        p = sub.add_parser(
            "figures",
            help="Headcount, FTE, ten years of in-, door- and uitstroom and the twelve-year outflow forecast as JSON.",
        )
        p.add_argument("--peildatum", default=None, help="Reference date YYYY-MM-DD (default: today).")
        p.add_argument(
            "--organisation",
            default=None,
            help="Organisation code: figures for its subtree (default: the Rijk).",
        )
        r = sub.add_parser(
            "refresh",
            help="Refresh the analytical store (Parquet): the changed partitions, or everything with --full. "
            "Suitable for cron.",
        )
        r.add_argument("--full", action="store_true", help="Rewrite the whole store.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["action"] == "refresh":
            result = store_refresh(full=options["full"])
            assert result is not None  # waits for a running refresh
            self.stdout.write(
                _(
                    "Analysekopie ververst (%(kind)s): %(parts)d partities, %(people)d medewerkers, "
                    "%(records)d dienstverbanden in %(seconds).1f s."
                )
                % {
                    "kind": _("volledig") if result.full else _("incrementeel"),
                    "parts": len(result.partitions),
                    "people": result.people,
                    "records": result.employments,
                    "seconds": result.seconds,
                }
            )
            return
        peildatum = _date(options["peildatum"]) if options["peildatum"] else dt.date.today()
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(code=options["organisation"]).first()
            if organisation is None:
                raise CommandError(_("Onbekende organisatie: %(code)s.") % {"code": options["organisation"]})
        result = workforce_figures(peildatum=peildatum, organisation=organisation)
        self.stdout.write(json.dumps(result, ensure_ascii=False))
