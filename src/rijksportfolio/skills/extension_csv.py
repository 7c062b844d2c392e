# SPDX-License-Identifier: EUPL-1.2
"""The CSV format of the Rijk extension of the taxonomy: Dutch labels for ESCO skills and Rijk-specific skills.

One row per concept, natural key ``uri``:

* an ESCO skill URI (``http://data.europa.eu/esco/skill/…``): the Dutch label (``naam``) and alternative
  labels the Rijk gives that ESCO skill; ``omschrijving``, ``soort`` and ``breder`` stay empty;
* ``urn:rijksportfolio:vaardigheid:<sleutel>``: a Rijk-specific skill with its Dutch label, alternative
  labels, description, kind (``vaardigheid`` or ``kennis``) and the ESCO concept it is narrower than
  (``breder``, required).

Dutch Excel habits as in ``import-hr`` (``people/hr_csv.py``): ``;`` (``,`` and tab are sniffed), UTF-8 with
or without BOM or Windows-1252, CRLF; alternative labels separated by ``|``. This module knows the *file*:
decoding, columns, each row on its own. Checks against the database (does the URI exist?) live in
``skills.services``. Documented for operators in ``docs/operators/taxonomy.md``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from django.utils.translation import gettext as _

from rijksportfolio.skills.models import RIJK_SKILL_URI_PREFIX

HEADER = ("uri", "naam", "alternatieve namen", "omschrijving", "soort", "breder")
REQUIRED = ("uri", "naam")
ALIASES = {
    "uri": "uri",
    "escouri": "uri",
    "naam": "naam",
    "nederlandsenaam": "naam",
    "label": "naam",
    "alternatievenamen": "alternatieve namen",
    "alternatievenaam": "alternatieve namen",
    "synoniemen": "alternatieve namen",
    "omschrijving": "omschrijving",
    "beschrijving": "omschrijving",
    "soort": "soort",
    "breder": "breder",
    "bredereuri": "breder",
    "brederconcept": "breder",
}
KINDS = {"vaardigheid": "skill/competence", "kennis": "knowledge"}
KIND_WRITE = {v: k for k, v in KINDS.items()}
ALT_SEPARATOR = "|"
MAX_LABEL = 300
MAX_ALT_LABELS = 30
MAX_DESCRIPTION = 4000
MAX_KEY = 80
ESCO_SKILL_URI = re.compile(r"^https?://data\.europa\.eu/esco/skill/[0-9a-z-]{8,}$")
ESCO_CONCEPT_URI = re.compile(r"^https?://data\.europa\.eu/esco/(?:skill|isced-f)/[0-9a-z-]+$")
RIJK_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ExtensionFileError(Exception):
    """The file as a whole cannot be read (encoding, header). Message in Dutch."""


@dataclass(frozen=True)
class RowError:
    line: int  # physical line in the file where the row starts; the header is line 1
    column: str  # header of the column, or "" for the row as a whole
    message: str  # Dutch

    def __str__(self) -> str:
        if self.column:
            return _("regel %(line)d, kolom %(column)s: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("regel %(line)d: %(message)s") % {"line": self.line, "message": self.message}


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 (as Excel saves)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ExtensionFileError(
            _("Het bestand is geen UTF-8 en geen Windows-1252 (onleesbaar teken op positie %(pos)d).")
            % {"pos": exc.start}
        ) from exc


def sniff_delimiter(header_line: str) -> str:
    """``;`` (Dutch Excel) unless the header has more ``,`` or tabs outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


@dataclass(frozen=True)
class ExtensionRow:
    line: int
    uri: str
    label: str
    alt_labels: tuple[str, ...] = ()
    description: str = ""
    skill_type: str = ""  # ESCO skillType for Rijk skills; "" for ESCO rows
    broader: str = ""

    @property
    def is_rijk(self) -> bool:
        return self.uri.startswith(RIJK_SKILL_URI_PREFIX)


