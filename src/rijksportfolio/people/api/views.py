# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/medewerkers`` and their ``dienstverbanden``.

Reads of protected data go through ``people.access`` (permission check and audit row in one place);
every other decision is ``accounts.policy.can``; writes go through ``people.services``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.response import Response

from rijksportfolio.accounts.policy import PersonTarget, can
from rijksportfolio.api.views import ApiView, CachedReadMixin
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.people import access, services
from rijksportfolio.people.api.serializers import (
    EMPLOYMENT_FIELDS,
    PERSON_FIELDS,
    DienstverbandBeeindigenSerializer,
    DienstverbandInvoerSerializer,
    DienstverbandSerializer,
    MedewerkerInvoerSerializer,
    MedewerkerKaartSerializer,
    MedewerkerSerializer,
    MedewerkerZoekSerializer,
    card_data,
    employment_data,
    employment_kwargs,
    person_data,
)
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.people.selectors import employments_current, person_card, person_target

PURPOSE_PARAMETER = OpenApiParameter(
    "doel", str, description="Doel van het inzien (doelbinding); komt in het auditlog, nooit de inhoud zelf."
)


def card_queryset() -> QuerySet[Person]:
    current = employments_current().select_related("organisation").order_by("-fte", "start_date", "id")
    return Person.objects.select_related("work_location").prefetch_related(
        Prefetch("employments", queryset=current, to_attr="current_employments")
    )


def _service_error(
    exc: DjangoValidationError, names: dict[str, str], prefix: str = ""
) -> exceptions.ValidationError:
    """A service's ValidationError (model field names) as an API one (the client's JSON property names)."""
    if not hasattr(exc, "error_dict"):
        return exceptions.ValidationError({"": exc.messages})
    detail: dict[str, list[str]] = {}
    for field, errors in exc.message_dict.items():
        name = names.get(field, field)
        detail[f"{prefix}{name}" if field != "__all__" else prefix.rstrip(".")] = list(errors)
    return exceptions.ValidationError(detail)


def _as_new_member_of(organisation: Organisation, person_id: int = 0) -> PersonTarget:
    """The policy target "a person working at ``organisation``" (for writes that place someone there)."""
    return PersonTarget(person_id=person_id, organisation_paths=(organisation.path,))


def _cards_allowed_or_403(view: ApiView, organisation: Organisation | None) -> None:
    """A list of cards in the subtree of ``organisation`` (None: the whole Rijk) is allowed when the
    policy lets the principal see the card of any person working there."""
    target = PersonTarget(person_id=0, organisation_paths=(organisation.path if organisation else "",))
    if not can(view.principal, "person.view_card", target):
        raise exceptions.PermissionDenied()


def _filter_cards(
    queryset: QuerySet[Person],
    *,
    organisation: Organisation | None,
    location: Location | None,
    name: str = "",
) -> QuerySet[Person]:
    if organisation is not None:
        in_subtree = employments_current().filter(organisation__path__startswith=organisation.path)
        queryset = queryset.filter(pk__in=in_subtree.values("person_id"))
    if location is not None:
        queryset = queryset.filter(work_location=location)
    for word in name.split():
        queryset = queryset.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(name_prefix__icontains=word)
        )
    return queryset.order_by("last_name", "first_name", "personnel_number")


