# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.matching.api import views

urlpatterns = [
    path("eerlijkheidsmonitor/metingen", views.MetingListView.as_view(), name="meting-list"),
    path("eerlijkheidsmonitor/metingen/<int:id>", views.MetingDetailView.as_view(), name="meting-detail"),
    path("eerlijkheidsmonitor/_meten", views.MetenView.as_view(), name="eerlijkheidsmonitor-meten"),
]
