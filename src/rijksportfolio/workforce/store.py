# SPDX-License-Identifier: EUPL-1.2
"""The analytical store: the employment history as Parquet files, for DuckDB (docs/analytics-store.md).

Layout under ``settings.ANALYTICS_DIR``::

    manifest.json                 version, watermark, partitions, row counts
    organisations.parquet         the whole tree (small: rewritten on every refresh)
    locations.parquet             work locations (small: rewritten on every refresh)
    people/part-NN.parquet        persons with ``id % PARTITIONS == NN``
    employments/part-NN.parquet   their employment records

A full refresh rewrites everything. An incremental refresh rewrites only the partitions of persons that
changed since the previous refresh: persons named by the write services (``workforce.services.store_changed``,
kept in ``StoreChange``), persons whose ``updated_at`` or whose employment records' ``created_at`` lie after the
watermark (the time at which the previous refresh started, minus a margin of five minutes for
transactions that committed late). Files are written next to their final
name and renamed into place, so a reader never sees half a file; the manifest is renamed last.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import io
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from django.conf import settings
from django.db import connection
from django.utils import timezone

from rijksportfolio.domain.analytics.warehouse import Warehouse
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.workforce.models import StoreChange

PARTITIONS = 16
FORMAT_VERSION = 1
# Rows stamped shortly before a refresh started may commit after it read them: look back this far (rewriting
# a partition again is harmless).
WATERMARK_MARGIN = dt.timedelta(minutes=5)

ORGANISATION_SCHEMA = pa.schema(
    [
        ("id", pa.int64()),
        ("code", pa.string()),
        ("name", pa.string()),
        ("abbreviation", pa.string()),
        ("kind", pa.string()),
        ("sector_category", pa.string()),
        ("parent_id", pa.int64()),
        ("path", pa.string()),
        ("depth", pa.int32()),
    ]
)
LOCATION_SCHEMA = pa.schema(
    [("id", pa.int64()), ("city", pa.string()), ("municipality", pa.string()), ("province", pa.string())]
)
PERSON_SCHEMA = pa.schema(
    [
        ("id", pa.int64()),
        ("date_of_birth", pa.date32()),
        ("gender", pa.string()),
        ("work_location_id", pa.int64()),
    ]
)
EMPLOYMENT_SCHEMA = pa.schema(
    [
        ("id", pa.int64()),
        ("person_id", pa.int64()),
        ("organisation_id", pa.int64()),
        ("job_title", pa.string()),
        ("job_family", pa.string()),
        ("work_type", pa.string()),
        ("salary_scale", pa.int16()),
        ("fte", pa.float64()),
        ("contract_type", pa.string()),
        ("start_date", pa.date32()),
        ("end_date", pa.date32()),
        ("end_reason", pa.string()),
    ]
)

_ORG_SQL = (
    "SELECT id, code, name, abbreviation, kind, sector_category, parent_id, path, depth "
    "FROM organisations_organisation"
)
_LOCATION_SQL = "SELECT id, city, municipality, province FROM organisations_location"
_PERSON_SQL = "SELECT id, date_of_birth, gender, work_location_id FROM people_person"
_EMPLOYMENT_SQL = (
    "SELECT id, person_id, organisation_id, job_title, job_family, work_type, salary_scale, "
    "CAST(fte AS DOUBLE PRECISION), contract_type, start_date, end_date, end_reason FROM people_employment"
)


def store_dir() -> Path:
    return Path(settings.ANALYTICS_DIR)


@dataclass(frozen=True)
class RefreshResult:
    full: bool
    partitions: list[int]
    people: int
    employments: int
    seconds: float


def _table(sql: str, params: list[Any], schema: pa.Schema) -> pa.Table:
    if connection.vendor == "postgresql":
        return _table_copy(sql, params, schema)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.Table.from_arrays(
        [pa.array(col, type=field.type) for col, field in zip(columns, schema, strict=True)], schema=schema
    )


def _table_copy(sql: str, params: list[Any], schema: pa.Schema) -> pa.Table:
    """PostgreSQL: the rows as CSV through COPY, parsed by Arrow (several times faster than fetching tuples)."""
    buffer = io.BytesIO()
    with connection.cursor() as cursor:
        query = cursor.mogrify(sql, params) if params else sql
        with cursor.copy(f"COPY ({query}) TO STDOUT WITH (FORMAT csv)") as copy:
            for chunk in copy:
                buffer.write(chunk)
    buffer.seek(0)
    if buffer.getbuffer().nbytes == 0:
        return schema.empty_table()
    return pa_csv.read_csv(
        buffer,
        read_options=pa_csv.ReadOptions(column_names=schema.names),
        convert_options=pa_csv.ConvertOptions(
            column_types={f.name: f.type for f in schema},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )


def _write(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def _partition_filter(partitions: list[int] | None, column: str) -> tuple[str, list[Any]]:
    if partitions is None:
        return "", []
    marks = ", ".join(["%s"] * len(partitions))
    return f" WHERE MOD({column}, {PARTITIONS}) IN ({marks})", list(partitions)


def read_manifest() -> dict[str, Any] | None:
    try:
        return json.loads((store_dir() / "manifest.json").read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _write_manifest(manifest: dict[str, Any]) -> None:
    path = store_dir() / "manifest.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, indent=1))
    os.replace(tmp, path)


@contextmanager
def _lock(*, wait: bool) -> Iterator[bool]:
    """One refresh at a time per store (a file lock, shared by processes). Yields whether it was acquired."""
    store_dir().mkdir(parents=True, exist_ok=True)
    with open(store_dir() / ".refresh.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _changed_partitions(watermark: dt.datetime, named: set[int]) -> set[int]:
    ids = set(named)
    ids.update(Person.objects.filter(updated_at__gte=watermark).values_list("id", flat=True))
    ids.update(Employment.objects.filter(created_at__gte=watermark).values_list("person_id", flat=True))
    return {pid % PARTITIONS for pid in ids}


def refresh(*, full: bool = False, wait: bool = True, build_file: bool = True) -> RefreshResult | None:
    """Bring the store up to date: everything (``full``, or when there is no store yet) or the partitions of
    changed persons; with ``build_file`` also the warehouse file (the derived DuckDB tables, so that readers
    open instead of building them; without it they build them in memory until the next refresh that does). Returns None when another refresh holds the lock and ``wait`` is false (that refresh, or
    the next, picks the changes up: they stay in ``StoreChange`` until a refresh has written them)."""
    with _lock(wait=wait) as acquired:
        if not acquired:
            return None
        began = time.perf_counter()
        started_at = timezone.now()
        manifest = read_manifest()
        full = full or manifest is None or manifest.get("format") != FORMAT_VERSION
        changes = dict(StoreChange.objects.values_list("id", "person_id"))
        if full:
            partitions = list(range(PARTITIONS))
            selected: list[int] | None = None
        else:
            assert manifest is not None
            watermark = dt.datetime.fromisoformat(manifest["watermark"]) - WATERMARK_MARGIN
            partitions = sorted(_changed_partitions(watermark, set(changes.values())))
            selected = partitions
        _write(_table(_ORG_SQL, [], ORGANISATION_SCHEMA), store_dir() / "organisations.parquet")
        _write(_table(_LOCATION_SQL, [], LOCATION_SCHEMA), store_dir() / "locations.parquet")
        people = employments = 0
        if partitions:
            where, params = _partition_filter(selected, "id")
            persons = _table(_PERSON_SQL + where, params, PERSON_SCHEMA)
            where, params = _partition_filter(selected, "person_id")
            records = _table(_EMPLOYMENT_SQL + where, params, EMPLOYMENT_SCHEMA)
            people, employments = persons.num_rows, records.num_rows
            p_part = pc.bit_wise_and(persons["id"], PARTITIONS - 1).to_numpy()
            e_part = pc.bit_wise_and(records["person_id"], PARTITIONS - 1).to_numpy()
            for k in partitions:
                _write(persons.filter(p_part == k), store_dir() / "people" / f"part-{k:02d}.parquet")
                _write(records.filter(e_part == k), store_dir() / "employments" / f"part-{k:02d}.parquet")
        version = (manifest or {}).get("version", 0) + 1
        if build_file:
            Warehouse.build_file(store_dir(), version=version, threads=settings.ANALYTICS_THREADS)
        StoreChange.objects.filter(id__in=list(changes)).delete()
        _write_manifest(
            {
                "format": FORMAT_VERSION,
                "version": version,
                "watermark": started_at.isoformat(),
                "refreshed_at": timezone.now().isoformat(),
                "partitions": PARTITIONS,
                "last_refresh": {"full": full, "partitions": partitions},
            }
        )
        return RefreshResult(
            full=full,
            partitions=partitions,
            people=people,
            employments=employments,
            seconds=time.perf_counter() - began,
        )
