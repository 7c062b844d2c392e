# SPDX-License-Identifier: EUPL-1.2
"""The dashboard's panels for the whole Rijk in pandas: the baseline of ``bench analytics``.

The same definitions, the same inputs and the same shortcuts as ``domain.analytics.panels``, written with
pandas group-bys instead of DuckDB SQL and numpy counts: the warehouse's derived tables (``rec``, ``person``,
``org``, ``dup``) as DataFrames, with DuckDB's ENUM columns as pandas categoricals; the precomputed columns the
DuckDB panels use (the continuity of each record, the person's attributes copied onto it, the flags that mark a
person's first arrival and last outflow of a year, the starters' stays, ``dup`` for the main record); the
staff at the peildatum and its projection computed once per run and shared by the panels that need them (as
``panels.computation``); the forecast on classes of equal birth date and contract group with the shared numpy
code (``workforce.project``). ``bench analytics`` checks that both give the same key numbers. pandas is a
development dependency: this module is imported by the benchmark only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd

from rijksportfolio.domain.analytics import panels as P
from rijksportfolio.domain.analytics.warehouse import COHORT_YEARS, OPEN, OUTFLOW, Warehouse, day_number
from rijksportfolio.domain.analytics.workforce import (
    AGE_BANDS,
    CONTRACT_GROUPS,
    DAYS_PER_YEAR,
    FORECAST_YEARS,
    forecast_summary,
    project,
    rates_from_counts,
)

FLAGS = ("stay1", "stay2", "stay5")  # the other flags are never NULL


class Frames:
    def __init__(self, wh: Warehouse) -> None:
        rec = wh.cursor().sql("SELECT * FROM rec").df()
        for flag in FLAGS:  # SQL's NULL is false in a filter
            rec[flag] = rec[flag].fillna(False).astype(bool)
        self.rec = rec
        self.person = wh.cursor().sql("SELECT * FROM person").df().set_index("id", drop=False)
        self.org = wh.cursor().sql("SELECT * FROM org").df().set_index("id", drop=False)
        self.dup = wh.cursor().sql("SELECT * FROM dup").df()
        self.personnel = self.rec[self.rec["personnel"]]
        self.cache: dict[Any, Any] = {}  # kept between runs: what the warehouse keeps (rates, history start)
        self.shared: dict[Any, Any] | None = None  # within one run (``computation``)


@contextmanager
def computation(f: Frames) -> Iterator[None]:
    """One run of the panels: the staff at the peildatum and its projection are computed once in it."""
    f.shared = {}
    try:
        yield
    finally:
        f.shared = None


def _once(f: Frames, key: tuple[Any, ...], compute: Any) -> Any:
    if f.shared is None:
        return compute()
    if key not in f.shared:
        f.shared[key] = compute()
    return f.shared[key]


def _running(f: Frames, day: int) -> pd.DataFrame:
    r = f.personnel
    return r[(r["s"] <= day) & (r["e"] >= day)]


def _losers(f: Frames, day: int) -> pd.Series:
    d = f.dup
    return d.loc[(d["ov_s"] <= day) & (d["ov_e"] >= day), "loser"]


def _staff(f: Frames, day: int) -> pd.DataFrame:
    """The running records with ``main`` (shared within a run)."""

    def compute() -> pd.DataFrame:
        r = _running(f, day)
        return r.assign(main=~r["id"].isin(_losers(f, day).unique()))

    return _once(f, ("staff", day), compute)  # type: ignore[no-any-return]


def _age(frame: pd.DataFrame, day: int) -> pd.Series:
    d = dt.date(1970, 1, 1) + dt.timedelta(days=day)
    return d.year - frame["birth_year"] - (frame["birth_md"] > d.month * 100 + d.day).astype(int)


def headcount(f: Frames, peil: dt.date) -> dict[str, Any]:
    day = day_number(peil)
    r = _running(f, day)
    return {"headcount": len(r) - _losers(f, day).nunique(), "fte": round(float(r["fte"].sum()), 1)}


def _group(values: pd.Series, groups: tuple[tuple[str, int, int], ...]) -> pd.Series:
    out = pd.Series(pd.NA, index=values.index, dtype="object")
    for name, lo, hi in groups:
        out[(values >= lo) & (values <= hi) & out.isna()] = name
    return out


def breakdowns(f: Frames, peil: dt.date) -> dict[str, Any]:
    day = day_number(peil)
    st = _staff(f, day)
    d = pd.DataFrame(
        {
            "main": st["main"],
            "fte": st["fte"],
            "organisation": st["a0"],
            "scale_group": _group(st["scale"], P.SCALE_GROUPS),
            "age_band": _group(_age(st, day), P.AGE_GROUPS),
            "gender": st["gender"],
            "contract_type": st["contract"],
            "job_family": st["job_family"],
            "work_type": st["work_type"],
            "province": st["province"],
        }
    )
    out = {}
    for dim in P.BREAKDOWNS:
        g = d.groupby(dim, observed=True)
        out[dim] = pd.DataFrame({"headcount": g["main"].sum(), "fte": g["fte"].sum()}).reset_index()
    return out


def trend(f: Frames, peil: dt.date) -> list[int]:
    days = [day_number(P._same_day_years_back(peil, k)) for k in range(10, -1, -1)]
    return [len(_running(f, d)) - _losers(f, d).nunique() for d in days]


def age_pyramid(f: Frames, peil: dt.date) -> pd.Series:
    day = day_number(peil)
    st = _staff(f, day)
    m = st[st["main"]]
    band = (_age(m, day) // 5 * 5).clip(15, 70)
    return m.groupby([band, m["gender"]], observed=True).size()


def flows(f: Frames, peil: dt.date, rec: pd.DataFrame | None = None) -> dict[int, dict[str, Any]]:
    """Persons at most once per year and kind: a record that is its person's only one of the kind that year (the
    warehouse's ``*_single`` flags) counts as it is, the others by distinct persons / the last outflow.
    ``rec``: a subset of the records (``ict``); None: the Rijk."""
    rijk = rec is None
    rec = f.rec if rec is None else rec
    years = list(range(peil.year - 10, peil.year))
    day = day_number(peil)
    lo, hi = day_number(dt.date(years[0], 1, 1)), day_number(dt.date(years[-1], 12, 31))
    a = rec[rec["arrival"].notna() & (rec["s"] >= lo) & (rec["s"] <= hi) & (rec["s"] <= day)]
    keys = ["s_year", "arrival"]
    arrivals = (
        a[a["arr_single"]]
        .groupby(keys, observed=True)
        .size()
        .add(a[~a["arr_single"]].groupby(keys, observed=True)["person_id"].nunique(), fill_value=0)
    )
    moved = a[a["from_ministry"].notna()]
    ministries = (
        moved[moved["arr_single"]]
        .groupby("s_year")
        .size()
        .add(moved[~moved["arr_single"]].groupby("s_year")["person_id"].nunique(), fill_value=0)
    )
    x = rec[rec["exit_cat"].notna() & (rec["e"] >= lo) & (rec["e"] <= hi) & (rec["s"] <= day)]
    several = x[~x["exit_single"]]
    several = several.assign(k=several["e"] * 10.0 + several["fte"]).sort_values("k")
    last = pd.concat([x[x["exit_single"]], several.groupby(["person_id", "e_year"]).tail(1)])
    outflow = last.groupby(["e_year", "exit_cat"], observed=True).size()
    personnel = rec[rec["personnel"]]
    d = f.dup if rijk else f.dup[f.dup["a_id"].isin(rec["id"]) & f.dup["b_id"].isin(rec["id"])]
    out = {}
    for y in years:
        jan1 = day_number(dt.date(y, 1, 1))
        running = int(((personnel["s"] <= jan1) & (personnel["e"] >= jan1)).sum())
        losers = d.loc[(d["ov_s"] <= jan1) & (d["ov_e"] >= jan1), "loser"].nunique()
        out[y] = {
            "staff_jan1": running - int(losers),
            "inflow": int(arrivals.get((y, "inflow"), 0)),
            "mobility_within": int(arrivals.get((y, "within"), 0)),
            "mobility_between": int(arrivals.get((y, "between"), 0)),
            "mobility_between_ministries": int(ministries.get(y, 0)),
            "outflow": {c: int(outflow.get((y, c), 0)) for c in OUTFLOW},
        }
    return out


def mobility_matrix(f: Frames, peil: dt.date) -> pd.Series:
    y = peil.year - 1
    r = f.rec
    m = r[r["from_ministry"].notna() & (r["s_year"] == y) & (r["s"] <= day_number(peil))]
    return m.groupby(["from_ministry", "ministry_id"])["person_id"].nunique()


def starters(f: Frames, peil: dt.date) -> pd.DataFrame:
    """Each person's first inflow of a year (the only one: the warehouse's flag; else the earliest) with its stays
    1, 2 and 5 years on."""
    day = day_number(peil)
    years = list(range(peil.year - 10, peil.year))
    lo, hi = day_number(dt.date(years[0], 1, 1)), day_number(dt.date(years[-1], 12, 31))
    r = f.rec
    i = r[(r["arrival"] == "inflow") & (r["s"] >= lo) & (r["s"] <= hi) & (r["s"] <= day)]
    several = i[~i["arr_single"]].sort_values("s").groupby(["person_id", "s_year"], as_index=False).first()
    c = pd.concat([i[i["arr_single"]], several])
    g = c.groupby("s_year")
    latest = pd.to_datetime(g["s"].max(), unit="D")
    return pd.DataFrame(
        {
            "starters": g.size(),
            "temporary": c["contract"].isin(P.TEMPORARY).groupby(c["s_year"]).sum(),
            **{f"stay{n}": g[f"stay{n}"].sum() for n in COHORT_YEARS},
            **{f"observed{n}": latest + pd.DateOffset(years=n) <= pd.Timestamp(peil) for n in COHORT_YEARS},
        }
    )


def _fit_attrition(f: Frames, years: list[int]) -> Any:
    nb, ng = len(AGE_BANDS), len(CONTRACT_GROUPS)
    if not years:
        return rates_from_counts(np.zeros((nb, ng)), np.zeros((nb, ng)))
    y0, y1 = years[0], years[-1]
    r = f.personnel
    r = r[(r["s"] <= day_number(dt.date(y1, 1, 1))) & (r["e"] >= day_number(dt.date(y0, 1, 1)))]
    first = np.where(
        pd.to_datetime(r["s"], unit="D").dt.dayofyear.to_numpy() == 1, r["s_year"], r["s_year"] + 1
    )
    first = np.maximum(first, y0)
    last = np.minimum(r["e_year"].fillna(y1).to_numpy().astype(np.int64), y1)
    n = np.clip(last - first + 1, 0, None)
    idx = np.repeat(np.arange(len(r)), n)
    offset = np.arange(len(idx)) - np.repeat(np.cumsum(n) - n, n)
    cover = pd.DataFrame(
        {
            "y": first[idx] + offset,
            "person_id": r["person_id"].to_numpy()[idx],
            "pri": r["pri"].to_numpy()[idx],
            "exit_day": r["spell_e"].to_numpy()[idx],
            "cat": r["spell_cat"].astype(object).to_numpy()[idx],
        }
    )
    st = cover.groupby(["y", "person_id"], as_index=False).agg(
        pri=("pri", "min"), exit_day=("exit_day", "first"), cat=("cat", "first")
    )
    pe = f.person.loc[st["person_id"].to_numpy()]
    jan1 = (pd.to_datetime(st["y"].astype(str) + "-01-01") - pd.Timestamp(0)).dt.days.to_numpy()
    dec31 = (pd.to_datetime(st["y"].astype(str) + "-12-31") - pd.Timestamp(0)).dt.days.to_numpy()
    last_day = pe["aow"].to_numpy() - 1
    age = st["y"].to_numpy() - pe["birth_year"].to_numpy() - (pe["birth_md"].to_numpy() > 101)
    exit_day = st["exit_day"].fillna(OPEN).to_numpy()
    ok = last_day >= jan1
    band = np.searchsorted(np.array(AGE_BANDS[1:]), age, side="right")
    grp = np.array([0, 2, 1])[st["pri"].to_numpy().astype(int)]
    event = (exit_day <= dec31) & (exit_day <= last_day) & (st["cat"].to_numpy() != "state_pension")
    expo = (np.minimum(np.minimum(dec31, last_day), exit_day) - jan1 + 1) / DAYS_PER_YEAR
    events, exposure = np.zeros((nb, ng)), np.zeros((nb, ng))
    np.add.at(events, (band[ok], grp[ok]), event[ok].astype(float))
    np.add.at(exposure, (band[ok], grp[ok]), expo[ok])
    return rates_from_counts(events, exposure)


def _history_start(f: Frames, peil: dt.date) -> int:
    """The year of the first recorded outflow known at the peildatum (kept, as the warehouse keeps it)."""
    key = ("history_start", peil)
    if key not in f.cache:
        exits = f.rec[f.rec["exit_cat"].notna() & (f.rec["s"] <= day_number(peil))]
        f.cache[key] = (dt.date(1970, 1, 1) + dt.timedelta(days=int(exits["e"].min()))).year
    return f.cache[key]  # type: ignore[no-any-return]


def _rates(f: Frames, peil: dt.date) -> Any:
    start = _history_start(f, peil)
    key = tuple(y for y in range(peil.year - 10, peil.year) if y >= start)
    if key not in f.cache:
        f.cache[key] = _fit_attrition(f, list(key))
    return f.cache[key]


def _partners(f: Frames, day: int, column: str, how: str) -> pd.Series:
    """Per record running on ``day`` in a ``dup`` pair: the min or max of ``column`` over its partners."""
    d = f.dup[(f.dup["ov_s"] <= day) & (f.dup["ov_e"] >= day)]
    both = pd.concat(
        [
            d[["a_id", f"b_{column}"]].set_axis(["id", column], axis=1),
            d[["b_id", f"a_{column}"]].set_axis(["id", column], axis=1),
        ]
    )
    return both.groupby("id")[column].agg(how)


def _staff_classes(f: Frames, day: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The staff records with their person's contract group (the lowest priority of the person's records: the
    record's own or a partner's in ``dup``) and class, and the classes (persons of equal birth date and
    contract group) with their state-pension date and persons (shared within a run)."""

    def compute() -> tuple[pd.DataFrame, pd.DataFrame]:
        st = _staff(f, day)
        pri = np.minimum(
            st["pri"].to_numpy(), st["id"].map(_partners(f, day, "pri", "min")).fillna(9).to_numpy()
        )
        st = st.assign(group=np.array([0, 2, 1])[pri.astype(int)])
        st = st.assign(cls=st.groupby(["birth", "group"]).ngroup())
        classes = st.groupby("cls").agg(
            birth=("birth", "first"), group=("group", "first"), aow=("aow", "first"), persons=("main", "sum")
        )
        return st, classes

    return _once(f, ("classes", day), compute)  # type: ignore[no-any-return]


