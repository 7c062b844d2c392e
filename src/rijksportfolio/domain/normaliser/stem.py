# SPDX-License-Identifier: EUPL-1.2
"""A light Dutch stemmer (after the Snowball/Porter Dutch algorithm, simplified) and gender folding.

The stemmer only has to be *consistent*: labels and queries go through the same function, so plural,
inflected and nominalised forms meet (``beveiliging``/``beveiligen`` → ``beveilig``, ``analisten`` →
``analist``, ``financiële``/``financieel`` → ``financiel``). Gender folding maps female job-title forms to
the form ESCO uses as preferred label (``medewerkster`` → ``medewerker``, ``directrice`` → ``directeur``,
``adviseuse`` → ``adviseur``); it consults the vocabulary so that ``minister`` does not become ``minier``.
"""

from __future__ import annotations

from collections.abc import Container

VOWELS = frozenset("aeiouy")


def stem(word: str) -> str:
    w = word
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("heden"):
        w = w[:-5] + "heid"
    elif w.endswith("ies") and len(w) > 5:
        w = w[:-1]
    elif w.endswith("en") and len(w) > 5 and w[-3] not in VOWELS:
        w = w[:-2]
    elif (w.endswith("s") and len(w) > 4 and w[-2] not in VOWELS and w[-2] != "j") or (
        w.endswith("e") and len(w) > 4 and w[-2] not in VOWELS
    ):
        w = w[:-1]
    if w.endswith("heid") and len(w) > 7:
        w = w[:-4]
    elif w.endswith("ing") and len(w) > 6:
        w = w[:-3]
    # undouble a final consonant (ontwikkell → ontwikkel) and a long vowel in the last syllable
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in VOWELS:
        w = w[:-1]
    if len(w) > 4 and w[-1] not in VOWELS and w[-2] == w[-3] and w[-2] in "aeou" and w[-4] != w[-2]:
        w = w[:-2] + w[-1]
    if w.endswith("v"):
        w = w[:-1] + "f"
    elif w.endswith("z"):
        w = w[:-1] + "s"
    return w


def degender(word: str, vocabulary: Container[str]) -> str:
    """Female job-title form → the (male/neutral) form, when that form is a known word."""
    candidates: list[str] = []
    if word.endswith("euse"):
        candidates.append(word[:-4] + "eur")
    elif word.endswith("trice"):
        candidates += [word[:-5] + "teur", word[:-5] + "tor"]
    elif word.endswith("ster") and len(word) > 6:
        base = word[:-4]
        candidates += [base + "er", base[:-1] + "ver" if base.endswith("f") else base + "er"]
        if base.endswith("d") or base.endswith("t"):
            candidates.append(base + "er")
    elif word.endswith("esse"):
        candidates.append(word[:-4] + "is")
    elif word.endswith("ares"):
        candidates.append(word[:-4] + "aar")
    elif word.endswith("vrouw"):
        candidates.append(word[:-5] + "man")
    elif word.endswith("e") and len(word) > 5:
        candidates.append(word[:-1])
    for candidate in candidates:
        if candidate in vocabulary:
            return candidate
    return word
