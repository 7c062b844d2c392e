# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/portfolios``, ``/inzageverzoeken``, ``/meldingen``: the portfolio over the API.

Reads of a portfolio go only through ``portfolios.access`` (visibility decided and non-public reads audited
there, once per section per request); every write through ``portfolios.services`` or
``notifications.services``. Writes to a portfolio are the owner's: the view checks ``portfolio.edit``
first, so that someone else gets a 403 whatever they send, and the owner gets the service's Dutch
messages as problem+json with ``invalidParams`` pointing at the JSON properties sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.response import Response

from rijksportfolio.accounts.policy import PortfolioTarget, can
from rijksportfolio.api.problems import service_validation_error
from rijksportfolio.api.views import ApiView
from rijksportfolio.notifications import (
    selectors as notification_selectors,
    services as notification_services,
)
from rijksportfolio.notifications.models import Notification
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.portfolios import access, exchange, search, selectors, services
from rijksportfolio.portfolios.api import serializers as s
from rijksportfolio.portfolios.constants import Part, Section
from rijksportfolio.portfolios.models import (
    AccessRequest,
    Endorsement,
    Item,
    ItemCategory,
    Portfolio,
    PortfolioSkill,
)
from rijksportfolio.skills.models import Skill

PURPOSE = OpenApiParameter(
    "doel",
    str,
    description="Doel van het inzien (doelbinding); komt in het auditlog bij niet-openbare delen.",
)
PORTFOLIO_TAG = ["portfolios"]


def _portfolio_or_404(id: int) -> Portfolio:
    return get_object_or_404(Portfolio.objects.select_related("person"), pk=id)


def _call[T](names: Mapping[str, str], action: Callable[[], T]) -> T:
    """Run a service; its ValidationError becomes a 400 problem keyed by the client's property names."""
    try:
        return action()
    except DjangoValidationError as exc:
        raise service_validation_error(exc, names) from exc


def _purpose(request: Any) -> str:
    return str(request.query_params.get("doel", ""))[:300]


class _PortfolioApi(ApiView):
    def my_portfolio(self) -> Portfolio:
        """The caller's own portfolio, made on their first use (``services.portfolio_ensure``)."""
        person = getattr(self.request.user, "person", None)
        if person is None or not self.principal.is_civil_servant:
            raise exceptions.PermissionDenied()
        return services.portfolio_ensure(actor=self.request.user)

    def owned(self, id: int) -> Portfolio:
        """The portfolio, when the caller may change it (only its owner); else 403."""
        portfolio = _portfolio_or_404(id)
        if not can(self.principal, "portfolio.edit", PortfolioTarget(owner_person_id=portfolio.person_id)):
            raise exceptions.PermissionDenied()
        return portfolio

    def view_of(self, portfolio: Portfolio) -> access.PortfolioView:
        return access.portfolio_view(
            user=self.request.user, portfolio=portfolio, purpose=_purpose(self.request)
        )

    def section_of(self, portfolio: Portfolio, section: str) -> access.SectionView:
        return access.portfolio_section_view(
            user=self.request.user, portfolio=portfolio, section=section, purpose=_purpose(self.request)
        )


# --- the portfolio -------------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Mijn portfolio",
        description="Het eigen portfolio, helemaal (wordt gemaakt bij de eerste vraag; alles 'alleen ik').",
        responses=s.PortfolioSerializer,
        tags=PORTFOLIO_TAG,
    )
)
class PortfolioMijnView(_PortfolioApi):
    serializer_class = s.PortfolioSerializer

    def get(self, request: Any) -> Response:
        return Response(s.PortfolioSerializer(self.view_of(self.my_portfolio())).data)


@extend_schema_view(
    get=extend_schema(
        summary="Portfolio",
        description=(
            "Wat je van dit portfolio mag zien. Alle delen staan erin, met hun zichtbaarheid; een deel dat je "
            "niet mag zien is leeg (`zichtbaar: false`, met `kanAanvragen` als je inzage kunt vragen). Elke "
            "inzage van een deel 'op aanvraag' komt in het auditlog van de eigenaar."
        ),
        parameters=[PURPOSE],
        responses=s.PortfolioSerializer,
        tags=PORTFOLIO_TAG,
    ),
    patch=extend_schema(
        summary="Instellingen van het portfolio wijzigen (eigenaar)",
        request=s.PortfolioInstellingenSerializer,
        responses=s.PortfolioSerializer,
        tags=PORTFOLIO_TAG,
    ),
)
class PortfolioDetailView(_PortfolioApi):
    serializer_class = s.PortfolioSerializer
    http_method_names = ["get", "patch", "options"]

    def get(self, request: Any, id: int) -> Response:
        return Response(s.PortfolioSerializer(self.view_of(_portfolio_or_404(id))).data)

    def patch(self, request: Any, id: int) -> Response:
        portfolio = self.owned(id)
        serializer = s.PortfolioInstellingenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        _call(
            s.PORTFOLIO_FIELDS,
            lambda: services.portfolio_settings_update(
                actor=request.user, portfolio=portfolio, **serializer.service_kwargs()
            ),
        )
        return Response(s.PortfolioSerializer(self.view_of(portfolio)).data)


