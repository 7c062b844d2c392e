# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio matching rebuild``: rebuild this process's matching index and report its size."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from rijksportfolio.matching import index
from rijksportfolio.matching.changes import matching_rebuild_requested


class Command(BaseCommand):
    help = _("Matching: rebuild the index (rebuild).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("rebuild", help=_("Bouw de matchingindex opnieuw op."))

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
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
                "version": loaded.version[1],
            }
        )
