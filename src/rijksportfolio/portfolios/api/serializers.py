# SPDX-License-Identifier: EUPL-1.2
"""Dutch camelCase representations of portfolios (``/api/v1/portfolios`` and friends).

Output serializers read the plain frozen views of ``portfolios.access`` (``PortfolioView`` and its parts),
never the models of someone else's portfolio: what is not in the view is not in the response. Input
serializers only check shapes and types; the rules (who may, what is valid) are the services'.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from rijksportfolio.api.fields import UtcDateTimeField
from rijksportfolio.portfolios.constants import Part, RequestStatus, Section, SkillLevel, Visibility

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
        return "en" if ref.label_is_english else "nl"


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
        source="visibility", choices=ITEM_VISIBILITY_CHOICES, help_text="Eigen zichtbaarheid; leeg: volgt het deel."
    )
    effectieveZichtbaarheid = serializers.ChoiceField(source="effective_visibility", choices=VISIBILITY_CHOICES)
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
        source="evidence_item_ids", child=serializers.IntegerField(), help_text="Alleen onderdelen die u mag zien."
    )
    aantalOnderschrijvingen = serializers.IntegerField(
        source="endorsement_count", allow_null=True, help_text="Null als de eigenaar onderschrijvingen niet toont."
    )
    onderschrijvers = serializers.ListField(source="endorsers", child=serializers.CharField())
    doorMijOnderschreven = serializers.BooleanField(source="endorsed_by_viewer")

    class Meta:
        ref_name = "ProfielVaardigheid"


class VerzoekVerwijzingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=RequestStatus.values)
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
    zichtbaar = serializers.BooleanField(source="visible", help_text="Het deel als geheel is zichtbaar voor u.")
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
    bekijkAls = serializers.CharField(source="preview", help_text="Leeg, of rijk/grant/none bij 'bekijk als'.")
    delen = DeelSerializer(source="sections", many=True)
    onderschrijvingenTonen = serializers.BooleanField(source="show_endorsements")
    beschikbaarUrenPerWeek = serializers.IntegerField(source="available_hours_per_week", allow_null=True)
    beschikbaarVanaf = serializers.DateField(source="available_from", allow_null=True)
    zichtbaarheidGekozen = serializers.SerializerMethodField()
    toestemmingMatching = serializers.BooleanField(source="matching_consent", allow_null=True)

    class Meta:
        ref_name = "Portfolio"

    def get_zichtbaarheidGekozen(self, view: Any) -> bool | None:  # noqa: N802
        return (not view.needs_first_use) if view.is_owner else None


# --- input ---------------------------------------------------------------------------------------------------


class PortfolioInstellingenSerializer(serializers.Serializer):
    kopregel = serializers.CharField(required=False, allow_blank=True, max_length=200)
    onderschrijvingenTonen = serializers.BooleanField(required=False)
    beschikbaarUrenPerWeek = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=40)
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
    toestemming = serializers.BooleanField(help_text="Mag het vaardighedenprofiel voor matching worden gebruikt?")
    gewijzigdOp = UtcDateTimeField(read_only=True, allow_null=True)

    class Meta:
        ref_name = "MatchingToestemming"


class OnderdeelInvoerSerializer(serializers.Serializer):
    soort = serializers.SlugField(help_text="Sleutel van de soort onderdeel (zie /onderdeelsoorten).")
    titel = serializers.CharField(max_length=200)
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
    titel = serializers.CharField(max_length=200, required=False)

    class Meta:
        ref_name = "OnderdeelWijziging"


class ProfielVaardigheidInvoerSerializer(serializers.Serializer):
    niveau = serializers.ChoiceField(choices=SkillLevel.values)
    bewijsOnderdelen = serializers.ListField(child=serializers.IntegerField(), required=False)

    class Meta:
        ref_name = "ProfielVaardigheidInvoer"
