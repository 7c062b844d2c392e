# SPDX-License-Identifier: EUPL-1.2
"""Dutch camelCase representations of people and employment records (models stay English)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rijksportfolio.api.fields import UtcDateTimeField
from rijksportfolio.organisations.api.serializers import OrganisatieVerwijzingSerializer
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.people.constants import ContractType, EndReason, Gender, JobFamily, WorkType
from rijksportfolio.people.models import Employment, Person

# JSON property for each model field, to report service ValidationErrors under the names the client sent.
PERSON_FIELDS = {
    "personnel_number": "personeelsnummer",
    "first_name": "voornaam",
    "name_prefix": "tussenvoegsel",
    "last_name": "achternaam",
    "date_of_birth": "geboortedatum",
    "gender": "geslacht",
    "email": "emailadres",
    "work_location": "werklocatie",
}
EMPLOYMENT_FIELDS = {
    "organisation": "organisatie",
    "job_title": "functienaam",
    "job_family": "functiefamilie",
    "work_type": "werksoort",
    "salary_scale": "salarisschaal",
    "fte": "fte",
    "contract_type": "soortDienstverband",
    "start_date": "begindatum",
    "end_date": "einddatum",
    "end_reason": "redenEinde",
    "occupation": "beroep",
}


class WerklocatieVerwijzingSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    plaats = serializers.CharField(source="city")

    class Meta:
        model = Location
        fields = ["code", "naam", "plaats"]
        ref_name = "WerklocatieVerwijzing"


class HuidigeFunctieSerializer(serializers.ModelSerializer):
    functienaam = serializers.CharField(source="job_title")
    organisatie = OrganisatieVerwijzingSerializer(source="organisation")

    class Meta:
        model = Employment
        fields = ["functienaam", "organisatie"]
        ref_name = "HuidigeFunctie"


class MedewerkerKaartSerializer(serializers.ModelSerializer):
    """The directory card: what every civil servant may see of a colleague.

    Expects ``current_employments`` prefetched (``people.api.views.card_queryset``)."""

    personeelsnummer = serializers.CharField(source="personnel_number")
    naam = serializers.CharField(source="full_name")
    huidigeFuncties = HuidigeFunctieSerializer(source="current_employments", many=True)
    organisatie = serializers.SerializerMethodField()
    werklocatie = WerklocatieVerwijzingSerializer(source="work_location", allow_null=True)

    class Meta:
        model = Person
        fields = ["personeelsnummer", "naam", "huidigeFuncties", "organisatie", "werklocatie"]
        ref_name = "MedewerkerKaart"

    @extend_schema_field(OrganisatieVerwijzingSerializer(allow_null=True))
    def get_organisatie(self, person: Person) -> dict[str, Any] | None:
        """The organisation of the main current record (largest FTE, then earliest start)."""
        current = getattr(person, "current_employments", [])
        return OrganisatieVerwijzingSerializer(current[0].organisation).data if current else None


class MedewerkerSerializer(MedewerkerKaartSerializer):
    """A person in detail. ``geboortedatum`` and ``geslacht`` are only filled for who may see personal
    details (the person and their HR adviser); otherwise null."""

    emailadres = serializers.EmailField(source="email")
    geboortedatum = serializers.SerializerMethodField()
    geslacht = serializers.SerializerMethodField()

    class Meta(MedewerkerKaartSerializer.Meta):
        fields = [*MedewerkerKaartSerializer.Meta.fields, "emailadres", "geboortedatum", "geslacht"]
        ref_name = "Medewerker"

    def _personal(self) -> bool:
        return bool(self.context.get("personal_visible"))

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_geboortedatum(self, person: Person) -> str | None:
        return person.date_of_birth.isoformat() if self._personal() else None

    @extend_schema_field(serializers.ChoiceField(choices=Gender.values, allow_null=True))
    def get_geslacht(self, person: Person) -> str | None:
        return person.gender if self._personal() else None


class DienstverbandSerializer(serializers.ModelSerializer):
    organisatie = OrganisatieVerwijzingSerializer(source="organisation")
    functienaam = serializers.CharField(source="job_title")
    functiefamilie = serializers.ChoiceField(source="job_family", choices=JobFamily.choices)
    werksoort = serializers.ChoiceField(source="work_type", choices=WorkType.values)
    beroep: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        source="occupation", slug_field="uri", read_only=True, allow_null=True
    )
    salarisschaal = serializers.IntegerField(source="salary_scale")
    fte = serializers.DecimalField(max_digits=4, decimal_places=3, coerce_to_string=False)
    soortDienstverband = serializers.ChoiceField(source="contract_type", choices=ContractType.values)
    begindatum = serializers.DateField(source="start_date")
    einddatum = serializers.DateField(source="end_date", allow_null=True)
    redenEinde = serializers.CharField(source="end_reason")
    aangemaaktOp = UtcDateTimeField(source="created_at")

    class Meta:
        model = Employment
        fields = [
            "id",
            "organisatie",
            "functienaam",
            "functiefamilie",
            "werksoort",
            "beroep",
            "salarisschaal",
            "fte",
            "soortDienstverband",
            "begindatum",
            "einddatum",
            "redenEinde",
            "aangemaaktOp",
        ]
        ref_name = "Dienstverband"


# --- input --------------------------------------------------------------------------------------------


class DienstverbandInvoerSerializer(serializers.Serializer):
    organisatie = serializers.SlugRelatedField(slug_field="code", queryset=Organisation.objects.all())
    functienaam = serializers.CharField(max_length=200)
    functiefamilie = serializers.ChoiceField(choices=JobFamily.choices)
    werksoort = serializers.ChoiceField(choices=WorkType.values)
    salarisschaal = serializers.IntegerField(min_value=1, max_value=18)
    fte = serializers.DecimalField(
        max_digits=4,
        decimal_places=3,
        min_value=Decimal("0.001"),
        max_value=Decimal("1.5"),
        coerce_to_string=False,
    )
    soortDienstverband = serializers.ChoiceField(choices=ContractType.values)
    begindatum = serializers.DateField()
    einddatum = serializers.DateField(required=False, allow_null=True)
    redenEinde = serializers.ChoiceField(choices=EndReason.values, required=False, allow_blank=True)

    class Meta:
        ref_name = "DienstverbandInvoer"

    def service_kwargs(self) -> dict[str, Any]:
        return employment_kwargs(self.validated_data)


def employment_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments of ``services.employment_add`` from validated ``DienstverbandInvoer`` data."""
    return {
        "organisation": data["organisatie"],
        "job_title": data["functienaam"],
        "job_family": data["functiefamilie"],
        "work_type": data["werksoort"],
        "salary_scale": data["salarisschaal"],
        "fte": data["fte"],
        "contract_type": data["soortDienstverband"],
        "start_date": data["begindatum"],
        "end_date": data.get("einddatum"),
        "end_reason": data.get("redenEinde", ""),
    }


