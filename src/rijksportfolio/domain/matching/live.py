# SPDX-License-Identifier: EUPL-1.2
"""A matching index that takes changes without a rebuild (framework-free; numpy only).

:class:`LiveIndex` is a full :class:`~rijksportfolio.domain.matching.engine.MatchIndex` (the *base*) plus an
overlay: when people change, :meth:`LiveIndex.with_changes` returns a new index in which their old rows are
marked dead and their new profiles sit in a small extra segment (itself a ``MatchIndex``). Queries run over
every segment and merge the answers; the text statistics (people, document frequencies, average text length)
are those of all live rows together. The result is *exactly* what a fresh build over the current profiles
gives — same people, order, scores and explanations (property-tested in
``tests/domain/test_matching_live.py``) — because every person is scored by the same operations on the same
numbers in whichever segment they live.

Cost: applying a change builds a segment of the changed people only and copies the dead masks; when more
than :data:`MAX_SEGMENTS` extra segments exist they are merged into one. The caller rebuilds the base now
and then (:attr:`LiveIndex.overlay_size` tells how far it has drifted). Objects are immutable: a search running on the
old index is not disturbed by a change applied next to it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from rijksportfolio.domain.matching.engine import Corpus, MatchIndex, avg_doc_len
from rijksportfolio.domain.matching.model import Filters, Opportunity, PersonProfile, Result
from rijksportfolio.domain.matching.taxonomy import Taxonomy

# Extra segments kept before they are merged into one (a query walks every segment).
MAX_SEGMENTS = 4

BoolArray = np.ndarray[Any, np.dtype[np.bool_]]
IntArray = np.ndarray[Any, np.dtype[np.int64]]
FloatArray = np.ndarray[Any, np.dtype[np.float64]]


@dataclass(frozen=True, slots=True)
class _Segment:
    """One ``MatchIndex`` with the rows that were replaced since (``dead``) and, for the extra segments, the
    profiles it was built from (to merge segments without going back to the source)."""

    index: MatchIndex
    dead: BoolArray | None  # rows no longer current; None: all current
    dead_df: IntArray | None  # per term column: how many dead rows use the term
    dead_len: int  # total text length of the dead rows
    profiles: Mapping[int, PersonProfile] | None  # None for the base

    @property
    def live(self) -> int:
        return self.index.size - (int(self.dead.sum()) if self.dead is not None else 0)

    def row(self, person_id: int) -> int | None:
        row = self.index.row_of(person_id)
        if row is None or (self.dead is not None and self.dead[row]):
            return None
        return row

    def killed(self, person_ids: Collection[int]) -> _Segment:
        """The segment with the rows of ``person_ids`` marked dead (a new object; arrays copied)."""
        index = self.index
        if not person_ids or index.size == 0:
            return self
        rows = _present(index, np.fromiter(person_ids, dtype=np.int64, count=len(person_ids)))
        if self.dead is not None:
            rows = rows[~self.dead[rows]]
        if rows.size == 0:
            return self
        dead = np.zeros(index.size, dtype=bool) if self.dead is None else self.dead.copy()
        dead[rows] = True
        starts, ends = index.row_term_ptr[rows], index.row_term_ptr[rows + 1]
        cols = np.concatenate([index.row_term_col[a:b] for a, b in zip(starts, ends, strict=True)])
        added = np.bincount(cols, minlength=len(index.term_vocab)).astype(np.int64)
        dead_df = added if self.dead_df is None else self.dead_df + added
        dead_len = self.dead_len + int(index.doc_len[rows].sum())
        return _Segment(index, dead, dead_df, dead_len, self.profiles)

    def df(self, term: str) -> int:
        col = self.index.term_vocab.get(term)
        if col is None:
            return 0
        df = int(self.index.term_df[col])
        return df - int(self.dead_df[col]) if self.dead_df is not None else df


def _present(index: MatchIndex, ids: IntArray) -> IntArray:
    """Rows of ``ids`` that are in ``index`` (ids not in it are skipped)."""
    at = np.searchsorted(index.person_ids, ids)
    inside = at < index.size
    at, ids = at[inside], ids[inside]
    rows: IntArray = at[index.person_ids[at] == ids].astype(np.int64)
    return rows


def _merged(segments: Sequence[_Segment], taxonomy: Taxonomy, restricted: Collection[int]) -> _Segment:
    """One segment with the current rows of ``segments``, built again from their profiles."""
    profiles: dict[int, PersonProfile] = {}
    for segment in segments:
        assert segment.profiles is not None
        for pid, profile in segment.profiles.items():
            if segment.row(pid) is not None:
                profiles[pid] = profile
    kept = frozenset(restricted) & profiles.keys()
    return _Segment(MatchIndex.build(profiles.values(), taxonomy, kept), None, None, 0, profiles)


class LiveIndex:
    """A :class:`MatchIndex` that takes changes. Build with :meth:`build` (or wrap one with
    :meth:`of`); apply changes with :meth:`with_changes`; query with :meth:`search`, :meth:`score`,
    :meth:`opportunities_for` and :meth:`matches` (everyone above a score, for alerts)."""

    __slots__ = ("_corpus", "_segments", "restricted", "size", "taxonomy")

    taxonomy: Taxonomy
    size: int  # people indexed now
    restricted: frozenset[int]  # indexed people returned only to who holds a grant (MatchIndex.build)
    _segments: tuple[_Segment, ...]
    _corpus: Corpus | None  # None: no overlay, the base's own statistics hold

    @classmethod
    def build(
        cls, profiles: Iterable[PersonProfile], taxonomy: Taxonomy, restricted: Collection[int] = ()
    ) -> LiveIndex:
        return cls.of(MatchIndex.build(profiles, taxonomy, restricted=restricted))

    @classmethod
    def of(cls, base: MatchIndex) -> LiveIndex:
        self = cls()
        self.taxonomy = base.taxonomy
        self._segments = (_Segment(base, None, None, 0, None),)
        self._corpus = None
        self.size = base.size
        self.restricted = frozenset(int(pid) for pid in base.person_ids[base.restricted])
        return self

    @property
    def base(self) -> MatchIndex:
        return self._segments[0].index

    @property
    def segments(self) -> int:
        return len(self._segments)

    @property
    def overlay_size(self) -> int:
        """Rows replaced since the base was built plus rows in the extra segments: how far the index has
        drifted from a full build (each query pays for it a little)."""
        dead = sum(int(s.dead.sum()) for s in self._segments if s.dead is not None)
        return dead + sum(s.live for s in self._segments[1:])

    # --- changes ------------------------------------------------------------------------------------------

    def with_changes(
        self,
        person_ids: Collection[int],
        profiles: Iterable[PersonProfile],
        restricted: Collection[int] = (),
    ) -> LiveIndex:
        """A new index in which the people ``person_ids`` have the given ``profiles`` — or are gone, when no
        profile (or one without consent) is given for them. ``restricted``: which of them are restricted (as
        in :meth:`MatchIndex.build`)."""
        changed = {int(pid) for pid in person_ids}
        fresh: dict[int, PersonProfile] = {}
        for profile in profiles:
            if type(profile) is not PersonProfile:
                raise TypeError(f"with_changes accepts only PersonProfile, not {type(profile).__name__}")
            if profile.person_id not in changed:
                raise ValueError(f"profile of {profile.person_id} given but not named as changed")
            if profile.person_id in fresh:
                raise ValueError("duplicate person_id")
            if profile.consent:
                fresh[profile.person_id] = profile
        if not changed:
            return self
        wanted = frozenset(int(pid) for pid in restricted) & fresh.keys()
        now_restricted = (self.restricted - changed) | wanted
        segments = [segment.killed(changed) for segment in self._segments]
        if fresh:
            added = MatchIndex.build(fresh.values(), self.taxonomy, wanted)
            segments.append(_Segment(added, None, None, 0, fresh))
        segments = [s for i, s in enumerate(segments) if i == 0 or s.live > 0]
        if len(segments) - 1 > MAX_SEGMENTS:
            segments = [segments[0], _merged(segments[1:], self.taxonomy, now_restricted)]
        new = LiveIndex()
        new.taxonomy = self.taxonomy
        new._segments = tuple(segments)
        new.size = sum(s.live for s in segments)
        new.restricted = frozenset(now_restricted)
        new._corpus = new._corpus_of(segments)
        return new

    @staticmethod
    def _corpus_of(segments: Sequence[_Segment]) -> Corpus | None:
        if len(segments) == 1 and segments[0].dead is None:
            return None
        people = sum(s.live for s in segments)
        total = sum(s.index.total_doc_len - s.dead_len for s in segments)

        def df(term: str) -> int:
            return sum(s.df(term) for s in segments)

        return Corpus(people, avg_doc_len(total, people), df)

    # --- queries ------------------------------------------------------------------------------------------

    def search(self, opportunity: Opportunity, top_k: int = 50) -> list[Result]:
        """As :meth:`MatchIndex.search`, over the current profiles."""
        return self._query(opportunity, top_k=top_k)

    def matches(
        self, opportunity: Opportunity, *, min_score: float, person_ids: Collection[int] | None = None
    ) -> list[Result]:
        """Everyone (or everyone of ``person_ids``) whose score is at least ``min_score`` (> 0), best first,
        with explanations. With ``person_ids`` only their rows are scored (no walk over everyone)."""
        if person_ids is None:
            return self._query(opportunity, top_k=None, min_score=min_score)
        results = []
        plans: dict[int, Any] = {}
        for pid in sorted({int(p) for p in person_ids}):
            found = self._locate(pid)
            if found is None:
                continue
            i, row = found
            plan = plans.get(i)
            if plan is None:
                plan = plans[i] = self._segments[i].index._plan(opportunity, self._corpus)
            result = self._segments[i].index._score_row(row, plan)
            if result is not None and result.score >= min_score:
                results.append(result)
        results.sort(key=lambda r: (-r.score, r.person_id))
        return results

    def _query(self, opportunity: Opportunity, *, top_k: int | None, min_score: float = 0.0) -> list[Result]:
        if len(self._segments) == 1 and self._corpus is None:
            base = self.base
            plan = base._plan(opportunity)
            rows, scores = base._ranked(plan, top_k=top_k, min_score=min_score)
            return [base._result(int(r), float(s), plan) for r, s in zip(rows, scores, strict=True)]
        parts = []
        for i, segment in enumerate(self._segments):
            plan = segment.index._plan(opportunity, self._corpus)
            rows, scores = segment.index._ranked(plan, top_k=top_k, min_score=min_score, exclude=segment.dead)
            if rows.size:
                parts.append((i, plan, rows, scores))
        if not parts:
            return []
        which = np.concatenate(
            [np.full(rows.size, k, dtype=np.int64) for k, (_i, _p, rows, _s) in enumerate(parts)]
        )
        rows = np.concatenate([p[2] for p in parts])
        scores = np.concatenate([p[3] for p in parts])
        ids = np.concatenate([self._segments[i].index.person_ids[r] for i, _p, r, _s in parts])
        order = np.lexsort((ids, -scores))[:top_k]
        out = []
        for k in order:
            i, plan, _rows, _scores = parts[int(which[k])]
            out.append(self._segments[i].index._result(int(rows[k]), float(scores[k]), plan))
        return out

    def scores(self, opportunity: Opportunity) -> tuple[IntArray, FloatArray]:
        """As :meth:`MatchIndex.scores` (everyone through the filters with a score above 0: person ids
        ascending, scores), over the current profiles. For the fairness monitor."""
        if len(self._segments) == 1 and self._corpus is None:
            return self.base.scores(opportunity)
        ids, scores = [], []
        for segment in self._segments:
            plan = segment.index._plan(opportunity, self._corpus)
            rows, found = segment.index._ranked(plan, top_k=None, exclude=segment.dead)
            ids.append(segment.index.person_ids[rows])
            scores.append(found)
        all_ids, all_scores = np.concatenate(ids), np.concatenate(scores)
        order = np.argsort(all_ids, kind="stable")
        return all_ids[order], all_scores[order]

    def eligible(self, filters: Filters) -> IntArray:
        """As :meth:`MatchIndex.eligible` (person ids, ascending, that a query with these filters could
        return), over the current profiles."""
        parts = []
        for segment in self._segments:
            index = segment.index
            rows = np.arange(index.size, dtype=np.int64)
            keep = index._filter(rows, filters)
            if segment.dead is not None:
                keep &= ~segment.dead
            parts.append(index.person_ids[rows[keep]])
        return np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)

    def _locate(self, person_id: int) -> tuple[int, int] | None:
        for i in range(len(self._segments) - 1, -1, -1):  # the newest segment holds the current profile
            row = self._segments[i].row(person_id)
            if row is not None:
                return i, row
        return None

    def contains(self, person_id: int) -> bool:
        return self._locate(person_id) is not None

    def score(self, person_id: int, opportunity: Opportunity) -> Result | None:
        """As :meth:`MatchIndex.score`, over the current profiles."""
        found = self._locate(person_id)
        if found is None:
            return None
        i, row = found
        index = self._segments[i].index
        return index._score_row(row, index._plan(opportunity, self._corpus))

    def opportunities_for(self, person_id: int, opportunities: Sequence[Opportunity]) -> list[Result]:
        """As :meth:`MatchIndex.opportunities_for`, over the current profiles."""
        results = [r for o in opportunities if (r := self.score(person_id, o)) is not None]
        results.sort(key=lambda r: (-r.score, r.opportunity_id))
        return results
