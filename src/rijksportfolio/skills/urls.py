# SPDX-License-Identifier: EUPL-1.2
"""Taxonomy administration pages (namespace ``taxonomie``), included from ``rijksportfolio/urls.py``."""

from django.urls import path

from rijksportfolio.skills import views

app_name = "taxonomie"

urlpatterns = [
    path("beheer/taxonomie", views.admin_index, name="index"),
    path("beheer/taxonomie/nog-te-vertalen", views.admin_candidates, name="candidates"),
    path("beheer/taxonomie/vaardigheden/<int:pk>/nederlandse-naam", views.admin_label, name="label"),
    path(
        "beheer/taxonomie/vaardigheden/<int:pk>/nederlandse-naam/verwijderen",
        views.admin_label_remove,
        name="label_remove",
    ),
    path("beheer/taxonomie/rijk-vaardigheden/nieuw", views.admin_rijk_skill_create, name="rijk_skill_create"),
    path(
        "beheer/taxonomie/rijk-vaardigheden/<int:pk>", views.admin_rijk_skill_update, name="rijk_skill_update"
    ),
    path(
        "beheer/taxonomie/rijk-vaardigheden/<int:pk>/verwijderen",
        views.admin_rijk_skill_delete,
        name="rijk_skill_delete",
    ),
    path("beheer/taxonomie/rijk-uitbreiding.csv", views.admin_export, name="export"),
    path("beheer/taxonomie/importeren", views.admin_import, name="import"),
]
