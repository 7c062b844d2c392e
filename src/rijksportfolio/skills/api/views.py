# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/vaardigheden``: the ESCO skills, with autocomplete search (``?zoek=``).

The taxonomy is reference data, not personal data: searching it by query string is fine (unlike searches
with personal criteria, which are ``POST …/_zoek``). Readable for whoever may use the taxonomy
(``taxonomy.view``: civil servants and holders of a non-guest role).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions
from rest_framework.response import Response

from rijksportfolio.accounts.policy import can
from rijksportfolio.api.views import ApiView
from rijksportfolio.skills import selectors
from rijksportfolio.skills.api.serializers import (
    VaardigheidDetailSerializer,
    VaardigheidZoekresultaatSerializer,
    hit_data,
    listed_skill_data,
    skill_detail_data,
)


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
