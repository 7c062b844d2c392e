# SPDX-License-Identifier: EUPL-1.2
"""``Kans`` (output), ``KansInvoer``/``KansWijziging`` (input) and the search bodies of ``/api/v1/kansen``
and ``/api/v1/expertise/_zoek``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from rijksportfolio.opportunities.constants import LANGUAGES, OpportunityKind, OpportunityStatus, WorkMode
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.rendering import description_html
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.portfolios.constants import SkillLevel
from rijksportfolio.skills.models import Skill

# service/model field → API property
FIELDS = {
    "kind": "soort", "title": "titel", "description": "omschrijving", "organisation": "organisatie",
    "location": "werklocatie", "work_mode": "werkwijze", "hours_per_week": "urenPerWeek", "start_date": "van",
    "end_date": "tot", "scale_min": "schaalVan", "scale_max": "schaalTot", "languages": "talen",
    "skills": "vaardigheden", "status": "status", "min_hours": "minUren", "max_distance_km": "maxAfstandKm",
    "text": "tekst", "reason": "reden",
}  # fmt: skip


class VereisteVaardigheidSerializer(serializers.Serializer):
    uri = serializers.SlugRelatedField(slug_field="uri", queryset=Skill.objects.all())
    essentieel = serializers.BooleanField(default=True)
    minimumniveau = serializers.ChoiceField(choices=SkillLevel.choices, default=SkillLevel.BASIC)


class VereisteVaardigheidUitSerializer(serializers.Serializer):
    uri = serializers.CharField()
    naam = serializers.CharField()
    essentieel = serializers.BooleanField()
    minimumniveau = serializers.ChoiceField(choices=SkillLevel.choices)


class KansSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    soort = serializers.ChoiceField(choices=OpportunityKind.choices)
    titel = serializers.CharField()
    omschrijving = serializers.CharField(help_text=_("Markdown zoals ingevoerd."))
    omschrijvingHtml = serializers.CharField(help_text=_("Veilige HTML van de omschrijving."))
    organisatie = serializers.CharField(help_text=_("Code van de organisatie."))
    werklocatie = serializers.CharField(allow_null=True)
    werkwijze = serializers.ChoiceField(choices=WorkMode.choices)
    urenPerWeek = serializers.IntegerField(allow_null=True)
    van = serializers.DateField(allow_null=True)
    tot = serializers.DateField(allow_null=True)
    schaalVan = serializers.IntegerField(allow_null=True)
    schaalTot = serializers.IntegerField(allow_null=True)
    talen = serializers.ListField(child=serializers.CharField())
    status = serializers.ChoiceField(choices=OpportunityStatus.choices)
    isEigen = serializers.BooleanField()
    vaardigheden = VereisteVaardigheidUitSerializer(many=True)


def kans_data(opportunity: Opportunity, *, person_id: int | None) -> dict[str, Any]:
    return {
        "id": opportunity.pk,
        "soort": opportunity.kind,
        "titel": opportunity.title,
        "omschrijving": opportunity.description,
        "omschrijvingHtml": str(description_html(opportunity.description)),
        "organisatie": opportunity.organisation.code,
        "werklocatie": opportunity.location.code if opportunity.location else None,
        "werkwijze": opportunity.work_mode,
        "urenPerWeek": opportunity.hours_per_week,
        "van": opportunity.start_date.isoformat() if opportunity.start_date else None,
        "tot": opportunity.end_date.isoformat() if opportunity.end_date else None,
        "schaalVan": opportunity.scale_min,
        "schaalTot": opportunity.scale_max,
        "talen": list(opportunity.languages),
        "status": opportunity.status,
        "isEigen": opportunity.owner_id == person_id,
        "vaardigheden": [
            {
                "uri": r.skill.uri,
                "naam": r.skill.preferred_label_nl or r.skill.preferred_label_en,
                "essentieel": r.essential,
                "minimumniveau": r.min_level,
            }
            for r in opportunity.required_skills.all()
        ],
    }


class KansWijzigingSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=OpportunityKind.choices, required=False)
    titel = serializers.CharField(max_length=200, required=False)
    omschrijving = serializers.CharField(allow_blank=True, required=False)
    werklocatie = serializers.SlugRelatedField(
        slug_field="code", queryset=Location.objects.all(), allow_null=True, required=False
    )
    werkwijze = serializers.ChoiceField(choices=WorkMode.choices, required=False)
    urenPerWeek = serializers.IntegerField(allow_null=True, required=False)
    van = serializers.DateField(allow_null=True, required=False)
    tot = serializers.DateField(allow_null=True, required=False)
    schaalVan = serializers.IntegerField(allow_null=True, required=False)
    schaalTot = serializers.IntegerField(allow_null=True, required=False)
    talen = serializers.ListField(child=serializers.ChoiceField(choices=list(LANGUAGES)), required=False)
    vaardigheden = VereisteVaardigheidSerializer(many=True, required=False)

    def service_kwargs(self) -> dict[str, Any]:
        reverse = {v: k for k, v in FIELDS.items()}
        return {reverse[k]: v for k, v in self.validated_data.items() if k != "vaardigheden"}


class KansInvoerSerializer(KansWijzigingSerializer):
    soort = serializers.ChoiceField(choices=OpportunityKind.choices)
    titel = serializers.CharField(max_length=200)
    organisatie = serializers.SlugRelatedField(slug_field="code", queryset=Organisation.objects.all())


class FiltersSerializer(serializers.Serializer):
    minUren = serializers.IntegerField(required=False, allow_null=True)
    maxAfstandKm = serializers.IntegerField(required=False, allow_null=True)
    schaalVan = serializers.IntegerField(required=False, allow_null=True)
    schaalTot = serializers.IntegerField(required=False, allow_null=True)
    organisatie = serializers.SlugRelatedField(
        slug_field="code", queryset=Organisation.objects.all(), required=False, allow_null=True
    )


class KandidatenZoekSerializer(serializers.Serializer):
    filters = FiltersSerializer(required=False)


class ExpertiseZoekSerializer(serializers.Serializer):
    vaardigheden = VereisteVaardigheidSerializer(many=True, required=False)
    tekst = serializers.CharField(required=False, allow_blank=True, max_length=300)
    werklocatie = serializers.SlugRelatedField(
        slug_field="code", queryset=Location.objects.all(), required=False, allow_null=True,
        help_text=_("Vanaf deze werklocatie geldt maxAfstandKm."),
    )  # fmt: skip
    filters = FiltersSerializer(required=False)


MISSING_HELP = _(
    "Gevraagde vaardigheden die ontbreken, in de taal van het verzoek (Accept-Language: nl of en)."
)


class ToelichtingSerializer(serializers.Serializer):
    tekst = serializers.CharField(
        help_text=_(
            "Waarom de vaardigheid of tekst meetelt, in de taal van het verzoek (Accept-Language: nl of en)."
        )
    )
    aandeel = serializers.FloatField(allow_null=True, help_text=_("Deel van de score; samen de score."))


class KandidaatSerializer(serializers.Serializer):
    positie = serializers.IntegerField()
    naam = serializers.CharField()
    personeelsnummer = serializers.CharField()
    score = serializers.FloatField(allow_null=True, help_text=_("Leeg als de rangschikking uit staat."))
    toelichting = ToelichtingSerializer(many=True)
    ontbreekt = serializers.ListField(child=serializers.CharField(), help_text=MISSING_HELP)


class RangschikkingSerializer(serializers.Serializer):
    algoritmeversie = serializers.CharField()
    gerangschikt = serializers.BooleanField(help_text=_("Onwaar: alfabetische lijst zonder scores."))
    resultaten = KandidaatSerializer(many=True)
