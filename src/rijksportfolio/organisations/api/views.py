# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/organisaties`` and ``/api/v1/werklocaties``: the Rijk's organisation tree and buildings (read)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, generics

from rijksportfolio.accounts.policy import can
from rijksportfolio.api.views import ApiView, CachedReadMixin
from rijksportfolio.organisations.api.serializers import OrganisatieSerializer, WerklocatieSerializer
from rijksportfolio.organisations.constants import OrganisationKind
from rijksportfolio.organisations.models import Location, Organisation


class _OrganisationReadable(CachedReadMixin, ApiView):
    """Organisations and locations are visible to civil servants and to holders of a non-guest role.

    The answer is the same for everyone who may see them: served from the read cache after the check."""

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if not can(self.principal, "organisation.view"):
            raise exceptions.PermissionDenied()

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return self.cached_response(request, "organisation.view") or super().get(  # type: ignore[misc]
            request, *args, **kwargs
        )


@extend_schema_view(
    get=extend_schema(
        summary="Organisaties",
        description="De organisaties van het Rijk als boom (ministeries, diensten, directies, afdelingen, teams).",
        parameters=[
            OpenApiParameter("soort", str, enum=OrganisationKind.values, description="Soort organisatie."),
            OpenApiParameter(
                "bovenliggend", str, description="Code van de bovenliggende organisatie (directe kinderen)."
            ),
        ],
        tags=["organisaties"],
    )
)
class OrganisatieListView(_OrganisationReadable, generics.ListAPIView):
    serializer_class = OrganisatieSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        queryset = (
            Organisation.objects.select_related("parent").prefetch_related("locations").order_by("path")
        )
        params = self.request.query_params
        kind = params.get("soort")
        if kind:
            if kind not in OrganisationKind.values:
                raise exceptions.ValidationError({"soort": [_("Onbekende soort organisatie.")]})
            queryset = queryset.filter(kind=kind)
        parent = params.get("bovenliggend")
        if parent:
            queryset = queryset.filter(parent__code=parent)
        return queryset


@extend_schema_view(get=extend_schema(summary="Organisatie", tags=["organisaties"]))
class OrganisatieDetailView(_OrganisationReadable, generics.RetrieveAPIView):
    serializer_class = OrganisatieSerializer

    def get_object(self) -> Organisation:
        return get_object_or_404(
            Organisation.objects.select_related("parent").prefetch_related("locations"),
            code=self.kwargs["code"],
        )


@extend_schema_view(get=extend_schema(summary="Werklocaties", tags=["werklocaties"]))
class WerklocatieListView(_OrganisationReadable, generics.ListAPIView):
    serializer_class = WerklocatieSerializer
    queryset = Location.objects.order_by("city", "name")


@extend_schema_view(get=extend_schema(summary="Werklocatie", tags=["werklocaties"]))
class WerklocatieDetailView(_OrganisationReadable, generics.RetrieveAPIView):
    serializer_class = WerklocatieSerializer

    def get_object(self) -> Location:
        return get_object_or_404(Location, code=self.kwargs["code"])
