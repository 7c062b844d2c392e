# SPDX-License-Identifier: EUPL-1.2
"""Root API views (the OpenAPI document) and the base classes every app's API views derive from."""

from __future__ import annotations

from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics
from rest_framework.permissions import AllowAny

from rijksportfolio.accounts.policy import Principal, principal_for
from rijksportfolio.api.openapi import ApiAutoSchema


class ApiView(generics.GenericAPIView):
    """Base of every ``/api/v1`` view: documented problem+json errors, the policy principal at hand.

    Authentication (bearer token, session with CSRF) and ``IsAuthenticated`` come from the DRF settings;
    every further decision is ``accounts.policy.can`` (directly or through an app's ``access.py``).
    """

    schema = ApiAutoSchema()

    @property
    def principal(self) -> Principal:
        return principal_for(self.request.user)


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
