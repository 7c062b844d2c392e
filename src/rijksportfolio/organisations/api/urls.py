# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.organisations.api import views

urlpatterns = [
    path("organisaties", views.OrganisatieListView.as_view(), name="organisatie-list"),
    path("organisaties/<slug:code>", views.OrganisatieDetailView.as_view(), name="organisatie-detail"),
    path("werklocaties", views.WerklocatieListView.as_view(), name="werklocatie-list"),
    path("werklocaties/<slug:code>", views.WerklocatieDetailView.as_view(), name="werklocatie-detail"),
]
