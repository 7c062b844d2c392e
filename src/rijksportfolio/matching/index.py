# SPDX-License-Identifier: EUPL-1.2
"""The per-process matching index and its freshness.

Each process holds one :class:`MatchIndex` with the :class:`~rijksportfolio.matching.models.IndexVersion`
it was built at. Every change that matters (portfolio, skills, items, work location, employment: see
``signals.py``) bumps that version in the same transaction; every search first reads the version (one
primary-key query) and rebuilds when it differs, so a change is reflected in the next search of every
process (a rebuild at 155,000 people takes a few seconds: docs/performance.md). ``rijksportfolio matching
rebuild`` rebuilds on demand.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.db.models import F

from rijksportfolio.domain.matching import MatchIndex, Taxonomy
from rijksportfolio.matching.adapter import profiles_load, taxonomy_load
from rijksportfolio.matching.models import IndexVersion


@dataclass(frozen=True)
class Loaded:
    index: MatchIndex
    taxonomy: Taxonomy
    version: tuple[str, int]
    restricted: frozenset[int]
    build_s: float


_lock = threading.Lock()
_loaded: Loaded | None = None


def version_current() -> tuple[str, int]:
    """(token, version) of the row; ("", 0) before the first change."""
    row = IndexVersion.objects.filter(pk=1).values_list("token", "version").first()
    return (row[0], int(row[1])) if row else ("", 0)


def mark_changed() -> None:
    """Tell every process its index is stale (in the caller's transaction)."""
    if not IndexVersion.objects.filter(pk=1).update(version=F("version") + 1):
        IndexVersion.objects.get_or_create(pk=1, defaults={"version": 1})


def build() -> Loaded:
    """Build a fresh index from the database (does not install it)."""
    started = time.perf_counter()
    version = version_current()
    taxonomy = taxonomy_load()
    loaded = profiles_load()
    index = MatchIndex.build(loaded.profiles, taxonomy, restricted=loaded.restricted)
    return Loaded(index, taxonomy, version, loaded.restricted, time.perf_counter() - started)


def refresh() -> Loaded:
    """Rebuild now and install for this process."""
    global _loaded
    with _lock:
        _loaded = build()
        return _loaded


def current() -> Loaded:
    """This process's index, rebuilt first when the version in the database moved on."""
    loaded = _loaded
    if loaded is not None and loaded.version == version_current():
        return loaded
    return refresh()


def forget() -> None:
    """Drop this process's index (tests)."""
    global _loaded
    with _lock:
        _loaded = None
