# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings


class ApiVersionMiddleware:
    """NL API Design Rules (API-57): every API response carries the full ``API-Version``."""

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request):  # type: ignore[no-untyped-def]
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.API_VERSION
        return response
