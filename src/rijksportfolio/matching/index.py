# SPDX-License-Identifier: EUPL-1.2
"""The per-process matching index and its freshness (docs/matching.md, "Freshness").

Each process holds one :class:`~rijksportfolio.domain.matching.LiveIndex`: a full build plus an overlay of the
people who changed since. Before every search :func:`current`

1. reads the generation (:class:`~rijksportfolio.matching.models.IndexVersion`, one primary-key query); when
   it moved (taxonomy load, bulk load, ``matching rebuild``) the index is rebuilt in full first;
2. reads the change log (:class:`~rijksportfolio.matching.models.ProfileChange`) after its cursor (one indexed
   range query); the people named there are re-read — only they — and applied to the index as an overlay,
   so a change is visible in the next search of every process;
3. when the index is older than ``RPF_MATCHING_REBUILD_SECONDS`` or its overlay holds more than
   ``RPF_MATCHING_OVERLAY_MAX`` people, starts a full rebuild — in a background thread
   (``RPF_MATCHING_REBUILD=background``: searches keep using the current index meanwhile) or at once
   (``inline``). The periodic rebuild also picks up what changes by the calendar alone (an employment that
   started or ended today).

The cursor (``domain.changelog.ChangeCursor``) keeps asking for ids that were handed out but not yet visible,
so a transaction that commits late is not missed. ``rijksportfolio matching rebuild`` rebuilds on demand.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import connections
from django.db.models import Max, Q

from rijksportfolio.domain import changelog
from rijksportfolio.domain.changelog import ChangeCursor
from rijksportfolio.domain.matching import LiveIndex, Taxonomy
from rijksportfolio.matching.adapter import profiles_load, taxonomy_load
from rijksportfolio.matching.models import IndexVersion, ProfileChange

log = logging.getLogger(__name__)

# Ids this far below the newest change are checked for gaps when a reader starts from the current state.
LOOKBACK = 10_000


@dataclass(frozen=True)
class Loaded:
    index: LiveIndex
    taxonomy: Taxonomy
    generation: tuple[str, int]  # (token, version) of IndexVersion the base was built at
    cursor: ChangeCursor  # position in the change log: every change up to it is in the index
    built_at: float  # time.monotonic() when the base build started
    build_s: float  # seconds the base build took

    @property
    def restricted(self) -> frozenset[int]:
        return self.index.restricted

    @property
    def version(self) -> tuple[str, int]:
        """(token, last change id applied): what a ranking was computed on (``RankingLog.index_version``)."""
        return (self.generation[0], self.cursor.high_water)


_lock = threading.RLock()
_loaded: Loaded | None = None
_worker: threading.Thread | None = None


def generation_current(*, ensure: bool = False) -> tuple[str, int]:
    """(token, version) of the generation row; ("", 0) when there is none (``ensure``: create it)."""
    row = IndexVersion.objects.filter(pk=1).values_list("token", "version").first()
    if row is None and ensure:
        obj, _created = IndexVersion.objects.get_or_create(pk=1)
        row = (obj.token, obj.version)
    return (row[0], int(row[1])) if row else ("", 0)


def inputs_version() -> tuple[str, int, int]:
    """What every matching input depends on: the generation (full rebuilds: taxonomy and bulk loads) and the
    newest change-log id (any person's profile). For caches built from the inputs outside the live index (the
    candidate pool's): a change of anyone's portfolio gives a new value."""
    token, version = generation_current()
    high = ProfileChange.objects.aggregate(high=Max("id"))["high"] or 0
    return token, version, int(high)


def cursor_now() -> ChangeCursor:
    """A cursor at the newest change (recent ids not yet visible are kept as gaps)."""
    high = ProfileChange.objects.aggregate(high=Max("id"))["high"] or 0
    present = ProfileChange.objects.filter(id__gt=high - LOOKBACK).values_list("id", flat=True)
    return changelog.initial(high_water=high, present=present, lookback=LOOKBACK, now=time.time())


def changes_after(cursor: ChangeCursor, *, limit: int) -> list[tuple[int, int]]:
    """(id, person id) of the changes after ``cursor``, oldest first, at most ``limit``."""
    where = Q(id__gt=cursor.high_water)
    for first, last in cursor.ranges():
        where |= Q(id__gte=first, id__lte=last)
    return list(ProfileChange.objects.filter(where).order_by("id").values_list("id", "person_id")[:limit])


def build(*, cursor: ChangeCursor | None = None) -> Loaded:
    """A fresh full index from the database (not installed). The cursor is taken *before* the profiles are
    read, so a change committed during the build is applied again afterwards (harmless: re-reading a person
    gives their current profile)."""
    started, monotonic = time.perf_counter(), time.monotonic()
    generation = generation_current(ensure=True)
    cursor = cursor_now() if cursor is None else cursor
    taxonomy = taxonomy_load()
    loaded = profiles_load()
    index = LiveIndex.build(loaded.profiles, taxonomy, restricted=loaded.restricted)
    return Loaded(index, taxonomy, generation, cursor, monotonic, time.perf_counter() - started)


def refresh() -> Loaded:
    """Rebuild now and install for this process."""
    global _loaded
    with _lock:
        _loaded = build()
        return _loaded


def _catch_up(loaded: Loaded) -> Loaded | None:
    """``loaded`` with the changes after its cursor applied; None when there are too many (rebuild)."""
    limit = settings.MATCHING_OVERLAY_MAX
    rows = changes_after(loaded.cursor, limit=limit + 1)
    now = time.time()
    if not rows:
        if not loaded.cursor.gaps:
            return loaded
        return replace(loaded, cursor=loaded.cursor.advance((), now=now))
    if len(rows) > limit:
        return None
    people = sorted({person_id for _id, person_id in rows})
    fresh = profiles_load(person_ids=people)
    index = loaded.index.with_changes(people, fresh.profiles, fresh.restricted)
    return replace(loaded, index=index, cursor=loaded.cursor.advance((i for i, _p in rows), now=now))


def _rebuild_due(loaded: Loaded) -> bool:
    age = time.monotonic() - loaded.built_at
    return (
        age > settings.MATCHING_REBUILD_SECONDS or loaded.index.overlay_size > settings.MATCHING_OVERLAY_MAX
    )


def current() -> Loaded:
    """This process's index, brought up to date with the database first (see the module docstring)."""
    global _loaded
    generation = generation_current()
    with _lock:
        loaded = _loaded
        too_old = (
            loaded is not None
            and time.monotonic() - loaded.built_at > settings.MATCHING_CHANGE_RETENTION_HOURS * 3600
        )
        if loaded is None or loaded.generation != generation or too_old:
            return refresh()
        caught_up = _catch_up(loaded)
        if caught_up is None:
            return refresh()
        _loaded = loaded = caught_up
    if _rebuild_due(loaded):
        if settings.MATCHING_REBUILD == "inline":
            return refresh()
        _rebuild_in_background(loaded)
    return loaded


def _rebuild_in_background(loaded: Loaded) -> None:
    global _worker
    with _lock:
        if _worker is not None:
            return
        _worker = threading.Thread(
            target=_background_build, args=(loaded.cursor,), name="rpf-matching-rebuild", daemon=True
        )
        _worker.start()


def _background_build(cursor: ChangeCursor) -> None:
    """Build with the cursor of the index in use, then install; the next search applies what changed since."""
    global _loaded, _worker
    try:
        fresh = build(cursor=cursor)
        with _lock:
            if _loaded is None or _loaded.generation == fresh.generation:
                _loaded = fresh
    except Exception:  # the current index stays in use; the next search tries again
        log.exception("background rebuild of the matching index failed")
    finally:
        connections.close_all()  # this thread's connections
        with _lock:
            _worker = None


def wait_for_rebuild(timeout: float | None = None) -> None:
    """Wait until a background rebuild (if any) has finished (commands, tests, benchmarks)."""
    worker = _worker
    if worker is not None:
        worker.join(timeout)


def forget() -> None:
    """Drop this process's index (tests)."""
    global _loaded
    wait_for_rebuild()
    with _lock:
        _loaded = None
