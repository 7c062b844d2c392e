# SPDX-License-Identifier: EUPL-1.2
"""The plain-SQL person reads (``person_card``, ``person_history``) give what the ORM querysets give."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rijksportfolio.accounts.policy import PersonTarget
from rijksportfolio.people.api.views import card_queryset
from rijksportfolio.people.models import Employment
from rijksportfolio.people.selectors import person_card, person_history, person_target
from rijksportfolio.people.tests.factories import EmploymentFactory, OrganisationFactory, PersonFactory
from rijksportfolio.skills.models import Occupation

FIELDS_PERSON = [f.attname for f in PersonFactory._meta.model._meta.concrete_fields]
FIELDS_EMPLOYMENT = [f.attname for f in Employment._meta.concrete_fields]


def _values(instance, names):
    return [getattr(instance, name) for name in names]


def _orm_target(person):
    """``person_target`` as it was computed with the ORM, without what ``person_card`` established."""
    return person_target(person=card_queryset().get(pk=person.pk))


@pytest.fixture
def people(db):
    today = date.today()
    ministry = OrganisationFactory(code="min")
    team_a = OrganisationFactory(code="team-a", parent=ministry)
    team_b = OrganisationFactory(code="team-b", parent=ministry)
    two_jobs = PersonFactory(personnel_number="TWO")
    EmploymentFactory(
        person=two_jobs, organisation=team_a, fte=Decimal("0.600"), start_date=today - timedelta(days=900)
    )
    EmploymentFactory(
        person=two_jobs, organisation=team_b, fte=Decimal("0.400"), start_date=today - timedelta(days=30)
    )
    EmploymentFactory(
        person=two_jobs, organisation=ministry, start_date=today - timedelta(days=5000), ended=True
    )
    left = PersonFactory(personnel_number="LEFT", work_location=None)
    EmploymentFactory(person=left, organisation=team_a, start_date=today - timedelta(days=4000), ended=True)
    EmploymentFactory(person=left, organisation=team_b, start_date=today - timedelta(days=2000), ended=True)
    never = PersonFactory(personnel_number="NEVER")
    starts_later = PersonFactory(personnel_number="LATER")
    EmploymentFactory(person=starts_later, organisation=team_b, start_date=today + timedelta(days=10))
    return {"two": two_jobs, "left": left, "never": never, "later": starts_later}


@pytest.mark.parametrize("key", ["two", "left", "never", "later"])
def test_person_card_equals_the_card_queryset(people, key):
    expected = card_queryset().get(pk=people[key].pk)
    expected_target = _orm_target(people[key])

    by_number = person_card(personnel_number=expected.personnel_number)
    by_pk = person_card(pk=expected.pk)

    for card in (by_number, by_pk):
        assert _values(card, FIELDS_PERSON) == _values(expected, FIELDS_PERSON)
        assert card.work_location == expected.work_location
        if expected.work_location is not None:
            assert card.work_location.city == expected.work_location.city
        assert [e.pk for e in card.current_employments] == [e.pk for e in expected.current_employments]
        assert [e.organisation.path for e in card.current_employments] == [
            e.organisation.path for e in expected.current_employments
        ]
        assert [_values(e, FIELDS_EMPLOYMENT) for e in card.current_employments] == [
            _values(e, FIELDS_EMPLOYMENT) for e in expected.current_employments
        ]
        assert person_target(person=card) == expected_target


def test_person_card_main_record_first_and_target_of_a_leaver(people):
    two = person_card(personnel_number="TWO")
    assert [e.organisation.code for e in two.current_employments] == ["team-a", "team-b"]
    assert person_target(person=two).organisation_paths == tuple(
        e.organisation.path for e in two.current_employments
    )
    left = person_card(personnel_number="LEFT")
    assert left.current_employments == []
    assert left.work_location is None
    team_b_path = people["left"].employments.get(organisation__code="team-b").organisation.path
    assert person_target(person=left) == PersonTarget(person_id=left.pk, organisation_paths=(team_b_path,))


def test_person_card_is_one_query_and_target_needs_none_more(people):
    with CaptureQueriesContext(connection) as queries:
        card = person_card(personnel_number="LEFT")
        person_target(person=card)
        person_target(person=card)
    assert len(queries) == 1


def test_person_card_of_an_unknown_person_is_none(people):
    assert person_card(personnel_number="NOBODY") is None
    assert person_card(pk=999_999_999) is None
    with pytest.raises(TypeError):
        person_card()


def test_person_history_equals_the_orm_history(people):
    person = people["two"]
    occupation = Occupation.objects.create(
        uri="http://data.europa.eu/esco/occupation/test",
        preferred_label_nl="Tester",
        alt_labels_nl=["a", "b"],
    )
    Employment.objects.filter(person=person, organisation__code="team-b").update(occupation=occupation)
    expected = list(
        person.employments.select_related("organisation", "occupation").order_by("-start_date", "-id")
    )

    with CaptureQueriesContext(connection) as queries:
        history = person_history(person=person)

    assert len(queries) == 1
    assert [_values(e, FIELDS_EMPLOYMENT) for e in history] == [
        _values(e, FIELDS_EMPLOYMENT) for e in expected
    ]
    assert [e.organisation.code for e in history] == [e.organisation.code for e in expected]
    assert [e.occupation for e in history] == [e.occupation for e in expected]
    assert history[0].occupation.alt_labels_nl == ["a", "b"]
    assert isinstance(history[0].fte, Decimal)
    assert isinstance(history[0].start_date, date)
    assert all(e.person is person for e in history)
