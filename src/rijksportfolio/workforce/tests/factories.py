# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from rijksportfolio.workforce.models import WorkforcePlanScenario


class WorkforcePlanScenarioFactory(DjangoModelFactory):
    class Meta:
        model = WorkforcePlanScenario

    name = factory.Sequence(lambda n: f"Scenario {n}")
    organisation = None
    owner = None
    horizon_years = 12
    growth_pct = 0.0
