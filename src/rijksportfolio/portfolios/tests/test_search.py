# SPDX-License-Identifier: EUPL-1.2
"""Finding colleagues: only what the searcher may see; a skill filter never reveals a hidden skill."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.services import role_assign, user_create
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.people.tests.factories import (
    EmploymentFactory,
    LocationFactory,
    OrganisationFactory,
    PersonFactory,
)
from rijksportfolio.portfolios.models import SECTION_FIELDS
from rijksportfolio.portfolios.search import ColleagueQuery, colleagues_search
from rijksportfolio.portfolios.tests.factories import (
    AccessRequestFactory,
    PortfolioFactory,
    PortfolioSkillFactory,
    user_for,
)
from rijksportfolio.skills.tests.factories import SkillFactory

pytestmark = pytest.mark.django_db


def portfolio_with(person, visibility):  # type: ignore[no-untyped-def]
    """A portfolio with every section at ``visibility`` (chosen in the first-use flow)."""
    fields = dict.fromkeys(SECTION_FIELDS.values(), visibility)
    return PortfolioFactory(person=person, visibility_chosen_at=timezone.now(), **fields)


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    """A ministry with a directorate and another ministry; one skill held under every visibility/grant state."""
    den_haag, utrecht = (
        LocationFactory(code="dh", city="Den Haag"),
        LocationFactory(code="ut", city="Utrecht"),
    )
    ministry = OrganisationFactory(code="min", name="Ministerie A", parent=None)
    directorate = OrganisationFactory(code="dir", name="Directie A1", parent=ministry)
    other = OrganisationFactory(code="other", name="Ministerie B", parent=None)
    python, excel = (
        SkillFactory(preferred_label_nl="Python programmeren"),
        SkillFactory(preferred_label_nl="Excel"),
    )
    searcher = PersonFactory(first_name="Sanne", name_prefix="", last_name="Zoeker", work_location=den_haag)
    EmploymentFactory(person=searcher, organisation=other)
    people = {}

    def person(key, last, org, loc, visibility, level="gevorderd", skill=python, grant=None):  # type: ignore[no-untyped-def]
        p = PersonFactory(first_name="Kim", name_prefix="", last_name=last, work_location=loc)
        EmploymentFactory(person=p, organisation=org, job_title=f"Adviseur {last}")
        portfolio = portfolio_with(p, visibility)
        PortfolioSkillFactory(portfolio=portfolio, skill=skill, level=level)
        if grant:
            AccessRequestFactory(
                portfolio=portfolio, section="vaardigheden", requester=searcher, **{grant: True}
            )
        people[key] = p
        return p

    person("rijk", "Aalbers", directorate, den_haag, "rijk", level="expert")
    person("granted", "Bakker", ministry, utrecht, "op_aanvraag", level="ervaren", grant="approved")
    person("not_granted", "Claes", ministry, den_haag, "op_aanvraag")
    person("expired", "Dekker", directorate, den_haag, "op_aanvraag", grant="expired")
    person("revoked", "Evers", directorate, den_haag, "op_aanvraag", grant="revoked")
    person("private", "Fransen", directorate, utrecht, "alleen_ik", level="expert")
    person("other_skill", "Gerritsen", other, den_haag, "rijk", skill=excel)
    left = person("left", "Hoekstra", ministry, den_haag, "rijk")
    left.employments.update(start_date=date(2010, 1, 1), end_date=date(2020, 1, 1))
    # the searcher's own profile is alleen ik, yet she sees it
    PortfolioSkillFactory(portfolio=PortfolioFactory(person=searcher), skill=python, level="basis")
    return {
        "user": user_for(searcher),
        "searcher": searcher,
        "people": people,
        "python": python,
        "excel": excel,
        "ministry": ministry,
        "directorate": directorate,
        "utrecht": utrecht,
    }


def _names(results) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.name.split()[-1] for hit in results.hits]


def test_skill_filter_finds_only_visible_skills_best_level_first(world) -> None:  # type: ignore[no-untyped-def]
    results = colleagues_search(user=world["user"], query=ColleagueQuery(skill_id=world["python"].pk))
    # rijk (expert), granted (ervaren), the searcher herself (basis); not: op aanvraag without grant, expired
    # or revoked grant, alleen ik, another skill, someone no longer in service
    assert _names(results) == ["Aalbers", "Bakker", "Zoeker"]
    assert results.total == 3
    assert [h.skills[0].level for h in results.hits] == ["expert", "ervaren", "basis"]
    assert all(h.skills_visible and h.skills[0].matched for h in results.hits)


def test_min_level_filter(world) -> None:  # type: ignore[no-untyped-def]
    query = ColleagueQuery(skill_id=world["python"].pk, min_level="ervaren")
    assert _names(colleagues_search(user=world["user"], query=query)) == ["Aalbers", "Bakker"]


def test_showing_a_granted_profile_is_audited_once_per_person_rijk_is_not(world) -> None:  # type: ignore[no-untyped-def]
    colleagues_search(user=world["user"], query=ColleagueQuery(skill_id=world["python"].pk))
    events = AuditEvent.objects.filter(object_type="portfolio.vaardigheden")
    granted = world["people"]["granted"]
    assert list(events.values_list("subject_person_id", "actor_id", "action")) == [
        (granted.pk, world["user"].pk, "read")
    ]
    assert events.get().purpose == "Kennismaking voor een vacature in mijn team"
    assert events.get().object_id == str(granted.portfolio.pk)


def test_name_search_shows_cards_and_hides_skills_that_are_not_visible(world) -> None:  # type: ignore[no-untyped-def]
    results = colleagues_search(user=world["user"], query=ColleagueQuery(name="kim"))
    by_name = {h.name.split()[-1]: h for h in results.hits}
    assert sorted(by_name) == ["Aalbers", "Bakker", "Claes", "Dekker", "Evers", "Fransen", "Gerritsen"]
    visible = {name for name, h in by_name.items() if h.skills_visible}
    assert visible == {"Aalbers", "Bakker", "Gerritsen"}
    for name in ("Claes", "Dekker", "Evers", "Fransen"):
        assert (by_name[name].skills, by_name[name].skill_count) == ((), 0)
    assert by_name["Fransen"].job_titles == ("Adviseur Fransen",)
    assert by_name["Fransen"].location == "Utrecht"
    assert [s.label for s in by_name["Gerritsen"].skills] == ["Excel"]


def test_organisation_subtree_and_location_filters(world) -> None:  # type: ignore[no-untyped-def]
    user = world["user"]
    in_ministry = colleagues_search(user=user, query=ColleagueQuery(organisation_id=world["ministry"].pk))
    assert _names(in_ministry) == ["Aalbers", "Bakker", "Claes", "Dekker", "Evers", "Fransen"]
    in_directorate = colleagues_search(
        user=user, query=ColleagueQuery(organisation_id=world["directorate"].pk)
    )
    assert _names(in_directorate) == ["Aalbers", "Dekker", "Evers", "Fransen"]
    in_utrecht = colleagues_search(user=user, query=ColleagueQuery(location_id=world["utrecht"].pk))
    assert _names(in_utrecht) == ["Bakker", "Fransen"]
    both = ColleagueQuery(organisation_id=world["directorate"].pk, skill_id=world["python"].pk)
    assert _names(colleagues_search(user=user, query=both)) == ["Aalbers"]


def test_pagination(world) -> None:  # type: ignore[no-untyped-def]
    query = ColleagueQuery(name="kim")
    first = colleagues_search(user=world["user"], query=query, page=1, page_size=3)
    last = colleagues_search(user=world["user"], query=query, page=3, page_size=3)
    assert (first.total, first.pages, first.has_previous, first.has_next) == (7, 3, False, True)
    assert _names(first) == ["Aalbers", "Bakker", "Claes"]
    assert (_names(last), last.has_next) == (["Gerritsen"], False)
    beyond = colleagues_search(user=world["user"], query=query, page=99, page_size=3)
    assert beyond.page == 3


def test_empty_query_finds_nobody(world) -> None:  # type: ignore[no-untyped-def]
    assert colleagues_search(user=world["user"], query=ColleagueQuery()).total == 0


def test_guests_and_anonymous_may_not_search(world) -> None:  # type: ignore[no-untyped-def]
    guest = user_create(username="gast", password=None)
    role_assign(user=guest, role=Role.GUEST)
    for user in (guest, AnonymousUser()):
        with pytest.raises(PermissionDenied):
            colleagues_search(user=user, query=ColleagueQuery(name="kim"))
    # HR of the ministry is no exception to the owner's choice
    hr_person = PersonFactory()
    EmploymentFactory(person=hr_person, organisation=world["ministry"])
    hr = user_for(hr_person)
    role_assign(user=hr, role=Role.HR_ADVISER, organisation=world["ministry"])
    hits = colleagues_search(user=hr, query=ColleagueQuery(skill_id=world["python"].pk))
    assert _names(hits) == ["Aalbers"]
