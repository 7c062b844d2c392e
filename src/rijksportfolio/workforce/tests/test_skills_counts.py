# SPDX-License-Identifier: EUPL-1.2
"""The Vaardigheden panel's counts, made by the database (``personnel_unit_counts``,
``skills_shared_rijk_wide_counts``), against a straightforward count in Python of the same hand-made world:
main records with ties, second jobs in other units, external hires, ended records, profiles kept op aanvraag,
a profile shared without skills and someone sharing outside the scope."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from rijksportfolio.domain.analytics import skill_gap
from rijksportfolio.domain.analytics.publish import publish
from rijksportfolio.opportunities.selectors import published_skill_requirements
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.constants import ContractType
from rijksportfolio.people.models import Employment
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
from rijksportfolio.portfolios.models import PortfolioSkill
from rijksportfolio.portfolios.selectors import (
    persons_sharing_skills_rijk_wide,
    skills_shared_rijk_wide_counts,
)
from rijksportfolio.portfolios.tests.factories import PortfolioFactory, PortfolioSkillFactory
from rijksportfolio.skills.tests.factories import SkillFactory
from rijksportfolio.workforce import access, selectors
from rijksportfolio.workforce.selectors import organisation_units, personnel_in_scope, personnel_unit_counts
from rijksportfolio.workforce.tests.planning import PEIL, build_planning


def _job(person: Any, org: Any, fte: str, start: dt.date, **extra: Any) -> Any:
    fields = {"contract_type": ContractType.PERMANENT, "end_date": None, "end_reason": ""} | extra
    return EmploymentFactory(person=person, organisation=org, fte=fte, start_date=start, **fields)


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    p = build_planning(refresh=False)
    orgs = p.world.orgs
    skills = p.skills
    # main record by FTE: 0.8 at ddo, 1.0 at Logius -> Logius; shares beleid (counted at Logius, under BZK)
    _job(p.ict[2], orgs["logius"], "1.000", dt.date(2020, 1, 1))
    PortfolioSkillFactory(
        portfolio=PortfolioFactory(person=p.ict[2], visibility_skills="rijk"), skill=skills["beleid"]
    )
    # equal FTE: the earlier start wins (ddo since 2018 against FIN since 2024): stays at ddo
    _job(p.policy[0], orgs["fin"], "1.000", dt.date(2024, 1, 1))
    # equal FTE and start: the lowest id wins (FIN, made first, then Logius)
    twice = PersonFactory()
    _job(twice, orgs["fin"], "0.500", dt.date(2021, 3, 1))
    _job(twice, orgs["logius"], "0.500", dt.date(2021, 3, 1))
    PortfolioSkillFactory(
        portfolio=PortfolioFactory(person=twice, visibility_skills="rijk"), skill=skills["wet"]
    )
    # not personnel on the peildatum, whatever they share: an external hire, an ended record, nobody's staff
    hired = _job(
        PersonFactory(), orgs["logius"], "1.000", dt.date(2020, 1, 1), contract_type=ContractType.EXTERNAL
    )
    ended = _job(PersonFactory(), p.ddo, "1.000", dt.date(2019, 1, 1), end_date=PEIL - dt.timedelta(days=1))
    for person in (hired.person, ended.person, PersonFactory()):
        PortfolioSkillFactory(
            portfolio=PortfolioFactory(person=person, visibility_skills="rijk"), skill=skills["data"]
        )
    # shared Rijk-wide but without any skill: not a sharer
    PortfolioFactory(person=p.policy[13], visibility_skills="rijk")
    # someone at FIN with two skills, and someone at FIN keeping them alleen ik
    fin = PersonFactory()
    _job(fin, orgs["fin"], "1.000", dt.date(2015, 1, 1))
    portfolio = PortfolioFactory(person=fin, visibility_skills="rijk")
    PortfolioSkillFactory(portfolio=portfolio, skill=skills["data"])
    PortfolioSkillFactory(portfolio=portfolio, skill=SkillFactory(preferred_label_nl="begroten"))
    secret = PersonFactory()
    _job(secret, orgs["fin"], "1.000", dt.date(2015, 1, 1))
    PortfolioSkillFactory(
        portfolio=PortfolioFactory(person=secret, visibility_skills="alleen_ik"), skill=skills["wet"]
    )
    return SimpleNamespace(planning=p, twice=twice)


def _straightforward(organisation: Organisation | None) -> tuple[list[tuple[int, int, int]], dict[int, int]]:
    """Per unit (in order of lowest person id) persons and sharers, and per skill the persons, counted in Python
    from every employment record and profile skill."""
    path = organisation.path if organisation is not None else ""
    unit_of = organisation_units(path)
    best: dict[int, tuple[tuple[Any, ...], int]] = {}
    for e in Employment.objects.select_related("organisation"):
        running = e.start_date <= PEIL and (e.end_date is None or e.end_date >= PEIL)
        if (
            not running
            or e.contract_type == ContractType.EXTERNAL
            or not e.organisation.path.startswith(path)
        ):
            continue
        key = (-e.fte, e.start_date, e.pk)
        if e.person_id not in best or key < best[e.person_id][0]:
            best[e.person_id] = (key, e.organisation_id)
    shared: dict[int, set[int]] = {}
    for person_id, skill_id in PortfolioSkill.objects.filter(portfolio__visibility_skills="rijk").values_list(
        "portfolio__person_id", "skill_id"
    ):
        shared.setdefault(person_id, set()).add(skill_id)
    units: dict[int, list[int]] = {}
    present: dict[int, int] = {}
    for person_id in sorted(best):
        row = units.setdefault(unit_of[best[person_id][1]], [0, 0])
        row[0] += 1
        row[1] += person_id in shared
        for skill_id in shared.get(person_id, ()):
            present[skill_id] = present.get(skill_id, 0) + 1
    return [(unit, n, m) for unit, (n, m) in units.items()], present


def _scopes(world: Any) -> list[Organisation | None]:
    orgs = world.planning.world.orgs
    return [None, orgs["bzk"], orgs["fin"], world.planning.ddo, orgs["logius"]]


@pytest.mark.parametrize("python", [False, True], ids=["database", "python"])
def test_counts_equal_a_straightforward_count(world, monkeypatch, python: bool) -> None:  # type: ignore[no-untyped-def]
    if python:  # the path the SQLite demo takes
        monkeypatch.setattr(selectors, "connections", {"default": SimpleNamespace(vendor="sqlite")})
    for organisation in _scopes(world):
        units, present = _straightforward(organisation)
        assert (
            personnel_unit_counts(
                organisation=organisation, on=PEIL, marked=persons_sharing_skills_rijk_wide()
            )
            == units
        )
        population = personnel_in_scope(organisation=organisation, on=PEIL).values("person_id")
        assert skills_shared_rijk_wide_counts(person_ids=population) == present


def test_the_world_exercises_the_main_record_rules(world) -> None:  # type: ignore[no-untyped-def]
    orgs, p = world.planning.world.orgs, world.planning
    rijk = selectors.personnel_units(organisation=None, on=PEIL)
    bzk = selectors.personnel_units(organisation=orgs["bzk"], on=PEIL)
    assert bzk[p.ict[2].pk] == orgs["logius"].pk  # the larger FTE
    assert bzk[p.policy[0].pk] == p.ddo.pk  # the earlier start (the FIN job is not in BZK's scope anyway)
    assert rijk[p.policy[0].pk] == orgs["bzk"].pk
    assert rijk[world.twice.pk] == orgs["fin"].pk  # equal FTE and start: the lowest id
    assert bzk[world.twice.pk] == orgs["logius"].pk  # within BZK only the Logius record runs
    units, present = _straightforward(None)
    sharers = {unit: m for unit, _n, m in units}
    assert (sharers[orgs["bzk"].pk], sharers[orgs["fin"].pk]) == (13, 2)  # 12 at ddo + Logius; twice + one
    assert present[p.skills["data"].pk] == 4  # 3 at ddo and 1 at FIN: not the hire, the ended, nobody's staff


def test_the_published_panel_equals_the_one_from_the_straightforward_count(world) -> None:  # type: ignore[no-untyped-def]
    for organisation in _scopes(world):
        units, present = _straightforward(organisation)
        path = organisation.path if organisation is not None else ""
        unit_of = organisation_units(path)
        asked = [
            (o, unit_of.get(org, org), s, e)
            for o, org, s, e in published_skill_requirements(organisation_path=path)
        ]
        expected = publish(
            "skills", skill_gap.skills_supply_demand(units=units, present=present, asked=asked)
        )
        assert access._skills_published(organisation, PEIL) == expected
