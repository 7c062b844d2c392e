# SPDX-License-Identifier: EUPL-1.2
"""Published figures of the sector Rijk (calibration C1–C16) and their computation from personnel history.

Pure numpy over plain arrays: ``people.selectors.calibration_data`` extracts them from the database, the
generator tests build them from a generated Rijk directly. Every figure is computed "as of" a date from the
employment records running on that date (start <= date <= end), never from generator parameters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

OPEN_END = np.iinfo(np.int64).max // 2

C1_FTE = {
    2015: 109.2,
    2016: 109.6,
    2017: 110.6,
    2018: 113.5,
    2019: 119.2,
    2020: 125.4,
    2021: 131.1,
    2022: 138.4,
}
C2_FTE_2024 = 157_019
C4_FTE = {"core_department": 17.3, "shared_service": 7.4, "inspectorate": 8.9, "executive_agency": 89.6}
# C5: core-department fte 2022. EZK was split into EZ and KGG in 2024: "ezk" is compared with ez + kgg.
C5_FTE = {
    "az": 217,
    "bzk": 1987,
    "bz": 2455,
    "ezk": 1844,
    "fin": 1767,
    "ienw": 2078,
    "jenv": 2073,
    "lnv": 555,
    "ocw": 1216,
    "szw": 1254,
    "vws": 1903,
}
C5_MERGE = {"ez": "ezk", "kgg": "ezk"}
C6_INFLOW = {2015: 3.6, 2016: 5.8, 2017: 5.8, 2018: 7.5, 2019: 9.8, 2020: 10.0, 2021: 9.2, 2022: 10.9}


@dataclass(frozen=True)
class CalibrationData:
    """Persons (indexed 0..n-1) and their employment records. Dates are day numbers (days since 1970-01-01);
    a running record has ``end == OPEN_END``."""

    birth: NDArray[np.int64]
    female: NDArray[np.bool_]
    person: NDArray[np.int64]
    start: NDArray[np.int64]
    end: NDArray[np.int64]
    fte: NDArray[np.float64]
    scale: NDArray[np.int64]
    contract: NDArray[np.str_]
    category: NDArray[
        np.str_
    ]  # sector category of the record's organisation (its service or kerndepartement)
    ministry: NDArray[np.str_]  # code of the ministry the organisation belongs to


@dataclass(frozen=True)
class Figure:
    code: str
    name: str
    published: str
    generated: str
    tolerance: str
    within: bool | None  # None: context only, not checked


def _day(year: int, month: int = 12, day: int = 31) -> int:
    return int(np.datetime64(dt.date(year, month, day), "D").astype(np.int64))


class Workforce:
    """Cross-sections of the personnel history."""

    def __init__(self, data: CalibrationData) -> None:
        self.d = data
        order = np.lexsort((data.start, data.person))
        p, s, e = data.person[order], data.start[order], data.end[order]
        # entry from outside: no record of the same person running the day before the start
        prev_max = np.full(len(p), -(2**62), dtype=np.int64)
        if len(p) > 1:
            same = np.r_[False, p[1:] == p[:-1]]
            starts = np.nonzero(~same)[0]
            run_max = _segment_cummax(np.minimum(e, 10**7), starts)
            prev_max[1:] = np.where(same[1:], run_max[:-1], -(2**62))
        self.entry_start = s[prev_max < s - 1]
        self.entry_contract = data.contract[order][prev_max < s - 1]

    def running(self, day: int) -> NDArray[np.bool_]:
        return (self.d.start <= day) & (self.d.end >= day)

    def people(self, day: int) -> NDArray[np.int64]:
        return np.unique(self.d.person[self.running(day)])

    def headcount(self, day: int) -> int:
        return len(self.people(day))

    def fte(self, day: int) -> float:
        return float(self.d.fte[self.running(day)].sum())

    def top_scale(self, day: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """People running on ``day`` and the highest scale each holds."""
        r = self.running(day)
        people, inverse = np.unique(self.d.person[r], return_inverse=True)
        scale = np.zeros(len(people), dtype=np.int64)
        np.maximum.at(scale, inverse, self.d.scale[r])
        return people, scale

    def ages(self, day: int) -> NDArray[np.float64]:
        return np.asarray((day - self.d.birth[self.people(day)]) / 365.25, dtype=np.float64)

    def entries(self, year: int) -> NDArray[np.bool_]:
        return (self.entry_start >= _day(year, 1, 1)) & (self.entry_start <= _day(year))


def _segment_cummax(values: NDArray[np.int64], starts: NDArray[np.intp]) -> NDArray[np.int64]:
    """Running maximum of ``values`` restarting at every index in ``starts`` (sorted, starts[0] == 0)."""
    seg = np.zeros(len(values), dtype=np.int64)
    seg[starts[1:]] = 1
    seg = np.cumsum(seg)
    # shift each segment above all previous ones so one global cummax never crosses a boundary
    lo = values.min()
    span = int(values.max() - lo) + 1
    shifted = (values - lo) + seg * span
    return np.asarray(np.maximum.accumulate(shifted) - seg * span + lo, dtype=np.int64)


def _pct(x: float) -> str:
    return f"{x:.1f} %"


def compute(data: CalibrationData, *, reference_year: int = 2024) -> list[Figure]:
    """All calibration figures C1–C16."""
    w = Workforce(data)
    out: list[Figure] = []
    ref_fte = w.fte(_day(reference_year))
    scale = ref_fte / (C2_FTE_2024 / 1000) if ref_fte else 0.0
    # C1: shape of growth, fte per year end relative to the reference year
    devs = []
    gen_vals = []
    for year, value in C1_FTE.items():
        gen = w.fte(_day(year)) / scale if scale else 0.0
        gen_vals.append(gen)
        devs.append(abs(gen - value) / value)
    out.append(
        Figure(
            "C1",
            "fte 2015–2022 (×1,000, scaled to 157,019 in 2024)",
            ", ".join(f"{v:.1f}" for v in C1_FTE.values()),
            ", ".join(f"{v:.1f}" for v in gen_vals),
            "±3 % per year",
            bool(max(devs) <= 0.03),
        )
    )
    fte23 = w.fte(_day(reference_year - 1))
    growth = (ref_fte / fte23 - 1) * 100 if fte23 else 0.0
    out.append(
        Figure(
            "C2",
            f"fte {reference_year} (growth on previous year)",
            "157,019 (+6.2 %)",
            f"{ref_fte:,.0f} (+{growth:.1f} %)",
            "sets the scale",
            None,
        )
    )
    # C3: part-time factor c. 2016
    d16 = _day(2016)
    factor = w.fte(d16) / max(1, w.headcount(d16))
    out.append(
        Figure(
            "C3", "fte per person (2016)", "0.91", f"{factor:.3f}", "±0.03", bool(abs(factor - 0.91) <= 0.03)
        )
    )
    # C4: fte by sector category 2022
    d22 = _day(2022)
    r = w.running(d22)
    total = data.fte[r].sum()
    shares = {
        c: float(data.fte[r & (data.category == c)].sum() / total * 100) if total else 0.0 for c in C4_FTE
    }
    pub = {c: v / sum(C4_FTE.values()) * 100 for c, v in C4_FTE.items()}
    out.append(
        Figure(
            "C4",
            "fte share by category 2022 (core / SSO / inspectorate / agency)",
            " / ".join(f"{pub[c]:.1f}" for c in C4_FTE),
            " / ".join(f"{shares[c]:.1f}" for c in C4_FTE),
            "±2 pp",
            all(abs(shares[c] - pub[c]) <= 2 for c in C4_FTE),
        )
    )
    # C5: core departments' fte shares 2022
    core = r & (data.category == "core_department")
    ministries = (
        np.array([C5_MERGE.get(m, m) for m in data.ministry[core]]) if core.any() else np.array([], dtype=str)
    )
    core_fte = data.fte[core]
    core_total = core_fte.sum()
    pub_total = sum(C5_FTE.values())
    worst = 0.0
    gen5 = {}
    for m, v in C5_FTE.items():
        g = float(core_fte[ministries == m].sum() / core_total) if core_total else 0.0
        gen5[m] = g
        worst = max(worst, abs(g - v / pub_total) / (v / pub_total))
    out.append(
        Figure(
            "C5",
            "core-department fte shares 2022 (largest deviation)",
            "AZ 1.3 % … BZ 14.2 %",
            f"AZ {gen5['az'] * 100:.1f} % … BZ {gen5['bz'] * 100:.1f} %; worst {worst * 100:.1f} % off",
            "±10 % relative",
            bool(worst <= 0.10),
        )
    )
    # C6: inflow from outside as % of personnel
    gen6 = {}
    for year in C6_INFLOW:
        gen6[year] = w.entries(year).sum() / max(1, w.headcount(_day(year))) * 100
    out.append(
        Figure(
            "C6",
            "inflow from outside, % of personnel 2015–2022",
            ", ".join(f"{v:.1f}" for v in C6_INFLOW.values()),
            ", ".join(f"{v:.1f}" for v in gen6.values()),
            "±1.5 pp per year",
            all(abs(gen6[y] - C6_INFLOW[y]) <= 1.5 for y in C6_INFLOW),
        )
    )
    # C7: age end 2014
    ages = w.ages(_day(2014))
    avg, s60, s50 = (
        (float(ages.mean()), float((ages >= 60).mean() * 100), float((ages >= 50).mean() * 100))
        if len(ages)
        else (0.0, 0.0, 0.0)
    )
    out.append(
        Figure(
            "C7",
            "age end 2014: average; 60+; 50+",
            "47; 12 %; 46 %",
            f"{avg:.1f}; {_pct(s60)}; {_pct(s50)}",
            "±1 year; ±3 pp",
            bool(abs(avg - 47) <= 1 and abs(s60 - 12) <= 3 and abs(s50 - 46) <= 3),
        )
    )
    ages16 = w.ages(d16)
    s55 = float((ages16 >= 55).mean() * 100) if len(ages16) else 0.0
    out.append(Figure("C8", "share 55+ (2016)", "> 25 %", _pct(s55), "25–32 %", bool(25 <= s55 <= 32)))
    # C9: gender 2015
    p15, sc15 = w.top_scale(_day(2015))
    women = float(data.female[p15].mean() * 100) if len(p15) else 0.0
    top = sc15 >= 15
    women_top = float(data.female[p15[top]].mean() * 100) if top.any() else 0.0
    out.append(
        Figure(
            "C9",
            "women 2015: overall; scale 15+",
            "44 %; 31 %",
            f"{_pct(women)}; {_pct(women_top)}",
            "±2 pp; ±4 pp",
            bool(abs(women - 44) <= 2 and abs(women_top - 31) <= 4),
        )
    )
    # C10: gender by age 2017
    d17 = _day(2017)
    p17 = w.people(d17)
    age17 = (d17 - data.birth[p17]) / 365.25
    young = float(data.female[p17[age17 < 45]].mean() * 100) if (age17 < 45).any() else 0.0
    old = float(data.female[p17[age17 >= 45]].mean() * 100) if (age17 >= 45).any() else 0.0
    out.append(
        Figure(
            "C10",
            "women 2017: under 45; 45 and older",
            "majority; minority",
            f"{_pct(young)}; {_pct(old)}",
            "qualitative",
            bool(young > 50 and old < 50),
        )
    )
    # C11: women in the (sub)top, reference year
    pr, scr = w.top_scale(_day(reference_year))
    topr = scr >= 15
    women_top_r = float(data.female[pr[topr]].mean() * 100) if topr.any() else 0.0
    out.append(
        Figure(
            "C11",
            f"women in scale 15+ ({reference_year})",
            "40.9 %",
            _pct(women_top_r),
            "±4 pp",
            bool(abs(women_top_r - 40.9) <= 4),
        )
    )
    # C12: scale distribution c. 2016 (records running)
    r16 = w.running(d16)
    counts = np.bincount(data.scale[r16], minlength=19).astype(float)
    s513 = counts[5:14].sum() / max(1.0, counts.sum()) * 100
    peaks = bool(
        counts[7] > counts[6]
        and counts[7] > counts[8]
        and counts[11] > counts[10]
        and counts[11] > counts[12]
    )
    out.append(
        Figure(
            "C12",
            "scales 2016: share in 5–13; peaks at 7 and 11",
            "88 %; peaks",
            f"{_pct(s513)}; {'peaks' if peaks else 'no peaks'}",
            "±4 pp; peaks present",
            bool(abs(s513 - 88) <= 4 and peaks),
        )
    )
    # C13: shift from scales 5–9 to 10–13
    s59, s1013, cross = {}, {}, None
    for year in range(2015, reference_year + 1):
        rr = w.running(_day(year))
        c = np.bincount(data.scale[rr], minlength=19).astype(float)
        tot = max(1.0, c.sum())
        s59[year], s1013[year] = c[5:10].sum() / tot * 100, c[10:14].sum() / tot * 100
        if cross is None and s1013[year] > s59[year]:
            cross = year
    ok13 = bool(
        cross is not None
        and 2016 <= cross <= 2019
        and s59[reference_year] < s59[2017]
        and s1013[reference_year] > s1013[2017]
    )
    out.append(
        Figure(
            "C13",
            "scales 5–9 vs 10–13, 2017 → " + str(reference_year),
            "5–9 declines, 10–13 grows; crossover 2017/2018",
            f"5–9 {s59[2017]:.0f}→{s59[reference_year]:.0f} %, 10–13 {s1013[2017]:.0f}→{s1013[reference_year]:.0f} %; crossover {cross}",
            "qualitative",
            ok13,
        )
    )
    # C14: permanent contracts Q3 2017 (civil servants: external hires excluded)
    rq = w.running(_day(2017, 9, 30)) & (data.contract != "external")
    perm = float((data.contract[rq] == "permanent").mean() * 100) if rq.any() else 0.0
    out.append(
        Figure("C14", "permanent contracts (Q3 2017)", "92 %", _pct(perm), "±2 pp", bool(abs(perm - 92) <= 2))
    )
    # C15: starters on a temporary contract 2017
    e17 = w.entries(2017)
    temp = float((w.entry_contract[e17] == "temporary").mean() * 100) if e17.any() else 0.0
    out.append(
        Figure(
            "C15",
            "starters on a temporary contract (2017)",
            "82 %",
            _pct(temp),
            "±5 pp",
            bool(abs(temp - 82) <= 5),
        )
    )
    h18, h23 = w.headcount(_day(2018)), w.headcount(_day(2023))
    out.append(
        Figure(
            "C16",
            "headcount 2018; 2023",
            "≈118,000; ruim 155,000 (wider count)",
            f"{h18:,}; {h23:,}",
            "context",
            None,
        )
    )
    return out


def summary(figures: list[Figure]) -> dict[str, int]:
    checked = [f for f in figures if f.within is not None]
    return {"within_tolerance": sum(1 for f in checked if f.within), "figures": len(checked)}
