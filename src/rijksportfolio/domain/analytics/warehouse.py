# SPDX-License-Identifier: EUPL-1.2
"""The analytical store in DuckDB: the Parquet files of the employment history loaded into an in-process
database, with every peildatum-independent derivation done once at load (docs/analytics-store.md).

Tables (day numbers are days since 1970-01-01 as INTEGER; an open end is ``OPEN``; the categorical columns are
dictionary-coded ENUMs with their values in sorted order, so that grouping and filtering compare small integers;
years and scales are SMALLINT):

``org``     the organisation tree, with ``top_id`` (nearest ancestor-or-self with a sector category, else the
            root), ``ministry_id`` (the root), ``rank``/``last_rank`` (pre-order position: a subtree is the
            range ``rank BETWEEN lo AND hi``) and ``a0`` … ``a{MAX_DEPTH}`` (the ancestor at each depth).
``person``  date of birth as ``birth`` (day), ``birth_year``, ``birth_md`` (month * 100 + day), the state-pension
            date ``aow`` (day; ``domain/aow.py``), gender, work location's province and municipality.
``dup``     pairs of a person's personnel records that overlap in time (see ``_DUP_SQL``).
``rec``     every employment record with its organisation's ``rank``, ``top_id``, ``ministry_id`` and ``a0``,
            day numbers ``s`` and ``e``, ``personnel`` (contract type not external), ``pri`` (the forecast's
            contract priority: permanent 0, secondment 1, else 2) and, for personnel records, the
            continuity of docs/workforce-figures.md: ``arrival`` ('inflow', 'within', 'between' or NULL for
            no event), ``from_ministry`` (for a move between ministries: the ministry of the latest record
            running the day before), ``from_rank`` (for a move: that record's organisation rank), ``exit_cat``
            (outflow category when no personnel record of the person runs the day after, else NULL),
            ``spell_e`` and ``spell_cat`` (the end of the person's unbroken presence in the Rijk that
            contains the record, and its outflow category), the person's ``birth``, ``aow``, ``birth_year``,
            ``birth_md``, ``gender``, ``province`` and ``municipality`` (copied: the panels need no join),
            ``position_start`` (first day of the unbroken run of records at the same node with the same job:
            time in the current job) and ``secondment_start`` (first day of the unbroken run of secondment
            records of the person). To count persons without ``COUNT(DISTINCT)`` in any scope:
            ``arr_single`` / ``arr_several`` (the record's arrival is its person's only one of that kind in
            its year / one of several) and ``exit_single`` / ``exit_several`` (likewise for outflow in the year
            of its end): a record that is the only one counts as it is, only the rare others need a distinct
            count. For the starter cohorts: ``inflow`` and ``stay1``, ``stay2``, ``stay5`` (the person is in
            the Rijk on the same day 1, 2, 5 years after the record's start). Rows in order of ``e``: the
            records running on a day lie in the row groups that do not all end before it.

Continuity flags do not depend on the peildatum: a record known at a peildatum has all its predecessors known
too (they start earlier), and an outflow before the peildatum's year is decided by records that start on or
before the peildatum.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from bisect import bisect_left
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from rijksportfolio.domain.aow import aow_dates

WAREHOUSE_FILE = "warehouse.duckdb"
# The layout of the derived tables: a warehouse file of another schema (written by an earlier release) is not
# used; ``from_store`` builds the tables in memory until the next ``workforce refresh`` writes the file anew.
SCHEMA = 2
# Rows per row group of the warehouse file (DuckDB's default: 122,880). ``rec`` is stored in order of the records'
# ends: a query of the records running on a day skips, by the row groups' min/max, the groups that all ended
# before it; smaller groups skip more (and split the work finer between threads).
ROW_GROUP_SIZE = 16_384
DERIVED = (
    "org",
    "person",
    "rec",
    "dup",
)  # the tables of a warehouse (the ENUM types travel with their columns)
OPEN = 2_000_000_000  # day number of a running record's end
MAX_DEPTH = 7
COHORT_YEARS = (1, 2, 5)  # starters still in the Rijk this many years after their start
# Outflow categories of the figures by end reason (anything else, or no reason: "other").
OUTFLOW = ("state_pension", "own_request", "end_of_contract", "other")
_EXIT_CAT = (
    "CASE r.end_reason WHEN 'state_pension' THEN 'state_pension' WHEN 'own_request' THEN 'own_request' "
    "WHEN 'end_of_contract' THEN 'end_of_contract' WHEN 'end_of_secondment' THEN 'end_of_contract' "
    "ELSE 'other' END"
)


def day_number(value: dt.date) -> int:
    return (value - dt.date(1970, 1, 1)).days


def _org_table(orgs: pa.Table) -> pa.Table:
    """Derived columns of the tree (a few thousand rows: plain Python)."""
    rows = orgs.to_pylist()
    rows.sort(key=lambda r: r["path"])
    by_path = {r["path"]: r for r in rows}
    paths = [r["path"] for r in rows]
    out: dict[str, list[Any]] = {
        k: []
        for k in (
            "id",
            "code",
            "name",
            "kind",
            "sector_category",
            "parent_id",
            "path",
            "depth",
            "top_id",
            "ministry_id",
            "rank",
            "last_rank",
            *tuple(f"a{d}" for d in range(MAX_DEPTH + 1)),
        )
    }
    for rank, r in enumerate(rows):
        path, depth = r["path"], int(r["depth"])
        step = len(path) // (depth + 1) if path else 1
        chain = [by_path.get(path[: step * (i + 1)]) for i in range(depth + 1)]  # root first, self last
        known = [c for c in chain if c is not None] or [r]
        top = next((c for c in reversed(known) if c["sector_category"]), known[0])
        for k in ("id", "code", "name", "kind", "sector_category", "parent_id", "path", "depth"):
            out[k].append(r[k])
        out["top_id"].append(top["id"])
        out["ministry_id"].append(known[0]["id"])
        out["rank"].append(rank)
        out["last_rank"].append(bisect_left(paths, path + "\uffff") - 1)
        for d in range(MAX_DEPTH + 1):
            c = chain[d] if d < len(chain) else None
            out[f"a{d}"].append(c["id"] if c is not None else None)
    return pa.table(out)


def _person_arrow(people: pa.Table) -> pa.Table:
    """Day numbers of the dates of birth and the state-pension dates (numpy: ``domain/aow.py``)."""
    birth = people["date_of_birth"].cast(pa.int32()).to_numpy(zero_copy_only=False).astype(np.int64)
    dates = birth.astype("datetime64[D]")
    year = dates.astype("datetime64[Y]").astype(np.int64) + 1970
    month = dates.astype("datetime64[M]").astype(np.int64) % 12 + 1
    day = (dates - dates.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1
    return pa.table(
        {
            "id": people["id"],
            "birth": birth.astype(np.int32),
            "birth_year": year.astype(np.int16),
            "birth_md": (month * 100 + day).astype(np.int16),
            "aow": aow_dates(birth).astype(np.int32),
            "gender": people["gender"],
            "work_location_id": people["work_location_id"],
        }
    )


# Dictionary-coded (ENUM) types of the categorical columns: grouping and filtering on them compare small integers
# instead of strings. The values are sorted, so ordering by an ENUM column orders by its text. Comparing with a
# text that is not a value is simply false.
_ENUM_VALUES = {
    "job_family_t": "SELECT job_family FROM emp",
    "work_type_t": "SELECT work_type FROM emp",
    "contract_t": "SELECT contract_type FROM emp",
    "gender_t": "SELECT gender FROM people_raw",
    "province_t": "SELECT '' UNION ALL SELECT province FROM locs_raw",
    "municipality_t": "SELECT '' UNION ALL SELECT municipality FROM locs_raw",
}
ARRIVALS = ("between", "inflow", "within")

# The contract priority of the forecast's contract group: a person with several records takes permanent (0) over
# secondment (1) over the rest (2).
_PRI_SQL = "CASE {c} WHEN 'permanent' THEN 0 WHEN 'secondment' THEN 1 ELSE 2 END"

_PERSON_SQL = """
CREATE OR REPLACE TABLE person AS
SELECT p.id, p.birth, p.birth_year, p.birth_md, p.aow, CAST(p.gender AS gender_t) AS gender,
    CAST(CASE WHEN l.id IS NULL THEN '' ELSE l.province END AS province_t) AS province,
    CAST(CASE WHEN l.id IS NULL THEN '' ELSE l.municipality END AS municipality_t) AS municipality
