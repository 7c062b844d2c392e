# SPDX-License-Identifier: EUPL-1.2
"""Dutch camelCase representations of ESCO skills (``/api/v1/vaardigheden``)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from rijksportfolio.skills.models import RIJK_SKILL_URI_PREFIX, RijkLabel, Skill
from rijksportfolio.skills.selectors import SkillHit, skill_label


class VaardigheidSerializer(serializers.Serializer):
    """A skill: ``naam`` is the Dutch label where ESCO has one, else the English one with ``taal: "en"``."""

    id = serializers.IntegerField()
    uri = serializers.CharField()
    naam = serializers.CharField()
    taal = serializers.ChoiceField(
        choices=["nl", "en"], help_text="Taal van naam (en: geen Nederlandse naam)."
    )
    soort = serializers.CharField(help_text="ESCO skillType: skill/competence of knowledge.")

    class Meta:
        ref_name = "Vaardigheid"


class VaardigheidZoekresultaatSerializer(VaardigheidSerializer):
    gevondenOp = serializers.CharField(
        help_text="De (alternatieve) naam waarop gevonden is, als die niet de getoonde naam is; anders leeg."
    )
    score = serializers.FloatField(
        allow_null=True, help_text="Relevantie tussen 0 en 1 bij zoeken (resultaten op score); anders null."
    )

    class Meta:
        ref_name = "VaardigheidZoekresultaat"


class VaardigheidDetailSerializer(VaardigheidSerializer):
    omschrijving = serializers.CharField()
    alternatieveNamen = serializers.ListField(child=serializers.CharField())
    naamEngels = serializers.CharField()

    class Meta:
        ref_name = "VaardigheidDetail"


def skill_data(skill: Skill) -> dict[str, Any]:
    label = skill_label(skill, language="nl")
    return {
        "id": skill.pk,
        "uri": skill.uri,
        "naam": label.text,
        "taal": label.language,
        "soort": skill.skill_type,
    }


def skill_detail_data(skill: Skill) -> dict[str, Any]:
    dutch = bool(skill.preferred_label_nl)
    return {
        **skill_data(skill),
        "omschrijving": skill.description_nl if dutch and skill.description_nl else skill.description_en,
        "alternatieveNamen": list(skill.alt_labels_nl if dutch else skill.alt_labels_en),
        "naamEngels": skill.preferred_label_en,
    }


def listed_skill_data(skill: Skill) -> dict[str, Any]:
    """A skill in the list without a search: the shape of a search result, without score."""
    return {**skill_data(skill), "gevondenOp": "", "score": None}


def hit_data(hit: SkillHit) -> dict[str, Any]:
    return {**skill_data(hit.skill), "gevondenOp": hit.matched_label, "score": hit.score}


class NederlandseNaamSerializer(serializers.Serializer):
    """A Dutch label the Rijk gives an ESCO skill (the Rijk extension of the taxonomy)."""

    vaardigheid = serializers.IntegerField(read_only=True, help_text="Id van de ESCO-vaardigheid.")
    uri = serializers.CharField(read_only=True)
    naam = serializers.CharField(max_length=300, help_text="Nederlandse naam van het Rijk.")
    alternatieveNamen = serializers.ListField(
        child=serializers.CharField(max_length=300), required=False, default=list, max_length=30
    )
    herkomst = serializers.ChoiceField(
        choices=["team", "beheer"],
        read_only=True,
        help_text="team: meegeleverd door het Rijksportfolio-team; beheer: door een taxonomiebeheerder.",
    )
    naamEsco = serializers.CharField(
        read_only=True, help_text="De Nederlandse naam van ESCO zelf (kan leeg zijn)."
    )
    gewijzigdOp = serializers.DateTimeField(read_only=True)

    class Meta:
        ref_name = "NederlandseNaam"


class RijkVaardigheidSerializer(serializers.Serializer):
    """A Rijk-specific skill: not in ESCO, always narrower than an ESCO concept (``breder``)."""

    id = serializers.IntegerField(read_only=True)
    sleutel = serializers.CharField(max_length=80, help_text="Kleine letters, cijfers en koppeltekens.")
    uri = serializers.CharField(read_only=True, help_text="urn:rijksportfolio:vaardigheid:<sleutel>")
    naam = serializers.CharField(max_length=300)
    alternatieveNamen = serializers.ListField(
        child=serializers.CharField(max_length=300), required=False, default=list, max_length=30
    )
    soort = serializers.ChoiceField(choices=["vaardigheid", "kennis"], default="vaardigheid")
    breder = serializers.CharField(max_length=200, help_text="URI van het bredere ESCO-concept.")
    omschrijving = serializers.CharField(max_length=4000, required=False, default="", allow_blank=True)

    class Meta:
        ref_name = "RijkVaardigheid"


class RijkVaardigheidWijzigingSerializer(RijkVaardigheidSerializer):
    sleutel = serializers.CharField(read_only=True)

    class Meta:
        ref_name = "RijkVaardigheidWijziging"


class ImportInvoerSerializer(serializers.Serializer):
    inhoud = serializers.CharField(
        trim_whitespace=False,
        max_length=5_000_000,
        help_text="Het CSV-bestand als tekst (kopregel uri;naam;alternatieve namen;omschrijving;soort;breder).",
    )

    class Meta:
        ref_name = "RijkUitbreidingImport"


class ImportResultaatSerializer(serializers.Serializer):
    namenNieuw = serializers.IntegerField()
    namenGewijzigd = serializers.IntegerField()
    namenOngewijzigd = serializers.IntegerField()
    rijkVaardighedenNieuw = serializers.IntegerField()
    rijkVaardighedenGewijzigd = serializers.IntegerField()
    rijkVaardighedenOngewijzigd = serializers.IntegerField()

    class Meta:
        ref_name = "RijkUitbreidingImportResultaat"


def rijk_label_data(rijk: RijkLabel) -> dict[str, Any]:
    return {
        "vaardigheid": rijk.skill_id,
        "uri": rijk.skill.uri,
        "naam": rijk.label,
        "alternatieveNamen": list(rijk.alt_labels),
        "herkomst": rijk.source,
        "naamEsco": rijk.esco_label_nl,
        "gewijzigdOp": rijk.changed_at,
    }


def rijk_skill_data(skill: Skill) -> dict[str, Any]:
    broader = sorted(b.uri for b in skill.broader.all())
    return {
        "id": skill.pk,
        "sleutel": skill.uri.removeprefix(RIJK_SKILL_URI_PREFIX),
        "uri": skill.uri,
        "naam": skill.preferred_label_nl,
        "alternatieveNamen": list(skill.alt_labels_nl),
        "soort": "kennis" if skill.skill_type == "knowledge" else "vaardigheid",
        "breder": broader[0] if broader else "",
        "omschrijving": skill.description_nl,
    }


def import_result_data(result: Any) -> dict[str, int]:
    return {
        "namenNieuw": result.labels["created"],
        "namenGewijzigd": result.labels["updated"],
        "namenOngewijzigd": result.labels["unchanged"],
        "rijkVaardighedenNieuw": result.rijk_skills["created"],
        "rijkVaardighedenGewijzigd": result.rijk_skills["updated"],
        "rijkVaardighedenOngewijzigd": result.rijk_skills["unchanged"],
    }
