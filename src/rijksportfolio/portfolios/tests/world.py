# SPDX-License-Identifier: EUPL-1.2
"""Portfolios for the shared world (``rijksportfolio.web.tests.world``), for the authorisation matrix.

Every person of the world gets a portfolio with the first-use choice made (everything *alleen ik*), one
item, one skill in the profile, and access requests around it: one pending request *to* them, one approved
grant *to* them and one pending request *by* them. Four more people stand for the visibility states the
matrix covers, each with every section in that state and an item and a skill:

- ``open`` — every section *zichtbaar voor alle rijksambtenaren*;
- ``gedeeld`` — every section *op aanvraag*, and every account of the world holds an active grant for all;
- ``op-aanvraag`` — every section *op aanvraag*, nobody holds a grant;
- ``prive`` — every section *alleen ik*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from rijksportfolio.notifications.models import Notification
from rijksportfolio.people.tests.factories import EmploymentFactory, PersonFactory
from rijksportfolio.portfolios.constants import Section, Visibility
from rijksportfolio.portfolios.models import SECTION_FIELDS, AccessRequest, Item, Portfolio, PortfolioSkill
from rijksportfolio.portfolios.tests.factories import (
    AccessRequestFactory,
    ItemFactory,
    PortfolioFactory,
    PortfolioSkillFactory,
    user_for,
)

STATE_PEOPLE = {
    "open": Visibility.RIJK,
    "gedeeld": Visibility.ON_REQUEST,
    "op-aanvraag": Visibility.ON_REQUEST,
    "prive": Visibility.PRIVATE,
}


@dataclass
class PortfolioWorld:
    portfolios: dict[int, Portfolio] = field(default_factory=dict)  # by person id
    items: dict[int, Item] = field(default_factory=dict)
    skills: dict[int, PortfolioSkill] = field(default_factory=dict)
    pending_to: dict[int, AccessRequest] = field(default_factory=dict)
    grant_to: dict[int, AccessRequest] = field(default_factory=dict)
    pending_by: dict[int, AccessRequest] = field(default_factory=dict)
    notifications: dict[int, Notification] = field(default_factory=dict)  # one for each person's login


def _portfolio(person, visibility: str) -> Portfolio:  # type: ignore[no-untyped-def]
    fields = {name: visibility for name in SECTION_FIELDS.values()}
    return PortfolioFactory(person=person, visibility_chosen_at=timezone.now(), **fields)


def add_portfolios(world):  # type: ignore[no-untyped-def]
    """Give the world its portfolios (``world.portfolio``, a :class:`PortfolioWorld`) and the state people."""
    logius = world.orgs["logius"]
    for key, (first, last) in {
        "open": ("Olga", "Open"),
        "gedeeld": ("Gert", "Gedeeld"),
        "op-aanvraag": ("Anna", "Aanvraag"),
        "prive": ("Pim", "Prive"),
    }.items():
        person = PersonFactory(first_name=first, name_prefix="", last_name=last)
        EmploymentFactory(
            person=person, organisation=logius, job_title="Adviseur", start_date=date(2021, 1, 1)
        )
        world.people[key] = person

    pw = PortfolioWorld()
    for key, person in world.people.items():
        portfolio = _portfolio(person, STATE_PEOPLE.get(key, Visibility.PRIVATE))
        pw.portfolios[person.pk] = portfolio
        pw.items[person.pk] = ItemFactory(portfolio=portfolio, title=f"Cursus van {person.first_name}")
        pw.skills[person.pk] = PortfolioSkillFactory(portfolio=portfolio)
        pw.notifications[person.pk] = Notification.objects.create(
            recipient=user_for(person), kind="test", subject="Melding"
        )

    account_people = [u.person for u in world.users.values() if u.person_id is not None]
    shared = pw.portfolios[world.people["gedeeld"].pk]
    for requester in account_people:
        for section in Section.values:
            AccessRequestFactory(portfolio=shared, requester=requester, section=section, approved=True)

    on_request = pw.portfolios[world.people["op-aanvraag"].pk]
    for key, person in world.people.items():
        other = world.people["collega" if key == "buiten" else "buiten"]
        portfolio = pw.portfolios[person.pk]
        pw.pending_to[person.pk] = AccessRequestFactory(portfolio=portfolio, requester=other, section="vrij")
        pw.grant_to[person.pk] = AccessRequestFactory(
            portfolio=portfolio, requester=other, section="analytisch", approved=True
        )
        target = on_request if key != "op-aanvraag" else shared
        pw.pending_by[person.pk] = AccessRequestFactory(portfolio=target, requester=person, section="ambitie")
    world.portfolio = pw
    return world