@extend_schema_view(
    get=extend_schema(
        summary="Zichtbaarheid per deel (eigenaar)",
        responses=s.ZichtbaarheidSerializer,
        tags=PORTFOLIO_TAG,
    ),
    patch=extend_schema(
        summary="Zichtbaarheid per deel kiezen (eigenaar)",
        description="Delen die je weglaat blijven zoals ze zijn. Rondt ook de eerste keuze af.",
        request=s.ZichtbaarheidSerializer,
        responses=s.ZichtbaarheidSerializer,
        tags=PORTFOLIO_TAG,
    ),
)
class ZichtbaarheidView(_PortfolioApi):
    serializer_class = s.ZichtbaarheidSerializer
    http_method_names = ["get", "patch", "options"]

    def get(self, request: Any, id: int) -> Response:
        return Response(selectors.section_visibilities(self.owned(id)))

    def patch(self, request: Any, id: int) -> Response:
        portfolio = self.owned(id)
        serializer = s.ZichtbaarheidSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        portfolio = _call(
            {},
            lambda: services.portfolio_visibility_set(
                actor=request.user, portfolio=portfolio, visibilities=dict(serializer.validated_data)
            ),
        )
        return Response(selectors.section_visibilities(portfolio))


@extend_schema_view(
    get=extend_schema(summary="Toestemming voor matching (eigenaar)", tags=PORTFOLIO_TAG),
    put=extend_schema(
        summary="Toestemming voor matching geven of intrekken (eigenaar)",
        description="Matching gebruikt alleen het profiel van wie toestemming gaf; intrekken kan altijd.",
        tags=PORTFOLIO_TAG,
    ),
)
class ToestemmingView(_PortfolioApi):
    serializer_class = s.ToestemmingSerializer
    http_method_names = ["get", "put", "options"]

    @staticmethod
    def _data(portfolio: Portfolio) -> dict[str, Any]:
        return s.ToestemmingSerializer(
            {"toestemming": portfolio.matching_consent, "gewijzigdOp": portfolio.matching_consent_changed_at}
        ).data

    def get(self, request: Any, id: int) -> Response:
        return Response(self._data(self.owned(id)))

    def put(self, request: Any, id: int) -> Response:
        portfolio = self.owned(id)
        serializer = s.ToestemmingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        portfolio = services.portfolio_matching_consent_set(
            actor=request.user, portfolio=portfolio, consent=serializer.validated_data["toestemming"]
        )
        return Response(self._data(portfolio))


@extend_schema_view(
    get=extend_schema(
        summary="Bekijk als (eigenaar)",
        description=(
            "Het eigen portfolio zoals anderen het zien: `rijk` een collega zonder inzage, `grant` een collega "
            "met inzage in elk deel, `none` iemand die geen rijksambtenaar is. Niet in het auditlog."
        ),
        parameters=[OpenApiParameter("als", str, enum=list(access.PREVIEW_KINDS), required=True)],
        responses=s.PortfolioSerializer,
        tags=PORTFOLIO_TAG,
    )
)
class BekijkAlsView(_PortfolioApi):
    serializer_class = s.PortfolioSerializer

    def get(self, request: Any, id: int) -> Response:
        portfolio = self.owned(id)
        kind = request.query_params.get("als", "")
        if kind not in access.PREVIEW_KINDS:
            raise exceptions.ValidationError({"als": [_("Kies rijk, grant of none.")]})
        view = access.portfolio_preview(user=request.user, portfolio=portfolio, as_kind=kind)
        return Response(s.PortfolioSerializer(view).data)


@extend_schema_view(
    get=extend_schema(
        summary="Eén deel van een portfolio",
        description=(
            "Een deel dat je niet mag zien (en waarin geen onderdeel apart zichtbaar is) geeft 403; die poging "
            "komt in het auditlog van de eigenaar. Een gelukte inzage van een deel 'op aanvraag' ook."
        ),
        parameters=[PURPOSE],
        responses=s.DeelSerializer,
        tags=PORTFOLIO_TAG,
    )
)
class DeelView(_PortfolioApi):
    serializer_class = s.DeelSerializer

    def get(self, request: Any, id: int, deel: str) -> Response:
        portfolio = _portfolio_or_404(id)
        if deel not in Section.values:
            raise exceptions.NotFound()
        return Response(s.DeelSerializer(self.section_of(portfolio, deel)).data)


# --- items ---------------------------------------------------------------------------------------------------


def _skills_by_id(ids: Iterable[int], field: str) -> list[Skill]:
    wanted = list(dict.fromkeys(ids))
    found = Skill.objects.in_bulk(wanted)
    missing = [i for i in wanted if i not in found]
    if missing:
        raise exceptions.ValidationError(
            {field: [_("Onbekende vaardigheid: %(ids)s.") % {"ids": ", ".join(map(str, missing))}]}
        )
    return [found[i] for i in wanted]


