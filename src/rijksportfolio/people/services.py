# SPDX-License-Identifier: EUPL-1.2
"""Writes to people and their employment history, and the HR master-data import.

History is never overwritten. An employment record is identified by its natural key
(person, organisation, start date). Once written, only one change is allowed: a running record
(no end date) may be closed by giving it an end date and reason. Any other difference is a conflict.
Person fields that describe the present (name, e-mail, work location, gender) may be updated; the date
of birth may not.

The import (``hr_import``) validates the whole file first (without writing), then applies all valid rows
in ONE transaction with bulk operations. Why one transaction for the whole valid set rather than one per
row: a run is then all-or-nothing — a crash, a killed process or a database error leaves the database as
it was and the same file can simply be run again (natural keys make re-runs idempotent); and it is what
makes 300k rows take seconds instead of hours. No row is half-written either way, because a row's person
and employment are written in the same transaction. Rows rejected by validation write nothing at all.
"""

from __future__ import annotations

import csv
import hashlib
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.core.exceptions import ValidationError as _ValidationError
from django.db import connection, transaction
from django.db.models import Q as _Q
from django.utils import timezone
from django.utils.translation import gettext as _

from rijksportfolio.audit.models import AuditAction, AuditOutcome
from rijksportfolio.audit.services import audit_record
from rijksportfolio.matching.changes import matching_inputs_changed
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.organisations.read_cache import invalidates_directory
from rijksportfolio.people.constants import EndReason as _EndReason, Gender, RecordSource
from rijksportfolio.people.hr_csv import (
    COLUMN_BY_KEY,
    HrRecord,
    RowError,
    decode,
    display_value,
    format_date,
    read_rows,
    validate_fields,
)
from rijksportfolio.people.models import Employment, ImportRun, Person
from rijksportfolio.skills.models import Occupation
from rijksportfolio.workforce.services import store_changed

CHUNK = 2000
# pg_advisory_lock key for "one HR import at a time" (ASCII "RPFH").
IMPORT_LOCK_KEY = 0x52504648

# Fields of an employment record that are history: never changed after the record is written.
EMPLOYMENT_HISTORY_FIELDS = (
    "job_title",
    "job_family",
    "work_type",
    "salary_scale",
    "fte",
    "contract_type",
    "occupation",
)
# Person fields that may be updated by a later import. Date of birth may not.
PERSON_UPDATABLE_FIELDS = ("first_name", "name_prefix", "last_name", "gender", "email", "work_location")
# Column (as in HrRecord / the CSV) for each model field, for messages.
_COLUMN_FOR_FIELD = {
    "job_title": "job_title",
    "job_family": "job_family",
    "work_type": "work_type",
    "salary_scale": "salary_scale",
    "fte": "fte",
    "contract_type": "contract_type",
    "occupation": "occupation_uri",
    "end_date": "end_date",
    "end_reason": "end_reason",
    "first_name": "first_name",
    "name_prefix": "name_prefix",
    "last_name": "last_name",
    "gender": "gender",
    "email": "email",
    "work_location": "location_code",
    "date_of_birth": "date_of_birth",
}


class ImportLocked(Exception):
    """Another HR import is running. Message in Dutch."""


class HistoryConflict(Exception):
    """A write would change history. ``fields``: (field, existing, new) triples."""

    def __init__(self, message: str, fields: list[tuple[str, Any, Any]]) -> None:
        super().__init__(message)
        self.fields = fields


# --- comparison rules (shared by the single-record services and the bulk import) ------------------------


def employment_compare(
    *, existing: dict[str, Any], new: dict[str, Any]
) -> tuple[str, list[tuple[str, Any, Any]]]:
    """Compare an existing record with incoming values (both keyed by model field, occupation as id).

    Returns (outcome, conflicts): outcome is "unchanged", "close" (a running record gets its end date) or
    "conflict" with the (field, existing, new) triples that would overwrite history.
    """
    conflicts = [(f, existing[f], new[f]) for f in EMPLOYMENT_HISTORY_FIELDS if existing[f] != new[f]]
    if existing["end_date"] is None:
        if new["end_date"] is not None:
            return ("conflict", conflicts) if conflicts else ("close", [])
        if new["end_reason"]:
            conflicts.append(("end_reason", existing["end_reason"], new["end_reason"]))
    else:
        if new["end_date"] != existing["end_date"]:
            conflicts.append(("end_date", existing["end_date"], new["end_date"]))
        elif new["end_reason"] != existing["end_reason"]:
            conflicts.append(("end_reason", existing["end_reason"], new["end_reason"]))
    return ("conflict", conflicts) if conflicts else ("unchanged", [])


