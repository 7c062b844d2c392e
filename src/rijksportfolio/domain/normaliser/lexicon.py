# SPDX-License-Identifier: EUPL-1.2
"""Vocabulary services: greedy Dutch decompounding and typo correction against the label vocabulary."""

from __future__ import annotations

from collections.abc import Iterable

# Pieces that are suffixes or particles rather than words; never accepted as a compound part.
NOT_PARTS = frozenset(
    [
        "ster",
        "aar",
        "eur",
        "ist",
        "isch",
        "lijk",
        "baar",
        "heid",
        "ing",
        "tje",
        "mede",
        "ver",
        "ont",
        "her",
        "aan",
        "uit",
        "over",
        "mee",
        "toe",
        "ter",
        "des",
        "ten",
        "ers",
        "ens",
        "ees",
        "ies",
        "ige",
        "iger",
    ]
)
LINKS = ("s", "en", "e", "")  # tussen-s, -en-, -e- (beleid-s-medewerker, boek-en-kast, gemeente-…)


def damerau(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Lexicon:
    """The set of known words (folded, unstemmed) with frequencies."""

    def __init__(self, frequencies: dict[str, int], *, min_part: int = 3) -> None:
        self.freq = frequencies
        self.min_part = min_part
        self.parts = frozenset(
            w for w in frequencies if len(w) >= min_part and w.isalpha() and w not in NOT_PARTS
        )
        self._maxlen = max((len(w) for w in self.parts), default=0)
        self._del1_index: dict[str, list[str]] | None = None
        self._split_cache: dict[str, list[str] | None] = {}
        self._typo_cache: dict[str, str | None] = {}

    @property
    def _del1(self) -> dict[str, list[str]]:
        """Symmetric-delete index (every known word and its one-character deletes), built on first use."""
        if self._del1_index is None:
            index: dict[str, list[str]] = {}
            for w in sorted(self.freq):
                if len(w) >= 4 and w.isalpha():
                    index.setdefault(w, []).append(w)
                    for i in range(len(w)):
                        index.setdefault(w[:i] + w[i + 1 :], []).append(w)
            self._del1_index = index
        return self._del1_index

    def __contains__(self, word: object) -> bool:
        return word in self.freq

    # -- decompounding ---------------------------------------------------------------------------------
    def split(self, word: str) -> list[str] | None:
        """Split a closed compound into ≥ 2 known parts with the fewest parts, or ``None``.

        ``informatiebeveiligingsbeleid`` → ``["informatie", "beveiliging", "beleid"]``. Ties are broken
        towards fewer linking morphemes, then a longer last part (the head)."""
        if word in self._split_cache:
            return self._split_cache[word]
        result = None
        if len(word) >= 2 * self.min_part and word.isalpha():
            memo: dict[int, tuple[int, int, int, list[str]] | None] = {}
            best = self._best(word, 0, memo, top=True)
            if best is not None and len(best[3]) >= 2:
                result = best[3]
        self._split_cache[word] = result
        return result

    def _best(
        self,
        word: str,
        start: int,
        memo: dict[int, tuple[int, int, int, list[str]] | None],
        *,
        top: bool = False,
    ) -> tuple[int, int, int, list[str]] | None:
        if not top and start in memo:
            return memo[start]
        best: tuple[int, int, int, list[str]] | None = None
        n = len(word)
        for end in range(min(n, start + self._maxlen), start + self.min_part - 1, -1):
            piece = word[start:end]
            if piece not in self.parts:
                continue
            if end == n:
                if top:
                    continue  # the whole word as one part is not a split
                cand = (1, 0, -len(piece), [piece])
                if best is None or cand[:3] < best[:3]:
                    best = cand
                continue
            for link in LINKS:
                if link and not word.startswith(link, end):
                    continue
                rest = self._best(word, end + len(link), memo)
                if rest is None or rest[0] >= 4:
                    continue
                cand = (rest[0] + 1, rest[1] + (1 if link else 0), rest[2], [piece, *rest[3]])
                if best is None or cand[:3] < best[:3]:
                    best = cand
        if not top:
            memo[start] = best
        return best

    # -- typing errors ---------------------------------------------------------------------------------
    def correct(self, word: str) -> str | None:
        """The nearest known word within edit distance 1 (length 4–7) or 2 (length ≥ 8), or ``None``.

        Candidates come from a symmetric-delete index (deletes of the vocabulary × deletes of the query);
        ties go to the more frequent word, then alphabetical order (deterministic)."""
        if word in self._typo_cache:
            return self._typo_cache[word]
        result = None
        if len(word) >= 4 and word.isalpha():
            limit = 1 if len(word) < 8 else 2
            probes = {word} | _deletes(word)
            if limit == 2:
                probes |= {d2 for d in _deletes(word) for d2 in _deletes(d)}
            seen: set[str] = set()
            scored: list[tuple[int, int, str]] = []
            for probe in probes:
                for cand in self._del1.get(probe, ()):
                    if cand in seen:
                        continue
                    seen.add(cand)
                    dist = damerau(word, cand, limit)
                    if dist <= limit:
                        scored.append((dist, -self.freq.get(cand, 0), cand))
            if scored:
                result = min(scored)[2]
        self._typo_cache[word] = result
        return result

    def with_prefix(self, prefix: str, limit: int = 5) -> list[str]:
        """Most frequent known words starting with ``prefix`` (autocomplete of the last word)."""
        hits = [w for w in self.parts if w.startswith(prefix) and w != prefix]
        hits.sort(key=lambda w: (-self.freq[w], w))
        return hits[:limit]


def count_words(texts: Iterable[list[list[str]]]) -> dict[str, int]:
    freq: dict[str, int] = {}
    for ws in texts:
        for word in ws:
            for piece in word:
                freq[piece] = freq.get(piece, 0) + 1
            if len(word) > 1:
                joined = "".join(word)
                freq[joined] = freq.get(joined, 0) + 1
    return freq
