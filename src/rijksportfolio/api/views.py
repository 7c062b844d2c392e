# SPDX-License-Identifier: EUPL-1.2
"""Root API views (the OpenAPI document) and the base classes every app's API views derive from."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from rijksportfolio.accounts.policy import Principal, principal_for
from rijksportfolio.api.openapi import ApiAutoSchema
from rijksportfolio.organisations import read_cache


class ApiView(generics.GenericAPIView):
    """Base of every ``/api/v1`` view: documented problem+json errors, the policy principal at hand.

    Authentication (bearer token, session with CSRF) and ``IsAuthenticated`` come from the DRF settings;
    every further decision is ``accounts.policy.can`` (directly or through an app's ``access.py``).
    """

    schema = ApiAutoSchema()

    @property
    def principal(self) -> Principal:
        return principal_for(self.request.user)


class CachedReadMixin:
    """Serve a GET of a non-personal, non-audited resource from ``organisations.read_cache``.

    The view calls :meth:`cached_response` *after* its permission check, naming the visibility class that
    check established; on a miss the 200 answer it renders is stored for the next caller of that class.
    """

    def cached_response(self, request: Any, visibility: str) -> HttpResponse | None:
        key = read_cache.response_key(request, visibility)
        body = read_cache.response_get(key)
        if body is not None:
            return HttpResponse(body, content_type="application/json")
        request._rpf_read_cache_key = key
        return None

    def finalize_response(self, request, response, *args, **kwargs):  # type: ignore[no-untyped-def]
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        key = getattr(request, "_rpf_read_cache_key", None)
        if key is not None and isinstance(response, Response) and response.status_code == 200:
            response.render()
            read_cache.response_put(key, response.content)
        return response


@extend_schema(exclude=True)
class OpenApiJsonView(SpectacularAPIView):
    renderer_classes = [OpenApiJsonRenderer]
    permission_classes = [AllowAny]
    authentication_classes = []


@extend_schema(exclude=True)
class OpenApiYamlView(SpectacularAPIView):
    renderer_classes = [OpenApiYamlRenderer]
    permission_classes = [AllowAny]
    authentication_classes = []
