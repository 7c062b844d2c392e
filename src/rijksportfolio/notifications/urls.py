# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.notifications import views

app_name = "notifications"

urlpatterns = [
    path("meldingen", views.inbox, name="inbox"),
    path("meldingen/alles-gelezen", views.mark_all_read, name="mark_all_read"),
    path("meldingen/<int:pk>/gelezen", views.mark_read, name="mark_read"),
]
