# SPDX-License-Identifier: EUPL-1.2
"""The HR master-data CSV format (``rijksportfolio import-hr``): columns, reading, validation, writing.

One row per employment record; the person columns are repeated on every row of that person. The format
follows the habits of a Dutch HR administration exported through Excel: ``;`` as delimiter (``,`` is
sniffed too), UTF-8 with or without BOM or Windows-1252, CRLF, dates as ``dd-mm-jjjj`` (ISO accepted),
decimal comma. Documented for operators in ``docs/operators/import-formats.md``.

This module knows the *file*: it decodes, splits and validates each row on its own (types, ranges,
vocabularies). Checks that need the database or other rows (unknown codes, duplicates, conflicts with
existing history) live in ``people.services``. It does not touch the database.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, TextIO

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils import translation
from django.utils.translation import gettext as _

from rijksportfolio.people.constants import ContractType, EndReason, Gender, JobFamily, WorkType

if TYPE_CHECKING:
    from django.db.models import TextChoices

    from rijksportfolio.people.models import Employment


@dataclass(frozen=True)
class Column:
    key: str  # attribute of HrRecord
    header: str  # the Dutch header as written by hr_csv_write and shown in messages
    required: bool
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("personnel_number", "personeelsnummer", True, ("personeelsnr", "persnr")),
    Column("first_name", "voornaam", True, ("roepnaam",)),
    Column("name_prefix", "tussenvoegsel", False, ("tussenvoegsels",)),
    Column("last_name", "achternaam", True, ("geslachtsnaam",)),
    Column("date_of_birth", "geboortedatum", True),
    Column("gender", "geslacht", False),
    Column("email", "e-mail", False, ("emailadres", "e-mailadres")),
    Column("location_code", "standplaats", False, ("standplaatscode", "werklocatie")),
    Column("organisation_code", "organisatiecode", True, ("organisatie",)),
    Column("job_title", "functienaam", True, ("functie",)),
    Column("job_family", "functiefamilie", True),
    Column("work_type", "werksoort", True),
    Column("salary_scale", "schaal", True, ("salarisschaal",)),
    Column("fte", "fte", True, ("deeltijdfactor",)),
    Column("contract_type", "soort dienstverband", True, ("dienstverband",)),
    Column("start_date", "begindatum", True, ("ingangsdatum",)),
    Column("end_date", "einddatum", False),
    Column("end_reason", "reden einde", False, ("reden uitdienst", "reden einde dienstverband")),
    Column("occupation_uri", "esco beroep", False, ("esco-beroep", "esco beroep uri", "beroep esco")),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}

# Values as they appear in the file (Dutch, lower case) ↔ model values. The first entry per model value is
# what hr_csv_write writes; the labels and model values of the choices are accepted as well.
GENDER_CODES = {
    "v": Gender.FEMALE,
    "vrouw": Gender.FEMALE,
    "m": Gender.MALE,
    "man": Gender.MALE,
    "x": Gender.OTHER,
    "anders": Gender.OTHER,
    "o": Gender.UNKNOWN,
    "onbekend": Gender.UNKNOWN,
}
GENDER_WRITE: dict[str, str] = {Gender.FEMALE: "V", Gender.MALE: "M", Gender.OTHER: "X", Gender.UNKNOWN: "O"}
CONTRACT_CODES = {
    "vast": ContractType.PERMANENT,
    "tijdelijk": ContractType.TEMPORARY,
    "detachering": ContractType.SECONDMENT,
    "inhuur": ContractType.EXTERNAL,
    "trainee": ContractType.TRAINEE,
}
WORK_TYPE_CODES = {
    "beleid": WorkType.POLICY,
    "uitvoering": WorkType.EXECUTION,
    "toezicht": WorkType.INSPECTION,
    "bedrijfsvoering": WorkType.OPERATIONS,
    "ict": WorkType.ICT,
}
END_REASON_CODES = {
    "mobiliteit": EndReason.MOBILITY,
    "aow": EndReason.STATE_PENSION,
    "eigen verzoek": EndReason.OWN_REQUEST,
    "einde contract": EndReason.END_OF_CONTRACT,
    "einde detachering": EndReason.END_OF_SECONDMENT,
    "ontslag": EndReason.DISMISSAL,
    "overig": EndReason.OTHER,
}
JOB_FAMILY_CODES = {value: JobFamily(value) for value in JobFamily.values}
_TABLES: tuple[Mapping[str, str], ...] = (
    GENDER_CODES,
    CONTRACT_CODES,
    WORK_TYPE_CODES,
    END_REASON_CODES,
    JOB_FAMILY_CODES,
)

FTE_MAX = Decimal("1.5")
ESCO_URI = re.compile(r"^https?://data\.europa\.eu/esco/occupation/[0-9a-f-]+$")
_email = EmailValidator()


@dataclass(frozen=True)
class HrRecord:
    """One employment record with its person, in model values (Gender, JobFamily, … values; codes as text)."""

    personnel_number: str
    first_name: str
    last_name: str
    date_of_birth: date
    organisation_code: str
    job_title: str
    job_family: str
    work_type: str
    salary_scale: int
    fte: Decimal
    contract_type: str
    start_date: date
    name_prefix: str = ""
    gender: str = Gender.UNKNOWN
    email: str = ""
    location_code: str = ""
    end_date: date | None = None
    end_reason: str = ""
    occupation_uri: str = ""

    @property
    def employment_key(self) -> tuple[str, str, date]:
        return (self.personnel_number, self.organisation_code, self.start_date)


@dataclass(frozen=True)
class RowError:
    line: int  # physical line in the file where the row starts; the header is line 1
    column: str  # Dutch header, or "" for an error about the row as a whole
    message: str  # Dutch

    def __str__(self) -> str:
        if self.column:
            return _("regel %(line)d, kolom %(column)s: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("regel %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class ParsedRow:
    line: int
    record: HrRecord | None  # None when errors is not empty
    errors: tuple[RowError, ...] = ()


class HrFileError(Exception):
    """The file as a whole cannot be read (encoding, missing header or columns). Message in Dutch."""


# --- reading ---------------------------------------------------------------------------------------


def _normalise_header(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"[^a-z0-9]", "", text)


_HEADER_LOOKUP: dict[str, Column] = {}
for _col in COLUMNS:
    for _name in (_col.header, _col.key, *_col.aliases):
        _HEADER_LOOKUP[_normalise_header(_name)] = _col


def _token(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.strip().lower())


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding): UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise HrFileError(
            _("Het bestand is geen UTF-8 en geen Windows-1252 (onleesbaar teken op positie %(pos)d).")
            % {"pos": exc.start}
        ) from exc


def sniff_delimiter(header_line: str) -> str:
    """``;`` (Dutch Excel) unless the header has more ``,`` or tabs outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0].rstrip("\r")