def _item_kwargs(data: Mapping[str, Any]) -> dict[str, Any]:
    """Validated input (JSON names) as service keyword arguments (model names)."""
    names = {v: k for k, v in s.ITEM_FIELDS.items()}
    kwargs = {names[key]: value for key, value in data.items() if key in names and key != "soort"}
    if "vaardigheden" in data:
        kwargs["skills"] = _skills_by_id(data["vaardigheden"], "vaardigheden")
    return kwargs


@extend_schema_view(
    get=extend_schema(
        summary="Onderdelen van een portfolio",
        description="De onderdelen die je mag zien, per deel op volgorde. Met `deel`: alleen dat deel.",
        parameters=[PURPOSE, OpenApiParameter("deel", str, enum=Part.values)],
        responses=s.OnderdeelSerializer(many=True),
        tags=PORTFOLIO_TAG,
    ),
    post=extend_schema(
        summary="Onderdeel toevoegen (eigenaar)",
        description="Het deel volgt uit de soort. `gegevens` worden gecontroleerd tegen de velden van de soort.",
        request=s.OnderdeelInvoerSerializer,
        responses={201: s.OnderdeelSerializer},
        tags=PORTFOLIO_TAG,
    ),
)
class OnderdeelListView(_PortfolioApi):
    serializer_class = s.OnderdeelSerializer

    def get(self, request: Any, id: int) -> Response:
        portfolio = _portfolio_or_404(id)
        part = request.query_params.get("deel")
        if part is not None:
            if part not in Part.values:
                raise exceptions.ValidationError({"deel": [_("Onbekend deel.")]})
            items = list(self.section_of(portfolio, part).items)
        else:
            items = [item for section in self.view_of(portfolio).sections for item in section.items]
        page = self.paginate_queryset(items) or []  # type: ignore[arg-type]
        return self.get_paginated_response(s.OnderdeelSerializer(page, many=True).data)

    def post(self, request: Any, id: int) -> Response:
        portfolio = self.owned(id)
        serializer = s.OnderdeelInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        category = selectors.categories_all().filter(key=serializer.validated_data["soort"]).first()
        if category is None:
            raise exceptions.ValidationError({"soort": [_("Onbekende soort onderdeel.")]})
        kwargs = _item_kwargs(serializer.validated_data)
        kwargs.pop("sort_order", None)
        item = _call(
            s.ITEM_FIELDS,
            lambda: services.item_create(
                actor=request.user, portfolio=portfolio, category=category, **kwargs
            ),
        )
        return Response(self._item_data(portfolio, item.pk), status=status.HTTP_201_CREATED)

    def _item_data(self, portfolio: Portfolio, item_id: int) -> dict[str, Any]:
        return s.OnderdeelSerializer(_visible_item(self, portfolio, item_id)).data


def _visible_item(view: _PortfolioApi, portfolio: Portfolio, item_id: int) -> access.ItemView:
    """The item as the caller may see it: read through its section (audited like that section)."""
    item = Item.objects.filter(pk=item_id, portfolio=portfolio).values_list("part", flat=True).first()
    if item is None:
        raise exceptions.NotFound()
    section = view.section_of(portfolio, item)
    found = next((i for i in section.items if i.id == item_id), None)
    if found is None:
        raise exceptions.PermissionDenied()
    return found


@extend_schema_view(
    get=extend_schema(
        summary="Onderdeel", parameters=[PURPOSE], responses=s.OnderdeelSerializer, tags=PORTFOLIO_TAG
    ),
    patch=extend_schema(
        summary="Onderdeel wijzigen (eigenaar)",
        description='Velden die je weglaat blijven zoals ze zijn. `zichtbaarheid: ""` laat het deel beslissen.',
        request=s.OnderdeelWijzigingSerializer,
        responses=s.OnderdeelSerializer,
        tags=PORTFOLIO_TAG,
    ),
    delete=extend_schema(
        summary="Onderdeel verwijderen (eigenaar)", responses={204: None}, tags=PORTFOLIO_TAG
    ),
)
class OnderdeelDetailView(_PortfolioApi):
    serializer_class = s.OnderdeelSerializer
    http_method_names = ["get", "patch", "delete", "options"]

    def get(self, request: Any, id: int, onderdeelId: int) -> Response:
        portfolio = _portfolio_or_404(id)
        return Response(s.OnderdeelSerializer(_visible_item(self, portfolio, onderdeelId)).data)

    def _own_item(self, id: int, item_id: int) -> Item:
        portfolio = self.owned(id)
        return get_object_or_404(
            Item.objects.select_related("portfolio", "category"), pk=item_id, portfolio=portfolio
        )

    def patch(self, request: Any, id: int, onderdeelId: int) -> Response:
        item = self._own_item(id, onderdeelId)
        serializer = s.OnderdeelWijzigingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kwargs = _item_kwargs(serializer.validated_data)
        _call(s.ITEM_FIELDS, lambda: services.item_update(actor=request.user, item=item, **kwargs))
        return Response(s.OnderdeelSerializer(_visible_item(self, item.portfolio, item.pk)).data)

    def delete(self, request: Any, id: int, onderdeelId: int) -> Response:
        item = self._own_item(id, onderdeelId)
        _call(s.ITEM_FIELDS, lambda: services.item_delete(actor=request.user, item=item))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- skills profile ------------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Vaardighedenprofiel",
        description="Onderschrijvingen staan erbij als de eigenaar die toont (anders null).",
        parameters=[PURPOSE],
        responses=s.ProfielVaardigheidSerializer(many=True),
        tags=PORTFOLIO_TAG,
    )
)
class ProfielListView(_PortfolioApi):
    serializer_class = s.ProfielVaardigheidSerializer

    def get(self, request: Any, id: int) -> Response:
        skills = list(self.section_of(_portfolio_or_404(id), Section.SKILLS).skills)
        page = self.paginate_queryset(skills) or []  # type: ignore[arg-type]
        return self.get_paginated_response(s.ProfielVaardigheidSerializer(page, many=True).data)


