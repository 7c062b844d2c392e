# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/kandidatenpool``: proposals of the vacancy holder (``/voordrachten``), the candidate's own entries
and answers (``/mijn``), the search (``POST /_zoek``) and contacting a pool member (``POST /{id}/_benader``).
Decisions: ``accounts.policy.can``; writes: ``services``; the search and one entry: ``access``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.response import Response

from rijksportfolio.accounts.policy import can
from rijksportfolio.api.problems import service_validation_error
from rijksportfolio.api.views import ApiView
from rijksportfolio.matching.candidate_pool import access, selectors, services
from rijksportfolio.matching.candidate_pool.api import serializers as s
from rijksportfolio.matching.models import PoolEntry
from rijksportfolio.matching.services import SearchFilters, SkillWanted
from rijksportfolio.opportunities.api.serializers import ExpertiseZoekSerializer
from rijksportfolio.opportunities.selectors import opportunity_target

TAG = ["kandidatenpool"]


def _error(exc: DjangoValidationError) -> exceptions.ValidationError:
    return service_validation_error(exc, s.FIELDS)


def _event_kind(object_type: str, purpose: str) -> str:
    if object_type == selectors.CONTACT:
        return "benaderd"
    return "gevonden" if purpose == access.SEARCH_PURPOSE else "bekeken"


class _PoolView(ApiView):
    def civil_servant(self) -> None:
        if not self.principal.is_civil_servant:
            raise exceptions.PermissionDenied()

    def entry_or_404(self, pk: int) -> PoolEntry:
        entry = selectors.entry_get(pk=pk)
        if entry is None:
            raise exceptions.NotFound()
        return entry

    def own_entry(self, pk: int) -> PoolEntry:
        """The candidate's own entry: 404 when it does not exist or ended, 403 when it is someone else's."""
        entry = self.entry_or_404(pk)
        if not can(self.principal, "candidate_pool.respond", selectors.entry_target(entry)):
            raise exceptions.PermissionDenied()
        return entry


# --- the vacancy holder ---------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Mijn voordrachten",
        description="De kandidaten die jij voordroeg en die nog wachten op antwoord of in de pool staan.",
        responses={200: s.VoordrachtSerializer(many=True)}, tags=TAG,
    ),
    post=extend_schema(
        summary="Kandidaat voordragen (eigenaar van de kans)",
        description=(
            "Draag een niet-aangenomen kandidaat van je eigen kans voor. De kandidaat krijgt een melding en beslist "
            "zelf; zonder toestemming ziet niemand anders de voordracht."
        ),
        request=s.VoordrachtInvoerSerializer, responses={201: s.VoordrachtSerializer}, tags=TAG,
    ),
)  # fmt: skip
class VoordrachtListView(_PoolView):
    serializer_class = s.VoordrachtSerializer

    def get(self, request: Any) -> Response:
        self.civil_servant()
        page = self.paginate_queryset(selectors.proposals_by(user=request.user)) or []
        return self.get_paginated_response(s.VoordrachtSerializer(page, many=True).data)

    def post(self, request: Any) -> Response:
        self.civil_servant()
        body = s.VoordrachtInvoerSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        if not can(self.principal, "candidate_pool.propose", opportunity_target(data["kans"])):
            raise exceptions.PermissionDenied()
        try:
            entry = services.pool_propose(
                actor=request.user,
                opportunity=data["kans"],
                person=data["medewerker"],
                note=data["toelichting"],
            )
        except DjangoValidationError as exc:
            raise _error(exc) from exc
        return Response(s.VoordrachtSerializer(entry).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    delete=extend_schema(
        summary="Voordracht intrekken (voordrager)",
        description="Alleen zolang de kandidaat nog niet heeft geantwoord. De voordracht wordt verwijderd.",
        responses={204: None}, tags=TAG,
    )
)  # fmt: skip
class VoordrachtDetailView(_PoolView):
    serializer_class = s.VoordrachtSerializer

    def delete(self, request: Any, id: int) -> Response:
        entry = self.entry_or_404(id)
        if not can(self.principal, "candidate_pool.cancel", selectors.entry_target(entry)):
            raise exceptions.PermissionDenied()
        services.pool_proposal_cancel(actor=request.user, entry=entry)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- the candidate --------------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Mijn kandidatenpool",
        description=(
            "Je voordrachten en deelnames (wat gedeeld wordt en tot wanneer), wie je vond, bekeek of benaderde, en "
            "of je voorgedragen mag worden."
        ),
        responses={200: s.MijnKandidatenpoolSerializer}, tags=TAG, operation_id="kandidatenpool_mijn_overzicht",
    )
)  # fmt: skip
class MijnKandidatenpoolView(_PoolView):
    serializer_class = s.MijnKandidatenpoolSerializer

    def get(self, request: Any) -> Response:
        self.civil_servant()
        person = request.user.person
        events = [
            {"at": e.at, "actor_label": e.actor_label, "wat": _event_kind(e.object_type, e.purpose)}
            for e in selectors.pool_events_about(person=person)
        ]
        data = {
            "voordrachtenToegestaan": not selectors.opted_out(person=person),
            "deelnames": list(selectors.entries_of(person=person)),
            "gezienEnBenaderd": events,
        }
        return Response(s.MijnKandidatenpoolSerializer(data).data)


