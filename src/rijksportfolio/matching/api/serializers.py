# SPDX-License-Identifier: EUPL-1.2
"""``/api/v1/eerlijkheidsmonitor``: a stored measurement (``Meting``) of the fairness monitor and the body of
``POST …/_meten``. The figures are the stored published ones (``domain.matching.fairness.published``), exactly
as the page shows them: rates as fractions (the page shows percentages), hidden counts and the rates of groups
that are too small empty. Models and the domain stay English; the API speaks Dutch camelCase."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rijksportfolio.api.fields import UtcDateTimeField
from rijksportfolio.domain.matching.fairness import AGE, GENDER, SCORING, SELECTION
from rijksportfolio.matching.fairness import group_label
from rijksportfolio.matching.models import FairnessRun
from rijksportfolio.organisations.models import Organisation

DIMENSIONS = {GENDER: "geslacht", AGE: "leeftijd"}
MEASURES = {SELECTION: "top", SCORING: "score"}


class MetenSerializer(serializers.Serializer):
    organisatie = serializers.SlugRelatedField(
        slug_field="code", queryset=Organisation.objects.all(), required=False, allow_null=True,
        help_text=_("Code van de organisatie (met alles eronder); weglaten of leeg: het Rijk."),
    )  # fmt: skip


class GroepSerializer(serializers.Serializer):
    groep = serializers.CharField(
        help_text=_("Geslacht (female, male, other, unknown) of leeftijdsgroep (<30, 30-44, 45-54, 55+).")
    )
    naam = serializers.CharField()
    mensen = serializers.IntegerField(allow_null=True, help_text=_("Leeg: afgeschermd (kleine aantallen)."))
    teWeinigMensen = serializers.BooleanField(
        help_text=_("Waar: minder dan 10 mensen; kansen, verhoudingen en markeringen worden niet getoond.")
    )
    kansTop = serializers.FloatField(allow_null=True, help_text=_("Kans in de top-k (0–1)."))
    verhoudingTop = serializers.FloatField(allow_null=True, help_text=_("Verhouding tot de hoogste groep."))
    kansScore = serializers.FloatField(
        allow_null=True, help_text=_("Kans op een score van ten minste de drempel (0–1).")
    )
    verhoudingScore = serializers.FloatField(allow_null=True, help_text=_("Verhouding tot de hoogste groep."))
    markeringen = serializers.ListField(
        child=serializers.ChoiceField(choices=list(MEASURES.values())),
        help_text=_("Waarop de groep onder vier vijfde van de hoogste groep blijft: top en/of score."),
    )


class DimensieSerializer(serializers.Serializer):
    dimensie = serializers.ChoiceField(choices=list(DIMENSIONS.values()))
    laagsteVerhoudingTop = serializers.FloatField(allow_null=True)
    laagsteVerhoudingScore = serializers.FloatField(allow_null=True)
    groepen = GroepSerializer(many=True)


class MetingSerializer(serializers.Serializer):
    """One stored run: scope, time, algorithm and the published figures per gender and age band."""

    id = serializers.IntegerField()
    organisatie = serializers.SerializerMethodField(help_text=_("Code; leeg: het Rijk."))
    bereik = serializers.SerializerMethodField(help_text=_("Naam van de organisatie, of het Rijk."))
    gemetenOp = UtcDateTimeField(source="created_at")
    gemetenDoor = serializers.SerializerMethodField(help_text=_("Leeg: een geplande meting."))
    peildatum = serializers.DateField(source="reference_date", help_text=_("Leeftijden op deze datum."))
    algoritmeversie = serializers.CharField(source="algorithm_version")
    aantalZoekvragen = serializers.IntegerField(source="queries")
    topK = serializers.IntegerField(source="top_k")
    scoredrempel = serializers.FloatField(source="score_threshold")
    mensen = serializers.IntegerField(
        source="population", allow_null=True, help_text=_("Leeg: afgeschermd (kleine aantallen).")
    )
    laagsteVerhoudingGeslacht = serializers.FloatField(source="min_ratio_gender", allow_null=True)
    laagsteVerhoudingLeeftijd = serializers.FloatField(source="min_ratio_age", allow_null=True)
    aantalMarkeringen = serializers.IntegerField(source="flagged")
    dimensies = serializers.SerializerMethodField()

    def get_organisatie(self, run: FairnessRun) -> str | None:
        return run.organisation.code if run.organisation is not None else None

    def get_bereik(self, run: FairnessRun) -> str:
        return run.organisation.name if run.organisation is not None else str(_("Het Rijk"))

    def get_gemetenDoor(self, run: FairnessRun) -> str | None:
        user = run.requested_by
        if user is None:
            return None
        person = getattr(user, "person", None)
        return str(person.full_name if person is not None else user.get_username())

    @extend_schema_field(DimensieSerializer(many=True))
    def get_dimensies(self, run: FairnessRun) -> list[dict[str, Any]]:
        return DimensieSerializer(dimensions(run), many=True).data  # type: ignore[return-value]


def dimensions(run: FairnessRun) -> list[dict[str, Any]]:
    """The stored published figures under their API names (no figure computed here)."""
    return [
        {
            "dimensie": DIMENSIONS.get(d["dimension"], d["dimension"]),
            "laagsteVerhoudingTop": d.get("min_selection_ratio"),
            "laagsteVerhoudingScore": d.get("min_scoring_ratio"),
            "groepen": [
                {
                    "groep": g["group"],
                    "naam": group_label(d["dimension"], g["group"]),
                    "mensen": g["people"],
                    "teWeinigMensen": not g["sufficient"],
                    "kansTop": g["selection_rate"],
                    "verhoudingTop": g["selection_ratio"],
                    "kansScore": g["scoring_rate"],
                    "verhoudingScore": g["scoring_ratio"],
                    "markeringen": [MEASURES[m] for m in g["flags"]],
                }
                for g in d["groups"]
            ],
        }
        for d in run.result.get("dimensions", [])
    ]
