# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.opportunities.api import views, views_alerts

urlpatterns = [
    path("kansen", views.KansListView.as_view(), name="kans-list"),
    path("kansen/<int:id>", views.KansDetailView.as_view(), name="kans-detail"),
    path("kansen/<int:id>/_publiceer", views.KansPubliceerView.as_view(), name="kans-publiceer"),
    path("kansen/<int:id>/_sluit", views.KansSluitView.as_view(), name="kans-sluit"),
    path("kansen/<int:id>/kandidaten/_zoek", views.KandidatenZoekView.as_view(), name="kans-kandidaten-zoek"),
    path("expertise/_zoek", views.ExpertiseZoekView.as_view(), name="expertise-zoek"),
    path(
        "kansen/<int:id>/kandidaatmeldingen",
        views_alerts.KandidaatmeldingenView.as_view(),
        name="kans-kandidaatmeldingen",
    ),
    path(
        "kansmeldingen/instellingen",
        views_alerts.KansmeldingInstellingenView.as_view(),
        name="kansmeldingen-instellingen",
    ),
]