FROM person_arrow p LEFT JOIN locs_raw l ON l.id = p.work_location_id
ORDER BY p.id
"""

_REC_SQL = f"""
CREATE OR REPLACE TABLE rec AS
WITH base AS (
    SELECT e.id, e.person_id, e.organisation_id AS org_id, o.rank, o.top_id, o.ministry_id, o.a0,
           e.job_title, CAST(e.job_family AS job_family_t) AS job_family,
           CAST(e.work_type AS work_type_t) AS work_type, CAST(e.salary_scale AS SMALLINT) AS scale, e.fte,
           CAST(e.contract_type AS contract_t) AS contract, e.end_reason,
           CAST(e.start_date - DATE '1970-01-01' AS INTEGER) AS s,
           CAST(coalesce(e.end_date - DATE '1970-01-01', {OPEN}) AS INTEGER) AS e,
           e.contract_type <> 'external' AS personnel
    FROM emp e JOIN org o ON o.id = e.organisation_id
),
p AS (SELECT * FROM base WHERE personnel),
pairs AS (
    SELECT a.id,
        bool_or(b.s < a.s AND b.e >= a.s - 1) AS has_pred,
        bool_or(b.s < a.s AND b.e >= a.s - 1 AND b.top_id = a.top_id) AS pred_same_top,
        bool_or(b.s < a.s AND b.e >= a.s - 1 AND b.org_id = a.org_id AND b.job_title = a.job_title)
            AS pred_same_position,
        bool_or(b.s < a.s AND b.e >= a.s - 1 AND b.ministry_id = a.ministry_id) AS pred_same_ministry,
        arg_max(b.ministry_id, b.s) FILTER (WHERE b.s < a.s AND b.e >= a.s - 1) AS pred_ministry,
        arg_max(b.rank, b.s) FILTER (WHERE b.s < a.s AND b.e >= a.s - 1) AS pred_rank,
        bool_or(a.e < {OPEN} AND b.s <= a.e + 1 AND b.e >= a.e + 1) AS has_succ
    FROM p a JOIN p b ON a.person_id = b.person_id AND a.id <> b.id
    GROUP BY a.id
),
pos AS (  -- runs of records at the same node with the same job (gaps and islands)
    SELECT id, person_id, org_id, job_title, s,
        sum(CASE WHEN s <= prev_e + 1 THEN 0 ELSE 1 END)
            OVER (PARTITION BY person_id, org_id, job_title ORDER BY s, id) AS island
    FROM (SELECT id, person_id, org_id, job_title, s,
            max(e) OVER (PARTITION BY person_id, org_id, job_title ORDER BY s, id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
          FROM p)
),
spell AS (  -- unbroken presence in the Rijk (personnel records of a person, adjacent or overlapping)
    SELECT id, person_id, e, sum(CASE WHEN s <= prev_e + 1 THEN 0 ELSE 1 END)
            OVER (PARTITION BY person_id ORDER BY s, id) AS island
    FROM (SELECT id, person_id, s, e,
            max(e) OVER (PARTITION BY person_id ORDER BY s, id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
          FROM p)
),
sec AS (  -- runs of secondment records of a person
    SELECT id, sum(CASE WHEN s <= prev_e + 1 THEN 0 ELSE 1 END)
            OVER (PARTITION BY person_id ORDER BY s, id) AS island, person_id, s
    FROM (SELECT id, person_id, s,
            max(e) OVER (PARTITION BY person_id ORDER BY s, id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
          FROM p WHERE contract = 'secondment')
)
SELECT r.*,
    CAST({_PRI_SQL.format(c="r.contract")} AS TINYINT) AS pri,
    CAST(year(DATE '1970-01-01' + r.s) AS SMALLINT) AS s_year,
    CAST(CASE WHEN r.e < {OPEN} THEN year(DATE '1970-01-01' + r.e) END AS SMALLINT) AS e_year,
    CAST(CASE WHEN NOT r.personnel THEN NULL
         WHEN NOT coalesce(f.has_pred, false) THEN 'inflow'
         WHEN f.pred_same_position THEN NULL
         WHEN f.pred_same_top THEN 'within'
         ELSE 'between' END AS arrival_t) AS arrival,
    CASE WHEN r.personnel AND coalesce(f.has_pred, false) AND NOT f.pred_same_position
              AND NOT f.pred_same_ministry THEN f.pred_ministry END AS from_ministry,
    CASE WHEN r.personnel AND coalesce(f.has_pred, false) AND NOT f.pred_same_position THEN f.pred_rank END
        AS from_rank,
    CAST(CASE WHEN r.personnel AND r.e < {OPEN} AND NOT coalesce(f.has_succ, false) THEN {_EXIT_CAT} END
        AS outflow_t) AS exit_cat,
    CAST(min(pos.s) OVER (PARTITION BY pos.person_id, pos.org_id, pos.job_title, pos.island) AS INTEGER)
        AS position_start,
    CAST(min(sec.s) OVER (PARTITION BY sec.person_id, sec.island) AS INTEGER) AS secondment_start,
    CAST(max(sp.e) OVER (PARTITION BY sp.person_id, sp.island) AS INTEGER) AS spell_e
FROM base r
LEFT JOIN pairs f ON f.id = r.id
LEFT JOIN spell sp ON sp.id = r.id
LEFT JOIN pos ON pos.id = r.id
LEFT JOIN sec ON sec.id = r.id
"""

_COHORT_DAYS = ", ".join(
    f"CAST(CAST(DATE '1970-01-01' + s + INTERVAL {n} YEAR AS DATE) - DATE '1970-01-01' AS INTEGER) AS d{n}"
    for n in COHORT_YEARS
)
_STAYS = ", ".join(f"bool_or(q.s <= i.d{n} AND q.e >= i.d{n}) AS stay{n}" for n in COHORT_YEARS)

# The person's attributes copied onto every record (the panels need no join), the exit category at the end of
# each record's spell (the exit record ending it: the last one, ties by FTE), the single/several flags and the
# starters' stays (see the module docstring). A stay is decided by any personnel record of the person: whether
# its day lies after a peildatum the panel decides (then the records starting after the peildatum do not matter).
_REC_SPELL_SQL = f"""
CREATE OR REPLACE TABLE rec AS
WITH firsts AS (
    SELECT id, count(*) OVER (PARTITION BY person_id, s_year, arrival) = 1 AS arr_single
    FROM rec WHERE arrival IS NOT NULL
),
lasts AS (
    SELECT id, count(*) OVER (PARTITION BY person_id, e_year) = 1 AS exit_single FROM rec WHERE exit_cat IS NOT NULL
),
inflow AS (SELECT id, person_id, {_COHORT_DAYS} FROM rec WHERE arrival = 'inflow'),
stays AS (
    SELECT i.id, {_STAYS}
    FROM inflow i JOIN rec q ON q.person_id = i.person_id AND q.personnel GROUP BY i.id
)
SELECT r.*, x.cat AS spell_cat, pp.birth, pp.aow, pp.birth_year, pp.birth_md, pp.gender, pp.province,
    pp.municipality, coalesce(r.arrival = 'inflow', false) AS inflow,
    coalesce(fi.arr_single, false) AS arr_single, coalesce(NOT fi.arr_single, false) AS arr_several,
    coalesce(la.exit_single, false) AS exit_single, coalesce(NOT la.exit_single, false) AS exit_several,
    {", ".join(f"st.stay{n}" for n in COHORT_YEARS)}
FROM rec r
JOIN person pp ON pp.id = r.person_id
LEFT JOIN (SELECT person_id, e, arg_max(exit_cat, fte) AS cat FROM rec WHERE exit_cat IS NOT NULL
           GROUP BY ALL) x ON x.person_id = r.person_id AND x.e = r.spell_e AND r.spell_e < {OPEN}
LEFT JOIN firsts fi ON fi.id = r.id
LEFT JOIN lasts la ON la.id = r.id
LEFT JOIN stays st ON st.id = r.id
ORDER BY r.e, r.s
"""

# Pairs of personnel records of one person that run at the same time (few: people with two jobs). On a day in
# [ov_s, ov_e] with both in scope, the pair's loser is not its person's main record (largest FTE, then
# earliest start, then lowest id): headcount = running records in scope minus their distinct losers, with no
# COUNT(DISTINCT) over all records. ``a_pri``/``b_pri``: the contract priority of the forecast's contract
# group (permanent 0, secondment 1, else 2).
_DUP_SQL = """
CREATE OR REPLACE TABLE dup AS
SELECT a.person_id, greatest(a.s, b.s) AS ov_s, least(a.e, b.e) AS ov_e,
    CASE WHEN a.fte > b.fte OR (a.fte = b.fte AND (a.s < b.s OR (a.s = b.s AND a.id < b.id)))
         THEN b.id ELSE a.id END AS loser,
    a.id AS a_id, a.rank AS a_rank, a.job_family AS a_job_family, a.scale AS a_scale, a.contract AS a_contract,
    a.pri AS a_pri,
    b.id AS b_id, b.rank AS b_rank, b.job_family AS b_job_family, b.scale AS b_scale, b.contract AS b_contract,
    b.pri AS b_pri
FROM rec a JOIN rec b ON a.person_id = b.person_id AND a.id < b.id AND a.s <= b.e AND b.s <= a.e
WHERE a.personnel AND b.personnel
"""


class Warehouse:
    """An in-process DuckDB database with the derived tables above, loaded from a store folder
    (``from_store``) or from Arrow tables (``from_tables``: the tests). ``cursor()`` gives each thread its own
    cursor on the same data."""

    def __init__(
        self,
        db: duckdb.DuckDBPyConnection,
        *,
        version: Any = None,
        folder: Path | None = None,
        derive: bool = True,
    ) -> None:
        """``db`` holds the raw tables ``orgs_raw``, ``locs_raw``, ``people_raw`` and ``emp`` (``derive``), or
        the derived tables already (a warehouse file written by ``build_file``)."""
        began = time.perf_counter()
        self.version = version
        self.folder = folder
        self.db = db
        # per-warehouse values of the whole Rijk: attrition rates, history start, timeline, organisation ranks
        self.cache: dict[Any, Any] = {}
        if derive:
            self._derive(db)
        self.load_seconds = time.perf_counter() - began

    @staticmethod
    def _derive(db: duckdb.DuckDBPyConnection) -> None:
        for name, values in _ENUM_VALUES.items():
            db.execute(
                f"CREATE TYPE {name} AS ENUM (SELECT DISTINCT v FROM ({values}) t(v) WHERE v IS NOT NULL ORDER BY 1)"
            )
        db.execute(f"CREATE TYPE arrival_t AS ENUM ({', '.join(repr(a) for a in ARRIVALS)})")
        db.execute(f"CREATE TYPE outflow_t AS ENUM ({', '.join(repr(c) for c in sorted(OUTFLOW))})")
        org = _org_table(db.sql("SELECT * FROM orgs_raw").to_arrow_table())
        person = _person_arrow(db.sql("SELECT * FROM people_raw").to_arrow_table())
        db.register("org_arrow", org)
        db.register("person_arrow", person)
        db.execute("CREATE OR REPLACE TABLE org AS SELECT * FROM org_arrow")
        db.execute(_PERSON_SQL)
        db.unregister("org_arrow")
        db.unregister("person_arrow")
        db.execute(_REC_SQL)
        db.execute(_REC_SPELL_SQL)
        db.execute(_DUP_SQL)
        for raw in ("orgs_raw", "locs_raw", "people_raw", "emp"):
            db.execute(f"DROP TABLE IF EXISTS {raw}")

    @staticmethod
    def _connect(
        threads: int | None, path: str = ":memory:", read_only: bool = False
    ) -> duckdb.DuckDBPyConnection:
        """One thread by default (``RPF_ANALYTICS_THREADS``): on a shared two-core machine DuckDB's parallel plans
        were 2–4× slower, and a web process runs its requests side by side anyway."""
        db = duckdb.connect(path, read_only=read_only)
        db.execute("SET enable_progress_bar = false")
        db.execute(f"SET threads = {int(threads or 1)}")
        return db

    @classmethod
    def from_tables(
        cls,
        *,
        organisations: pa.Table,
        locations: pa.Table,
        people: pa.Table,
        employments: pa.Table,
        threads: int | None = None,
    ) -> Warehouse:
        db = cls._connect(threads)
        for name, table in (
            ("orgs_raw", organisations),
            ("locs_raw", locations),
            ("people_raw", people),
            ("emp", employments),
        ):
            db.register(f"{name}_arrow", table)
            db.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_arrow")
            db.unregister(f"{name}_arrow")
        return cls(db)

    @classmethod
    def from_store(cls, folder: Path | str, *, threads: int | None = None) -> Warehouse:
        """The warehouse of a store folder (``workforce.store``): its warehouse file when that is of the
        manifest's version (opened read-only: near-instant, shared by processes), else the Parquet files read
        with DuckDB and the derived tables built in memory."""
        folder = Path(folder)
        manifest = json.loads((folder / "manifest.json").read_text())
        version = manifest.get("version")
        path = folder / WAREHOUSE_FILE
        if path.exists():
            db = cls._connect(threads, str(path), read_only=True)
            try:
                rows = db.execute("SELECT version, schema FROM meta").fetchall()
            except duckdb.Error:  # a file of the first schema: no schema column
                rows = []
            if rows and rows[0] == (version, SCHEMA):
                return cls(db, version=version, folder=folder, derive=False)
            db.close()
        db = cls._connect(threads)
        cls._read_parquet(db, folder)
        return cls(db, version=version, folder=folder)

    @classmethod
    def build_file(cls, folder: Path | str, *, version: Any, threads: int | None = None) -> Path:
        """Write the derived tables of the store's Parquet files to ``WAREHOUSE_FILE`` (next to its final
        name, then renamed into place), stamped with ``version``."""
        folder = Path(folder)
        tmp = folder / (WAREHOUSE_FILE + ".tmp")
        tmp.unlink(missing_ok=True)
        db = cls._connect(threads)
        cls._read_parquet(db, folder)
        cls._derive(db)  # in memory: only the final tables are written
        path = str(tmp).replace("'", "''")
        db.execute(f"ATTACH '{path}' AS built (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        for table in DERIVED:
            db.execute(f"CREATE TABLE built.{table} AS SELECT * FROM memory.{table}")
        db.execute("CREATE TABLE built.meta AS SELECT ? AS version, ? AS schema", [version, SCHEMA])
        db.execute("DETACH built")
        db.close()
        os.replace(tmp, folder / WAREHOUSE_FILE)
        return folder / WAREHOUSE_FILE

    @staticmethod
    def _read_parquet(db: duckdb.DuckDBPyConnection, folder: Path) -> None:
        for name, pattern in (
            ("orgs_raw", "organisations.parquet"),
            ("locs_raw", "locations.parquet"),
            ("people_raw", "people/part-*.parquet"),
            ("emp", "employments/part-*.parquet"),
        ):
            files = [str(f) for f in sorted(folder.glob(pattern))]
            if not files:
                raise FileNotFoundError(f"analytical store incomplete: no {pattern} in {folder}")
            db.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)", [files])

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.db.cursor()

    def org(self, org_id: int) -> dict[str, Any] | None:
        key = ("org", org_id)
        if key in self.cache:
            return self.cache[key]  # type: ignore[no-any-return]
        rows = (
            self.cursor()
            .execute("SELECT id, code, name, path, depth, rank, last_rank FROM org WHERE id = ?", [org_id])
            .fetchall()
        )
        if not rows:
            return None
        row = rows[0]
        keys = ("id", "code", "name", "path", "depth", "rank", "last_rank")
        self.cache[key] = dict(zip(keys, row, strict=True))
        return self.cache[key]  # type: ignore[no-any-return]
