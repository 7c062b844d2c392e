# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio taxonomy import DIR | bundle DIR | load-bundle | info | normalise | export-rijk | import-rijk |
label-candidates`` — the ESCO skills taxonomy and its Rijk extension.

See docs/operators/taxonomy.md.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from rijksportfolio.skills import esco, extension_csv, selectors, services


class Command(BaseCommand):
    help = (
        "ESCO skills taxonomy and its Rijk extension: import DIR | bundle DIR | load-bundle | info | normalise | "
        "export-rijk | import-rijk FILE | label-candidates (docs/operators/taxonomy.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        p = sub.add_parser(
            "import", help="Import an ESCO release from a directory in the official CSV layout."
        )
        p.add_argument("directory", type=Path)
        p.add_argument("--esco-version", default="1.1.1", help="ESCO release of the files (default: 1.1.1).")
        p = sub.add_parser(
            "bundle", help="Write the compact bundle shipped in the package from an ESCO CSV directory."
        )
        p.add_argument("directory", type=Path)
        p.add_argument("--esco-version", default="1.1.1", help="ESCO release of the files (default: 1.1.1).")
        p.add_argument(
            "--output",
            type=Path,
            default=esco.PACKAGED_BUNDLE,
            help="Bundle file (default: the packaged one).",
        )
        p = sub.add_parser(
            "load-bundle", help="Load the packaged bundle (or --file) into the database; idempotent."
        )
        p.add_argument("--file", type=Path, default=None, help="Bundle file (default: the packaged one).")
        sub.add_parser("info", help="Print the ESCO version in use and counts.")
        p = sub.add_parser(
            "export-rijk",
            help="Write the Rijk extension (Dutch labels, Rijk skills) as CSV (';', UTF-8 with BOM) to stdout or --output.",
        )
        p.add_argument("--output", type=Path, default=None, help="File to write (default: standard output).")
        p = sub.add_parser(
            "import-rijk",
            help="Import a Rijk-extension CSV (all or nothing, idempotent by uri); see docs/operators/taxonomy.md.",
        )
        p.add_argument("file", type=Path)
        p = sub.add_parser(
            "label-candidates",
            help="The skills the Rijk job families use most that have no Dutch label yet (most used first).",
        )
        p.add_argument("--top", type=int, default=50, help="Number of skills (default 50).")
        p = sub.add_parser(
            "normalise",
            help="Map free Dutch text to ESCO concepts: one text per line on stdin, one JSON line per input on stdout.",
        )
        p.add_argument("--kind", choices=["occupation", "skill"], default="occupation")
        p.add_argument("--top", type=int, default=5, help="Number of results per input (default 5).")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        action = options["action"]
        started = time.perf_counter()
        try:
            if action == "import":
                self._report(
                    services.taxonomy_import(directory=options["directory"], version=options["esco_version"]),
                    started,
                )
            elif action == "load-bundle":
                self._report(services.taxonomy_load_bundle(path=options["file"]), started)
            elif action == "bundle":
                data = esco.read_esco_dir(options["directory"], version=options["esco_version"])
                size = esco.write_bundle(data, options["output"])
                self.stdout.write(
                    _(
                        "Bundel geschreven: %(path)s (%(size).1f MB; %(skills)d concepten, %(occupations)d beroepen)"
                    )
                    % {
                        "path": options["output"],
                        "size": size / 1e6,
                        "skills": len(data.skills),
                        "occupations": len(data.occupations),
                    }
                )
                self._skipped(data.skipped)
            elif action == "normalise":
                self._normalise(options["kind"], options["top"])
            elif action == "export-rijk":
                self._export(options["output"])
            elif action == "import-rijk":
                self._import_rijk(options["file"])
            elif action == "label-candidates":
                self._candidates(options["top"])
            else:
                self._info()
        except esco.EscoError as exc:
            raise CommandError(str(exc)) from exc

    def _normalise(self, kind: str, top: int) -> None:
        from rijksportfolio.skills.normalise import normalise_lines

        if top < 1:
            raise CommandError(_("--top moet minstens 1 zijn."))
        for line in normalise_lines(kind, top, sys.stdin):
            self.stdout.write(line)
            self.stdout.flush()

    def _export(self, output: Path | None) -> None:
        data = extension_csv.to_bytes(selectors.rijk_extension_rows())
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            output.write_bytes(data)
            self.stderr.write(
                _("Rijk-uitbreiding geschreven: %(path)s (%(rows)d regels)")
                % {"path": output, "rows": data.count(b"\r\n") - 1}
            )

    def _import_rijk(self, path: Path) -> None:
        if not path.is_file():
            raise CommandError(_("Bestand %(path)s bestaat niet.") % {"path": path})
        try:
            result = services.rijk_extension_import(actor=None, data=path.read_bytes())
        except services.ExtensionError as exc:
            messages = exc.errors if isinstance(exc.errors, list) else [str(exc)]
            for message in messages[:50]:
                self.stderr.write(message)
            if len(messages) > 50:
                self.stderr.write(_("… en nog %(count)d fouten") % {"count": len(messages) - 50})
            raise CommandError(_("%(count)d fouten: niets geïmporteerd.") % {"count": len(messages)}) from exc
        self._extension_report(result)

    def _extension_report(self, result: services.ExtensionImportResult) -> None:
        for key, counts in (("rijk_labels", result.labels), ("rijk_skills", result.rijk_skills)):
            self.stdout.write(
                f"  {key:<20} "
                + _("nieuw %(created)d, gewijzigd %(updated)d, ongewijzigd %(unchanged)d") % counts
            )
        if result.kept:
            self.stdout.write(
                _("  %(count)d meegeleverde namen niet toegepast: de taxonomiebeheerder gaf een eigen naam")
                % {"count": result.kept}
            )
        if result.unknown:
            self.stdout.write(
                _("  %(count)d meegeleverde namen overgeslagen: vaardigheid niet in deze ESCO-versie")
                % {"count": result.unknown}
            )

    def _candidates(self, top: int) -> None:
        if top < 1:
            raise CommandError(_("--top moet minstens 1 zijn."))
        for rank, candidate in enumerate(selectors.skills_needing_dutch_label(limit=top), start=1):
            self.stdout.write(
                f"{rank:>4}  {candidate.weight:6.2f}  {candidate.occupations:>3}  "
                f"{candidate.skill.uri}  {candidate.skill.preferred_label_en}"
            )

    def _skipped(self, skipped: dict[str, int]) -> None:
        for reason, count in sorted(skipped.items()):
            self.stdout.write(
                _("Overgeslagen: %(count)d rijen (%(reason)s)") % {"count": count, "reason": reason}
            )

    def _report(self, result: services.ApplyResult, started: float) -> None:
        self.stdout.write(
            _("ESCO %(version)s uit %(source)s") % {"version": result.version, "source": result.source}
        )
        for key in result.created:
            self.stdout.write(
                f"  {key:<20} "
                + _("nieuw %(created)d, gewijzigd %(updated)d, verwijderd %(deleted)d")
                % {
                    "created": result.created[key],
                    "updated": result.updated.get(key, 0),
                    "deleted": result.deleted.get(key, 0),
                }
            )
        for key, count in result.kept_absent.items():
            if count:
                self.stdout.write(
                    _("  %(key)s: %(count)d niet in deze versie, bewaard") % {"key": key, "count": count}
                )
        self._skipped(result.skipped)
        if result.rijk_labels is not None:
            self._extension_report(result.rijk_labels)
        changed = result.changed or (result.rijk_labels is not None and result.rijk_labels.changed)
        self.stdout.write(
            (_("Klaar in %(seconds).1f s.") if changed else _("Niets gewijzigd (%(seconds).1f s)."))
            % {"seconds": time.perf_counter() - started}
        )

    def _info(self) -> None:
        version = selectors.taxonomy_version_in_use()
        if version is None:
            self.stdout.write(
                _(
                    "Geen ESCO-taxonomie geladen. Laad de meegeleverde bundel: rijksportfolio taxonomy load-bundle"
                )
            )
        else:
            self.stdout.write(
                _(
                    "ESCO-versie in gebruik: %(version)s (bron %(source)s, geladen %(at)s, controlegetal %(checksum)s)"
                )
                % {
                    "version": version.version,
                    "source": version.source,
                    "at": version.imported_at.isoformat(timespec="seconds"),
                    "checksum": version.checksum[:16],
                }
            )
        counts = selectors.taxonomy_counts() | selectors.rijk_extension_counts()
        for key, count in counts.items():
            self.stdout.write(f"  {key:<30} {count:>8}")