def _profile_skill_view(view: _PortfolioApi, portfolio: Portfolio, skill_id: int) -> access.ProfileSkillView:
    profile = view.section_of(portfolio, Section.SKILLS)
    found = next((p for p in profile.skills if p.skill.id == skill_id), None)
    if found is None:
        raise exceptions.NotFound()
    return found


@extend_schema_view(
    put=extend_schema(
        summary="Vaardigheid in het profiel zetten (eigenaar)",
        description="Voegt de vaardigheid toe of wijzigt niveau en ondersteunende onderdelen.",
        request=s.ProfielVaardigheidInvoerSerializer,
        responses=s.ProfielVaardigheidSerializer,
        tags=PORTFOLIO_TAG,
    ),
    delete=extend_schema(
        summary="Vaardigheid uit het profiel halen (eigenaar)", responses={204: None}, tags=PORTFOLIO_TAG
    ),
)
class ProfielVaardigheidView(_PortfolioApi):
    serializer_class = s.ProfielVaardigheidSerializer
    http_method_names = ["put", "delete", "options"]

    def put(self, request: Any, id: int, vaardigheidId: int) -> Response:
        portfolio = self.owned(id)
        skill = get_object_or_404(Skill, pk=vaardigheidId)
        serializer = s.ProfielVaardigheidInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ids = list(dict.fromkeys(serializer.validated_data.get("bewijsOnderdelen", [])))
        items = list(Item.objects.filter(portfolio=portfolio, pk__in=ids))
        if len(items) != len(ids):
            raise exceptions.ValidationError(
                {"bewijsOnderdelen": [_("Kies onderdelen uit je eigen portfolio.")]}
            )
        _call(
            s.PROFILE_SKILL_FIELDS,
            lambda: services.portfolio_skill_set(
                actor=request.user,
                portfolio=portfolio,
                skill=skill,
                level=serializer.validated_data["niveau"],
                evidence_items=items,
            ),
        )
        return Response(s.ProfielVaardigheidSerializer(_profile_skill_view(self, portfolio, skill.pk)).data)

    def delete(self, request: Any, id: int, vaardigheidId: int) -> Response:
        portfolio = self.owned(id)
        profile_skill = get_object_or_404(PortfolioSkill, portfolio=portfolio, skill_id=vaardigheidId)
        services.portfolio_skill_remove(actor=request.user, portfolio_skill=profile_skill)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    get=extend_schema(
        summary="Voorgestelde vaardigheden (eigenaar)",
        description=(
            "De essentiële ESCO-vaardigheden van je huidige beroep(en) die nog niet in je profiel staan. "
            "Alleen voorstellen: er wordt nooit iets vanzelf toegevoegd."
        ),
        tags=PORTFOLIO_TAG,
    )
)
class VaardigheidSuggestiesView(_PortfolioApi):
    serializer_class = s.SkillRefSerializer

    def get(self, request: Any, id: int) -> Response:
        portfolio = self.owned(id)
        refs = [access.skill_ref(skill) for skill in selectors.skill_suggestions_for(portfolio=portfolio)]
        page = self.paginate_queryset(refs) or []  # type: ignore[arg-type]
        return self.get_paginated_response(s.SkillRefSerializer(page, many=True).data)


