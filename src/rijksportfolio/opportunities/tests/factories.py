# SPDX-License-Identifier: EUPL-1.2
"""Factories for opportunities. ``OpportunityFactory`` is a draft ``project`` in hybrid mode at a location;
``published=True`` publishes it. ``OpportunitySkillFactory`` adds an essential skill at level basis."""

from __future__ import annotations

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from rijksportfolio.opportunities.constants import OpportunityKind, OpportunityStatus, WorkMode
from rijksportfolio.opportunities.models import Opportunity, OpportunitySkill
from rijksportfolio.people.tests.factories import LocationFactory, OrganisationFactory, PersonFactory
from rijksportfolio.skills.tests.factories import SkillFactory


class OpportunityFactory(DjangoModelFactory):
    class Meta:
        model = Opportunity

    class Params:
        published = factory.Trait(
            status=OpportunityStatus.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )

    kind = OpportunityKind.PROJECT
    title = factory.Sequence(lambda n: f"Project {n}")
    description = "Een **project** voor de hele Rijksoverheid."
    organisation = factory.SubFactory(OrganisationFactory)
    location = factory.SubFactory(LocationFactory)
    work_mode = WorkMode.HYBRID
    hours_per_week = 8
    owner = factory.SubFactory(PersonFactory)


class OpportunitySkillFactory(DjangoModelFactory):
    class Meta:
        model = OpportunitySkill

    opportunity = factory.SubFactory(OpportunityFactory)
    skill = factory.SubFactory(SkillFactory)
    essential = True
    min_level = "basis"
