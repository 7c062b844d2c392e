# SPDX-License-Identifier: EUPL-1.2
"""Adapter around the framework-free normaliser (``rijksportfolio.domain.normaliser``).

Builds one index per kind (``occupation`` / ``skill``) from the database when the taxonomy is imported,
else from the packaged ESCO bundle, plus the shipped Dutch language data
(``skills/data/normaliser_nl.json``: abbreviations, synonyms, seniority and filler words, extra
government job titles). The index is cached per process; :func:`reset_cache` drops it (call after a
taxonomy import or a label edit). Never reads anything outside the package at run time.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from rijksportfolio.domain.normaliser import BM25, Concept, Match, Normaliser, Vocabulary
from rijksportfolio.domain.normaliser.complete import Completer

KINDS = ("occupation", "skill")
DATA_FILE = Path(__file__).resolve().parent / "data" / "normaliser_nl.json"

_lock = threading.Lock()
_cache: dict[tuple[str, str], Normaliser] = {}
_completers: dict[int, Completer] = {}  # id(normaliser) -> its completer (autocomplete)


@cache
def language_data() -> dict[str, Any]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def vocabulary() -> Vocabulary:
    data = language_data()
    return Vocabulary(
        abbreviations=data["abbreviations"],
        synonyms=data["synonyms"],
        soft_words=frozenset(data["soft_words"]),
        filler_words=frozenset(data["filler_words"]),
    )


def _extra_labels(kind: str, uris: Iterable[str]) -> dict[str, list[str]]:
    """Shipped extra labels, keyed in the data file by URI or by a unique URI-suffix prefix."""
    table: dict[str, list[str]] = language_data()[f"{kind}_labels"]
    if not table:
        return {}
    by_suffix: dict[str, list[str]] = {}
    for uri in uris:
        suffix = uri.rsplit("/", 1)[-1]
        for key in table:
            if uri == key or suffix.startswith(key):
                by_suffix.setdefault(key, []).append(uri)
    out: dict[str, list[str]] = {}
    for key, labels in table.items():
        matches = by_suffix.get(key, [])
        if len(matches) == 1:  # unknown or ambiguous keys are ignored (another ESCO version)
            out.setdefault(matches[0], []).extend(labels)
    return out


def concepts_from_records(kind: str, records: dict[str, dict[str, Any]]) -> list[Concept]:
    """Concepts from taxonomy records (the bundle / ``TaxonomyData`` layout, keyed by URI)."""
    if kind == "skill":
        records = {uri: rec for uri, rec in records.items() if not rec.get("is_group")}
    extra = _extra_labels(kind, records)
    concepts = []
    for uri, rec in records.items():
        nl = rec.get("preferred_label_nl") or ""
        en = rec.get("preferred_label_en") or ""
        concepts.append(
            Concept(
                uri=uri,
                label=nl or en,
                preferred=[nl] if nl else [],
                alternative=list(rec.get("alt_labels_nl") or []),
                hidden=list(rec.get("hidden_labels") or []),
                extra=extra.get(uri, []),
                english=[en, *(rec.get("alt_labels_en") or [])]
                if en
                else list(rec.get("alt_labels_en") or []),
            )
        )
    return concepts


def _records_from_database(kind: str) -> dict[str, dict[str, Any]]:
    from rijksportfolio.skills.models import Occupation, Skill

    model = Occupation if kind == "occupation" else Skill
    fields = [
        "uri",
        "preferred_label_nl",
        "preferred_label_en",
        "alt_labels_nl",
        "alt_labels_en",
        "hidden_labels",
    ]
    if kind == "skill":
        fields.append("is_group")
    return {row["uri"]: row for row in model.objects.values(*fields)}


def _records_from_bundle(kind: str) -> dict[str, dict[str, Any]]:
    from rijksportfolio.skills.esco import read_bundle

    data = read_bundle()
    return data.occupations if kind == "occupation" else data.skills


def _source_marker() -> str:
    """Changes when a taxonomy import lands or the Rijk extension changes (labels, Rijk skills), so a
    long-running process rebuilds its index: one query."""
    try:
        from django.db.models import Subquery

        from rijksportfolio.skills.models import ExtensionRevision, TaxonomyVersion

        revision = ExtensionRevision.objects.filter(pk=1).values("revision")[:1]
        latest = (
            TaxonomyVersion.objects.order_by("-imported_at", "-id")
            .annotate(revision=Subquery(revision))
            .values_list("pk", "imported_at", "revision")
            .first()
        )
    except Exception:
        return "bundle"
    return f"db:{latest[0]}:{latest[1].isoformat()}:{latest[2] or 0}" if latest else "bundle"


def concepts_for(kind: str) -> list[Concept]:
    if kind not in KINDS:
        raise ValueError(kind)
    records: dict[str, dict[str, Any]] = {}
    if _source_marker() != "bundle":
        records = _records_from_database(kind)
    if not records:
        records = _records_from_bundle(kind)
    return concepts_from_records(kind, records)


def get_normaliser(kind: str) -> Normaliser:
    """The cached normaliser for ``kind`` (built on first use: about a second for occupations)."""
    key = (kind, _source_marker())
    with _lock:
        normaliser = _cache.get(key)
        if normaliser is None:
            for old in [k for k in _cache if k[0] == kind]:
                del _cache[old]
            normaliser = Normaliser(concepts_for(kind), vocabulary())
            _cache[key] = normaliser
    return normaliser


def get_completer(kind: str) -> Completer:
    """The cached autocompleter over :func:`get_normaliser` (rebuilt with it after a taxonomy import)."""
    normaliser = get_normaliser(kind)
    with _lock:
        completer = _completers.get(id(normaliser))
        if completer is None or completer.normaliser is not normaliser:
            live = {id(n) for n in _cache.values()}
            for key in [k for k in _completers if k not in live]:
                del _completers[key]
            completer = _completers[id(normaliser)] = Completer(normaliser)
    return completer


def reset_cache() -> None:
    with _lock:
        _cache.clear()
        _completers.clear()


def build_baseline(kind: str) -> BM25:
    return BM25(concepts_for(kind))


def normalise(kind: str, text: str, top: int = 5) -> list[Match]:
    return get_normaliser(kind).normalise(text, top=top)


def match_json(query: str, matches: list[Match]) -> str:
    results = [{"uri": m.uri, "label": m.label, "score": m.score} for m in matches]
    return json.dumps({"query": query, "results": results}, ensure_ascii=False)


def normalise_lines(kind: str, top: int, lines: Iterable[str]) -> Iterator[str]:
    """Batch use (``rijksportfolio taxonomy normalise``): one text per input line → one JSON line each.

    Blank input lines give ``{"query": "", "results": []}`` so output lines stay aligned with input."""
    normaliser = get_normaliser(kind)
    for line in lines:
        query = line.rstrip("\r\n")
        yield match_json(query, normaliser.normalise(query, top=top) if query.strip() else [])
