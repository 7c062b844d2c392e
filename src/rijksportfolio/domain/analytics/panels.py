# SPDX-License-Identifier: EUPL-1.2
"""The stuurinformatie panels (issue 5) as of a peildatum, in DuckDB SQL over a ``Warehouse``.

One function per panel, each ``panel(wh, peildatum, scope) -> plain data`` (dicts, lists, numbers, strings;
no suppression: that is applied where figures leave the platform). Definitions: docs/workforce-figures.md
(counting, continuity, flows, forecast) and docs/stuurinformatie.md (the panels). In short:

* personnel = records whose contract type is not external; the staff at a day = persons with a personnel
  record running on it; headcount counts a person once, FTE sums their records;
* a person in several jobs is placed in a breakdown by their *main record* (largest FTE, then earliest start),
  so every breakdown sums to the headcount; FTE is summed by each record's own category, so it sums to the FTE;
* ``Scope`` narrows records: organisation subtrees (union), job family, scale group, contract type, province
  of the work location.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from rijksportfolio.domain.analytics.warehouse import (
    COHORT_YEARS,
    MAX_DEPTH,
    OPEN,
    OUTFLOW,
    Warehouse,
    day_number,
)
from rijksportfolio.domain.analytics.workforce import (
    AGE_BANDS,
    CONTRACT_GROUPS,
    DAYS_PER_YEAR,
    FORECAST_YEARS,
    HISTORY_YEARS,
    AttritionRates,
    Projection,
    forecast_summary,
    person_classes,
    project,
    rates_from_counts,
)

SCALE_GROUPS = (("1-4", 1, 4), ("5-9", 5, 9), ("10-13", 10, 13), ("14+", 14, 18))
I64 = NDArray[np.int64]
F64 = NDArray[np.float64]
TOP_SCALE = 15  # (sub)top: highest scale 15 or more (calibration C9, C11)
AGE_GROUPS: tuple[tuple[str, int, int], ...] = (
    ("<25", 0, 24),
    ("25-34", 25, 34),
    ("35-44", 35, 44),
    ("45-54", 45, 54),
    ("55-59", 55, 59),
    ("60+", 60, 200),
)
PYRAMID_BAND = 5  # years per band of the age pyramid
TENURE_BANDS = (("<3", 0.0, 3.0), ("3-5", 3.0, 5.0), ("5-7", 5.0, 7.0), ("7+", 7.0, 1000.0))
TEMPORARY = ("temporary", "trainee")
ICT_FAMILY = "ict"


@dataclass(frozen=True)
class Scope:
    """What a panel looks at. ``organisations``: ids whose subtrees (together) are in scope; empty: the Rijk."""

    organisations: tuple[int, ...] = ()
    job_family: str | None = None
    scale_group: str | None = None
    contract_type: str | None = None
    province: str | None = None

    @property
    def is_rijk(self) -> bool:
        return not self.organisations


RIJK = Scope()


@dataclass(frozen=True)
class Scenario:
    """An MPP demand scenario: annual growth (negative: shrinkage) in percent, and per work type the share of
    the work that technology takes over by the end of the horizon (percent, reached linearly)."""

    growth_pct: float = 0.0
    technology_pct: dict[str, float] = field(default_factory=dict)
    name: str = ""
    # Growth per job family where it differs from ``growth_pct``; the years planned (1 to FORECAST_YEARS).
    growth_by_family: dict[str, float] = field(default_factory=dict)
    horizon: int = FORECAST_YEARS

    def growth_for(self, job_family: str) -> float:
        return self.growth_by_family.get(job_family, self.growth_pct)


_shared: ContextVar[dict[Any, Any] | None] = ContextVar("rpf_panels_shared", default=None)


@contextmanager
def computation() -> Iterator[None]:
    """One dashboard computation: panels computed inside it (in this thread or task) share the intermediate
    results that depend on the peildatum and scope only (the staff at the peildatum and its projection, used by
    the forecast and the MPP), computed once by the first panel that needs them and dropped at the end. Outside
    it every panel computes everything itself. Nothing is kept between computations."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def _once[T](wh: Warehouse, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or its result from earlier in the current ``computation``."""
    memo = _shared.get()
    if memo is None:
        return compute()
    full = (id(wh), wh.version, *key)
    if full not in memo:
        memo[full] = compute()
    return memo[full]  # type: ignore[no-any-return]


def dashboard(
    wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK, names: tuple[str, ...] | None = None
) -> dict[str, Any]:
    """Several panels of ``PANELS`` (default: all) in one ``computation``."""
    with computation():
        return {name: PANELS[name](wh, peildatum, scope) for name in (names or tuple(PANELS))}


def _scope_sql(wh: Warehouse, scope: Scope, alias: str = "r", prefix: str = "") -> tuple[str, list[Any]]:
    """A WHERE fragment (starting with AND) on the record columns ``{alias}.{prefix}rank`` etc."""
    sql, params = [], []

    def col(name: str) -> str:
        return f"{alias}.{prefix}{name}"

    if scope.organisations:
        ranges = []
        for org_id in scope.organisations:
            org = wh.org(org_id)
            if org is None:
                ranges.append("FALSE")
                continue
            ranges.append(f"{col('rank')} BETWEEN ? AND ?")
            params += [org["rank"], org["last_rank"]]
        sql.append("(" + " OR ".join(ranges) + ")")
    if scope.job_family:
        sql.append(f"{col('job_family')} = ?")
        params.append(scope.job_family)
    if scope.scale_group:
        lo, hi = next(((lo, hi) for name, lo, hi in SCALE_GROUPS if name == scope.scale_group), (0, -1))
        sql.append(f"{col('scale')} BETWEEN ? AND ?")
        params += [lo, hi]
    if scope.contract_type:
        sql.append(f"{col('contract')} = ?")
        params.append(scope.contract_type)
    if scope.province:
        # the records of ``rec`` carry their person's province; a ``dup`` pair (prefix) asks ``person``
        if prefix:
            sql.append(f"{alias}.person_id IN (SELECT id FROM person WHERE province = ?)")
        else:
            sql.append(f"{alias}.province = ?")
        params.append(scope.province)
    return "".join(f" AND {part}" for part in sql), params


def _pair_scope_sql(wh: Warehouse, scope: Scope) -> tuple[str, list[Any]]:
    """Both records of a ``dup`` pair (alias x) in scope."""
    a, pa_ = _scope_sql(wh, scope, "x", "a_")
    b, pb = _scope_sql(wh, scope, "x", "b_")
    return a + b, pa_ + pb


def _timeline(wh: Warehouse) -> tuple[I64, I64, F64, F64]:
    """The Rijk's personnel records as sorted starts and ends with cumulative FTE: the records running on day
    d are those started by d minus those ended before d (built once per warehouse)."""
    if "timeline" not in wh.cache:
        cols = wh.cursor().execute("SELECT s, e, fte FROM rec WHERE personnel").fetchnumpy()
        s, e = np.asarray(cols["s"], dtype=np.int64), np.asarray(cols["e"], dtype=np.int64)
        fte = np.asarray(cols["fte"], dtype=np.float64)
        by_s, by_e = np.argsort(s, kind="stable"), np.argsort(e, kind="stable")
        wh.cache["timeline"] = (
            s[by_s],
            e[by_e],
            np.r_[0.0, np.cumsum(fte[by_s])],
            np.r_[0.0, np.cumsum(fte[by_e])],
        )
    return wh.cache["timeline"]  # type: ignore[no-any-return]


