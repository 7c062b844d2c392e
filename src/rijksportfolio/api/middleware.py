# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings

from rijksportfolio.api.problems import PROBLEM_CONTENT_TYPE, problem_for_status

# Headers of an error response that stay meaningful on the problem response that replaces it.
_KEEP_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After", "X-Request-ID")


def is_api_request(request) -> bool:  # type: ignore[no-untyped-def]
    return bool(request.path_info.startswith("/api/"))


class ApiVersionMiddleware:
    """NL API Design Rules for every response on ``/api/``:

    * API-57: the full ``API-Version`` header;
    * every error is ``application/problem+json``: error responses that did not come from DRF's exception
      handler (unknown ``/api/`` paths, exceptions outside DRF, the 500 of an unhandled exception) are
      replaced by a Dutch problem response with the same status. With ``DEBUG`` on, a 500 keeps Django's
      technical page for the developer.

    It must be the innermost middleware: view exceptions have then already become error responses.
    """

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request):  # type: ignore[no-untyped-def]
        response = self.get_response(request)
        if not is_api_request(request):
            return response
        is_problem = response.get("Content-Type", "").startswith(PROBLEM_CONTENT_TYPE)
        debug_page = settings.DEBUG and response.status_code == 500
        if response.status_code >= 400 and not is_problem and not debug_page:
            problem = problem_for_status(request, response.status_code)
            for header in _KEEP_HEADERS:
                if header in response:
                    problem[header] = response[header]
            response = problem
        response["API-Version"] = settings.API_VERSION
        return response
