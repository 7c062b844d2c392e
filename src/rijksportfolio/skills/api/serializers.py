# SPDX-License-Identifier: EUPL-1.2
"""Dutch camelCase representations of ESCO skills (``/api/v1/vaardigheden``)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from rijksportfolio.skills.models import Skill
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
