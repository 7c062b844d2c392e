# SPDX-License-Identifier: EUPL-1.2
"""The fairness monitor of the matching ranking (framework-free): how often each group reaches the top-k and
scores well over a fixed set of benchmark queries, against the best-treated group. See docs/matching.md,
"Fairness monitor".

The engine that produced the rankings never sees a group: :class:`PersonProfile` has no field for gender or
age (tested). The caller joins the labels afterwards, by person id: the Django adapter reads gender and date of
birth (``matching/fairness.py``), ``bench fairness`` takes the generated ones.

Definitions, for one dimension (gender, age band), a group ``g`` with ``n_g`` people in the *population* (the
people the queries could return: consenting, skills visible without a grant, in the scope) and ``Q`` queries:

    selection rate   SR_g = Σ_q |top-k_q ∩ g| / (Q · n_g)     the chance that a member is in the top-k of a query
    scoring rate     CR_g = Σ_q |scoring_q ∩ g| / (Q · n_g)   the chance that a member scores at least the
                                                              scoring threshold (default 0.5: half of what the
                                                              query asks) for a query
    impact ratio     IR_g = SR_g / max_h SR_h                 (and CR_g / max_h CR_h), h over the sufficient groups

A group with fewer than :data:`MIN_GROUP` (10) people is *insufficient*: it gets no rates and no ratios, is
never the reference and never flagged. A sufficient group whose impact ratio (of either rate) is below
:data:`FOUR_FIFTHS` (0.8) is *flagged*: the four-fifths rule of thumb of adverse-impact analysis — a signal to
look into, not proof of unequal treatment. When no sufficient group reaches the top-k at all (the best rate is
0) the ratios are undefined (``None``) and nothing is flagged.

:func:`published` turns a report into what may leave the platform: the group sizes through
``domain.suppression`` (a group of 1–9 people is hidden, and so is whatever would give it away), rates and
ratios only of sufficient groups, no selection counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from rijksportfolio.domain.suppression import DEFAULT_THRESHOLD, suppress_series

GENDER = "gender"
AGE = "age"
DIMENSIONS = (GENDER, AGE)
GENDERS = ("female", "male", "other", "unknown")  # the values of people.constants.Gender
AGE_BANDS = ("<30", "30-44", "45-54", "55+")
GROUPS: Mapping[str, tuple[str, ...]] = {GENDER: GENDERS, AGE: AGE_BANDS}
SELECTION = "selection"
SCORING = "scoring"
MEASURES = (SELECTION, SCORING)

MIN_GROUP = DEFAULT_THRESHOLD  # fewer people than this: insufficient (the small-cell threshold)
FOUR_FIFTHS = 0.8  # an impact ratio below this is flagged
SCORE_THRESHOLD = 0.5  # default: "scores well" = at least half of what the query asks


def age_on(birth: dt.date, on: dt.date) -> int:
    """Age in completed years on ``on`` (someone born on 29 February turns a year older on 1 March)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_band(birth: dt.date, on: dt.date) -> str:
    """``<30``, ``30-44``, ``45-54`` or ``55+`` on the reference date."""
    age = age_on(birth, on)
    if age < 30:
        return "<30"
    if age < 45:
        return "30-44"
    if age < 55:
        return "45-54"
    return "55+"


@dataclass(frozen=True, slots=True)
class QueryOutcome:
    """What one benchmark query gave: the person ids of its top-k, and of everyone scoring at least the
    scoring threshold (both within the population; others are ignored)."""

    top: Sequence[int]
    scoring: Sequence[int]


@dataclass(frozen=True, slots=True)
class GroupResult:
    group: str
    people: int
    selected: int  # person-query pairs in a top-k (not published)
    scoring: int  # person-query pairs at or above the scoring threshold (not published)
    selection_rate: float | None  # None: insufficient group
    scoring_rate: float | None
    selection_ratio: float | None  # None: insufficient, or undefined (nobody in any top-k)
    scoring_ratio: float | None

    @property
    def sufficient(self) -> bool:
        return self.people >= MIN_GROUP

    @property
    def flags(self) -> tuple[str, ...]:
        """The measures whose impact ratio is below four fifths."""
        out = []
        if self.selection_ratio is not None and self.selection_ratio < FOUR_FIFTHS:
            out.append(SELECTION)
        if self.scoring_ratio is not None and self.scoring_ratio < FOUR_FIFTHS:
            out.append(SCORING)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class DimensionResult:
    dimension: str
    groups: tuple[GroupResult, ...]

    def reference(self, measure: str) -> str | None:
        """The sufficient group with the highest rate (the first in group order on a tie); None if none."""
        best: GroupResult | None = None
        for g in self.groups:
            rate = g.selection_rate if measure == SELECTION else g.scoring_rate
            if rate is None:
                continue
            top = (
                None if best is None else (best.selection_rate if measure == SELECTION else best.scoring_rate)
            )
            if top is None or rate > top:
                best = g
        return None if best is None else best.group

    def min_ratio(self, measure: str) -> float | None:
        ratios = [g.selection_ratio if measure == SELECTION else g.scoring_ratio for g in self.groups]
        known = [r for r in ratios if r is not None]
        return min(known) if known else None


@dataclass(frozen=True, slots=True)
class FairnessReport:
    queries: int
    top_k: int
    score_threshold: float
    population: int
    dimensions: tuple[DimensionResult, ...]

    def dimension(self, name: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.dimension == name)

    @property
    def flagged(self) -> tuple[tuple[str, str, str], ...]:
        """(dimension, group, measure) of every flag, in dimension and group order."""
        return tuple((d.dimension, g.group, m) for d in self.dimensions for g in d.groups for m in g.flags)

    @property
    def insufficient(self) -> tuple[tuple[str, str], ...]:
        return tuple((d.dimension, g.group) for d in self.dimensions for g in d.groups if not g.sufficient)


