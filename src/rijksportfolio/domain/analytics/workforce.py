# SPDX-License-Identifier: EUPL-1.2
"""Key workforce figures as of a peildatum: headcount and FTE, ten years of in-, door- and uitstroom, and the
twelve-year outflow forecast (state pension and attrition).

Pure numpy over plain arrays (no Django): ``rijksportfolio.workforce.selectors.workforce_data`` extracts them
from the database; tests build them by hand. Every concept is defined in ``docs/workforce-figures.md``; the
short version:

* Personnel are records whose contract type is not ``external`` (external hires are not personnel). All figures
  use personnel records only; a record starting after the peildatum is not known yet and ignored.
* Continuity: a person is "in the Rijk" on a day when one of their personnel records runs on it
  (start <= day <= end; no end = running). A new record *continues* when another record of the same person runs
  on the day before it starts (adjacent or overlapping); a record *ends into nothing* when no other record of
  the person runs on the day after its end.
* Arrivals (a record starting in year Y, counted for the scope the record is in):
  no record the day before -> inflow; a record at the same organisation node with the same job -> no event
  (a change of FTE, scale or contract); else a record in the same top-level organisation -> mobility_within;
  else -> mobility_between.
* Departures (a record ending in year Y): no record of the person the day after -> outflow, by end reason;
  a record elsewhere in the Rijk but outside the scope -> mobility out of the scope (not outflow, not reported
  in these figures); a record in the scope -> nothing.
* Counts are persons: a person is counted at most once per year in each of inflow, mobility_within,
  mobility_between and outflow (with the reason of their last outflow that year).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from rijksportfolio.domain.aow import aow_dates
from rijksportfolio.domain.vocabulary import (  # re-exported: one vocabulary for generator and analytics
    CONTRACTS as CONTRACTS,
    DISMISSAL as DISMISSAL,
    END_OF_CONTRACT as END_OF_CONTRACT,
    END_OF_SECONDMENT as END_OF_SECONDMENT,
    END_REASONS as END_REASONS,
    EXTERNAL as EXTERNAL,
    MOBILITY as MOBILITY,
    NO_REASON as NO_REASON,
    OTHER as OTHER,
    OWN_REQUEST as OWN_REQUEST,
    PERMANENT as PERMANENT,
    SECONDMENT as SECONDMENT,
    STATE_PENSION as STATE_PENSION,
    TEMPORARY as TEMPORARY,
    TRAINEE as TRAINEE,
)

I64 = NDArray[np.int64]
F64 = NDArray[np.float64]
B = NDArray[np.bool_]

OPEN_END = np.iinfo(np.int64).max // 4


# Outflow categories of the figures and the end reasons each covers (anything else -> "other").
OUTFLOW = ("state_pension", "own_request", "end_of_contract", "other")
OUTFLOW_OF_REASON = np.array([3, 3, 0, 1, 2, 2, 3, 3], dtype=np.int64)  # indexed by END_REASONS

HISTORY_YEARS = 10
FORECAST_YEARS = 12
DAYS_PER_YEAR = 365.25
# Attrition rates: age bands (lower bounds, years) and contract groups; cells with less exposure than this many
# person-years fall back to the age band over all contract groups, then to the overall rate.
AGE_BANDS = (0, 25, 30, 35, 40, 45, 50, 55, 60)
CONTRACT_GROUPS = ("permanent", "temporary", "secondment")
GROUP_OF_CONTRACT = np.array([0, 1, 2, 1, 1], dtype=np.int64)  # external never reaches this (not personnel)
MIN_EXPOSURE = 100.0


@dataclass(frozen=True)
class WorkforceData:
    """Persons (indexed 0..n-1) and their employment records, one array element per record.

    Dates are day numbers (days since 1970-01-01); a running record has ``end == OPEN_END``. ``contract`` and
    ``end_reason`` index ``CONTRACTS`` and ``END_REASONS``. ``node`` is the record's organisation, ``top`` its
    top-level organisation (core department or agency: the nearest ancestor-or-self with a sector category),
    ``job`` any integer code of the job title. ``in_scope`` marks records in the organisation subtree asked
    for (``None``: the whole Rijk)."""

    birth: I64
    person: I64
    start: I64
    end: I64
    fte: F64
    contract: I64
    end_reason: I64
    node: I64
    top: I64
    job: I64
    in_scope: B | None = None


def day_number(value: dt.date) -> int:
    return int(np.datetime64(value, "D").astype(np.int64))


def _jan1(year: int) -> int:
    return day_number(dt.date(year, 1, 1))


def _year_of(days: I64) -> I64:
    return np.asarray(days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970)


def _age_years(birth: I64, day: I64 | int) -> I64:
    """Completed years of age on ``day`` (a birthday on 29 February counts on 1 March in other years)."""
    b = birth.astype("datetime64[D]")
    d = np.broadcast_to(np.asarray(day, dtype=np.int64), birth.shape).astype("datetime64[D]")

    def parts(x: NDArray[np.datetime64]) -> tuple[I64, I64, I64]:
        y = x.astype("datetime64[Y]")
        m = x.astype("datetime64[M]")
        return (
            y.astype(np.int64),
            (m - y.astype("datetime64[M]")).astype(np.int64),
            (x - m.astype("datetime64[D]")).astype(np.int64),
        )

    by, bm, bd = parts(b)
    dy, dm, dd = parts(d)
    before_birthday = (dm < bm) | ((dm == bm) & (dd < bd))
    return np.asarray(dy - by - before_birthday, dtype=np.int64)


class _Records:
    """Personnel records known at the peildatum, sorted by person and start, with their continuity flags."""

    def __init__(self, data: WorkforceData, peildatum: int, max_gap_days: int = 0) -> None:
        keep = (data.contract != EXTERNAL) & (data.start <= peildatum)
        idx = np.nonzero(keep)[0]
        idx = idx[np.lexsort((data.start[idx], data.person[idx]))]
        self.person = data.person[idx]
        self.start = data.start[idx]
        self.end = data.end[idx]
        self.fte = data.fte[idx]
        self.contract = data.contract[idx]
        self.reason = data.end_reason[idx]
        self.node = data.node[idx]
        self.top = data.top[idx]
        self.job = data.job[idx]
        self.scope = np.ones(len(idx), dtype=bool) if data.in_scope is None else data.in_scope[idx]
        n = len(idx)
        p, s, e = self.person, self.start, self.end
        self.has_pred = np.zeros(n, dtype=bool)  # another record runs on the day before this one starts
        self.pred_same_top = np.zeros(n, dtype=bool)
        self.pred_same_position = np.zeros(n, dtype=bool)  # … at the same node with the same job
        self.has_succ = np.zeros(n, dtype=bool)  # another record runs on the day after this one ends
        self.succ_in_scope = np.zeros(n, dtype=bool)
        if n == 0:
            return
        group_start = np.r_[True, p[1:] != p[:-1]]
        sizes = np.diff(np.r_[np.nonzero(group_start)[0], n])
        ends_before = e < OPEN_END
        for k in range(1, int(sizes.max())):
            i = np.arange(k, n)
            j = i - k
            same = p[j] == p[i]
            if not same.any():
                break
            # j (earlier start) precedes i: j started strictly before i and runs on i's start - 1 (+ allowed gap)
            pred = same & (s[j] < s[i]) & (e[j] >= s[i] - 1 - max_gap_days)
            self.has_pred[i] |= pred
            self.pred_same_top[i] |= pred & (self.top[j] == self.top[i])
            self.pred_same_position[i] |= pred & (self.node[j] == self.node[i]) & (self.job[j] == self.job[i])
            # i (later start) continues j: starts no later than the day after j's end (+ gap), ends after it
            nxt = same & ends_before[j] & (s[i] <= e[j] + 1 + max_gap_days) & (e[i] >= e[j] + 1)
            self.has_succ[j] |= nxt
            self.succ_in_scope[j] |= nxt & self.scope[i]
            # j (earlier start) continues i: still running the day after i ends
            back = same & ends_before[i] & (e[j] >= e[i] + 1)
            self.has_succ[i] |= back
            self.succ_in_scope[i] |= back & self.scope[j]


def _persons_per_year(person: I64, year: I64, years: list[int]) -> list[int]:
    """Distinct persons per year."""
    if len(person) == 0:
        return [0] * len(years)
    key = np.unique(person * 10_000 + year)
    counts = np.bincount(key % 10_000, minlength=max(years) + 1)
    return [int(counts[y]) for y in years]


def history(r: _Records, years: list[int]) -> list[dict[str, Any]]:
    """Inflow, mobility within/between and outflow by reason for each calendar year in ``years``."""
    lo, hi = _jan1(years[0]), _jan1(years[-1] + 1) - 1
    arrive = r.scope & (r.start >= lo) & (r.start <= hi)
    inflow = arrive & ~r.has_pred
    moved = arrive & r.has_pred & ~r.pred_same_position
    within = moved & r.pred_same_top
    between = moved & ~r.pred_same_top
    ends = r.end < OPEN_END
    out = r.scope & ends & ~r.has_succ & (r.end >= lo) & (r.end <= hi)
    y_start = _year_of(r.start)
    y_end = _year_of(np.where(ends, r.end, 0))
    n_in = _persons_per_year(r.person[inflow], y_start[inflow], years)
    n_within = _persons_per_year(r.person[within], y_start[within], years)
    n_between = _persons_per_year(r.person[between], y_start[between], years)
    # outflow: one per person and year, the reason of their last outflow that year (ties: the largest FTE)
    oi = np.nonzero(out)[0]
    oi = oi[np.lexsort((r.fte[oi], r.end[oi], y_end[oi], r.person[oi]))]
    last = np.r_[(r.person[oi][1:] != r.person[oi][:-1]) | (y_end[oi][1:] != y_end[oi][:-1]), True]
    oi = oi[last] if len(oi) else oi
    cat = OUTFLOW_OF_REASON[r.reason[oi]]
    table = np.zeros((len(years), len(OUTFLOW)), dtype=np.int64)
    np.add.at(table, (y_end[oi] - years[0], cat), 1)
    return [
        {
            "year": year,
            "inflow": n_in[k],
            "mobility_within": n_within[k],
            "mobility_between": n_between[k],
            "outflow": {name: int(table[k, c]) for c, name in enumerate(OUTFLOW)},
        }
        for k, year in enumerate(years)
    ]


def _staff(r: _Records, day: int, scope: bool = True) -> tuple[I64, I64, float]:
    """Persons with a running record on ``day`` (in the scope), their contract group, and the summed FTE."""
    run = (r.start <= day) & (r.end >= day)
    if scope:
        run &= r.scope
    persons, inverse = np.unique(r.person[run], return_inverse=True)
    # contract group by priority: permanent, then secondment, then temporary/trainee
    rank = np.array([0, 2, 1], dtype=np.int64)[GROUP_OF_CONTRACT[r.contract[run]]]
    best = np.full(len(persons), 9, dtype=np.int64)
    np.minimum.at(best, inverse, rank)
    group = np.array([0, 2, 1], dtype=np.int64)[best] if len(persons) else best
    return persons, group, float(r.fte[run].sum())


def _band(age: I64) -> I64:
    return np.asarray(np.searchsorted(np.array(AGE_BANDS[1:]), age, side="right"), dtype=np.int64)


@dataclass(frozen=True)
class AttritionRates:
    """Annual attrition hazards (outflow for any reason but state pension, per person-year at risk) by age band
    (rows, ``AGE_BANDS``) and contract group (columns, ``CONTRACT_GROUPS``), with the data behind them."""

    rate: F64
    events: F64
    exposure: F64


def attrition_rates(r: _Records, birth: I64, years: list[int]) -> AttritionRates:
    """Estimated on the whole Rijk over ``years``: each year, everyone in the Rijk on 1 January is followed to
    their first outflow, their last day before the state-pension age, or 31 December, whichever comes first.
    An outflow with a reason other than state pension in that window is an attrition event."""
    nb, ng = len(AGE_BANDS), len(CONTRACT_GROUPS)
    events = np.zeros((nb, ng))
    exposure = np.zeros((nb, ng))
    if not years:
        return AttritionRates(rate=np.zeros((nb, ng)), events=events, exposure=exposure)
    exits = np.nonzero((r.end < OPEN_END) & ~r.has_succ)[0]  # Rijk-level outflow records
    # one exit per person and day; sorted by person then day for "first exit on or after"
    exits = exits[np.lexsort((r.end[exits], r.person[exits]))]
    ex_p, ex_d, ex_r = r.person[exits], r.end[exits], r.reason[exits]
    base = min(int(ex_d.min()) if len(ex_d) else 0, _jan1(years[0]))
    span = max(int(ex_d.max()) if len(ex_d) else 0, _jan1(years[-1] + 1)) - base + 1
    key = ex_p * span + (ex_d - base)  # sorted: (person, day) as one integer
    for year in years:
        jan1, dec31 = _jan1(year), _jan1(year + 1) - 1
        persons, group, _ = _staff(r, jan1, scope=False)
        if len(persons) == 0:
            continue
        last_day = aow_dates(birth[persons]) - 1
        ok = last_day >= jan1  # already past the state-pension age: not at risk of attrition
        persons, group, last_day = persons[ok], group[ok], last_day[ok]
        pos = np.searchsorted(key, persons * span + (jan1 - base))
        pos_c = np.minimum(pos, max(len(key) - 1, 0))
        found = (pos < len(key)) & (ex_p[pos_c] == persons) if len(key) else np.zeros(len(persons), bool)
        exit_day = np.where(found, ex_d[pos_c] if len(key) else 0, OPEN_END)
        stop = np.minimum(np.minimum(dec31, last_day), exit_day)
        event = found & (exit_day <= dec31) & (exit_day <= last_day)
        if len(key):
            event &= OUTFLOW_OF_REASON[ex_r[pos_c]] != 0
        band = _band(_age_years(birth[persons], jan1))
        np.add.at(exposure, (band, group), (stop - jan1 + 1) / DAYS_PER_YEAR)
        np.add.at(events, (band, group), event.astype(np.float64))
    return rates_from_counts(events, exposure)


def rates_from_counts(events: F64, exposure: F64) -> AttritionRates:
    """Rates per (age band, contract group) cell; a cell under ``MIN_EXPOSURE`` person-years takes its age band's
    rate over all groups, a band under it the overall rate."""
    nb, ng = events.shape
    rate = np.zeros((nb, ng))
    overall = events.sum() / exposure.sum() if exposure.sum() > 0 else 0.0
    for b in range(nb):
        band_exp = exposure[b].sum()
        band_rate = events[b].sum() / band_exp if band_exp >= MIN_EXPOSURE else overall
        for g in range(ng):
            rate[b, g] = events[b, g] / exposure[b, g] if exposure[b, g] >= MIN_EXPOSURE else band_rate
    return AttritionRates(rate=rate, events=events, exposure=exposure)


def project(
    birth: I64, group: I64, peildatum: int, rates: AttritionRates, years: list[int], aow: I64 | None = None
) -> Iterator[tuple[int, F64, F64, B, F64]]:
    """Per year: (year, expected attrition per person, expected state-pension exit per person, who reaches the
    state-pension age in the year, probability of still being there at the end of the year). ``aow``: the
    state-pension dates when already known (``aow_dates(birth)``)."""
    n = len(birth)
    last_day = np.maximum((aow_dates(birth) if aow is None else aow) - 1, peildatum)
    exit_year = _year_of(last_day)
    present = np.ones(n)
    b = birth.astype("datetime64[D]")
    birth_year = b.astype("datetime64[Y]").astype(np.int64) + 1970
    month = b.astype("datetime64[M]")
    birth_md = (
        (month.astype(np.int64) % 12 + 1) * 100 + (b - month.astype("datetime64[D]")).astype(np.int64) + 1
    )
    for year in years:
        begin = max(peildatum, _jan1(year))
        dec31 = _jan1(year + 1) - 1
        begin_date = dt.date(1970, 1, 1) + dt.timedelta(days=begin)
        age = begin_date.year - birth_year - (birth_md > begin_date.month * 100 + begin_date.day)
        band = _band(np.asarray(age, dtype=np.int64))
        hazard = rates.rate[band, group] if n else np.zeros(0)
        at_risk_days = np.clip(np.minimum(dec31, last_day - 1) - begin + 1, 0, None)
        q = 1.0 - np.exp(-hazard * at_risk_days / DAYS_PER_YEAR)
        leave_attrition = present * q
        present = present - leave_attrition
        retire = exit_year == year
        leave_pension = np.where(retire, present, 0.0)
        present = np.where(retire, 0.0, present)
        yield year, leave_attrition, leave_pension, retire, present


Projection = list[tuple[int, F64, F64, B, F64]]


def forecast(
    birth: I64,
    group: I64,
    peildatum: int,
    rates: AttritionRates,
    years: list[int],
    aow: I64 | None = None,
    weight: I64 | None = None,
) -> list[dict[str, Any]]:
    """Outflow of the staff at the peildatum in each of ``years``.

    ``state_pension``: staff whose last day before the state-pension age falls in the year (everyone stays until
    then; someone already past it leaves in the first year). ``total``: expected departures for any reason —
    each person faces their attrition hazard (age band of the year, contract group at the peildatum) until the
    last day before the state-pension age, and leaves then if still there (competing risks).

    ``weight``: each element stands for this many persons with the same date of birth and contract group
    (``person_classes``), who share one projection; None: one person each."""
    n = len(birth) if weight is None else int(weight.sum())
    return forecast_summary(list(project(birth, group, peildatum, rates, years, aow)), n, weight)


def forecast_summary(projection: Projection, n: int, weight: I64 | None = None) -> list[dict[str, Any]]:
    """The rows of ``forecast`` from a ``project`` of ``n`` persons (of classes of ``weight`` persons each)."""
    w = np.ones(0) if weight is None else weight.astype(np.float64)
    sp_cum = 0
    out = []
    for year, leave_attrition, leave_pension, retire, present in projection:
        if weight is None:
            sp = int(retire.sum())
            total = float(leave_attrition.sum() + leave_pension.sum())
            remaining = float(present.sum())
        else:
            # products summed without BLAS (its threads would spin on a shared machine for these small sums)
            sp = int(weight[retire].sum())
            total = float((w * leave_attrition).sum() + (w * leave_pension).sum())
            remaining = float((w * present).sum())
        sp_cum += sp
        out.append(
            {
                "year": year,
                "state_pension": sp,
                "total": round(total),
                "cumulative_state_pension_share": round(sp_cum / n, 4) if n else 0.0,
                "cumulative_share": round((n - remaining) / n, 4) if n else 0.0,
            }
        )
    return out


def person_classes(birth: I64, group: I64) -> tuple[I64, I64, I64]:
    """Persons with the same date of birth and contract group have the same projection (``project`` depends
    on nothing else): the distinct (birth, group) pairs as (birth, group) arrays in ascending order, and each
    person's index into them. Without sorting when the births span a sane range (a lookup table)."""
    if len(birth) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    ng = len(CONTRACT_GROUPS)
    low = int(birth.min())
    key = (birth.astype(np.int64) - low) * ng + group.astype(np.int64)
    size = int(key.max()) + 1
    if size <= 16 * len(key) + 1_000_000:
        seen = np.zeros(size, dtype=bool)
        seen[key] = True
        keys = np.flatnonzero(seen)
        index = np.cumsum(seen, dtype=np.int64) - 1
        inverse = index[key]
    else:
        keys, inverse = np.unique(key, return_inverse=True)
    return keys // ng + low, keys % ng, np.asarray(inverse, dtype=np.int64)


