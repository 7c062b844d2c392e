# SPDX-License-Identifier: EUPL-1.2
"""Dutch camelCase representations of organisations and work locations (models stay English)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from rijksportfolio.organisations.models import Location, Organisation


class WerklocatieSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    adres = serializers.CharField(source="address")
    plaats = serializers.CharField(source="city")
    gemeente = serializers.CharField(source="municipality")
    provincie = serializers.CharField(source="province")
    breedtegraad = serializers.FloatField(source="latitude")
    lengtegraad = serializers.FloatField(source="longitude")

    class Meta:
        model = Location
        fields = [
            "code",
            "naam",
            "adres",
            "postcode",
            "plaats",
            "gemeente",
            "provincie",
            "breedtegraad",
            "lengtegraad",
        ]
        ref_name = "Werklocatie"


class OrganisatieVerwijzingSerializer(serializers.ModelSerializer):
    """A short reference to an organisation (code and name), used inside other resources."""

    naam = serializers.CharField(source="name")
    afkorting = serializers.CharField(source="abbreviation")

    class Meta:
        model = Organisation
        fields = ["code", "naam", "afkorting"]
        ref_name = "OrganisatieVerwijzing"


class OrganisatieSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    afkorting = serializers.CharField(source="abbreviation")
    soort = serializers.CharField(source="kind")
    categorie = serializers.CharField(source="sector_category")
    bovenliggend: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        source="parent", slug_field="code", read_only=True, allow_null=True
    )
    niveau = serializers.IntegerField(source="depth")
    actief = serializers.BooleanField(source="active")
    werklocaties: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        source="locations", slug_field="code", many=True, read_only=True
    )

    class Meta:
        model = Organisation
        fields = [
            "code",
            "naam",
            "afkorting",
            "soort",
            "categorie",
            "bovenliggend",
            "niveau",
            "actief",
            "werklocaties",
        ]
        ref_name = "Organisatie"
