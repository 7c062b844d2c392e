# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from rijksportfolio.accounts.policy import PersonTarget
from rijksportfolio.people.models import Employment, Person

if TYPE_CHECKING:
    from rijksportfolio.domain.analytics.calibration import CalibrationData


def employments_current(*, on: date | None = None) -> QuerySet[Employment]:
    """Employment records running on ``on`` (default today): started, and not ended before that day."""
    on = on or date.today()
    return Employment.objects.filter(Q(end_date__isnull=True) | Q(end_date__gte=on), start_date__lte=on)


def person_current_employments(*, person: Person, on: date | None = None) -> list[Employment]:
    return list(
        employments_current(on=on)
        .filter(person=person)
        .select_related("organisation")
        .order_by("-fte", "start_date")
    )


def person_history(*, person: Person) -> list[Employment]:
    return list(
        person.employments.select_related("organisation", "occupation").order_by("-start_date", "-id")
    )


def person_target(*, person: Person, on: date | None = None) -> PersonTarget:
    """The person as the permission policy sees them: where they currently work.

    Uses ``person.current_employments`` when the caller prefetched today's records (``card_queryset``)."""
    prefetched = getattr(person, "current_employments", None) if on is None else None
    current = prefetched if prefetched is not None else person_current_employments(person=person, on=on)
    paths = tuple(e.organisation.path for e in current)
    if not paths:  # left the Rijk: the last organisation(s) keep HR responsibility for the record
        last = person.employments.select_related("organisation").order_by("-end_date", "-start_date").first()
        paths = (last.organisation.path,) if last else ()
    return PersonTarget(person_id=person.pk, organisation_paths=paths)


def calibration_data() -> CalibrationData:
    """All persons and employment records as plain arrays for ``domain.analytics.calibration`` (the platform's
    own computation of the published figures). Each record carries the sector category of its nearest
    ancestor-or-self that has one and the code of its ministry (the root of its tree)."""
    import numpy as np
    from django.db import connection

    from rijksportfolio.domain.analytics.calibration import OPEN_END, CalibrationData
    from rijksportfolio.organisations.models import Organisation

    orgs = list(Organisation.objects.values_list("id", "path", "sector_category", "code", "depth"))
    by_path = {path: (category, code, depth) for _, path, category, code, depth in orgs}
    org_category: dict[int, str] = {}
    org_ministry: dict[int, str] = {}
    for pk, path, _category, code, depth in orgs:
        step = len(path) // (depth + 1) if path else 1
        prefixes = [path[: step * i] for i in range(depth + 1, 0, -1)]
        cat = next((by_path[p][0] for p in prefixes if p in by_path and by_path[p][0]), "")
        org_category[pk] = cat
        org_ministry[pk] = by_path[prefixes[-1]][1] if prefixes and prefixes[-1] in by_path else code
    people = list(Person.objects.order_by("id").values_list("id", "date_of_birth", "gender"))
    pid = np.array([p[0] for p in people], dtype=np.int64)
    birth = np.array([p[1] for p in people], dtype="datetime64[D]").astype(np.int64)
    female = np.array([p[2] == "female" for p in people], dtype=bool)
    table = Employment._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT person_id, organisation_id, start_date, end_date, fte, salary_scale, contract_type FROM {table}"  # noqa: S608
        )
        rows = cur.fetchall()
    person = np.searchsorted(pid, np.array([r[0] for r in rows], dtype=np.int64))
    org = [r[1] for r in rows]
    start = np.array([r[2] for r in rows], dtype="datetime64[D]").astype(np.int64)
    end_raw = np.array(
        [r[3] if r[3] is not None else np.datetime64("NaT", "D") for r in rows], dtype="datetime64[D]"
    )
    end = np.where(np.isnat(end_raw), OPEN_END, end_raw.astype(np.int64))
    return CalibrationData(
        birth=birth,
        female=female,
        person=np.asarray(person, dtype=np.int64),
        start=start,
        end=end,
        fte=np.array([float(r[4]) for r in rows], dtype=np.float64),
        scale=np.array([r[5] for r in rows], dtype=np.int64),
        contract=np.array([r[6] for r in rows]),
        category=np.array([org_category[o] for o in org]),
        ministry=np.array([org_ministry[o] for o in org]),
    )
