# SPDX-License-Identifier: EUPL-1.2
"""The synthetic Rijk: ten years of personnel history, simulated year by year with numpy.

The stock at the start (reference date minus ten years) is drawn first, with records that started before the
window. Then, per year: scheduled endings (state-pension age, end of temporary contracts, secondments), then
voluntary and other outflow so that the year-end headcount follows the published growth (C1), internal events
(moves within and between organisations, promotions, FTE changes, secondments) and inflow from outside at the
published rate (C6). A record is never changed: every change closes it (``end_reason`` "mobility") and opens
a new one the next day. Deterministic: everything comes from one ``numpy.random.Generator`` seeded with ``seed``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from rijksportfolio.domain.aow import aow_dates
from rijksportfolio.domain.generator import params as P
from rijksportfolio.domain.generator.dates import add_months, to_days, ymd
from rijksportfolio.domain.generator.titles import POLICY_ESCO_BY_PROFILE, TITLES

I64 = NDArray[np.int64]
F64 = NDArray[np.float64]
NEVER = np.iinfo(np.int64).max // 2


@dataclass(frozen=True)
class Unit:
    """A kerndepartement (ministry) or dienst with its teams (leaves) and buildings."""

    code: str
    ministry: str
    category: str  # one of params.CATEGORIES
    weight: float  # relative size within its category
    profile: str
    location_codes: tuple[str, ...]
    leaves: tuple[tuple[str, str], ...]  # (organisation code, dominant job family or "")


@dataclass
class GeneratedRijk:
    """Columns of persons and employment records; record ``end`` is -1 while running at the reference date."""

    reference_date: dt.date
    seed: int
    leaf_codes: list[str]
    unit_codes: list[str]
    location_codes: list[str]
    titles: list[str]
    occupations: list[str]  # ESCO URIs
    # persons
    birth: I64
    female: NDArray[np.bool_]
    first_name: I64
    last_name: I64
    location: I64  # index into location_codes
    # records
    person: I64
    leaf: I64
    family: I64
    work_type: I64
    scale: I64
    fte: F64
    contract: I64
    title: I64
    occupation: I64
    start: I64
    end: I64
    end_reason: I64
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def people(self) -> int:
        return len(self.birth)

    @property
    def records(self) -> int:
        return len(self.person)


WORK_TYPE_OF_FAMILY = {
    "beleid": "policy",
    "uitvoering": "execution",
    "toezicht": "inspection",
    "ict": "ict",
    "financien": "operations",
    "hrm": "operations",
    "juridisch": "policy",
    "communicatie": "operations",
    "leidinggevend": "policy",
    "bedrijfsvoering": "operations",
    "onderzoek": "policy",
}
WORK_TYPES = ("policy", "execution", "inspection", "operations", "ict")
CATEGORY_WORK_TYPE = {
    "core_department": "policy",
    "shared_service": "operations",
    "inspectorate": "inspection",
    "executive_agency": "execution",
}


class _Catalogue:
    """Vectorised lookup tables derived from the units and the title list."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.unit_codes = [u.code for u in units]
        self.unit_category = np.array([P.CATEGORIES.index(u.category) for u in units])
        cat_total = {c: sum(u.weight for u in units if u.category == c) for c in P.CATEGORIES}
        total_cat = sum(P.CATEGORY_FTE[c] for c in P.CATEGORIES if cat_total[c] > 0)
        w = np.array(
            [P.CATEGORY_FTE[u.category] / total_cat * u.weight / cat_total[u.category] for u in units]
        )
        self.unit_cum = np.cumsum(w) / w.sum()
        self.leaf_codes: list[str] = []
        self.leaf_hint: list[int] = []
        lo, hi = [], []
        for u in units:
            lo.append(len(self.leaf_codes))
            for code, hint in u.leaves:
                self.leaf_codes.append(code)
                self.leaf_hint.append(P.FAMILIES.index(hint) if hint else -1)
            hi.append(len(self.leaf_codes))
        self.unit_lo, self.unit_hi = np.array(lo), np.array(hi)
        self.leaf_unit = np.repeat(np.arange(len(units)), self.unit_hi - self.unit_lo)
        self.hint = np.array(self.leaf_hint)
        self.location_codes = sorted({c for u in units for c in u.location_codes})
        self.unit_locations = [
            np.array([self.location_codes.index(c) for c in u.location_codes]) for u in units
        ]
        # titles: candidates per (profile, family, scale)
        profiles = sorted({u.profile for u in units})
        self.unit_profile = np.array([profiles.index(u.profile) for u in units])
        self.titles = sorted({t.title for t in TITLES})
        uris = sorted({t.esco_uri for t in TITLES} | {v[0] for v in POLICY_ESCO_BY_PROFILE.values()})
        self.occupations = uris
        nf = len(P.FAMILIES)
        cand: dict[tuple[int, int, int], list[int]] = {}
        self.allowed = np.zeros((nf, 19), dtype=bool)
        for t in TITLES:
            f = P.FAMILIES.index(t.family)
            for s in range(t.scale_low, t.scale_high + 1):
                if t.profiles is None:
                    self.allowed[f, s] = True
                for pi, prof in enumerate(profiles):
                    if t.profiles is None or prof in t.profiles:
                        cand.setdefault((pi, f, s), []).append(self.titles.index(t.title))
        width = max(len(v) for v in cand.values())
        self.cand = np.full((len(profiles), nf, 19, width), -1, dtype=np.int64)
        self.cand_n = np.zeros((len(profiles), nf, 19), dtype=np.int64)
        for (pi, f, s), lst in cand.items():
            self.cand[pi, f, s, : len(lst)] = lst
            self.cand_n[pi, f, s] = len(lst)
        # occupation per (title, profile): policy titles take the policy field's ESCO occupation
        self.occ = np.zeros((len(self.titles), len(profiles)), dtype=np.int64)
        for t in TITLES:
            ti = self.titles.index(t.title)
            for pi, prof in enumerate(profiles):
                uri = t.esco_uri
                if (
                    t.family == "beleid"
                    and t.esco_label == "beleidsverantwoordelijke"
                    and prof in POLICY_ESCO_BY_PROFILE
                ):
                    uri = POLICY_ESCO_BY_PROFILE[prof][0]
                self.occ[ti, pi] = uris.index(uri)
        self.family_w = np.array([P.FAMILY_WEIGHTS[c] for c in P.CATEGORIES], dtype=float)
        fam_wt = [WORK_TYPES.index(WORK_TYPE_OF_FAMILY[f]) for f in P.FAMILIES]
        self.work_type = np.array([[fam_wt[f] for f in range(nf)] for _ in P.CATEGORIES])
        for ci, c in enumerate(P.CATEGORIES):  # managers and researchers do the work of their organisation
            for fam in ("leidinggevend", "onderzoek", "juridisch"):
                if c != "core_department":
                    self.work_type[ci, P.FAMILIES.index(fam)] = WORK_TYPES.index(CATEGORY_WORK_TYPE[c])


