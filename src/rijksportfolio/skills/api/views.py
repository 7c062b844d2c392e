# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/vaardigheden``: the ESCO skills, with autocomplete search (``?zoek=``).

The taxonomy is reference data, not personal data: searching it by query string is fine (unlike searches
with personal criteria, which are ``POST …/_zoek``). Readable for whoever may use the taxonomy
(``taxonomy.view``: civil servants and holders of a non-guest role).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.response import Response

from rijksportfolio.accounts.policy import can
from rijksportfolio.api.views import ApiView
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.skills import extension_csv, selectors, services
from rijksportfolio.skills.api.serializers import (
    ImportInvoerSerializer,
    ImportResultaatSerializer,
    NederlandseNaamSerializer,
    RijkVaardigheidSerializer,
    RijkVaardigheidWijzigingSerializer,
    VaardigheidDetailSerializer,
    VaardigheidZoekresultaatSerializer,
    hit_data,
    import_result_data,
    listed_skill_data,
    rijk_label_data,
    rijk_skill_data,
    skill_detail_data,
)
from rijksportfolio.skills.models import Skill


class _TaxonomyReadable(ApiView):
    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if not can(self.principal, "taxonomy.view"):
            raise exceptions.PermissionDenied()


@extend_schema_view(
    get=extend_schema(
        summary="Vaardigheden (ESCO), met zoeken",
        description=(
            "Zonder `zoek`: alle vaardigheden op naam. Met `zoek`: de best passende vaardigheden op relevantie "
            "(voorkeurs-, alternatieve en verborgen namen, Nederlands en Engels; tolerant voor typefouten, "
            "samenstellingen en een half getypt laatste woord), hoogstens "
            f"{selectors.AUTOCOMPLETE_MAX_RESULTS}. `naam` is Nederlands waar ESCO een Nederlandse naam "
            "heeft, anders Engels met `taal: en`."
        ),
        parameters=[
            OpenApiParameter(
                "zoek",
                str,
                description=f"Wat de gebruiker typt (minstens {selectors.AUTOCOMPLETE_MIN_QUERY} letters).",
            )
        ],
        responses=VaardigheidZoekresultaatSerializer(many=True),
        tags=["vaardigheden"],
    )
)
class VaardigheidListView(_TaxonomyReadable):
    serializer_class = VaardigheidZoekresultaatSerializer

    def get(self, request: Any) -> Response:
        if "zoek" not in request.query_params:
            page = self.paginate_queryset(selectors.skills_all()) or []
            return self.get_paginated_response([listed_skill_data(skill) for skill in page])
        query = request.query_params["zoek"]
        if len(query) > selectors.AUTOCOMPLETE_MAX_QUERY:
            raise exceptions.ValidationError(
                {"zoek": [_("Hoogstens %(max)d tekens.") % {"max": selectors.AUTOCOMPLETE_MAX_QUERY}]}
            )
        hits = selectors.skills_autocomplete(
            query=query, limit=selectors.AUTOCOMPLETE_MAX_RESULTS, language="nl"
        )
        assert self.paginator is not None
        found: list[selectors.SkillHit] = self.paginator.paginate_queryset(hits, request, view=self) or []
        return self.get_paginated_response([hit_data(hit) for hit in found])


@extend_schema_view(get=extend_schema(summary="Vaardigheid", tags=["vaardigheden"]))
class VaardigheidDetailView(_TaxonomyReadable):
    serializer_class = VaardigheidDetailSerializer

    def get(self, request: Any, id: int) -> Response:
        skill = selectors.skill_by_id(id)
        if skill is None:
            raise exceptions.NotFound()
        return Response(skill_detail_data(skill))


# --- the Rijk extension (taxonomy administration) -------------------------------------------------------


def _extension_error(error: services.ExtensionError) -> exceptions.ValidationError:
    if isinstance(error.errors, list):
        return exceptions.ValidationError({"": error.errors})
    fields = {"vaardigheid": "", "alternatieveNamen": "alternatieveNamen"}
    return exceptions.ValidationError({fields.get(k, k): v for k, v in error.errors.items()})


