# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.matching import views

app_name = "matching"

urlpatterns = [
    path("eerlijkheidsmonitor", views.fairness, name="fairness"),
    path("eerlijkheidsmonitor/metingen/<int:pk>", views.fairness_run, name="fairness_run"),
]
