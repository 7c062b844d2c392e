# SPDX-License-Identifier: EUPL-1.2
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny


class OpenApiJsonView(SpectacularAPIView):
    renderer_classes = [OpenApiJsonRenderer]
    permission_classes = [AllowAny]
    authentication_classes = []


class OpenApiYamlView(SpectacularAPIView):
    renderer_classes = [OpenApiYamlRenderer]
    permission_classes = [AllowAny]
    authentication_classes = []