class _TaxonomyAdministered(ApiView):
    """Writes (and the export) of the Rijk extension: taxonomy administrators only (``taxonomy.administer``)."""

    def require_admin(self) -> None:
        if not selectors.may_administer_taxonomy(self.principal):
            raise exceptions.PermissionDenied()


def _skill_or_404(id: int) -> Skill:
    skill = selectors.skill_for_labelling(id)
    if skill is None:
        raise exceptions.NotFound()
    return skill


@extend_schema_view(
    get=extend_schema(
        summary="Nederlandse naam van het Rijk",
        description="De Nederlandse naam die het Rijk aan deze ESCO-vaardigheid gaf; 404 als er geen is.",
        responses={200: NederlandseNaamSerializer}, tags=["taxonomiebeheer"],
    ),
    put=extend_schema(
        summary="Nederlandse naam geven (taxonomiebeheer)",
        description=(
            "Geeft de vaardigheid een Nederlandse naam van het Rijk (en alternatieve namen). Die gaat voor de "
            "naam van ESCO en blijft staan bij elke nieuwe ESCO-versie. Alleen voor taxonomiebeheerders."
        ),
        request=NederlandseNaamSerializer, responses={200: NederlandseNaamSerializer}, tags=["taxonomiebeheer"],
    ),
    delete=extend_schema(
        summary="Nederlandse naam van het Rijk verwijderen (taxonomiebeheer)",
        description="De naam van ESCO (of de Engelse) wordt weer getoond.",
        responses={204: None}, tags=["taxonomiebeheer"],
    ),
)  # fmt: skip
class NederlandseNaamView(_TaxonomyAdministered):
    serializer_class = NederlandseNaamSerializer

    def get(self, request: Any, id: int) -> Response:
        if not can(self.principal, "taxonomy.view"):
            raise exceptions.PermissionDenied()
        rijk = selectors.rijk_label_of(_skill_or_404(id))
        if rijk is None:
            raise exceptions.NotFound()
        return Response(rijk_label_data(rijk))

    def put(self, request: Any, id: int) -> Response:
        self.require_admin()
        skill = _skill_or_404(id)
        body = NederlandseNaamSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            services.dutch_label_set(
                actor=request.user,
                skill=skill,
                label=body.validated_data["naam"],
                alt_labels=body.validated_data["alternatieveNamen"],
            )
        except services.ExtensionError as error:
            raise _extension_error(error) from error
        rijk = selectors.rijk_label_of(skill)
        assert rijk is not None
        return Response(rijk_label_data(rijk))

    def delete(self, request: Any, id: int) -> Response:
        self.require_admin()
        if not services.dutch_label_remove(actor=request.user, skill=_skill_or_404(id)):
            raise exceptions.NotFound()
        return Response(status=status.HTTP_204_NO_CONTENT)


def _rijk_skill_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "label": data["naam"],
        "alt_labels": data["alternatieveNamen"],
        "broader_uri": data["breder"],
        "description": data["omschrijving"],
        "kind": data["soort"],
    }


@extend_schema_view(
    get=extend_schema(
        summary="Rijk-vaardigheden", description="Vaardigheden die alleen het Rijk kent, elk onder een ESCO-concept.",
        responses={200: RijkVaardigheidSerializer(many=True)}, tags=["taxonomiebeheer"],
    ),
    post=extend_schema(
        summary="Rijk-vaardigheid toevoegen (taxonomiebeheer)", request=RijkVaardigheidSerializer,
        responses={201: RijkVaardigheidSerializer}, tags=["taxonomiebeheer"],
    ),
)  # fmt: skip
class RijkVaardigheidListView(_TaxonomyAdministered):
    serializer_class = RijkVaardigheidSerializer

    def get(self, request: Any) -> Response:
        if not can(self.principal, "taxonomy.view"):
            raise exceptions.PermissionDenied()
        page = self.paginate_queryset(selectors.rijk_skills()) or []
        return self.get_paginated_response([rijk_skill_data(skill) for skill in page])

    def post(self, request: Any) -> Response:
        self.require_admin()
        body = RijkVaardigheidSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            skill, _changed = services.rijk_skill_save(
                actor=request.user, key=body.validated_data["sleutel"], create=True,
                **_rijk_skill_kwargs(body.validated_data),
            )  # fmt: skip
        except services.ExtensionError as error:
            raise _extension_error(error) from error
        return Response(rijk_skill_data(skill), status=status.HTTP_201_CREATED)


