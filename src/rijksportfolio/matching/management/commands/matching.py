# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio matching rebuild``: rebuild the matching index (every process rebuilds before its next
search) and report its size. ``rijksportfolio matching alerts [--every SECONDS]``: find and send the alerts
that are due (from cron, e.g. every minute, or as a worker that keeps its index warm)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections
from django.utils.translation import gettext as _

from rijksportfolio.matching import alerts, index
from rijksportfolio.matching.changes import matching_rebuild_requested


class Command(BaseCommand):
    help = _("Matching: rebuild the index (rebuild), find and send alerts (alerts).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("rebuild", help=_("Bouw de matchingindex opnieuw op."))
        run = sub.add_parser(
            "alerts", help=_("Zoek nieuwe meldingen over passende kansen en kandidaten en verstuur ze.")
        )
        run.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDEN",
            help=_("Blijf draaien en herhaal elke SECONDEN seconden (een worker); zonder: één keer (cron)."),
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["action"] == "alerts":
            self._alerts(options["every"])
            return
        matching_rebuild_requested()  # every other process rebuilds before its next search
        loaded = index.refresh()
        self.stdout.write(
            _(
                "Index opgebouwd: %(people)s medewerkers (%(restricted)s op aanvraag) in %(seconds).2f s; versie %(version)s."
            )
            % {
                "people": loaded.index.size,
                "restricted": len(loaded.restricted),
                "seconds": loaded.build_s,
                "version": loaded.generation[1],
            }
        )

    def _alerts(self, every: int) -> None:
        if every < 0:
            raise CommandError(_("--every moet 0 of meer seconden zijn."))
        while True:
            result = alerts.alerts_run()
            if result.skipped:
                self.stdout.write(_("Er loopt al een andere ronde; deze slaat over."))
            else:
                self.stdout.write(
                    _(
                        "Meldingen: %(swept)s nieuwe kansen bekeken, %(changes)s wijzigingen gelezen, "
                        "%(opportunities)s meldingen over kansen en %(candidates)s over kandidaten gevonden, "
                        "%(sent)s verstuurd in %(messages)s berichten, %(dropped)s vervallen; %(seconds).2f s."
                    )
                    % {
                        "swept": result.opportunities_swept,
                        "changes": result.changes_read,
                        "opportunities": result.alerts_created["kans"],
                        "candidates": result.alerts_created["kandidaat"],
                        "sent": result.alerts_sent,
                        "messages": result.notifications,
                        "dropped": result.alerts_dropped,
                        "seconds": result.seconds,
                    }
                )
            if not every:
                return
            close_old_connections()
            time.sleep(every)
