# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings

from rijksportfolio.accounts.policy import principal_for


def navigation(request):  # type: ignore[no-untyped-def]
    principal = principal_for(getattr(request, "user", None))
    return {"principal": principal, "oidc_enabled": settings.OIDC_ENABLED}