def _blank(fields: list[str]) -> bool:
    return all(not f.strip() for f in fields)


def read_rows(text: str) -> tuple[dict[str, int], Iterator[tuple[int, list[str]]], str]:
    """Split ``text`` into (column index by key, iterator of (line, fields), delimiter).

    Blank lines (also Excel's ``;;;;`` rows) are skipped; line numbers are physical lines where the row starts.
    """
    delimiter = sniff_delimiter(_first_line(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    header: list[str] | None = None
    consumed = 0
    for fields in reader:
        consumed = reader.line_num
        if not _blank(fields):
            header = fields
            break
    if header is None:
        raise HrFileError(_("Het bestand is leeg: geen kopregel gevonden."))
    index: dict[str, int] = {}
    unknown: list[str] = []
    for position, name in enumerate(header):
        column = _HEADER_LOOKUP.get(_normalise_header(name))
        if column is None:
            if name.strip():
                unknown.append(name.strip())
            continue
        if column.key in index:
            raise HrFileError(
                _("Kolom %(column)s staat twee keer in de kopregel.") % {"column": column.header}
            )
        index[column.key] = position
    missing = [c.header for c in COLUMNS if c.required and c.key not in index]
    if missing:
        message = _("Verplichte kolommen ontbreken in de kopregel: %(columns)s.") % {
            "columns": ", ".join(missing)
        }
        if unknown:
            message += " " + _("Onbekende kolommen: %(columns)s.") % {"columns": ", ".join(unknown)}
        raise HrFileError(message)

    def rows() -> Iterator[tuple[int, list[str]]]:
        previous = consumed
        for fields in reader:
            start = previous + 1
            previous = reader.line_num
            if not _blank(fields):
                yield start, fields

    return index, rows(), delimiter


@lru_cache(maxsize=65536)
def parse_date(text: str) -> date:
    """``dd-mm-jjjj`` (also with ``/`` or ``.``; day and month may be one digit) or ISO ``jjjj-mm-dd``."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not match:
            raise ValueError("format")
        year, month, day = (int(g) for g in match.groups())
    return date(year, month, day)  # ValueError for 31-02


def parse_decimal(text: str) -> Decimal:
    text = text.strip().replace(" ", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", text):
        raise InvalidOperation(text)
    return Decimal(text)


def _choice(text: str, codes: Mapping[str, str], choices: type[TextChoices]) -> str | None:
    return _choice_cached(text, id(codes), choices, translation.get_language() or "")


_CODE_TABLES: dict[int, Mapping[str, str]] = {id(table): table for table in _TABLES}


@lru_cache(maxsize=4096)
def _choice_cached(text: str, codes_id: int, choices: type[TextChoices], _language: str) -> str | None:
    codes = _CODE_TABLES[codes_id]
    token = _token(text)
    if token in codes:
        return codes[token]
    for value, label in choices.choices:
        if token in (_token(str(value)), _token(str(label))):
            return value
    return None


def _vocabulary(codes: Mapping[str, str]) -> str:
    seen: dict[str, str] = {}
    for code, value in codes.items():
        seen.setdefault(value, code)
    return ", ".join(seen.values())


def validate_fields(line: int, fields: list[str], index: dict[str, int]) -> ParsedRow:
    """Validate one row on its own; every error in the row is reported, not only the first."""
    errors: list[RowError] = []

    size = len(fields)
    cells = dict.fromkeys(COLUMN_BY_KEY, "")
    cells.update({key: fields[pos].strip() for key, pos in index.items() if pos < size})
    raw = cells.__getitem__

    def err(key: str, message: str) -> None:
        errors.append(RowError(line, COLUMN_BY_KEY[key].header, message))

    values: dict[str, object] = {}
    for column in COLUMNS:
        if column.required and not raw(column.key):
            err(column.key, _("verplicht veld is leeg"))

    def text(key: str, max_length: int) -> None:
        value = raw(key)
        if len(value) > max_length:
            err(
                key,
                _("te lang (%(length)d tekens, hoogstens %(max)d)")
                % {"length": len(value), "max": max_length},
            )
        values[key] = value

    text("personnel_number", 20)
    text("first_name", 100)
    text("name_prefix", 20)
    text("last_name", 100)
    text("organisation_code", 64)
    text("location_code", 64)
    text("job_title", 200)

    def date_field(key: str) -> date | None:
        value = raw(key)
        if not value:
            return None
        try:
            return parse_date(value)
        except ValueError:
            err(key, _("%(value)s is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)") % {"value": value})
            return None

    birth = date_field("date_of_birth")
    start = date_field("start_date")
    end = date_field("end_date")
    if birth and birth > date.today():
        err(
            "date_of_birth",
            _("geboortedatum %(value)s ligt in de toekomst") % {"value": raw("date_of_birth")},
        )
    elif birth and birth.year < 1900:
        err("date_of_birth", _("geboortedatum %(value)s ligt vóór 1900") % {"value": raw("date_of_birth")})
    elif birth and start and (start.year - birth.year) < 14:
        err(
            "start_date",
            _("begindatum %(start)s ligt minder dan 14 jaar na de geboortedatum %(birth)s")
            % {"start": raw("start_date"), "birth": raw("date_of_birth")},
        )
    if start and end and end < start:
        err(
            "end_date",
            _("einddatum %(end)s ligt vóór begindatum %(start)s")
            % {"end": raw("end_date"), "start": raw("start_date")},
        )
    values.update(date_of_birth=birth, start_date=start, end_date=end)

    gender_raw = raw("gender")
    gender = _choice(gender_raw, GENDER_CODES, Gender) if gender_raw else Gender.UNKNOWN
    if gender is None:
        err("gender", _("%(value)s is geen geldig geslacht (V, M, X of O)") % {"value": gender_raw})
    values["gender"] = gender

    email = raw("email")
    if email:
        try:
            _email(email)
        except ValidationError:
            err("email", _("%(value)s is geen geldig e-mailadres") % {"value": email})
    values["email"] = email

    for key, codes, choices in (
        ("job_family", JOB_FAMILY_CODES, JobFamily),
        ("work_type", WORK_TYPE_CODES, WorkType),
        ("contract_type", CONTRACT_CODES, ContractType),
    ):
        value = raw(key)
        if not value:
            continue
        parsed = _choice(value, codes, choices)
        if parsed is None:
            err(
                key,
                _("%(value)s is geen geldige %(column)s (toegestaan: %(allowed)s)")
                % {"value": value, "column": COLUMN_BY_KEY[key].header, "allowed": _vocabulary(codes)},
            )
        values[key] = parsed

    scale_raw = raw("salary_scale")
    if scale_raw:
        try:
            scale = int(scale_raw)
        except ValueError:
            scale = None
        if scale is None or not 1 <= scale <= 18:
            err("salary_scale", _("%(value)s is geen geldige salarisschaal (1–18)") % {"value": scale_raw})
        values["salary_scale"] = scale

    fte_raw = raw("fte")
    if fte_raw:
        try:
            fte = parse_decimal(fte_raw)
        except InvalidOperation:
            fte = None
            err("fte", _("%(value)s is geen getal (gebruik bijvoorbeeld 0,89)") % {"value": fte_raw})
        if fte is not None:
            if not Decimal(0) < fte <= FTE_MAX:
                err("fte", _("fte %(value)s ligt niet tussen 0 en 1,5") % {"value": fte_raw})
            elif fte.as_tuple().exponent < -3:  # type: ignore[operator]
                err("fte", _("fte %(value)s heeft meer dan 3 decimalen") % {"value": fte_raw})
        values["fte"] = fte

    reason_raw = raw("end_reason")
    reason = ""
    if reason_raw:
        parsed_reason = _choice(reason_raw, END_REASON_CODES, EndReason)
        if parsed_reason is None:
            err(
                "end_reason",
                _("%(value)s is geen geldige reden einde (toegestaan: %(allowed)s)")
                % {"value": reason_raw, "allowed": _vocabulary(END_REASON_CODES)},
            )
        elif not raw("end_date"):
            err("end_reason", _("reden einde is ingevuld maar einddatum is leeg"))
        else:
            reason = parsed_reason
    values["end_reason"] = reason

    uri = raw("occupation_uri")
    if uri and not ESCO_URI.match(uri):
        err("occupation_uri", _("%(value)s is geen ESCO-beroep-URI") % {"value": uri})
    values["occupation_uri"] = uri

    if errors:
        return ParsedRow(line, None, tuple(errors))
    return ParsedRow(line, HrRecord(**values), ())  # type: ignore[arg-type]


def hr_csv_parse(data: bytes) -> Iterator[ParsedRow]:
    """Decode and validate a whole file; yields one ParsedRow per non-blank data row. Raises HrFileError."""
    text, _encoding = decode(data)
    index, rows, _delimiter = read_rows(text)
    for line, fields in rows:
        yield validate_fields(line, fields, index)


# --- writing ---------------------------------------------------------------------------------------


def format_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def format_fte(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


_CONTRACT_WRITE: dict[str, str] = {v: k for k, v in CONTRACT_CODES.items()}
_WORK_TYPE_WRITE: dict[str, str] = {v: k for k, v in WORK_TYPE_CODES.items()}
_END_REASON_WRITE: dict[str, str] = {v: k for k, v in END_REASON_CODES.items()}


def display_value(key: str, value: object) -> str:
    """A model value of column ``key`` as it is written in the file (for messages)."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_fte(value)
    writes = {
        "gender": GENDER_WRITE,
        "work_type": _WORK_TYPE_WRITE,
        "contract_type": _CONTRACT_WRITE,
        "end_reason": _END_REASON_WRITE,
    }.get(key)
    if writes is not None and isinstance(value, str):
        return writes.get(value, str(value))
    return str(value)


def header_row() -> list[str]:
    return [c.header for c in COLUMNS]


def record_fields(record: HrRecord) -> list[str]:
    """One HrRecord as the list of cell texts hr_csv_write writes (Dutch codes, dd-mm-jjjj, decimal comma)."""
    cells = {
        "personnel_number": record.personnel_number,
        "first_name": record.first_name,
        "name_prefix": record.name_prefix,
        "last_name": record.last_name,
        "date_of_birth": format_date(record.date_of_birth),
        "gender": GENDER_WRITE[Gender(record.gender)],
        "email": record.email,
        "location_code": record.location_code,
        "organisation_code": record.organisation_code,
        "job_title": record.job_title,
        "job_family": str(record.job_family),
        "work_type": _WORK_TYPE_WRITE[WorkType(record.work_type)],
        "salary_scale": str(record.salary_scale),
        "fte": format_fte(Decimal(record.fte)),
        "contract_type": _CONTRACT_WRITE[ContractType(record.contract_type)],
        "start_date": format_date(record.start_date),
        "end_date": format_date(record.end_date),
        "end_reason": _END_REASON_WRITE[EndReason(record.end_reason)] if record.end_reason else "",
        "occupation_uri": record.occupation_uri,
    }
    return [cells[c.key] for c in COLUMNS]


def hr_csv_write(rows: Iterable[HrRecord], stream: TextIO) -> int:
    """Write ``rows`` in the import format (header first, ``;``, CRLF) to a text stream; returns rows written.

    Open files with ``encoding="utf-8-sig", newline=""`` so Excel shows accents and the CRLFs stay intact.
    """
    writer = csv.writer(
        stream, delimiter=";", quotechar='"', lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow(header_row())
    count = 0
    for record in rows:
        writer.writerow(record_fields(record))
        count += 1
    return count


def employment_hr_record(employment: Employment) -> HrRecord:
    """An ``Employment`` (with person, organisation, person.work_location and occupation loaded) as HrRecord."""
    e = employment
    p = e.person
    return HrRecord(
        personnel_number=p.personnel_number,
        first_name=p.first_name,
        name_prefix=p.name_prefix,
        last_name=p.last_name,
        date_of_birth=p.date_of_birth,
        gender=p.gender,
        email=p.email,
        location_code=p.work_location.code if p.work_location is not None else "",
        organisation_code=e.organisation.code,
        job_title=e.job_title,
        job_family=e.job_family,
        work_type=e.work_type,
        salary_scale=e.salary_scale,
        fte=e.fte,
        contract_type=e.contract_type,
        start_date=e.start_date,
        end_date=e.end_date,
        end_reason=e.end_reason,
        occupation_uri=e.occupation.uri if e.occupation is not None else "",
    )