def fairness_report(
    outcomes: Sequence[QueryOutcome],
    population: Sequence[int],
    labels: Mapping[str, Sequence[str]],
    *,
    top_k: int,
    score_threshold: float = SCORE_THRESHOLD,
    groups: Mapping[str, Sequence[str]] = GROUPS,
) -> FairnessReport:
    """The report over ``outcomes`` (one per query). ``population``: person ids (unique); ``labels``: per
    dimension the group of each person, aligned with ``population``. Groups are listed in the order of
    ``groups[dimension]`` (also when nobody is in them), then any other label sorted."""
    ids = np.asarray(population, dtype=np.int64)
    if np.unique(ids).size != ids.size:
        raise ValueError("the population has duplicate person ids")
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]

    def positions(members: Sequence[int]) -> np.ndarray[Any, np.dtype[np.intp]]:
        """Positions in ``population`` of the members that belong to it."""
        wanted = np.asarray(members, dtype=np.int64)
        if not wanted.size or not sorted_ids.size:
            return np.zeros(0, dtype=np.intp)
        at = np.searchsorted(sorted_ids, wanted).clip(max=sorted_ids.size - 1)
        hit = sorted_ids[at] == wanted
        return np.asarray(order[at[hit]], dtype=np.intp)

    selected_at = [positions(o.top) for o in outcomes]
    scoring_at = [positions(o.scoring) for o in outcomes]
    q = len(outcomes)
    dimensions = []
    for dimension, values in labels.items():
        if len(values) != ids.size:
            raise ValueError(f"labels of {dimension!r} are not aligned with the population")
        known = list(groups.get(dimension, ()))
        names = known + sorted(set(values) - set(known))
        code_of = {name: i for i, name in enumerate(names)}
        codes = np.fromiter((code_of[v] for v in values), dtype=np.intp, count=ids.size)
        k = len(names)
        people = np.bincount(codes, minlength=k)
        selected = sum((np.bincount(codes[a], minlength=k) for a in selected_at), np.zeros(k, dtype=np.int64))
        scoring = sum((np.bincount(codes[a], minlength=k) for a in scoring_at), np.zeros(k, dtype=np.int64))
        dimensions.append(_dimension(dimension, names, people, selected, scoring, q))
    return FairnessReport(
        queries=q,
        top_k=top_k,
        score_threshold=score_threshold,
        population=int(ids.size),
        dimensions=tuple(dimensions),
    )


def _dimension(
    dimension: str,
    names: list[str],
    people: np.ndarray[Any, np.dtype[np.int64]],
    selected: np.ndarray[Any, np.dtype[np.int64]],
    scoring: np.ndarray[Any, np.dtype[np.int64]],
    queries: int,
) -> DimensionResult:
    """Rates and ratios from the counts, as exact fractions rounded once (so 4 of 10 against 5 of 10 is
    exactly 0.8, not flagged)."""
    sizes = people.tolist()

    def rates(counts: np.ndarray[Any, np.dtype[np.int64]]) -> list[Fraction | None]:
        return [
            Fraction(int(c), queries * int(n)) if n >= MIN_GROUP and queries else None
            for c, n in zip(counts.tolist(), sizes, strict=True)
        ]

    def ratios(values: list[Fraction | None]) -> list[float | None]:
        known = [v for v in values if v is not None]
        best = max(known) if known else Fraction(0)
        return [None if v is None or best <= 0 else float(v / best) for v in values]

    def floats(values: list[Fraction | None]) -> list[float | None]:
        return [None if v is None else float(v) for v in values]

    sr, cr = rates(selected), rates(scoring)
    sri, cri = ratios(sr), ratios(cr)
    srf, crf = floats(sr), floats(cr)
    return DimensionResult(
        dimension,
        tuple(
            GroupResult(
                name, int(sizes[i]), int(selected[i]), int(scoring[i]), srf[i], crf[i], sri[i], cri[i]
            )
            for i, name in enumerate(names)
        ),
    )


def published(report: FairnessReport) -> dict[str, Any]:
    """The report as it may be shown and stored: plain JSON data. Group sizes through small-cell suppression
    (each dimension a series with the population as its total; ``None`` = hidden); rates, ratios and flags of
    sufficient groups only; no selection or scoring counts. The population is hidden everywhere when any
    series has to hide it."""
    series = {d.dimension: suppress_series([g.people for g in d.groups]) for d in report.dimensions}
    total_hidden = any(s.total is None or s.total.suppressed for s in series.values())
    dimensions = []
    for d in report.dimensions:
        cells = series[d.dimension].cells
        dimensions.append(
            {
                "dimension": d.dimension,
                "reference_selection": d.reference(SELECTION),
                "reference_scoring": d.reference(SCORING),
                "min_selection_ratio": d.min_ratio(SELECTION),
                "min_scoring_ratio": d.min_ratio(SCORING),
                "groups": [
                    {
                        "group": g.group,
                        "people": cell.value,
                        "sufficient": g.sufficient,
                        "selection_rate": g.selection_rate,
                        "selection_ratio": g.selection_ratio,
                        "scoring_rate": g.scoring_rate,
                        "scoring_ratio": g.scoring_ratio,
                        "flags": list(g.flags),
                    }
                    for g, cell in zip(d.groups, cells, strict=True)
                ],
            }
        )
    return {
        "queries": report.queries,
        "top_k": report.top_k,
        "score_threshold": report.score_threshold,
        "population": None if total_hidden else report.population,
        "dimensions": dimensions,
        "flagged": [list(f) for f in report.flagged],
    }