def _scope_records(wh: Warehouse, scope: Scope) -> tuple[NDArray[Any], NDArray[Any], F64]:
    """Start, end and FTE of the scope's personnel records (shared within a ``computation``: the headcount, trend
    and flows of one scope count them on their days)."""

    def fetch() -> tuple[NDArray[Any], NDArray[Any], F64]:
        where, params = _scope_sql(wh, scope)
        cols = (
            wh.cursor()
            .execute(f"SELECT r.s, r.e, r.fte FROM rec r WHERE r.personnel{where}", params)
            .fetchnumpy()
        )
        return np.asarray(cols["s"]), np.asarray(cols["e"]), np.asarray(cols["fte"], dtype=np.float64)

    return _once(wh, ("records", scope), fetch)


def _scope_pairs(wh: Warehouse, scope: Scope) -> tuple[I64, I64, I64]:
    """The ``dup`` pairs with both records in scope: overlap start and end, loser (shared within a
    ``computation``)."""

    def fetch() -> tuple[I64, I64, I64]:
        pwhere, pparams = _pair_scope_sql(wh, scope)
        cols = (
            wh.cursor()
            .execute(f"SELECT ov_s, ov_e, loser FROM dup x WHERE TRUE{pwhere}", pparams)
            .fetchnumpy()
        )
        return tuple(np.asarray(cols[k], dtype=np.int64) for k in ("ov_s", "ov_e", "loser"))  # type: ignore[return-value]

    return _once(wh, ("pairs", scope), fetch)


def _counts_on_days(wh: Warehouse, days: list[int], scope: Scope) -> dict[int, tuple[int, float]]:
    """Headcount and FTE in scope on each of ``days``: running records minus their distinct ``dup`` losers
    (the losers in numpy: the pairs are few)."""
    d = np.asarray(days, dtype=np.int64)
    if scope == RIJK:
        s, e, cum_s, cum_e = _timeline(wh)
        started = np.searchsorted(s, d, side="right")
        ended = np.searchsorted(e, d, side="left")  # ended before d
        records = started - ended
        fte = cum_s[started] - cum_e[ended]
    else:
        s, e, f = _scope_records(wh, scope)
        running = [(s <= x) & (e >= x) for x in d]
        records = np.array([int(r.sum()) for r in running], dtype=np.int64)
        fte = np.array([float(f[r].sum()) for r in running])
    ov_s, ov_e, loser = _scope_pairs(wh, scope)
    return {
        int(x): (int(records[k]) - len(np.unique(loser[(ov_s <= x) & (ov_e >= x)])), float(fte[k]))
        for k, x in enumerate(d)
    }


