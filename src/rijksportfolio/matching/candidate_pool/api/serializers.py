# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/kandidatenpool``: proposals (``Voordracht``), the candidate's own entries (``Deelname``), the
search answer (``PoolRangschikking``) and the input bodies. Models and services stay English; the API speaks
Dutch camelCase."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from rijksportfolio.api.fields import UtcDateTimeField
from rijksportfolio.domain import candidate_pool as rules
from rijksportfolio.matching.candidate_pool.access import PoolRanking
from rijksportfolio.matching.models import PoolEntryStatus
from rijksportfolio.opportunities.api.serializers import MISSING_HELP, ToelichtingSerializer
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.people.models import Person

# service field → API property (for invalidParams)
FIELDS = {
    "note": "toelichting", "person": "medewerker", "months": "maanden", "message": "bericht",
    "opportunity": "kans", "status": "status", "skills": "vaardigheden", "text": "tekst",
    "min_hours": "filters.minUren", "max_distance_km": "filters.maxAfstandKm", "scale_min": "filters.schaalVan",
    "scale_max": "filters.schaalTot",
}  # fmt: skip


# --- input -----------------------------------------------------------------------------------------------------


class VoordrachtInvoerSerializer(serializers.Serializer):
    kans = serializers.PrimaryKeyRelatedField(
        queryset=Opportunity.objects.all(),
        help_text=_("Id van je eigen kans waarvoor de kandidaat kandidaat was."),
    )
    medewerker = serializers.SlugRelatedField(
        slug_field="personnel_number",
        queryset=Person.objects.all(),
        help_text=_("Personeelsnummer van de kandidaat."),
    )
    toelichting = serializers.CharField(
        max_length=rules.NOTE_MAX_CHARS,
        help_text=_(
            "Waarvoor de kandidaat geschikt is. Geen beoordelingsdetails, geen bijzondere persoonsgegevens."
        ),
    )


class ToestemmingSerializer(serializers.Serializer):
    maanden = serializers.IntegerField(
        min_value=rules.MIN_MONTHS, max_value=rules.MAX_MONTHS, default=rules.DEFAULT_MONTHS,
        help_text=_("Hoe lang je gevonden mag worden (1–12 maanden, standaard 12)."),
    )  # fmt: skip


class StoppenSerializer(serializers.Serializer):
    geenVoordrachtenMeer = serializers.BooleanField(
        default=False, help_text=_("Waar: je wilt niet meer worden voorgedragen.")
    )


class VoorkeurSerializer(serializers.Serializer):
    voordrachtenToegestaan = serializers.BooleanField()


class BenaderSerializer(serializers.Serializer):
    bericht = serializers.CharField(max_length=rules.MESSAGE_MAX_CHARS)
    kans = serializers.PrimaryKeyRelatedField(
        queryset=Opportunity.objects.all(), required=False, allow_null=True,
        help_text=_("Id van een gepubliceerde kans van jezelf waarover het gaat."),
    )  # fmt: skip


# --- output ----------------------------------------------------------------------------------------------------


class KandidaatKortSerializer(serializers.Serializer):
    personeelsnummer = serializers.CharField(source="personnel_number")
    naam = serializers.CharField(source="full_name")


class VoordrachtSerializer(serializers.Serializer):
    """A proposal as the proposer sees it: whom, from which opportunity, and whether it is in the pool."""

    id = serializers.IntegerField()
    kans = serializers.IntegerField(source="opportunity_id", allow_null=True)
    kandidaat = KandidaatKortSerializer(source="person")
    status = serializers.ChoiceField(choices=PoolEntryStatus.choices)
    voorgedragenOp = UtcDateTimeField(source="proposed_at")
    antwoordUiterlijk = UtcDateTimeField(source="answer_by")
    zichtbaarTot = UtcDateTimeField(source="expires_at", allow_null=True)


class KansKortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    titel = serializers.CharField(source="title")


class DeelnameSerializer(serializers.Serializer):
    """One of the candidate's own entries: everything that is (or would be) shared, and until when."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=PoolEntryStatus.choices)
    voorgedragenDoor = serializers.SerializerMethodField()
    kans = KansKortSerializer(source="opportunity", allow_null=True, help_text=_("Wordt niet gedeeld."))
    toelichting = serializers.CharField(source="note")
    voorgedragenOp = UtcDateTimeField(source="proposed_at")
    antwoordUiterlijk = UtcDateTimeField(source="answer_by")
    toestemmingOp = UtcDateTimeField(source="consented_at", allow_null=True)
    maanden = serializers.IntegerField(source="months", allow_null=True)
    zichtbaarTot = UtcDateTimeField(source="expires_at", allow_null=True)

    def get_voorgedragenDoor(self, entry: Any) -> str | None:
        user = entry.proposed_by
        person = getattr(user, "person", None) if user is not None else None
        return person.full_name if person is not None else None


class PoolGebeurtenisSerializer(serializers.Serializer):
    op = UtcDateTimeField(source="at")
    wie = serializers.CharField(source="actor_label")
    wat = serializers.CharField(help_text=_("gevonden, bekeken of benaderd"))


class MijnKandidatenpoolSerializer(serializers.Serializer):
    voordrachtenToegestaan = serializers.BooleanField()
    deelnames = DeelnameSerializer(many=True)
    gezienEnBenaderd = PoolGebeurtenisSerializer(many=True)


class PoolKandidaatSerializer(serializers.Serializer):
    positie = serializers.IntegerField()
    deelname = serializers.IntegerField(help_text=_("Id om de kandidaat te benaderen (…/{id}/_benader)."))
    naam = serializers.CharField()
    functie = serializers.CharField()
    organisatie = serializers.CharField()
    score = serializers.FloatField(allow_null=True, help_text=_("Leeg als de rangschikking uit staat."))
    toelichting = ToelichtingSerializer(many=True)
    ontbreekt = serializers.ListField(child=serializers.CharField(), help_text=MISSING_HELP)
    voordracht = serializers.ListField(
        child=serializers.CharField(), help_text=_("Toelichting(en) bij de voordracht.")
    )
    zichtbaarTot = UtcDateTimeField()


class PoolRangschikkingSerializer(serializers.Serializer):
    algoritmeversie = serializers.CharField()
    gerangschikt = serializers.BooleanField(help_text=_("Onwaar: alfabetische lijst zonder scores."))
    resultaten = PoolKandidaatSerializer(many=True)


class BenaderingSerializer(serializers.Serializer):
    deelname = serializers.IntegerField(source="entry_id")
    kans = serializers.IntegerField(source="opportunity_id", allow_null=True)
    benaderdOp = UtcDateTimeField(source="created_at")


def ranking_data(ranking: PoolRanking) -> dict[str, Any]:
    data = {
        "algoritmeversie": ranking.algorithm_version,
        "gerangschikt": ranking.ranked,
        "resultaten": [
            {
                "positie": m.position,
                "deelname": m.entry_id,
                "naam": m.name,
                "functie": m.job_title,
                "organisatie": m.organisation,
                "score": m.score,
                "toelichting": (
                    [{"tekst": t, "aandeel": v} for t, v in m.contributions]
                    if ranking.ranked
                    else [{"tekst": t, "aandeel": None} for t in m.explanations]
                ),
                "ontbreekt": list(m.missing),
                "voordracht": list(m.notes),
                "zichtbaarTot": m.expires_at,
            }
            for m in ranking.matches
        ],
    }
    return PoolRangschikkingSerializer(data).data  # type: ignore[return-value]