@extend_schema_view(
    put=extend_schema(
        summary="Vaardigheid onderschrijven",
        description=(
            "Je staat in voor deze vaardigheid van een collega (één keer; nog eens verandert niets). Kan als je "
            "het vaardighedenprofiel mag zien en het niet je eigen profiel is. De eigenaar krijgt een melding."
        ),
        request=None,
        responses=s.ProfielVaardigheidSerializer,
        tags=PORTFOLIO_TAG,
    ),
    delete=extend_schema(
        summary="Eigen onderschrijving intrekken", responses={204: None}, tags=PORTFOLIO_TAG
    ),
)
class OnderschrijvingView(_PortfolioApi):
    serializer_class = s.ProfielVaardigheidSerializer
    http_method_names = ["put", "delete", "options"]

    def _profile_skill(self, id: int, skill_id: int) -> PortfolioSkill:
        portfolio = _portfolio_or_404(id)
        return get_object_or_404(
            PortfolioSkill.objects.select_related("portfolio", "skill"),
            portfolio=portfolio,
            skill_id=skill_id,
        )

    def put(self, request: Any, id: int, vaardigheidId: int) -> Response:
        profile_skill = self._profile_skill(id, vaardigheidId)
        services.endorsement_add(actor=request.user, portfolio_skill=profile_skill)
        return Response(
            s.ProfielVaardigheidSerializer(
                _profile_skill_view(self, profile_skill.portfolio, vaardigheidId)
            ).data
        )

    def delete(self, request: Any, id: int, vaardigheidId: int) -> Response:
        profile_skill = self._profile_skill(id, vaardigheidId)
        person_id = self.principal.person_id
        endorsement = Endorsement.objects.filter(portfolio_skill=profile_skill, endorser_id=person_id).first()
        if endorsement is None:
            raise exceptions.PermissionDenied() if person_id is None else exceptions.NotFound()
        services.endorsement_remove(actor=request.user, endorsement=endorsement)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- who viewed my portfolio ---------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Wie heeft mijn portfolio bekeken (eigenaar)",
        description="Elke inzage van een niet-openbaar deel en elke geweigerde poging: wie, welk deel, wanneer, doel.",
        tags=PORTFOLIO_TAG,
    )
)
class BekekenView(_PortfolioApi):
    serializer_class = s.InzageSerializer

    def get(self, request: Any, id: int) -> Response:
        portfolio = self.owned(id)
        entries = selectors.portfolio_views_log(owner_person=portfolio.person)
        page = self.paginate_queryset(entries) or []  # type: ignore[arg-type]
        return self.get_paginated_response(s.InzageSerializer(page, many=True).data)


# --- access requests -----------------------------------------------------------------------------------------


def _request_queryset() -> Any:
    return AccessRequest.objects.select_related("portfolio__person", "requester")


@extend_schema_view(
    get=extend_schema(
        summary="Mijn inzageverzoeken",
        description="`richting=inkomend`: verzoeken om inzage in je portfolio; `uitgaand`: je verzoeken aan anderen.",
        parameters=[OpenApiParameter("richting", str, enum=["inkomend", "uitgaand"])],
        responses=s.InzageverzoekSerializer(many=True),
        tags=["inzageverzoeken"],
    ),
    post=extend_schema(
        summary="Inzage vragen",
        description="In een deel 'op aanvraag' van het portfolio van een collega, met een doel. De eigenaar krijgt een melding.",
        request=s.InzageverzoekInvoerSerializer,
        responses={201: s.InzageverzoekSerializer},
        tags=["inzageverzoeken"],
    ),
)
class InzageverzoekListView(_PortfolioApi):
    serializer_class = s.InzageverzoekSerializer

    def get(self, request: Any) -> Response:
        person = getattr(request.user, "person", None)
        if person is None or not self.principal.is_civil_servant:
            raise exceptions.PermissionDenied()
        direction = request.query_params.get("richting", "inkomend")
        if direction == "inkomend":
            queryset = selectors.requests_incoming(owner_person=person)
        elif direction == "uitgaand":
            queryset = selectors.requests_outgoing(requester_person=person)
        else:
            raise exceptions.ValidationError({"richting": [_("Kies inkomend of uitgaand.")]})
        queryset = queryset.select_related("portfolio__person", "requester")
        page = self.paginate_queryset(queryset) or []
        return self.get_paginated_response(s.InzageverzoekSerializer(page, many=True).data)

    def post(self, request: Any) -> Response:
        if not self.principal.is_civil_servant:
            raise exceptions.PermissionDenied()
        serializer = s.InzageverzoekInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        portfolio = (
            Portfolio.objects.select_related("person")
            .filter(pk=serializer.validated_data["portfolio"])
            .first()
        )
        if portfolio is None:
            raise exceptions.ValidationError({"portfolio": [_("Onbekend portfolio.")]})
        section = serializer.validated_data["deel"]
        state = access.section_request_state(user=request.user, portfolio=portfolio, section=section)
        if state == "no":  # one's own portfolio, or nothing in this section is op aanvraag
            raise exceptions.PermissionDenied(_("Dit deel van dit portfolio is niet op aanvraag in te zien."))
        if state == "granted":
            raise exceptions.PermissionDenied(_("Je hebt al inzage in dit deel."))
        access_request = _call(
            s.REQUEST_FIELDS,
            lambda: services.access_request_create(
                actor=request.user,
                portfolio=portfolio,
                section=serializer.validated_data["deel"],
                purpose=serializer.validated_data["doel"],
            ),
        )
        access_request = _request_queryset().get(pk=access_request.pk)
        return Response(s.InzageverzoekSerializer(access_request).data, status=status.HTTP_201_CREATED)


