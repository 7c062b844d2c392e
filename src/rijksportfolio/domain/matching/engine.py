# SPDX-License-Identifier: EUPL-1.2
"""The matching index and scoring (framework-free; numpy only). See docs/matching.md, "Matching engine".

Score of a person for an opportunity (both directions use the same function):

    raw   = Σ_required  importance_r · max_{e ∈ expand(r), person holds e} weight_e · min(1, level_e / min_level_r)
          + TEXT_WEIGHT · text_relevance                 (only when the opportunity has free-text terms)
    score = raw / max_attainable,   max_attainable = Σ_r importance_r (+ TEXT_WEIGHT when there are terms)

rounded to SCORE_DECIMALS. Every term is listed as a :class:`Contribution` whose ``value`` is its share of
``raw / max_attainable``; they add up to the score. Each required skill counts once, through the single best
skill of the person that reaches it (so no requirement can exceed its importance). Consequence (tested):
adding an essential requirement the person holds at ≥ its minimum level turns R/M into (R+1)/(M+1) ≥ R/M,
so it never lowers the score.

``text_relevance`` is BM25-lite over the person's visible tokens, normalised to [0, 1) by the best any
single document could reach: Σ_t idf_t·tf·(k1+1)/(tf+k1·(1−b+b·dl/avgdl)) / Σ_t idf_t·(k1+1) over the
distinct query terms (idf from the index: the only place other people's data touches a person's score).

Ordering: score descending, then person (or opportunity) id ascending. Only consenting people are indexed.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from rijksportfolio.domain.matching.model import (
    BM25_B,
    BM25_K1,
    LEVELS,
    SCORE_DECIMALS,
    TEXT_WEIGHT,
    Contribution,
    Filters,
    Missing,
    Opportunity,
    PersonProfile,
    Requirement,
    Result,
)
from rijksportfolio.domain.matching.taxonomy import Expansion, Taxonomy
from rijksportfolio.domain.normaliser.text import fold

_TOKEN = re.compile(r"[a-z0-9]{2,}")
EARTH_RADIUS_KM = 6371.0088
_NO_ORG = np.iinfo(np.int64).min
_LEVEL_RANGE = np.arange(5, dtype=np.float64)
# Relative room kept around the k-th best raw score before rounding: one rounding step of the score
# (10**-SCORE_DECIMALS) plus far more than the float error of a sum of a few dozen terms.
_ROUNDING_SLACK = 1e-9
# The distance filter decides by the haversine for everyone within this many km of the limit.
_DISTANCE_SLACK_KM = 0.01

_RELATION_TEXT = {
    "narrower": "via specifiekere vaardigheid",
    "broader": "via bredere vaardigheid",
    "related": "via verwante vaardigheid",
}

FloatArray = np.ndarray[Any, np.dtype[np.float64]]
IntArray = np.ndarray[Any, np.dtype[np.int64]]
# Narrow integers where an array is only read back (levels 1–4, skill and term columns, term counts): less
# memory and memory traffic; the arrays used as fancy indices (rows) stay int64.
SmallIntArray = np.ndarray[Any, np.dtype[np.signedinteger[Any]]]


def tokenize(texts: Iterable[str]) -> list[str]:
    """Fold (lower case, no diacritics) and split into alphanumeric tokens of two or more characters."""
    out: list[str] = []
    for text in texts:
        out.extend(_TOKEN.findall(fold(text)))
    return out


@dataclass(frozen=True, slots=True)
class Corpus:
    """What the text part of a score depends on besides the person: how many people are indexed, how many of
    them use a term (document frequency) and their average text length. An index answers with its own; an
    index with changes applied (``live.LiveIndex``) passes the statistics of all its segments together, so
    that a person scores exactly as in a fresh build."""

    people: int
    avg_doc_len: float
    df: Callable[[str], int]


def avg_doc_len(total_len: int, people: int) -> float:
    """Average text length (integer total / people: exact, whatever the order the lengths were added in)."""
    return total_len / people if people and total_len else 1.0


@dataclass(frozen=True, slots=True)
class _Step:
    column: int
    expansion: Expansion
    weight: float  # importance × relation weight


@dataclass(frozen=True, slots=True)
class _Plan:
    opportunity: Opportunity
    steps: tuple[tuple[Requirement, tuple[_Step, ...]], ...]
    terms: tuple[tuple[str, int, float], ...]  # (term, column or -1, idf)
    text_denominator: float
    max_attainable: float
    avg_doc_len: float
    # column → ((requirement index, position in its expansion, step), …): lets an explanation start from
    # the person's ~20 skills instead of every expanded skill of the query.
    by_column: dict[int, tuple[tuple[int, int, _Step, tuple[float, ...]], ...]]
    texts: dict[tuple[int, int, int], str]  # (requirement, position, level) → text, filled lazily
    missing: dict[int, Missing]  # requirement → its Missing entry, filled lazily


def _round(raw: float, max_attainable: float) -> float:
    return float(np.round(np.float64(raw) / max_attainable, SCORE_DECIMALS))


class MatchIndex:
    """Inverted index over consenting people. Build with :meth:`build`; query with :meth:`search` (people
    for an opportunity) or :meth:`opportunities_for` (opportunities for an indexed person)."""

    taxonomy: Taxonomy
    size: int
    person_ids: IntArray
    skill_vocab: dict[str, int]
    skill_names: list[str]
    term_vocab: dict[str, int]
    term_names: list[str]
    row_skill_ptr: IntArray
    row_skill_col: SmallIntArray
    row_skill_level: SmallIntArray
    skill_ptr: IntArray
    skill_rows: IntArray
    skill_levels: SmallIntArray
    row_term_ptr: IntArray
    row_term_col: SmallIntArray
    row_term_tf: SmallIntArray
    term_ptr: IntArray
    term_rows: IntArray
    term_tf: FloatArray
    term_df: IntArray
    doc_len: FloatArray
    total_doc_len: int
    avg_doc_len: float
    hours: FloatArray
    lat_rad: FloatArray
    lon_rad: FloatArray
    unit_xyz: tuple[FloatArray, FloatArray, FloatArray]  # the work location as a point on the unit sphere
    scale: FloatArray
    org: IntArray
    org_keys: IntArray  # the distinct organisation ids, sorted
    org_code: IntArray  # per person: position of their organisation in org_keys
    restricted: np.ndarray[Any, np.dtype[np.bool_]]
    has_restricted: bool
    _scratch: threading.local

    # --- building -------------------------------------------------------------------------------------

    @classmethod
    def build(
        cls, profiles: Iterable[PersonProfile], taxonomy: Taxonomy, restricted: Collection[int] = ()
    ) -> MatchIndex:
        """Index ``profiles`` (exactly :class:`PersonProfile`; anything else is a ``TypeError``). People
        without consent are left out entirely. People in ``restricted`` (ids) are returned only to a query
        whose ``Filters.unlocked_person_ids`` names them (the adapter: skills *op aanvraag*, shown only to
        who holds a grant)."""
        kept: list[PersonProfile] = []
        for profile in profiles:
            if type(profile) is not PersonProfile:
                raise TypeError(f"MatchIndex.build accepts only PersonProfile, not {type(profile).__name__}")
            if profile.consent:
                kept.append(profile)
        kept.sort(key=lambda p: p.person_id)
        self = cls()
        self.taxonomy = taxonomy
        self._scratch = threading.local()  # per-thread dense buffers, kept all-zero between queries
        n = self.size = len(kept)
        self.person_ids = np.fromiter((p.person_id for p in kept), dtype=np.int64, count=n)
        if n > 1 and bool(np.any(np.diff(self.person_ids) == 0)):
            raise ValueError("duplicate person_id")

        skill_vocab: dict[str, int] = {}
        term_vocab: dict[str, int] = {}
        skill_cols: list[int] = []
        skill_levels: list[int] = []
        skill_counts: list[int] = []
        term_cols: list[int] = []
        term_tfs: list[int] = []
        term_counts: list[int] = []
        doc_len: list[int] = []
        hours: list[float] = []
        lat: list[float] = []
        lon: list[float] = []
        scale: list[float] = []
        org: list[int] = []
        sadd, tadd = skill_vocab.setdefault, term_vocab.setdefault
        nan = math.nan
        for p in kept:
            sk = p.skills
            skill_counts.append(len(sk))
            skill_cols.extend([sadd(s, len(skill_vocab)) for s in sk])
            skill_levels.extend(sk.values())
            tokens = tokenize(p.tokens)
            doc_len.append(len(tokens))
            tf = Counter(tokens)
            term_counts.append(len(tf))
            term_cols.extend([tadd(t, len(term_vocab)) for t in tf])
            term_tfs.extend(tf.values())
            hours.append(p.hours_available)
            if p.location is None:
                lat.append(nan)
                lon.append(nan)
            else:
                lat.append(p.location[0])
                lon.append(p.location[1])
            scale.append(nan if p.scale is None else p.scale)
            org.append(_NO_ORG if p.organisation_id is None else p.organisation_id)

        self.skill_vocab = skill_vocab
        self.skill_names = list(skill_vocab)
        self.term_vocab = term_vocab
        self.term_names = list(term_vocab)
        # Row-major (person → skills) and column-major (skill → people) CSR.
        self.row_skill_ptr, skill_col, skill_level, self.skill_ptr, self.skill_rows, sl = _csr(
            skill_counts, skill_cols, skill_levels, len(skill_vocab)
        )
        self.row_skill_col, self.row_skill_level = skill_col.astype(np.int32), skill_level.astype(np.int8)
        self.skill_levels = sl.astype(np.int8)
        self.row_term_ptr, term_col, term_tf, self.term_ptr, self.term_rows, tf_arr = _csr(
            term_counts, term_cols, term_tfs, len(term_vocab)
        )
        self.row_term_col, self.row_term_tf = term_col.astype(np.int32), term_tf.astype(np.int32)
        self.term_tf = tf_arr.astype(np.float64)
        self.doc_len = np.asarray(doc_len, dtype=np.float64)
        self.total_doc_len = sum(doc_len)
        self.avg_doc_len = avg_doc_len(self.total_doc_len, n)
        self.term_df = np.diff(self.term_ptr)
        self.hours = np.asarray(hours, dtype=np.float64)
        self.lat_rad = np.radians(np.asarray(lat, dtype=np.float64))
        self.lon_rad = np.radians(np.asarray(lon, dtype=np.float64))
        cos_lat = np.cos(self.lat_rad)
        self.unit_xyz = (cos_lat * np.cos(self.lon_rad), cos_lat * np.sin(self.lon_rad), np.sin(self.lat_rad))
        self.scale = np.asarray(scale, dtype=np.float64)
        self.org = np.asarray(org, dtype=np.int64)
        keys, codes = np.unique(self.org, return_inverse=True)
        self.org_keys, self.org_code = keys.astype(np.int64), codes.astype(np.intp).reshape(-1)
        restricted_ids = np.fromiter(restricted, dtype=np.int64)
        self.restricted = np.isin(self.person_ids, restricted_ids)
        self.has_restricted = bool(self.restricted.any())
        return self

    # --- querying -------------------------------------------------------------------------------------

    def corpus(self) -> Corpus:
        """This index's own text statistics."""
        vocab, df = self.term_vocab, self.term_df

        def term_df(term: str) -> int:
            col = vocab.get(term)
            return 0 if col is None else int(df[col])

        return Corpus(self.size, self.avg_doc_len, term_df)

    def _plan(self, opportunity: Opportunity, corpus: Corpus | None = None) -> _Plan:
        """The query against this index's columns; text statistics from ``corpus`` (default: its own)."""
        steps = []
        for req in opportunity.requirements:
            row = []
            for exp in self.taxonomy.expand(req.skill_id):
                col = self.skill_vocab.get(exp.skill_id)
                if col is not None:
                    row.append(_Step(col, exp, req.importance * exp.weight))
            steps.append((req, tuple(row)))
        terms = []
        n = self.size if corpus is None else corpus.people
        for term in sorted(set(tokenize(opportunity.terms))):
            col = self.term_vocab.get(term, -1)
            own = int(self.term_df[col]) if col >= 0 else 0
            df = own if corpus is None else corpus.df(term)
            terms.append((term, col, math.log(1.0 + (n - df + 0.5) / (df + 0.5))))
        denominator = sum(idf * (BM25_K1 + 1.0) for _, _, idf in terms)
        max_attainable = sum(r.importance for r in opportunity.requirements)
        if terms:
            max_attainable += TEXT_WEIGHT
        by_column: dict[int, list[tuple[int, int, _Step, tuple[float, ...]]]] = {}
        for i, (req, row_steps) in enumerate(steps):
            for position, step in enumerate(row_steps):
                # value by level: weight · min(1, level / min_level), as in search()
                values = tuple(step.weight * min(1.0, level / req.min_level) for level in range(5))
                by_column.setdefault(step.column, []).append((i, position, step, values))
        return _Plan(
            opportunity,
            tuple(steps),
            tuple(terms),
            denominator,
            max_attainable,
            self.avg_doc_len if corpus is None else corpus.avg_doc_len,
            {col: tuple(v) for col, v in by_column.items()},
            {},
            {},
        )

    def search(self, opportunity: Opportunity, top_k: int = 50) -> list[Result]:
        """The ``top_k`` best-fitting people, each with an explanation. People who fit nothing (score 0)
        or fail a filter are not returned."""
        plan = self._plan(opportunity)
        rows, scores = self._ranked(plan, top_k=top_k)
        return [self._result(int(row), float(score), plan) for row, score in zip(rows, scores, strict=True)]

    def _ranked(
        self,
        plan: _Plan,
        *,
        top_k: int | None,
        min_score: float = 0.0,
        exclude: np.ndarray[Any, np.dtype[np.bool_]] | None = None,
    ) -> tuple[IntArray, FloatArray]:
        """Rows and scores of the people who fit (score > 0 and ≥ ``min_score``, through the filters, not
        ``exclude``d), best first (then person id); the ``top_k`` best when given."""
        empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))
        if plan.max_attainable <= 0 or self.size == 0 or (top_k is not None and top_k <= 0):
            return empty
        scratch = self._scratch
        if getattr(scratch, "buffers", None) is None:
            scratch.buffers = (np.zeros(self.size), np.zeros(self.size))
        total, best = scratch.buffers
        try:
            return self._search(plan, total, best, top_k, min_score, exclude)
        except BaseException:
            total.fill(0.0)
            best.fill(0.0)
            raise

    def _search(
        self,
        plan: _Plan,
        total: FloatArray,
        best: FloatArray,
        top_k: int | None,
        min_score: float,
        exclude: np.ndarray[Any, np.dtype[np.bool_]] | None,
    ) -> tuple[IntArray, FloatArray]:
        candidates, raw = self._candidates(plan, total, best)
        if exclude is not None:
            keep = ~exclude[candidates]
            candidates, raw = candidates[keep], raw[keep]
        if top_k is not None and candidates.size > top_k:
            # Round only the contenders: a score is raw / max rounded to SCORE_DECIMALS, which is monotone in
            # raw, so everyone whose rounded score can reach the k-th best has raw within one rounding step
            # (plus float slack) of the k-th best raw. (``min_score`` only removes more of the lowest.)
            kth = np.partition(raw, raw.size - top_k)[raw.size - top_k]
            keep = raw >= kth - plan.max_attainable * _ROUNDING_SLACK
            candidates, raw = candidates[keep], raw[keep]
        scores = np.round(raw / plan.max_attainable, SCORE_DECIMALS)
        if min_score > 0:
            keep = scores >= min_score
            candidates, scores = candidates[keep], scores[keep]
        if top_k is not None and candidates.size > top_k:
            threshold = -np.partition(-scores, top_k - 1)[top_k - 1]
            keep = scores >= threshold  # every tie at the boundary, so the id tie-break is exact
            candidates, scores = candidates[keep], scores[keep]
        order = np.lexsort((candidates, -scores))[:top_k]  # rows are in person-id order
        return candidates[order], scores[order]

    def _candidates(self, plan: _Plan, total: FloatArray, best: FloatArray) -> tuple[IntArray, FloatArray]:
        """Rows (ascending) of everyone with a score above 0 who passes the filters, and their raw scores.
        Leaves both buffers all-zero."""
        ptr, post_rows, post_levels = self.skill_ptr, self.skill_rows, self.skill_levels
        for req, steps in plan.steps:
            # factor[level] = min(1, level / min_level), the same float operations as in _explain
            factor = np.minimum(1.0, _LEVEL_RANGE / req.min_level)
            # Non-empty posting lists, longest first: the longest is assigned without a comparison (max is
            # order-free, so the result is the same in any order).
            spans = sorted(
                (
                    (int(ptr[s.column]), int(ptr[s.column + 1]), s.weight)
                    for s in steps
                    if ptr[s.column] != ptr[s.column + 1]
                ),
                key=lambda span: span[0] - span[1],
            )
            if len(spans) == 1:  # one list: add straight into the total (rows are unique within a list)
                a, b, weight = spans[0]
                np.add.at(total, post_rows[a:b], np.take(weight * factor, post_levels[a:b]))
                continue
            for n, (a, b, weight) in enumerate(spans):
                rows = post_rows[a:b]
                values = np.take(weight * factor, post_levels[a:b])
                if n:
                    np.maximum.at(best, rows, values)
                else:
                    best[rows] = values  # first posting list of this requirement: nothing to compare
            # The requirement's best path into the total once per person: after a person's first list adds
            # best and clears it, their other lists add 0.0, which leaves the total exactly as it was.
            for a, b, _weight in spans:
                rows = post_rows[a:b]
                np.add.at(total, rows, best[rows])
                best[rows] = 0.0
        if plan.terms and plan.text_denominator > 0:
            text = best  # reuse the zeroed buffer
            touched = []
            for _term, col, idf in plan.terms:
                if col < 0:
                    continue
                a, b = self.term_ptr[col], self.term_ptr[col + 1]
                rows = self.term_rows[a:b]
                tf = self.term_tf[a:b]
                norm = BM25_K1 * (1.0 - BM25_B + BM25_B * (self.doc_len[rows] / plan.avg_doc_len))
                text[rows] += idf * (tf * (BM25_K1 + 1.0)) / (tf + norm)
                touched.append(rows)
            if touched:
                t = touched[0] if len(touched) == 1 else np.concatenate(touched)
                total[t] = total[t] + TEXT_WEIGHT * (text[t] / plan.text_denominator)
                text[t] = 0.0
        # A boolean mask first: numpy's nonzero on a float array is several times slower than on booleans.
        candidates = np.flatnonzero(total != 0.0)
        raw = total[candidates]
        total[candidates] = 0.0  # leave the buffer zeroed for the next query
        keep = self._filter(candidates, plan.opportunity.filters)
        return candidates[keep], raw[keep]

    def scores(self, opportunity: Opportunity) -> tuple[IntArray, FloatArray]:
        """Everyone the opportunity's filters let through with a score above 0: (person ids ascending,
        scores), scored exactly as :meth:`search` (whose results are the first ``top_k`` of these by score
        descending, then person id), without explanations. For aggregate monitoring (docs/matching.md)."""
        plan = self._plan(opportunity)
        if plan.max_attainable <= 0 or self.size == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        scratch = self._scratch
        if getattr(scratch, "buffers", None) is None:
            scratch.buffers = (np.zeros(self.size), np.zeros(self.size))
        total, best = scratch.buffers
        try:
            rows, raw = self._candidates(plan, total, best)
        except BaseException:
            total.fill(0.0)
            best.fill(0.0)
            raise
        return self.person_ids[rows], np.round(raw / plan.max_attainable, SCORE_DECIMALS)

    def eligible(self, filters: Filters) -> IntArray:
        """Person ids (ascending) a query with these filters could return, whatever it asks: the population
        an aggregate over such queries is about."""
        rows = np.arange(self.size, dtype=np.int64)
        ids: IntArray = self.person_ids[rows[self._filter(rows, filters)]]
        return ids

    def _filter(self, rows: IntArray, f: Filters) -> np.ndarray[Any, np.dtype[np.bool_]]:
        keep = np.ones(rows.size, dtype=bool)
        if self.has_restricted:
            hidden = self.restricted[rows]
            if f.unlocked_person_ids:
                hidden &= ~np.isin(self.person_ids[rows], np.fromiter(f.unlocked_person_ids, dtype=np.int64))
            keep &= ~hidden
        if f.min_hours is not None:
            keep &= self.hours[rows] >= f.min_hours
        if f.max_distance_km is not None and f.point is not None:
            keep &= self._within(rows, f.point, f.max_distance_km)
        if f.scale_min is not None:
            with np.errstate(invalid="ignore"):
                keep &= self.scale[rows] >= f.scale_min
        if f.scale_max is not None:
            with np.errstate(invalid="ignore"):
                keep &= self.scale[rows] <= f.scale_max
        if f.organisation_ids is not None:
            wanted = np.isin(self.org_keys, np.fromiter(f.organisation_ids, dtype=np.int64))
            keep &= wanted[self.org_code[rows]]
        return keep

    def _within(
        self, rows: IntArray, point: tuple[float, float], max_km: float
    ) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """Great-circle distance (haversine) from ``point`` at most ``max_km``; people without a location
        never. The squared chord between unit vectors (three products) settles everyone clearly inside or
        outside; only those within ``_DISTANCE_SLACK_KM`` of the limit get the haversine itself, so the answer
        is the haversine's for everyone."""
        lat0, lon0 = math.radians(point[0]), math.radians(point[1])
        x, y, z = self.unit_xyz
        dx = x[rows] - math.cos(lat0) * math.cos(lon0)
        dy = y[rows] - math.cos(lat0) * math.sin(lon0)
        dz = z[rows] - math.sin(lat0)
        chord2 = dx * dx + dy * dy + dz * dz  # NaN without a location: never inside, never near

        def chord2_at(km: float) -> float:
            angle = min(max(km, 0.0) / EARTH_RADIUS_KM, math.pi)
            return (2.0 * math.sin(angle / 2.0)) ** 2

        inner = chord2_at(max_km - _DISTANCE_SLACK_KM) if max_km > _DISTANCE_SLACK_KM else -1.0
        outer = (
            chord2_at(max_km + _DISTANCE_SLACK_KM)
            if max_km + _DISTANCE_SLACK_KM < math.pi * EARTH_RADIUS_KM
            else 5.0
        )
        with np.errstate(invalid="ignore"):
            keep = chord2 <= inner
            near = np.flatnonzero((chord2 > inner) & (chord2 <= outer))
        if near.size:
            lat, lon = self.lat_rad[rows[near]], self.lon_rad[rows[near]]
            h = np.sin((lat - lat0) / 2) ** 2 + math.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
            keep[near] = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0))) <= max_km
        return keep

    def _explain(self, row: int, plan: _Plan) -> tuple[float, list[Contribution], list[Missing]]:
        """Raw score and its parts for one person — the scalar twin of the vectorised loop in
        :meth:`search` (same operations in the same order, so the figures agree)."""
        a, b = self.row_skill_ptr[row], self.row_skill_ptr[row + 1]
        cols = self.row_skill_col[a:b].tolist()
        levels = self.row_skill_level[a:b].tolist()
        label = self.taxonomy.label
        # Best step per requirement: highest value; on a tie the earlier step in expansion order.
        best: dict[int, tuple[float, int, _Step, int]] = {}
        for col, level in zip(cols, levels, strict=True):
            for i, position, step, values in plan.by_column.get(col, ()):
                value = values[level]
                current = best.get(i)
                if current is None or value > current[0] or (value == current[0] and position < current[1]):
                    best[i] = (value, position, step, level)
        raw = 0.0
        parts: list[
            tuple[float, str | None, str, tuple[str, ...], int | None, str, int | None, tuple[str, ...]]
        ] = []
        missing: list[Missing] = []
        for i, (req, _steps) in enumerate(plan.steps):
            found = best.get(i)
            if found is None or found[0] <= 0.0:
                gap = plan.missing.get(i)
                if gap is None:
                    kind = "essentieel" if req.essential else "wenselijk"
                    gap = plan.missing[i] = Missing(
                        req.skill_id, req.essential, f"{label(req.skill_id)} — ontbreekt ({kind})"
                    )
                missing.append(gap)
                continue
            best_value, position, best_step, best_level = found
            raw += best_value
            exp = best_step.expansion
            text = plan.texts.get((i, position, best_level))
            if text is None:
                text = plan.texts[i, position, best_level] = self._text(req, exp, best_level)
            parts.append(
                (best_value, exp.skill_id, exp.relation, exp.path, best_level, text, req.min_level, ())
            )
        if plan.terms and plan.text_denominator > 0:
            a, b = self.row_term_ptr[row], self.row_term_ptr[row + 1]
            tfs = dict(zip(self.row_term_col[a:b].tolist(), self.row_term_tf[a:b].tolist(), strict=True))
            text_sum, matched = 0.0, []
            norm = BM25_K1 * (1.0 - BM25_B + BM25_B * (float(self.doc_len[row]) / plan.avg_doc_len))
            for term, col, idf in plan.terms:
                tf = tfs.get(col)
                if col < 0 or tf is None:
                    continue
                tf = float(tf)
                text_sum += idf * (tf * (BM25_K1 + 1.0)) / (tf + norm)
                matched.append(term)
            if matched:
                value = TEXT_WEIGHT * (text_sum / plan.text_denominator)
                raw += value
                parts.append(
                    (
                        value,
                        None,
                        "text",
                        (),
                        None,
                        "Tekst in portfolio — komt overeen met: " + ", ".join(matched),
                        None,
                        tuple(matched),
                    )
                )
        m = plan.max_attainable
        contributions = [Contribution(s, k, p, lv, v / m, t, ml, ts) for v, s, k, p, lv, t, ml, ts in parts]
        return raw, contributions, missing

    def _text(self, req: Requirement, exp: Expansion, level: int) -> str:
        label = self.taxonomy.label
        if exp.relation == "direct":
            text = f"{label(req.skill_id)} — direct, niveau {LEVELS[level]}"
        else:
            text = (
                f"{label(req.skill_id)} — {_RELATION_TEXT[exp.relation]} {label(exp.skill_id)}, "
                f"niveau {LEVELS[level]}"
            )
        if level < req.min_level:
            share = round(100 * level / req.min_level)
            text += f", onder het gevraagde niveau {LEVELS[req.min_level]} (telt voor {share}%)"
        return text

    def _result(self, row: int, score: float, plan: _Plan) -> Result:
        _raw, contributions, missing = self._explain(row, plan)
        return Result(
            person_id=int(self.person_ids[row]),
            score=score,
            contributions=tuple(contributions),
            missing=tuple(missing),
            opportunity_id=plan.opportunity.opportunity_id,
        )

    def row_of(self, person_id: int) -> int | None:
        i = int(np.searchsorted(self.person_ids, person_id))
        return i if i < self.size and int(self.person_ids[i]) == person_id else None

    def score(self, person_id: int, opportunity: Opportunity) -> Result | None:
        """The result for one indexed person (``None``: not indexed, filtered out or score 0)."""
        row = self.row_of(person_id)
        if row is None:
            return None
        return self._score_row(row, self._plan(opportunity))

    def _score_row(self, row: int, plan: _Plan) -> Result | None:
        """The result for one row under ``plan`` (``None``: filtered out or score 0)."""
        if plan.max_attainable <= 0 or not self._filter(np.array([row]), plan.opportunity.filters)[0]:
            return None
        raw, contributions, missing = self._explain(row, plan)
        if raw <= 0:
            return None
        return Result(
            person_id=int(self.person_ids[row]),
            score=_round(raw, plan.max_attainable),
            contributions=tuple(contributions),
            missing=tuple(missing),
            opportunity_id=plan.opportunity.opportunity_id,
        )

    def opportunities_for(self, person_id: int, opportunities: Sequence[Opportunity]) -> list[Result]:
        """Opportunities that fit an indexed person, with the same scoring and explanations as
        :meth:`search`; ordered by score descending, then opportunity id. Empty for a person not in the
        index (no consent)."""
        results = [r for o in opportunities if (r := self.score(person_id, o)) is not None]
        results.sort(key=lambda r: (-r.score, r.opportunity_id))
        return results


