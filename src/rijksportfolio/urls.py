# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("api/v1/", include("rijksportfolio.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("rijksportfolio.portfolios.urls")),
    path("", include("rijksportfolio.notifications.urls")),
    path("", include("rijksportfolio.opportunities.urls")),
    path("", include("rijksportfolio.matching.urls")),
    path("", include("rijksportfolio.matching.candidate_pool.urls")),
    path("", include("rijksportfolio.workforce.urls")),
    path("", include("rijksportfolio.skills.urls")),
    path("", include("rijksportfolio.web.urls")),
]
# Errors raised before a view runs (a refused Host header, an outer middleware): problems on /api/, HTML elsewhere.
handler400 = "rijksportfolio.api.problems.handler400"
handler403 = "rijksportfolio.api.problems.handler403"
handler404 = "rijksportfolio.api.problems.handler404"
handler500 = "rijksportfolio.api.problems.handler500"

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))
