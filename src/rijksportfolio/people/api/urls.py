# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.people.api import views

urlpatterns = [
    path("medewerkers", views.MedewerkerListView.as_view(), name="medewerker-list"),
    path("medewerkers/_zoek", views.MedewerkerZoekView.as_view(), name="medewerker-zoek"),
    path(
        "medewerkers/<str:personeelsnummer>", views.MedewerkerDetailView.as_view(), name="medewerker-detail"
    ),
    path(
        "medewerkers/<str:personeelsnummer>/dienstverbanden",
        views.DienstverbandListView.as_view(),
        name="dienstverband-list",
    ),
    path(
        "medewerkers/<str:personeelsnummer>/dienstverbanden/<int:id>",
        views.DienstverbandDetailView.as_view(),
        name="dienstverband-detail",
    ),
]
