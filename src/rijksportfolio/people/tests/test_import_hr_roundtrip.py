# SPDX-License-Identifier: EUPL-1.2
"""A file written by ``hr_csv_write`` from factory-built data with 1 % malformed rows: every valid row is
imported, every bad one is reported with its line number, and a re-run changes nothing. Plus the lock."""

from __future__ import annotations

import io
import random
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection

from rijksportfolio.people.constants import EndReason
from rijksportfolio.people.hr_csv import (
    HrRecord,
    employment_hr_record,
    hr_csv_parse,
    hr_csv_write,
    record_fields,
)
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.people.services import (
    IMPORT_LOCK_KEY,
    ImportLocked,
    _lock_file_path,
    hr_import,
    hr_import_file_lock,
)
from rijksportfolio.people.tests.factories import (
    EmploymentFactory,
    LocationFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

# (column, bad value, expected message) — each makes a row invalid on its own.
MALFORMATIONS = [
    ("schaal", "19", "19 is geen geldige salarisschaal (1–18)"),
    ("fte", "1,75", "fte 1,75 ligt niet tussen 0 en 1,5"),
    ("begindatum", "31-02-2020", "31-02-2020 is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)"),
    ("organisatiecode", "bestaat-niet", "organisatiecode bestaat-niet bestaat niet"),
    ("achternaam", "", "verplicht veld is leeg"),
]


def factory_records(people: int) -> list[HrRecord]:
    """Two records per person: an ended one and the running one that followed it (built, not saved)."""
    locations = LocationFactory.create_batch(3)
    orgs = OrganisationFactory.create_batch(4)
    records = []
    for i in range(people):
        person = PersonFactory.build(work_location=locations[i % 3])
        first = EmploymentFactory.build(
            person=person, organisation=orgs[i % 4], ended=True, end_reason=EndReason.MOBILITY
        )
        second = EmploymentFactory.build(
            person=person, organisation=orgs[(i + 1) % 4], start_date=first.end_date + timedelta(days=1)
        )
        records += [employment_hr_record(first), employment_hr_record(second)]
    return records


def write(records: list[HrRecord]) -> str:
    stream = io.StringIO(newline="")
    hr_csv_write(records, stream)
    return stream.getvalue()


def test_writer_output_parses_back_to_the_same_records():
    records = factory_records(20)
    parsed = list(hr_csv_parse(write(records).encode("utf-8-sig")))
    assert [p.errors for p in parsed] == [()] * 40
    assert [p.record for p in parsed] == records
    assert [p.line for p in parsed] == list(range(2, 42))


def test_generated_file_with_one_percent_malformed_rows_loses_no_valid_row():
    records = factory_records(500)  # 1000 valid rows
    rng = random.Random(7)
    header = write([]).rstrip("\r\n")
    lines = [";".join(record_fields(r)) for r in records]
    expected: dict[int, str] = {}
    # Insert 10 malformed copies (1 %) at random places; they must not take a valid row down with them.
    for n, position in enumerate(sorted(rng.sample(range(len(lines)), 10), reverse=True)):
        column, value, message = MALFORMATIONS[n % len(MALFORMATIONS)]
        cells = lines[position].split(";")
        cells[header.split(";").index(column)] = value
        lines.insert(position, ";".join(cells))
    valid = {";".join(record_fields(r)) for r in records}
    for index, line in enumerate(lines):
        if line not in valid:
            cells = line.split(";")
            for column, value, message in MALFORMATIONS:
                if cells[header.split(";").index(column)] == value:
                    expected[index + 2] = f"regel {index + 2}, kolom {column}: {message}"
    assert len(expected) == 10
    data = ("\r\n".join([header, *lines]) + "\r\n").encode("utf-8-sig")

    report = hr_import(data=data, file_name="rijk.csv")

    assert {e.line: str(e) for e in report.errors} == expected
    assert report.rows_total == 1010
    assert (report.employments_created, report.people_created) == (1000, 500)
    assert Employment.objects.count() == 1000
    assert Person.objects.count() == 500
    imported = {
        employment_hr_record(e)
        for e in Employment.objects.select_related("person__work_location", "organisation", "occupation")
    }
    assert imported == set(records)

    again = hr_import(data=data, file_name="rijk.csv")
    assert (again.employments_created, again.employments_closed, again.employments_unchanged) == (0, 0, 1000)
    assert (again.people_created, again.people_updated) == (0, 0)
    assert {e.line: str(e) for e in again.errors} == expected
    assert Employment.objects.count() == 1000


def test_the_sqlite_file_lock_refuses_a_second_holder(tmp_path):
    import fcntl

    path = tmp_path / "db.sqlite3.import-hr.lock"
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # "the other import"
        with pytest.raises(ImportLocked, match="Er loopt al een HR-import"), hr_import_file_lock(path):
            pass
        fcntl.flock(handle, fcntl.LOCK_UN)
    with hr_import_file_lock(path):
        pass  # free again


def test_the_lock_is_taken_by_hr_import_on_sqlite():
    if connection.vendor != "sqlite":
        return  # covered by the PostgreSQL test below
    import fcntl

    with open(_lock_file_path(), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(ImportLocked):
            hr_import(data=b"x", file_name="hr.csv")
        fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.mark.postgres
def test_a_second_import_while_one_runs_is_refused_on_postgresql(tmp_path):
    import psycopg

    OrganisationFactory(code="bzk")
    path = tmp_path / "hr.csv"
    path.write_text(write(factory_records(2)), encoding="utf-8-sig", newline="")
    settings = connection.settings_dict
    other = psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )
    try:
        other.execute("SELECT pg_advisory_lock(%s)", [IMPORT_LOCK_KEY])  # "the other import"
        out, err = io.StringIO(), io.StringIO()
        with pytest.raises(SystemExit) as exc:
            call_command("import_hr", str(path), stdout=out, stderr=err)
        assert exc.value.code == 3
        assert (
            err.getvalue().strip()
            == "Er loopt al een HR-import. Wacht tot die klaar is en probeer het daarna opnieuw."
        )
        assert Employment.objects.count() == 0
        other.execute("SELECT pg_advisory_unlock(%s)", [IMPORT_LOCK_KEY])
    finally:
        other.close()
    call_command("import_hr", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Employment.objects.count() == 4
