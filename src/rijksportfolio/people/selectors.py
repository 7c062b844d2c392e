# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import functools
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from rijksportfolio.accounts.policy import PersonTarget
from rijksportfolio.dbrows import ModelColumns, fetchall
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.skills.models import Occupation

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
    """All employment records of the person, newest first, with organisation and occupation: one query in
    plain SQL (``rijksportfolio.dbrows``; the same rows as
    ``person.employments.select_related("organisation", "occupation").order_by("-start_date", "-id")``)."""
    e, o, occ = _history_columns()
    records = []
    for row in fetchall(_history_sql(), [person.pk]):
        record = e.instance(row)
        assert record is not None
        record.organisation = o.instance(row, e.width)  # type: ignore[assignment]
        record.occupation = occ.instance(row, e.width + o.width)
        record.person = person
        records.append(record)
    return records


@functools.cache
def _history_columns() -> tuple[
    ModelColumns[Employment], ModelColumns[Organisation], ModelColumns[Occupation]
]:
    return ModelColumns(Employment, "e"), ModelColumns(Organisation, "o"), ModelColumns(Occupation, "occ")


@functools.cache
def _history_sql() -> str:
    e, o, occ = _history_columns()
    return (
        f"SELECT {e.sql}, {o.sql}, {occ.sql} FROM {e.table} e "  # noqa: S608 - identifiers from the models
        f"JOIN {o.table} o ON o.id = e.organisation_id "
        f"LEFT JOIN {occ.table} occ ON occ.id = e.occupation_id "
        "WHERE e.person_id = %s ORDER BY e.start_date DESC, e.id DESC"
    )


def person_card(*, pk: int | None = None, personnel_number: str | None = None) -> Person | None:
    """One person as the directory card and the policy need them, in one query in plain SQL
    (``rijksportfolio.dbrows``): the person, the work location (``work_location``), today's employment
    records with their organisation (``current_employments``, main record first: highest FTE, then
    earliest start) and the policy target (:func:`person_target` reads it instead of querying again).
    None when there is no such person. Give ``pk`` or ``personnel_number``."""
    if (pk is None) == (personnel_number is None):
        raise TypeError("give pk or personnel_number")
    today = date.today()
    key = "id" if pk is not None else "personnel_number"
    rows = fetchall(_card_sql(key), [today, today, pk if pk is not None else personnel_number])
    if not rows:
        return None
    p, loc, e, o = _card_columns()
    person = p.instance(rows[0])
    assert person is not None
    person.work_location = loc.instance(rows[0], p.width)
    current = []
    for row in rows:
        record = e.instance(row, p.width + loc.width)
        if record is not None:
            record.organisation = o.instance(row, p.width + loc.width + e.width)  # type: ignore[assignment]
            record.person = person
            current.append(record)
    person.current_employments = current  # type: ignore[attr-defined]
    fallback = rows[0][-1]
    paths = tuple(r.organisation.path for r in current) or ((fallback,) if fallback else ())
    person.policy_target_today = PersonTarget(person_id=person.pk, organisation_paths=paths)  # type: ignore[attr-defined]
    return person


@functools.cache
def _card_columns() -> tuple[
    ModelColumns[Person], ModelColumns[Location], ModelColumns[Employment], ModelColumns[Organisation]
]:
    return (
        ModelColumns(Person, "p"),
        ModelColumns(Location, "loc"),
        ModelColumns(Employment, "e"),
        ModelColumns(Organisation, "o"),
    )


@functools.cache
def _card_sql(key: str) -> str:
    p, loc, e, o = _card_columns()
    # The organisation of the last record (as in person_target), only for someone without a current one.
    last_path = (
        f"(SELECT o2.path FROM {e.table} e2 JOIN {o.table} o2 ON o2.id = e2.organisation_id "  # noqa: S608
        "WHERE e2.person_id = p.id ORDER BY e2.end_date DESC, e2.start_date DESC LIMIT 1)"
    )
    return (
        f"SELECT {p.sql}, {loc.sql}, {e.sql}, {o.sql}, "  # noqa: S608 - identifiers from the models
        f"CASE WHEN e.id IS NULL THEN {last_path} END FROM {p.table} p "
        f"LEFT JOIN {loc.table} loc ON loc.id = p.work_location_id "
        f"LEFT JOIN {e.table} e ON e.person_id = p.id AND e.start_date <= %s "
        "AND (e.end_date IS NULL OR e.end_date >= %s) "
        f"LEFT JOIN {o.table} o ON o.id = e.organisation_id "
        f"WHERE p.{key} = %s ORDER BY e.fte DESC, e.start_date, e.id"
    )


def person_target(*, person: Person, on: date | None = None) -> PersonTarget:
    """The person as the permission policy sees them: where they currently work.

    Uses what :func:`person_card` established, or ``person.current_employments`` when the caller prefetched
    today's records (``card_queryset``)."""
    if on is None and (known := getattr(person, "policy_target_today", None)) is not None:
        return known  # type: ignore[no-any-return]
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
