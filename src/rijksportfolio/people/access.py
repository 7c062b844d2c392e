# SPDX-License-Identifier: EUPL-1.2
"""Guarded reads of people and their employment history: permission check and audit row in one place."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.audit.models import AuditAction, AuditOutcome
from rijksportfolio.audit.services import audit_record
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.people.selectors import person_history, person_target


def _check(user: Any, action: str, person: Person, *, object_type: str, purpose: str) -> None:
    principal = principal_for(user)
    if can(principal, action, person_target(person=person)):
        return
    audit_record(
        actor=user,
        action=AuditAction.READ,
        object_type=object_type,
        object_id=person.pk,
        subject_person=person,
        purpose=purpose,
        outcome=AuditOutcome.DENIED,
    )
    raise PermissionDenied


def person_card_get(*, user: Any, person: Person) -> Person:
    """The directory card (name, current job, organisation, location). Visible to civil servants; not audited."""
    principal = principal_for(user)
    if not can(principal, "person.view_card", person_target(person=person)):
        raise PermissionDenied
    return person


def person_employment_history_get(*, user: Any, person: Person, purpose: str = "") -> list[Employment]:
    """Full employment history. Every read by someone other than the person is audited."""
    _check(user, "person.view_employment", person, object_type="employment_history", purpose=purpose)
    if principal_for(user).person_id != person.pk:
        audit_record(
            actor=user,
            action=AuditAction.READ,
            object_type="employment_history",
            object_id=person.pk,
            subject_person=person,
            purpose=purpose,
        )
    return person_history(person=person)


def person_personal_details_visible(*, user: Any, person: Person, purpose: str = "") -> bool:
    """May ``user`` see date of birth, gender and personnel number? Audits the read when yes and not self."""
    principal = principal_for(user)
    if not can(principal, "person.view_personal", person_target(person=person)):
        return False
    if principal.person_id != person.pk:
        audit_record(
            actor=user,
            action=AuditAction.READ,
            object_type="personal_details",
            object_id=person.pk,
            subject_person=person,
            purpose=purpose,
        )
    return True
