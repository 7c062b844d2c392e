# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.skills.api import views

urlpatterns = [
    path("vaardigheden", views.VaardigheidListView.as_view(), name="vaardigheid-list"),
    path("vaardigheden/<int:id>", views.VaardigheidDetailView.as_view(), name="vaardigheid-detail"),
    path(
        "vaardigheden/<int:id>/nederlandse-naam",
        views.NederlandseNaamView.as_view(),
        name="vaardigheid-nederlandse-naam",
    ),
    path("rijk-vaardigheden", views.RijkVaardigheidListView.as_view(), name="rijk-vaardigheid-list"),
    path(
        "rijk-vaardigheden/<str:sleutel>",
        views.RijkVaardigheidDetailView.as_view(),
        name="rijk-vaardigheid-detail",
    ),
    path("rijk-uitbreiding", views.RijkUitbreidingView.as_view(), name="rijk-uitbreiding"),
    path(
        "rijk-uitbreiding/_importeer",
        views.RijkUitbreidingImportView.as_view(),
        name="rijk-uitbreiding-importeer",
    ),
]