def person_changes(*, existing: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Updatable person fields that differ. Empty e-mail/location and unknown gender in ``new`` keep the
    existing value (an export that lacks them does not erase them)."""
    changes = {}
    for name in PERSON_UPDATABLE_FIELDS:
        value = new[name]
        if name in ("email", "work_location") and not value:
            continue
        if name == "gender" and value == Gender.UNKNOWN:
            continue
        if existing[name] != value:
            changes[name] = value
    return changes


# --- single-record services -------------------------------------------------------------------------


@invalidates_directory
@transaction.atomic
def person_upsert(
    *,
    personnel_number: str,
    first_name: str,
    last_name: str,
    date_of_birth: date,
    name_prefix: str = "",
    gender: str = Gender.UNKNOWN,
    email: str = "",
    work_location: Location | None = None,
    source: str = RecordSource.MANUAL,
) -> tuple[Person, bool, list[str]]:
    """Create or update a person by personnel number. Returns (person, created, changed field names).

    Raises HistoryConflict when the date of birth differs from the one on record."""
    new = {
        "first_name": first_name,
        "name_prefix": name_prefix,
        "last_name": last_name,
        "gender": gender,
        "email": email,
        "work_location": work_location,
    }
    person = Person.objects.select_for_update().filter(personnel_number=personnel_number).first()
    if person is None:
        person = Person(personnel_number=personnel_number, date_of_birth=date_of_birth, source=source, **new)
        person.full_clean()
        person.save()
        store_changed(person_ids=[person.pk])
        matching_inputs_changed(person_ids=[person.pk])
        return person, True, []
    if person.date_of_birth != date_of_birth:
        raise HistoryConflict(
            _("geboortedatum wijkt af van de bestaande gegevens; wordt niet overschreven"),
            [("date_of_birth", person.date_of_birth, date_of_birth)],
        )
    existing = {name: getattr(person, name) for name in PERSON_UPDATABLE_FIELDS}
    changes = person_changes(existing=existing, new=new)
    if changes:
        for name, value in changes.items():
            setattr(person, name, value)
        person.full_clean()
        person.save()
        store_changed(person_ids=[person.pk])
        matching_inputs_changed(person_ids=[person.pk])
    return person, False, sorted(changes)


@invalidates_directory
@transaction.atomic
def employment_upsert(
    *,
    person: Person,
    organisation: Organisation,
    start_date: date,
    job_title: str,
    job_family: str,
    work_type: str,
    salary_scale: int,
    fte: Decimal,
    contract_type: str,
    end_date: date | None = None,
    end_reason: str = "",
    occupation: Occupation | None = None,
    source: str = RecordSource.MANUAL,
) -> tuple[Employment, str]:
    """Create an employment record, or close a running one. Returns (record, "created"|"closed"|"unchanged").

    Raises HistoryConflict when the record exists with other values (history is never overwritten)."""
    new = {
        "job_title": job_title,
        "job_family": job_family,
        "work_type": work_type,
        "salary_scale": salary_scale,
        "fte": Decimal(fte),
        "contract_type": contract_type,
        "occupation": occupation.pk if occupation else None,
        "end_date": end_date,
        "end_reason": end_reason,
    }
    record = (
        Employment.objects.select_for_update()
        .filter(person=person, organisation=organisation, start_date=start_date)
        .first()
    )
    if record is None:
        record = Employment(
            person=person,
            organisation=organisation,
            start_date=start_date,
            source=source,
            occupation=occupation,
            **{k: v for k, v in new.items() if k != "occupation"},
        )
        record.full_clean()
        record.save()
        store_changed(person_ids=[person.pk])
        matching_inputs_changed(person_ids=[person.pk])
        return record, "created"
    existing = {
        f: getattr(record, f)
        for f in (
            "job_title",
            "job_family",
            "work_type",
            "salary_scale",
            "fte",
            "contract_type",
            "end_date",
            "end_reason",
        )
    }
    existing["occupation"] = record.occupation_id
    outcome, conflicts = employment_compare(existing=existing, new=new)
    if outcome == "conflict":
        raise HistoryConflict(
            _("dit dienstverband bestaat al met andere gegevens; de geschiedenis wordt niet overschreven"),
            conflicts,
        )
    if outcome == "close":
        record.end_date, record.end_reason = end_date, end_reason
        record.full_clean()
        record.save(update_fields=["end_date", "end_reason"])
        store_changed(person_ids=[person.pk])
        matching_inputs_changed(person_ids=[person.pk])
        return record, "closed"
    return record, "unchanged"


# --- the import --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonChange:
    line: int
    personnel_number: str
    fields: tuple[str, ...]  # Dutch column headers


@dataclass
class ImportReport:
    file_name: str
    checksum: str
    encoding: str = ""
    delimiter: str = ""
    dry_run: bool = False
    rows_total: int = 0
    errors: list[RowError] = field(default_factory=list)
    person_changes: list[PersonChange] = field(default_factory=list)
    employments_created: int = 0
    employments_closed: int = 0
    employments_unchanged: int = 0
    people_created: int = 0
    people_updated: int = 0
    run_id: int | None = None

    @property
    def rejected_lines(self) -> list[int]:
        return sorted({e.line for e in self.errors})

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected_lines)

    @property
    def rows_accepted(self) -> int:
        return self.rows_total - self.rows_rejected

    def summary_lines(self) -> list[str]:
        lines = [
            _("Bestand: %(file)s (SHA-256 %(checksum)s, %(encoding)s, scheidingsteken %(delimiter)s)")
            % {
                "file": self.file_name,
                "checksum": self.checksum[:16],
                "encoding": self.encoding,
                "delimiter": {";": "puntkomma", ",": "komma", "\t": "tab"}.get(
                    self.delimiter, self.delimiter
                ),
            },
            _("Regels: %(total)d, goedgekeurd: %(ok)d, afgekeurd: %(bad)d")
            % {"total": self.rows_total, "ok": self.rows_accepted, "bad": self.rows_rejected},
            _(
                "Dienstverbanden: %(created)d nieuw, %(closed)d gewijzigd (afgesloten), %(unchanged)d ongewijzigd"
            )
            % {
                "created": self.employments_created,
                "closed": self.employments_closed,
                "unchanged": self.employments_unchanged,
            },
            _("Medewerkers: %(created)d nieuw, %(updated)d gewijzigd")
            % {"created": self.people_created, "updated": self.people_updated},
        ]
        if self.dry_run:
            lines.append(_("Proefrun: er is niets opgeslagen."))
        return lines


def _lock_file_path() -> Path:
    name = str(settings.DATABASES["default"]["NAME"])
    if name and "memory" not in name and Path(name).parent.is_dir():
        return Path(name + ".import-hr.lock")
    digest = hashlib.sha256(name.encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"rijksportfolio-import-hr-{digest}.lock"


def _locked_message() -> str:
    return _("Er loopt al een HR-import. Wacht tot die klaar is en probeer het daarna opnieuw.")


@contextmanager
def hr_import_lock() -> Iterator[None]:
    """One HR import at a time: a PostgreSQL session advisory lock, or an flock'ed file beside the SQLite
    database. Both are released by the operating system/database if the process dies."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [IMPORT_LOCK_KEY])
            if not cursor.fetchone()[0]:
                raise ImportLocked(_locked_message())
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [IMPORT_LOCK_KEY])
        return
    with hr_import_file_lock(_lock_file_path()):
        yield


