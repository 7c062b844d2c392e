# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("health", views.health, name="health"),
    path("inloggen", views.login_view, name="login"),
    path("uitloggen", views.logout_view, name="logout"),
    path("organisaties", views.organisation_list, name="organisation_list"),
    path("organisaties/<int:pk>", views.organisation_detail, name="organisation_detail"),
    path("organisaties/<int:pk>/onderdelen", views.organisation_children, name="organisation_children"),
    path("medewerkers", views.person_list, name="person_list"),
    path("medewerkers/<int:pk>", views.person_detail, name="person_detail"),
    path("mijn-gegevens/ingezien", views.my_audit, name="my_audit"),
    path("rijk-in-cijfers", views.figures, name="figures"),
]
