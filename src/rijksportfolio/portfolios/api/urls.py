# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.portfolios.api import views

urlpatterns = [
    path("portfolios/mijn", views.PortfolioMijnView.as_view(), name="portfolio-mijn"),
    path("portfolios/_zoek", views.CollegaZoekView.as_view(), name="portfolio-zoek"),
    path("portfolios/<int:id>", views.PortfolioDetailView.as_view(), name="portfolio-detail"),
    path(
        "portfolios/<int:id>/zichtbaarheid", views.ZichtbaarheidView.as_view(), name="portfolio-zichtbaarheid"
    ),
    path(
        "portfolios/<int:id>/toestemming-matching",
        views.ToestemmingView.as_view(),
        name="portfolio-toestemming",
    ),
    path("portfolios/<int:id>/bekijk-als", views.BekijkAlsView.as_view(), name="portfolio-bekijk-als"),
    path("portfolios/<int:id>/export", views.ExportView.as_view(), name="portfolio-export"),
    path("portfolios/<int:id>/import", views.ImportView.as_view(), name="portfolio-import"),
    path("portfolios/<int:id>/bekeken", views.BekekenView.as_view(), name="portfolio-bekeken"),
    path("portfolios/<int:id>/delen/<slug:deel>", views.DeelView.as_view(), name="portfolio-deel"),
    path("portfolios/<int:id>/onderdelen", views.OnderdeelListView.as_view(), name="onderdeel-list"),
    path(
        "portfolios/<int:id>/onderdelen/<int:onderdeelId>",
        views.OnderdeelDetailView.as_view(),
        name="onderdeel-detail",
    ),
    path("portfolios/<int:id>/vaardigheden", views.ProfielListView.as_view(), name="profielvaardigheid-list"),
    path(
        "portfolios/<int:id>/vaardigheden/<int:vaardigheidId>",
        views.ProfielVaardigheidView.as_view(),
        name="profielvaardigheid-detail",
    ),
    path(
        "portfolios/<int:id>/vaardigheidsuggesties",
        views.VaardigheidSuggestiesView.as_view(),
        name="portfolio-vaardigheidsuggesties",
    ),
    path(
        "portfolios/<int:id>/vaardigheden/<int:vaardigheidId>/onderschrijvingen/mijn",
        views.OnderschrijvingView.as_view(),
        name="onderschrijving-mijn",
    ),
    path("inzageverzoeken", views.InzageverzoekListView.as_view(), name="inzageverzoek-list"),
    path("inzageverzoeken/<int:id>", views.InzageverzoekDetailView.as_view(), name="inzageverzoek-detail"),
    path(
        "inzageverzoeken/<int:id>/goedkeuren", views.GoedkeurenView.as_view(), name="inzageverzoek-goedkeuren"
    ),
    path("inzageverzoeken/<int:id>/afwijzen", views.AfwijzenView.as_view(), name="inzageverzoek-afwijzen"),
    path(
        "inzageverzoeken/<int:id>/terugtrekken",
        views.TerugtrekkenView.as_view(),
        name="inzageverzoek-terugtrekken",
    ),
    path("inzageverzoeken/<int:id>/intrekken", views.IntrekkenView.as_view(), name="inzageverzoek-intrekken"),
    path("onderdeelsoorten", views.OnderdeelsoortListView.as_view(), name="onderdeelsoort-list"),
    path(
        "onderdeelsoorten/<slug:sleutel>",
        views.OnderdeelsoortDetailView.as_view(),
        name="onderdeelsoort-detail",
    ),
    path(
        "onderdeelsoorten/<slug:sleutel>/buiten-gebruik",
        views.BuitenGebruikView.as_view(),
        name="onderdeelsoort-buiten-gebruik",
    ),
    path(
        "onderdeelsoorten/<slug:sleutel>/weer-in-gebruik",
        views.WeerInGebruikView.as_view(),
        name="onderdeelsoort-weer-in-gebruik",
    ),
    path("meldingen", views.MeldingListView.as_view(), name="melding-list"),
    path("meldingen/<int:id>", views.MeldingDetailView.as_view(), name="melding-detail"),
]