def _projection(f: Frames, peil: dt.date) -> Any:
    day = day_number(peil)
    _st, classes = _staff_classes(f, day)
    ahead = list(range(peil.year, peil.year + FORECAST_YEARS))

    def compute() -> Any:
        return list(
            project(
                classes["birth"].to_numpy().astype(np.int64),
                classes["group"].to_numpy().astype(np.int64),
                day,
                _rates(f, peil),
                ahead,
                classes["aow"].to_numpy().astype(np.int64),
            )
        )

    return _once(f, ("projection", day), compute)


def outflow_forecast(f: Frames, peil: dt.date) -> list[dict[str, Any]]:
    _st, classes = _staff_classes(f, day_number(peil))
    persons = classes["persons"].to_numpy()
    return forecast_summary(_projection(f, peil), int(persons.sum()), persons)


def mpp(f: Frames, peil: dt.date) -> pd.DataFrame:
    st, _classes = _staff_classes(f, day_number(peil))
    survival = pd.DataFrame(
        np.column_stack([present for *_x, present in _projection(f, peil)]),
        columns=list(range(peil.year, peil.year + FORECAST_YEARS)),
    )
    fte = st.groupby(["job_family", "cls"], observed=True)["fte"].sum().rename("fte").reset_index()
    supply = survival.iloc[fte["cls"].to_numpy()].mul(fte["fte"].to_numpy(), axis=0)
    return supply.groupby(fte["job_family"].to_numpy()).sum()


