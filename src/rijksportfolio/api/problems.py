# SPDX-License-Identifier: EUPL-1.2
"""RFC 9457 problem details (``application/problem+json``) with Dutch titles, for every API error.

Two routes lead here: DRF exceptions go through :func:`exception_handler`; every other error response on
an ``/api/`` path (unknown URL, an exception outside DRF, a 500) is rewritten by
``api.middleware.ApiVersionMiddleware`` with :func:`problem_response`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _, gettext_lazy
from django.views import defaults
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: gettext_lazy("Ongeldige invoer."),
    401: gettext_lazy("Niet aangemeld."),
    403: gettext_lazy("Geen toegang."),
    404: gettext_lazy("Niet gevonden."),
    405: gettext_lazy("Methode niet toegestaan."),
    406: gettext_lazy("Gevraagd formaat niet beschikbaar."),
    409: gettext_lazy("Conflict."),
    415: gettext_lazy("Formaat van de invoer niet ondersteund."),
    429: gettext_lazy("Te veel verzoeken."),
    500: gettext_lazy("Interne fout."),
    503: gettext_lazy("Dienst niet beschikbaar."),
}

DETAILS = {
    400: gettext_lazy("Het verzoek is ongeldig."),
    403: gettext_lazy("Je hebt geen toegang tot deze resource."),
    404: gettext_lazy("Deze resource bestaat niet."),
    405: gettext_lazy("Deze methode is niet toegestaan voor deze resource."),
    500: gettext_lazy(
        "Er ging iets mis aan onze kant. Probeer het later opnieuw; noem bij vragen het request-id."
    ),
}


def _title(code: int) -> str:
    title = TITLES.get(code)
    return str(title) if title is not None else _("Fout.")


def _invalid_params(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = key if key != "non_field_errors" else ""
            params += _invalid_params(value, f"{prefix}.{name}" if prefix and name else (name or prefix))
    elif isinstance(detail, list):
        for item in detail:
            if isinstance(item, (dict, list)):
                params += _invalid_params(item, prefix)
            else:
                params.append({"name": prefix, "code": getattr(item, "code", "invalid"), "reason": str(item)})
    else:
        params.append({"name": prefix, "code": getattr(detail, "code", "invalid"), "reason": str(detail)})
    return params


def service_validation_error(
    exc: DjangoValidationError, names: Mapping[str, str], prefix: str = ""
) -> exceptions.ValidationError:
    """A service's ``ValidationError`` (keyed by model field, ``data.<key>`` for nested ones) as an API one,
    keyed by the JSON property the client sent (``names`` maps the first segment), so that invalidParams
    point at the client's fields. Errors without a field come out under ``prefix`` (or the empty name)."""
    if not hasattr(exc, "error_dict"):
        return exceptions.ValidationError({prefix.rstrip("."): exc.messages})
    detail: dict[str, list[str]] = {}
    for field, errors in exc.message_dict.items():
        if field == "__all__":
            name = prefix.rstrip(".")
        else:
            head, dot, rest = field.partition(".")
            name = f"{prefix}{names.get(head, head)}{dot}{rest}"
        detail.setdefault(name, []).extend(errors)
    return exceptions.ValidationError(detail)


def problem_body(code: int, detail: str = "", instance: str = "", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"https://rijksportfolio.nl/problemen/{code}",
        "title": _title(code),
        "status": code,
    }
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update(extra)
    return body


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(DETAILS[404]))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(DETAILS[403]))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API exception: re-raised, becomes a 500 problem in ApiVersionMiddleware
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    code = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        body = problem_body(
            code,
            _("De invoer bevat fouten; zie invalidParams."),
            instance,
            invalidParams=_invalid_params(exc.detail),
        )
    else:
        detail = getattr(exc, "detail", "")
        body = problem_body(code, str(detail) if detail else "", instance)
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def problem_response(code: int, detail: str = "", instance: str = "") -> JsonResponse:
    return JsonResponse(problem_body(code, detail, instance), status=code, content_type=PROBLEM_CONTENT_TYPE)


def problem_for_status(request: HttpRequest, code: int) -> JsonResponse:
    """A problem response for an error that did not come from DRF (used by the API middleware)."""
    detail = DETAILS.get(code)
    return problem_response(code, str(detail) if detail else "", request.get_full_path())


def _error_view(code: int, default: Any) -> Any:
    """The URLconf's error view for ``code``: a problem response on ``/api/`` paths (with ``API-Version``),
    Django's own view (the platform's HTML error page) elsewhere. It serves the errors raised before the API
    middleware is reached: a refused ``Host`` header (400) or a failure in an outer middleware (500)."""

    def view(request: HttpRequest, exception: Exception | None = None) -> Any:
        if request.path_info.startswith("/api/"):
            from django.conf import settings

            response = problem_for_status(request, code)
            response["API-Version"] = settings.API_VERSION
            return response
        return default(request) if code == 500 else default(request, exception)

    return view


handler400 = _error_view(400, defaults.bad_request)
handler403 = _error_view(403, defaults.permission_denied)
handler404 = _error_view(404, defaults.page_not_found)
handler500 = _error_view(500, defaults.server_error)
