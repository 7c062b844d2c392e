# SPDX-License-Identifier: EUPL-1.2
"""Session authentication with the logged-in user kept per process (``accounts.cache.session_users``).

Django's ``AuthenticationMiddleware`` loads the user (and the page header then its person) from the
database on every request. Here the session itself is still read on every request — a logout or an
expired session takes effect at once, everywhere — but the user it names is kept per process for
``AUTH_CACHE_TTL`` seconds, with the same guarantees as the bearer-token cache:

* the session's auth hash must equal the cached user's (``get_session_auth_hash``); anything else — a
  mismatch, a fallback secret key, another backend — goes through Django's own ``get_user``;
* a save or delete of the user in this process (password change, deactivation, the admin, services)
  clears the entry at once (``accounts.cache`` signals); a change made in another process is seen within
  the TTL.
"""

from __future__ import annotations

import copy
from typing import Any

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthenticationMiddleware
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from rijksportfolio.accounts import cache as auth_cache


def cached_session_user(request: Any) -> Any:
    """The user of the request's session, as ``django.contrib.auth.get_user`` returns it."""
    session = request.session
    try:
        user_id = auth.get_user_model()._meta.pk.to_python(session[auth.SESSION_KEY])  # type: ignore[union-attr]
        backend_path = session[auth.BACKEND_SESSION_KEY]
    except (KeyError, ValueError):
        return auth.get_user(request)
    session_hash = session.get(auth.HASH_SESSION_KEY) or ""
    key = (user_id, backend_path)
    cached = auth_cache.session_users.get(key)
    if (
        cached is not None
        and backend_path in settings.AUTHENTICATION_BACKENDS
        and constant_time_compare(session_hash, cached.get_session_auth_hash())
    ):
        # A copy per request: per-request memos (the principal) never leak between requests.
        return copy.copy(cached)
    user = auth.get_user(request)
    if user.is_authenticated and user.pk == user_id:
        getattr(user, "person", None)  # load it now: the page header shows the person's name
        auth_cache.session_users.set(key, copy.copy(user), auth_cache.ttl())
    return user


class AuthenticationMiddleware(DjangoAuthenticationMiddleware):
    """``django.contrib.auth.middleware.AuthenticationMiddleware`` with :func:`cached_session_user`."""

    def process_request(self, request: Any) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: cached_session_user(request))
