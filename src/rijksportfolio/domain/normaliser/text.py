# SPDX-License-Identifier: EUPL-1.2
"""Text clean-up for Dutch job titles and skill phrases: folding, noise removal, tokenising.

A *word* is a list of *pieces*: a hyphenated or slashed compound such as ``ICT-architect`` is one word with
the pieces ``["ict", "architect"]`` (its head is the last piece, as in a closed compound).
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"})

# "(m/v)", "m/v/x", "(v/m)", "h/v", "m/f/x" — gender markers in vacancy titles.
_GENDER_MARK = re.compile(r"\(?\b[mvhfx]\s*/\s*[mvhfx](?:\s*/\s*[mvhfx])?\b\)?")
# Gendered slash or bracket suffix forms: "medewerker/ster", "medewerk(st)er", "adviseur/-euse".
_SLASH_SUFFIX = re.compile(r"/\s*-?\s*(?:ster|st|e|se|euse|trice|es|in|vrouw)\b")
_BRACKET_SUFFIX = re.compile(r"\((?:st|ster|e|se|s)\)")
# Parenthesised remarks with numbers: "(32-36 uur)", "(schaal 11)", "(0,8 fte)".
_NUMBER_REMARK = re.compile(r"\([^)]*\d[^)]*\)")
_HOURS = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?(?:uur|uren|u|fte|hrs|hours)\b")
# Trailing organisation: "… bij de Belastingdienst", "… @ DUO", "… bij het Rijk".
_AT_ORG = re.compile(r"\s(?:bij|@|at)\s.*$")
_WORD = re.compile(r"[a-z0-9&+#]+(?:[-/][a-z0-9&+#]+)*")
_PIECE = re.compile(r"[a-z0-9&+#]+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (coördinerend → coordinerend), normalise quotes and dashes."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def clean_query(text: str) -> str:
    """Remove vacancy noise that is not part of the title: gender markers, hours, bracketed numbers, org tail."""
    text = fold(text)
    text = _NUMBER_REMARK.sub(" ", text)
    text = _GENDER_MARK.sub(" ", text)
    text = _BRACKET_SUFFIX.sub("", text)
    text = _SLASH_SUFFIX.sub(" ", text)
    text = _HOURS.sub(" ", text)
    text = _AT_ORG.sub("", " " + text.strip())
    return " ".join(text.split())


def words(text: str) -> list[list[str]]:
    """Split folded text into words, each a list of pieces (split at hyphens and slashes).

    Pure numbers are dropped; a trailing ``'s`` (``programma's``) is dropped with the apostrophe.
    """
    out: list[list[str]] = []
    for match in _WORD.finditer(text.replace("'s ", " ").replace("'s", "")):
        raw = match.group(0)
        if "/" in raw:
            # "jurist/beleidsadviseur": two alternatives, both kept as separate words.
            for alt in raw.split("/"):
                pieces = [p for p in _PIECE.findall(alt) if not p.isdigit()]
                if pieces:
                    out.append(pieces)
            continue
        pieces = [p for p in _PIECE.findall(raw) if not p.isdigit()]
        if pieces:
            out.append(pieces)
    return out
