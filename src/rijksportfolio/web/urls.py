# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.web import views

app_name = "web"

urlpatterns = [
    path("health", views.health, name="health"),
]