@contextmanager
def hr_import_file_lock(path: Path) -> Iterator[None]:
    """The lock used on SQLite: an exclusive, non-blocking ``flock`` on ``path``."""
    import fcntl

    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportLocked(_locked_message()) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _show(name: str, value: Any) -> str:
    """A model value as it would be written in the file, for messages."""
    text = display_value(_COLUMN_FOR_FIELD.get(name, name), value)
    return text or _("(leeg)")


class _Plan:
    """What the import will do, decided before anything is written."""

    def __init__(self) -> None:
        self.errors: list[RowError] = []
        self.bad_lines: set[int] = set()
        self.rows: list[tuple[int, HrRecord]] = []

    def reject(self, line: int, key: str, message: str) -> None:
        self.errors.append(RowError(line, COLUMN_BY_KEY[key].header if key else "", message))
        self.bad_lines.add(line)

    def keep(self) -> None:
        self.rows = [(line, rec) for line, rec in self.rows if line not in self.bad_lines]


def _employment_values(record: HrRecord, occupation_id: int | None) -> dict[str, Any]:
    return {
        "job_title": record.job_title,
        "job_family": record.job_family,
        "work_type": record.work_type,
        "salary_scale": record.salary_scale,
        "fte": record.fte,
        "contract_type": record.contract_type,
        "occupation": occupation_id,
        "end_date": record.end_date,
        "end_reason": record.end_reason,
    }


