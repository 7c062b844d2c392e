# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/kansmeldingen/instellingen`` (one's own alerts about fitting opportunities) and
``/api/v1/kansen/{id}/kandidaatmeldingen`` (the owner's alerts about people who newly fit).
Decisions: ``accounts.policy.can``; writes: ``matching.alerts``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions
from rest_framework.response import Response

from rijksportfolio.accounts.policy import can
from rijksportfolio.api.views import ApiView
from rijksportfolio.matching import alerts
from rijksportfolio.matching.models import AlertPreference, OpportunityAlerts
from rijksportfolio.opportunities.api.serializers_alerts import (
    KandidaatmeldingenSerializer,
    KansmeldingInstellingenSerializer,
)
from rijksportfolio.opportunities.api.views import _KansView
from rijksportfolio.opportunities.selectors import opportunity_target
from rijksportfolio.portfolios.models import Portfolio

_ALERT_FIELDS = {"min_score": "drempel", "frequency": "frequentie", "status": "status"}


def _problem(exc: DjangoValidationError) -> exceptions.ValidationError:
    return exceptions.ValidationError({_ALERT_FIELDS.get(k, k): list(v) for k, v in exc.message_dict.items()})


@extend_schema_view(
    get=extend_schema(summary="Mijn meldingen over passende kansen", tags=["kansen"]),
    put=extend_schema(
        summary="Meldingen over passende kansen aan- of uitzetten",
        description=(
            "Opt-in: staat uit tot je hem aanzet. Je krijgt een melding (in de app en per e-mail) over kansen die "
            "ná het aanzetten worden gepubliceerd en die minstens zo goed passen als `drempel`, nooit over je "
            "eigen kansen, over elke kans hooguit één keer. Alleen met toestemming voor matching."
        ),
        tags=["kansen"],
    ),
)
class KansmeldingInstellingenView(ApiView):
    serializer_class = KansmeldingInstellingenSerializer
    http_method_names = ["get", "put", "options"]

    def _person(self) -> Any:
        person = getattr(self.request.user, "person", None)
        if person is None or not can(self.principal, "matching.alerts"):
            raise exceptions.PermissionDenied()
        return person

    @staticmethod
    def _data(preference: AlertPreference, person: Any) -> dict[str, Any]:
        consent = Portfolio.objects.filter(person=person, matching_consent=True).exists()
        return KansmeldingInstellingenSerializer(
            {
                "aan": preference.enabled, "drempel": preference.min_score, "frequentie": preference.frequency,
                "aanSinds": preference.enabled_at if preference.enabled else None, "toestemmingMatching": consent,
            }
        ).data  # fmt: skip

    def get(self, request: Any) -> Response:
        person = self._person()
        return Response(self._data(alerts.alert_preference_for(person=person), person))

    def put(self, request: Any) -> Response:
        person = self._person()
        body = KansmeldingInstellingenSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            preference = alerts.alert_preference_set(
                actor=request.user,
                enabled=data["aan"],
                min_score=data["drempel"],
                frequency=data["frequentie"],
            )
        except DjangoValidationError as exc:
            raise _problem(exc) from exc
        return Response(self._data(preference, person))


@extend_schema_view(
    get=extend_schema(summary="Meldingen over nieuwe kandidaten (eigenaar)", tags=["kansen"]),
    put=extend_schema(
        summary="Meldingen over nieuwe kandidaten aan- of uitzetten (eigenaar)",
        description=(
            "Je krijgt een melding als iemand nieuw bij de kans past (score minstens `drempel`): iemand met "
            "toestemming voor matching van wie jij het vaardighedenprofiel mag zien. Wie al past als je dit "
            "aanzet, staat in de kandidatenlijst en wordt niet gemeld. Niet voor een gesloten kans."
        ),
        tags=["kansen"],
    ),
)
class KandidaatmeldingenView(_KansView):
    serializer_class = KandidaatmeldingenSerializer
    http_method_names = ["get", "put", "options"]

    def _owned(self, pk: int) -> Any:
        opportunity = self.visible_or_404(pk)
        if not can(self.principal, "opportunity.edit", opportunity_target(opportunity)):
            raise exceptions.PermissionDenied()
        return opportunity

    @staticmethod
    def _data(state: OpportunityAlerts) -> dict[str, Any]:
        return KandidaatmeldingenSerializer(
            {"aan": state.owner_enabled, "drempel": state.owner_min_score}
        ).data

    def get(self, request: Any, id: int) -> Response:
        return Response(self._data(alerts.opportunity_alerts_for(opportunity=self._owned(id))))

    def put(self, request: Any, id: int) -> Response:
        opportunity = self._owned(id)
        body = KandidaatmeldingenSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            state = alerts.opportunity_alerts_set(
                actor=request.user, opportunity=opportunity, enabled=body.validated_data["aan"],
                min_score=body.validated_data["drempel"],
            )  # fmt: skip
        except DjangoValidationError as exc:
            raise _problem(exc) from exc
        return Response(self._data(state))