def _csr(
    counts: list[int], cols: list[int], values: list[int], n_cols: int
) -> tuple[IntArray, IntArray, IntArray, IntArray, IntArray, IntArray]:
    """Row-major (ptr, col, value) and column-major (ptr, row, value) sparse arrays from row-ordered entries."""
    row_ptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(np.asarray(counts, dtype=np.int64), out=row_ptr[1:])
    col = np.asarray(cols, dtype=np.int64)
    val = np.asarray(values, dtype=np.int64)
    rows = np.repeat(np.arange(len(counts), dtype=np.int64), np.asarray(counts, dtype=np.int64))
    order = np.argsort(col, kind="stable")
    col_ptr = np.zeros(n_cols + 1, dtype=np.int64)
    np.cumsum(np.bincount(col, minlength=n_cols), out=col_ptr[1:])
    return row_ptr, col, val, col_ptr, rows[order], val[order]


def opportunities_for(
    person: PersonProfile, opportunities: Sequence[Opportunity], taxonomy: Taxonomy
) -> list[Result]:
    """Opportunities for one person on their own (text idf from this person alone). With a full index at
    hand prefer ``MatchIndex.opportunities_for``, whose text statistics cover everyone."""
    index = MatchIndex.build([person], taxonomy)
    return index.opportunities_for(person.person_id, opportunities)