def _party_request(view: _PortfolioApi, id: int) -> AccessRequest:
    """An access request the caller is a party to (the owner or the requester); others get a 403."""
    access_request = get_object_or_404(_request_queryset(), pk=id)
    person_id = view.principal.person_id
    if person_id is None or person_id not in (
        access_request.portfolio.person_id,
        access_request.requester_id,
    ):
        raise exceptions.PermissionDenied()
    return access_request


@extend_schema_view(get=extend_schema(summary="Inzageverzoek", tags=["inzageverzoeken"]))
class InzageverzoekDetailView(_PortfolioApi):
    serializer_class = s.InzageverzoekSerializer

    def get(self, request: Any, id: int) -> Response:
        return Response(s.InzageverzoekSerializer(_party_request(self, id)).data)


class _InzageverzoekActie(_PortfolioApi):
    """POST ``/inzageverzoeken/{id}/<actie>``: a decision on a request by one of its parties."""

    serializer_class = s.InzageverzoekSerializer
    input_serializer: type | None = None

    def act(self, request: Any, access_request: AccessRequest, data: Mapping[str, Any]) -> AccessRequest:
        raise NotImplementedError

    def post(self, request: Any, id: int) -> Response:
        access_request = _party_request(self, id)
        data: Mapping[str, Any] = {}
        if self.input_serializer is not None:
            serializer = self.input_serializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
        with transaction.atomic():
            _call(s.REQUEST_FIELDS, lambda: self.act(request, access_request, data))
        return Response(s.InzageverzoekSerializer(_request_queryset().get(pk=access_request.pk)).data)


@extend_schema_view(
    post=extend_schema(
        summary="Inzageverzoek goedkeuren (eigenaar)",
        description="Voor `dagen` dagen (standaard 30, hoogstens 365). De aanvrager krijgt een melding.",
        request=s.GoedkeurenSerializer,
        tags=["inzageverzoeken"],
    )
)
class GoedkeurenView(_InzageverzoekActie):
    input_serializer = s.GoedkeurenSerializer

    def act(self, request: Any, access_request: AccessRequest, data: Mapping[str, Any]) -> AccessRequest:
        return services.access_request_approve(
            actor=request.user, request=access_request, days=data["dagen"], note=data.get("toelichting", "")
        )


@extend_schema_view(
    post=extend_schema(
        summary="Inzageverzoek afwijzen (eigenaar)",
        request=s.AfwijzenSerializer,
        tags=["inzageverzoeken"],
    )
)
class AfwijzenView(_InzageverzoekActie):
    input_serializer = s.AfwijzenSerializer

    def act(self, request: Any, access_request: AccessRequest, data: Mapping[str, Any]) -> AccessRequest:
        return services.access_request_decline(
            actor=request.user, request=access_request, note=data.get("toelichting", "")
        )


@extend_schema_view(
    post=extend_schema(
        summary="Eigen inzageverzoek terugtrekken (aanvrager)", request=None, tags=["inzageverzoeken"]
    )
)
class TerugtrekkenView(_InzageverzoekActie):
    def act(self, request: Any, access_request: AccessRequest, data: Mapping[str, Any]) -> AccessRequest:
        return services.access_request_withdraw(actor=request.user, request=access_request)


@extend_schema_view(
    post=extend_schema(
        summary="Gegeven inzage intrekken (eigenaar)",
        description="De inzage stopt direct; de aanvrager krijgt een melding.",
        request=None,
        tags=["inzageverzoeken"],
    )
)
class IntrekkenView(_InzageverzoekActie):
    def act(self, request: Any, access_request: AccessRequest, data: Mapping[str, Any]) -> AccessRequest:
        return services.access_grant_revoke(actor=request.user, request=access_request)


# --- notifications -------------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Mijn meldingen",
        parameters=[OpenApiParameter("ongelezen", bool, description="Alleen ongelezen meldingen.")],
        responses=s.MeldingSerializer(many=True),
        tags=["meldingen"],
    )
)
class MeldingListView(ApiView):
    serializer_class = s.MeldingSerializer

    def get(self, request: Any) -> Response:
        unread = request.query_params.get("ongelezen", "").lower() in ("true", "1", "ja")
        queryset = notification_selectors.notifications_for(user=request.user, unread_only=unread)
        page = self.paginate_queryset(queryset) or []
        return self.get_paginated_response(s.MeldingSerializer(page, many=True).data)


