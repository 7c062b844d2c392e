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
if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))
