# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio matching rebuild``: rebuild this process's matching index and report its size.
``rijksportfolio matching fairness [--organisatie CODE …] [--rijk]``: run the fairness monitor and store the
runs (for cron; docs/operators/deployment.md).
``rijksportfolio matching pool-expire``: delete ended candidate-pool entries, remind before the end (cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from rijksportfolio.matching import index, services
from rijksportfolio.matching.candidate_pool.services import pool_expire
from rijksportfolio.organisations.models import Organisation


class Command(BaseCommand):
    help = _("Matching: rebuild the index (rebuild), run the fairness monitor (fairness).")

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

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["action"] == "fairness":
            self._fairness(options["organisatie"], rijk=options["rijk"])
            return
        if options["action"] == "pool-expire":
            self._pool_expire()
            return
        index.mark_changed()
        loaded = index.refresh()
        self.stdout.write(
            _(
                "Index opgebouwd: %(people)s medewerkers (%(restricted)s op aanvraag) in %(seconds).2f s; versie %(version)s."
            )
            % {
                "people": loaded.index.size,
                "restricted": len(loaded.restricted),
                "seconds": loaded.build_s,
                "version": loaded.version[1],
            }
        )

    def _fairness(self, codes: list[str], *, rijk: bool) -> None:
        scopes: list[Organisation | None] = []
        for code in codes:
            organisation = Organisation.objects.filter(code=code).first()
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