@extend_schema_view(
    get=extend_schema(summary="Melding", tags=["meldingen"]),
    patch=extend_schema(
        summary="Melding als gelezen markeren",
        request=s.MeldingWijzigingSerializer,
        responses=s.MeldingSerializer,
        tags=["meldingen"],
    ),
)
class MeldingDetailView(ApiView):
    serializer_class = s.MeldingSerializer
    http_method_names = ["get", "patch", "options"]

    def _mine(self, id: int) -> Notification:
        notification = get_object_or_404(Notification, pk=id)
        if notification.recipient_id != self.request.user.pk:
            raise exceptions.PermissionDenied()
        return notification

    def get(self, request: Any, id: int) -> Response:
        return Response(s.MeldingSerializer(self._mine(id)).data)

    def patch(self, request: Any, id: int) -> Response:
        notification = self._mine(id)
        serializer = s.MeldingWijzigingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if serializer.validated_data["gelezen"]:
            notification = notification_services.notification_mark_read(
                actor=request.user, notification=notification
            )
        elif notification.read_at is not None:
            raise exceptions.ValidationError({"gelezen": [_("Een gelezen melding blijft gelezen.")]})
        return Response(s.MeldingSerializer(notification).data)


# --- item categories -----------------------------------------------------------------------------------------


class _CategoryApi(ApiView):
    serializer_class = s.OnderdeelsoortSerializer

    def require_admin(self) -> None:
        if not can(self.principal, "portfolio.manage_categories"):
            raise exceptions.PermissionDenied()

    def require_reader(self) -> None:
        if not self.principal.is_civil_servant:
            raise exceptions.PermissionDenied()

    def category(self, sleutel: str) -> ItemCategory:
        return get_object_or_404(selectors.categories_all(), key=sleutel)


@extend_schema_view(
    get=extend_schema(
        summary="Soorten onderdelen",
        description=(
            "De soorten waarmee onderdelen gemaakt kunnen worden, met hun velden. `buitenGebruik=true` "
            "(alleen voor functioneel beheer: organisatiebeheerders) toont ook de soorten buiten gebruik."
        ),
        parameters=[OpenApiParameter("deel", str, enum=Part.values), OpenApiParameter("buitenGebruik", bool)],
        responses=s.OnderdeelsoortSerializer(many=True),
        tags=["onderdeelsoorten"],
    ),
    post=extend_schema(
        summary="Soort onderdeel toevoegen (beheer)",
        description="Zonder codewijziging of migratie; de velden worden gecontroleerd tegen het schema.",
        request=s.OnderdeelsoortInvoerSerializer,
        responses={201: s.OnderdeelsoortSerializer},
        tags=["onderdeelsoorten"],
    ),
)
class OnderdeelsoortListView(_CategoryApi):
    def get(self, request: Any) -> Response:
        self.require_reader()
        everything = request.query_params.get("buitenGebruik", "").lower() in ("true", "1", "ja")
        if everything:
            self.require_admin()
        part = request.query_params.get("deel")
        if part is not None and part not in Part.values:
            raise exceptions.ValidationError({"deel": [_("Onbekend deel.")]})
        queryset = selectors.categories_all() if everything else selectors.categories_active()
        if part is not None:
            queryset = queryset.filter(part=part)
        page = self.paginate_queryset(queryset) or []
        return self.get_paginated_response(s.OnderdeelsoortSerializer(page, many=True).data)

    def post(self, request: Any) -> Response:
        self.require_admin()
        serializer = s.OnderdeelsoortInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kwargs = serializer.service_kwargs()
        category = _call(s.CATEGORY_FIELDS, lambda: services.category_create(actor=request.user, **kwargs))
        return Response(s.OnderdeelsoortSerializer(category).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Soort onderdeel", tags=["onderdeelsoorten"]),
    patch=extend_schema(
        summary="Soort onderdeel wijzigen (beheer)",
        request=s.OnderdeelsoortWijzigingSerializer,
        responses=s.OnderdeelsoortSerializer,
        tags=["onderdeelsoorten"],
    ),
)
class OnderdeelsoortDetailView(_CategoryApi):
    http_method_names = ["get", "patch", "options"]

    def get(self, request: Any, sleutel: str) -> Response:
        self.require_reader()
        return Response(s.OnderdeelsoortSerializer(self.category(sleutel)).data)

    def patch(self, request: Any, sleutel: str) -> Response:
        self.require_admin()
        category = self.category(sleutel)
        serializer = s.OnderdeelsoortWijzigingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kwargs = serializer.service_kwargs()
        category = _call(
            s.CATEGORY_FIELDS,
            lambda: services.category_update(actor=request.user, category=category, **kwargs),
        )
        return Response(s.OnderdeelsoortSerializer(category).data)


@extend_schema_view(
    post=extend_schema(
        summary="Soort onderdeel buiten gebruik zetten (beheer)",
        description="Geen nieuwe onderdelen meer van deze soort; bestaande blijven leesbaar en te wijzigen.",
        request=None,
        tags=["onderdeelsoorten"],
    )
)
class BuitenGebruikView(_CategoryApi):
    def post(self, request: Any, sleutel: str) -> Response:
        self.require_admin()
        category = services.category_retire(actor=request.user, category=self.category(sleutel))
        return Response(s.OnderdeelsoortSerializer(category).data)


