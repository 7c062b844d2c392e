# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from rijksportfolio.people.constants import ContractType, Gender
from rijksportfolio.people.models import Person
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
from rijksportfolio.web.tests.world import build_world
from rijksportfolio.workforce import store


@pytest.fixture(autouse=True)
def analytics_dir(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Each test has its own analytical store (refreshed explicitly, or by the first read)."""
    settings.ANALYTICS_DIR = tmp_path / "analytics"
    settings.ANALYTICS_REFRESH = "off"
    return settings.ANALYTICS_DIR


@pytest.fixture(autouse=True)
def dutch():  # type: ignore[no-untyped-def]
    """Dutch labels, whatever an earlier test in this thread left active."""
    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    """The world's nine (born 1975-1991) plus twelve analysts in team-a since 2016 (women, born 1960: AOW in 2027) and one
    secondee since 2023."""
    w = build_world()
    # The world's people get their birth dates from a factory sequence that depends on how many people
    # earlier tests made; fix them (born 1975-1991: none reaches the AOW age within twelve years of 2025).
    for k, pk in enumerate(Person.objects.order_by("pk").values_list("pk", flat=True)):
        Person.objects.filter(pk=pk).update(date_of_birth=dt.date(1975 + 2 * k, 5, 1))
    for _ in range(12):
        EmploymentFactory(
            person=PersonFactory(gender=Gender.FEMALE, date_of_birth=dt.date(1960, 3, 1)),
            organisation=w.orgs["team"],
            job_title="Analist",
            contract_type=ContractType.PERMANENT,
            salary_scale=11,
            fte=1,
            start_date=dt.date(2016, 1, 1),
            end_date=None,
            end_reason="",
        )
    EmploymentFactory(
        person=PersonFactory(
            first_name="Lot", name_prefix="", last_name="Gedetacheerd", date_of_birth=dt.date(1990, 1, 1)
        ),
        fte=1,
        organisation=w.orgs["team"],
        job_title="Adviseur",
        contract_type=ContractType.SECONDMENT,
        start_date=dt.date(2023, 1, 1),
        end_date=None,
        end_reason="",
    )
    store.refresh(full=True)
    return w
