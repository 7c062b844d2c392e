# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.workforce import views, views_report

app_name = "workforce"

urlpatterns = [
    path("stuurinformatie", views.index, name="index"),
    path("stuurinformatie/jaarrapportage", views_report.annual_report, name="jaarrapportage"),
    path(
        "stuurinformatie/personeelsbestand",
        views.dashboard,
        {"page": "personeelsbestand"},
        name="personeelsbestand",
    ),
    path("stuurinformatie/stromen", views.dashboard, {"page": "stromen"}, name="stromen"),
    path(
        "stuurinformatie/uitstroomprognose",
        views.dashboard,
        {"page": "uitstroomprognose"},
        name="uitstroomprognose",
    ),
    path(
        "stuurinformatie/drie-vijf-zeven",
        views.dashboard,
        {"page": "drie-vijf-zeven"},
        name="drie_vijf_zeven",
    ),
]
