# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/stuurinformatie/…``: the workforce panels with suppression (docs/stuurinformatie.md), the
manager's 3-5-7 list, the secondment register with comply-or-explain, and ``/api/v1/open-data/stuurinformatie``
(Rijk-level aggregates as JSON or CSV, docs/open-data.md)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError as DjangoValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from rijksportfolio.api.views import ApiView
from rijksportfolio.domain.analytics import panels
from rijksportfolio.domain.analytics.publish import DERIVED, PRIMARY, SECONDARY, THRESHOLD
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.organisations.selectors import organisation_by_code
from rijksportfolio.people.constants import ContractType, JobFamily, WorkType
from rijksportfolio.people.models import Employment
from rijksportfolio.workforce import access
from rijksportfolio.workforce.services import secondment_explain

# Why a figure is hidden, in the API's words (domain.analytics.publish reasons).
REDENEN = {PRIMARY: "primair", SECONDARY: "secundair", DERIVED: "afgeleid"}

# Dutch resource names of the panels (``panels.PANELS`` names, plus the key figures).
PANELEN = {
    "kerncijfers": "figures",
    "personeelsbestand": "headcount",
    "verdeling": "breakdowns",
    "trend": "trend",
    "leeftijdsopbouw": "age_pyramid",
    "stromen": "flows",
    "mobiliteitsmatrix": "mobility_matrix",
    "instroomcohorten": "starters",
    "uitstroomprognose": "outflow_forecast",
    "mpp": "mpp",
    "drie-vijf-zeven": "three_five_seven",
    "detacheringen": "secondments",
    "diversiteit": "diversity",
    "ict": "ict",
    "spreiding": "spreiding",
    "vaardigheden": "skills",
}

PEILDATUM = OpenApiParameter("peildatum", OpenApiTypes.DATE, description="Peildatum (standaard: vandaag).")
ORGANISATIE = OpenApiParameter("organisatie", str, description="Code van de organisatie (deelboom).")
FILTERS = [
    PEILDATUM,
    OpenApiParameter("organisatie", str, description="Code van de organisatie (deelboom; zonder: het Rijk)."),
    OpenApiParameter("functiefamilie", str, enum=JobFamily.values),
    OpenApiParameter("schaalgroep", str, enum=[g[0] for g in panels.SCALE_GROUPS]),
    OpenApiParameter("soortDienstverband", str, enum=ContractType.values),
    OpenApiParameter("provincie", str, description="Provincie van de standplaats."),
    OpenApiParameter("groei", float, description="MPP: groei (negatief: krimp) in procent per jaar."),
    OpenApiParameter(
        "technologie",
        str,
        description="MPP: effect van technologie per werksoort in procent over de horizon, "
        "bijvoorbeeld 'execution:20,operations:10'.",
    ),
]


def _peildatum(request: Any) -> dt.date:
    raw = request.query_params.get("peildatum")
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise exceptions.ValidationError({"peildatum": [_("Gebruik JJJJ-MM-DD.")]}) from exc


def _organisation(request: Any, *, required: bool = False) -> Organisation | None:
    code = request.query_params.get("organisatie")
    if not code:
        if required:
            raise exceptions.ValidationError({"organisatie": [_("Geef de organisatie op.")]})
        return None
    organisation = organisation_by_code(code=code)
    if organisation is None:
        raise exceptions.ValidationError({"organisatie": [_("Onbekende organisatie.")]})
    return organisation


def _choice(request: Any, name: str, allowed: list[str]) -> str | None:
    value = request.query_params.get(name) or None
    if value is not None and value not in allowed:
        raise exceptions.ValidationError({name: [_("Onbekende waarde.")]})
    return value


def _scenario(request: Any) -> panels.Scenario:
    try:
        growth = float(request.query_params.get("groei") or 0)
        tech: dict[str, float] = {}
        for part in (request.query_params.get("technologie") or "").split(","):
            if part.strip():
                work_type, pct = part.split(":")
                if work_type.strip() not in WorkType.values:
                    raise ValueError(work_type)
                tech[work_type.strip()] = float(pct)
    except ValueError as exc:
        raise exceptions.ValidationError(
            {"technologie": [_("Gebruik werksoort:procent, gescheiden door komma's.")]}
        ) from exc
    return panels.Scenario(growth_pct=growth, technology_pct=tech)


