# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio import-hr FILE``: import HR master data (people and employment records) from CSV.

Exit codes: 0 all rows imported; 1 imported, but rows were rejected (see the report); 2 the file could not be
used at all (nothing imported); 3 another import is running (nothing imported).
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from rijksportfolio.people.hr_csv import HrFileError
from rijksportfolio.people.services import ImportLocked, hr_import, import_report_write_csv

EXIT_OK = 0
EXIT_ROWS_REJECTED = 1
EXIT_FILE_UNUSABLE = 2
EXIT_LOCKED = 3
SHOW_AT_MOST = 200


class Command(BaseCommand):
    help = (
        "Import HR master data (people and employment records) from a CSV file in the format of "
        "docs/operators/import-formats.md. Exit codes: 0 all rows imported, 1 some rows rejected "
        "(valid rows imported), 2 file unusable, 3 another import is running."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", help="CSV file (';' or ',' delimited; UTF-8, UTF-8 with BOM or Windows-1252)."
        )
        parser.add_argument(
            "--report", metavar="FILE", help="Also write the full report as CSV (regel;kolom;soort;melding)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Validate and report only; write nothing.")
        parser.add_argument(
            "--show",
            type=int,
            default=SHOW_AT_MOST,
            metavar="N",
            help=f"Print at most N messages on the terminal (default {SHOW_AT_MOST}; the --report file has them all).",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.stderr.write(_("Kan %(file)s niet lezen: %(error)s") % {"file": path, "error": exc.strerror})
            sys.exit(EXIT_FILE_UNUSABLE)
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        try:
            report = hr_import(data=data, file_name=path.name, started_by=user, dry_run=options["dry_run"])
        except ImportLocked as exc:
            self.stderr.write(str(exc))
            sys.exit(EXIT_LOCKED)
        except HrFileError as exc:
            self.stderr.write(
                _("Het bestand %(file)s is niet ingelezen: %(error)s") % {"file": path.name, "error": exc}
            )
            sys.exit(EXIT_FILE_UNUSABLE)

        for line in report.summary_lines():
            self.stdout.write(line)
        shown = 0
        limit = max(options["show"], 0)
        if report.person_changes:
            self.stdout.write(_("Bijgewerkte medewerkers:"))
            for change in report.person_changes:
                if shown >= limit:
                    break
                self.stdout.write(
                    "  "
                    + _("regel %(line)d: medewerker %(number)s bijgewerkt: %(fields)s")
                    % {
                        "line": change.line,
                        "number": change.personnel_number,
                        "fields": ", ".join(change.fields),
                    }
                )
                shown += 1
        if report.errors:
            self.stdout.write(_("Afgekeurde regels (niet ingelezen):"))
            for error in report.errors:
                if shown >= limit:
                    break
                self.stdout.write("  " + str(error))
                shown += 1
        hidden = len(report.errors) + len(report.person_changes) - shown
        if hidden > 0:
            self.stdout.write(
                _("… en nog %(count)d meldingen; gebruik --report BESTAND voor de volledige lijst.")
                % {"count": hidden}
            )
        if options["report"]:
            with open(options["report"], "w", encoding="utf-8-sig", newline="") as stream:
                import_report_write_csv(report, stream)
            self.stdout.write(_("Rapport geschreven naar %(file)s") % {"file": options["report"]})
        if report.errors:
            sys.exit(EXIT_ROWS_REJECTED)
