# SPDX-License-Identifier: EUPL-1.2
"""Cache of whole read responses of non-personal, non-audited resources: the organisation tree, the work
locations and the directory (cards) list — the same answer for everyone allowed to see them.

* Entries live in the worker process (bounded) for ``READ_CACHE_TTL`` seconds (``RPF_READ_CACHE_TTL``,
  default 10; 0 switches the cache off).
* Every key contains a *version* kept in Django's default cache. Every write service that touches these
  data (``organisations.services``, ``people.services``) calls :func:`directory_changed` after its
  transaction commits, which gives the version a new value, so the next read computes the answer again.
  With a shared cache (Redis, ``RPF_CACHE_URL``) that holds for every process; with the per-process default
  cache, for the process that wrote — the others, and writes that bypass the services (the generator's bulk
  load), are visible within ``READ_CACHE_TTL``.
* Keys also hold the caller's visibility class (the permission the view checked *before* the lookup), the
  language, today's date (what is "current" changes at midnight) and the absolute URL.

Audited reads (employment history, personal details) are never cached here.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from rijksportfolio.accounts.cache import TTLCache

VERSION_KEY = "rpf:read-cache:directory-version"

_responses: TTLCache[tuple[Any, ...], bytes] = TTLCache(maxsize=2048)


def ttl() -> float:
    return float(getattr(settings, "READ_CACHE_TTL", 10))


def directory_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return str(version)


def _bump() -> None:
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)
    _responses.clear()


def directory_changed() -> None:
    """Organisations, locations, people or employment records changed: cached reads are stale from the
    moment the change commits (now, outside a transaction)."""
    _bump()  # at once: the writing request itself never sees its old answer …
    transaction.on_commit(_bump)  # … and again at commit, past any read made while the change was uncommitted


def response_key(request: Any, visibility: str) -> tuple[Any, ...] | None:
    """The cache key of a read, or None when caching is off."""
    if ttl() <= 0:
        return None
    return (
        directory_version(),
        visibility,
        translation.get_language(),
        date.today().toordinal(),
        request.build_absolute_uri(),
    )


def response_get(key: tuple[Any, ...] | None) -> bytes | None:
    return None if key is None else _responses.get(key)


def response_put(key: tuple[Any, ...] | None, body: bytes) -> None:
    if key is not None:
        _responses.set(key, body, ttl())


def clear() -> None:
    _responses.clear()


def invalidates_directory[**P, R](func: Callable[P, R]) -> Callable[P, R]:
    """Decorator of a write service: when it returns, call :func:`directory_changed`."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        result = func(*args, **kwargs)
        directory_changed()
        return result

    return wrapper
