# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/eerlijkheidsmonitor``: the stored measurements of the fairness monitor of matching (the list, one
measurement) and a new measurement (``POST …/_meten``), for other systems (an HR dashboard, an AI register,
audit tooling). The same permissions, reads and service as the page (``matching.views.fairness``): every
decision and every audited read in ``matching.access``, the run in ``matching.services``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.response import Response

from rijksportfolio.api.problems import service_validation_error
from rijksportfolio.api.views import ApiView
from rijksportfolio.matching import access, services
from rijksportfolio.matching.api import serializers as s
from rijksportfolio.matching.models import FairnessRun
from rijksportfolio.organisations.selectors import organisation_by_code

TAG = ["eerlijkheidsmonitor"]
FIELDS = {"organisation": "organisatie", "top_k": "topK", "score_threshold": "scoredrempel"}


@extend_schema_view(
    get=extend_schema(
        summary="Metingen van de eerlijkheidsmonitor",
        description=(
            "De opgeslagen metingen van de eerlijkheidsmonitor van matching (AI-verordening: hoog risico), nieuwste "
            "eerst: voor het Rijk en elke organisatie die je mag monitoren (analisten: alles; HR-adviseurs: de "
            "organisaties van hun bereik). Per geslacht en leeftijdsgroep de kansen, verhoudingen en markeringen, "
            "zoals de pagina ze toont; kleine groepen afgeschermd. Elke meting in het antwoord wordt gelogd."
        ),
        parameters=[
            OpenApiParameter(
                "organisatie", str, description="Alleen de metingen voor deze organisatie (code; met alles eronder)."
            )
        ],
        responses={200: s.MetingSerializer(many=True)}, tags=TAG,
    )
)  # fmt: skip
class MetingListView(ApiView):
    serializer_class = s.MetingSerializer

    def get(self, request: Any) -> Response:
        code = request.query_params.get("organisatie")
        if code:
            organisation = organisation_by_code(code=code)
            if organisation is None:
                raise exceptions.ValidationError({"organisatie": [_("Onbekende organisatie.")]})
            runs = access.fairness_runs_of(user=request.user, organisation=organisation)
        else:
            runs = access.fairness_runs_visible(user=request.user)
        page = self.paginate_queryset(runs) or []
        read = access.fairness_runs_read(user=request.user, runs=page)
        return self.get_paginated_response(s.MetingSerializer(read, many=True).data)


@extend_schema_view(
    get=extend_schema(
        summary="Eén meting van de eerlijkheidsmonitor",
        description="Alle gepubliceerde cijfers van één meting (gelogd).",
        responses={200: s.MetingSerializer}, tags=TAG,
    )
)  # fmt: skip
class MetingDetailView(ApiView):
    serializer_class = s.MetingSerializer

    def get(self, request: Any, id: int) -> Response:
        try:
            run = access.fairness_run_get(user=request.user, pk=id)
        except FairnessRun.DoesNotExist as exc:
            raise exceptions.NotFound(_("Deze meting bestaat niet.")) from exc
        return Response(s.MetingSerializer(run).data)


@extend_schema_view(
    post=extend_schema(
        summary="Nu meten",
        description=(
            "Meet nu voor een organisatie (met alles eronder) of, zonder organisatie, voor het Rijk, zoals de knop "
            "'Meet nu' op de pagina. De meting loopt direct (een paar seconden) en wordt bewaard; het antwoord is "
            "de meting."
        ),
        request=s.MetenSerializer, responses={201: s.MetingSerializer}, tags=TAG,
    )
)  # fmt: skip
class MetenView(ApiView):
    serializer_class = s.MetingSerializer

    def post(self, request: Any) -> Response:
        body = s.MetenSerializer(data=request.data if request.data is not None else {})
        body.is_valid(raise_exception=True)
        try:
            run = services.fairness_run_create(
                actor=request.user, organisation=body.validated_data.get("organisatie")
            )
        except DjangoValidationError as exc:
            raise service_validation_error(exc, FIELDS) from exc
        run = access.fairness_run_get(user=request.user, pk=run.pk)
        return Response(s.MetingSerializer(run).data, status=status.HTTP_201_CREATED)
