# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from rijksportfolio.accounts.policy import PersonTarget
from rijksportfolio.people.models import Employment, Person


def employments_current(*, on: date | None = None) -> QuerySet[Employment]:
    """Employment records running on ``on`` (default today): started, and not ended before that day."""
    on = on or date.today()
    return Employment.objects.filter(Q(end_date__isnull=True) | Q(end_date__gte=on), start_date__lte=on)


def person_current_employments(*, person: Person, on: date | None = None) -> list[Employment]:
    return list(
        employments_current(on=on).filter(person=person).select_related("organisation").order_by("-fte", "start_date")
    )


def person_history(*, person: Person) -> list[Employment]:
    return list(person.employments.select_related("organisation", "occupation").order_by("-start_date", "-id"))


def person_target(*, person: Person, on: date | None = None) -> PersonTarget:
    """The person as the permission policy sees them: where they currently work."""
    paths = tuple(e.organisation.path for e in person_current_employments(person=person, on=on))
    if not paths:  # left the Rijk: the last organisation(s) keep HR responsibility for the record
        last = person.employments.select_related("organisation").order_by("-end_date", "-start_date").first()
        paths = (last.organisation.path,) if last else ()
    return PersonTarget(person_id=person.pk, organisation_paths=paths)