@extend_schema_view(
    post=extend_schema(
        summary="Soort onderdeel weer in gebruik nemen (beheer)", request=None, tags=["onderdeelsoorten"]
    )
)
class WeerInGebruikView(_CategoryApi):
    def post(self, request: Any, sleutel: str) -> Response:
        self.require_admin()
        category = services.category_restore(actor=request.user, category=self.category(sleutel))
        return Response(s.OnderdeelsoortSerializer(category).data)


# --- finding colleagues ------------------------------------------------------------------------------------


@extend_schema_view(
    post=extend_schema(
        summary="Collega's zoeken",
        description=(
            "Op naam, organisatie (met alles eronder), werklocatie en vaardigheid (met minimumniveau). Alleen wat "
            "je mag zien komt terug: het visitekaartje, en het vaardighedenprofiel alleen als dat deel voor jou "
            "zichtbaar is; op een vaardigheid zoeken vindt alleen wie die zichtbaar heeft. Zoeken met "
            "persoonsgegevens gaat in de body, niet in de URL."
        ),
        request=s.CollegaZoekSerializer,
        responses=s.CollegaResultatenSerializer,
        tags=PORTFOLIO_TAG,
    )
)
class CollegaZoekView(_PortfolioApi):
    serializer_class = s.CollegaSerializer

    def post(self, request: Any) -> Response:
        form = s.CollegaZoekSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        errors: dict[str, list[str]] = {}
        organisation = location = None
        if data.get("organisatie"):
            organisation = Organisation.objects.filter(code=data["organisatie"]).first()
            if organisation is None:
                errors["organisatie"] = [_("Onbekende organisatie.")]
        if data.get("werklocatie"):
            location = Location.objects.filter(code=data["werklocatie"]).first()
            if location is None:
                errors["werklocatie"] = [_("Onbekende werklocatie.")]
        if (
            data.get("vaardigheid")
            and not Skill.objects.filter(pk=data["vaardigheid"], is_group=False).exists()
        ):
            errors["vaardigheid"] = [_("Onbekende vaardigheid: %(ids)s.") % {"ids": data["vaardigheid"]}]
        if data.get("minimumNiveau") and not data.get("vaardigheid"):
            errors["minimumNiveau"] = [_("Een minimumniveau hoort bij een vaardigheid.")]
        if errors:
            raise exceptions.ValidationError(errors)
        query = search.ColleagueQuery(
            name=data.get("naam", ""),
            organisation_id=organisation.pk if organisation else None,
            location_id=location.pk if location else None,
            skill_id=data.get("vaardigheid"),
            min_level=data.get("minimumNiveau", ""),
        )
        if query.is_empty:
            raise exceptions.ValidationError({"": [_("Geef minstens één zoekcriterium.")]})
        results = search.colleagues_search(
            user=request.user, query=query, page=data["pagina"], page_size=data["paginagrootte"]
        )
        portfolios = dict(
            Portfolio.objects.filter(person_id__in=[h.person_id for h in results.hits]).values_list(
                "person_id", "pk"
            )
        )
        return Response(
            {
                "totaal": results.total,
                "paginas": results.pages,
                "pagina": results.page,
                "resultaten": s.CollegaSerializer(
                    results.hits, many=True, context={"portfolios": portfolios}
                ).data,
            }
        )


# --- export and import -------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Portfolio exporteren als JSON (eigenaar)",
        description=(
            "Het hele portfolio als download, in het geversioneerde exportformaat "
            "(`portfolios/data/export-schema-1.0.json`, zie docs/operators/portfolio-export.md). Komt in het auditlog."
        ),
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="Het exportdocument.")},
        tags=PORTFOLIO_TAG,
    )
)
class ExportView(_PortfolioApi):
    def get(self, request: Any, id: int) -> HttpResponse:
        portfolio = _portfolio_or_404(id)
        content = exchange.portfolio_export(user=request.user, portfolio=portfolio)
        response = HttpResponse(content, content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{exchange.export_filename(".json")}"'
        return response


@extend_schema_view(
    post=extend_schema(
        summary="Export importeren (eigenaar)",
        description=(
            "Een eerdere export (de body is het exportdocument). Alles of niets: bij een fout wordt niets "
            "geschreven en staan de problemen in invalidParams, met als naam de JSON-pointer in het document. "
            "Twee keer dezelfde export importeren verandert de tweede keer niets."
        ),
        request=OpenApiTypes.OBJECT,
        responses=s.ImportResultaatSerializer,
        tags=PORTFOLIO_TAG,
    )
)
class ImportView(_PortfolioApi):
    serializer_class = s.ImportResultaatSerializer

    def post(self, request: Any, id: int) -> Response:
        portfolio = self.owned(id)
        try:
            result = services.portfolio_import(actor=request.user, portfolio=portfolio, raw=request.body)
        except DjangoValidationError as exc:  # keyed by JSON pointer: names as they are
            raise exceptions.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc
        return Response(s.ImportResultaatSerializer(result).data)