@dataclass
class ParsedFile:
    rows: list[ExtensionRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def rijk_uri(key: str) -> str:
    return RIJK_SKILL_URI_PREFIX + key


def rijk_key(uri: str) -> str:
    return uri.removeprefix(RIJK_SKILL_URI_PREFIX)


def clean_label(text: str) -> str:
    return " ".join(text.split())


def split_alt_labels(text: str) -> tuple[str, ...]:
    """``a | b | a`` → ``("a", "b")``: trimmed, whitespace collapsed, duplicates (case-insensitive) dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for part in text.split(ALT_SEPARATOR):
        label = clean_label(part)
        if label and label.casefold() not in seen:
            seen.add(label.casefold())
            out.append(label)
    return tuple(out)


def check_key(key: str) -> str | None:
    """A Dutch message when ``key`` is not a valid key of a Rijk skill, else None."""
    if not key:
        return _("de sleutel ontbreekt")
    if len(key) > MAX_KEY or not RIJK_KEY.match(key):
        return _(
            "sleutel %(key)r is ongeldig: gebruik kleine letters, cijfers en koppeltekens (hoogstens %(max)d tekens)"
        ) % {"key": key, "max": MAX_KEY}
    return None


def check_label(label: str, *, what: str) -> str | None:
    if not label:
        return _("%(what)s is leeg") % {"what": what}
    if len(label) > MAX_LABEL:
        return _("%(what)s is langer dan %(max)d tekens") % {"what": what, "max": MAX_LABEL}
    return None


def _header(fields: list[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    unknown: list[str] = []
    for position, name in enumerate(fields):
        key = ALIASES.get(re.sub(r"[^a-z]", "", name.strip().lower()))
        if key is None:
            if name.strip():
                unknown.append(name.strip())
            continue
        if key in index:
            raise ExtensionFileError(_("Kolom %(column)s staat twee keer in de kopregel.") % {"column": key})
        index[key] = position
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        message = _("Verplichte kolommen ontbreken in de kopregel: %(columns)s.") % {
            "columns": ", ".join(missing)
        }
        if unknown:
            message += " " + _("Onbekende kolommen: %(columns)s.") % {"columns": ", ".join(unknown)}
        raise ExtensionFileError(message)
    return index


def _validate(
    line: int, fields: list[str], index: dict[str, int]
) -> tuple[ExtensionRow | None, list[RowError]]:
    def value(column: str) -> str:
        position = index.get(column)
        return fields[position].strip() if position is not None and position < len(fields) else ""

    errors: list[RowError] = []
    if len(fields) > len(index) and any(f.strip() for f in fields[max(index.values()) + 1 :]):
        errors.append(RowError(line, "", _("meer velden dan kolommen in de kopregel")))
    uri = value("uri")
    label = clean_label(value("naam"))
    alt_labels = split_alt_labels(value("alternatieve namen"))
    description = value("omschrijving")
    kind = value("soort").lower()
    broader = value("breder")
    problem = check_label(label, what=_("de naam"))
    if problem:
        errors.append(RowError(line, "naam", problem))
    if len(alt_labels) > MAX_ALT_LABELS:
        errors.append(
            RowError(line, "alternatieve namen", _("meer dan %(max)d namen") % {"max": MAX_ALT_LABELS})
        )
    for alt in alt_labels:
        problem = check_label(alt, what=_("een alternatieve naam"))
        if problem:
            errors.append(RowError(line, "alternatieve namen", problem))
            break
    if uri.startswith(RIJK_SKILL_URI_PREFIX):
        problem = check_key(rijk_key(uri))
        if problem:
            errors.append(RowError(line, "uri", problem))
        if kind and kind not in KINDS:
            errors.append(
                RowError(
                    line,
                    "soort",
                    _("onbekende soort %(kind)r (verwacht: vaardigheid of kennis)") % {"kind": kind},
                )
            )
        if not broader:
            errors.append(
                RowError(line, "breder", _("een Rijk-vaardigheid heeft een breder ESCO-concept nodig"))
            )
        elif not ESCO_CONCEPT_URI.match(broader):
            errors.append(
                RowError(line, "breder", _("%(uri)r is geen ESCO-URI van een vaardigheid") % {"uri": broader})
            )
        if len(description) > MAX_DESCRIPTION:
            errors.append(
                RowError(line, "omschrijving", _("langer dan %(max)d tekens") % {"max": MAX_DESCRIPTION})
            )
    elif ESCO_SKILL_URI.match(uri):
        for column, text in (("omschrijving", description), ("soort", kind), ("breder", broader)):
            if text:
                errors.append(RowError(line, column, _("alleen voor Rijk-vaardigheden; laat leeg bij ESCO")))
    else:
        errors.append(
            RowError(
                line,
                "uri",
                _("%(uri)r is geen ESCO-vaardigheid en geen Rijk-vaardigheid (%(prefix)s…)")
                % {"uri": uri, "prefix": RIJK_SKILL_URI_PREFIX}
                if uri
                else _("de uri ontbreekt"),
            )
        )
    if errors:
        return None, errors
    row = ExtensionRow(
        line=line,
        uri=uri,
        label=label,
        alt_labels=tuple(a for a in alt_labels if a.casefold() != label.casefold()),
        description=description if uri.startswith(RIJK_SKILL_URI_PREFIX) else "",
        skill_type=KINDS[kind or "vaardigheid"] if uri.startswith(RIJK_SKILL_URI_PREFIX) else "",
        broader=broader,
    )
    return row, []


def parse(data: bytes) -> ParsedFile:
    """Read a whole file; every row is checked on its own and for a URI repeated in the file.

    Raises :class:`ExtensionFileError` when the file cannot be read at all."""
    text = decode(data)
    delimiter = sniff_delimiter(text.split("\n", 1)[0].rstrip("\r"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    index: dict[str, int] | None = None
    parsed = ParsedFile()
    first_line: dict[str, int] = {}
    previous = 0
    for fields in reader:
        start, previous = previous + 1, reader.line_num
        if all(not f.strip() for f in fields):
            continue
        if index is None:
            index = _header(fields)
            continue
        row, errors = _validate(start, fields, index)
        parsed.errors.extend(errors)
        if row is None:
            continue
        if row.uri in first_line:
            parsed.errors.append(
                RowError(
                    start,
                    "uri",
                    _("%(uri)s staat al op regel %(line)d") % {"uri": row.uri, "line": first_line[row.uri]},
                )
            )
            continue
        first_line[row.uri] = start
        parsed.rows.append(row)
    if index is None:
        raise ExtensionFileError(_("Het bestand is leeg: geen kopregel gevonden."))
    return parsed


def write(rows: Iterable[ExtensionRow], stream: TextIO) -> int:
    """Write the header and ``rows`` (``;``, CRLF). Open files with ``encoding="utf-8-sig", newline=""``."""
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    count = 0
    for row in rows:
        writer.writerow(
            [
                row.uri,
                row.label,
                f" {ALT_SEPARATOR} ".join(row.alt_labels),
                row.description,
                KIND_WRITE.get(row.skill_type, "") if row.is_rijk else "",
                row.broader,
            ]
        )
        count += 1
    return count


def to_bytes(rows: Iterable[ExtensionRow]) -> bytes:
    """The whole file as Excel opens it: UTF-8 with BOM, ``;``, CRLF."""
    buffer = io.StringIO()
    write(rows, buffer)
    return buffer.getvalue().encode("utf-8-sig")
