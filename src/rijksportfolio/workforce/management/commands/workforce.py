# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio workforce figures --peildatum YYYY-MM-DD [--organisation CODE]`` — the key workforce figures
as JSON (docs/workforce-figures.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from rijksportfolio.organisations.models import Organisation
from rijksportfolio.workforce import report
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
        "refresh [--full]: the analytical store (docs/analytics-store.md); "
        "report --user U [--peildatum D] [--organisation CODE] [--format pdf|xlsx] [-o FILE]: the annual report."
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
        a = sub.add_parser(
            "report",
            help="The annual report (jaarrapportage) of an organisation or the Rijk as PDF or XLSX "
            "(docs/stuurinformatie.md). Aggregates only; checked and audited as the user's export.",
        )
        a.add_argument(
            "--user", required=True, help="Username making the report (needs stuurinformatie.view)."
        )
        a.add_argument("--peildatum", default=None, help="Reference date YYYY-MM-DD (default: today).")
        a.add_argument("--organisation", default=None, help="Organisation code (default: the Rijk).")
        a.add_argument(
            "--format", dest="fmt", choices=("pdf", "xlsx"), default="pdf", help="pdf (default) or xlsx."
        )
        a.add_argument(
            "--output", "-o", default=None, help="File to write (default: the report's own file name)."
        )

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
        if options["action"] == "report":
            self._report(options, peildatum, organisation)
            return
        result = workforce_figures(peildatum=peildatum, organisation=organisation)
        self.stdout.write(json.dumps(result, ensure_ascii=False))

    def _report(self, options: dict[str, Any], peildatum: dt.date, organisation: Organisation | None) -> None:
        user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(_("Onbekende gebruiker: %(name)s.") % {"name": options["user"]})
        try:
            content, filename, _type = report.annual_report(
                user=user, organisation=organisation, peildatum=peildatum, fmt=options["fmt"]
            )
        except PermissionDenied as exc:
            raise CommandError(
                _("%(name)s mag de cijfers van %(org)s niet zien.")
                % {"name": user.get_username(), "org": organisation.name if organisation else _("het Rijk")}
            ) from exc
        path = Path(options["output"] or filename)
        path.write_bytes(content)
        self.stdout.write(
            _("Jaarrapportage geschreven: %(path)s (%(size)d bytes).") % {"path": path, "size": len(content)}
        )