class MedewerkerInvoerSerializer(serializers.Serializer):
    """A new person with their first employment record (the record decides which HR adviser may add them)."""

    personeelsnummer = serializers.CharField(max_length=20)
    voornaam = serializers.CharField(max_length=100)
    tussenvoegsel = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    achternaam = serializers.CharField(max_length=100)
    geboortedatum = serializers.DateField()
    geslacht = serializers.ChoiceField(choices=Gender.values, required=False, default=Gender.UNKNOWN)
    emailadres = serializers.EmailField(required=False, allow_blank=True, default="")
    werklocatie = serializers.SlugRelatedField(
        slug_field="code", queryset=Location.objects.all(), required=False, allow_null=True, default=None
    )
    dienstverband = DienstverbandInvoerSerializer()

    class Meta:
        ref_name = "MedewerkerInvoer"

    def person_kwargs(self) -> dict[str, Any]:
        data = self.validated_data
        return {
            "personnel_number": data["personeelsnummer"],
            "first_name": data["voornaam"],
            "name_prefix": data["tussenvoegsel"],
            "last_name": data["achternaam"],
            "date_of_birth": data["geboortedatum"],
            "gender": data["geslacht"],
            "email": data["emailadres"],
            "work_location": data["werklocatie"],
        }


class DienstverbandBeeindigenSerializer(serializers.Serializer):
    """Ending a record: only the end date and reason, and only while they are empty."""

    einddatum = serializers.DateField()
    redenEinde = serializers.ChoiceField(choices=EndReason.values)

    class Meta:
        ref_name = "DienstverbandBeeindigen"

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        extra = (
            sorted(set(self.initial_data) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        )
        if extra:
            raise serializers.ValidationError(
                {
                    name: [
                        _(
                            "Alleen einddatum en redenEinde kunnen worden gezet; de geschiedenis wordt niet overschreven."
                        )
                    ]
                    for name in extra
                }
            )
        return attrs


class MedewerkerZoekSerializer(serializers.Serializer):
    """Search with personal criteria: sent in the body (POST …/_zoek), never in the URL."""

    naam = serializers.CharField(required=False, allow_blank=True, max_length=200)
    organisatie = serializers.SlugRelatedField(
        slug_field="code", queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    werklocatie = serializers.SlugRelatedField(
        slug_field="code", queryset=Location.objects.all(), required=False, allow_null=True
    )

    class Meta:
        ref_name = "MedewerkerZoekvraag"

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if (
            not (attrs.get("naam") or "").strip()
            and not attrs.get("organisatie")
            and not attrs.get("werklocatie")
        ):
            raise serializers.ValidationError(
                _("Geef ten minste één zoekcriterium: naam, organisatie of werklocatie.")
            )
        return attrs


# --- fast read representations --------------------------------------------------------------------------
# The same JSON as the serializers above (which stay the documented schema and validate input), built as
# plain dicts: DRF builds a ModelSerializer's fields anew for every object, which cost more than the queries
# on the read endpoints (docs/performance.md, "bench web"). tests/api_conformance checks both agree.


def organisation_ref_data(organisation: Organisation) -> dict[str, Any]:
    return {"code": organisation.code, "naam": organisation.name, "afkorting": organisation.abbreviation}


def location_ref_data(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {"code": location.code, "naam": location.name, "plaats": location.city}


def card_data(person: Person) -> dict[str, Any]:
    """``MedewerkerKaart``; expects ``current_employments`` prefetched, main record first."""
    current = getattr(person, "current_employments", [])
    return {
        "personeelsnummer": person.personnel_number,
        "naam": person.full_name,
        "huidigeFuncties": [
            {"functienaam": e.job_title, "organisatie": organisation_ref_data(e.organisation)}
            for e in current
        ],
        "organisatie": organisation_ref_data(current[0].organisation) if current else None,
        "werklocatie": location_ref_data(person.work_location),
    }


def person_data(person: Person, *, personal_visible: bool) -> dict[str, Any]:
    """``Medewerker``: the card plus e-mail; date of birth and gender only when ``personal_visible``."""
    data = card_data(person)
    data["emailadres"] = person.email
    data["geboortedatum"] = person.date_of_birth.isoformat() if personal_visible else None
    data["geslacht"] = person.gender if personal_visible else None
    return data


def employment_data(record: Employment) -> dict[str, Any]:
    """``Dienstverband``; expects ``organisation`` and ``occupation`` selected."""
    occupation = record.occupation
    return {
        "id": record.pk,
        "organisatie": organisation_ref_data(record.organisation),
        "functienaam": record.job_title,
        "functiefamilie": record.job_family,
        "werksoort": record.work_type,
        "beroep": occupation.uri if occupation is not None else None,
        "salarisschaal": record.salary_scale,
        "fte": float(record.fte),
        "soortDienstverband": record.contract_type,
        "begindatum": record.start_date.isoformat(),
        "einddatum": record.end_date.isoformat() if record.end_date else None,
        "redenEinde": record.end_reason,
        "aangemaaktOp": UtcDateTimeField().to_representation(record.created_at),
    }
