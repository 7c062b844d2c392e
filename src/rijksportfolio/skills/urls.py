# SPDX-License-Identifier: EUPL-1.2
"""Taxonomy web endpoints (namespace ``portfolios``, until ``portfolios/urls.py`` exists to hold them)."""

from django.urls import path

from rijksportfolio.skills import views

app_name = "portfolios"

urlpatterns = [
    path("vaardigheden/zoeken", views.skill_autocomplete, name="skill_autocomplete"),
]
