# SPDX-License-Identifier: EUPL-1.2
"""Reads for the workforce figures: the employment history as plain arrays for
``rijksportfolio.domain.analytics.workforce`` (see docs/workforce-figures.md)."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connections
from django.db.models import F, FloatField, Func, IntegerField, QuerySet, Value
from django.db.models.functions import Cast, Coalesce

from rijksportfolio.domain.analytics import panels
from rijksportfolio.domain.analytics.panels import Scope
from rijksportfolio.domain.analytics.warehouse import Warehouse
from rijksportfolio.domain.analytics.workforce import CONTRACTS, END_REASONS, OPEN_END, WorkforceData, figures
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.constants import ContractType
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.people.selectors import employments_current
from rijksportfolio.workforce import store
from rijksportfolio.workforce.models import DiversityGoal, IctFormation


class EpochDays(Func):
    """A date as its day number (days since 1970-01-01), computed by the database: converting hundreds of
    thousands of ``datetime.date`` objects in Python is the slow part of extracting the history."""

    output_field = IntegerField()
    template = "(%(expressions)s - DATE '1970-01-01')"

    def as_sqlite(self, compiler, connection, **extra_context):  # type: ignore[no-untyped-def]
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) - 2440587.5 AS INTEGER)",
            **extra_context,
        )


def top_level_organisations() -> dict[int, int]:
    """Organisation id -> id of its top-level organisation: the nearest ancestor-or-self with a sector category
    (a ministry's core department or one of its agencies, inspectorates, shared-service organisations); a tree
    without any sector category falls back to its root."""
    orgs = list(Organisation.objects.values_list("id", "path", "depth", "sector_category"))
    by_path = {path: (pk, category) for pk, path, _, category in orgs}
    out: dict[int, int] = {}
    for pk, path, depth, _category in orgs:
        step = len(path) // (depth + 1) if path else 1
        prefixes = [path[: step * i] for i in range(depth + 1, 0, -1)]  # self first, root last
        known = [by_path[p] for p in prefixes if p in by_path]
        top = next((o for o, c in known if c), known[-1][0] if known else pk)
        out[pk] = top
    return out


def _columns(queryset: QuerySet[Any], width: int) -> list[tuple[Any, ...]]:
    """The columns of a ``values_list`` query. It runs as the ORM compiles it, but without the ORM's per-row
    value converters (every value here is already an int, float or str), which would double the time."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        data = cursor.fetchall()
    return list(zip(*data, strict=True)) if data else [()] * width


def workforce_data(*, organisation: Organisation | None = None) -> WorkforceData:
    """All persons and employment records; with ``organisation``, records in its subtree are marked in scope."""
    tops = top_level_organisations()
    people = Person.objects.order_by("id").values_list("id", EpochDays(F("date_of_birth")))
    pid, birth = (np.array(col, dtype=np.int64) for col in _columns(people, 2))
    records = Employment.objects.order_by().values_list(
        "person_id",
        "organisation_id",
        "job_title",
        "contract_type",
        Cast("fte", FloatField()),
        EpochDays(F("start_date")),
        Coalesce(EpochDays(F("end_date")), Value(OPEN_END)),
        "end_reason",
    )
    person_ids, org, title, contract, fte, start, end, reason = _columns(records, 8)
    jobs: dict[str, int] = {}
    contract_code = {c: i for i, c in enumerate(CONTRACTS)}
    reason_code = {r: i for i, r in enumerate(END_REASONS)}
    org_arr = np.array(org, dtype=np.int64)
    in_scope = None
    if organisation is not None:
        subtree = np.array(
            Organisation.objects.filter(path__startswith=organisation.path).values_list("id", flat=True),
            dtype=np.int64,
        )
        in_scope = np.isin(org_arr, subtree)
    return WorkforceData(
        birth=birth,
        person=np.searchsorted(pid, np.array(person_ids, dtype=np.int64)).astype(np.int64),
        start=np.array(start, dtype=np.int64),
        end=np.array(end, dtype=np.int64),
        fte=np.array(fte, dtype=np.float64),
        contract=np.array([contract_code[c] for c in contract], dtype=np.int64),
        end_reason=np.array([reason_code.get(r, reason_code["other"]) for r in reason], dtype=np.int64),
        node=org_arr,
        top=np.array([tops[o] for o in org], dtype=np.int64),
        job=np.array([jobs.setdefault(t, len(jobs)) for t in title], dtype=np.int64),
        in_scope=in_scope,
    )


_warehouse_lock = threading.Lock()
_warehouse: Warehouse | None = None


def warehouse() -> Warehouse:
    """The analytical store loaded into DuckDB, kept per process and reloaded when a refresh wrote a new
    version (the manifest). Without a store yet, a full refresh builds it first."""
    global _warehouse
    with _warehouse_lock:
        manifest = store.read_manifest()
        if manifest is None:
            store.refresh(full=True)
            manifest = store.read_manifest()
        version = (manifest or {}).get("version")
        if _warehouse is None or _warehouse.version != version or _warehouse.folder != store.store_dir():
            _warehouse = Warehouse.from_store(store.store_dir(), threads=settings.ANALYTICS_THREADS)
        return _warehouse


def scope_for(organisation: Organisation | None = None, **filters: Any) -> Scope:
    return Scope(organisations=(organisation.pk,) if organisation is not None else (), **filters)


def workforce_figures(*, peildatum: dt.date, organisation: Organisation | None = None) -> dict[str, Any]:
    """The key figures of docs/workforce-figures.md as of ``peildatum`` for the Rijk or one organisation,
    computed on the analytical store (``domain.analytics.panels.figures``)."""
    return panels.figures(warehouse(), peildatum, scope_for(organisation))


def workforce_figures_numpy(
    *, peildatum: dt.date, organisation: Organisation | None = None
) -> dict[str, Any]:
    """The same figures by the earlier numpy engine straight from the database (a cross-check; it reports
    the years before the history starts as zeros instead of None)."""
    return figures(workforce_data(organisation=organisation), peildatum)


# --- Vaardigheden: the population of an organisation subtree and its units ---------------------------------


def unit_path(path: str, scope_path: str) -> str:
    """The path of the organisation one level below the scope (``scope_path``; "" for the Rijk: the top-level
    organisation) that contains the organisation at ``path``; the scope itself for people at its own node."""
    parts = [p for p in path.split(".") if p]
    depth = len([p for p in scope_path.split(".") if p])
    return ".".join(parts[: depth + 1]) + "." if parts else ""


def personnel_in_scope(*, organisation: Organisation | None, on: dt.date) -> QuerySet[Employment]:
    """Personnel records (not external hires) running on ``on`` in the organisation's subtree (None: the
    Rijk), as the workforce figures count personnel."""
    records = employments_current(on=on).exclude(contract_type=ContractType.EXTERNAL)
    if organisation is not None:
        # the subtree resolved to ids first: PostgreSQL underestimates a path prefix by orders of magnitude
        # and would loop per organisation (docs/performance.md, "Finding colleagues")
        subtree = list(
            Organisation.objects.filter(path__startswith=organisation.path).values_list("id", flat=True)
        )
        records = records.filter(organisation_id__in=subtree)
    return records


def personnel_units(*, organisation: Organisation | None, on: dt.date) -> dict[int, int]:
    """Person id -> id of the organisation one level below the scope (``unit_path``) their *main* record
    (largest FTE, then the earliest start, then the lowest id) lies in: each person once. On PostgreSQL the
    main record is chosen by the database (``DISTINCT ON``); elsewhere (the SQLite demo) in Python."""
    scope_path = organisation.path if organisation is not None else ""
    records = personnel_in_scope(organisation=organisation, on=on)
    if connections[records.db].vendor == "postgresql":
        chosen = records.order_by("person_id", "-fte", "start_date", "id").distinct("person_id")
        main = dict(chosen.values_list("person_id", "organisation_id"))
    else:
        main = main_organisations(records)
    unit_of = organisation_units(scope_path)
    return {person_id: unit_of[org_id] for person_id, org_id in main.items()}


def personnel_unit_counts(
    *, organisation: Organisation | None, on: dt.date, marked: QuerySet[Any]
) -> list[tuple[int, int, int]]:
    """(unit, persons, of whom in ``marked``) per organisation one level below the scope (``unit_path``):
    every person of ``personnel_in_scope`` once, in the unit of their main record, as ``personnel_units``
    places them. ``marked``: a subquery of person ids (for ``person_id__in``). The units come in
    the order of their first person in ``personnel_units`` (on PostgreSQL: of their lowest person id), the
    order the figures were counted in before the database counted them: small-cell suppression breaks ties by
    position.

    On PostgreSQL the database picks the main records (``DISTINCT ON``) and counts them per organisation,
    once for everyone and once for the marked, so no per-person rows leave it; elsewhere (the SQLite demo)
    Python counts ``personnel_units``."""
    records = personnel_in_scope(organisation=organisation, on=on)
    if connections[records.db].vendor != "postgresql":
        people = personnel_units(organisation=organisation, on=on)
        in_marked = set(records.filter(person_id__in=marked).values_list("person_id", flat=True))
        counted: dict[int, list[int]] = {}
        for person_id, unit in people.items():
            row = counted.setdefault(unit, [0, 0])
            row[0] += 1
            row[1] += person_id in in_marked
        return [(unit, persons, n) for unit, (persons, n) in counted.items()]
    # a marked person's records are all in the filtered query, so their main record is the same there
    marked_per_organisation = {
        org_id: n
        for org_id, n, _first in _main_records_per_organisation(records.filter(person_id__in=marked))
    }
    per_organisation = [
        (org_id, n, marked_per_organisation.get(org_id, 0), first)
        for org_id, n, first in _main_records_per_organisation(records)
    ]
    unit_of = organisation_units(organisation.path if organisation is not None else "")
    per_unit: dict[int, list[int]] = {}
    for org_id, persons, n, first in per_organisation:
        row = per_unit.setdefault(unit_of[org_id], [first, 0, 0])
        row[0] = min(row[0], first)
        row[1] += persons
        row[2] += n
    ordered = sorted(per_unit.items(), key=lambda item: item[1][0])
    return [(unit, persons, n) for unit, (_first, persons, n) in ordered]


def _main_records_per_organisation(records: QuerySet[Employment]) -> list[tuple[int, int, int]]:
    """(organisation id, persons, lowest person id) of the main records among ``records`` (PostgreSQL): the
    main records chosen by ``DISTINCT ON`` and counted by the database, as a derived table (``id IN (main
    records)`` would look every record up again; a ``person_id IN (subquery)`` in ``records`` is planned as
    a semi-join, cheap for a small scope)."""
    main = records.order_by("person_id", "-fte", "start_date", "id").distinct("person_id")
    sql, params = main.values_list("person_id", "organisation_id").query.sql_with_params()
    with connections[records.db].cursor() as cursor:
        cursor.execute(
            "SELECT m.organisation_id, count(*), min(m.person_id) "  # noqa: S608 -- compiled by the ORM
            f"FROM ({sql}) AS m (person_id, organisation_id) GROUP BY m.organisation_id",
            params,
        )
        return [(int(org_id), int(n), int(first)) for org_id, n, first in cursor.fetchall()]


def main_organisations(records: QuerySet[Employment]) -> dict[int, int]:
    """Person id -> organisation id of their main record among ``records``, chosen in Python (any database)."""
    best: dict[int, tuple[Any, ...]] = {}
    for person_id, org_id, fte, start, pk in records.values_list(
        "person_id", "organisation_id", "fte", "start_date", "id"
    ):
        key = (-fte, start, pk)
        if person_id not in best or key < best[person_id][0]:
            best[person_id] = (key, org_id)
    return {person_id: org_id for person_id, (_key, org_id) in best.items()}


def organisation_units(scope_path: str) -> dict[int, int]:
    """Organisation id -> id of its unit one level below the scope at ``scope_path`` ("": the Rijk), for
    every organisation in the subtree (``unit_path``)."""
    paths = dict(Organisation.objects.filter(path__startswith=scope_path).values_list("id", "path"))
    ids = {path: pk for pk, path in paths.items()}
    return {pk: ids.get(unit_path(path, scope_path), pk) for pk, path in paths.items()}


def organisation_names(ids: list[int]) -> dict[int, str]:
    return dict(Organisation.objects.filter(pk__in=ids).values_list("id", "name"))


def diversity_goals(*, organisation: Organisation) -> list[DiversityGoal]:
    """The diversity goals the organisation set itself, by target year and group."""
    return list(
        DiversityGoal.objects.filter(organisation=organisation).order_by("target_year", "group", "pk")
    )


def ict_formations(*, organisation: Organisation | None, year: int) -> list[IctFormation]:
    """The ICT formations recorded for ``year`` by the organisation and the organisations below it (None: every
    organisation), in tree order."""
    found = IctFormation.objects.filter(year=year).select_related("organisation")
    if organisation is not None:
        found = found.filter(organisation__path__startswith=organisation.path)
    return list(found.order_by("organisation__path"))
