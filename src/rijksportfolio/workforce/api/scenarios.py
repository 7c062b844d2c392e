# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/stuurinformatie/mpp/scenarios`` (saved MPP demand scenarios: list, create, read, change, delete),
``…/scenarios/{id}/resultaat`` (supply, demand and gap at a peildatum, suppressed) and
``/api/v1/stuurinformatie/mpp/vergelijking`` (2–4 scenarios side by side). Decisions: ``accounts.policy``
(``mpp.*``) through ``workforce.access`` and ``workforce.services``; writes are audited by the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError as DjangoValidationError
from django.utils.translation import gettext as _, gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.api.views import ApiView
from rijksportfolio.domain.analytics import mpp as mpp_rules
from rijksportfolio.domain.analytics.publish import THRESHOLD
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.organisations.selectors import organisation_by_code
from rijksportfolio.people.constants import JobFamily
from rijksportfolio.workforce import access, services
from rijksportfolio.workforce.models import WorkforcePlanScenario

# service field -> API property
FIELDS = {
    "name": "naam",
    "description": "toelichting",
    "organisation": "organisatie",
    "job_family": "functiefamilie",
    "horizon_years": "horizon",
    "growth_pct": "groei",
    "growth_by_family": "groeiPerFunctiefamilie",
    "technology_pct": "technologie",
}
PEILDATUM = OpenApiParameter("peildatum", OpenApiTypes.DATE, description="Peildatum (standaard: vandaag).")


class ScenarioSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    naam = serializers.CharField()
    toelichting = serializers.CharField()
    organisatie = serializers.CharField(allow_null=True, help_text=gettext_lazy("Code; null: het Rijk."))
    functiefamilie = serializers.ChoiceField(choices=JobFamily.choices, allow_null=True)
    horizon = serializers.IntegerField(help_text=gettext_lazy("Jaren (1 tot en met 12)."))
    groei = serializers.FloatField(help_text=gettext_lazy("Procent per jaar; negatief: krimp."))
    groeiPerFunctiefamilie = serializers.DictField(
        child=serializers.FloatField(),
        help_text=gettext_lazy("Afwijkende groei per functiefamilie (procent per jaar)."),
    )
    technologie = serializers.DictField(
        child=serializers.FloatField(),
        help_text=gettext_lazy(
            "Per werksoort het deel van het werk (procent) dat technologie aan het eind van de horizon overneemt."
        ),
    )
    eigenaar = serializers.CharField(allow_null=True)
    magWijzigen = serializers.BooleanField()
    aangemaaktOp = serializers.DateTimeField()
    gewijzigdOp = serializers.DateTimeField()


class ScenarioInvoerSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """Shapes only; the rules (name, ranges, keys) are the service's, so that every error comes at once."""

    naam = serializers.CharField(required=False, allow_blank=True, default="")
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    organisatie = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=gettext_lazy("Code; null of weggelaten: het Rijk."),
    )
    functiefamilie = serializers.ChoiceField(
        choices=JobFamily.choices, required=False, allow_null=True, allow_blank=True, default=""
    )
    horizon = serializers.IntegerField(required=False, default=mpp_rules.MAX_HORIZON)
    groei = serializers.FloatField(required=False, default=0.0)
    groeiPerFunctiefamilie = serializers.DictField(
        child=serializers.FloatField(), required=False, default=dict
    )
    technologie = serializers.DictField(child=serializers.FloatField(), required=False, default=dict)

    def service_kwargs(self) -> dict[str, Any]:
        data = self.validated_data
        names = {v: k for k, v in FIELDS.items()}
        out = {names[key]: value for key, value in data.items()}
        if "job_family" in out:
            out["job_family"] = out["job_family"] or ""
        return out


class JaarSerializer(serializers.Serializer):  # type: ignore[type-arg]
    jaar = serializers.IntegerField()
    aanbod = serializers.FloatField(allow_null=True, help_text=gettext_lazy("Fte aan het eind van het jaar."))
    vraag = serializers.FloatField(allow_null=True)
    verschil = serializers.FloatField(
        allow_null=True, help_text=gettext_lazy("Aanbod min vraag; negatief: tekort.")
    )


class DeelSerializer(serializers.Serializer):  # type: ignore[type-arg]
    functiefamilie = serializers.CharField(required=False)
    medewerkers = serializers.IntegerField(allow_null=True)
    fte = serializers.FloatField(allow_null=True)
    nettoMobiliteitFte = serializers.FloatField(allow_null=True)
    jaren = JaarSerializer(many=True)


class ResultaatSerializer(serializers.Serializer):  # type: ignore[type-arg]
    scenario = serializers.IntegerField()
    naam = serializers.CharField()
    peildatum = serializers.DateField()
    organisatie = serializers.CharField(allow_null=True)
    functiefamilie = serializers.CharField(allow_null=True)
    drempel = serializers.IntegerField(help_text=gettext_lazy("Aantallen onder de drempel zijn null."))
    totaal = DeelSerializer()
    functiefamilies = DeelSerializer(many=True)


