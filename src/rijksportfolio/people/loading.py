# SPDX-License-Identifier: EUPL-1.2
"""Bulk loader for a generated Rijk (``rijksportfolio generate``).

Writes the organisation catalogue (upsert by code, ``path``/``depth`` set exactly as
``organisations.services.organisation_create`` does), then replaces every generated person and employment
record (``source="generated"``): COPY via psycopg on PostgreSQL, ``executemany`` on SQLite. Persons are
upserted by personnel number so that accounts linked to a generated person keep their link when the same
seed is loaded again; generated persons that are no longer generated are removed unless an account or an
audit event refers to them (those keep their row, without generated records). The whole load is one
transaction: a failure leaves the previous data in place.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.domain.generator import GeneratedRijk, params as P
from rijksportfolio.domain.generator.names import FEMALE, LAST, MALE
from rijksportfolio.domain.generator.simulate import WORK_TYPES
from rijksportfolio.organisations.constants import PATH_STEP
from rijksportfolio.organisations.data import LOCATIONS, CatalogueNode
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.people.constants import RecordSource
from rijksportfolio.people.models import Employment, Person

GENERATED = RecordSource.GENERATED.value


@dataclass
class LoadResult:
    people: int
    employments: int
    organisations_created: int
    occupations_linked: bool
    seconds_catalogue: float = 0.0
    seconds_people: float = 0.0
    seconds_employments: float = 0.0
    portfolios: int = 0
    portfolio_items: int = 0
    portfolio_skills: int = 0
    seconds_portfolios: float = 0.0
    seconds_portfolios_draw: float = 0.0  # of which drawing them (numpy/Python, no database)


# --- organisation catalogue -----------------------------------------------------------------------------------


def ensure_catalogue(nodes: list[CatalogueNode]) -> tuple[dict[str, int], dict[str, int], int]:
    """Create missing locations and organisations; returns (org id by code, location id by code, created)."""
    existing_loc = dict(Location.objects.values_list("code", "id"))
    new_locs = [Location(**spec._asdict()) for spec in LOCATIONS if spec.code not in existing_loc]
    Location.objects.bulk_create(new_locs, batch_size=500)
    loc_ids = dict(Location.objects.values_list("code", "id"))
    existing = {
        code: (pk, path, depth)
        for code, pk, path, depth in Organisation.objects.values_list("code", "id", "path", "depth")
    }
    created = 0
    by_depth: dict[int, list[CatalogueNode]] = {}
    depth_of: dict[str, int] = {}
    for node in nodes:
        depth_of[node.code] = 0 if node.parent_code is None else depth_of[node.parent_code] + 1
        if node.code not in existing:
            by_depth.setdefault(depth_of[node.code], []).append(node)
    for depth in sorted(by_depth):
        objs = [
            Organisation(
                code=n.code,
                name=n.name,
                abbreviation=n.abbreviation,
                kind=n.kind,
                sector_category=n.sector_category,
                parent_id=existing[n.parent_code][0] if n.parent_code else None,
                path="",
                depth=depth,
            )
            for n in by_depth[depth]
        ]
        Organisation.objects.bulk_create(objs, batch_size=1000)
        if any(o.pk is None for o in objs):  # backends that do not return ids
            ids = dict(Organisation.objects.filter(code__in=[o.code for o in objs]).values_list("code", "id"))
            for o in objs:
                o.pk = ids[o.code]
        for n, o in zip(by_depth[depth], objs, strict=True):
            parent_path = existing[n.parent_code][1] if n.parent_code else ""
            o.path = parent_path + str(o.pk).zfill(PATH_STEP) + "."
            existing[n.code] = (o.pk, o.path, depth)
        Organisation.objects.bulk_update(objs, ["path"], batch_size=1000)
        created += len(objs)
    org_ids = {code: v[0] for code, v in existing.items()}
    through = Organisation.locations.through
    links = [
        through(organisation_id=org_ids[n.code], location_id=loc_ids[c])
        for n in nodes
        for c in n.location_codes
    ]
    through.objects.bulk_create(links, ignore_conflicts=True, batch_size=1000)
    return org_ids, loc_ids, created


# --- rows -----------------------------------------------------------------------------------------------------


def _ascii(text: str) -> str:
    return (
        unicodedata.normalize("NFKD", text)
        .encode("ascii", "ignore")
        .decode()
        .lower()
        .replace(" ", "")
        .replace("'", "")
    )


def personnel_number(index: int) -> str:
    return f"G{index + 1:07d}"


def person_rows(rijk: GeneratedRijk) -> Iterator[tuple[str, str, str, str, dt.date, str, str, str]]:
    """(personnel number, first name, prefix, last name, birth date, gender, e-mail, location code) per person."""
    births = rijk.birth.astype("datetime64[D]").astype(object)
    for i in range(rijk.people):
        first = FEMALE[rijk.first_name[i]] if rijk.female[i] else MALE[rijk.first_name[i]]
        prefix, last = LAST[rijk.last_name[i]]
        email = f"{_ascii(first)}.{_ascii(prefix + last)}.{i + 1}@rijk.example"
        yield (
            personnel_number(i),
            first,
            prefix,
            last,
            births[i],
            "female" if rijk.female[i] else "male",
            email,
            rijk.location_codes[rijk.location[i]],
        )


def _date_strings(days: np.ndarray, *, open_end: bool = False) -> np.ndarray:
    out = days.astype("datetime64[D]").astype(str).astype(object)
    if open_end:  # -1 marks a record still running at the reference date
        out[days == -1] = None
    return out


def employment_columns(rijk: GeneratedRijk) -> dict[str, Any]:
    """Columns of the employment records as Python lists of model values."""
    fte = np.round(rijk.fte, 3)
    return {
        "person": rijk.person.tolist(),
        "organisation_code": [rijk.leaf_codes[i] for i in rijk.leaf.tolist()],
        "job_title": [rijk.titles[i] for i in rijk.title.tolist()],
        "job_family": [P.FAMILIES[i] for i in rijk.family.tolist()],
        "work_type": [WORK_TYPES[i] for i in rijk.work_type.tolist()],
        "occupation_uri": [rijk.occupations[i] for i in rijk.occupation.tolist()],
        "salary_scale": rijk.scale.tolist(),
        "fte": [f"{v:.3f}" for v in fte.tolist()],
        "contract_type": [P.CONTRACTS[i] for i in rijk.contract.tolist()],
        "start_date": _date_strings(rijk.start).tolist(),
        "end_date": _date_strings(rijk.end, open_end=True).tolist(),
        "end_reason": [P.END_REASONS[i] for i in rijk.end_reason.tolist()],
    }


# --- database -------------------------------------------------------------------------------------------------

PERSON_COLS = (
    "personnel_number",
    "first_name",
    "name_prefix",
    "last_name",
    "date_of_birth",
    "gender",
    "email",
    "work_location_id",
    "source",
    "created_at",
    "updated_at",
)
EMPLOYMENT_COLS = (
    "person_id",
    "organisation_id",
    "job_title",
    "job_family",
    "work_type",
    "occupation_id",
    "salary_scale",
    "fte",
    "contract_type",
    "start_date",
    "end_date",
    "end_reason",
    "source",
    "created_at",
)


def _tsv(value: object) -> str:
    if value is None:
        return "\\N"
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def _copy(cursor: Any, table: str, columns: tuple[str, ...], rows: Iterator[tuple[object, ...]]) -> None:
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with cursor.cursor.copy(sql) as copy:
        buf = io.StringIO()
        for n, row in enumerate(rows, 1):
            buf.write("\t".join(_tsv(v) for v in row))
            buf.write("\n")
            if n % 50_000 == 0:
                copy.write(buf.getvalue())
                buf = io.StringIO()
        copy.write(buf.getvalue())


def _insert(cursor: Any, table: str, columns: tuple[str, ...], rows: Iterator[tuple[object, ...]]) -> None:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
    batch: list[tuple[object, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= 20_000:
            cursor.executemany(sql, batch)
            batch = []
    if batch:
        cursor.executemany(sql, batch)


insert_rows = _insert  # also used by portfolios.loading


def load_generated(
    rijk: GeneratedRijk,
    nodes: list[CatalogueNode],
    *,
    occupation_ids: dict[str, int] | None = None,
    portfolios: bool = True,
) -> LoadResult:
    """Replace the generated people and employment records by ``rijk`` (one transaction).

    With ``portfolios`` the people in service also get synthetic portfolios (``portfolios.loading``); the
    portfolios of generated people are replaced either way."""
    import time

    from rijksportfolio.matching.changes import matching_rebuild_requested
    from rijksportfolio.portfolios.loading import generated_portfolios_clear, generated_portfolios_load

    t0 = time.perf_counter()
    pg = connection.vendor == "postgresql"
    person_table, emp_table = Person._meta.db_table, Employment._meta.db_table
    user_table, audit_table = get_user_model()._meta.db_table, AuditEvent._meta.db_table
    now = timezone.now()
    with transaction.atomic():
        org_ids, loc_ids, created = ensure_catalogue(nodes)
        t1 = time.perf_counter()
        with connection.cursor() as cur:
            if pg:
                # The ids written below come from maps read in this transaction, so the foreign keys hold by
                # construction; a superuser (the usual setup for generating test data) skips the per-row
                # deferred FK triggers, which otherwise dominate the load time. Others keep the checks.
                cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                if cur.fetchone()[0]:
                    cur.execute("SET LOCAL session_replication_role = replica")
            cur.execute(f"SELECT EXISTS (SELECT 1 FROM {emp_table} WHERE source <> %s)", [GENERATED])  # noqa: S608
            only_generated = not cur.fetchone()[0]
            # portfolio items refer to employment records: clear those first (or truncate them together)
            fresh = generated_portfolios_clear(cur, truncate_employment=pg and only_generated)
            if not fresh:
                cur.execute(f"DELETE FROM {emp_table} WHERE source = %s", [GENERATED])  # noqa: S608
            stage = "rpf_generated_person"
            cur.execute(f"DROP TABLE IF EXISTS {stage}")
            cur.execute(
                f"CREATE TEMPORARY TABLE {stage} (personnel_number varchar(20), first_name varchar(100), "
                "name_prefix varchar(20), last_name varchar(100), date_of_birth date, gender varchar(10), "
                "email varchar(254), work_location_id integer, source varchar(10), created_at timestamp with time zone, "
                "updated_at timestamp with time zone)"
            )
            rows = (
                (
                    pn,
                    fn,
                    pf,
                    ln,
                    b.isoformat(),
                    g,
                    e,
                    loc_ids[lc],
                    GENERATED,
                    now.isoformat(),
                    now.isoformat(),
                )
                for pn, fn, pf, ln, b, g, e, lc in person_rows(rijk)
            )
            (_copy if pg else _insert)(cur, stage, PERSON_COLS, rows)
            cur.execute(f"CREATE INDEX {stage}_pn ON {stage} (personnel_number)")
            sets = ", ".join(
                f"{c} = s.{c}" for c in PERSON_COLS if c not in ("personnel_number", "created_at", "source")
            )
            changed = " OR ".join(
                f"{person_table}.{c} IS DISTINCT FROM s.{c}"
                for c in PERSON_COLS
                if c not in ("personnel_number", "created_at", "updated_at", "source")
            )
            cur.execute(
                f"UPDATE {person_table} SET {sets} FROM {stage} s "  # noqa: S608
                f"WHERE {person_table}.personnel_number = s.personnel_number AND {person_table}.source = %s "
                f"AND ({changed})",
                [GENERATED],
            )
            cols = ", ".join(PERSON_COLS)
            cur.execute(
                f"INSERT INTO {person_table} ({cols}) SELECT {cols} FROM {stage} s "  # noqa: S608
                f"WHERE NOT EXISTS (SELECT 1 FROM {person_table} p WHERE p.personnel_number = s.personnel_number)"
            )
            cur.execute(
                f"DELETE FROM {person_table} WHERE source = %s "  # noqa: S608
                f"AND NOT EXISTS (SELECT 1 FROM {stage} s WHERE s.personnel_number = {person_table}.personnel_number) "
                f"AND NOT EXISTS (SELECT 1 FROM {emp_table} e WHERE e.person_id = {person_table}.id) "
                f"AND NOT EXISTS (SELECT 1 FROM {user_table} u WHERE u.person_id = {person_table}.id) "
                f"AND NOT EXISTS (SELECT 1 FROM {audit_table} a WHERE a.subject_person_id = {person_table}.id)",
                [GENERATED],
            )
            cur.execute(f"DROP TABLE {stage}")
            cur.execute(f"SELECT personnel_number, id FROM {person_table} WHERE source = %s", [GENERATED])  # noqa: S608
            person_ids = dict(cur.fetchall())
        t2 = time.perf_counter()
        ids = np.array([person_ids.get(personnel_number(i), 0) for i in range(rijk.people)], dtype=np.int64)
        cols_e = employment_columns(rijk)
        occ = occupation_ids or {}
        occ_col = [occ.get(u) for u in cols_e["occupation_uri"]]
        org_col = [org_ids[c] for c in cols_e["organisation_code"]]
        pid = ids[rijk.person].tolist()
        ts = now.isoformat()
        rows_e = zip(
            pid,
            org_col,
            cols_e["job_title"],
            cols_e["job_family"],
            cols_e["work_type"],
            occ_col,
            cols_e["salary_scale"],
            cols_e["fte"],
            cols_e["contract_type"],
            cols_e["start_date"],
            cols_e["end_date"],
            cols_e["end_reason"],
            [GENERATED] * rijk.records,
            [ts] * rijk.records,
            strict=True,
        )
        with connection.cursor() as cur:
            (_copy if pg else _insert)(cur, emp_table, EMPLOYMENT_COLS, rows_e)
        if pg:
            with connection.cursor() as cur:
                cur.execute(f"ANALYZE {person_table}")
                cur.execute(f"ANALYZE {emp_table}")
        t3 = time.perf_counter()
        loaded = None
        if portfolios:
            with connection.cursor() as cur:
                loaded = generated_portfolios_load(
                    cur, rijk=rijk, nodes=nodes, person_ids=ids, occupation_ids=occ, now=now, fresh=fresh
                )
        matching_rebuild_requested()  # every matching index is rebuilt in full before its next search
        t4 = time.perf_counter()
    return LoadResult(
        people=rijk.people,
        employments=rijk.records,
        organisations_created=created,
        occupations_linked=bool(occ),
        seconds_catalogue=t1 - t0,
        seconds_people=t2 - t1,
        seconds_employments=t3 - t2,
        portfolios=loaded.portfolios if loaded else 0,
        portfolio_items=loaded.items if loaded else 0,
        portfolio_skills=loaded.skills if loaded else 0,
        seconds_portfolios=t4 - t3,
        seconds_portfolios_draw=loaded.seconds_generate if loaded else 0.0,
    )


def write_hr_csv(rijk: GeneratedRijk, stream: Any) -> int:
    """Write the generated persons and employment records in the HR import format (``people.hr_csv``)."""
    from rijksportfolio.people.hr_csv import HrRecord, hr_csv_write

    persons = list(person_rows(rijk))
    cols = employment_columns(rijk)

    def records() -> Iterator[HrRecord]:
        for k in range(rijk.records):
            pn, fn, pf, ln, birth, gender, email, loc = persons[cols["person"][k]]
            end = cols["end_date"][k]
            yield HrRecord(
                personnel_number=pn,
                first_name=fn,
                name_prefix=pf,
                last_name=ln,
                date_of_birth=birth,
                gender=gender,
                email=email,
                location_code=loc,
                organisation_code=cols["organisation_code"][k],
                job_title=cols["job_title"][k],
                job_family=cols["job_family"][k],
                work_type=cols["work_type"][k],
                salary_scale=cols["salary_scale"][k],
                fte=Decimal(cols["fte"][k]),
                contract_type=cols["contract_type"][k],
                start_date=dt.date.fromisoformat(cols["start_date"][k]),
                end_date=dt.date.fromisoformat(end) if end else None,
                end_reason=cols["end_reason"][k],
                occupation_uri=cols["occupation_uri"][k],
            )

    return hr_csv_write(records(), stream)


# --- entry points (used by `generate`, `bench generate` and `demo`) -------------------------------------------


def generated_rijk_create(
    *, people: int, seed: int, reference_date: dt.date
) -> tuple[GeneratedRijk, list[CatalogueNode]]:
    """Generate (in memory, no database) a Rijk over the organisation catalogue."""
    from rijksportfolio.domain.generator import generate
    from rijksportfolio.organisations.data import build_catalogue, generator_units

    nodes = build_catalogue()
    return generate(
        units=generator_units(nodes), people=people, seed=seed, reference_date=reference_date
    ), nodes


def occupation_ids_for(rijk: GeneratedRijk) -> dict[str, int]:
    """ESCO occupation ids by URI for the generator's catalogue; empty when the taxonomy is not loaded."""
    from rijksportfolio.skills.models import Occupation

    return dict(Occupation.objects.filter(uri__in=rijk.occupations).values_list("uri", "id"))


def generated_rijk_load(
    *, rijk: GeneratedRijk, nodes: list[CatalogueNode], portfolios: bool = True
) -> LoadResult:
    return load_generated(rijk, nodes, occupation_ids=occupation_ids_for(rijk), portfolios=portfolios)


def generated_rijk_write_csv(*, rijk: GeneratedRijk, path: str) -> int:
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        return write_hr_csv(rijk, stream)
