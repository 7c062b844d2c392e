# SPDX-License-Identifier: EUPL-1.2
"""Short-lived per-process caches of who a request is: bearer token -> user, session user id -> user
(``accounts.middleware``; the session itself is read on every request), user -> principal.

Authentication and authorisation cost two queries per API request (the token with its user, then the role
assignments) and two per page (the session's user and their person). These answers change rarely, so each worker process keeps them for ``AUTH_CACHE_TTL`` seconds
(``RPF_AUTH_CACHE_TTL``, default 30; 0 switches the caches off):

* a change made through ``accounts.services`` (role assigned, token revoked) or any save of the user
  (password change, deactivation) clears the entries *in the process that made it* at once;
* another process (another web server worker, the ``api-token`` command) sees it at the latest after the TTL;
* expiry (``ApiToken.expires_at``) is checked on every request against the cached value, so an expired
  token is refused the moment it expires; a deactivated user is refused after at most the TTL.

Entries are bounded (least recently stored dropped first), so memory cannot grow with the number of tokens.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save


class TTLCache[K, V]:
    """A small thread-safe mapping whose entries expire ``ttl`` seconds after they were stored."""

    def __init__(self, *, maxsize: int = 1024) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        entry = self._data.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            with self._lock:
                self._data.pop(key, None)
            return None
        return entry[1]

    def set(self, key: K, value: V, ttl: float) -> None:
        if ttl <= 0:
            return
        with self._lock:
            self._data[key] = (time.monotonic() + ttl, value)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def delete(self, key: K) -> None:
        with self._lock:
            self._data.pop(key, None)

    def delete_where(self, predicate: Any) -> None:
        """Drop every entry whose value satisfies ``predicate(value)``."""
        with self._lock:
            for key in [k for k, (_, v) in self._data.items() if predicate(v)]:
                del self._data[key]

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


# key_hash -> (user, token): the user with its person loaded, as the token authentication returns it.
tokens: TTLCache[str, tuple[Any, Any]] = TTLCache(maxsize=4096)
# user id -> Principal
principals: TTLCache[int, Any] = TTLCache(maxsize=8192)
# (user id, backend path) -> the user of a session, with its person loaded (accounts.middleware)
session_users: TTLCache[tuple[Any, str], Any] = TTLCache(maxsize=8192)


def ttl() -> float:
    return float(getattr(settings, "AUTH_CACHE_TTL", 30))


def user_changed(user_id: int | None) -> None:
    """Forget what this process knows about the user (roles, tokens): call after changing them."""
    if user_id is None:
        return
    principals.delete(user_id)
    tokens.delete_where(lambda entry: entry[0].pk == user_id)
    session_users.delete_where(lambda user: user.pk == user_id)


def token_revoked(key_hash: str) -> None:
    tokens.delete(key_hash)


def clear() -> None:
    tokens.clear()
    principals.clear()
    session_users.clear()


# Every save or delete of a role assignment, token or user in this process clears what is cached about that
# user here, whoever made it (services, the admin, factories in tests). Bulk ``QuerySet.update()`` bypasses
# signals: use the services (``accounts.services.api_token_revoke``), or rely on the TTL.


def _on_role_assignment(sender: Any, instance: Any, **kwargs: Any) -> None:
    user_changed(instance.user_id)


def _on_token(sender: Any, instance: Any, **kwargs: Any) -> None:
    token_revoked(instance.key_hash)


def _on_user(sender: Any, instance: Any, **kwargs: Any) -> None:
    user_changed(instance.pk)


for _name, _signal in (("save", post_save), ("delete", post_delete)):
    _signal.connect(
        _on_role_assignment, sender="accounts.RoleAssignment", dispatch_uid=f"rpf-auth-role-{_name}"
    )
    _signal.connect(_on_token, sender="accounts.ApiToken", dispatch_uid=f"rpf-auth-token-{_name}")
    _signal.connect(_on_user, sender="accounts.User", dispatch_uid=f"rpf-auth-user-{_name}")
