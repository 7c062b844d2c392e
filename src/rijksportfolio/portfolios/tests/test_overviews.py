# SPDX-License-Identifier: EUPL-1.2
"""Portfolio overviews: exact counts on a small hand-made Rijk, only shared sections, suppression, access."""

from __future__ import annotations

import pytest
from django.urls import reverse

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign
from rijksportfolio.domain.charts import SMALL
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.portfolios.overviews import portfolio_overview
from rijksportfolio.portfolios.tests.factories import (
    ItemFactory,
    PortfolioSkillFactory,
    category_get,
    user_for,
)
from rijksportfolio.portfolios.tests.test_search import portfolio_with
from rijksportfolio.portfolios.views_find import overview_charts
from rijksportfolio.skills.tests.factories import (
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
    SkillGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cache(settings):  # type: ignore[no-untyped-def]
    settings.AGGREGATE_CACHE_TTL = 0


@pytest.fixture
def rijk():  # type: ignore[no-untyped-def]
    ministry = OrganisationFactory(code="m", name="Ministerie M", parent=None)
    directorate = OrganisationFactory(code="d", name="Directie D", parent=ministry)
    other = OrganisationFactory(code="o", name="Ministerie O", parent=None)
    group = SkillGroupFactory(preferred_label_nl="Programmeren")
    python = SkillFactory(preferred_label_nl="Python")
    python.broader.add(group)
    sql = SkillFactory(preferred_label_nl="SQL")
    occupation = OccupationFactory(preferred_label_nl="softwareontwikkelaar")
    OccupationSkillFactory(occupation=occupation, skill=python)
    OccupationSkillFactory(occupation=occupation, skill=sql)
    certificate, step = category_get("certificaat"), category_get("loopbaanstap")

    def person(org, visibility=None, level="gevorderd", occupation=None):  # type: ignore[no-untyped-def]
        p = PersonFactory()
        EmploymentFactory(person=p, organisation=org, occupation=occupation)
        if visibility is None:
            return p, None
        portfolio = portfolio_with(p, visibility)
        PortfolioSkillFactory(portfolio=portfolio, skill=python, level=level)
        return p, portfolio

    def cert(portfolio, visibility=""):  # type: ignore[no-untyped-def]
        ItemFactory(
            portfolio=portfolio,
            category=certificate,
            data={"uitgever": "X", "datum": "2024-01-01"},
            visibility=visibility,
        )

    def move(portfolio, richting, waar, visibility=""):  # type: ignore[no-untyped-def]
        ItemFactory(
            portfolio=portfolio,
            category=step,
            data={"richting": richting, "waar": waar},
            visibility=visibility,
        )

    shared = [
        person(directorate, "rijk", "expert" if k == 0 else "gevorderd", occupation)[1] for k in range(12)
    ]
    for k, portfolio in enumerate(shared):
        if k < 10:
            cert(portfolio)
        if k < 6:
            move(portfolio, "verticaal", "rijk")
        elif k < 10:
            move(portfolio, "horizontaal", "buiten_rijk")
    cert(shared[0])  # a second certificate: 10 people, 11 items
    for _ in range(2):
        person(directorate, "op_aanvraag")
    private = [person(directorate, "alleen_ik")[1] for _ in range(3)]
    cert(private[0])  # follows its private section: not counted
    cert(private[1], visibility="rijk")  # shared on its own: counted
    move(private[2], "verticaal", "rijk", visibility="rijk")  # the Ambitiedocument is private: not counted
    for _ in range(5):
        person(ministry)  # no portfolio
    for _ in range(4):
        person(other, "rijk")
    return {"ministry": ministry, "directorate": directorate, "other": other}


def test_organisation_overview_counts_only_what_is_shared_with_the_rijk(rijk) -> None:  # type: ignore[no-untyped-def]
    data = portfolio_overview(organisation=rijk["ministry"])
    assert data.headcount == 22
    assert data.participation == (5, 3, 14)  # no portfolio / skills alleen ik / skills shared
    assert [(s.label, s.by_level) for s in data.skills] == [("Python", (0, 13, 0, 1))]
    assert [(g.label, g.people) for g in data.groups] == [("Programmeren", 14)]
    assert [(s.label, s.needed, s.present) for s in data.scarce] == [("SQL", 12, 0), ("Python", 12, 14)]
    certificates = next(e for e in data.evidence if e.key == "certificaat")
    assert (certificates.people, certificates.items) == (11, 12)
    assert data.ambition == (10, 4)  # 14 share their Ambitiedocument, 10 name a next step
    assert data.moves == ((0, 0, 4), (0, 6, 0))


def test_subtree_and_rijk(rijk) -> None:  # type: ignore[no-untyped-def]
    directorate = portfolio_overview(organisation=rijk["directorate"])
    assert (directorate.headcount, directorate.participation) == (17, (0, 3, 14))
    whole = portfolio_overview(organisation=None)
    assert (whole.headcount, whole.participation) == (26, (5, 3, 18))
    assert whole.skills[0].by_level == (0, 17, 0, 1)
    # four people share Python at the other ministry: too few to name the skill there at all
    other = portfolio_overview(organisation=rijk["other"])
    assert (other.headcount, other.participation) == (4, (0, 0, 4))
    assert (other.skills, other.groups, other.scarce) == ((), (), ())
    tables = {chart.table.slug: chart.table for _h, _t, chart in overview_charts(other)}
    assert [label for label, _values in tables["vaardigheden"].rows] == ["Geen vaardigheden"]


def test_published_figures_are_suppressed_with_secondary_suppression(rijk) -> None:  # type: ignore[no-untyped-def]
    sections = {
        chart.table.slug: chart.table
        for _h, _t, chart in overview_charts(portfolio_overview(organisation=rijk["ministry"]))
    }
    participation = sections["deelname"]
    # 5 and 3 are small ("< 10"); hiding only those would leave 22 - 14 = 8: so 14 goes too (x), the total stays
    assert [values for _label, values in participation.rows] == [(SMALL,), (SMALL,), (None,)]
    assert participation.column_totals == (22,)
    # Python: 13 gevorderd and 1 expert; the expert is small. 13 beside it would leave it 1..4 (13 + x = 14 with
    # 13 >= 10), so the row total is hidden instead; zeros are shown
    assert sections["vaardigheden"].rows[0][1] == (0, 13, 0, SMALL)
    assert sections["vaardigheden"].row_totals == (None,)
    # ambitions: 4, 6 and 4 are small; every figure that would reveal them is hidden
    ambition = sections["ambities"]
    assert ambition.grand_total == 14
    assert all(v in (None, SMALL, 0) for _label, values in ambition.rows for v in values)
    # evidence: people per kind without a total (primary suppression only); counts follow the people
    evidence = dict(sections["bewijs"].rows)
    assert evidence["Certificaat"] == (11, 12)
    assert evidence["Diploma"] == (0, 0)


def test_access_hr_own_subtree_analyst_everything(rijk, client) -> None:  # type: ignore[no-untyped-def]
    hr_person = PersonFactory()
    EmploymentFactory(person=hr_person, organisation=rijk["ministry"])
    hr = user_for(hr_person)
    role_assign(user=hr, role=Role.HR_ADVISER, organisation=rijk["ministry"])
    analyst_person = PersonFactory()
    EmploymentFactory(person=analyst_person, organisation=rijk["other"])
    analyst = user_for(analyst_person)
    role_assign(user=analyst, role=Role.ANALYST)
    employee = user_for(PersonFactory())
    pages = {
        "rijk": reverse("portfolios:overview"),
        "ministry": reverse("portfolios:overview_organisation", args=[rijk["ministry"].pk]),
        "directorate": reverse("portfolios:overview_organisation", args=[rijk["directorate"].pk]),
        "other": reverse("portfolios:overview_organisation", args=[rijk["other"].pk]),
    }
    expected = {
        hr: {"rijk": 403, "ministry": 200, "directorate": 200, "other": 403},
        analyst: {"rijk": 200, "ministry": 200, "directorate": 200, "other": 200},
        employee: {"rijk": 403, "ministry": 403, "directorate": 403, "other": 403},
    }
    for user, outcomes in expected.items():
        client.force_login(user)
        assert {k: client.get(url).status_code for k, url in pages.items()} == outcomes
    client.force_login(hr)
    page = client.get(pages["ministry"]).content.decode()
    assert "Ministerie M" in page and "Directie D" in page  # noqa: PT018
    assert "alleen ik" in page
    download = client.get(pages["ministry"], {"formaat": "csv", "tabel": "bewijs"})
    assert download.status_code == 200
    assert "Certificaat;11;12" in download.content.decode("utf-8-sig")