def _rijk_skill_or_404(sleutel: str) -> Skill:
    skill = selectors.rijk_skill_by_key(sleutel)
    if skill is None:
        raise exceptions.NotFound()
    return skill


@extend_schema_view(
    get=extend_schema(summary="Rijk-vaardigheid", responses={200: RijkVaardigheidSerializer}, tags=["taxonomiebeheer"]),
    put=extend_schema(
        summary="Rijk-vaardigheid wijzigen (taxonomiebeheer)", request=RijkVaardigheidWijzigingSerializer,
        responses={200: RijkVaardigheidSerializer}, tags=["taxonomiebeheer"],
    ),
    delete=extend_schema(
        summary="Rijk-vaardigheid verwijderen (taxonomiebeheer)",
        description="Alleen als niemand haar gebruikt (portfolio's, kansen); anders 400.",
        responses={204: None}, tags=["taxonomiebeheer"],
    ),
)  # fmt: skip
class RijkVaardigheidDetailView(_TaxonomyAdministered):
    serializer_class = RijkVaardigheidSerializer

    def get(self, request: Any, sleutel: str) -> Response:
        if not can(self.principal, "taxonomy.view"):
            raise exceptions.PermissionDenied()
        return Response(rijk_skill_data(_rijk_skill_or_404(sleutel)))

    def put(self, request: Any, sleutel: str) -> Response:
        self.require_admin()
        _rijk_skill_or_404(sleutel)
        body = RijkVaardigheidWijzigingSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            skill, _changed = services.rijk_skill_save(
                actor=request.user, key=sleutel, create=False, **_rijk_skill_kwargs(body.validated_data)
            )
        except services.ExtensionError as error:
            raise _extension_error(error) from error
        return Response(rijk_skill_data(skill))

    def delete(self, request: Any, sleutel: str) -> Response:
        self.require_admin()
        try:
            services.rijk_skill_delete(actor=request.user, skill=_rijk_skill_or_404(sleutel))
        except services.ExtensionError as error:
            raise _extension_error(error) from error
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    get=extend_schema(
        summary="Rijk-uitbreiding exporteren (taxonomiebeheer)",
        description=(
            "De Nederlandse namen van het Rijk en de Rijk-vaardigheden als CSV voor Excel: `;`, UTF-8 met BOM, "
            "kopregel `uri;naam;alternatieve namen;omschrijving;soort;breder`."
        ),
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="Het CSV-bestand.")},
        tags=["taxonomiebeheer"],
    )
)
class RijkUitbreidingView(_TaxonomyAdministered):
    serializer_class = ImportResultaatSerializer

    def get(self, request: Any) -> HttpResponse:
        self.require_admin()
        rows = selectors.rijk_extension_rows()
        audit_record(
            actor=request.user,
            action=AuditAction.EXPORT,
            object_type="skills.RijkExtension",
            purpose=str(len(rows)),
        )
        response = HttpResponse(extension_csv.to_bytes(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="rijk-uitbreiding-taxonomie.csv"'
        return response


@extend_schema_view(
    post=extend_schema(
        summary="Rijk-uitbreiding importeren (taxonomiebeheer)",
        description=(
            "Leest een CSV-bestand (zoals de export) in: eerst wordt alles gecontroleerd; bij één fout wordt niets "
            "ingelezen en noemt de 400 elke fout met regelnummer. Idempotent per uri."
        ),
        request=ImportInvoerSerializer, responses={200: ImportResultaatSerializer}, tags=["taxonomiebeheer"],
    )
)  # fmt: skip
class RijkUitbreidingImportView(_TaxonomyAdministered):
    serializer_class = ImportResultaatSerializer

    def post(self, request: Any) -> Response:
        self.require_admin()
        body = ImportInvoerSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            result = services.rijk_extension_import(
                actor=request.user, data=body.validated_data["inhoud"].encode("utf-8")
            )
        except services.ExtensionError as error:
            messages = error.errors if isinstance(error.errors, list) else [str(error)]
            raise exceptions.ValidationError({"inhoud": messages}) from error
        return Response(import_result_data(result))
