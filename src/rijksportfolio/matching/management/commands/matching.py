# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio matching rebuild``: rebuild the matching index (every process rebuilds before its next
search) and report its size. ``rijksportfolio matching alerts [--every SECONDS]``: find and send the alerts
that are due (from cron, e.g. every minute, or as a worker that keeps its index warm).
``rijksportfolio matching fairness [--organisatie CODE …] [--rijk]``: run the fairness monitor and store the
runs (for cron; docs/operators/deployment.md).
``rijksportfolio matching pool-expire``: delete ended candidate-pool entries, remind before the end (cron)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections
from django.utils.translation import gettext as _

from rijksportfolio.matching import alerts, index, services
from rijksportfolio.matching.candidate_pool.services import pool_expire
from rijksportfolio.matching.changes import matching_rebuild_requested
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.organisations.selectors import organisation_by_code


class Command(BaseCommand):
    help = _("Matching: rebuild the index (rebuild), find and send alerts (alerts).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("rebuild", help=_("Bouw de matchingindex opnieuw op."))
        fairness = sub.add_parser(
            "fairness", help=_("Voer de eerlijkheidsmonitor uit en bewaar de metingen.")
        )
        fairness.add_argument(
            "--organisatie", action="append", default=[], metavar="CODE",
            help=_("Organisatiecode (met alles eronder); mag vaker. Zonder: het hele Rijk."),
        )  # fmt: skip
        fairness.add_argument("--rijk", action="store_true", help=_("Meet ook voor het hele Rijk."))

        sub.add_parser(
            "pool-expire",
            help=_("Kandidatenpool: verwijder verlopen deelnames en voordrachten, stuur herinneringen."),
        )

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
        if options["action"] == "fairness":
            self._fairness(options["organisatie"], rijk=options["rijk"])
            return
        if options["action"] == "pool-expire":
            self._pool_expire()
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

    def _fairness(self, codes: list[str], *, rijk: bool) -> None:
        scopes: list[Organisation | None] = []
        for code in codes:
            organisation = organisation_by_code(code=code)
            if organisation is None:
                raise CommandError(_("Onbekende organisatiecode: %(code)s") % {"code": code})
            scopes.append(organisation)
        if rijk or not codes:
            scopes.insert(0, None)
        for organisation in scopes:
            run = services.fairness_run_scheduled(organisation=organisation)
            self.stdout.write(
                _(
                    "Eerlijkheidsmonitor %(scope)s: %(queries)s zoekvragen, laagste verhouding geslacht %(gender)s, "
                    "leeftijd %(age)s, %(flagged)s markering(en) (meting %(pk)s, %(seconds).1f s)."
                )
                % {
                    "scope": organisation.name if organisation else _("Het Rijk"),
                    "queries": run.queries,
                    "gender": "–" if run.min_ratio_gender is None else f"{run.min_ratio_gender:.2f}",
                    "age": "–" if run.min_ratio_age is None else f"{run.min_ratio_age:.2f}",
                    "flagged": run.flagged,
                    "pk": run.pk,
                    "seconds": run.seconds,
                }
            )

    def _pool_expire(self) -> None:
        done = pool_expire()
        self.stdout.write(
            _(
                "Kandidatenpool: %(expired)s verlopen deelnames en %(lapsed)s onbeantwoorde voordrachten verwijderd, "
                "%(reminded)s herinneringen verstuurd."
            )
            % {"expired": done.expired, "lapsed": done.lapsed, "reminded": done.reminded}
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
