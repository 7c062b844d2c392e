# SPDX-License-Identifier: EUPL-1.2
"""Off-the-shelf BM25 baseline over the same labels: folded word tokens, no stemming, no decompounding,
no abbreviations or typo handling (k1 = 1.2, b = 0.75). A concept scores the maximum over its labels."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import numpy as np

from rijksportfolio.domain.normaliser.index import Concept, Match
from rijksportfolio.domain.normaliser.text import fold

_TOKEN = re.compile(r"[a-z0-9]+")


class BM25:
    def __init__(self, concepts: Iterable[Concept], k1: float = 1.2, b: float = 0.75) -> None:
        self.concepts = sorted(concepts, key=lambda c: c.uri)
        self.k1, self.b = k1, b
        self._label_concept: list[int] = []
        docs: list[list[str]] = []
        for ci, c in enumerate(self.concepts):
            for text in {*c.preferred, *c.alternative, *c.hidden, *c.extra, *c.english}:
                docs.append(_TOKEN.findall(fold(text)))
                self._label_concept.append(ci)
        self._lengths = np.array([len(d) for d in docs], dtype=np.float64)
        self._avg = float(self._lengths.mean()) if docs else 1.0
        postings: dict[str, dict[int, int]] = {}
        for di, doc in enumerate(docs):
            for tok in doc:
                postings.setdefault(tok, {}).setdefault(di, 0)
                postings[tok][di] += 1
        n = len(docs)
        self._postings = {
            t: (np.fromiter(p.keys(), dtype=np.int64), np.fromiter(p.values(), dtype=np.float64))
            for t, p in postings.items()
        }
        self._idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in postings.items()}
        self._n = n
        self._concepts_arr = np.array(self._label_concept, dtype=np.int64)

    def normalise(self, text: str, top: int = 5) -> list[Match]:
        scores = np.zeros(self._n)
        for tok in set(_TOKEN.findall(fold(text))):
            if tok not in self._postings:
                continue
            docs, tf = self._postings[tok]
            norm = self.k1 * (1 - self.b + self.b * self._lengths[docs] / self._avg)
            scores[docs] += self._idf[tok] * tf * (self.k1 + 1) / (tf + norm)
        hit = np.nonzero(scores)[0]
        if hit.size == 0:
            return []
        concepts = self._concepts_arr[hit]
        order = np.lexsort((concepts, -scores[hit]))
        out: list[Match] = []
        taken: set[int] = set()
        for i in order:
            ci = int(concepts[i])
            if ci not in taken:
                taken.add(ci)
                c = self.concepts[ci]
                out.append(Match(c.uri, c.label, round(float(scores[hit[i]]), 4), c.label))
                if len(out) >= top:
                    break
        return out
