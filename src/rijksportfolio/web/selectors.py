# SPDX-License-Identifier: EUPL-1.2
"""Reads the web pages need that no domain app offers yet (headcounts, audit trail of a person).

Candidates to move to ``organisations.selectors`` / ``audit.selectors`` once those exist.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.organisations.constants import PATH_STEP, OrganisationKind
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.models import Person
from rijksportfolio.people.selectors import employments_current

AGENCY_KINDS = (OrganisationKind.AGENCY, OrganisationKind.INSPECTORATE, OrganisationKind.SHARED_SERVICE)


def organisation_headcount(*, organisation: Organisation, on: date | None = None) -> int:
    """People with a running employment record anywhere in the organisation's subtree."""
    return (
        employments_current(on=on)
        .filter(organisation__path__startswith=organisation.path)
        .values("person_id")
        .distinct()
        .count()
    )


def headcount_by_ministry(*, on: date | None = None) -> list[tuple[Organisation, int]]:
    """Every ministry with the number of people currently employed in its subtree (one query + ministries)."""
    counts = dict(
        employments_current(on=on)
        .annotate(top=Substr("organisation__path", 1, PATH_STEP + 1))
        .values("top")
        .annotate(n=Count("person_id", distinct=True))
        .values_list("top", "n")
    )
    return [(m, counts.get(m.path, 0)) for m in Organisation.objects.filter(depth=0).order_by("name")]


def ministries_with_agencies() -> list[tuple[Organisation, list[Organisation]]]:
    ministries = list(Organisation.objects.filter(depth=0, active=True).order_by("name"))
    agencies: dict[int, list[Organisation]] = {}
    for org in Organisation.objects.filter(depth=1, active=True, kind__in=AGENCY_KINDS).order_by("name"):
        agencies.setdefault(org.parent_id, []).append(org)
    return [(m, agencies.get(m.pk, [])) for m in ministries]


def organisation_children(*, organisation: Organisation) -> list[Organisation]:
    return list(
        organisation.children.filter(active=True)
        .annotate(child_count=Count("children", filter=Q(children__active=True)))
        .order_by("name")
    )


def person_search(*, name: str = "") -> QuerySet[Person]:
    """Directory search on name parts (case-insensitive, every word must match a name part)."""
    qs = Person.objects.select_related("work_location")
    for word in name.split()[:5]:
        qs = qs.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(name_prefix__icontains=word)
        )
    return qs.order_by("last_name", "first_name", "pk")


def audit_events_about(*, person_id: int) -> QuerySet[AuditEvent]:
    """Audit events whose subject is the person: who looked at or changed their data."""
    return AuditEvent.objects.filter(subject_person_id=person_id).order_by("-at", "-id")
