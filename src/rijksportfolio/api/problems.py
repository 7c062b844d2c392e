# SPDX-License-Identifier: EUPL-1.2
"""RFC 9457 problem details (``application/problem+json``) with Dutch titles, for every API error."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Ongeldige invoer.",
    401: "Niet aangemeld.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Gevraagd formaat niet beschikbaar.",
    409: "Conflict.",
    415: "Formaat van de invoer niet ondersteund.",
    429: "Te veel verzoeken.",
    500: "Interne fout.",
}


def _title(code: int) -> str:
    return _(TITLES.get(code, "Fout."))


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


def problem_body(code: int, detail: str = "", instance: str = "", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"type": f"https://rijksportfolio.nl/problemen/{code}", "title": _title(code), "status": code}
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update(extra)
    return body


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    code = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        body = problem_body(code, _("De invoer bevat fouten; zie invalidParams."), instance, invalidParams=_invalid_params(exc.detail))
    else:
        detail = getattr(exc, "detail", "")
        body = problem_body(code, str(detail) if detail else "", instance)
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def problem_response(code: int, detail: str = "", instance: str = "") -> JsonResponse:
    return JsonResponse(problem_body(code, detail, instance), status=code, content_type=PROBLEM_CONTENT_TYPE)


def handler404(request, exception=None):  # type: ignore[no-untyped-def]
    return problem_response(status.HTTP_404_NOT_FOUND, _("Deze resource bestaat niet."), request.get_full_path())
