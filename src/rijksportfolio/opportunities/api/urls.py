# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.opportunities.api import views

urlpatterns = [
    path("kansen", views.KansListView.as_view(), name="kans-list"),
    path("kansen/<int:id>", views.KansDetailView.as_view(), name="kans-detail"),
    path("kansen/<int:id>/_publiceer", views.KansPubliceerView.as_view(), name="kans-publiceer"),
    path("kansen/<int:id>/_sluit", views.KansSluitView.as_view(), name="kans-sluit"),
    path("kansen/<int:id>/kandidaten/_zoek", views.KandidatenZoekView.as_view(), name="kans-kandidaten-zoek"),
    path("expertise/_zoek", views.ExpertiseZoekView.as_view(), name="expertise-zoek"),
]