class VergelijkingScenarioSerializer(serializers.Serializer):  # type: ignore[type-arg]
    scenario = serializers.IntegerField()
    aanbod = serializers.FloatField(allow_null=True)
    vraag = serializers.FloatField(allow_null=True)
    verschil = serializers.FloatField(allow_null=True)


class VergelijkingJaarSerializer(serializers.Serializer):  # type: ignore[type-arg]
    jaar = serializers.IntegerField()
    scenarios = VergelijkingScenarioSerializer(many=True)


class VergelijkingSerializer(serializers.Serializer):  # type: ignore[type-arg]
    peildatum = serializers.DateField()
    scenarios = ScenarioSerializer(many=True)
    jaren = VergelijkingJaarSerializer(many=True)


def _owner(scenario: WorkforcePlanScenario) -> str | None:
    if scenario.owner is None:
        return None
    person = getattr(scenario.owner, "person", None)
    return str(person.full_name if person is not None else scenario.owner.get_username())


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def scenario_data(scenario: WorkforcePlanScenario, *, user: Any) -> dict[str, Any]:
    principal = principal_for(user)
    return {
        "id": scenario.pk,
        "naam": scenario.name,
        "toelichting": scenario.description,
        "organisatie": scenario.organisation.code if scenario.organisation else None,
        "functiefamilie": scenario.job_family or None,
        "horizon": scenario.horizon_years,
        "groei": scenario.growth_pct,
        "groeiPerFunctiefamilie": dict(scenario.growth_by_family),
        "technologie": dict(scenario.technology_pct),
        "eigenaar": _owner(scenario),
        "magWijzigen": can(principal, "mpp.change", services.scenario_target(scenario)),
        "aangemaaktOp": _utc(scenario.created_at),
        "gewijzigdOp": _utc(scenario.updated_at),
    }


def _part(part: dict[str, Any]) -> dict[str, Any]:
    return {
        "medewerkers": part["headcount"],
        "fte": part["fte"],
        "nettoMobiliteitFte": part["net_mobility_fte"],
        "jaren": [
            {"jaar": y["year"], "aanbod": y["supply"], "vraag": y["demand"], "verschil": y["gap"]}
            for y in part["years"]
        ],
    }


def _peildatum(request: Any) -> dt.date:
    raw = request.query_params.get("peildatum")
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise exceptions.ValidationError({"peildatum": [_("Gebruik JJJJ-MM-DD.")]}) from exc


def _service_error(exc: DjangoValidationError) -> exceptions.ValidationError:
    if not hasattr(exc, "error_dict"):
        return exceptions.ValidationError({"": exc.messages})
    return exceptions.ValidationError({FIELDS.get(k, k): list(v) for k, v in exc.message_dict.items()})


class _ScenarioView(ApiView):
    serializer_class: type[serializers.Serializer] = ScenarioSerializer  # type: ignore[type-arg]

    def visible_or_404(self, pk: int) -> WorkforcePlanScenario:
        try:
            return access.scenario_get(user=self.request.user, pk=pk)
        except WorkforcePlanScenario.DoesNotExist as exc:
            raise exceptions.NotFound(_("Dit scenario bestaat niet.")) from exc
        except PermissionDenied as exc:
            raise exceptions.PermissionDenied() from exc

    def answer(self, scenario: WorkforcePlanScenario, code: int = status.HTTP_200_OK) -> Response:
        return Response(scenario_data(scenario, user=self.request.user), status=code)


@extend_schema_view(
    get=extend_schema(
        summary="MPP-scenario's",
        description="De opgeslagen scenario's die je mag zien (HR-adviseurs, beheerders en de OR van de "
        "organisatie; analisten alle), de laatst gewijzigde eerst.",
        parameters=[
            OpenApiParameter("organisatie", str, description="Alleen scenario's voor deze deelboom.")
        ],
        responses={200: ScenarioSerializer(many=True)},
        tags=["stuurinformatie"],
    ),
    post=extend_schema(
        summary="MPP-scenario opslaan",
        description="Voor een organisatie in je bereik (HR-adviseur, beheerder) of elke organisatie en het Rijk "
        "(analist).",
        request=ScenarioInvoerSerializer,
        responses={201: ScenarioSerializer},
        tags=["stuurinformatie"],
    ),
)
class ScenarioListView(_ScenarioView):
    def get(self, request: Any) -> Response:
        if not access.may_see_scenarios(self.principal):
            raise exceptions.PermissionDenied()
        code = request.query_params.get("organisatie")
        organisation = None
        if code:
            organisation = organisation_by_code(code=code)
            if organisation is None:
                raise exceptions.ValidationError({"organisatie": [_("Onbekende organisatie.")]})
        scenarios = access.scenarios_visible(user=request.user, organisation=organisation)
        page = self.paginate_queryset(scenarios) or []  # type: ignore[arg-type]
        return self.get_paginated_response([scenario_data(s, user=request.user) for s in page])

    def post(self, request: Any) -> Response:
        body = ScenarioInvoerSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            scenario = services.scenario_create(actor=request.user, **body.service_kwargs())
        except PermissionDenied as exc:
            raise exceptions.PermissionDenied() from exc
        except DjangoValidationError as exc:
            raise _service_error(exc) from exc
        return self.answer(scenario, status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="MPP-scenario", responses={200: ScenarioSerializer}, tags=["stuurinformatie"]),
    patch=extend_schema(
        summary="MPP-scenario wijzigen",
        description="Door de eigenaar (zolang die voor de organisatie mag plannen) of een beheerder van de "
        "organisatie. Alleen de meegestuurde velden veranderen.",
        request=ScenarioInvoerSerializer,
        responses={200: ScenarioSerializer},
        tags=["stuurinformatie"],
    ),
    delete=extend_schema(summary="MPP-scenario verwijderen", responses={204: None}, tags=["stuurinformatie"]),
)
class ScenarioDetailView(_ScenarioView):
    def get(self, request: Any, id: int) -> Response:
        return self.answer(self.visible_or_404(id))

    def patch(self, request: Any, id: int) -> Response:
        scenario = self.visible_or_404(id)
        body = ScenarioInvoerSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        try:
            services.scenario_update(actor=request.user, scenario=scenario, **body.service_kwargs())
        except PermissionDenied as exc:
            raise exceptions.PermissionDenied() from exc
        except DjangoValidationError as exc:
            raise _service_error(exc) from exc
        return self.answer(scenario)

    def delete(self, request: Any, id: int) -> Response:
        scenario = self.visible_or_404(id)
        try:
            services.scenario_delete(actor=request.user, scenario=scenario)
        except PermissionDenied as exc:
            raise exceptions.PermissionDenied() from exc
        return Response(status=status.HTTP_204_NO_CONTENT)