def _rows(wh: Warehouse, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    return wh.cursor().execute(sql, params).fetchall()


def _case(column: str, groups: tuple[tuple[str, Any, Any], ...]) -> str:
    whens = " ".join(f"WHEN {column} BETWEEN {lo} AND {hi} THEN '{name}'" for name, lo, hi in groups)
    return f"CASE {whens} END"


def _age(day: int, alias: str = "pp") -> str:
    """Completed years of age on day number ``day`` (SQL)."""
    d = dt.date(1970, 1, 1) + dt.timedelta(days=day)
    md = d.month * 100 + d.day
    return f"({d.year} - {alias}.birth_year - CASE WHEN {alias}.birth_md > {md} THEN 1 ELSE 0 END)"


def _staff_cte(wh: Warehouse, day: int, scope: Scope) -> tuple[str, list[Any]]:
    """``staff``: the personnel records running on ``day`` in scope, with ``main`` marking each person's main
    record (largest FTE, then earliest start, then lowest id): a record is not main when it loses a ``dup``
    pair with another running record in scope."""
    where, params = _scope_sql(wh, scope)
    pwhere, pparams = _pair_scope_sql(wh, scope)
    sql = f"""
        nonmain AS (SELECT DISTINCT x.loser FROM dup x WHERE x.ov_s <= {day} AND x.ov_e >= {day}{pwhere}),
        staff AS (
            SELECT r.*, r.id NOT IN (SELECT loser FROM nonmain) AS main
            FROM rec r
            WHERE r.personnel AND r.s <= {day} AND r.e >= {day}{where}
        )"""
    return sql, pparams + params


# --- The staff at a day: one snapshot shared by the panels of a computation ------------------------------------

GROUP_OF_PRI = np.array(
    [0, 2, 1], dtype=np.int64
)  # pri (permanent 0, secondment 1, else 2) -> CONTRACT_GROUPS
NONE = -1  # a code for NULL in the snapshot


@dataclass(frozen=True)
class _Staff:
    """The personnel records running at a day in scope as numpy columns (in no particular order), selected by
    DuckDB once per ``computation`` and aggregated with numpy by the panels that count the staff.

    Per record: its id, organisation, ``main`` (the person's main record: one per person), FTE, scale, the start
    of its run in the same job, codes of its job family, work type and contract type (``_enum_values``; NONE for
    NULL); per record but of the person:
    date of birth (day, year, month * 100 + day), state-pension date, gender, province and municipality codes,
    ``group`` (the contract group: permanent over secondment over temporary, over all their records in scope)
    and ``max_scale`` (the highest scale of their records in scope). The persons as classes of equal date of
    birth and contract group (``person_classes``): ``cls`` per record, ``c_birth``, ``c_group``, ``c_aow`` and
    ``c_count`` (persons) per class."""

    id: I64
    org: I64
    main: NDArray[np.bool_]
    fte: F64
    scale: I64
    position_start: I64
    fam: I64
    wt: I64
    contract: I64
    birth: I64
    birth_year: I64
    birth_md: I64
    aow: I64
    gender: I64
    province: I64
    municipality: I64
    group: I64
    max_scale: I64
    cls: I64
    c_birth: I64
    c_group: I64
    c_aow: I64
    c_count: I64

    def age(self, day: int) -> I64:
        """Completed years of age on ``day`` of each record's person."""
        d = dt.date(1970, 1, 1) + dt.timedelta(days=day)
        return np.asarray(d.year - self.birth_year - (self.birth_md > d.month * 100 + d.day), dtype=np.int64)


_SNAPSHOT_COLUMNS = {  # name -> SQL (ENUM columns as their codes)
    "id": "r.id",
    "org": "r.org_id",
    "fte": "r.fte",
    "scale": "r.scale",
    "position_start": "r.position_start",
    "fam": "enum_code(r.job_family)",
    "wt": "enum_code(r.work_type)",
    "contract": "enum_code(r.contract)",
    "birth": "r.birth",
    "birth_year": "r.birth_year",
    "birth_md": "r.birth_md",
    "aow": "r.aow",
    "gender": "enum_code(r.gender)",
    "province": "enum_code(r.province)",
    "municipality": "enum_code(r.municipality)",
    "pri": "r.pri",
}
_CODES = ("fam", "wt", "contract", "gender", "province", "municipality")


def _column(values: pa.ChunkedArray, *, widen: bool) -> NDArray[Any]:
    """A result column as numpy: as DuckDB typed it (days 32-bit, years and scales 16-bit; no copy), or widened to
    int64 with NULL as NONE (codes)."""
    if not widen:
        return np.asarray(values.to_numpy())
    if values.null_count:
        values = pc.fill_null(values.cast(pa.int64()), NONE)
    return np.asarray(values.to_numpy(), dtype=np.int64)


def _staff(wh: Warehouse, day: int, scope: Scope) -> _Staff:
    """The staff snapshot at ``day`` in scope (shared within a ``computation``)."""
    return _once(wh, ("staff", day, scope), lambda: _staff_snapshot(wh, day, scope))


def _staff_snapshot(wh: Warehouse, day: int, scope: Scope) -> _Staff:
    """A person's records that run at the same time are ``dup`` pairs (every two of them): a pair's loser is not
    main, and each record takes the lowest contract priority and the highest scale of its partners."""
    where, params = _scope_sql(wh, scope)
    cur = wh.cursor()
    select = ", ".join(f"{sql} AS {name}" for name, sql in _SNAPSHOT_COLUMNS.items())
    table = cur.sql(
        f"SELECT {select} FROM rec r WHERE r.personnel AND r.s <= {day} AND r.e >= {day}{where}",
        params=params,
    ).to_arrow_table()
    # as DuckDB typed them (days 32-bit, years and scales 16-bit): no copies; the codes widened, NULL as NONE
    col = {name: _column(table[name], widen=name in _CODES) for name in table.column_names}
    pwhere, pparams = _pair_scope_sql(wh, scope)
    pairs = cur.execute(
        f"""SELECT a_id, b_id, a_pri, b_pri, a_scale, b_scale, loser FROM dup x
        WHERE x.ov_s <= {day} AND x.ov_e >= {day}{pwhere}""",
        pparams,
    ).fetchnumpy()
    pair = {k: np.asarray(v, dtype=np.int64) for k, v in pairs.items()}
    ids, pri, max_scale = col["id"], col["pri"], col["scale"]
    main = np.ones(len(ids), dtype=bool)
    if len(pair["loser"]) and len(ids):
        main = ~np.isin(ids, pair["loser"], kind="table")
        # per record of a pair: the lowest priority and highest scale of its partners
        pid = np.r_[pair["a_id"], pair["b_id"]]
        ppri, pscale = np.r_[pair["b_pri"], pair["a_pri"]], np.r_[pair["b_scale"], pair["a_scale"]]
        order = np.argsort(pid, kind="stable")
        pid, ppri, pscale = pid[order], ppri[order], pscale[order]
        starts = np.flatnonzero(np.r_[True, pid[1:] != pid[:-1]])
        uid = pid[starts]
        lo_pri, hi_scale = np.minimum.reduceat(ppri, starts), np.maximum.reduceat(pscale, starts)
        hit = np.flatnonzero(np.isin(ids, uid, kind="table"))
        at = np.searchsorted(uid, ids[hit])
        pri, max_scale = pri.copy(), max_scale.copy()
        pri[hit] = np.minimum(pri[hit], lo_pri[at])
        max_scale[hit] = np.maximum(max_scale[hit], hi_scale[at])
    group = GROUP_OF_PRI[pri]
    c_birth, c_group, cls = person_classes(col["birth"], group)
    c_aow = np.zeros(len(c_birth), dtype=np.int64)
    c_aow[cls] = col["aow"]
    return _Staff(
        id=ids,
        org=col["org"],
        main=main,
        fte=col["fte"],
        scale=col["scale"],
        position_start=col["position_start"],
        fam=col["fam"],
        wt=col["wt"],
        contract=col["contract"],
        birth=col["birth"],
        birth_year=col["birth_year"],
        birth_md=col["birth_md"],
        aow=col["aow"],
        gender=col["gender"],
        province=col["province"],
        municipality=col["municipality"],
        group=group,
        max_scale=max_scale,
        cls=cls,
        c_birth=c_birth,
        c_group=c_group,
        c_aow=c_aow,
        c_count=np.bincount(cls[main], minlength=len(c_birth)),
    )


def _enum_values(wh: Warehouse, column: str) -> list[str]:
    """The values of an ENUM column of ``rec`` in code order (``enum_code``; sorted: ``ORDER BY`` compares the
    codes), kept per warehouse."""
    key = ("enum", column)
    if key not in wh.cache:
        wh.cache[key] = [
            v
            for (v,) in _rows(
                wh, f"SELECT unnest(enum_range(any_value({column}))) AS v FROM rec ORDER BY v", []
            )
        ]
    return wh.cache[key]  # type: ignore[no-any-return]


def _code_of(wh: Warehouse, column: str, value: str) -> int:
    """The code of ``value`` in an ENUM column (NONE when it is not one of its values)."""
    values = _enum_values(wh, column)
    return values.index(value) if value in values else NONE


def _tally(codes: I64, size: int, main: NDArray[np.bool_], fte: F64) -> tuple[I64, F64, I64]:
    """Per code 0..size-1 (NONE: the last slot): persons (main records), summed FTE and records."""
    slot = np.where(codes == NONE, size, codes) if len(codes) and codes.min() < 0 else codes
    return (
        np.bincount(slot[main], minlength=size + 1),
        np.bincount(slot, weights=fte, minlength=size + 1),
        np.bincount(slot, minlength=size + 1),
    )


def _tally_ids(ids: I64, main: NDArray[np.bool_], fte: F64) -> list[tuple[int | None, int, float, int]]:
    """Per distinct id (ascending; NONE as None, last): persons (main records), summed FTE and records."""
    known = ids != NONE
    if not known.any():
        present: list[tuple[int | None, int, float, int]] = []
    elif int(ids[known].max()) < 50_000_000:  # ids as positions (no sort)
        size = int(ids[known].max()) + 1
        heads, ftes, records = _tally(ids, size, main, fte)
        present = [
            (int(k), int(heads[k]), float(ftes[k]), int(records[k])) for k in np.flatnonzero(records[:-1])
        ]
    else:
        uniq, inverse = np.unique(ids[known], return_inverse=True)
        heads, ftes, records = _tally(inverse, len(uniq), main[known], fte[known])
        present = [(int(uniq[k]), int(heads[k]), float(ftes[k]), int(records[k])) for k in range(len(uniq))]
    if not known.all():
        none = ~known
        present.append((None, int((main & none).sum()), float(fte[none].sum()), int(none.sum())))
    return present


def _groups(values: I64, groups: tuple[tuple[str, int, int], ...]) -> I64:
    """The index of the first group (name, lo, hi) each value lies in (lo <= value <= hi), else NONE."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    low, high = int(values.min()), int(values.max())
    table = np.full(high - low + 1, NONE, dtype=np.int64)  # a lookup table over the values' range
    for k, (_name, lo, hi) in reversed(list(enumerate(groups))):
        table[max(lo, low) - low : max(min(hi, high) - low + 1, 0)] = k
    return table[values - low]


def _org_lookup(wh: Warehouse) -> tuple[I64, I64]:
    """The organisation table as sorted ids and their ancestors at each depth (``a0`` … ``a7``, NONE for NULL;
    a depth × organisation matrix), kept per warehouse."""
    if "org_lookup" not in wh.cache:
        cols = (
            wh.cursor()
            .execute(
                "SELECT id, "
                + ", ".join(f"coalesce(a{d}, -1) AS a{d}" for d in range(MAX_DEPTH + 1))
                + " FROM org ORDER BY id"
            )
            .fetchnumpy()
        )
        ancestors = np.array([np.asarray(cols[f"a{d}"], dtype=np.int64) for d in range(MAX_DEPTH + 1)])
        wh.cache["org_lookup"] = (np.asarray(cols["id"], dtype=np.int64), ancestors)
    return wh.cache["org_lookup"]  # type: ignore[no-any-return]


def _units(wh: Warehouse, st: _Staff, scope: Scope) -> I64:
    """Per record the organisation one level below the scope (``_org_level``): its ministry for the Rijk."""
    depth, fallback = 0, False
    if len(scope.organisations) == 1:
        org = wh.org(scope.organisations[0])
        if org is not None:
            depth, fallback = min(int(org["depth"]) + 1, MAX_DEPTH), True
    key = ("units", depth, fallback)
    if key not in wh.cache:
        ids, ancestors = _org_lookup(wh)
        unit = ancestors[depth]
        unit = np.where(unit == NONE, ids, unit) if fallback else unit
        if len(ids) and int(ids.max()) < 50_000_000:  # a table indexed by the organisation's id
            table = np.full(int(ids.max()) + 1, NONE, dtype=np.int64)
            table[ids] = unit
            wh.cache[key] = ("table", table)
        else:
            wh.cache[key] = ("sorted", (ids, unit))
    kind, lookup = wh.cache[key]
    if kind == "table":
        return np.asarray(lookup[st.org], dtype=np.int64)
    ids, unit = lookup
    at = np.minimum(np.searchsorted(ids, st.org), max(len(ids) - 1, 0))
    return np.where(ids[at] == st.org, unit[at], NONE) if len(ids) else np.full(len(st.org), NONE)


# --- Personeelsbestand ------------------------------------------------------------------------------------


def headcount(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Headcount (persons) and FTE (summed over their records) at the peildatum."""
    day = day_number(peildatum)
    n, fte = _counts_on_days(wh, [day], scope)[day]
    return {"peildatum": peildatum.isoformat(), "headcount": n, "fte": round(fte, 1)}


BREAKDOWNS = (
    "organisation",
    "scale_group",
    "age_band",
    "gender",
    "contract_type",
    "job_family",
    "work_type",
    "province",
)


def _org_level(wh: Warehouse, scope: Scope) -> str:
    """The column of ``org`` naming the organisation one level below the scope (the ministries for the Rijk), for
    SQL over ``staff st JOIN org o ON o.id = st.org_id`` (the snapshot's panels use ``_units``)."""
    if len(scope.organisations) == 1:
        org = wh.org(scope.organisations[0])
        if org is not None:
            depth = min(int(org["depth"]) + 1, 7)
            return f"coalesce(o.a{depth}, o.id)"
    return "o.a0"


def _org_names(wh: Warehouse) -> dict[int, str]:
    """Organisation names by id (kept per warehouse)."""
    if "org_names" not in wh.cache:
        wh.cache["org_names"] = dict(_rows(wh, "SELECT id, name FROM org", []))
    return wh.cache["org_names"]  # type: ignore[no-any-return]


def breakdowns(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Headcount and FTE at the peildatum by each of ``BREAKDOWNS``. Each breakdown's headcount sums to the
    total headcount, its FTE to the total FTE. Keys are texts (the organisation's id), sorted as texts."""
    day = day_number(peildatum)
    st = _staff(wh, day, scope)
    names = _org_names(wh)
    out: dict[str, Any] = {
        "organisation": [
            {"key": str(unit), "headcount": n, "fte": round(fte, 1), "name": names.get(unit, str(unit))}
            if unit is not None
            else {"key": None, "headcount": n, "fte": round(fte, 1), "name": None}
            for unit, n, fte, _records in _tally_ids(_units(wh, st, scope), st.main, st.fte)
        ]
    }
    out["organisation"].sort(key=lambda item: (item["key"] is None, item["key"] or ""))
    codes = {
        "scale_group": (_groups(st.scale, SCALE_GROUPS), [name for name, _lo, _hi in SCALE_GROUPS]),
        "age_band": (_groups(st.age(day), AGE_GROUPS), [name for name, _lo, _hi in AGE_GROUPS]),
        "gender": (st.gender, _enum_values(wh, "gender")),
        "contract_type": (st.contract, _enum_values(wh, "contract")),
        "job_family": (st.fam, _enum_values(wh, "job_family")),
        "work_type": (st.wt, _enum_values(wh, "work_type")),
        "province": (st.province, _enum_values(wh, "province")),
    }
    for dim, (code, labels) in codes.items():
        heads, ftes, records = _tally(code, len(labels), st.main, st.fte)
        keys: list[str | None] = [*labels, None]
        items = [
            {"key": keys[k], "headcount": int(heads[k]), "fte": round(float(ftes[k]), 1)}
            for k in np.flatnonzero(records)
        ]
        items.sort(key=lambda item: (item["key"] is None, item["key"] or ""))
        out[dim] = items
    return {"peildatum": peildatum.isoformat(), "breakdowns": out}


def _same_day_years_back(peildatum: dt.date, years: int) -> dt.date:
    try:
        return peildatum.replace(year=peildatum.year - years)
    except ValueError:  # 29 February
        return peildatum.replace(year=peildatum.year - years, day=28)


def _plus_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February (as DuckDB's ``+ INTERVAL n YEAR``)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def trend(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Headcount and FTE on the same day of each of the ten years before the peildatum and on the peildatum."""
    dates = [_same_day_years_back(peildatum, k) for k in range(HISTORY_YEARS, -1, -1)]
    counts = _counts_on_days(wh, [day_number(d) for d in dates], scope)
    return {
        "peildatum": peildatum.isoformat(),
        "trend": [
            {
                "date": d.isoformat(),
                "headcount": counts[day_number(d)][0],
                "fte": round(counts[day_number(d)][1], 1),
            }
            for d in dates
        ],
    }


def age_pyramid(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Persons at the peildatum by five-year age band and gender."""
    day = day_number(peildatum)
    st = _staff(wh, day, scope)
    genders = _enum_values(wh, "gender")
    band = np.clip(st.age(day)[st.main] // PYRAMID_BAND * PYRAMID_BAND, 15, 70)
    gender = st.gender[st.main]
    size = len(genders) + 1
    counts = np.bincount((band - 15) * size + np.where(gender == NONE, len(genders), gender))
    labels: list[str | None] = [*genders, None]
    bands: dict[int, dict[str | None, int]] = {}
    for k in np.flatnonzero(counts):
        bands.setdefault(15 + int(k) // size, {})[labels[int(k) % size]] = int(counts[k])
    return {
        "peildatum": peildatum.isoformat(),
        "pyramid": [{"band": _band_label(b), "counts": counts} for b, counts in sorted(bands.items())],
    }


def _band_label(lower: int) -> str:
    if lower <= 15:
        return "<20"
    if lower >= 70:
        return "70+"
    return f"{lower}-{lower + PYRAMID_BAND - 1}"


# --- In-, door- en uitstroom -----------------------------------------------------------------------------


def history_start(wh: Warehouse, peildatum: dt.date) -> int | None:
    """The first year the history covers: the year of the earliest recorded outflow known at the peildatum.
    Before it the store holds only records of people who were still there later (an HR system's or the
    generator's starting stock): flows of those years cannot be known and are reported as None."""
    day = day_number(peildatum)
    key = ("history_start", day)
    if key not in wh.cache:
        first = _rows(wh, f"SELECT min(e) FROM rec WHERE exit_cat IS NOT NULL AND s <= {day}", [])[0][0]
        wh.cache[key] = None if first is None else (dt.date(1970, 1, 1) + dt.timedelta(days=int(first))).year
    return wh.cache[key]  # type: ignore[no-any-return]


def _history_years(peildatum: dt.date) -> list[int]:
    return list(range(peildatum.year - HISTORY_YEARS, peildatum.year))


def flows(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """For each of the ten calendar years before the peildatum's year: inflow from outside the Rijk, mobility
    within the top-level organisation, between organisations and (part of it) between ministries, mobility out
    of the scope (organisation scopes only), outflow by reason, the staff on 1 January and the rates per 100 of
    it. Persons: at most once per year in each category. Years before ``history_start``: None."""
    years = _history_years(peildatum)
    day = day_number(peildatum)
    lo, hi = day_number(dt.date(years[0], 1, 1)), day_number(dt.date(years[-1], 12, 31))
    where, params = _scope_sql(wh, scope)
    counts: dict[tuple[int, str], int] = {}
    # Persons at most once per year and kind: a record that is its person's only one of the kind that year (the
    # warehouse's ``*_single``, nearly all) counts as it is; only the others need DISTINCT / the last outflow.
    window = f"r.s <= {day}{where}"
    rows = _rows(
        wh,
        f"""SELECT 'arrival' AS part, y, CAST(kind AS VARCHAR), sum(n), sum(n_other_ministry) FROM (
            SELECT r.s_year AS y, r.arrival AS kind, count(*) AS n, count(r.from_ministry) AS n_other_ministry
            FROM rec r WHERE r.arr_single AND r.s BETWEEN {lo} AND {hi} AND {window} GROUP BY ALL
            UNION ALL  -- persons with several arrivals of a kind in a year: once (as coming from another
            SELECT y, kind, count(*), count(*) FILTER (WHERE moved) FROM (  -- ministry if one of them did)
                SELECT r.s_year AS y, r.arrival AS kind, r.person_id, bool_or(r.from_ministry IS NOT NULL) AS moved
                FROM rec r WHERE r.arr_several AND r.s BETWEEN {lo} AND {hi} AND {window} GROUP BY ALL)
            GROUP BY ALL) GROUP BY ALL
        UNION ALL
        SELECT 'exit', y, CAST(cat AS VARCHAR), count(*), 0 FROM (
            SELECT r.e_year AS y, r.exit_cat AS cat FROM rec r
            WHERE r.exit_single AND r.e BETWEEN {lo} AND {hi} AND {window}
            UNION ALL  -- one per person and year: the category of their last outflow (ties: largest FTE)
            SELECT r.e_year, arg_max(r.exit_cat, r.e * 10.0 + r.fte) FROM rec r
            WHERE r.exit_several AND r.e BETWEEN {lo} AND {hi} AND {window}
            GROUP BY r.person_id, r.e_year) GROUP BY ALL""",
        params * 4,
    )
    arrivals = [row[1:] for row in rows if row[0] == "arrival"]
    exits = [row[1:4] for row in rows if row[0] == "exit"]
    for y, kind, n, n_min in arrivals:
        counts[(y, kind)] = int(n)
        if kind == "between":
            counts[(y, "between_ministries")] = int(n_min)
    for y, cat, n in exits:
        counts[(y, cat)] = int(n)
    moved_out: dict[int, int] = {}
    if not scope.is_rijk:
        # moves out of the scope: arrivals outside it whose previous record was inside
        inside, in_params = _scope_sql(wh, Scope(organisations=scope.organisations), "q")
        outside = inside.replace("q.rank", "q.from_rank")
        out_where = f"{outside} AND NOT ({inside[5:]})"
        for y, n in _rows(
            wh,
            f"""SELECT q.s_year, count(DISTINCT q.person_id) FROM rec q
            WHERE q.from_rank IS NOT NULL AND q.s BETWEEN {lo} AND {hi}{out_where} GROUP BY ALL""",
            in_params + in_params,
        ):
            moved_out[int(y)] = int(n)
    jan1 = _counts_on_days(wh, [day_number(dt.date(y, 1, 1)) for y in years], scope)
    staff_jan1 = {y: jan1[day_number(dt.date(y, 1, 1))][0] for y in years}
    start = history_start(wh, peildatum)
    out: list[dict[str, Any]] = []
    for y in years:
        known = start is not None and y >= start
        base = int(staff_jan1.get(y, 0))

        def value(kind: str, y: int = y, known: bool = known) -> int | None:
            return counts.get((y, kind), 0) if known else None

        def rate(n: int | None, base: int = base) -> float | None:
            return round(100 * n / base, 2) if n is not None and base else None

        outflow = {cat: value(cat) for cat in OUTFLOW}
        total_out = sum(v for v in outflow.values() if v is not None) if known else None
        inflow, within, between = value("inflow"), value("within"), value("between")
        out.append(
            {
                "year": y,
                "staff_jan1": base,
                "inflow": inflow,
                "mobility_within": within,
                "mobility_between": between,
                "mobility_between_ministries": value("between_ministries"),
                "mobility_out": (moved_out.get(y, 0) if known else None) if not scope.is_rijk else None,
                "outflow": outflow,
                "outflow_total": total_out,
                "rates_per_100": {
                    "inflow": rate(inflow),
                    "mobility": rate(None if not known else (within or 0) + (between or 0)),
                    "outflow": rate(total_out),
                },
            }
        )
    return {"peildatum": peildatum.isoformat(), "history_start": start, "years": out}


def mobility_matrix(
    wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK, year: int | None = None
) -> dict[str, Any]:
    """Moves between ministries in ``year`` (default: the year before the peildatum's): persons by ministry
    of the record before and of the new record. With an organisation scope: moves into or out of it."""
    year = year or peildatum.year - 1
    lo, hi = day_number(dt.date(year, 1, 1)), min(day_number(dt.date(year, 12, 31)), day_number(peildatum))
    where, params = _scope_sql(wh, Scope(organisations=scope.organisations))
    into = where
    if not scope.is_rijk:
        out_of = where.replace("r.rank", "r.from_rank")
        where = f" AND (({into[5:]}) OR ({out_of[5:]}))"
        params = params + params
    rows = _rows(
        wh,
        f"""SELECT r.from_ministry, r.ministry_id, count(DISTINCT r.person_id) FROM rec r
        WHERE r.from_ministry IS NOT NULL AND r.s BETWEEN {lo} AND {hi}{where} GROUP BY ALL ORDER BY 1, 2""",
        params,
    )
    if "ministries" not in wh.cache:  # data, kept per warehouse
        wh.cache["ministries"] = _rows(wh, "SELECT id, name, code FROM org WHERE depth = 0 ORDER BY name", [])
    ministries = wh.cache["ministries"]
    return {
        "year": year,
        "ministries": [{"id": i, "name": n, "code": c} for i, n, c in ministries],
        "moves": [{"from": int(a), "to": int(b), "persons": int(n)} for a, b, n in rows],
    }


def starters(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Cohorts of starters (inflow from outside the Rijk) per history year: how many, the share that started on
    a temporary contract (temporary or trainee), and the share still in the Rijk 1, 2 and 5 years after their
    start (None while that day lies after the peildatum). A person's first inflow in the year counts."""
    years = _history_years(peildatum)
    day = day_number(peildatum)
    lo, hi = day_number(dt.date(years[0], 1, 1)), day_number(dt.date(years[-1], 12, 31))
    where, params = _scope_sql(wh, scope)
    # a person's first inflow record in the year (in scope) counts, with whether the person was in the Rijk n
    # years after its start (the warehouse's ``stay{n}``); whether that day lies after the peildatum is decided
    # by the latest start of the cohort
    stays = ", ".join(f"count(*) FILTER (WHERE stay{n})" for n in COHORT_YEARS)
    temporary = " OR ".join(f"contract = '{c}'" for c in TEMPORARY)
    flags = ", ".join(f"r.stay{n}" for n in COHORT_YEARS)
    firsts = ", ".join(f"arg_min(r.stay{n}, r.s)" for n in COHORT_YEARS)
    inflow = f"r.inflow AND r.s BETWEEN {lo} AND {hi} AND r.s <= {day}{where}"
    # a person's only inflow record of the year as it is; of several, the first
    cohort = f"""SELECT r.s_year AS y, r.s, r.contract, {flags} FROM rec r WHERE r.arr_single AND {inflow}
        UNION ALL
        SELECT r.s_year, min(r.s), arg_min(r.contract, r.s), {firsts} FROM rec r WHERE r.arr_several AND {inflow}
        GROUP BY r.person_id, r.s_year"""
    rows = _rows(
        wh,
        f"""SELECT y, count(*), count(*) FILTER (WHERE {temporary}), {stays}, max(s)
        FROM ({cohort}) c GROUP BY y ORDER BY y""",
        params * 2,
    )
    start = history_start(wh, peildatum)
    by_year = {int(r[0]): r for r in rows}
    out = []
    for y in years:
        r = by_year.get(y)
        known = start is not None and y >= start
        n = int(r[1]) if r else 0
        item: dict[str, Any] = {
            "year": y,
            "starters": n if known else None,
            "temporary_share": round(int(r[2]) / n, 4) if r and n and known else None,
        }
        latest = dt.date(1970, 1, 1) + dt.timedelta(days=int(r[-1])) if r else None
        for k, years_after in enumerate(COHORT_YEARS):
            stayed = int(r[3 + k]) if r else 0
            all_observed = latest is not None and _plus_years(latest, years_after) <= peildatum
            item[f"still_employed_{years_after}y"] = (
                round(stayed / n, 4) if n and known and all_observed else None
            )
        out.append(item)
    return {"peildatum": peildatum.isoformat(), "history_start": start, "cohorts": out}


# --- Uitstroomprognose and MPP ------------------------------------------------------------------------------


def attrition_rates(wh: Warehouse, peildatum: dt.date) -> AttritionRates:
    """Attrition hazards on the whole Rijk over the history years from ``history_start`` (docs/workforce-
    figures.md "Attrition rates"). They depend on those years only (an exit known after the peildatum ends
    after every history year), so they are kept per set of years for the warehouse's data (``wh.cache``)."""
    start = history_start(wh, peildatum)
    years = [y for y in _history_years(peildatum) if start is not None and y >= start]
    key = ("attrition", tuple(years))
    if key not in wh.cache:
        wh.cache[key] = _fit_attrition(wh, years)
    return wh.cache[key]  # type: ignore[no-any-return]


def _fit_attrition(wh: Warehouse, years: list[int]) -> AttritionRates:
    """Each year, everyone in the Rijk on 1 January is followed to the end of their unbroken presence (their
    first outflow), their last day before the state-pension age, or 31 December, whichever comes first."""
    nb, ng = len(AGE_BANDS), len(CONTRACT_GROUPS)
    events, exposure = np.zeros((nb, ng)), np.zeros((nb, ng))
    if not years:
        return rates_from_counts(events, exposure)
    y0, y1 = years[0], years[-1]
    bands = " ".join(f"WHEN age < {b} THEN {i - 1}" for i, b in enumerate(AGE_BANDS) if i)
    rows = _rows(
        wh,
        f"""WITH cover AS (  -- (record, year) for each 1 January in the record and the years
            SELECT person_id, contract, spell_e, spell_cat,
                unnest(range(greatest({y0}, CASE WHEN (DATE '1970-01-01' + s) = make_date(s_year, 1, 1)
                                                  THEN s_year ELSE s_year + 1 END),
                             least({y1}, coalesce(e_year, {y1})) + 1)) AS y
            FROM rec WHERE personnel AND s <= {day_number(dt.date(y1, 1, 1))}
                AND e >= {day_number(dt.date(y0, 1, 1))}),
        st AS (
            SELECT y, person_id, any_value(spell_e) AS exit_day, any_value(spell_cat) AS cat,
                min(CASE contract WHEN 'permanent' THEN 0 WHEN 'secondment' THEN 1 ELSE 2 END) AS pri
            FROM cover GROUP BY y, person_id),
        j AS (
            SELECT st.*, CAST(make_date(st.y, 1, 1) - DATE '1970-01-01' AS INTEGER) AS jan1,
                CAST(make_date(st.y, 12, 31) - DATE '1970-01-01' AS INTEGER) AS dec31,
                pp.aow - 1 AS last_day,
                st.y - pp.birth_year - CASE WHEN pp.birth_md > 101 THEN 1 ELSE 0 END AS age
            FROM st JOIN person pp ON pp.id = st.person_id)
        SELECT CASE {bands} ELSE {nb - 1} END AS band,
            CASE pri WHEN 0 THEN 0 WHEN 1 THEN 2 ELSE 1 END AS grp,
            sum(CASE WHEN exit_day <= dec31 AND exit_day <= last_day AND cat <> 'state_pension'
                THEN 1 ELSE 0 END) AS events,
            sum(least(dec31, last_day, exit_day) - jan1 + 1) / {DAYS_PER_YEAR} AS exposure
        FROM j WHERE last_day >= jan1 GROUP BY ALL""",
        [],
    )
    for band, grp, ev, expo in rows:
        events[band, grp] += float(ev)
        exposure[band, grp] += float(expo)
    return rates_from_counts(events, exposure)


def _projection(wh: Warehouse, day: int, scope: Scope, rates: AttritionRates, ahead: list[int]) -> Projection:
    """``project`` of the staff's classes (shared within a ``computation``)."""
    st = _staff(wh, day, scope)
    return _once(
        wh,
        ("projection", day, scope, id(rates), tuple(ahead)),
        lambda: list(project(st.c_birth, st.c_group, day, rates, ahead, st.c_aow)),
    )


def outflow_forecast(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Outflow of today's staff in each of the twelve years from the peildatum's year (state pension by the
    AOW table; total with attrition), and per age band at the peildatum the share reaching the state-pension
    age within the twelve years."""
    day = day_number(peildatum)
    st = _staff(wh, day, scope)
    ahead = list(range(peildatum.year, peildatum.year + FORECAST_YEARS))
    rates = attrition_rates(wh, peildatum)
    count = st.c_count
    result = forecast_summary(_projection(wh, day, scope, rates, ahead), int(count.sum()), count)
    last = day_number(dt.date(ahead[-1], 12, 31))
    leaves = np.maximum(st.c_aow - 1, day) <= last
    ages = _ages(st.c_birth, peildatum)
    by_band = []
    for name, lo, hi in AGE_GROUPS:
        sel = (ages >= lo) & (ages <= hi)
        n = int(count[sel].sum())
        gone = int(count[sel & leaves].sum())
        by_band.append(
            {
                "age_band": name,
                "headcount": n,
                "state_pension_within_12y": gone,
                "share": round(gone / n, 4) if n else None,
            }
        )
    return {
        "peildatum": peildatum.isoformat(),
        "headcount": int(count.sum()),
        "forecast": result,
        "by_age": by_band,
    }


def _ages(birth: np.ndarray, on: dt.date) -> np.ndarray:  # type: ignore[type-arg]
    d = birth.astype("datetime64[D]")
    year = d.astype("datetime64[Y]").astype(np.int64) + 1970
    md = (
        (d.astype("datetime64[M]").astype(np.int64) % 12 + 1) * 100
        + (d - d.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64)
        + 1
    )
    return np.asarray(on.year - year - (md > on.month * 100 + on.day), dtype=np.int64)


def figures(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """The key figures of ``workforce figures`` (the JSON shape of issue 5)."""
    head = headcount(wh, peildatum, scope)
    hist = flows(wh, peildatum, scope)
    fc = outflow_forecast(wh, peildatum, scope)
    return {
        "peildatum": peildatum.isoformat(),
        "headcount": head["headcount"],
        "fte": head["fte"],
        "history": [
            {
                "year": row["year"],
                "inflow": row["inflow"],
                "mobility_within": row["mobility_within"],
                "mobility_between": row["mobility_between"],
                "outflow": row["outflow"],
            }
            for row in hist["years"]
        ],
        "forecast": fc["forecast"],
    }


def mpp(
    wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK, scenario: Scenario | None = None
) -> dict[str, Any]:
    """Meerjarige personeelsplanning per job family for the scenario's horizon (at most twelve years) from the
    peildatum's year.

    Supply (FTE at the end of each year): today's staff, each record's FTE times the person's probability of
    still being there (state pension and attrition, as the forecast), plus the scope's net mobility (moves in
    minus moves out, average FTE per year over the last three covered history years; zero for the Rijk) times
    the years passed. Demand: today's FTE per job family and work type, grown by the family's growth a year
    (``Scenario.growth_for``) and reduced by the technology effect of its work type, reached linearly by the
    horizon's last year. Gap = supply −
    demand (negative: shortage)."""
    scenario = scenario or Scenario()
    day = day_number(peildatum)
    ahead = list(range(peildatum.year, peildatum.year + max(1, min(scenario.horizon, FORECAST_YEARS))))
    families, work_types = _enum_values(wh, "job_family"), _enum_values(wh, "work_type")
    st = _staff(wh, day, scope)
    rates = attrition_rates(wh, peildatum)
    survival = np.array([present for *_x, present in _projection(wh, day, scope, rates, ahead)])
    ncls = len(st.c_birth)
    # FTE per (job family, class) times each class's probability of still being there
    weights = np.bincount(st.fam * ncls + st.cls, weights=st.fte, minlength=len(families) * ncls)
    # a product of small matrices, by einsum's own loop: a BLAS matmul would start threads that spin
    supply_m = np.einsum("fc,kc->fk", weights.reshape(len(families), ncls), survival)
    heads_arr = np.bincount(st.fam[st.main], minlength=len(families))
    base_arr = np.bincount(
        st.fam * len(work_types) + st.wt, weights=st.fte, minlength=len(families) * len(work_types)
    )
    present_families = [
        i
        for i in range(len(families))
        if heads_arr[i] or base_arr[i * len(work_types) :][: len(work_types)].any()
    ]
    supply = {families[i]: supply_m[i] for i in present_families}
    heads = {families[i]: int(heads_arr[i]) for i in present_families}
    base = {
        (families[i], work_types[j]): float(base_arr[i * len(work_types) + j])
        for i in present_families
        for j in range(len(work_types))
        if base_arr[i * len(work_types) + j]
    }
    families = [families[i] for i in present_families]
    net = _net_mobility_fte(wh, peildatum, scope) if not scope.is_rijk else {}
    out = []
    for family in families:
        years = []
        for k, year in enumerate(ahead):
            t = k + 1
            demand = sum(
                fte
                * (1 + scenario.growth_for(family) / 100) ** t
                * (1 - scenario.technology_pct.get(work_type, 0.0) / 100 * t / len(ahead))
                for (fam, work_type), fte in base.items()
                if fam == family
            )
            sup = float(supply[family][k]) + net.get(family, 0.0) * t
            years.append(
                {
                    "year": year,
                    "supply": round(sup, 1),
                    "demand": round(demand, 1),
                    "gap": round(sup - demand, 1),
                }
            )
        out.append(
            {
                "job_family": family,
                "headcount": int(heads.get(family, 0)),
                "fte": round(sum(v for (f, _w), v in base.items() if f == family), 1),
                "net_mobility_fte": round(net.get(family, 0.0), 1),
                "years": years,
            }
        )
    return {
        "peildatum": peildatum.isoformat(),
        "scenario": {
            "name": scenario.name,
            "growth_pct": scenario.growth_pct,
            "technology_pct": dict(scenario.technology_pct),
            "growth_by_family": dict(scenario.growth_by_family),
            "horizon": len(ahead),
        },
        "job_families": out,
    }


def _net_mobility_fte(wh: Warehouse, peildatum: dt.date, scope: Scope) -> dict[str, float]:
    """Per job family: average FTE per year moving into the scope minus moving out of it, over the last three
    covered history years."""
    start = history_start(wh, peildatum)
    years = [y for y in _history_years(peildatum)[-3:] if start is not None and y >= start]
    if not years:
        return {}
    lo, hi = day_number(dt.date(years[0], 1, 1)), day_number(dt.date(years[-1], 12, 31))
    inside, params = _scope_sql(wh, Scope(organisations=scope.organisations), "q")
    came_from_inside = inside.replace("q.rank", "q.from_rank")
    rows = _rows(
        wh,
        f"""SELECT q.job_family,
            sum(CASE WHEN ({inside[5:]}) AND NOT ({came_from_inside[5:]}) THEN q.fte ELSE 0 END)
          - sum(CASE WHEN NOT ({inside[5:]}) AND ({came_from_inside[5:]}) THEN q.fte ELSE 0 END)
        FROM rec q WHERE q.from_rank IS NOT NULL AND q.s BETWEEN {lo} AND {hi} GROUP BY ALL""",
        params * 4,
    )
    return {family: float(v) / len(years) for family, v in rows}


# --- 3-5-7, secondments, diversity, ICT, spreiding -------------------------------------------------------------


def _tenure_sql(day: int) -> str:
    return f"(({day} - st.position_start) / 365.25)"


def three_five_seven(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Time in the current job (the unbroken run of records at the same node with the same job title) of each
    person's main record at the peildatum: distribution over <3, 3-5, 5-7 and 7+ years, and per organisation
    one level below the scope the counts over 5 and over 7 years."""
    day = day_number(peildatum)
    st = _staff(wh, day, scope)
    names = _org_names(wh)
    m = st.main
    unit = _units(wh, st, scope)[m]
    t = (day - st.position_start[m]) / DAYS_PER_YEAR
    band = np.searchsorted(np.array([hi for _name, _lo, hi in TENURE_BANDS]), t, side="right")
    over5, over7 = (t > 5).astype(np.float64), (t > 7).astype(np.float64)
    per_unit = _tally_ids(unit, np.ones(len(unit), dtype=bool), over5)
    per_unit7 = {u: round(f) for u, _n, f, _r in _tally_ids(unit, np.ones(len(unit), dtype=bool), over7)}
    counts = np.bincount(band, minlength=len(TENURE_BANDS))
    dist = {name: int(counts[k]) for k, (name, _lo, _hi) in enumerate(TENURE_BANDS)}
    units = [
        {
            "organisation": int(u) if u is not None else u,
            "name": names.get(u, "") if u is not None else "",
            "headcount": n,
            "over_5": round(f5),
            "over_7": per_unit7[u],
        }
        for u, n, f5, _r in per_unit
    ]
    total = sum(dist.values())
    return {
        "peildatum": peildatum.isoformat(),
        "headcount": total,
        "distribution": [{"band": b, "headcount": dist[b]} for b, _lo, _hi in TENURE_BANDS],
        "over_5": sum(u["over_5"] for u in units),
        "over_7": sum(u["over_7"] for u in units),
        "organisations": sorted(units, key=lambda u: (-u["over_5"], u["name"])),
    }


def three_five_seven_people(
    wh: Warehouse, peildatum: dt.date, scope: Scope, *, min_years: float = 5.0
) -> list[dict[str, Any]]:
    """Persons in scope whose main record's job has run more than ``min_years`` (for a manager's own teams:
    the conversation list). Ids only; names are the platform's business."""
    day = day_number(peildatum)
    cte, params = _staff_cte(wh, day, scope)
    rows = _rows(
        wh,
        f"""WITH {cte} SELECT st.person_id, st.id, st.org_id, st.job_title, st.position_start,
            {_tenure_sql(day)} AS t FROM staff st WHERE st.main AND {_tenure_sql(day)} > ?
            ORDER BY t DESC, st.rank, st.person_id""",
        [*params, min_years],
    )
    return [
        {
            "person": int(p),
            "employment": int(e),
            "organisation": int(o),
            "job_title": title,
            "in_job_since": (dt.date(1970, 1, 1) + dt.timedelta(days=int(since))).isoformat(),
            "years": round(float(t), 1),
        }
        for p, e, o, title, since, t in rows
    ]


def secondments_over_one_year(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Secondment records running at the peildatum whose unbroken run of secondments started more than a year
    (365 days) before it: the comply-or-explain register (seed 002)."""
    day = day_number(peildatum)
    where, params = _scope_sql(wh, scope)
    rows = _rows(
        wh,
        f"""SELECT r.id, r.person_id, r.org_id, r.secondment_start, r.e, {day} - r.secondment_start AS days
        FROM rec r WHERE r.personnel AND r.s <= {day} AND r.e >= {day} AND r.contract = 'secondment'{where}
        ORDER BY days DESC, r.id""",
        params,
    )
    late = [row for row in rows if row[5] > 365]
    epoch = dt.date(1970, 1, 1)
    return {
        "peildatum": peildatum.isoformat(),
        "secondments": len(rows),
        "over_one_year": len(late),
        "register": [
            {
                "employment": int(e),
                "person": int(p),
                "organisation": int(o),
                "since": (epoch + dt.timedelta(days=int(since))).isoformat(),
                "planned_end": None if end >= OPEN else (epoch + dt.timedelta(days=int(end))).isoformat(),
                "days": int(days),
            }
            for e, p, o, since, end, days in late
        ],
    }


def diversity(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Women's share by scale group of each person's highest scale at the peildatum (10-13, 14+, and the
    (sub)top: 15+), overall; and the age balance (<35, 35-54, 55+). Aggregates only; gender 'unknown' and
    'other' count in the totals, not as women."""
    day = day_number(peildatum)
    st = _staff(wh, day, scope)
    m = st.main
    scale, age = st.max_scale[m], st.age(day)[m]
    female = st.gender[m] == _code_of(wh, "gender", "female")
    n = int(m.sum())
    mid, high, top = (scale >= 10) & (scale <= 13), scale >= 14, scale >= TOP_SCALE

    def group(name: str, sel: NDArray[np.bool_]) -> dict[str, Any]:
        total, women = int(sel.sum()), int((sel & female).sum())
        return {
            "group": name,
            "headcount": total,
            "women": women,
            "women_share": round(women / total, 4) if total else None,
        }

    return {
        "peildatum": peildatum.isoformat(),
        "women": [
            group("all", np.ones(n, dtype=bool)),
            group("10-13", mid),
            group("14+", high),
            group("top", top),
        ],
        "age_balance": [
            {"group": g, "headcount": int(v), "share": round(int(v) / n, 4) if n else None}
            for g, v in (
                ("<35", (age < 35).sum()),
                ("35-54", ((age >= 35) & (age <= 54)).sum()),
                ("55+", (age >= 55).sum()),
            )
        ],
    }


def ict(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """ICT staff (job family ICT): headcount and FTE, external ICT hires running at the peildatum (not
    personnel; shown beside it, as the KWIV does), and inflow, mobility and outflow per history year. The
    platform holds no formation (budgeted places): occupancy against formation cannot be computed."""
    ict_scope = Scope(
        organisations=scope.organisations,
        job_family=ICT_FAMILY,
        scale_group=scope.scale_group,
        contract_type=scope.contract_type,
        province=scope.province,
    )
    day = day_number(peildatum)
    where, params = _scope_sql(wh, Scope(organisations=scope.organisations, job_family=ICT_FAMILY))
    ext_n, ext_fte = _rows(
        wh,
        f"""SELECT count(DISTINCT r.person_id), coalesce(sum(r.fte), 0) FROM rec r
        WHERE r.contract = 'external' AND r.s <= {day} AND r.e >= {day}{where}""",
        params,
    )[0]
    head = headcount(wh, peildatum, ict_scope)
    hist = flows(wh, peildatum, ict_scope)
    return {
        "peildatum": peildatum.isoformat(),
        "headcount": head["headcount"],
        "fte": head["fte"],
        "external": {"headcount": int(ext_n), "fte": round(float(ext_fte), 1)},
        "formation": None,
        "years": [
            {
                "year": row["year"],
                "inflow": row["inflow"],
                "mobility": None
                if row["mobility_within"] is None
                else row["mobility_within"] + row["mobility_between"],
                "outflow": row["outflow_total"],
            }
            for row in hist["years"]
        ],
    }


def spreiding(wh: Warehouse, peildatum: dt.date, scope: Scope = RIJK) -> dict[str, Any]:
    """Persons and FTE at the peildatum by province and municipality of their work location ('' unknown)."""
    day = day_number(peildatum)
    st = _staff(wh, day, scope)
    provinces_, municipalities = (
        [*_enum_values(wh, "province"), None],
        [*_enum_values(wh, "municipality"), None],
    )
    size = len(municipalities)
    prov = np.where(st.province == NONE, len(provinces_) - 1, st.province)
    mun = np.where(st.municipality == NONE, size - 1, st.municipality)
    key, slots = prov * size + mun, len(provinces_) * size
    heads = np.bincount(key[st.main], minlength=slots)
    ftes = np.bincount(key, weights=st.fte, minlength=slots)
    records = np.bincount(key, minlength=slots)
    provinces: dict[str | None, dict[str, Any]] = {}
    for k in np.flatnonzero(records):
        name, town = provinces_[int(k) // size], municipalities[int(k) % size]
        n, fte = int(heads[k]), float(ftes[k])
        p = provinces.setdefault(name, {"province": name, "headcount": 0, "fte": 0.0, "municipalities": []})
        p["headcount"] += n
        p["fte"] += fte
        p["municipalities"].append({"municipality": town, "headcount": n, "fte": round(fte, 1)})
    for p in provinces.values():
        p["fte"] = round(p["fte"], 1)
    return {"peildatum": peildatum.isoformat(), "provinces": list(provinces.values())}


# The dashboard's panel set (what ``bench analytics`` times), each (wh, peildatum, scope) -> data.
PANELS = {
    "headcount": headcount,
    "breakdowns": breakdowns,
    "trend": trend,
    "age_pyramid": age_pyramid,
    "flows": flows,
    "mobility_matrix": mobility_matrix,
    "starters": starters,
    "outflow_forecast": outflow_forecast,
    "mpp": mpp,
    "three_five_seven": three_five_seven,
    "secondments": secondments_over_one_year,
    "diversity": diversity,
    "ict": ict,
    "spreiding": spreiding,
}