@invalidates_directory
def hr_import(
    *, data: bytes, file_name: str, actor: Any = None, started_by: str = "", dry_run: bool = False
) -> ImportReport:
    """Import an HR CSV file (see module docstring and docs/operators/import-formats.md).

    Raises ImportLocked when another import runs, HrFileError when the file as a whole is unusable (then
    nothing is imported). Bad rows do not raise: they are in ``report.errors``.
    """
    report = ImportReport(file_name=file_name, checksum=hashlib.sha256(data).hexdigest(), dry_run=dry_run)
    with hr_import_lock():
        run = ImportRun.objects.create(
            file_name=file_name[:255], checksum=report.checksum, started_by=started_by[:150]
        )
        report.run_id = run.pk
        try:
            text, report.encoding = decode(data)
            index, raw_rows, report.delimiter = read_rows(text)
            plan = _Plan()
            for line, fields in raw_rows:
                report.rows_total += 1
                parsed = validate_fields(line, fields, index)
                if parsed.record is None:
                    plan.errors.extend(parsed.errors)
                    plan.bad_lines.add(line)
                else:
                    plan.rows.append((line, parsed.record))
            operations = _plan_against_file_and_database(plan, report)
            plan.errors.sort(key=lambda e: e.line)  # stable: within a line, in column order of discovery
            report.errors = plan.errors
            if not dry_run:
                with transaction.atomic():
                    _apply(operations, report)
        except Exception as exc:
            run.status = ImportRun.Status.FAILED
            run.message = str(exc)[:2000]
            run.finished_at = timezone.now()
            run.rows_total = report.rows_total
            run.save()
            audit_record(
                actor=actor,
                action=AuditAction.IMPORT,
                object_type="hr_import",
                object_id=run.pk,
                purpose=_("HR-import %(file)s mislukt") % {"file": file_name},
                outcome=AuditOutcome.ERROR,
            )
            raise
        if dry_run:
            run.status = ImportRun.Status.DRY_RUN
        elif report.errors:
            run.status = ImportRun.Status.SUCCEEDED_WITH_ERRORS
        else:
            run.status = ImportRun.Status.SUCCEEDED
        run.finished_at = timezone.now()
        run.rows_total = report.rows_total
        run.rows_rejected = report.rows_rejected
        run.employments_created = report.employments_created
        run.employments_closed = report.employments_closed
        run.employments_unchanged = report.employments_unchanged
        run.people_created = report.people_created
        run.people_updated = report.people_updated
        run.save()
        audit_record(
            actor=actor,
            action=AuditAction.IMPORT,
            object_type="hr_import",
            object_id=run.pk,
            purpose=_("HR-import %(file)s: %(total)d regels, %(bad)d afgekeurd%(dry)s")
            % {
                "file": file_name,
                "total": report.rows_total,
                "bad": report.rows_rejected,
                "dry": _(" (proefrun)") if dry_run else "",
            },
        )
    return report


@dataclass
class _Operations:
    people_new: dict[str, HrRecord] = field(default_factory=dict)
    people_update: dict[int, dict[str, Any]] = field(default_factory=dict)
    employments_new: list[tuple[HrRecord, int, int | None]] = field(
        default_factory=list
    )  # record, org id, occ id
    employments_close: list[tuple[int, HrRecord]] = field(default_factory=list)
    location_ids: dict[str, int] = field(default_factory=dict)


