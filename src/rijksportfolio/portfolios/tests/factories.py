# SPDX-License-Identifier: EUPL-1.2
"""Factories for portfolios, items, evidence, the skills profile, endorsements and access requests.

Reuse them in every test that needs a portfolio. Notes:

- ``PortfolioFactory(sections="rijk")`` sets every section to one visibility; or pass the fields
  (``visibility_dossier=...``) yourself. The default is the model's: everything *alleen ik*.
- ``ItemFactory`` uses the built-in category ``cursus`` (Dossierdeel, no required fields); pass
  ``category=category_get("certificaat")`` with matching ``data`` for another one. ``part`` follows the category.
- ``EvidenceFactory`` stores a tiny real PDF through Django's storage.
- ``AccessRequestFactory`` is pending; traits ``approved=True`` (valid 30 days from now), ``expired=True``,
  ``revoked=True``, ``declined=True``.
- ``user_for(person)`` gives the login of a person (created once), for services and access functions.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from rijksportfolio.accounts.models import User
from rijksportfolio.accounts.services import user_create
from rijksportfolio.people.models import Person
from rijksportfolio.people.tests.factories import PersonFactory
from rijksportfolio.portfolios.constants import DEFAULT_GRANT_DAYS, RequestStatus, SkillLevel
from rijksportfolio.portfolios.models import (
    SECTION_FIELDS,
    AccessRequest,
    Endorsement,
    Evidence,
    Item,
    ItemCategory,
    Portfolio,
    PortfolioSkill,
)
from rijksportfolio.skills.tests.factories import SkillFactory

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def category_get(key: str) -> ItemCategory:
    """A built-in category (loaded by migration 0002)."""
    return ItemCategory.objects.get(key=key)


def user_for(person: Person, **kwargs: object) -> User:
    """The person's login (made the first time), username from the personnel number."""
    existing = User.objects.filter(person=person).first()
    if existing is not None:
        return existing
    return user_create(username=f"u{person.personnel_number}", password=None, person=person, **kwargs)  # type: ignore[arg-type]


class PortfolioFactory(DjangoModelFactory):
    class Meta:
        model = Portfolio
        django_get_or_create = ("person",)

    class Params:
        sections = None  # one visibility for every section

    person = factory.SubFactory(PersonFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):  # type: ignore[no-untyped-def]
        sections = kwargs.pop("sections", None)
        if sections is not None:
            for field in SECTION_FIELDS.values():
                kwargs.setdefault(field, sections)
            kwargs.setdefault("visibility_chosen_at", timezone.now())
        return super()._create(model_class, *args, **kwargs)


class ItemCategoryFactory(DjangoModelFactory):
    class Meta:
        model = ItemCategory
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"soort-{n}")
    part = "vrij"
    label_nl = factory.Sequence(lambda n: f"Soort {n}")
    label_en = factory.Sequence(lambda n: f"Kind {n}")
    fields = factory.LazyFunction(list)


class ItemFactory(DjangoModelFactory):
    class Meta:
        model = Item
        skip_postgeneration_save = True

    portfolio = factory.SubFactory(PortfolioFactory)
    category = factory.LazyFunction(lambda: category_get("cursus"))
    part = factory.LazyAttribute(lambda o: o.category.part)
    title = factory.Sequence(lambda n: f"Onderdeel {n}")
    body = ""
    data = factory.LazyFunction(dict)
    visibility = ""

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.skills.set(extracted)


class EvidenceFactory(DjangoModelFactory):
    class Meta:
        model = Evidence

    item = factory.SubFactory(ItemFactory)
    file = factory.django.FileField(data=MINIMAL_PDF, filename="bewijs.pdf")
    display_name = "diploma.pdf"
    content_type = "application/pdf"
    size = len(MINIMAL_PDF)
    sha256 = hashlib.sha256(MINIMAL_PDF).hexdigest()


class PortfolioSkillFactory(DjangoModelFactory):
    class Meta:
        model = PortfolioSkill
        skip_postgeneration_save = True

    portfolio = factory.SubFactory(PortfolioFactory)
    skill = factory.SubFactory(SkillFactory)
    level = SkillLevel.ADVANCED

    @factory.post_generation
    def evidence_items(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.evidence_items.set(extracted)


class EndorsementFactory(DjangoModelFactory):
    class Meta:
        model = Endorsement

    portfolio_skill = factory.SubFactory(PortfolioSkillFactory)
    endorser = factory.SubFactory(PersonFactory)


class AccessRequestFactory(DjangoModelFactory):
    class Meta:
        model = AccessRequest

    class Params:
        approved = factory.Trait(
            status=RequestStatus.APPROVED,
            decided_at=factory.LazyFunction(timezone.now),
            valid_until=factory.LazyFunction(lambda: timezone.now() + timedelta(days=DEFAULT_GRANT_DAYS)),
        )
        expired = factory.Trait(
            status=RequestStatus.APPROVED,
            decided_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=40)),
            valid_until=factory.LazyFunction(lambda: timezone.now() - timedelta(days=10)),
        )
        revoked = factory.Trait(
            status=RequestStatus.REVOKED,
            decided_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=2)),
            valid_until=factory.LazyFunction(lambda: timezone.now() + timedelta(days=28)),
            revoked_at=factory.LazyFunction(timezone.now),
        )
        declined = factory.Trait(status=RequestStatus.DECLINED, decided_at=factory.LazyFunction(timezone.now))

    portfolio = factory.SubFactory(PortfolioFactory)
    section = "dossier"
    requester = factory.SubFactory(PersonFactory)
    purpose = "Kennismaking voor een vacature in mijn team"