@extend_schema_view(
    get=extend_schema(
        summary="Medewerkers (smoelenboek)",
        description=(
            "Visitekaartjes van medewerkers: naam, huidige functies, organisatie, werklocatie. Zoeken op naam "
            "gaat met POST /medewerkers/_zoek (persoonsgegevens horen niet in de URL)."
        ),
        parameters=[
            OpenApiParameter(
                "organisatie", str, description="Code van een organisatie: medewerkers in de hele deelboom."
            ),
            OpenApiParameter("werklocatie", str, description="Code van een werklocatie."),
        ],
        responses=MedewerkerKaartSerializer(many=True),
        tags=["medewerkers"],
    ),
    post=extend_schema(
        summary="Medewerker aanmaken (HR)",
        request=MedewerkerInvoerSerializer,
        responses={201: MedewerkerSerializer},
        tags=["medewerkers"],
    ),
)
class MedewerkerListView(CachedReadMixin, ApiView):
    serializer_class = MedewerkerKaartSerializer

    def get(self, request: Any) -> Response:
        params = request.query_params
        organisation = location = None
        if params.get("organisatie"):
            organisation = Organisation.objects.filter(code=params["organisatie"]).first()
            if organisation is None:
                raise exceptions.ValidationError({"organisatie": [_("Onbekende organisatie.")]})
        if params.get("werklocatie"):
            location = Location.objects.filter(code=params["werklocatie"]).first()
            if location is None:
                raise exceptions.ValidationError({"werklocatie": [_("Onbekende werklocatie.")]})
        _cards_allowed_or_403(self, organisation)
        # Cards are the same for everyone allowed to see them (checked just now): the read cache may answer.
        cached = self.cached_response(request, "person.view_card")
        if cached is not None:
            return cached  # type: ignore[return-value]
        queryset = _filter_cards(card_queryset(), organisation=organisation, location=location)
        page = self.paginate_queryset(queryset) or []
        return self.get_paginated_response([card_data(person) for person in page])

    def post(self, request: Any) -> Response:
        body: dict[str, Any] = request.data if isinstance(request.data, dict) else {}
        nested = body.get("dienstverband")
        employment: dict[str, Any] = nested if isinstance(nested, dict) else {}
        organisation = Organisation.objects.filter(code=str(employment.get("organisatie", ""))).first()
        if organisation is not None and not can(
            self.principal, "person.change", _as_new_member_of(organisation)
        ):
            raise exceptions.PermissionDenied()
        serializer = MedewerkerInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation = serializer.validated_data["dienstverband"]["organisatie"]
        if not can(self.principal, "person.change", _as_new_member_of(organisation)):
            raise exceptions.PermissionDenied()
        try:
            with transaction.atomic():
                person = services.person_create(actor=request.user, **serializer.person_kwargs())
                try:
                    services.employment_add(
                        actor=request.user,
                        person=person,
                        **employment_kwargs(serializer.validated_data["dienstverband"]),
                    )
                except DjangoValidationError as exc:
                    raise _service_error(exc, EMPLOYMENT_FIELDS, "dienstverband.") from exc
        except DjangoValidationError as exc:
            raise _service_error(exc, PERSON_FIELDS) from exc
        person = card_queryset().get(pk=person.pk)
        data = MedewerkerSerializer(person, context={"personal_visible": True}).data
        return Response(data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    post=extend_schema(
        summary="Medewerkers zoeken",
        description="Zoeken met persoonsgegevens als criterium (naam) gaat in de body, niet in de URL.",
        request=MedewerkerZoekSerializer,
        responses={200: MedewerkerKaartSerializer(many=True)},
        tags=["medewerkers"],
    )
)
class MedewerkerZoekView(ApiView):
    serializer_class = MedewerkerKaartSerializer

    def post(self, request: Any) -> Response:
        search = MedewerkerZoekSerializer(data=request.data)
        search.is_valid(raise_exception=True)
        organisation = search.validated_data.get("organisatie")
        _cards_allowed_or_403(self, organisation)
        queryset = _filter_cards(
            card_queryset(),
            organisation=organisation,
            location=search.validated_data.get("werklocatie"),
            name=search.validated_data.get("naam") or "",
        )
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(MedewerkerKaartSerializer(page, many=True).data)


def _person_or_404(personnel_number: str) -> Person:
    """The person as ``card_queryset`` has them (work location, today's records), in one query."""
    person = person_card(personnel_number=personnel_number)
    if person is None:
        raise Http404
    return person


