# SPDX-License-Identifier: EUPL-1.2
"""Factories for matching records. ``PoolEntryFactory`` is a proposal waiting for the candidate's answer,
proposed by a fresh user for a fresh published opportunity; ``active=True`` gives a consented entry running
twelve months from now."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from rijksportfolio.domain import candidate_pool as rules
from rijksportfolio.matching.models import PoolEntry, PoolEntryStatus
from rijksportfolio.opportunities.tests.factories import OpportunityFactory
from rijksportfolio.people.tests.factories import PersonFactory


class PoolEntryFactory(DjangoModelFactory):
    class Meta:
        model = PoolEntry

    class Params:
        active = factory.Trait(
            status=PoolEntryStatus.ACTIVE,
            consented_at=factory.LazyFunction(timezone.now),
            months=12,
            expires_at=factory.LazyAttribute(
                lambda e: rules.expires_at(start=e.consented_at, months=e.months)
            ),
        )

    person = factory.SubFactory(PersonFactory)
    opportunity = factory.SubFactory(OpportunityFactory, published=True)
    proposed_by = None
    note = "Sterk in beleidsadvies en stakeholdermanagement; geschikt voor een adviesrol."
    status = PoolEntryStatus.PROPOSED
    proposed_at = factory.LazyFunction(timezone.now)
    answer_by = factory.LazyAttribute(lambda e: e.proposed_at + timedelta(days=rules.ANSWER_DAYS))