@extend_schema_view(
    put=extend_schema(
        summary="Voorgedragen worden aan of uit",
        description="Onwaar: vacaturehouders kunnen je niet meer voordragen. Lopende voordrachten beantwoord je zelf.",
        request=s.VoorkeurSerializer, responses={200: s.VoorkeurSerializer}, tags=TAG,
    )
)  # fmt: skip
class VoorkeurView(_PoolView):
    serializer_class = s.VoorkeurSerializer

    def put(self, request: Any) -> Response:
        self.civil_servant()
        body = s.VoorkeurSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        allowed = body.validated_data["voordrachtenToegestaan"]
        services.pool_opt_out_set(actor=request.user, opted_out=not allowed)
        return Response({"voordrachtenToegestaan": allowed})


@extend_schema_view(
    get=extend_schema(
        summary="Een eigen voordracht of deelname",
        responses={200: s.DeelnameSerializer},
        tags=TAG,
        operation_id="kandidatenpool_mijn_deelname",
    )
)
class DeelnameDetailView(_PoolView):
    serializer_class = s.DeelnameSerializer

    def get(self, request: Any, id: int) -> Response:
        return Response(s.DeelnameSerializer(self.own_entry(id)).data)


class _DeelnameActie(_PoolView):
    serializer_class = s.DeelnameSerializer
    input_serializer: Any = None

    def act(self, request: Any, entry: PoolEntry, data: Mapping[str, Any]) -> PoolEntry | None:
        raise NotImplementedError

    def post(self, request: Any, id: int) -> Response:
        entry = self.own_entry(id)
        data: Mapping[str, Any] = {}
        if self.input_serializer is not None:
            body = self.input_serializer(data=request.data if request.data is not None else {})
            body.is_valid(raise_exception=True)
            data = body.validated_data
        try:
            result = self.act(request, entry, data)
        except DjangoValidationError as exc:
            raise _error(exc) from exc
        if result is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(s.DeelnameSerializer(result).data)


@extend_schema_view(
    post=extend_schema(
        summary="Toestemming geven (kandidaat)",
        description=(
            "Pas met deze uitdrukkelijke toestemming kunnen vacaturehouders je vinden, voor `maanden` maanden "
            "(1–12, standaard 12). Daarna word je automatisch verwijderd."
        ),
        request=s.ToestemmingSerializer, responses={200: s.DeelnameSerializer}, tags=TAG,
    )
)  # fmt: skip
class ToestemmenView(_DeelnameActie):
    input_serializer = s.ToestemmingSerializer

    def act(self, request: Any, entry: PoolEntry, data: Mapping[str, Any]) -> PoolEntry | None:
        return services.pool_consent(actor=request.user, entry=entry, months=data["maanden"])


@extend_schema_view(
    post=extend_schema(
        summary="Voordracht weigeren (kandidaat)",
        description="De voordracht en de toelichting worden verwijderd; niemand anders heeft ze gezien.",
        request=s.StoppenSerializer, responses={204: None}, tags=TAG,
    )
)  # fmt: skip
class WeigerenView(_DeelnameActie):
    input_serializer = s.StoppenSerializer

    def act(self, request: Any, entry: PoolEntry, data: Mapping[str, Any]) -> PoolEntry | None:
        services.pool_decline(actor=request.user, entry=entry, no_more_proposals=data["geenVoordrachtenMeer"])
        return None