def rate_years(r: _Records, years: list[int]) -> list[int]:
    """The history years the attrition rates are estimated on: those from the year of the earliest recorded
    outflow (a record ending with no record of the person the day after). Before it the history holds only the
    records of people who were still there later (an HR system's or the generator's starting stock), which
    would make leaving look rarer than it was."""
    outflow = r.end[(r.end < OPEN_END) & ~r.has_succ]
    if len(outflow) == 0:
        return []
    first = int(_year_of(np.array([outflow.min()]))[0])
    return [y for y in years if y >= first]


def figures(data: WorkforceData, peildatum: dt.date, *, max_gap_days: int = 0) -> dict[str, Any]:
    """The key figures as of ``peildatum`` for the scope of ``data`` (see the module docstring)."""
    day = day_number(peildatum)
    r = _Records(data, day, max_gap_days)
    persons, group, fte = _staff(r, day)
    past = list(range(peildatum.year - HISTORY_YEARS, peildatum.year))
    ahead = list(range(peildatum.year, peildatum.year + FORECAST_YEARS))
    rates = attrition_rates(r, data.birth, rate_years(r, past))
    return {
        "peildatum": peildatum.isoformat(),
        "headcount": len(persons),
        "fte": round(fte, 1),
        "history": history(r, past),
        "forecast": forecast(data.birth[persons], group, day, rates, ahead),
    }
