# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1``: the root owns the OpenAPI document; each app contributes its resources (``<app>/api/urls.py``).

No trailing slashes (NL API Design Rules); unknown paths under ``/api/`` answer with a problem+json 404.
"""

from django.urls import include, path

from rijksportfolio.api import views

app_name = "api"

urlpatterns = [
    path("openapi.json", views.OpenApiJsonView.as_view(), name="openapi-json"),
    path("openapi.yaml", views.OpenApiYamlView.as_view(), name="openapi-yaml"),
    path("", include("rijksportfolio.organisations.api.urls")),
    path("", include("rijksportfolio.people.api.urls")),
    path("", include("rijksportfolio.skills.api.urls")),
    path("", include("rijksportfolio.portfolios.api.urls")),
    path("", include("rijksportfolio.workforce.api.urls")),
    path("", include("rijksportfolio.opportunities.api.urls")),
    path("", include("rijksportfolio.matching.candidate_pool.api.urls")),
    path("", include("rijksportfolio.matching.api.urls")),
]
