# SPDX-License-Identifier: EUPL-1.2
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from rijksportfolio.accounts.models import ApiToken


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer rpf_…`` for integrations. Tokens are stored hashed and may expire or be revoked."""

    keyword = "Bearer"

    def authenticate(self, request):  # type: ignore[no-untyped-def]
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header.startswith(self.keyword + " "):
            return None
        key = header[len(self.keyword) + 1 :].strip()
        if not key:
            raise exceptions.AuthenticationFailed(_("Geen token meegegeven."))
        token = (
            ApiToken.objects.select_related("user", "user__person")
            .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True)
            .first()
        )
        if (
            token is None
            or (token.expires_at and token.expires_at <= timezone.now())
            or not token.user.is_active
        ):
            raise exceptions.AuthenticationFailed(_("Het token is ongeldig, verlopen of ingetrokken."))
        return token.user, token

    def authenticate_header(self, request):  # type: ignore[no-untyped-def]
        return 'Bearer realm="api"'
