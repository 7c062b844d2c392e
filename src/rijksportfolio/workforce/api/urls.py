# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.workforce.api import scenarios, views

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
    path("stuurinformatie/mpp/scenarios", scenarios.ScenarioListView.as_view(), name="mpp-scenario-list"),
    path(
        "stuurinformatie/mpp/scenarios/<int:id>",
        scenarios.ScenarioDetailView.as_view(),
        name="mpp-scenario-detail",
    ),
    path(
        "stuurinformatie/mpp/scenarios/<int:id>/resultaat",
        scenarios.ScenarioResultaatView.as_view(),
        name="mpp-scenario-resultaat",
    ),
    path("stuurinformatie/mpp/vergelijking", scenarios.VergelijkingView.as_view(), name="mpp-vergelijking"),
    path("stuurinformatie/<str:paneel>", views.PaneelView.as_view(), name="stuurinformatie-paneel"),
    path("open-data/stuurinformatie", views.OpenDataView.as_view(), name="open-data-stuurinformatie"),
]
