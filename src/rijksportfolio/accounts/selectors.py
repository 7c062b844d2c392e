# SPDX-License-Identifier: EUPL-1.2
"""Reads for accounts."""

from __future__ import annotations

from datetime import date
from typing import Any

from rijksportfolio.accounts.models import RoleAssignment
from rijksportfolio.organisations.models import Organisation


def user_scoped_organisations(*, user: Any, on: date | None = None) -> list[tuple[str, Organisation]]:
    """(role, organisation) for every currently valid scoped role assignment of ``user``, by role then path.

    This says *where* a user holds a role; whether that lets them see something is for ``policy.can``.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    on = on or date.today()
    result: list[tuple[str, Organisation]] = []
    for assignment in (
        RoleAssignment.objects.filter(user=user, organisation__isnull=False)
        .select_related("organisation")
        .order_by("role", "organisation__path")
    ):
        if assignment.organisation is None:  # excluded by the filter; narrows the type
            continue
        if assignment.valid_from and assignment.valid_from > on:
            continue
        if assignment.valid_until and assignment.valid_until < on:
            continue
        result.append((assignment.role, assignment.organisation))
    return result
