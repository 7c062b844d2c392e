# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.opportunities import views, views_alerts

app_name = "kansen"

urlpatterns = [
    path("kansen", views.opportunity_list, name="list"),
    path("kansen/nieuw", views.opportunity_create, name="create"),
    path("kansen/<int:pk>", views.opportunity_detail, name="detail"),
    path("kansen/<int:pk>/shortlist", views.shortlist_add, name="shortlist"),
    path("kansen/<int:pk>/akkoord-vragen", views.agreement_request, name="agreement"),
    path("kansen/<int:pk>/kandidaatmeldingen", views_alerts.candidate_alerts, name="candidate_alerts"),
    path("kansen/<int:pk>/<slug:action>", views.opportunity_action, name="action"),
    path("kansen-voor-mij", views.for_me, name="for_me"),
    path("kansen-voor-mij/meldingen", views_alerts.alert_settings, name="alerts"),
    path("expertise-zoeken", views.expertise_search, name="expertise"),
    path("zo-werkt-de-rangschikking", views.how_ranking_works, name="how_ranking_works"),
]
