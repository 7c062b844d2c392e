# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio matching rebuild``: rebuild this process's matching index and report its size.
``rijksportfolio matching pool-expire``: delete ended candidate-pool entries, remind before the end (cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from rijksportfolio.matching import index
from rijksportfolio.matching.candidate_pool.services import pool_expire


class Command(BaseCommand):
    help = _("Matching: rebuild the index (rebuild).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("rebuild", help=_("Bouw de matchingindex opnieuw op."))
        sub.add_parser(
            "pool-expire",
            help=_("Kandidatenpool: verwijder verlopen deelnames en voordrachten, stuur herinneringen."),
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
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

    def _pool_expire(self) -> None:
        done = pool_expire()
        self.stdout.write(
            _(
                "Kandidatenpool: %(expired)s verlopen deelnames en %(lapsed)s onbeantwoorde voordrachten verwijderd, "
                "%(reminded)s herinneringen verstuurd."
            )
            % {"expired": done.expired, "lapsed": done.lapsed, "reminded": done.reminded}
        )
