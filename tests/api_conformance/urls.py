# SPDX-License-Identifier: EUPL-1.2
"""Test-only API views for the errors a normal request cannot provoke on demand (429, 500)."""

from django.urls import include, path
from rest_framework import exceptions

from rijksportfolio.api.views import ApiView


class ThrottledView(ApiView):
    def get(self, request):  # type: ignore[no-untyped-def]
        raise exceptions.Throttled(wait=30)


class BrokenView(ApiView):
    def get(self, request):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug")


def broken_plain_view(request):  # type: ignore[no-untyped-def]
    raise RuntimeError("a bug outside DRF")


urlpatterns = [
    path("api/v1/_test/throttled", ThrottledView.as_view()),
    path("api/v1/_test/broken", BrokenView.as_view()),
    path("api/v1/_test/broken-plain", broken_plain_view),
    path("", include("rijksportfolio.urls")),
]
