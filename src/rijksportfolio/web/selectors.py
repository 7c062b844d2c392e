# SPDX-License-Identifier: EUPL-1.2
"""Reads the web pages need that no domain app offers yet (headcounts, audit trail of a person).

Candidates to move to ``organisations.selectors`` / ``audit.selectors`` once those exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from rijksportfolio.accounts.cache import TTLCache
from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.organisations import read_cache
from rijksportfolio.organisations.constants import PATH_STEP, OrganisationKind
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.constants import ContractType
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.people.selectors import employments_current

AGENCY_KINDS = (OrganisationKind.AGENCY, OrganisationKind.INSPECTORATE, OrganisationKind.SHARED_SERVICE)


_aggregates: TTLCache[tuple[object, ...], object] = TTLCache(maxsize=4096)


def _aggregate[T](name: str, arg: object, on: date | None, compute: Callable[[], T]) -> T:
    """Workforce aggregates are counted over all current records, which grows with the Rijk; they are kept
    per process for ``AGGREGATE_CACHE_TTL`` seconds (``RPF_AGGREGATE_CACHE_TTL``, default 60) and recomputed
    at once after a change through the services in this process (the directory version is in the key)."""
    ttl = float(getattr(settings, "AGGREGATE_CACHE_TTL", 60))
    if ttl <= 0:
        return compute()
    key = (name, arg, on or date.today(), read_cache.directory_version())
    value = _aggregates.get(key)
    if value is None:
        value = compute()
        _aggregates.set(key, value, ttl)
    return value  # type: ignore[return-value]


def organisation_headcount(*, organisation: Organisation, on: date | None = None) -> int:
    """The organisation's headcount as the stuurinformatie counts it for that scope (docs/workforce-figures.md):
    distinct persons with a running *personnel* record (external hires are not personnel) anywhere in its
    subtree; a person with two jobs there counts once. A raw count: suppress it before showing it to anyone who
    may not see the people (cached, see above)."""
    return _aggregate("headcount", organisation.path, on, lambda: _organisation_headcount(organisation, on))


def _organisation_headcount(organisation: Organisation, on: date | None) -> int:
    return (
        _personnel(on)
        .filter(organisation__path__startswith=organisation.path)
        .values("person_id")
        .distinct()
        .count()
    )


def ministries_with_agencies() -> list[tuple[Organisation, list[Organisation]]]:
    ministries = list(Organisation.objects.filter(depth=0, active=True).order_by("name"))
    agencies: dict[int | None, list[Organisation]] = {}
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


# --- "Rijk in cijfers" ---------------------------------------------------------------------------------

SCALE_GROUPS = ((1, 6), (7, 9), (10, 11), (12, 13), (14, 15), (16, 18))
AGE_BANDS = ((0, 24), (25, 34), (35, 44), (45, 54), (55, 59), (60, 64), (65, 200))
GENDER_COLUMNS = ("female", "male", "")  # "" = other or unknown, one column so nobody drops out of a total


@dataclass(frozen=True)
class RijkFigures:
    """Counts of people for the "Rijk in cijfers" page, each person counted once (at their main job: the
    running record with the largest FTE, then the earliest start), so that every table adds up to the same
    headcount. Personnel as in docs/workforce-figures.md: external hires are not counted. Raw counts:
    suppression is the page's job (``domain.suppression``)."""

    on: date
    ministries: list[Organisation]
    by_ministry_and_scale_group: list[list[int]]  # ministry x SCALE_GROUPS
    by_age_band_and_gender: list[list[int]]  # AGE_BANDS x GENDER_COLUMNS
    trend_dates: list[date]  # 1 January of each of the last ten years
    trend_by_gender: list[list[int]]  # trend_dates x GENDER_COLUMNS


def _gender_column(gender: str) -> int:
    return GENDER_COLUMNS.index(gender) if gender in GENDER_COLUMNS[:-1] else len(GENDER_COLUMNS) - 1


def _band(value: int, bands: tuple[tuple[int, int], ...]) -> int:
    return next(k for k, (low, high) in enumerate(bands) if low <= value <= high)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _personnel(on: date | None) -> QuerySet[Employment]:
    """Running personnel records on ``on`` (default today): not the external hires."""
    return employments_current(on=on).exclude(contract_type=ContractType.EXTERNAL)


def rijk_figures(*, on: date | None = None) -> RijkFigures:
    """The counts behind the "Rijk in cijfers" page (cached, see ``_aggregate``)."""
    on = on or date.today()
    return _aggregate("rijk-figures", None, on, lambda: _rijk_figures(on))


def _rijk_figures(on: date) -> RijkFigures:
    ministries = list(Organisation.objects.filter(depth=0).order_by("name"))
    index = {m.path: k for k, m in enumerate(ministries)}
    matrix = [[0] * len(SCALE_GROUPS) for _ in ministries]
    ages = [[0] * len(GENDER_COLUMNS) for _ in AGE_BANDS]
    rows = (
        _personnel(on)
        .order_by("person_id", "-fte", "start_date", "id")
        .values_list(
            "person_id", "organisation__path", "salary_scale", "person__gender", "person__date_of_birth"
        )
    )
    last = None
    for person_id, path, scale, gender, born in rows.iterator(chunk_size=5000):
        if person_id == last:
            continue
        last = person_id
        ministry = index.get(path[: PATH_STEP + 1])
        if ministry is not None:
            matrix[ministry][_band(scale, SCALE_GROUPS)] += 1
        ages[_band(_age(born, on), AGE_BANDS)][_gender_column(gender)] += 1
    dates = [date(on.year - k, 1, 1) for k in range(9, -1, -1)]
    # One scan for all ten dates: a distinct count per date, filtered to the records running on it.
    running = {
        f"d{k}": Count(
            "person_id",
            distinct=True,
            filter=Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day)),
        )
        for k, day in enumerate(dates)
    }
    trend = [[0] * len(GENDER_COLUMNS) for _ in dates]
    for row in (
        Employment.objects.exclude(contract_type=ContractType.EXTERNAL)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=dates[0]), start_date__lte=dates[-1])
        .values("person__gender")
        .annotate(**running)
        .values_list("person__gender", *running)
    ):
        for k, n in enumerate(row[1:]):
            trend[k][_gender_column(row[0])] += n
    return RijkFigures(on, ministries, matrix, ages, dates, trend)
