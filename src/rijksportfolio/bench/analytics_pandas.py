# SPDX-License-Identifier: EUPL-1.2
"""The dashboard's panels for the whole Rijk in pandas: the baseline of ``bench analytics``.

The same definitions and the same derived tables as ``domain.analytics.panels`` (``rec``, ``person``,
``org``, ``dup`` taken from the warehouse as DataFrames), computed with pandas group-bys instead of DuckDB
SQL; the numpy parts (forecast, MPP survival) are shared. ``bench analytics`` checks that both give the same
key numbers. pandas is a development dependency: this module is imported by the benchmark only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from rijksportfolio.domain.analytics import panels as P
from rijksportfolio.domain.analytics.warehouse import OPEN, OUTFLOW, Warehouse, day_number
from rijksportfolio.domain.analytics.workforce import (
    AGE_BANDS,
    CONTRACT_GROUPS,
    DAYS_PER_YEAR,
    FORECAST_YEARS,
    forecast,
    project,
    rates_from_counts,
)


class Frames:
    def __init__(self, wh: Warehouse) -> None:
        self.rec = wh.cursor().sql("SELECT * FROM rec").df()
        self.person = wh.cursor().sql("SELECT * FROM person").df().set_index("id", drop=False)
        self.org = wh.cursor().sql("SELECT * FROM org").df().set_index("id", drop=False)
        self.dup = wh.cursor().sql("SELECT * FROM dup").df()
        self.personnel = self.rec[self.rec["personnel"]]
        self.cache: dict[Any, Any] = {}


def _running(f: Frames, day: int) -> pd.DataFrame:
    r = f.personnel
    return r[(r["s"] <= day) & (r["e"] >= day)]


def _staff(f: Frames, day: int) -> pd.DataFrame:
    r = _running(f, day)
    d = f.dup
    losers = d.loc[(d["ov_s"] <= day) & (d["ov_e"] >= day), "loser"].unique()
    return r.assign(main=~r["id"].isin(losers))


def _age(person: pd.DataFrame, day: int) -> pd.Series:
    d = dt.date(1970, 1, 1) + dt.timedelta(days=day)
    return d.year - person["birth_year"] - (person["birth_md"] > d.month * 100 + d.day).astype(int)


def headcount(f: Frames, peil: dt.date) -> dict[str, Any]:
    r = _running(f, day_number(peil))
    return {"headcount": int(r["person_id"].nunique()), "fte": round(float(r["fte"].sum()), 1)}


def _group(values: pd.Series, groups: tuple[tuple[str, int, int], ...]) -> pd.Series:
    out = pd.Series(pd.NA, index=values.index, dtype="object")
    for name, lo, hi in groups:
        out[(values >= lo) & (values <= hi)] = name
    return out


def breakdowns(f: Frames, peil: dt.date) -> dict[str, Any]:
    day = day_number(peil)
    st = _staff(f, day)
    pe = f.person.loc[st["person_id"].to_numpy()]
    d = pd.DataFrame(
        {
            "main": st["main"].to_numpy(),
            "fte": st["fte"].to_numpy(),
            "organisation": f.org.loc[st["org_id"].to_numpy(), "a0"].astype(str).to_numpy(),
            "scale_group": _group(st["scale"], P.SCALE_GROUPS).to_numpy(),
            "age_band": _group(_age(pe, day), P.AGE_GROUPS).to_numpy(),
            "gender": pe["gender"].to_numpy(),
            "contract_type": st["contract"].to_numpy(),
            "job_family": st["job_family"].to_numpy(),
            "work_type": st["work_type"].to_numpy(),
            "province": pe["province"].to_numpy(),
        }
    )
    out = {}
    for dim in P.BREAKDOWNS:
        g = d.groupby(dim)
        out[dim] = pd.DataFrame({"headcount": g["main"].sum(), "fte": g["fte"].sum()}).reset_index()
    return out


def trend(f: Frames, peil: dt.date) -> list[int]:
    days = [day_number(P._same_day_years_back(peil, k)) for k in range(10, -1, -1)]
    return [int(_running(f, d)["person_id"].nunique()) for d in days]


def age_pyramid(f: Frames, peil: dt.date) -> pd.Series:
    day = day_number(peil)
    st = _staff(f, day)
    pe = f.person.loc[st.loc[st["main"], "person_id"].to_numpy()]
    band = (_age(pe, day) // 5 * 5).clip(15, 70)
    return pe.groupby([band.to_numpy(), pe["gender"].to_numpy()]).size()


def flows(f: Frames, peil: dt.date, rec: pd.DataFrame | None = None) -> dict[int, dict[str, Any]]:
    rec = f.rec if rec is None else rec
    years = list(range(peil.year - 10, peil.year))
    day = day_number(peil)
    lo, hi = day_number(dt.date(years[0], 1, 1)), day_number(dt.date(years[-1], 12, 31))
    a = rec[rec["arrival"].notna() & (rec["s"] >= lo) & (rec["s"] <= hi) & (rec["s"] <= day)]
    arrivals = a.groupby(["s_year", "arrival"])["person_id"].nunique()
    ministries = a[a["from_ministry"].notna()].groupby("s_year")["person_id"].nunique()
    x = rec[rec["exit_cat"].notna() & (rec["e"] >= lo) & (rec["e"] <= hi) & (rec["s"] <= day)]
    x = x.assign(k=x["e"] * 10.0 + x["fte"]).sort_values("k")
    last = x.groupby(["person_id", "e_year"]).tail(1)
    outflow = last.groupby(["e_year", "exit_cat"]).size()
    personnel = rec[rec["personnel"]]
    out = {}
    for y in years:
        jan1 = day_number(dt.date(y, 1, 1))
        staff = personnel[(personnel["s"] <= jan1) & (personnel["e"] >= jan1)]["person_id"].nunique()
        out[y] = {
            "staff_jan1": int(staff),
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
    day = day_number(peil)
    years = list(range(peil.year - 10, peil.year))
    lo, hi = day_number(dt.date(years[0], 1, 1)), day_number(dt.date(years[-1], 12, 31))
    r = f.rec
    i = r[(r["arrival"] == "inflow") & (r["s"] >= lo) & (r["s"] <= hi) & (r["s"] <= day)]
    c = i.sort_values("s").groupby(["person_id", "s_year"], as_index=False).first()
    start = pd.to_datetime(c["s"], unit="D")
    known = f.personnel[f.personnel["s"] <= day][["person_id", "s", "e"]]
    m = c[["person_id", "s_year"]].merge(known, on="person_id", suffixes=("", "_q"))
    out = c[["person_id", "s_year", "contract"]].copy()
    for n in P.COHORT_YEARS:
        target = ((start + pd.DateOffset(years=n)) - pd.Timestamp(0)).dt.days.to_numpy()
        out[f"d{n}"] = target
        mm = m.merge(out[["person_id", "s_year", f"d{n}"]], on=["person_id", "s_year"])
        stay = mm[(mm["s"] <= mm[f"d{n}"]) & (mm["e"] >= mm[f"d{n}"])].drop_duplicates(
            ["person_id", "s_year"]
        )
        out = out.merge(stay[["person_id", "s_year"]].assign(**{f"stay{n}": True}), how="left")
    g = out.groupby("s_year")
    return pd.DataFrame(
        {
            "starters": g.size(),
            "temporary": g["contract"].apply(lambda s: s.isin(P.TEMPORARY).sum()),
            **{f"stay{n}": g[f"stay{n}"].count() for n in P.COHORT_YEARS},
            **{f"observed{n}": g[f"d{n}"].max() <= day for n in P.COHORT_YEARS},
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
            "pri": r["contract"].map({"permanent": 0, "secondment": 1}).fillna(2).to_numpy()[idx],
            "exit_day": r["spell_e"].to_numpy()[idx],
            "cat": r["spell_cat"].to_numpy()[idx],
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


def _rates(f: Frames, peil: dt.date) -> Any:
    exits = f.rec[f.rec["exit_cat"].notna() & (f.rec["s"] <= day_number(peil))]
    start = (dt.date(1970, 1, 1) + dt.timedelta(days=int(exits["e"].min()))).year
    years = [y for y in range(peil.year - 10, peil.year) if y >= start]
    key = tuple(years)
    if key not in f.cache:
        f.cache[key] = _fit_attrition(f, years)
    return f.cache[key]


def _staff_persons(f: Frames, day: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # type: ignore[type-arg]
    r = _running(f, day)
    pri = r["contract"].map({"permanent": 0, "secondment": 1}).fillna(2)
    g = pri.groupby(r["person_id"]).min().sort_index()
    ids = g.index.to_numpy()
    return ids, f.person.loc[ids, "birth"].to_numpy(), np.array([0, 2, 1])[g.to_numpy().astype(int)]


def outflow_forecast(f: Frames, peil: dt.date) -> list[dict[str, Any]]:
    day = day_number(peil)
    _ids, birth, group = _staff_persons(f, day)
    ahead = list(range(peil.year, peil.year + FORECAST_YEARS))
    return forecast(birth, group, day, _rates(f, peil), ahead, f.person.loc[_ids, "aow"].to_numpy())


def mpp(f: Frames, peil: dt.date) -> pd.DataFrame:
    day = day_number(peil)
    ids, birth, group = _staff_persons(f, day)
    ahead = list(range(peil.year, peil.year + FORECAST_YEARS))
    aow = f.person.loc[ids, "aow"].to_numpy()
    survival = np.column_stack([p for *_x, p in project(birth, group, day, _rates(f, peil), ahead, aow)])
    r = _running(f, day)
    idx = np.searchsorted(ids, r["person_id"].to_numpy())
    supply = pd.DataFrame(r["fte"].to_numpy()[:, None] * survival[idx], columns=ahead)
    return supply.groupby(r["job_family"].to_numpy()).sum()


def three_five_seven(f: Frames, peil: dt.date) -> pd.DataFrame:
    day = day_number(peil)
    st = _staff(f, day)
    m = st[st["main"]]
    t = (day - m["position_start"]) / 365.25
    unit = f.org.loc[m["org_id"].to_numpy(), "a0"].to_numpy()
    band = pd.cut(t, [-1, 3, 5, 7, 1e9], right=False, labels=[b for b, _l, _h in P.TENURE_BANDS])
    d = pd.DataFrame(
        {"unit": unit, "band": band.to_numpy(), "over5": (t > 5).to_numpy(), "over7": (t > 7).to_numpy()}
    )
    return d.groupby("unit").agg(n=("band", "size"), over5=("over5", "sum"), over7=("over7", "sum"))


def secondments(f: Frames, peil: dt.date) -> int:
    day = day_number(peil)
    r = _running(f, day)
    s = r[(r["contract"] == "secondment") & (day - r["secondment_start"] > 365)]
    return len(s)


def diversity(f: Frames, peil: dt.date) -> dict[str, int]:
    r = _running(f, day_number(peil))
    scale = r.groupby("person_id")["scale"].max()
    female = f.person.loc[scale.index, "gender"].to_numpy() == "female"
    s = scale.to_numpy()
    return {
        "all": int(female.sum()),
        "10-13": int((female & (s >= 10) & (s <= 13)).sum()),
        "14+": int((female & (s >= 14)).sum()),
        "top": int((female & (s >= P.TOP_SCALE)).sum()),
    }


def ict(f: Frames, peil: dt.date) -> dict[str, Any]:
    day = day_number(peil)
    rec = f.rec[f.rec["job_family"] == P.ICT_FAMILY]
    running = rec[(rec["s"] <= day) & (rec["e"] >= day)]
    personnel = running[running["personnel"]]
    external = running[running["contract"] == "external"]
    return {
        "headcount": int(personnel["person_id"].nunique()),
        "external": int(external["person_id"].nunique()),
        "flows": flows(f, peil, rec),
    }


def spreiding(f: Frames, peil: dt.date) -> pd.DataFrame:
    st = _staff(f, day_number(peil))
    pe = f.person.loc[st["person_id"].to_numpy()]
    d = pd.DataFrame(
        {
            "province": pe["province"].to_numpy(),
            "municipality": pe["municipality"].to_numpy(),
            "main": st["main"].to_numpy(),
            "fte": st["fte"].to_numpy(),
        }
    )
    return d.groupby(["province", "municipality"]).agg(n=("main", "sum"), fte=("fte", "sum"))


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
    return wrong
