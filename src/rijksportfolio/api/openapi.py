# SPDX-License-Identifier: EUPL-1.2
"""OpenAPI document details: documented problem+json errors, the ``API-Version`` header, security schemes.

Every API view uses :class:`ApiAutoSchema` (through ``api.views.ApiView``) so that each operation lists
the errors it can answer with, as ``application/problem+json``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from rijksportfolio.api.problems import PROBLEM_CONTENT_TYPE

ERROR_DESCRIPTIONS = {
    400: "Ongeldige invoer; de velden staan in invalidParams.",
    401: "Niet aangemeld of token ongeldig.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Gevraagd formaat niet beschikbaar (alleen JSON).",
    415: "Formaat van de invoer niet ondersteund (alleen application/json).",
    429: "Te veel verzoeken.",
    500: "Interne fout.",
}


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
    reason = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.URLField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(required=False)
    instance = serializers.CharField(required=False)
    invalidParams = InvalidParamSerializer(many=True, required=False)

    class Meta:
        ref_name = "Probleem"


class ApiAutoSchema(AutoSchema):
    def _error_codes(self) -> list[int]:
        public = any(getattr(p, "__name__", "") == "AllowAny" for p in self.view.permission_classes)
        codes = [406, 429, 500] if public else [400, 401, 403, 406, 429, 500]
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append(415)
        if "{" in self.path:
            codes.append(404)
        return sorted(codes)

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            responses.setdefault(
                str(code),
                self._get_response_for_code(
                    OpenApiResponse(ProblemSerializer, description=ERROR_DESCRIPTIONS[code]),
                    str(code),
                    [PROBLEM_CONTENT_TYPE],
                    direction,
                ),
            )
        return responses

    def _get_response_headers_for_code(self, status_code: str, direction: Any = "response") -> dict[str, Any]:
        headers = super()._get_response_headers_for_code(status_code, direction)
        headers["API-Version"] = {
            "schema": {"type": "string", "example": settings.API_VERSION},
            "description": "Volledige versie van de API (NL API Design Rules API-57).",
        }
        return headers


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "rijksportfolio.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):  # type: ignore[no-untyped-def]
        scheme = build_bearer_security_scheme_object(header_name="Authorization", token_prefix="Bearer")  # noqa: S106
        scheme["description"] = "Token van `rijksportfolio api-token create`; zie docs/operators/api.md."
        return scheme
