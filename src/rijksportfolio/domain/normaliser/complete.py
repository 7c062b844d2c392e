# SPDX-License-Identifier: EUPL-1.2
"""Autocomplete on top of the normaliser: find a concept while the user is still typing.

The normaliser (:class:`~rijksportfolio.domain.normaliser.Normaliser`) ranks concepts for complete words,
with typo correction and Dutch decompounding. While typing, the last word is usually unfinished
(``informatiebev``), so :meth:`Completer.complete` also asks the normaliser about a few *completions* of that
word: the most frequent known words that start with it (``informatiebeveiliging``), or — for a compound
whose head is unfinished (``beleidsadvi``) — a known first part plus completions of the rest
(``beleid`` + ``adviseren``). A typed word that the vocabulary does not know is also read as a compound of a
known first part and a head with the stem of a known word (``beleidsadvisering`` → ``adviseren beleid``):
the normaliser's own decompounding needs both parts verbatim, and on ESCO its vocabulary mixes Dutch and
English words, so ``beleids|advise|ring`` would win there. A concept scores the best of all these asks; a completion counts slightly less
than what was typed (:data:`COMPLETION_FACTOR`), so a finished word beats a guess of equal strength.

Cost: one normaliser query plus at most :data:`MAX_COMPLETIONS` more, each well under a millisecond on the
full ESCO skills pillar once the index is built (docs/performance.md, "skill autocomplete").
"""

from __future__ import annotations

import bisect
import re

from rijksportfolio.domain.normaliser.index import Match, Normaliser
from rijksportfolio.domain.normaliser.lexicon import LINKS
from rijksportfolio.domain.normaliser.stem import stem
from rijksportfolio.domain.normaliser.text import fold

COMPLETION_FACTOR = 0.97
MAX_COMPLETIONS = 3
MAX_HEADS = (
    5  # completions of an unfinished compound head (beleids|advi…): more, the vocabulary mixes languages
)
MIN_PREFIX = 3  # shorter unfinished words are not completed (too many candidates to mean anything)
MAX_READINGS = 2  # compound readings of one unknown word
MIN_SCORE = 0.1  # below this a hit explains too little of the query to be offered

_LAST_WORD = re.compile(r"[a-z0-9]+$")
_WORD = re.compile(r"[a-z]+")


class Completer:
    """Autocomplete over one normaliser; build once per process (it sorts the normaliser's vocabulary)."""

    def __init__(self, normaliser: Normaliser) -> None:
        self.normaliser = normaliser
        lexicon = normaliser.lexicon
        self._words = sorted(lexicon.parts)
        self._freq = lexicon.freq
        self._parts = lexicon.parts
        self._by_stem: dict[str, str] = {}  # stem -> the most frequent known word with that stem
        for word in sorted(self._parts, key=lambda w: (-self._freq.get(w, 0), w)):
            self._by_stem.setdefault(stem(word), word)
        # Typo correction builds its index on first use (almost a second on ESCO): do it now, not in a request.
        lexicon.correct("voorbereiding")

    def words_with_prefix(self, prefix: str, limit: int = MAX_COMPLETIONS) -> list[str]:
        """The most frequent known words that start with ``prefix`` (not ``prefix`` itself)."""
        if len(prefix) < MIN_PREFIX:
            return []
        start = bisect.bisect_right(self._words, prefix)
        end = bisect.bisect_left(self._words, prefix + "\uffff", lo=start)
        found = self._words[start:end]
        found.sort(key=lambda w: (-self._freq.get(w, 0), w))
        return found[:limit]

    def _completions(self, last: str) -> list[str]:
        """Ways to finish the unfinished last word: whole words, else a known part + a finished head."""
        whole = self.words_with_prefix(last)
        if whole:
            return whole
        for cut in range(len(last) - MIN_PREFIX, MIN_PREFIX - 1, -1):
            left, rest = last[:cut], last[cut:]
            for link in LINKS:
                if link and not left.endswith(link):
                    continue
                first = left[: len(left) - len(link)]
                if first in self._parts:
                    heads = self.words_with_prefix(rest, MAX_HEADS)
                    if heads:
                        return [f"{first} {head}" for head in heads]
        return []

    def compound_readings(self, word: str) -> list[str]:
        """An unknown word as "head first-part" (``beleidsadvisering`` → ``adviseren beleid``), at most two.

        The first part is a known word (after a linking ``s``/``en``/``e``); the head is a known word or
        the most frequent known word with the same stem. Longer heads first (the head carries the meaning)."""
        if word in self._freq or len(word) < 2 * MIN_PREFIX:
            return []
        readings: list[str] = []
        for cut in range(MIN_PREFIX, len(word) - MIN_PREFIX + 1):
            left, right = word[:cut], word[cut:]
            head = right if right in self._parts else self._by_stem.get(stem(right))
            if head is None:
                continue
            for link in LINKS:
                first = left[: len(left) - len(link)] if left.endswith(link) else ""
                if first in self._parts:
                    # head first: the normaliser takes the first word's head as the query's head noun
                    readings.append(f"{head} {first}")
                    break
            if len(readings) >= MAX_READINGS:
                break
        return readings

    def complete(self, text: str, top: int = 10) -> list[Match]:
        """Concepts for ``text`` as typed so far, best first (ties: label, then URI; deterministic)."""
        folded = fold(text)
        if not folded.strip() or top <= 0:
            return []
        asks: list[tuple[str, float]] = [(text, 1.0)]
        last = _LAST_WORD.search(folded)
        if last is not None and folded == folded.rstrip():  # still typing the last word
            before = folded[: last.start()]
            for completion in self._completions(last.group(0)):
                asks.append((before + completion, COMPLETION_FACTOR))
        for found in _WORD.finditer(folded):
            for reading in self.compound_readings(found.group(0)):
                asks.append((folded[: found.start()] + reading + folded[found.end() :], COMPLETION_FACTOR))
        best: dict[str, Match] = {}
        for query, factor in asks:
            for match in self.normaliser.normalise(query, top=top * 2):
                score = round(match.score * factor, 4)
                known = best.get(match.uri)
                if score >= MIN_SCORE and (known is None or score > known.score):
                    best[match.uri] = Match(match.uri, match.label, score, match.matched_label)
        ranked = sorted(best.values(), key=lambda m: (-m.score, fold(m.label), m.uri))
        return ranked[:top]
