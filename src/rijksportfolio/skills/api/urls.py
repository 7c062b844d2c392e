# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.skills.api import views

urlpatterns = [
    path("vaardigheden", views.VaardigheidListView.as_view(), name="vaardigheid-list"),
    path("vaardigheden/<int:id>", views.VaardigheidDetailView.as_view(), name="vaardigheid-detail"),
]
