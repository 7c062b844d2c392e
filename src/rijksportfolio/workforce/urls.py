# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.workforce import views, views_mpp, views_report, views_skills, views_targets

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
    path("stuurinformatie/diversiteit", views.dashboard, {"page": "diversiteit"}, name="diversiteit"),
    path("stuurinformatie/diversiteit/doelen", views_targets.diversity_goal_set, name="diversity_goal_set"),
    path(
        "stuurinformatie/diversiteit/doelen/<int:pk>/verwijderen",
        views_targets.diversity_goal_delete,
        name="diversity_goal_delete",
    ),
    path("stuurinformatie/spreiding", views.dashboard, {"page": "spreiding"}, name="spreiding"),
    path("stuurinformatie/ict-personeel", views.dashboard, {"page": "ict-personeel"}, name="ict_personeel"),
    path("stuurinformatie/ict-personeel/formatie", views_targets.ict_formation_set, name="ict_formation_set"),
    path(
        "stuurinformatie/ict-personeel/formatie/<int:pk>/verwijderen",
        views_targets.ict_formation_delete,
        name="ict_formation_delete",
    ),
    path("stuurinformatie/detacheringen", views.dashboard, {"page": "detacheringen"}, name="detacheringen"),
    path(
        "stuurinformatie/detacheringen/<int:pk>/toelichting",
        views_targets.secondment_explain,
        name="secondment_explain",
    ),
    # MPP and Vaardigheden (views_mpp, views_skills)
    path("stuurinformatie/mpp", views_mpp.mpp, name="mpp"),
    path("stuurinformatie/mpp/scenarios/<int:pk>", views_mpp.scenario, name="mpp_scenario"),
    path("stuurinformatie/mpp/scenarios/<int:pk>/verwijderen", views_mpp.scenario_delete, name="mpp_delete"),
    path("stuurinformatie/mpp/vergelijken", views_mpp.compare, name="mpp_compare"),
    path("stuurinformatie/vaardigheden", views_skills.vaardigheden, name="vaardigheden"),
]