def _plan_against_file_and_database(plan: _Plan, report: ImportReport) -> _Operations:
    ops = _Operations()
    # 1. Codes that must exist: organisation, location, ESCO occupation (batched lookups).
    org_codes = {rec.organisation_code for _, rec in plan.rows}
    org_ids = dict(Organisation.objects.filter(code__in=org_codes).values_list("code", "id"))
    loc_codes = {rec.location_code for _, rec in plan.rows if rec.location_code}
    ops.location_ids = dict(Location.objects.filter(code__in=loc_codes).values_list("code", "id"))
    uris = sorted({rec.occupation_uri for _, rec in plan.rows if rec.occupation_uri})
    occupation_ids: dict[str, int] = {}
    for chunk in _chunks(uris):
        occupation_ids.update(Occupation.objects.filter(uri__in=chunk).values_list("uri", "id"))
    for line, rec in plan.rows:
        if rec.organisation_code not in org_ids:
            plan.reject(
                line,
                "organisation_code",
                _("organisatiecode %(value)s bestaat niet") % {"value": rec.organisation_code},
            )
        if rec.location_code and rec.location_code not in ops.location_ids:
            plan.reject(
                line, "location_code", _("standplaats %(value)s bestaat niet") % {"value": rec.location_code}
            )
        if rec.occupation_uri and rec.occupation_uri not in occupation_ids:
            plan.reject(
                line,
                "occupation_uri",
                _("ESCO-beroep %(value)s is niet bekend (is de taxonomie geladen?)")
                % {"value": rec.occupation_uri},
            )
    plan.keep()

    # 2. Duplicates within the file (same personnel number, organisation and start date).
    by_key: dict[tuple[str, str, date], list[tuple[int, HrRecord]]] = defaultdict(list)
    for line, rec in plan.rows:
        by_key[rec.employment_key].append((line, rec))
    for group in by_key.values():
        if len(group) == 1:
            continue
        first_line, first = group[0]
        if all(rec == first for _, rec in group):
            for line, _rec in group[1:]:
                plan.reject(line, "", _("dubbele regel: gelijk aan regel %(first)d") % {"first": first_line})
        else:
            for line, _rec in group:
                others = ", ".join(str(other) for other, _r in group if other != line)
                plan.reject(
                    line,
                    "",
                    _(
                        "tegenstrijdige regels %(others)s: zelfde personeelsnummer, organisatiecode en "
                        "begindatum maar andere gegevens; geen van deze regels is ingelezen"
                    )
                    % {"others": others},
                )
    plan.keep()

    # 3. Person columns must agree between the rows of one person (the first row wins).
    person_fields = (
        "first_name",
        "name_prefix",
        "last_name",
        "date_of_birth",
        "gender",
        "email",
        "location_code",
    )
    first_of: dict[str, tuple[int, HrRecord]] = {}
    for line, rec in plan.rows:
        if rec.personnel_number not in first_of:
            first_of[rec.personnel_number] = (line, rec)
            continue
        first_line, first = first_of[rec.personnel_number]
        for name in person_fields:
            if getattr(rec, name) != getattr(first, name):
                plan.reject(
                    line,
                    name,
                    _("%(value)s wijkt af van regel %(first)d (%(other)s) voor dezelfde medewerker")
                    % {
                        "value": _show(name, getattr(rec, name)),
                        "first": first_line,
                        "other": _show(name, getattr(first, name)),
                    },
                )
    plan.keep()

    # 4. Against the database: existing people (date of birth is never overwritten) and their records.
    numbers = sorted({rec.personnel_number for _, rec in plan.rows})
    existing_people: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(numbers):
        for row in Person.objects.filter(personnel_number__in=chunk).values(
            "id", "personnel_number", "date_of_birth", "work_location_id", *PERSON_UPDATABLE_FIELDS[:-1]
        ):
            row["work_location"] = row.pop("work_location_id")
            existing_people[row["personnel_number"]] = row
    for line, rec in plan.rows:
        person = existing_people.get(rec.personnel_number)
        if person and person["date_of_birth"] != rec.date_of_birth:
            plan.reject(
                line,
                "date_of_birth",
                _(
                    "geboortedatum %(value)s wijkt af van de bestaande %(existing)s; "
                    "de geboortedatum wordt niet overschreven"
                )
                % {"value": format_date(rec.date_of_birth), "existing": format_date(person["date_of_birth"])},
            )
    plan.keep()

    person_ids = [p["id"] for p in existing_people.values()]
    existing_employments: dict[tuple[int, int, date], dict[str, Any]] = {}
    for chunk in _chunks(person_ids):
        for row in Employment.objects.filter(person_id__in=chunk).values(
            "id",
            "person_id",
            "organisation_id",
            "start_date",
            "job_title",
            "job_family",
            "work_type",
            "salary_scale",
            "fte",
            "contract_type",
            "occupation_id",
            "end_date",
            "end_reason",
        ):
            item: dict[str, Any] = dict(row)
            item["occupation"] = item.pop("occupation_id")
            existing_employments[(row["person_id"], row["organisation_id"], row["start_date"])] = item
    outcomes: list[tuple[int, HrRecord, str, int | None]] = []
    for line, rec in plan.rows:
        person = existing_people.get(rec.personnel_number)
        occupation_id = occupation_ids.get(rec.occupation_uri)
        existing = (
            existing_employments.get((person["id"], org_ids[rec.organisation_code], rec.start_date))
            if person
            else None
        )
        if existing is None:
            outcomes.append((line, rec, "create", None))
            continue
        outcome, conflicts = employment_compare(existing=existing, new=_employment_values(rec, occupation_id))
        if outcome == "conflict":
            for name, old, new in conflicts:
                column = _COLUMN_FOR_FIELD[name]
                if name == "occupation":
                    old, new = _occupation_uri(old), rec.occupation_uri
                if name == "end_date" and old is not None:
                    message = _(
                        "dit dienstverband is al afgesloten per %(existing)s; de einddatum wordt niet gewijzigd "
                        "(in het bestand: %(value)s)"
                    ) % {"existing": format_date(old), "value": _show(name, new)}
                else:
                    message = _(
                        "bestaand dienstverband (begindatum %(start)s) heeft %(existing)s, het bestand %(value)s; "
                        "de geschiedenis wordt niet overschreven"
                    ) % {
                        "start": format_date(rec.start_date),
                        "existing": _show(name, old),
                        "value": _show(name, new),
                    }
                plan.reject(line, column, message)
        else:
            outcomes.append((line, rec, outcome, existing["id"]))

    # 5. What is left is applied. People are created/updated only from rows that are applied.
    for line, rec, outcome, employment_id in outcomes:
        if line in plan.bad_lines:
            continue
        if outcome == "create":
            ops.employments_new.append(
                (rec, org_ids[rec.organisation_code], occupation_ids.get(rec.occupation_uri))
            )
            report.employments_created += 1
        elif outcome == "close":
            ops.employments_close.append((employment_id, rec))  # type: ignore[arg-type]
            report.employments_closed += 1
        else:
            report.employments_unchanged += 1
        person = existing_people.get(rec.personnel_number)
        if person is None:
            ops.people_new.setdefault(rec.personnel_number, rec)
        elif person["id"] not in ops.people_update:
            new = {
                "first_name": rec.first_name,
                "name_prefix": rec.name_prefix,
                "last_name": rec.last_name,
                "gender": rec.gender,
                "email": rec.email,
                "work_location": ops.location_ids.get(rec.location_code),
            }
            changes = person_changes(existing=person, new=new)
            ops.people_update[person["id"]] = changes
            if changes:
                report.person_changes.append(
                    PersonChange(
                        line,
                        rec.personnel_number,
                        tuple(COLUMN_BY_KEY[_COLUMN_FOR_FIELD[c]].header for c in changes),
                    )
                )
    ops.people_update = {pk: changes for pk, changes in ops.people_update.items() if changes}
    report.people_created = len(ops.people_new)
    report.people_updated = len(ops.people_update)
    return ops


