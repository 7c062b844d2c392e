# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.matching.candidate_pool import views

app_name = "kandidatenpool"

urlpatterns = [
    path("kandidatenpool", views.search, name="search"),
    path("kandidatenpool/<int:pk>/benaderen", views.contact, name="contact"),
    path("kandidatenpool/voordragen/<int:opportunity_pk>", views.propose, name="propose"),
    path("kandidatenpool/voordrachten/<int:pk>/intrekken", views.cancel, name="cancel"),
    path("mijn-kandidatenpool", views.mine, name="mine"),
    path("mijn-kandidatenpool/voorkeur", views.preference, name="preference"),
    path("mijn-kandidatenpool/<int:pk>", views.answer, name="answer"),
    path("mijn-kandidatenpool/<int:pk>/intrekken", views.withdraw, name="withdraw"),
    path("mijn-kandidatenpool/<int:pk>/einddatum", views.period, name="period"),
]