@extend_schema_view(
    get=extend_schema(
        summary="Medewerker",
        responses=MedewerkerSerializer,
        parameters=[PURPOSE_PARAMETER],
        tags=["medewerkers"],
    )
)
class MedewerkerDetailView(ApiView):
    serializer_class = MedewerkerSerializer

    def get(self, request: Any, personeelsnummer: str) -> Response:
        person = access.person_card_get(user=request.user, person=_person_or_404(personeelsnummer))
        personal = access.person_personal_details_visible(
            user=request.user, person=person, purpose=request.query_params.get("doel", "")
        )
        return Response(person_data(person, personal_visible=personal))


def _history(view: ApiView, person: Person) -> list[Employment]:
    return access.person_employment_history_get(
        user=view.request.user, person=person, purpose=view.request.query_params.get("doel", "")
    )


@extend_schema_view(
    get=extend_schema(
        summary="Dienstverbanden van een medewerker",
        description="De hele geschiedenis, nieuwste eerst. Elke inzage door een ander dan de medewerker komt in het auditlog.",
        parameters=[PURPOSE_PARAMETER],
        responses=DienstverbandSerializer(many=True),
        tags=["dienstverbanden"],
    ),
    post=extend_schema(
        summary="Dienstverband toevoegen (HR)",
        description="Een nieuw dienstverband. Een functiewijziging is: het lopende beëindigen (PATCH) en een nieuw toevoegen.",
        request=DienstverbandInvoerSerializer,
        responses={201: DienstverbandSerializer},
        tags=["dienstverbanden"],
    ),
)
class DienstverbandListView(ApiView):
    serializer_class = DienstverbandSerializer

    def get(self, request: Any, personeelsnummer: str) -> Response:
        records = _history(self, _person_or_404(personeelsnummer))
        page = self.paginate_queryset(records) or []
        return self.get_paginated_response([employment_data(record) for record in page])

    def post(self, request: Any, personeelsnummer: str) -> Response:
        person = _person_or_404(personeelsnummer)
        if not can(self.principal, "person.change", person_target(person=person)):
            raise exceptions.PermissionDenied()
        serializer = DienstverbandInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        destination = serializer.validated_data["organisatie"]
        if not can(self.principal, "person.change", _as_new_member_of(destination, person.pk)):
            raise exceptions.PermissionDenied(_("Je mag geen medewerkers plaatsen bij deze organisatie."))
        try:
            record = services.employment_add(actor=request.user, person=person, **serializer.service_kwargs())
        except DjangoValidationError as exc:
            raise _service_error(exc, EMPLOYMENT_FIELDS) from exc
        return Response(DienstverbandSerializer(record).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Dienstverband",
        parameters=[PURPOSE_PARAMETER],
        responses=DienstverbandSerializer,
        tags=["dienstverbanden"],
    ),
    patch=extend_schema(
        summary="Dienstverband beëindigen (HR)",
        description="Zet einddatum en reden, alleen als die nog leeg zijn: de geschiedenis wordt nooit overschreven.",
        request=DienstverbandBeeindigenSerializer,
        responses=DienstverbandSerializer,
        tags=["dienstverbanden"],
    ),
)
class DienstverbandDetailView(ApiView):
    serializer_class = DienstverbandSerializer
    http_method_names = ["get", "patch", "options"]

    def get(self, request: Any, personeelsnummer: str, id: int) -> Response:
        person = _person_or_404(personeelsnummer)
        record = next((r for r in _history(self, person) if r.pk == id), None)
        if record is None:
            raise exceptions.NotFound()
        return Response(employment_data(record))

    def patch(self, request: Any, personeelsnummer: str, id: int) -> Response:
        person = _person_or_404(personeelsnummer)
        if not can(self.principal, "person.change", person_target(person=person)):
            raise exceptions.PermissionDenied()
        record = get_object_or_404(Employment.objects.select_related("organisation"), person=person, pk=id)
        serializer = DienstverbandBeeindigenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            record = services.employment_end(
                actor=request.user,
                employment=record,
                end_date=serializer.validated_data["einddatum"],
                end_reason=serializer.validated_data["redenEinde"],
            )
        except DjangoValidationError as exc:
            raise _service_error(exc, EMPLOYMENT_FIELDS) from exc
        return Response(DienstverbandSerializer(record).data)
