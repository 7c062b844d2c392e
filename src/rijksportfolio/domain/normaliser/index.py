# SPDX-License-Identifier: EUPL-1.2
"""The normaliser: free Dutch text (a job title, a skill phrase) → ranked taxonomy concepts.

Each label (preferred, alternative, hidden, or an extra label shipped with the product) becomes a bag of
*units*: the stem of every word plus, for a closed compound, the stems of its parts
(``beleidsmedewerker`` → ``beleidsmedewerker``, ``beleid``, ``medewerker``), so "medewerker beleid",
"beleidsmedewerker" and "beleids-medewerker" meet. A query goes through the same pipeline after noise
removal (hours, m/v/x, organisation tails), gender folding, abbreviation expansion and typo correction.

Score of a label for a query (all unit weights are IDF over labels):

    R = matched query weight / query weight      (how much of the query the label explains)
    P = matched label weight / label weight      (how much of the label the query asks for)
    score = R · √P · head · kind

``head`` is 1 when the head noun of the query (the last part of its first non-adjective word:
*adviseur* in "adviseur informatiebeveiliging" and in "informatiebeveiligingsadviseur") is the head of the
label, else 0.8; ``kind`` slightly prefers preferred labels over alternative, extra and hidden ones. A
concept scores the maximum over its labels. Seniority words ("senior", "hoofd", "coördinerend") count
for little on the query side; filler words (organisations, "vacature") not at all. Ties are broken by
concept order (URI), so the ranking is deterministic.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from rijksportfolio.domain.normaliser.lexicon import Lexicon, count_words
from rijksportfolio.domain.normaliser.stem import degender, stem
from rijksportfolio.domain.normaliser.text import clean_query, fold, words

ALGORITHM_VERSION = "normaliser-2"

LABEL_WEIGHT = {"preferred": 1.0, "alternative": 0.97, "extra": 0.97, "hidden": 0.94, "english": 0.93}
HEAD_MISS = 0.8
LABEL_SIMILARITY = 0.03  # weight of the query's trigram likeness to a concept's preferred label (tie-break)
RERANK_FACTOR, RERANK_MIN = 3, 15  # how many best concepts the tie-break looks at
SOFT_WEIGHT = 0.15
SYNONYM_PENALTY = 0.96

STOP_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "voor",
        "in",
        "op",
        "bij",
        "met",
        "te",
        "der",
        "den",
        "aan",
        "als",
        "om",
        "tot",
        "naar",
        "the",
        "a",
        "an",
        "and",
        "of",
        "for",
        "to",
        "in",
        "on",
        "with",
    ]
)
ADJECTIVE_ENDINGS = ("isch", "ische", "eel", "ele", "ief", "ieve", "aal", "ale", "lijk", "lijke")


_BRACKETS = re.compile(r"\(([^)]*)\)")


def _trigrams(text: str) -> frozenset[str]:
    """Character trigrams of the words of ``text`` (padded with spaces), for a cheap likeness measure."""
    grams: set[str] = set()
    for word in text.split():
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


@dataclass(frozen=True)
class Concept:
    uri: str
    label: str
    preferred: Sequence[str] = ()
    alternative: Sequence[str] = ()
    hidden: Sequence[str] = ()
    extra: Sequence[str] = ()
    english: Sequence[str] = ()


@dataclass(frozen=True)
class Match:
    uri: str
    label: str
    score: float
    matched_label: str


@dataclass
class Vocabulary:
    """Language data the normaliser needs beyond the taxonomy (shipped as a data file by the adapter)."""

    abbreviations: Mapping[str, Sequence[str]] = field(
        default_factory=dict
    )  # "hrm" → ["human resource management"]
    synonyms: Mapping[str, Sequence[str]] = field(default_factory=dict)  # "consultant" → ["adviseur"]
    soft_words: frozenset[str] = frozenset()  # seniority: count for little
    filler_words: frozenset[str] = frozenset()  # organisations, vacancy filler: ignored in queries


@dataclass(frozen=True)
class _Word:
    units: tuple[str, ...]  # stems: the whole word first, then its parts
    head: str
    soft: bool
    adjective: bool


class Normaliser:
    def __init__(self, concepts: Iterable[Concept], vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or Vocabulary()
        self.concepts = sorted(concepts, key=lambda c: c.uri)
        labels: list[tuple[int, str, str]] = []  # (concept index, label text, kind)
        seen: set[tuple[int, str]] = set()
        for ci, concept in enumerate(self.concepts):
            for kind in ("preferred", "alternative", "extra", "hidden", "english"):
                for text in getattr(concept, kind):
                    key = (ci, fold(text).strip())
                    if text and text.strip() and key not in seen:
                        seen.add(key)
                        labels.append((ci, text.strip(), kind))
        self._labels = labels
        label_words = [words(fold(text)) for _, text, _ in labels]
        extra_words = [words(fold(e)) for exps in self.vocabulary.abbreviations.values() for e in exps]
        extra_words += [words(fold(e)) for exps in self.vocabulary.synonyms.values() for e in exps]
        self.lexicon = Lexicon(count_words(label_words + extra_words))
        self._word_cache: dict[tuple[str, ...], _Word] = {}
        self._concept_grams: dict[int, frozenset[str]] = {}

        unit_ids: dict[str, int] = {}
        label_units: list[list[int]] = []
        heads = np.zeros(len(labels), dtype=np.int64)
        for li, ws in enumerate(label_words):
            analysed = [self._analyse(w, query=False) for w in ws if not self._is_stop(w)]
            ids = sorted({unit_ids.setdefault(u, len(unit_ids)) for a in analysed for u in a.units})
            label_units.append(ids)
            heads[li] = unit_ids.setdefault(self._head(analysed), len(unit_ids)) if analysed else -1
        n = max(len(labels), 1)
        lens = np.fromiter((len(ids) for ids in label_units), dtype=np.int64, count=len(label_units))
        flat = np.fromiter(itertools.chain.from_iterable(label_units), dtype=np.int64, count=int(lens.sum()))
        owner = np.repeat(np.arange(len(label_units), dtype=np.int64), lens)
        df = np.bincount(flat, minlength=len(unit_ids)).astype(np.float64)
        self._idf = np.log1p(n / np.maximum(df, 1))
        # the typical IDF of a unit the index does not know (weighs unknown query words); computed once
        self._median_idf = float(np.median(self._idf)) if self._idf.size else 0.0
        self._unit_ids = unit_ids
        order = np.argsort(flat, kind="stable")
        bounds = np.searchsorted(flat[order], np.arange(len(unit_ids) + 1))
        sorted_owner = owner[order]
        self._postings = {
            u: sorted_owner[bounds[u] : bounds[u + 1]]
            for u in range(len(unit_ids))
            if bounds[u + 1] > bounds[u]
        }
        totals = np.bincount(owner, weights=self._idf[flat], minlength=len(label_units))
        self._label_total = np.where(totals > 0, totals, 1.0)
        self._label_head = heads
        self._label_concept = np.array([ci for ci, _, _ in labels], dtype=np.int64)
        self._label_kind = np.array([LABEL_WEIGHT[k] for _, _, k in labels])

    # -- analysis --------------------------------------------------------------------------------------
    def _is_stop(self, word: list[str]) -> bool:
        return len(word) == 1 and (word[0] in STOP_WORDS or len(word[0]) < 2)

    def _analyse(self, pieces: Sequence[str], *, query: bool) -> _Word:
        key = (*pieces, "?" if query else "")
        cached = self._word_cache.get(key)
        if cached is not None:
            return cached
        lex = self.lexicon
        parts: list[str] = []
        fixed: list[str] = []
        for piece in pieces:
            if query and piece not in lex and piece.isalpha():
                corrected = lex.correct(piece)
                if corrected is None:
                    split = lex.split(piece)
                    if split is None:
                        split = self._split_with_typo(piece)
                    parts.extend(split or [piece])
                    fixed.append(piece)
                    continue
                piece = corrected
            fixed.append(piece)
            split = lex.split(piece)
            parts.extend(split or [piece])
        parts = [degender(p, lex) for p in parts]
        whole = degender(fixed[0], lex) if len(fixed) == 1 else "".join(parts)
        stems = [stem(p) for p in parts]
        # parts that are compounds themselves add their own parts (informatie|beveiligingsadviseur → …|adviseur)
        deeper = [stem(degender(q, lex)) for p in parts if len(parts) > 1 for q in (lex.split(p) or ())]
        units = tuple(dict.fromkeys([stem(whole), *stems, *deeper]))
        first = fold(pieces[0])
        soft = len(pieces) == 1 and (
            first in self.vocabulary.soft_words or (query and first in self.vocabulary.filler_words)
        )
        adjective = len(pieces) == 1 and first.endswith(ADJECTIVE_ENDINGS)
        result = _Word(units=units, head=stems[-1], soft=soft, adjective=adjective)
        self._word_cache[key] = result
        return result

    def _split_with_typo(self, word: str) -> list[str] | None:
        """A compound whose last part has a typing error: known prefix part(s) + a corrected head."""
        lex = self.lexicon
        for cut in range(len(word) - 4, 2, -1):
            head = lex.correct(word[cut:])
            if head is None:
                continue
            for link in ("s", "en", "e", ""):
                left = word[:cut]
                if link and not left.endswith(link):
                    continue
                left = left[: len(left) - len(link)]
                if left in lex.parts:
                    return [left, head]
                left_split = lex.split(left)
                if left_split:
                    return [*left_split, head]
        return None

    @staticmethod
    def _head(analysed: Sequence[_Word]) -> str:
        content = [w for w in analysed if not w.soft] or list(analysed)
        for w in content:
            if not w.adjective:
                return w.head
        return content[-1].head

    def _variants(
        self, ws: list[list[str]], soft: list[bool]
    ) -> list[tuple[list[list[str]], list[bool], float]]:
        """Query variants from abbreviations and synonyms (each word: itself or an expansion).

        An expansion is as soft as the word it replaces; the expansion of an organisation abbreviation
        (a filler word such as ``vws``) is soft too: it hints at the field, the title words decide."""
        options: list[list[tuple[list[list[str]], list[bool], float]]] = []
        abbreviations, synonyms = self.vocabulary.abbreviations, self.vocabulary.synonyms
        for word, is_soft in zip(ws, soft, strict=True):
            alts: list[tuple[list[list[str]], list[bool], float]] = [([word], [is_soft], 1.0)]
            for i, piece in enumerate(word):
                soft_expansion = is_soft or piece in self.vocabulary.filler_words
                for table, penalty in ((abbreviations, 1.0), (synonyms, SYNONYM_PENALTY)):
                    for expansion in table.get(piece, ()):
                        exp = words(fold(expansion))
                        if not exp:
                            continue
                        # the expansion replaces the piece; in a compound it stays attached to the head
                        if len(word) > 1:
                            merged = [*word[:i], *[p for w in exp for p in w], *word[i + 1 :]]
                            alts.append(([merged], [is_soft], penalty))
                        else:
                            alts.append((exp, [soft_expansion] * len(exp), penalty))
            options.append(alts[:4])
        variants: list[tuple[list[list[str]], list[bool], float]] = []
        for combo in itertools.islice(itertools.product(*options), 8):
            merged_words = [w for ws_, _, _ in combo for w in ws_]
            merged_soft = [f for _, fs, _ in combo for f in fs]
            factor = math.prod(p for _, _, p in combo)
            variants.append((merged_words, merged_soft, factor))
        return variants

    # -- querying --------------------------------------------------------------------------------------
    def _keep(self, word: list[str]) -> bool:
        return not self._is_stop(word) and not self._is_filler(word)

    def _is_filler(self, word: list[str]) -> bool:
        """Vacancy filler and organisation names are dropped, except words the labels use themselves
        (``douane``, ``politie``, ``kadaster``) or abbreviations of a field (``vws``: volksgezondheid): those
        stay and count for little (soft, see ``_analyse`` and ``_variants``)."""
        return (
            len(word) == 1
            and word[0] in self.vocabulary.filler_words
            and word[0] not in self.lexicon
            and word[0] not in self.vocabulary.abbreviations
        )

    def normalise(self, text: str, top: int = 5) -> list[Match]:
        cleaned = clean_query(text)
        # a remark in brackets ("(CISO-office)", "(DUO)") qualifies the title: its words count for little
        main = [w for w in words(_BRACKETS.sub(" ", cleaned)) if self._keep(w)]
        remark = [w for part in _BRACKETS.findall(cleaned) for w in words(part) if self._keep(w)]
        ws = main + remark
        soft = [False] * len(main) + [bool(main)] * len(remark)
        if not ws or top <= 0:
            return []
        best = np.zeros(0)
        best_labels = np.zeros(0, dtype=np.int64)
        for variant, variant_soft, factor in self._variants(ws, soft):
            labels, scores = self._score(variant, variant_soft)
            if labels.size == 0:
                continue
            best_labels = np.concatenate([best_labels, labels])
            best = np.concatenate([best, scores * factor])
        if best.size == 0:
            return []
        concepts = self._label_concept[best_labels]
        order = np.lexsort((best_labels, concepts, -np.round(best, 9)))
        candidates: list[tuple[int, float, int]] = []  # (concept, score, label) best label per concept
        taken: set[int] = set()
        for i in order:
            ci = int(concepts[i])
            if ci in taken:
                continue
            taken.add(ci)
            candidates.append((ci, float(best[i]), int(best_labels[i])))
            if len(candidates) >= max(top * RERANK_FACTOR, RERANK_MIN):
                break
        # near-ties (one label shared by several concepts, an extra short word) go to the concept whose
        # preferred label looks most like the query: a small bonus for character-trigram overlap
        query_grams = _trigrams(" ".join("".join(w) for w in (main or ws)))
        ranked = sorted(
            (
                (round(score + LABEL_SIMILARITY * self._similarity(query_grams, ci), 9), ci, li)
                for ci, score, li in candidates
            ),
            key=lambda item: (-item[0], item[1]),
        )
        out: list[Match] = []
        for score, ci, li in ranked[:top]:
            concept = self.concepts[ci]
            out.append(Match(concept.uri, concept.label, round(min(score, 1.0), 4), self._labels[li][1]))
        return out

    def _similarity(self, query_grams: frozenset[str], ci: int) -> float:
        grams = self._concept_grams.get(ci)
        if grams is None:
            grams = self._concept_grams[ci] = _trigrams(fold(self.concepts[ci].label).replace("-", ""))
        if not grams or not query_grams:
            return 0.0
        return 2 * len(query_grams & grams) / (len(query_grams) + len(grams))

    def _score(self, ws: list[list[str]], soft: list[bool]) -> tuple[np.ndarray, np.ndarray]:
        analysed = [
            replace(self._analyse(w, query=True), soft=True) if is_soft else self._analyse(w, query=True)
            for w, is_soft in zip(ws, soft, strict=True)
        ]
        weights: dict[int, float] = {}
        for a in analysed:
            for u in a.units:
                uid = self._unit_ids.get(u)
                if uid is not None:
                    w = SOFT_WEIGHT if a.soft else 1.0
                    weights[uid] = max(weights.get(uid, 0.0), w)
        # unknown units still count in the query weight (with a typical IDF), so a half-known query scores lower
        # (a soft word the index does not know, such as an organisation abbreviation, counts for little)
        unknown = sum(
            SOFT_WEIGHT if a.soft else 1.0 for a in analysed for u in a.units[:1] if u not in self._unit_ids
        )
        if not weights:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        uids = np.fromiter(weights, dtype=np.int64)
        qw = np.fromiter(weights.values(), dtype=np.float64)
        idf = self._idf[uids]
        q_total = float((idf * qw).sum()) + unknown * self._median_idf
        postings = [self._postings[int(u)] for u in uids]
        flat = np.concatenate(postings)
        lens = np.fromiter((p.size for p in postings), dtype=np.int64)
        labels, inverse = np.unique(flat, return_inverse=True)
        matched_q = np.bincount(inverse, weights=np.repeat(idf * qw, lens), minlength=labels.size)
        matched_l = np.bincount(inverse, weights=np.repeat(idf, lens), minlength=labels.size)
        recall = matched_q / q_total
        precision = np.minimum(matched_l / self._label_total[labels], 1.0)
        head_id = self._unit_ids.get(self._head(analysed), -2)
        head = np.where(self._label_head[labels] == head_id, 1.0, HEAD_MISS)
        scores = recall * np.sqrt(precision) * head * self._label_kind[labels]
        return labels, scores

    def stats(self) -> dict[str, int]:
        return {"concepts": len(self.concepts), "labels": len(self._labels), "units": len(self._unit_ids)}
