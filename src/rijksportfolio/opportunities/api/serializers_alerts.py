# SPDX-License-Identifier: EUPL-1.2
"""``KansmeldingInstellingen`` (an employee's alerts about fitting opportunities) and ``Kandidaatmeldingen``
(an owner's alerts about people who newly fit an opportunity)."""

from __future__ import annotations

from rest_framework import serializers

from rijksportfolio.api.fields import UtcDateTimeField
from rijksportfolio.matching.models import DEFAULT_ALERT_MIN_SCORE, AlertFrequency


class KansmeldingInstellingenSerializer(serializers.Serializer):
    aan = serializers.BooleanField(help_text="Meldingen over nieuwe kansen die bij mij passen.")
    drempel = serializers.IntegerField(
        min_value=1, max_value=100, default=DEFAULT_ALERT_MIN_SCORE,
        help_text="Hoe goed een kans moet passen: de score in procenten (1–100).",
    )  # fmt: skip
    frequentie = serializers.ChoiceField(
        choices=AlertFrequency.choices, default=AlertFrequency.DIRECT,
        help_text="`direct` (bij elke ronde) of `wekelijks` (één overzicht per week).",
    )  # fmt: skip
    aanSinds = UtcDateTimeField(
        read_only=True,
        allow_null=True,
        help_text="Kansen die vanaf dit moment worden gepubliceerd, worden gemeld.",
    )
    toestemmingMatching = serializers.BooleanField(
        read_only=True,
        help_text="Zonder toestemming voor matching komen er geen meldingen, ook als ze aanstaan.",
    )

    class Meta:
        ref_name = "KansmeldingInstellingen"


class KandidaatmeldingenSerializer(serializers.Serializer):
    aan = serializers.BooleanField(help_text="Meldingen als iemand nieuw bij deze kans past.")
    drempel = serializers.IntegerField(
        min_value=1, max_value=100, default=DEFAULT_ALERT_MIN_SCORE,
        help_text="Hoe goed iemand moet passen: de score in procenten (1–100).",
    )  # fmt: skip

    class Meta:
        ref_name = "Kandidaatmeldingen"
