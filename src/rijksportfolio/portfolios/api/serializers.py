# SPDX-License-Identifier: EUPL-1.2
"""Dutch camelCase representations of portfolios (``/api/v1/portfolios`` and friends).

Output serializers read the plain frozen views of ``portfolios.access`` (``PortfolioView`` and its parts),
never the models of someone else's portfolio: what is not in the view is not in the response. Input
serializers only check shapes and types; the rules (who may, what is valid) are the services'.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rijksportfolio.api.fields import UtcDateTimeField
from rijksportfolio.notifications.models import Notification
from rijksportfolio.portfolios.constants import (
    DEFAULT_GRANT_DAYS,
    Part,
    RequestStatus,
    Section,
    SkillLevel,
    Visibility,
)
from rijksportfolio.portfolios.models import AccessRequest
from rijksportfolio.skills.labels import label_for

# JSON property for each service/model field name, so service ValidationErrors point at the client's fields.
PORTFOLIO_FIELDS = {
    "headline": "kopregel",
    "show_endorsements": "onderschrijvingenTonen",
    "available_hours_per_week": "beschikbaarUrenPerWeek",
    "available_from": "beschikbaarVanaf",
    "consent": "toestemming",
}
ITEM_FIELDS = {
    "category": "soort",
    "title": "titel",
    "body": "toelichting",
    "data": "gegevens",
    "start_date": "van",
    "end_date": "tot",
    "visibility": "zichtbaarheid",
    "skills": "vaardigheden",
    "sort_order": "volgorde",
}
PROFILE_SKILL_FIELDS = {"level": "niveau", "skill": "vaardigheid", "evidence_items": "bewijsOnderdelen"}
REQUEST_FIELDS = {
    "section": "deel",
    "purpose": "doel",
    "portfolio": "portfolio",
    "days": "dagen",
    "note": "toelichting",
}
CATEGORY_FIELDS = {
    "key": "sleutel",
    "part": "deel",
    "label_nl": "naam",
    "label_en": "naamEngels",
    "description_nl": "toelichting",
    "description_en": "toelichtingEngels",
    "fields": "velden",
    "allows_evidence": "bewijsstukkenToegestaan",
    "sort_order": "volgorde",
}
VISIBILITY_CHOICES = Visibility.values
ITEM_VISIBILITY_CHOICES = ["", *Visibility.values]


# --- output: the guarded view --------------------------------------------------------------------------------


class SkillRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    uri = serializers.CharField()
    naam = serializers.CharField(source="label")
    taal = serializers.SerializerMethodField(help_text="nl, of en als ESCO geen Nederlandse naam heeft.")

    class Meta:
        ref_name = "VaardigheidVerwijzing"

    def get_taal(self, ref: Any) -> str:
        return str(ref.shown_label.language)  # the language of ``naam``


class BewijsstukSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    bestandsnaam = serializers.CharField(source="display_name")
    soortBestand = serializers.CharField(source="content_type")
    grootte = serializers.IntegerField(source="size", help_text="Bytes.")
    geuploadOp = UtcDateTimeField(source="uploaded_at")

    class Meta:
        ref_name = "Bewijsstuk"


class OnderdeelSerializer(serializers.Serializer):
    """An item of a part. ``toelichting`` is Markdown: render it safely, never as HTML."""

    id = serializers.IntegerField()
    deel = serializers.ChoiceField(source="part", choices=Part.values)
    soort = serializers.CharField(source="category_key")
    soortNaam = serializers.CharField(source="category_label")
    soortBuitenGebruik = serializers.BooleanField(source="category_retired")
    titel = serializers.CharField(source="title")
    toelichting = serializers.CharField(source="body")
    gegevens = serializers.DictField(source="data")
    van = serializers.DateField(source="start_date", allow_null=True)
    tot = serializers.DateField(source="end_date", allow_null=True)
    zichtbaarheid = serializers.ChoiceField(
        source="visibility",
        choices=ITEM_VISIBILITY_CHOICES,
        help_text="Eigen zichtbaarheid; leeg: volgt het deel.",
    )
    effectieveZichtbaarheid = serializers.ChoiceField(
        source="effective_visibility", choices=VISIBILITY_CHOICES
    )
    bron = serializers.CharField(source="source")
    vaardigheden = SkillRefSerializer(source="skills", many=True)
    bewijsstukken = BewijsstukSerializer(source="evidence", many=True)

    class Meta:
        ref_name = "Onderdeel"


class ProfielVaardigheidSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    vaardigheid = SkillRefSerializer(source="skill")
    niveau = serializers.ChoiceField(source="level", choices=SkillLevel.values)
    niveauNaam = serializers.CharField(source="level_label")
    bewijsOnderdelen = serializers.ListField(
        source="evidence_item_ids",
        child=serializers.IntegerField(),
        help_text="Alleen onderdelen die je mag zien.",
    )
    aantalOnderschrijvingen = serializers.IntegerField(
        source="endorsement_count",
        allow_null=True,
        help_text="Null als de eigenaar onderschrijvingen niet toont.",
    )
    onderschrijvers = serializers.ListField(source="endorsers", child=serializers.CharField())
    doorMijOnderschreven = serializers.BooleanField(source="endorsed_by_viewer")

    class Meta:
        ref_name = "ProfielVaardigheid"


class VerzoekVerwijzingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    doel = serializers.CharField(source="purpose")
    aangevraagdOp = UtcDateTimeField(source="requested_at")
    geldigTot = UtcDateTimeField(source="valid_until", allow_null=True)

    class Meta:
        ref_name = "InzageverzoekVerwijzing"


class DeelSerializer(serializers.Serializer):
    """A section (one of the four parts, or the skills profile) as the viewer may see it."""

    deel = serializers.ChoiceField(source="section", choices=Section.values)
    naam = serializers.CharField(source="label")
    zichtbaarheid = serializers.ChoiceField(source="visibility", choices=VISIBILITY_CHOICES)
    zichtbaar = serializers.BooleanField(
        source="visible", help_text="Het deel als geheel is zichtbaar voor jou."
    )
    kanAanvragen = serializers.BooleanField(source="can_request")
    lopendVerzoek = VerzoekVerwijzingSerializer(source="pending_request", allow_null=True)
    actieveInzage = VerzoekVerwijzingSerializer(source="active_grant", allow_null=True)
    onderdelen = OnderdeelSerializer(source="items", many=True)
    vaardigheden = ProfielVaardigheidSerializer(source="skills", many=True)

    class Meta:
        ref_name = "PortfolioDeel"


class EigenaarSerializer(serializers.Serializer):
    naam = serializers.CharField(source="full_name")
    kopregel = serializers.CharField(source="headline")
    functienaam = serializers.CharField(source="job_title")
    organisatie = serializers.CharField(source="organisation_name")

    class Meta:
        ref_name = "PortfolioEigenaar"


class PortfolioSerializer(serializers.Serializer):
    """A portfolio as the viewer may see it: hidden sections are listed (with ``zichtbaar: false``) but
    hold nothing. ``zichtbaarheidGekozen`` and ``toestemmingMatching`` are for the owner only (else null)."""

    id = serializers.IntegerField(source="portfolio_id")
    eigenaar = EigenaarSerializer(source="owner")
    isEigenaar = serializers.BooleanField(source="is_owner")
    bekijkAls = serializers.CharField(
        source="preview", help_text="Leeg, of rijk/grant/none bij 'bekijk als'."
    )
    delen = DeelSerializer(source="sections", many=True)
    onderschrijvingenTonen = serializers.BooleanField(source="show_endorsements")
    beschikbaarUrenPerWeek = serializers.IntegerField(source="available_hours_per_week", allow_null=True)
    beschikbaarVanaf = serializers.DateField(source="available_from", allow_null=True)
    zichtbaarheidGekozen = serializers.SerializerMethodField()
    toestemmingMatching = serializers.BooleanField(source="matching_consent", allow_null=True)

    class Meta:
        ref_name = "Portfolio"

    def get_zichtbaarheidGekozen(self, view: Any) -> bool | None:
        return (not view.needs_first_use) if view.is_owner else None


# --- input ---------------------------------------------------------------------------------------------------


class PortfolioInstellingenSerializer(serializers.Serializer):
    kopregel = serializers.CharField(required=False, allow_blank=True, max_length=200)
    onderschrijvingenTonen = serializers.BooleanField(required=False)
    beschikbaarUrenPerWeek = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=40
    )
    beschikbaarVanaf = serializers.DateField(required=False, allow_null=True)

    class Meta:
        ref_name = "PortfolioInstellingen"

    def service_kwargs(self) -> dict[str, Any]:
        names = {v: k for k, v in PORTFOLIO_FIELDS.items()}
        return {names[key]: value for key, value in self.validated_data.items()}


class ZichtbaarheidSerializer(serializers.Serializer):
    """The visibility of each section; in a PATCH, sections left out stay as they are."""

    dossier = serializers.ChoiceField(choices=VISIBILITY_CHOICES, required=False)
    analytisch = serializers.ChoiceField(choices=VISIBILITY_CHOICES, required=False)
    ambitie = serializers.ChoiceField(choices=VISIBILITY_CHOICES, required=False)
    vrij = serializers.ChoiceField(choices=VISIBILITY_CHOICES, required=False)
    vaardigheden = serializers.ChoiceField(choices=VISIBILITY_CHOICES, required=False)

    class Meta:
        ref_name = "PortfolioZichtbaarheid"


class ToestemmingSerializer(serializers.Serializer):
    toestemming = serializers.BooleanField(
        help_text="Mag het vaardighedenprofiel voor matching worden gebruikt?"
    )
    gewijzigdOp = UtcDateTimeField(read_only=True, allow_null=True)

    class Meta:
        ref_name = "MatchingToestemming"


class OnderdeelInvoerSerializer(serializers.Serializer):
    soort = serializers.SlugField(help_text="Sleutel van de soort onderdeel (zie /onderdeelsoorten).")
    # Blank passes here so that the service reports it together with the category's fields.
    titel = serializers.CharField(max_length=200, allow_blank=True)
    toelichting = serializers.CharField(required=False, allow_blank=True, help_text="Markdown.")
    gegevens = serializers.DictField(required=False, help_text="Velden van de soort, op hun sleutel.")
    van = serializers.DateField(required=False, allow_null=True)
    tot = serializers.DateField(required=False, allow_null=True)
    zichtbaarheid = serializers.ChoiceField(choices=ITEM_VISIBILITY_CHOICES, required=False, allow_blank=True)
    vaardigheden = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="Ids van vaardigheden (/vaardigheden)."
    )
    volgorde = serializers.IntegerField(required=False)

    class Meta:
        ref_name = "OnderdeelInvoer"


class OnderdeelWijzigingSerializer(OnderdeelInvoerSerializer):
    soort = None  # type: ignore[assignment]  # an item keeps its category
    titel = serializers.CharField(max_length=200, required=False, allow_blank=True)

    class Meta:
        ref_name = "OnderdeelWijziging"


class ProfielVaardigheidInvoerSerializer(serializers.Serializer):
    niveau = serializers.ChoiceField(choices=SkillLevel.values)
    bewijsOnderdelen = serializers.ListField(child=serializers.IntegerField(), required=False)

    class Meta:
        ref_name = "ProfielVaardigheidInvoer"


# --- who viewed, access requests, notifications ----------------------------------------------------------


class InzageSerializer(serializers.Serializer):
    """One entry of "wie heeft mijn portfolio bekeken"."""

    op = UtcDateTimeField(source="at")
    wie = serializers.CharField(source="actor_label")
    deel = serializers.CharField(source="section", help_text="Leeg: een poging het hele portfolio te openen.")
    deelNaam = serializers.CharField(source="section_label")
    doel = serializers.CharField(source="purpose")
    uitkomst = serializers.CharField(
        source="outcome", help_text="success, of denied voor een geweigerde poging."
    )

    class Meta:
        ref_name = "PortfolioInzage"


class InzageverzoekSerializer(serializers.ModelSerializer):
    portfolio = serializers.IntegerField(source="portfolio_id")
    eigenaar = serializers.CharField(source="portfolio.person.full_name")
    aanvrager = serializers.CharField(source="requester.full_name")
    deel = serializers.ChoiceField(source="section", choices=Section.values)
    doel = serializers.CharField(source="purpose")
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    aangevraagdOp = UtcDateTimeField(source="requested_at")
    besluitOp = UtcDateTimeField(source="decided_at", allow_null=True)
    toelichting = serializers.CharField(source="decision_note")
    geldigTot = UtcDateTimeField(source="valid_until", allow_null=True)
    ingetrokkenOp = UtcDateTimeField(source="revoked_at", allow_null=True)

    class Meta:
        model = AccessRequest
        fields = [
            "id",
            "portfolio",
            "eigenaar",
            "aanvrager",
            "deel",
            "doel",
            "status",
            "aangevraagdOp",
            "besluitOp",
            "toelichting",
            "geldigTot",
            "ingetrokkenOp",
        ]
        ref_name = "Inzageverzoek"


class InzageverzoekInvoerSerializer(serializers.Serializer):
    portfolio = serializers.IntegerField(help_text="Id van het portfolio (zie /portfolios/{id}).")
    deel = serializers.ChoiceField(choices=Section.values)
    doel = serializers.CharField(max_length=300, help_text="Waarvoor je inzage wilt; de eigenaar ziet het.")

    class Meta:
        ref_name = "InzageverzoekInvoer"


class GoedkeurenSerializer(serializers.Serializer):
    dagen = serializers.IntegerField(required=False, default=DEFAULT_GRANT_DAYS, min_value=1, max_value=365)
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=300)

    class Meta:
        ref_name = "InzageverzoekGoedkeuren"


class AfwijzenSerializer(serializers.Serializer):
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=300)

    class Meta:
        ref_name = "InzageverzoekAfwijzen"


class MeldingSerializer(serializers.ModelSerializer):
    soort = serializers.CharField(source="kind")
    onderwerp = serializers.CharField(source="subject")
    bericht = serializers.CharField(source="body")
    link = serializers.CharField(source="url")
    verstuurdOp = UtcDateTimeField(source="created_at")
    gelezenOp = UtcDateTimeField(source="read_at", allow_null=True)

    class Meta:
        model = Notification
        fields = ["id", "soort", "onderwerp", "bericht", "link", "verstuurdOp", "gelezenOp"]
        ref_name = "Melding"


class MeldingWijzigingSerializer(serializers.Serializer):
    gelezen = serializers.BooleanField()

    class Meta:
        ref_name = "MeldingWijziging"


# --- item categories -----------------------------------------------------------------------------------------

# A category field definition: stored with English keys (domain.portfolio_schema), shown in Dutch camelCase.
FIELD_KEYS = {
    "key": "sleutel",
    "label_nl": "naam",
    "label_en": "naamEngels",
    "type": "soort",
    "required": "verplicht",
    "choices": "keuzes",
    "help_nl": "uitleg",
    "help_en": "uitlegEngels",
}
CHOICE_KEYS = {"value": "waarde", "label_nl": "naam", "label_en": "naamEngels"}


def _renamed(data: Any, names: dict[str, str]) -> Any:
    """Rename the keys of a dict by ``names`` (unknown keys kept as they are, so the schema can report them)."""
    if not isinstance(data, dict):
        return data
    return {names.get(key, key): value for key, value in data.items()}


def field_out(definition: dict[str, Any]) -> dict[str, Any]:
    out = _renamed(definition, FIELD_KEYS)
    if isinstance(out.get("keuzes"), list):
        out["keuzes"] = [_renamed(c, CHOICE_KEYS) for c in out["keuzes"]]
    return out


def field_in(definition: Any) -> Any:
    back = _renamed(definition, {v: k for k, v in FIELD_KEYS.items()})
    if isinstance(back, dict) and isinstance(back.get("choices"), list):
        back["choices"] = [_renamed(c, {v: k for k, v in CHOICE_KEYS.items()}) for c in back["choices"]]
    return back


class VeldSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    naam = serializers.CharField()
    naamEngels = serializers.CharField()
    soort = serializers.ChoiceField(
        choices=["text", "markdown", "date", "integer", "url", "choice", "boolean"]
    )
    verplicht = serializers.BooleanField()
    keuzes = serializers.ListField(child=serializers.DictField(), required=False)
    uitleg = serializers.CharField(required=False)
    uitlegEngels = serializers.CharField(required=False)

    class Meta:
        ref_name = "OnderdeelsoortVeld"


class OnderdeelsoortSerializer(serializers.Serializer):
    sleutel = serializers.CharField(source="key")
    deel = serializers.ChoiceField(source="part", choices=Part.values)
    naam = serializers.CharField(source="label_nl")
    naamEngels = serializers.CharField(source="label_en")
    toelichting = serializers.CharField(source="description_nl")
    toelichtingEngels = serializers.CharField(source="description_en")
    velden = serializers.SerializerMethodField()
    bewijsstukkenToegestaan = serializers.BooleanField(source="allows_evidence")
    volgorde = serializers.IntegerField(source="sort_order")
    ingebouwd = serializers.BooleanField(source="builtin")
    schemaversie = serializers.IntegerField(source="schema_version")
    buitenGebruikSinds = UtcDateTimeField(source="retired_at", allow_null=True)

    class Meta:
        ref_name = "Onderdeelsoort"

    @extend_schema_field(VeldSerializer(many=True))
    def get_velden(self, category: Any) -> list[dict[str, Any]]:
        return [field_out(f) for f in category.fields]


class OnderdeelsoortWijzigingSerializer(serializers.Serializer):
    """Key and part stay once made (items refer to them); a field in use cannot be removed or change type."""

    naam = serializers.CharField(required=False, allow_blank=True)
    naamEngels = serializers.CharField(required=False, allow_blank=True)
    toelichting = serializers.CharField(required=False, allow_blank=True)
    toelichtingEngels = serializers.CharField(required=False, allow_blank=True)
    velden = serializers.ListField(child=serializers.JSONField(), required=False)
    bewijsstukkenToegestaan = serializers.BooleanField(required=False)
    volgorde = serializers.IntegerField(required=False, min_value=0, max_value=32767)

    class Meta:
        ref_name = "OnderdeelsoortWijziging"

    def service_kwargs(self) -> dict[str, Any]:
        names = {v: k for k, v in CATEGORY_FIELDS.items()}
        kwargs = {names[key]: value for key, value in self.validated_data.items()}
        if "fields" in kwargs:
            kwargs["fields"] = [field_in(f) for f in kwargs["fields"]]
        return kwargs


class OnderdeelsoortInvoerSerializer(OnderdeelsoortWijzigingSerializer):
    sleutel = serializers.CharField(max_length=60)
    deel = serializers.ChoiceField(choices=Part.values)
    naam = serializers.CharField(allow_blank=True)
    naamEngels = serializers.CharField(allow_blank=True)
    velden = serializers.ListField(child=serializers.JSONField(), required=False, default=list)

    class Meta:
        ref_name = "OnderdeelsoortInvoer"


# --- finding colleagues, export and import -------------------------------------------------------------------


class CollegaZoekSerializer(serializers.Serializer):
    """Search with personal criteria: in the body, never in the URL. At least one criterion."""

    naam = serializers.CharField(required=False, allow_blank=True, max_length=100)
    organisatie = serializers.CharField(
        required=False, help_text="Code van een organisatie: de hele deelboom."
    )
    werklocatie = serializers.CharField(required=False, help_text="Code van een werklocatie.")
    vaardigheid = serializers.IntegerField(
        required=False, help_text="Id van een vaardigheid (/vaardigheden)."
    )
    minimumNiveau = serializers.ChoiceField(choices=SkillLevel.values, required=False)
    pagina = serializers.IntegerField(required=False, min_value=1, default=1)
    paginagrootte = serializers.IntegerField(required=False, min_value=1, max_value=100, default=25)

    class Meta:
        ref_name = "CollegaZoekvraag"


class GetoondeVaardigheidSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="skill_id")
    naam = serializers.SerializerMethodField()
    taal = serializers.SerializerMethodField()
    niveau = serializers.ChoiceField(source="level", choices=SkillLevel.values)
    gezocht = serializers.BooleanField(source="matched", help_text="De vaardigheid waarop gezocht is.")

    class Meta:
        ref_name = "CollegaVaardigheid"

    # the Dutch label, else the English one (as documented), whatever the language of the request
    def get_naam(self, shown: Any) -> str:
        return label_for(shown.preferred_label_nl, shown.preferred_label_en, language="nl").text

    def get_taal(self, shown: Any) -> str:
        return label_for(shown.preferred_label_nl, shown.preferred_label_en, language="nl").language


class CollegaSerializer(serializers.Serializer):
    """A hit: the directory card, and the skills profile only when the searcher may see it."""

    naam = serializers.CharField(source="name")
    functies = serializers.ListField(source="job_titles", child=serializers.CharField())
    organisaties = serializers.SerializerMethodField()
    werklocatie = serializers.CharField(source="location")
    portfolio = serializers.SerializerMethodField(
        help_text="Id voor /portfolios/{id}; null als er nog geen is."
    )
    vaardighedenZichtbaar = serializers.BooleanField(source="skills_visible")
    vaardigheden = GetoondeVaardigheidSerializer(source="skills", many=True)
    aantalVaardigheden = serializers.IntegerField(source="skill_count")

    class Meta:
        ref_name = "Collega"

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_organisaties(self, hit: Any) -> list[dict[str, Any]]:
        return [{"id": pk, "naam": name} for pk, name in hit.organisations]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_portfolio(self, hit: Any) -> int | None:
        return self.context.get("portfolios", {}).get(hit.person_id)


class CollegaResultatenSerializer(serializers.Serializer):
    totaal = serializers.IntegerField()
    paginas = serializers.IntegerField()
    pagina = serializers.IntegerField()
    resultaten = CollegaSerializer(many=True)

    class Meta:
        ref_name = "CollegaResultaten"


class ImportResultaatSerializer(serializers.Serializer):
    onderdelenToegevoegd = serializers.IntegerField(source="items_created")
    onderdelenOngewijzigd = serializers.IntegerField(source="items_unchanged")
    bewijsstukkenToegevoegd = serializers.IntegerField(source="evidence_added")
    vaardighedenGewijzigd = serializers.IntegerField(source="skills_changed")
    soortenToegevoegd = serializers.IntegerField(source="categories_created")
    instellingenGewijzigd = serializers.BooleanField(source="settings_changed")
    gewijzigd = serializers.BooleanField(source="changed")
    waarschuwingen = serializers.SerializerMethodField()

    class Meta:
        ref_name = "PortfolioImportResultaat"

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_waarschuwingen(self, result: Any) -> list[dict[str, str]]:
        return [{"pointer": w.pointer, "melding": w.message} for w in result.warnings]
