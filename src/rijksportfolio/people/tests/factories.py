# SPDX-License-Identifier: EUPL-1.2
"""Factories for people, employment records, organisations and locations. Reuse them in every app's tests.

``OrganisationFactory`` goes through ``organisation_create`` so ``path``/``depth`` are right; pass
``parent=`` for a subtree. ``EmploymentFactory`` creates a running record by default; use
``EmploymentFactory(ended=True)`` for a closed one.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from rijksportfolio.organisations.constants import OrganisationKind
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.organisations.services import organisation_create
from rijksportfolio.people.constants import ContractType, EndReason, Gender, JobFamily, RecordSource, WorkType
from rijksportfolio.people.models import Employment, Person

CITIES = [
    ("Den Haag", "Zuid-Holland", 52.0705, 4.3007),
    ("Utrecht", "Utrecht", 52.0907, 5.1214),
    ("Groningen", "Groningen", 53.2194, 6.5665),
    ("Apeldoorn", "Gelderland", 52.2112, 5.9699),
    ("Heerlen", "Limburg", 50.8882, 5.9795),
]
FIRST_NAMES = [
    "Anouk",
    "Daan",
    "Fatima",
    "Sven",
    "Noor",
    "Mohammed",
    "Eva",
    "Jeroen",
    "Sanne",
    "Bram",
    "Lotte",
    "Yusuf",
]
LAST_NAMES = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("van der", "Berg"),
    ("", "Yilmaz"),
    ("de", "Boer"),
    ("", "Smit"),
    ("van den", "Heuvel"),
    ("", "Mulder"),
]
JOB_TITLES = {
    JobFamily.POLICY: ("Beleidsmedewerker", WorkType.POLICY),
    JobFamily.EXECUTION: ("Behandelaar", WorkType.EXECUTION),
    JobFamily.INSPECTION: ("Inspecteur", WorkType.INSPECTION),
    JobFamily.ICT: ("Ontwikkelaar", WorkType.ICT),
    JobFamily.FINANCE: ("Controller", WorkType.OPERATIONS),
    JobFamily.HR: ("HR-adviseur", WorkType.OPERATIONS),
    JobFamily.LEGAL: ("Jurist", WorkType.POLICY),
}


class LocationFactory(DjangoModelFactory):
    class Meta:
        model = Location
        django_get_or_create = ("code",)

    class Params:
        place = factory.Iterator(CITIES)

    code = factory.Sequence(lambda n: f"loc-{n:04d}")
    name = factory.LazyAttribute(lambda o: f"Rijkskantoor {o.place[0]}")
    address = factory.Sequence(lambda n: f"Rijksstraat {n + 1}")
    postcode = "2511 AA"
    city = factory.LazyAttribute(lambda o: o.place[0])
    municipality = factory.LazyAttribute(lambda o: o.place[0])
    province = factory.LazyAttribute(lambda o: o.place[1])
    latitude = factory.LazyAttribute(lambda o: o.place[2])
    longitude = factory.LazyAttribute(lambda o: o.place[3])


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"org-{n:04d}")
    name = factory.Sequence(lambda n: f"Directie {n}")
    abbreviation = ""
    kind = OrganisationKind.DIRECTORATE
    sector_category = ""
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):  # type: ignore[no-untyped-def]
        return organisation_create(**kwargs)

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.locations.set(extracted)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ("personnel_number",)

    class Params:
        surname = factory.Iterator(LAST_NAMES)

    personnel_number = factory.Sequence(lambda n: f"{100000 + n:08d}")
    first_name = factory.Iterator(FIRST_NAMES)
    name_prefix = factory.LazyAttribute(lambda o: o.surname[0])
    last_name = factory.LazyAttribute(lambda o: o.surname[1])
    date_of_birth = factory.Sequence(lambda n: date(1960, 1, 1) + timedelta(days=(n * 397) % (40 * 365)))
    gender = factory.Iterator(
        [Gender.FEMALE, Gender.MALE, Gender.FEMALE, Gender.MALE, Gender.OTHER, Gender.UNKNOWN]
    )
    email = factory.LazyAttribute(
        lambda o: (
            f"{o.first_name}.{(o.name_prefix + o.last_name).replace(' ', '')}{o.personnel_number[-4:]}@minbzk.nl".lower()
        )
    )
    work_location = factory.SubFactory(LocationFactory)
    source = RecordSource.MANUAL


class EmploymentFactory(DjangoModelFactory):
    class Meta:
        model = Employment

    class Params:
        ended = factory.Trait(
            end_date=factory.LazyAttribute(lambda o: o.start_date + timedelta(days=3 * 365)),
            end_reason=EndReason.MOBILITY,
        )
        family_info = factory.LazyAttribute(
            lambda o: JOB_TITLES.get(JobFamily(o.job_family), ("Adviseur", WorkType.POLICY))
        )

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    job_family = factory.Iterator(list(JOB_TITLES))
    job_title = factory.LazyAttribute(lambda o: o.family_info[0])
    work_type = factory.LazyAttribute(lambda o: o.family_info[1])
    salary_scale = factory.Iterator([8, 10, 11, 12, 13, 9, 14])
    fte = factory.Iterator([Decimal("1.000"), Decimal("0.889"), Decimal("0.778"), Decimal("0.500")])
    contract_type = factory.Iterator(
        [
            ContractType.PERMANENT,
            ContractType.PERMANENT,
            ContractType.TEMPORARY,
            ContractType.SECONDMENT,
            ContractType.TRAINEE,
        ]
    )
    start_date = factory.Sequence(lambda n: date(2015, 1, 1) + timedelta(days=(n * 37) % 3000))
    end_date = None
    end_reason = ""
    occupation = None
    source = RecordSource.MANUAL