def three_five_seven(f: Frames, peil: dt.date) -> pd.DataFrame:
    day = day_number(peil)
    st = _staff(f, day)
    m = st[st["main"]]
    t = (day - m["position_start"]) / 365.25
    band = pd.cut(t, [-1, 3, 5, 7, 1e9], right=False, labels=[b for b, _l, _h in P.TENURE_BANDS])
    d = pd.DataFrame({"unit": m["a0"], "band": band, "over5": t > 5, "over7": t > 7})
    return d.groupby("unit").agg(n=("band", "size"), over5=("over5", "sum"), over7=("over7", "sum"))


def secondments(f: Frames, peil: dt.date) -> int:
    day = day_number(peil)
    r = _running(f, day)
    s = r[(r["contract"] == "secondment") & (day - r["secondment_start"] > 365)]
    return len(s)


def diversity(f: Frames, peil: dt.date) -> dict[str, int]:
    """Each person's highest scale: the main record's, or a higher one of the records it pairs with."""
    day = day_number(peil)
    st = _staff(f, day)
    m = st[st["main"]]
    scale = np.maximum(
        m["scale"].to_numpy(), m["id"].map(_partners(f, day, "scale", "max")).fillna(0).to_numpy()
    )
    female = (m["gender"] == "female").to_numpy()
    return {
        "all": int(female.sum()),
        "10-13": int((female & (scale >= 10) & (scale <= 13)).sum()),
        "14+": int((female & (scale >= 14)).sum()),
        "top": int((female & (scale >= P.TOP_SCALE)).sum()),
    }