def _occupation_uri(pk: int | None) -> str:
    if pk is None:
        return ""
    return Occupation.objects.filter(pk=pk).values_list("uri", flat=True).first() or ""


def _apply(ops: _Operations, report: ImportReport) -> None:
    now = timezone.now()
    Person.objects.bulk_create(
        [
            Person(
                personnel_number=rec.personnel_number,
                first_name=rec.first_name,
                name_prefix=rec.name_prefix,
                last_name=rec.last_name,
                date_of_birth=rec.date_of_birth,
                gender=rec.gender,
                email=rec.email,
                work_location_id=ops.location_ids.get(rec.location_code),
                source=RecordSource.IMPORT,
            )
            for rec in ops.people_new.values()
        ],
        batch_size=CHUNK,
    )
    updates: dict[frozenset[str], list[Person]] = defaultdict(list)
    for pk, changes in ops.people_update.items():
        person = Person(pk=pk, updated_at=now)
        for name, value in changes.items():
            setattr(person, "work_location_id" if name == "work_location" else name, value)
        updates[frozenset(changes)].append(person)
    for names, people in updates.items():
        fields = [*sorted(names), "updated_at"]
        Person.objects.bulk_update(people, fields, batch_size=500)

    numbers = sorted({rec.personnel_number for rec, _org, _occ in ops.employments_new})
    person_ids: dict[str, int] = {}
    for chunk in _chunks(numbers):
        person_ids.update(
            Person.objects.filter(personnel_number__in=chunk).values_list("personnel_number", "id")
        )
    Employment.objects.bulk_create(
        [
            Employment(
                person_id=person_ids[rec.personnel_number],
                organisation_id=org_id,
                start_date=rec.start_date,
                job_title=rec.job_title,
                job_family=rec.job_family,
                work_type=rec.work_type,
                salary_scale=rec.salary_scale,
                fte=rec.fte,
                contract_type=rec.contract_type,
                end_date=rec.end_date,
                end_reason=rec.end_reason,
                occupation_id=occ_id,
                source=RecordSource.IMPORT,
            )
            for rec, org_id, occ_id in ops.employments_new
        ],
        batch_size=CHUNK,
    )
    Employment.objects.bulk_update(
        [
            Employment(pk=pk, end_date=rec.end_date, end_reason=rec.end_reason)
            for pk, rec in ops.employments_close
        ],
        ["end_date", "end_reason"],
        batch_size=500,
    )
    closed: set[int] = set()
    for chunk in _chunks([pk for pk, _rec in ops.employments_close]):
        closed.update(Employment.objects.filter(pk__in=chunk).values_list("person_id", flat=True))
    store_changed(person_ids=[*ops.people_update, *person_ids.values(), *closed])
    matching_inputs_changed(person_ids=[*ops.people_update, *person_ids.values(), *closed])