def result_data(scenario: WorkforcePlanScenario, peildatum: dt.date, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "scenario": scenario.pk,
        "naam": scenario.name,
        "peildatum": peildatum.isoformat(),
        "organisatie": scenario.organisation.code if scenario.organisation else None,
        "functiefamilie": scenario.job_family or None,
        "drempel": THRESHOLD,
        "totaal": _part(data["total"]),
        "functiefamilies": [{"functiefamilie": f["job_family"], **_part(f)} for f in data["job_families"]],
    }


class ScenarioResultaatView(_ScenarioView):
    serializer_class = ResultaatSerializer

    @extend_schema(
        summary="MPP-scenario: aanbod, vraag en verschil",
        description="Per jaar van de horizon het aanbod (fte van het huidige personeel na verwachte uitstroom "
        "en netto mobiliteit), de vraag volgens het scenario en het verschil, in totaal en per functiefamilie. "
        "Functiefamilies met minder dan 10 medewerkers (en wat die zou verraden) zijn null.",
        parameters=[PEILDATUM],
        responses={200: ResultaatSerializer},
        tags=["stuurinformatie"],
    )
    def get(self, request: Any, id: int) -> Response:
        scenario = self.visible_or_404(id)
        peildatum = _peildatum(request)
        data = access.scenario_result_get(user=request.user, scenario=scenario, peildatum=peildatum)
        return Response(result_data(scenario, peildatum, data))


class VergelijkingView(_ScenarioView):
    serializer_class = VergelijkingSerializer

    @extend_schema(
        summary="MPP-scenario's vergelijken",
        description="2 tot en met 4 opgeslagen scenario's naast elkaar: per jaar dat ze alle beslaan het totale "
        "aanbod, de vraag en het verschil van elk.",
        parameters=[
            OpenApiParameter(
                "scenarios",
                str,
                required=True,
                description="Ids, gescheiden door komma's, bijvoorbeeld '3,7'.",
            ),
            PEILDATUM,
        ],
        responses={200: VergelijkingSerializer},
        tags=["stuurinformatie"],
    )
    def get(self, request: Any) -> Response:
        raw = [p.strip() for p in (request.query_params.get("scenarios") or "").split(",") if p.strip()]
        ids = list(dict.fromkeys(raw))
        if (
            not all(i.isdigit() for i in ids)
            or not mpp_rules.MIN_COMPARED <= len(ids) <= mpp_rules.MAX_COMPARED
        ):
            raise exceptions.ValidationError(
                {
                    "scenarios": [
                        _("Geef %(min)s tot en met %(max)s ids van scenario's, gescheiden door komma's.")
                        % {"min": mpp_rules.MIN_COMPARED, "max": mpp_rules.MAX_COMPARED}
                    ]
                }
            )
        peildatum = _peildatum(request)
        scenarios = [self.visible_or_404(int(i)) for i in ids]
        results = [
            access.scenario_result_get(user=request.user, scenario=s, peildatum=peildatum) for s in scenarios
        ]
        side = mpp_rules.comparison(results)
        return Response(
            {
                "peildatum": peildatum.isoformat(),
                "scenarios": [scenario_data(s, user=request.user) for s in scenarios],
                "jaren": [
                    {
                        "jaar": row["year"],
                        "scenarios": [
                            {
                                "scenario": s.pk,
                                "aanbod": c["supply"],
                                "vraag": c["demand"],
                                "verschil": c["gap"],
                            }
                            for s, c in zip(scenarios, row["scenarios"], strict=True)
                        ],
                    }
                    for row in side["rows"]
                ],
            }
        )
