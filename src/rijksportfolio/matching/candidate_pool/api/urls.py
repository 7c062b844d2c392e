# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from rijksportfolio.matching.candidate_pool.api import views

urlpatterns = [
    path("kandidatenpool/_zoek", views.PoolZoekView.as_view(), name="kandidatenpool-zoek"),
    path("kandidatenpool/<int:id>/_benader", views.BenaderView.as_view(), name="kandidatenpool-benader"),
    path("kandidatenpool/voordrachten", views.VoordrachtListView.as_view(), name="voordracht-list"),
    path(
        "kandidatenpool/voordrachten/<int:id>", views.VoordrachtDetailView.as_view(), name="voordracht-detail"
    ),
    path("kandidatenpool/mijn", views.MijnKandidatenpoolView.as_view(), name="kandidatenpool-mijn"),
    path("kandidatenpool/mijn/voorkeur", views.VoorkeurView.as_view(), name="kandidatenpool-voorkeur"),
    path("kandidatenpool/mijn/<int:id>", views.DeelnameDetailView.as_view(), name="deelname-detail"),
    path(
        "kandidatenpool/mijn/<int:id>/_toestemmen", views.ToestemmenView.as_view(), name="deelname-toestemmen"
    ),
    path("kandidatenpool/mijn/<int:id>/_weigeren", views.WeigerenView.as_view(), name="deelname-weigeren"),
    path("kandidatenpool/mijn/<int:id>/_intrekken", views.IntrekkenView.as_view(), name="deelname-intrekken"),
    path("kandidatenpool/mijn/<int:id>/_verlengen", views.VerlengenView.as_view(), name="deelname-verlengen"),
]