def import_report_write_csv(report: ImportReport, stream: TextIO) -> None:
    """The report as CSV for Excel (``;``): regel;kolom;soort;melding — every rejected row and person update."""
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("regel"), _("kolom"), _("soort"), _("melding")])
    entries: list[tuple[int, str, str, str]] = [
        (e.line, e.column, _("fout"), e.message) for e in report.errors
    ]
    for change in report.person_changes:
        entries.append(
            (
                change.line,
                ", ".join(change.fields),
                _("wijziging"),
                _("medewerker %(number)s bijgewerkt: %(fields)s")
                % {"number": change.personnel_number, "fields": ", ".join(change.fields)},
            )
        )
    entries.sort(key=lambda e: e[0])
    for entry in entries:
        writer.writerow([str(entry[0]), entry[1], entry[2], entry[3]])


# --- API write services (person_create, employment_add, employment_end) --------------------------------
# Section owned by the API work (issue 2 item 11): single writes on behalf of an HR user through
# /api/v1/medewerkers. Errors are django ValidationError keyed by model field, with Dutch messages.
# History is never overwritten: employment_end only fills an empty end date and reason; a change of job
# is employment_end + employment_add.


def _create_audited(
    instance: Person | Employment, *, actor: Any, object_type: str, subject_person: Person
) -> None:
    """Validate and save a new record of one person and write its audit row (never its content)."""
    instance.full_clean()
    instance.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type=object_type,
        object_id=instance.pk,
        subject_person=subject_person,
    )


@invalidates_directory
@transaction.atomic
def person_create(
    *,
    actor: Any,
    personnel_number: str,
    first_name: str,
    last_name: str,
    date_of_birth: date,
    name_prefix: str = "",
    gender: str = Gender.UNKNOWN,
    email: str = "",
    work_location: Location | None = None,
    source: str = RecordSource.MANUAL,
) -> Person:
    """Create a new person. Fails (Dutch message) when the personnel number is already in use."""
    if Person.objects.filter(personnel_number=personnel_number).exists():
        raise _ValidationError({"personnel_number": [_("Dit personeelsnummer is al in gebruik.")]})
    if date_of_birth > timezone.localdate():
        raise _ValidationError({"date_of_birth": [_("De geboortedatum ligt in de toekomst.")]})
    person = Person(
        personnel_number=personnel_number,
        first_name=first_name,
        name_prefix=name_prefix,
        last_name=last_name,
        date_of_birth=date_of_birth,
        gender=gender,
        email=email,
        work_location=work_location,
        source=source,
    )
    _create_audited(person, actor=actor, object_type="person", subject_person=person)
    store_changed(person_ids=[person.pk])
    matching_inputs_changed(person_ids=[person.pk])
    return person


