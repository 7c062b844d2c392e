# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.workforce.api import views

urlpatterns = [
    path(
        "stuurinformatie/drie-vijf-zeven/medewerkers",
        views.DrieVijfZevenMedewerkersView.as_view(),
        name="stuurinformatie-357-medewerkers",
    ),
    path(
        "stuurinformatie/detacheringen/register",
        views.DetacheringRegisterView.as_view(),
        name="stuurinformatie-detacheringen",
    ),
    path(
        "stuurinformatie/detacheringen/<int:id>/toelichting",
        views.DetacheringToelichtingView.as_view(),
        name="stuurinformatie-toelichting",
    ),
    path("stuurinformatie/<str:paneel>", views.PaneelView.as_view(), name="stuurinformatie-paneel"),
    path("open-data/stuurinformatie", views.OpenDataView.as_view(), name="open-data-stuurinformatie"),
]