def _denied(exc: PermissionDenied) -> exceptions.PermissionDenied:
    return exceptions.PermissionDenied()


class _StuurinformatieView(ApiView):
    def scope(self, organisation: Organisation | None) -> panels.Scope:
        q = self.request.query_params
        return panels.Scope(
            organisations=(organisation.pk,) if organisation else (),
            job_family=_choice(self.request, "functiefamilie", list(JobFamily.values)),
            scale_group=_choice(self.request, "schaalgroep", [g[0] for g in panels.SCALE_GROUPS]),
            contract_type=_choice(self.request, "soortDienstverband", list(ContractType.values)),
            province=q.get("provincie") or None,
        )


class PaneelView(_StuurinformatieView):
    @extend_schema(
        summary="Stuurinformatiepaneel",
        description="Eén paneel van de stuurinformatie op een peildatum, voor het Rijk of een organisatie "
        "(deelboom), met onderdrukking van kleine aantallen (primair en secundair: een verborgen aantal is "
        "`null`). `onderdrukking.verborgen` zegt per verborgen cijfer (JSON-pointer in het antwoord) waarom: "
        '`primair` (minder dan `drempel` personen, te tonen als "< 10"), `secundair` (verborgen zodat een '
        "klein aantal niet uit de totalen volgt) of `afgeleid` (hoort bij een verborgen aantal: fte, "
        "percentage). Paneel: " + ", ".join(PANELEN) + ". De opbouw van `gegevens` per paneel: "
        "docs/stuurinformatie.md.",
        parameters=FILTERS,
        responses={200: OpenApiTypes.OBJECT},
        tags=["stuurinformatie"],
    )
    def get(self, request: Any, paneel: str) -> Response:
        if paneel not in PANELEN:
            raise exceptions.NotFound(_("Onbekend paneel."))
        peildatum = _peildatum(request)
        organisation = _organisation(request)
        scope = self.scope(organisation)
        try:
            data = access.panel_get(
                user=request.user,
                panel=PANELEN[paneel],
                peildatum=peildatum,
                organisation=organisation,
                scope=scope,
                scenario=_scenario(request) if paneel == "mpp" else None,
            )
        except PermissionDenied as exc:
            raise _denied(exc) from exc
        return Response(
            {
                "paneel": paneel,
                "peildatum": peildatum.isoformat(),
                "organisatie": organisation.code if organisation else None,
                "onderdrukking": {
                    "drempel": THRESHOLD,
                    "verborgen": {
                        f"/gegevens{pointer}": REDENEN[reason]
                        for pointer, reason in getattr(data, "hidden", {}).items()
                    },
                },
                "gegevens": data,
            }
        )


class DrieVijfZevenMedewerkersView(_StuurinformatieView):
    @extend_schema(
        summary="3-5-7: gesprekslijst van de eigen teams",
        description="Medewerkers van de eigen teams van een leidinggevende die langer dan `jaren` (standaard 5) "
        "in dezelfde functie zitten. Alleen voor leidinggevenden, voor hun eigen teams; elke vermelding wordt "
        "gelogd.",
        parameters=[PEILDATUM, ORGANISATIE, OpenApiParameter("jaren", float)],
        responses={200: OpenApiTypes.OBJECT},
        tags=["stuurinformatie"],
    )
    def get(self, request: Any) -> Response:
        organisation = _organisation(request, required=True)
        assert organisation is not None
        try:
            years = float(request.query_params.get("jaren") or 5)
        except ValueError as exc:
            raise exceptions.ValidationError({"jaren": [_("Geef een getal.")]}) from exc
        try:
            rows = access.three_five_seven_people_get(
                user=request.user, peildatum=_peildatum(request), organisation=organisation, min_years=years
            )
        except PermissionDenied as exc:
            raise _denied(exc) from exc
        return Response(
            {
                "organisatie": organisation.code,
                "medewerkers": [
                    {
                        "personeelsnummer": r["personnel_number"],
                        "naam": r["name"],
                        "functienaam": r["job_title"],
                        "inFunctieSinds": r["in_job_since"],
                        "jaren": r["years"],
                    }
                    for r in rows
                ],
            }
        )