@invalidates_directory
@transaction.atomic
def employment_add(
    *,
    actor: Any,
    person: Person,
    organisation: Organisation,
    job_title: str,
    job_family: str,
    work_type: str,
    salary_scale: int,
    fte: Decimal,
    contract_type: str,
    start_date: date,
    end_date: date | None = None,
    end_reason: str = "",
    occupation: Occupation | None = None,
    source: str = RecordSource.MANUAL,
) -> Employment:
    """Add an employment record. Rejected when it overlaps a record of the same person at the same
    organisation (end that one first: a change of job is end + new record)."""
    errors: dict[str, list[str]] = {}
    if not 1 <= int(salary_scale) <= 18:
        errors["salary_scale"] = [_("De salarisschaal ligt tussen 1 en 18.")]
    if not Decimal(0) < Decimal(fte) <= Decimal("1.5"):
        errors["fte"] = [_("De fte is groter dan 0 en ten hoogste 1,5.")]
    if end_date is not None and end_date < start_date:
        errors["end_date"] = [_("De einddatum ligt voor de begindatum.")]
    if end_date is not None and not end_reason:
        errors["end_reason"] = [_("Geef de reden van het einde op.")]
    if end_date is None and end_reason:
        errors["end_reason"] = [_("Een reden van het einde hoort bij een einddatum.")]
    if errors:
        raise _ValidationError(errors)
    Person.objects.select_for_update().filter(pk=person.pk).first()  # serialise writes per person
    overlapping = Employment.objects.filter(person=person, organisation=organisation).filter(
        _Q(end_date__isnull=True) | _Q(end_date__gte=start_date)
    )
    if end_date is not None:
        overlapping = overlapping.filter(start_date__lte=end_date)
    if overlapping.exists():
        raise _ValidationError(
            {
                "start_date": [
                    _(
                        "Er loopt in deze periode al een dienstverband bij deze organisatie. Beëindig dat eerst; "
                        "de geschiedenis wordt niet overschreven."
                    )
                ]
            }
        )
    record = Employment(
        person=person,
        organisation=organisation,
        job_title=job_title,
        job_family=job_family,
        work_type=work_type,
        salary_scale=salary_scale,
        fte=Decimal(fte),
        contract_type=contract_type,
        start_date=start_date,
        end_date=end_date,
        end_reason=end_reason,
        occupation=occupation,
        source=source,
    )
    _create_audited(record, actor=actor, object_type="employment", subject_person=person)
    store_changed(person_ids=[person.pk])
    matching_inputs_changed(person_ids=[person.pk])
    return record


@invalidates_directory
@transaction.atomic
def employment_end(*, actor: Any, employment: Employment, end_date: date, end_reason: str) -> Employment:
    """End a running employment record: sets end date and reason, only when both are still empty."""
    record = Employment.objects.select_for_update().get(pk=employment.pk)
    if record.end_date is not None or record.end_reason:
        raise _ValidationError(
            {"end_date": [_("Dit dienstverband is al beëindigd; de geschiedenis wordt niet overschreven.")]}
        )
    errors: dict[str, list[str]] = {}
    if end_date < record.start_date:
        errors["end_date"] = [_("De einddatum ligt voor de begindatum.")]
    if end_reason not in _EndReason.values:
        errors["end_reason"] = [_("Onbekende reden van het einde.")]
    if errors:
        raise _ValidationError(errors)
    record.end_date, record.end_reason = end_date, end_reason
    record.save(update_fields=["end_date", "end_reason"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="employment",
        object_id=record.pk,
        subject_person=record.person,
    )
    employment.end_date, employment.end_reason = end_date, end_reason
    store_changed(person_ids=[record.person_id])
    matching_inputs_changed(person_ids=[record.person_id])
    return record
