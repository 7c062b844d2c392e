# SPDX-License-Identifier: EUPL-1.2
import copy

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from rijksportfolio.accounts import cache as auth_cache
from rijksportfolio.accounts.models import ApiToken


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer rpf_…`` for integrations. Tokens are stored hashed and may expire or be revoked.

    A valid token's user is kept per process for ``AUTH_CACHE_TTL`` seconds (``accounts.cache``): expiry is
    still checked on every request; a revocation through ``accounts.services`` takes effect at once in the
    process that made it and within the TTL in the others. Refused tokens are never cached."""

    keyword = "Bearer"

    def authenticate(self, request):  # type: ignore[no-untyped-def]
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header.startswith(self.keyword + " "):
            return None
        key = header[len(self.keyword) + 1 :].strip()
        if not key:
            raise exceptions.AuthenticationFailed(_("Geen token meegegeven."))
        key_hash = ApiToken.hash_key(key)
        now = timezone.now()
        cached = auth_cache.tokens.get(key_hash)
        if cached is not None:
            user, token = cached
            if token.expires_at is None or token.expires_at > now:
                # A copy per request: per-request memos (the principal) never leak between requests.
                return copy.copy(user), token
            auth_cache.token_revoked(key_hash)
        token = (
            ApiToken.objects.select_related("user", "user__person")
            .filter(key_hash=key_hash, revoked_at__isnull=True)
            .first()
        )
        if token is None or (token.expires_at and token.expires_at <= now) or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Het token is ongeldig, verlopen of ingetrokken."))
        auth_cache.tokens.set(key_hash, (copy.copy(token.user), token), auth_cache.ttl())
        return token.user, token

    def authenticate_header(self, request):  # type: ignore[no-untyped-def]
        return 'Bearer realm="api"'
