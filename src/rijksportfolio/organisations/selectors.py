# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.db.models import QuerySet

from rijksportfolio.organisations.models import Location, Organisation


def organisation_pk_for_path(*, path: str) -> int | None:
    """The organisation at a materialised ``path`` (as role scopes hold them), or None."""
    return Organisation.objects.filter(path=path).values_list("pk", flat=True).first()


def organisation_by_code(*, code: str) -> Organisation | None:
    """The organisation with this code (the short code the API and the commands use), or None."""
    return Organisation.objects.filter(code=code).first()


def organisation_pk_and_path_for_code(*, code: str) -> tuple[int, str] | None:
    """(pk, materialised path) of the organisation with ``code``, or None."""
    row = Organisation.objects.filter(code=code).values_list("pk", "path").first()
    return (row[0], row[1]) if row else None


def organisation_subtree(*, organisation: Organisation) -> QuerySet[Organisation]:
    return Organisation.objects.filter(path__startswith=organisation.path)


def organisation_ancestors(*, organisation: Organisation) -> list[Organisation]:
    """From the top (ministry) down to the organisation's parent."""
    step = len(organisation.path) // (organisation.depth + 1) if organisation.path else 0
    prefixes = [organisation.path[: step * i] for i in range(1, organisation.depth + 1)]
    by_path = {o.path: o for o in Organisation.objects.filter(path__in=prefixes)}
    return [by_path[p] for p in prefixes if p in by_path]


def organisation_ministry(*, organisation: Organisation) -> Organisation:
    ancestors = organisation_ancestors(organisation=organisation)
    return ancestors[0] if ancestors else organisation


def location_provinces() -> list[str]:
    """The provinces of the work locations, sorted (for filters on the region of the work location)."""
    return list(
        Location.objects.exclude(province="")
        .order_by("province")
        .values_list("province", flat=True)
        .distinct()
    )