@extend_schema_view(
    post=extend_schema(
        summary="Toestemming intrekken (kandidaat)",
        description="Je wordt direct niet meer gevonden; de deelname en de toelichting worden verwijderd.",
        request=s.StoppenSerializer, responses={204: None}, tags=TAG,
    )
)  # fmt: skip
class IntrekkenView(_DeelnameActie):
    input_serializer = s.StoppenSerializer

    def act(self, request: Any, entry: PoolEntry, data: Mapping[str, Any]) -> PoolEntry | None:
        services.pool_withdraw(
            actor=request.user, entry=entry, no_more_proposals=data["geenVoordrachtenMeer"]
        )
        return None


@extend_schema_view(
    post=extend_schema(
        summary="Einddatum aanpassen (kandidaat)",
        description="Nieuwe einddatum: `maanden` maanden vanaf nu (1–12), korter of langer dan de huidige.",
        request=s.ToestemmingSerializer, responses={200: s.DeelnameSerializer}, tags=TAG,
    )
)  # fmt: skip
class VerlengenView(_DeelnameActie):
    input_serializer = s.ToestemmingSerializer

    def act(self, request: Any, entry: PoolEntry, data: Mapping[str, Any]) -> PoolEntry | None:
        return services.pool_period_set(actor=request.user, entry=entry, months=data["maanden"])


# --- other vacancy holders ------------------------------------------------------------------------------------


@extend_schema_view(
    post=extend_schema(
        summary="Zoeken in de kandidatenpool (vacaturehouders)",
        description=(
            "Alleen kandidaten die toestemming gaven en van wie de periode loopt, op wat jij van hen mag zien, "
            "gerangschikt met uitleg. Zoekcriteria in de body. Elke vraag wordt gelogd en elke getoonde kandidaat "
            "ziet dat jij hem of haar vond."
        ),
        request=ExpertiseZoekSerializer, responses={200: s.PoolRangschikkingSerializer}, tags=TAG,
    )
)  # fmt: skip
class PoolZoekView(_PoolView):
    serializer_class = s.PoolRangschikkingSerializer

    def post(self, request: Any) -> Response:
        if not can(self.principal, "candidate_pool.search"):
            raise exceptions.PermissionDenied()
        body = ExpertiseZoekSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        location = data.get("werklocatie")
        filters = data.get("filters", {})
        try:
            ranking = access.pool_search(
                actor=request.user,
                skills=[
                    SkillWanted(i["uri"], essential=i["essentieel"], min_level=i["minimumniveau"])
                    for i in data.get("vaardigheden", [])
                ],
                text=data.get("tekst", ""),
                filters=SearchFilters(
                    min_hours=filters.get("minUren"), max_distance_km=filters.get("maxAfstandKm"),
                    point=(location.latitude, location.longitude) if location is not None else None,
                    scale_min=filters.get("schaalVan"), scale_max=filters.get("schaalTot"),
                    organisation=filters.get("organisatie"),
                ),
            )  # fmt: skip
        except DjangoValidationError as exc:
            raise _error(exc) from exc
        return Response(s.ranking_data(ranking))


@extend_schema_view(
    post=extend_schema(
        summary="Kandidaat uit de pool benaderen (vacaturehouders)",
        description=(
            "De kandidaat krijgt je bericht met je naam en e-mailadres. Vastgelegd wordt dat je benaderde, niet wat "
            "je schreef. Eén keer per zeven dagen per kandidaat."
        ),
        request=s.BenaderSerializer, responses={201: s.BenaderingSerializer}, tags=TAG,
    )
)  # fmt: skip
class BenaderView(_PoolView):
    serializer_class = s.BenaderingSerializer

    def post(self, request: Any, id: int) -> Response:
        entry = self.entry_or_404(id)
        body = s.BenaderSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            contact = services.pool_contact(
                actor=request.user, entry=entry, message=body.validated_data["bericht"],
                opportunity=body.validated_data.get("kans"),
            )  # fmt: skip
        except DjangoValidationError as exc:
            raise _error(exc) from exc
        return Response(s.BenaderingSerializer(contact).data, status=status.HTTP_201_CREATED)