def ict(f: Frames, peil: dt.date) -> dict[str, Any]:
    day = day_number(peil)
    rec = f.rec[f.rec["job_family"] == P.ICT_FAMILY]
    running = rec[(rec["s"] <= day) & (rec["e"] >= day)]
    personnel = running[running["personnel"]]
    external = running[running["contract"] == "external"]
    d = f.dup[(f.dup["ov_s"] <= day) & (f.dup["ov_e"] >= day)]
    losers = d.loc[(d["a_job_family"] == P.ICT_FAMILY) & (d["b_job_family"] == P.ICT_FAMILY), "loser"]
    return {
        "headcount": len(personnel) - losers.nunique(),
        "external": int(external["person_id"].nunique()),
        "flows": flows(f, peil, rec),
    }


def spreiding(f: Frames, peil: dt.date) -> pd.DataFrame:
    st = _staff(f, day_number(peil))
    return st.groupby(["province", "municipality"], observed=True).agg(n=("main", "sum"), fte=("fte", "sum"))


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
    "secondments": secondments,
    "diversity": diversity,
    "ict": ict,
    "spreiding": spreiding,
}


def agreement(f: Frames, wh: Warehouse, peil: dt.date) -> list[str]:
    """Key numbers that differ between the pandas and the DuckDB panels (empty: they agree)."""
    wrong = []
    head = P.headcount(wh, peil)
    if headcount(f, peil) != {"headcount": head["headcount"], "fte": head["fte"]}:
        wrong.append("headcount")
    if trend(f, peil) != [t["headcount"] for t in P.trend(wh, peil)["trend"]]:
        wrong.append("trend")
    duck = {row["year"]: row for row in P.flows(wh, peil)["years"]}
    for y, row in flows(f, peil).items():
        if duck[y]["inflow"] is None:
            continue
        keys = ("staff_jan1", "inflow", "mobility_within", "mobility_between", "mobility_between_ministries")
        if any(row[k] != duck[y][k] for k in keys) or row["outflow"] != duck[y]["outflow"]:
            wrong.append(f"flows {y}")
    if outflow_forecast(f, peil) != P.outflow_forecast(wh, peil)["forecast"]:
        wrong.append("outflow_forecast")
    bd = P.breakdowns(wh, peil)["breakdowns"]
    for dim, frame in breakdowns(f, peil).items():
        if sorted(int(v) for v in frame["headcount"]) != sorted(
            r["headcount"] for r in bd[dim] if r["key"] is not None
        ):
            wrong.append(f"breakdown {dim}")
    if secondments(f, peil) != P.secondments_over_one_year(wh, peil)["over_one_year"]:
        wrong.append("secondments")
    div = {g["group"]: g["women"] for g in P.diversity(wh, peil)["women"]}
    if diversity(f, peil) != div:
        wrong.append("diversity")
    tsf = three_five_seven(f, peil)
    if int(tsf["over5"].sum()) != P.three_five_seven(wh, peil)["over_5"]:
        wrong.append("three_five_seven")
    cohorts = {c["year"]: c for c in P.starters(wh, peil)["cohorts"]}
    for y, row in starters(f, peil).iterrows():
        duck_c = cohorts.get(int(y))
        if duck_c is None or duck_c["starters"] is None:
            continue
        stays = [
            round(int(row[f"stay{n}"]) / int(row["starters"]), 4) if row[f"observed{n}"] else None
            for n in COHORT_YEARS
        ]
        if int(row["starters"]) != duck_c["starters"] or stays != [
            duck_c[f"still_employed_{n}y"] for n in COHORT_YEARS
        ]:
            wrong.append(f"starters {int(y)}")
    supply = mpp(f, peil)
    for family in P.mpp(wh, peil)["job_families"]:
        ours = [round(float(v), 1) for v in supply.loc[family["job_family"]]]
        if ours != [y["supply"] for y in family["years"]]:
            wrong.append(f"mpp {family['job_family']}")
    return wrong