class DetacheringRegisterView(_StuurinformatieView):
    @extend_schema(
        summary="Detacheringen langer dan een jaar (pas toe of leg uit)",
        description="Lopende detacheringen in de organisatie (deelboom) die langer dan een jaar duren, met de "
        "toelichting van de organisatie. Voor HR-adviseurs en organisatiebeheerders; elke vermelding wordt "
        "gelogd.",
        parameters=[PEILDATUM, ORGANISATIE],
        responses={200: OpenApiTypes.OBJECT},
        tags=["stuurinformatie"],
    )
    def get(self, request: Any) -> Response:
        organisation = _organisation(request, required=True)
        assert organisation is not None
        try:
            rows = access.secondment_register_get(
                user=request.user, peildatum=_peildatum(request), organisation=organisation
            )
        except PermissionDenied as exc:
            raise _denied(exc) from exc
        return Response(
            {
                "organisatie": organisation.code,
                "detacheringen": [
                    {
                        "dienstverband": r["employment"],
                        "personeelsnummer": r["personnel_number"],
                        "naam": r["name"],
                        "sinds": r["since"],
                        "dagen": r["days"],
                        "geplandeEinddatum": r["planned_end"],
                        "toelichting": r["explanation"],
                        "verwachteEinddatum": r["explanation_planned_end"],
                    }
                    for r in rows
                ],
            }
        )


class DetacheringToelichtingSerializer(serializers.Serializer):  # type: ignore[type-arg]
    toelichting = serializers.CharField(max_length=4000)
    verwachteEinddatum = serializers.DateField(required=False, allow_null=True)


class DetacheringToelichtingView(ApiView):
    serializer_class = DetacheringToelichtingSerializer

    @extend_schema(
        summary="Toelichting op een detachering langer dan een jaar",
        request=DetacheringToelichtingSerializer,
        responses={200: DetacheringToelichtingSerializer},
        tags=["stuurinformatie"],
    )
    def put(self, request: Any, id: int) -> Response:
        try:
            record = access.secondment_for_explanation(user=request.user, employment_id=id)
        except Employment.DoesNotExist as exc:
            raise exceptions.NotFound() from exc
        except PermissionDenied as exc:
            raise _denied(exc) from exc
        body = DetacheringToelichtingSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            note = secondment_explain(
                actor=request.user,
                employment=record,
                explanation=body.validated_data["toelichting"],
                planned_end=body.validated_data.get("verwachteEinddatum"),
            )
        except DjangoValidationError as exc:
            names = {"explanation": "toelichting", "planned_end": "verwachteEinddatum"}
            raise exceptions.ValidationError(
                {names.get(field, "dienstverband"): messages for field, messages in exc.message_dict.items()}
            ) from exc
        return Response(
            {
                "toelichting": note.explanation,
                "verwachteEinddatum": note.planned_end.isoformat() if note.planned_end else None,
            }
        )


class OpenDataView(ApiView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Open data: stuurinformatie van het Rijk",
        description="Kerncijfers van het Rijk als geheel (geen organisaties, geen personen), met onderdrukking. "
        "JSON (standaard) of CSV (`formaat=csv`, puntkomma, UTF-8). Schema: docs/open-data.md.",
        parameters=[PEILDATUM, OpenApiParameter("formaat", str, enum=["json", "csv"])],
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT)},
        tags=["open data"],
    )
    def get(self, request: Any) -> Any:
        data = access.open_data_get(peildatum=_peildatum(request))
        if request.query_params.get("formaat") == "csv":
            out = io.StringIO()
            writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
            writer.writerow(["tabel", "periode", "categorie", "waarde"])
            for table, period, category, value in access.open_data_rows(data):
                writer.writerow([table, period, category, "" if value is None else value])
            response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = (
                f'attachment; filename="stuurinformatie-rijk-{data["peildatum"]}.csv"'
            )
            return response
        return Response(data)