class _Sim:
    def __init__(self, units: list[Unit], people: int, seed: int, reference_date: dt.date) -> None:
        self.cat = _Catalogue(units)
        self.rng = np.random.default_rng(seed)
        self.ref = reference_date
        self.n_target = people
        self.chunks: list[dict[str, np.ndarray]] = []
        self.n = 0
        cap = int(people * 2.2) + 1000
        self.birth = np.zeros(cap, np.int64)
        self.female = np.zeros(cap, bool)
        self.active = np.zeros(cap, bool)
        self.leaf = np.zeros(cap, np.int64)
        self.family = np.zeros(cap, np.int64)
        self.scale = np.zeros(cap, np.int64)
        self.fte = np.zeros(cap, np.float64)
        self.contract = np.zeros(cap, np.int64)
        self.title = np.zeros(cap, np.int64)
        self.start = np.zeros(cap, np.int64)
        self.planned_end = np.full(cap, NEVER, np.int64)  # end of a temporary contract / secondment
        self.home_leaf = np.full(cap, -1, np.int64)  # where an internal secondee returns to
        self.aow = np.full(cap, NEVER, np.int64)

    # --- drawing helpers -------------------------------------------------------------------------------------
    def _pick(self, p: F64, size: int) -> I64:
        return np.searchsorted(np.cumsum(p) / np.sum(p), self.rng.random(size), side="right")

    def _units(self, size: int) -> I64:
        return np.searchsorted(self.cat.unit_cum, self.rng.random(size), side="right")

    def _leaf_in(self, units: I64) -> I64:
        lo, hi = self.cat.unit_lo[units], self.cat.unit_hi[units]
        return np.asarray(lo + (self.rng.random(len(units)) * (hi - lo)).astype(np.int64), dtype=np.int64)

    def _family(self, leaves: I64, scales: I64) -> I64:
        cats = self.cat.unit_category[self.cat.leaf_unit[leaves]]
        w = self.cat.family_w[cats] * self.cat.allowed[:, scales].T
        hint = self.cat.hint[leaves]
        has = hint >= 0
        rows = np.nonzero(has)[0]
        boost = w.sum(axis=1) * P.HINT_BOOST
        w[rows, hint[rows]] += boost[rows] * self.cat.allowed[hint[rows], scales[rows]]
        # scales 16-18 are (nearly) only management; make sure every row has some weight
        w[w.sum(axis=1) == 0, P.FAMILIES.index("leidinggevend")] = 1.0
        cum = np.cumsum(w, axis=1)
        u = self.rng.random(len(leaves)) * cum[:, -1]
        return np.asarray((u[:, None] >= cum).sum(axis=1), dtype=np.int64)

    def _title(self, leaves: I64, families: I64, scales: I64) -> I64:
        prof = self.cat.unit_profile[self.cat.leaf_unit[leaves]]
        n = self.cat.cand_n[prof, families, scales]
        k = (self.rng.random(len(leaves)) * n).astype(np.int64)
        return np.asarray(self.cat.cand[prof, families, scales, k], dtype=np.int64)

    def _fte(self, female: NDArray[np.bool_]) -> F64:
        out = P.FTE_VALUES[self._pick(P.FTE_P_MEN, len(female))]
        fw = np.nonzero(female)[0]
        out[fw] = P.FTE_VALUES[self._pick(P.FTE_P_WOMEN, len(fw))]
        return np.asarray(out, dtype=np.float64)

    def _ages(self, bands: Sequence[tuple[float, float, float]], size: int) -> F64:
        p = np.array([b[2] for b in bands])
        idx = self._pick(p, size)
        lo = np.array([b[0] for b in bands])[idx]
        hi = np.array([b[1] for b in bands])[idx]
        return np.asarray(lo + self.rng.random(size) * (hi - lo), dtype=np.float64)

    def _planned_end(self, contract: I64, start: I64) -> I64:
        out = np.full(len(contract), NEVER, np.int64)
        months = np.select(
            [
                contract == P.TEMPORARY,
                contract == P.TRAINEE,
                contract == P.SECONDMENT,
                contract == P.EXTERNAL,
            ],
            [
                self.rng.choice([12, 12, 12, 24, 24], len(contract)),
                np.full(len(contract), 24),
                self.rng.choice([12, 18, 24, 36], len(contract)),
                self.rng.choice([12, 12, 24], len(contract)),
            ],
            0,
        )
        temp = months > 0
        out[temp] = add_months(start[temp], months[temp]) - 1
        return out

    def _fill_vacancies(self, hires: int, target: int) -> I64:
        """Units for the starters: recruitment fills each unit up to its share of the year-end target."""
        act = np.nonzero(self.active[: self.n])[0]
        current = np.bincount(self.cat.leaf_unit[self.leaf[act]], minlength=len(self.cat.units))
        share = np.diff(np.r_[0.0, self.cat.unit_cum])
        deficit = np.clip(share * target - current, 0, None)
        if deficit.sum() <= 0:
            return self._units(hires)
        quota = deficit / deficit.sum() * hires
        alloc = np.floor(quota).astype(np.int64)
        rest = hires - int(alloc.sum())
        if rest > 0:
            alloc[np.argsort(-(quota - alloc), kind="stable")[:rest]] += 1
        return np.asarray(self.rng.permutation(np.repeat(np.arange(len(alloc)), alloc)), dtype=np.int64)

    def _scheduled(self, due: I64) -> None:
        is_aow = self.aow[due] - 1 <= self.planned_end[due]
        pens = due[is_aow]
        self._close(pens, np.maximum(self.aow[pens] - 1, self.start[pens]), P.STATE_PENSION)
        self.active[pens] = False
        planned = due[~is_aow]
        c = self.contract[planned]
        # internal secondees go home; secondees from outside and externals leave
        internal = planned[(c == P.SECONDMENT) & (self.home_leaf[planned] >= 0)]
        outside = planned[((c == P.SECONDMENT) & (self.home_leaf[planned] < 0)) | (c == P.EXTERNAL)]
        temps = planned[(c == P.TEMPORARY) | (c == P.TRAINEE)]
        convert = temps[self.rng.random(len(temps)) < P.P_TEMP_TO_PERMANENT]
        leave = np.setdiff1d(temps, convert)
        sec_out = outside[self.contract[outside] == P.SECONDMENT]
        self._close(sec_out, self.planned_end[sec_out], P.END_OF_SECONDMENT)
        ext = outside[self.contract[outside] == P.EXTERNAL]
        self._close(ext, self.planned_end[ext], P.END_OF_CONTRACT)
        self._close(leave, self.planned_end[leave], P.END_OF_CONTRACT)
        self.active[outside] = False
        self.active[leave] = False
        self._close(internal, self.planned_end[internal], P.MOBILITY)
        self._close(convert, self.planned_end[convert], P.MOBILITY)
        for grp in (internal, convert):
            self.start[grp] = self.planned_end[grp] + 1
            self.contract[grp] = P.PERMANENT
            self.planned_end[grp] = NEVER
        back = internal
        self.leaf[back] = self.home_leaf[back]
        self.home_leaf[back] = -1
        self.family[back] = self._family(self.leaf[back], self.scale[back])
        self.title[back] = self._title(self.leaf[back], self.family[back], self.scale[back])

    # --- records ---------------------------------------------------------------------------------------------
    def _close(self, who: I64, end: I64, reason: I64 | int) -> None:
        """Write the current record of ``who`` with this end date and reason."""
        if len(who) == 0:
            return
        self.chunks.append(
            {
                "person": who.copy(),
                "leaf": self.leaf[who].copy(),
                "family": self.family[who].copy(),
                "scale": self.scale[who].copy(),
                "fte": self.fte[who].copy(),
                "contract": self.contract[who].copy(),
                "title": self.title[who].copy(),
                "start": self.start[who].copy(),
                "end": end.astype(np.int64),
                "end_reason": np.broadcast_to(np.asarray(reason, dtype=np.int64), who.shape).copy(),
            }
        )

    def _new_people(
        self,
        count: int,
        day_lo: int,
        day_hi: int,
        ages: Sequence[tuple[float, float, float]],
        scales: F64,
        contracts: F64,
        top_female: float,
        young_female: float,
        old_female: float,
        units: I64 | None = None,
    ) -> I64:
        who = np.arange(self.n, self.n + count)
        self.n += count
        age = self._ages(ages, count)
        start = self.rng.integers(day_lo, day_hi + 1, count) if day_hi > day_lo else np.full(count, day_lo)
        self.birth[who] = start - (age * 365.25).astype(np.int64)
        scale = self._pick(scales, count) + 1
        p_f = np.where(scale >= 15, top_female, np.where(age < 45, young_female, old_female))
        self.female[who] = self.rng.random(count) < p_f
        leaf = self._leaf_in(self._units(count) if units is None else units)
        self.leaf[who], self.scale[who] = leaf, scale
        self.family[who] = self._family(leaf, scale)
        self.title[who] = self._title(leaf, self.family[who], scale)
        self.fte[who] = self._fte(self.female[who])
        self.contract[who] = self._pick(contracts, count)
        self.active[who] = True
        self.aow[who] = aow_dates(self.birth[who])
        return who

    def run(self) -> GeneratedRijk:
        ref = to_days(self.ref)
        t0_date = (
            self.ref.replace(year=self.ref.year - 10)
            if not (self.ref.month == 2 and self.ref.day == 29)
            else dt.date(self.ref.year - 10, 2, 28)
        )
        t0 = to_days(t0_date)
        frac = (self.ref.timetuple().tm_yday) / 365.25
        target = {
            k: round(
                self.n_target
                * P.growth_factor(self.ref.year - 10 + k - 1 + frac)
                / P.growth_factor(self.ref.year - 1 + frac)
            )
            for k in range(11)
        }
        target[10] = self.n_target
        # --- initial stock -----------------------------------------------------------------------------------
        stock_ages = [
            (20, 30, 7.0),
            (30, 40, 19.0),
            (40, 50, 28.0),
            (50, 55, 17.5),
            (55, 60, 16.5),
            (60, 65.0, 12.0),
        ]
        who = self._new_people(
            target[0], t0, t0, stock_ages, P.SCALES_STOCK, P.STOCK_CONTRACTS, 0.28, 0.53, 0.37
        )
        age_days = t0 - self.birth[who]
        service = np.minimum(
            self.rng.exponential(12 * 365.25, len(who)).astype(np.int64), age_days - 18 * 365
        )
        self.start[who] = t0 - np.maximum(service, 1)
        temp = self.contract[who] != P.PERMANENT
        self.start[who[temp]] = t0 - self.rng.integers(1, 360, int(temp.sum()))
        self.planned_end[who] = self._planned_end(self.contract[who], self.start[who])
        self.planned_end[who] = np.where(
            self.planned_end[who] < t0, t0 + self.rng.integers(1, 360, len(who)), self.planned_end[who]
        )
        inflow_total = 0
        for k in range(1, 11):
            lo = to_days(t0_date.replace(year=t0_date.year + k - 1)) + 1
            hi = to_days(t0_date.replace(year=t0_date.year + k)) if k < 10 else ref
            year = t0_date.year + k
            busy = np.zeros(self.n, bool)
            # 1. state pension and planned ends, whichever comes first (until none is due before the period end;
            #    an ending on the period's last day is handled in the next period, so that day still counts)
            for _ in range(4):
                act = np.nonzero(self.active[: self.n])[0]
                first = np.minimum(self.aow[act] - 1, self.planned_end[act])
                due = act[first <= hi - 1]
                if len(due) == 0:
                    break
                busy[due] = True
                self._scheduled(due)
            # 2. other outflow so that the year-end headcount follows the growth curve
            act = np.nonzero(self.active[: self.n])[0]
            hires = round(P.inflow_rate(year) * target[k])
            exits = len(act) + hires - target[k]
            if exits < 0:
                hires -= exits
                exits = 0
            cand = act[~busy[act] & (self.contract[act] == P.PERMANENT) & (self.start[act] < hi - 1)]
            if exits > 0 and len(cand) > 0:
                age = (hi - self.birth[cand]) / 365.25
                w = np.where(
                    age < 30,
                    2.5,
                    np.where(age < 40, 1.6, np.where(age < 55, 0.8, np.where(age < 60, 0.9, 1.6))),
                )
                w = w / w.sum()
                leavers = self.rng.choice(cand, size=min(exits, len(cand)), replace=False, p=w)
                day = self.rng.integers(np.maximum(self.start[leavers] + 1, lo), hi)
                reasons = P.OTHER_EXIT_REASONS[self._pick(P.OTHER_EXIT_P, len(leavers))]
                for r in np.unique(reasons):
                    sel = leavers[reasons == r]
                    self._close(sel, day[reasons == r], int(r))
                self.active[leavers] = False
                busy[leavers] = True
            # 3. internal events
            act = np.nonzero(self.active[: self.n])[0]
            act = act[
                ~busy[act]
                & (self.start[act] < hi - 1)
                & (self.contract[act] != P.EXTERNAL)
                & (self.contract[act] != P.SECONDMENT)
            ]
            u = self.rng.random(len(act))
            edges = np.cumsum([P.P_MOVE, P.P_PROMOTION, P.P_FTE_CHANGE, P.P_SECONDMENT])
            kind = np.searchsorted(
                edges, u, side="right"
            )  # 0 move, 1 promotion, 2 fte, 3 secondment, 4 nothing
            # promotions into the top favour women (C11: the top becomes more diverse)
            top = (
                (kind == 1) & (self.scale[act] >= 14) & ~self.female[act] & (self.rng.random(len(act)) < 0.2)
            )
            kind[top] = 4
            ev = act[kind < 4]
            kind = kind[kind < 4]
            day = self.rng.integers(np.maximum(self.start[ev] + 1, lo), hi + 1)
            self._close(ev, day - 1, P.MOBILITY)
            self.start[ev] = day
            mv = ev[kind == 0]
            other = self.rng.random(len(mv)) < P.P_MOVE_OTHER_UNIT
            units = np.where(other, self._units(len(mv)), self.cat.leaf_unit[self.leaf[mv]])
            self.leaf[mv] = self._leaf_in(units)
            up = (self.rng.random(len(mv)) < 0.35) & (self.scale[mv] < 18)
            self.scale[mv] += up
            keep = self.rng.random(len(mv)) < 0.75
            newfam = self._family(self.leaf[mv], self.scale[mv])
            self.family[mv] = np.where(
                keep & self.cat.allowed[self.family[mv], self.scale[mv]], self.family[mv], newfam
            )
            pr = ev[kind == 1]
            self.scale[pr] = np.minimum(self.scale[pr] + 1, 18)
            bad = ~self.cat.allowed[self.family[pr], self.scale[pr]]
            self.family[pr[bad]] = self._family(self.leaf[pr[bad]], self.scale[pr[bad]])
            ft = ev[kind == 2]
            self.fte[ft] = self._fte(self.female[ft])
            sec = ev[kind == 3]
            self.home_leaf[sec] = self.leaf[sec]
            self.leaf[sec] = self._leaf_in(self._units(len(sec)))
            self.contract[sec] = P.SECONDMENT
            self.planned_end[sec] = self._planned_end(self.contract[sec], self.start[sec])
            changed = np.concatenate([mv, pr, sec])
            self.title[changed] = self._title(self.leaf[changed], self.family[changed], self.scale[changed])
            # 4. inflow from outside the Rijk
            late = min(1.0, max(0.0, (k - 1) / 7))
            scales = (1 - late) * P.SCALES_HIRE_EARLY + late * P.SCALES_HIRE_LATE
            hire_ages = [(20, 30, 38.0), (30, 40, 30.0), (40, 50, 18.0), (50, 60, 12.0), (60, 64, 2.0)]
            new = self._new_people(
                hires,
                lo,
                hi,
                hire_ages,
                scales,
                P.HIRE_CONTRACTS,
                0.3 + 0.2 * late,
                0.545,
                0.45,
                units=self._fill_vacancies(hires, target[k]),
            )
            self.start[new] = self.rng.integers(lo, hi + 1, len(new))
            self.birth[new] = np.minimum(self.birth[new], self.start[new] - 18 * 366)
            self.aow[new] = aow_dates(self.birth[new])
            self.planned_end[new] = self._planned_end(self.contract[new], self.start[new])
            inflow_total += hires
        # still running at the reference date
        act = np.nonzero(self.active[: self.n])[0]
        self._close(act, np.full(len(act), -1), P.OPEN)
        return self._result(inflow_total)

    def _second_jobs(self, rec: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """A small share of people hold a second part-time job (another team of the same unit) for a while."""
        ref = to_days(self.ref)
        end = np.where(rec["end"] < 0, ref, rec["end"])
        ok = (rec["fte"] <= 0.8) & (end - rec["start"] > 400) & (rec["contract"] == P.PERMANENT)
        idx = np.nonzero(ok)[0]
        pick = idx[self.rng.random(len(idx)) < P.P_SECOND_JOB * 3]
        s = (
            rec["start"][pick]
            + (self.rng.random(len(pick)) * (end[pick] - rec["start"][pick]) * 0.5).astype(np.int64)
            + 1
        )
        dur = self.rng.integers(180, 1500, len(pick))
        e = np.minimum(s + dur, end[pick])
        running = (e >= ref) & (rec["end"][pick] < 0)
        leaves = self._leaf_in(self.cat.leaf_unit[rec["leaf"][pick]])
        leaves = np.where(leaves == rec["leaf"][pick], self.cat.unit_lo[self.cat.leaf_unit[leaves]], leaves)
        scale = rec["scale"][pick]
        fam = self._family(leaves, scale)
        return {
            "person": rec["person"][pick],
            "leaf": leaves,
            "family": fam,
            "scale": scale,
            "fte": np.round(np.minimum(0.4, 1.0 - rec["fte"][pick]) + 0.0, 1).clip(0.1, 0.4),
            "contract": np.full(len(pick), P.TEMPORARY),
            "title": self._title(leaves, fam, scale),
            "start": s,
            "end": np.where(running, -1, e),
            "end_reason": np.where(running, P.OPEN, P.END_OF_CONTRACT),
        }

    def _result(self, inflow_total: int) -> GeneratedRijk:
        rec = {k: np.concatenate([c[k] for c in self.chunks]) for k in self.chunks[0]}
        extra = self._second_jobs(rec)
        rec = {k: np.concatenate([rec[k], extra[k]]) for k in rec}
        order = np.lexsort((rec["start"], rec["person"]))
        rec = {k: v[order] for k, v in rec.items()}
        n = self.n
        # names and work location (a building of the unit of the person's last main record)
        from rijksportfolio.domain.generator.names import FEMALE, LAST, MALE

        female = self.female[:n]
        first = np.where(female, self.rng.integers(0, len(FEMALE), n), self.rng.integers(0, len(MALE), n))
        last = self.rng.integers(0, len(LAST), n)
        last_leaf = np.zeros(n, np.int64)
        last_leaf[rec["person"]] = rec["leaf"]  # sorted by start: the last one wins
        unit = self.cat.leaf_unit[last_leaf]
        r = self.rng.random(n)
        location = np.zeros(n, np.int64)
        for ui, locs in enumerate(self.cat.unit_locations):
            sel = np.nonzero(unit == ui)[0]
            if len(sel):  # the first building of a unit is its head office and gets the most people
                w = np.array([3.0] + [1.0] * (len(locs) - 1))
                location[sel] = locs[np.searchsorted(np.cumsum(w) / w.sum(), r[sel], side="right")]
        cats = self.cat.unit_category[self.cat.leaf_unit[rec["leaf"]]]
        prof = self.cat.unit_profile[self.cat.leaf_unit[rec["leaf"]]]
        return GeneratedRijk(
            reference_date=self.ref,
            seed=0,
            leaf_codes=self.cat.leaf_codes,
            unit_codes=self.cat.unit_codes,
            location_codes=self.cat.location_codes,
            titles=self.cat.titles,
            occupations=self.cat.occupations,
            birth=self.birth[:n].copy(),
            female=female.copy(),
            first_name=first,
            last_name=last,
            location=location,
            person=rec["person"],
            leaf=rec["leaf"],
            family=rec["family"],
            work_type=self.cat.work_type[cats, rec["family"]],
            scale=rec["scale"],
            fte=rec["fte"],
            contract=rec["contract"],
            title=rec["title"],
            occupation=self.cat.occ[rec["title"], prof],
            start=rec["start"],
            end=rec["end"],
            end_reason=rec["end_reason"],
            stats={"inflow": inflow_total},
        )


def generate(*, units: list[Unit], people: int, seed: int, reference_date: dt.date) -> GeneratedRijk:
    """Generate a synthetic Rijk with ``people`` persons in service at ``reference_date``."""
    if people < 10:
        raise ValueError("people must be at least 10")
    result = _Sim(units, people, seed, reference_date).run()
    result.seed = seed
    return result


__all__ = ["GeneratedRijk", "Unit", "generate", "ymd"]


def calibration_data(rijk: GeneratedRijk, units: list[Unit]) -> object:
    """The generated Rijk as ``domain.analytics.calibration.CalibrationData`` (for tests and quick checks)."""
    from rijksportfolio.domain.analytics.calibration import OPEN_END, CalibrationData

    leaf_unit = {code: u for u in units for code, _ in u.leaves}
    cat = np.array([leaf_unit[c].category for c in rijk.leaf_codes])
    ministry = np.array([leaf_unit[c].ministry for c in rijk.leaf_codes])
    return CalibrationData(
        birth=rijk.birth,
        female=rijk.female,
        person=rijk.person,
        start=rijk.start,
        end=np.where(rijk.end < 0, OPEN_END, rijk.end),
        fte=rijk.fte,
        scale=rijk.scale,
        contract=np.array(P.CONTRACTS)[rijk.contract],
        category=cat[rijk.leaf],
        ministry=ministry[rijk.leaf],
    )
