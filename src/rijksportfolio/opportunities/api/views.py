# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/kansen`` (CRUD, ``_publiceer``, ``_sluit``), ``/api/v1/kansen/{id}/kandidaten/_zoek`` and
``/api/v1/expertise/_zoek``. Decisions: ``accounts.policy.can``; writes and rankings: the services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.response import Response

from rijksportfolio.accounts.policy import can
from rijksportfolio.api.views import ApiView
from rijksportfolio.matching import services as matching
from rijksportfolio.matching.services import SearchFilters, SkillWanted
from rijksportfolio.opportunities import services
from rijksportfolio.opportunities.api.serializers import (
    FIELDS,
    ExpertiseZoekSerializer,
    KandidatenZoekSerializer,
    KansInvoerSerializer,
    KansSerializer,
    KansWijzigingSerializer,
    RangschikkingSerializer,
    kans_data,
)
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.selectors import opportunity_target
from rijksportfolio.opportunities.services import RequiredSkill
from rijksportfolio.people.models import Person


def _service_error(exc: DjangoValidationError) -> exceptions.ValidationError:
    if not hasattr(exc, "error_dict"):
        return exceptions.ValidationError({"": exc.messages})
    return exceptions.ValidationError({FIELDS.get(k, k): list(v) for k, v in exc.message_dict.items()})


def _queryset() -> QuerySet[Opportunity]:
    return Opportunity.objects.select_related("organisation", "location").prefetch_related(
        "required_skills__skill"
    )


def _required(items: list[dict[str, Any]]) -> list[RequiredSkill]:
    return [RequiredSkill(i["uri"], essential=i["essentieel"], min_level=i["minimumniveau"]) for i in items]


class _KansView(ApiView):
    def person_id(self) -> int | None:
        return self.principal.person_id

    def visible_or_404(self, pk: int) -> Opportunity:
        opportunity = get_object_or_404(_queryset(), pk=pk)
        if not can(self.principal, "opportunity.view", opportunity_target(opportunity)):
            raise exceptions.PermissionDenied()
        return opportunity

    def answer(self, opportunity: Opportunity, code: int = status.HTTP_200_OK) -> Response:
        opportunity = _queryset().get(pk=opportunity.pk)
        return Response(kans_data(opportunity, person_id=self.person_id()), status=code)


@extend_schema_view(
    get=extend_schema(
        summary="Kansen", description="Gepubliceerde kansen en je eigen concepten.",
        responses={200: KansSerializer(many=True)}, tags=["kansen"],
    ),
    post=extend_schema(
        summary="Kans aanmaken (concept)", request=KansInvoerSerializer, responses={201: KansSerializer},
        tags=["kansen"],
    ),
)  # fmt: skip
class KansListView(_KansView):
    serializer_class = KansSerializer

    def get(self, request: Any) -> Response:
        if not self.principal.is_civil_servant:
            raise exceptions.PermissionDenied()
        queryset = _queryset().filter(Q(status="gepubliceerd") | Q(owner_id=self.person_id())).order_by("-id")
        page = self.paginate_queryset(queryset) or []
        return self.get_paginated_response([kans_data(o, person_id=self.person_id()) for o in page])

    def post(self, request: Any) -> Response:
        if not self.principal.is_civil_servant:
            raise exceptions.PermissionDenied()
        body = KansInvoerSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        kwargs = body.service_kwargs()
        try:
            opportunity = services.opportunity_create(
                actor=request.user, skills=_required(body.validated_data.get("vaardigheden", [])), **kwargs
            )
        except DjangoValidationError as exc:
            raise _service_error(exc) from exc
        return self.answer(opportunity, status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Kans", responses={200: KansSerializer}, tags=["kansen"]),
    patch=extend_schema(
        summary="Kans wijzigen (eigenaar)", request=KansWijzigingSerializer, responses={200: KansSerializer},
        tags=["kansen"],
    ),
    delete=extend_schema(summary="Concept verwijderen (eigenaar)", responses={204: None}, tags=["kansen"]),
)  # fmt: skip
class KansDetailView(_KansView):
    serializer_class = KansSerializer

    def get(self, request: Any, id: int) -> Response:
        return self.answer(self.visible_or_404(id))

    def patch(self, request: Any, id: int) -> Response:
        opportunity = self.visible_or_404(id)
        if not can(self.principal, "opportunity.edit", opportunity_target(opportunity)):
            raise exceptions.PermissionDenied()
        body = KansWijzigingSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        try:
            kwargs = body.service_kwargs()
            if kwargs:
                services.opportunity_update(actor=request.user, opportunity=opportunity, **kwargs)
            if "vaardigheden" in body.validated_data:
                services.opportunity_skills_set(
                    actor=request.user,
                    opportunity=opportunity,
                    skills=_required(body.validated_data["vaardigheden"]),
                )
        except DjangoValidationError as exc:
            raise _service_error(exc) from exc
        return self.answer(opportunity)

    def delete(self, request: Any, id: int) -> Response:
        opportunity = self.visible_or_404(id)
        try:
            services.opportunity_delete(actor=request.user, opportunity=opportunity)
        except DjangoValidationError as exc:
            raise _service_error(exc) from exc
        return Response(status=status.HTTP_204_NO_CONTENT)


