# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.api import views

app_name = "api"

urlpatterns = [
    path("openapi.json", views.OpenApiJsonView.as_view(), name="openapi-json"),
    path("openapi.yaml", views.OpenApiYamlView.as_view(), name="openapi-yaml"),
]