class _KansActionView(_KansView):
    serializer_class = KansSerializer
    service = staticmethod(services.opportunity_publish)

    def post(self, request: Any, id: int) -> Response:
        opportunity = self.visible_or_404(id)
        try:
            type(self).service(actor=request.user, opportunity=opportunity)
        except DjangoValidationError as exc:
            raise _service_error(exc) from exc
        return self.answer(opportunity)


@extend_schema_view(
    post=extend_schema(
        summary="Kans publiceren (eigenaar)", request=None, responses={200: KansSerializer}, tags=["kansen"]
    )
)
class KansPubliceerView(_KansActionView):
    service = staticmethod(services.opportunity_publish)


@extend_schema_view(
    post=extend_schema(
        summary="Kans sluiten (eigenaar)", request=None, responses={200: KansSerializer}, tags=["kansen"]
    )
)
class KansSluitView(_KansActionView):
    service = staticmethod(services.opportunity_close)


def _filters(data: dict[str, Any], point: tuple[float, float] | None = None) -> SearchFilters:
    return SearchFilters(
        min_hours=data.get("minUren"), max_distance_km=data.get("maxAfstandKm"), point=point,
        scale_min=data.get("schaalVan"), scale_max=data.get("schaalTot"), organisation=data.get("organisatie"),
    )  # fmt: skip


def ranking_data(ranking: matching.Ranking) -> dict[str, Any]:
    numbers = dict(
        Person.objects.filter(pk__in=[m.subject_id for m in ranking.matches]).values_list(
            "pk", "personnel_number"
        )
    )
    return {
        "algoritmeversie": ranking.algorithm_version,
        "gerangschikt": ranking.ranked,
        "resultaten": [
            {
                "positie": m.position,
                "naam": ranking.names.get(m.subject_id, ""),
                "personeelsnummer": numbers.get(m.subject_id, ""),
                "score": m.score,
                "toelichting": (
                    [{"tekst": t, "aandeel": v} for t, v in m.contributions]
                    if ranking.ranked
                    else [{"tekst": t, "aandeel": None} for t in m.explanations]
                ),
                "ontbreekt": list(m.missing),
            }
            for m in ranking.matches
        ],
    }


@extend_schema_view(
    post=extend_schema(
        summary="Kandidaten voor een kans (eigenaar)",
        description="Suggesties, geen besluit: elke vraag wordt gelogd (wie, kans, algoritmeversie, resultaten).",
        request=KandidatenZoekSerializer, responses={200: RangschikkingSerializer}, tags=["kansen"],
    )
)  # fmt: skip
class KandidatenZoekView(_KansView):
    serializer_class = RangschikkingSerializer

    def post(self, request: Any, id: int) -> Response:
        opportunity = self.visible_or_404(id)
        body = KandidatenZoekSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            ranking = matching.candidates_search(
                actor=request.user,
                opportunity=opportunity,
                filters=_filters(body.validated_data.get("filters", {})),
            )
        except DjangoValidationError as exc:
            raise _service_error(exc) from exc
        return Response(ranking_data(ranking))


@extend_schema_view(
    post=extend_schema(
        summary="Zoeken naar expertise",
        description=(
            "Medewerkers met toestemming voor matching, op wat jij van hen mag zien. Zoekcriteria in de body. "
            "Elke vraag wordt gelogd."
        ),
        request=ExpertiseZoekSerializer, responses={200: RangschikkingSerializer}, tags=["kansen"],
    )
)  # fmt: skip
class ExpertiseZoekView(ApiView):
    serializer_class = RangschikkingSerializer

    def post(self, request: Any) -> Response:
        if not can(self.principal, "matching.search_people"):
            raise exceptions.PermissionDenied()
        body = ExpertiseZoekSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        location = data.get("werklocatie")
        point = (location.latitude, location.longitude) if location is not None else None
        wanted = [
            SkillWanted(i["uri"], essential=i["essentieel"], min_level=i["minimumniveau"])
            for i in data.get("vaardigheden", [])
        ]
        try:
            ranking = matching.expertise_search(
                actor=request.user,
                skills=wanted,
                text=data.get("tekst", ""),
                filters=_filters(data.get("filters", {}), point),
            )
        except DjangoValidationError as exc:
            raise _service_error(exc) from exc
        return Response(ranking_data(ranking))
