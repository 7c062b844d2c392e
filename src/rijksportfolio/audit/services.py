# SPDX-License-Identifier: EUPL-1.2
"""Writing audit events.

Inside a web request, events are buffered and written by ``RequestIdMiddleware`` after the view has
finished, outside any transaction the view opened: an event survives the rollback of a failed request.
Outside a request (CLI, tasks) events are written at once.
"""

from __future__ import annotations

import contextvars
import functools
from dataclasses import dataclass, field
from typing import Any

from django.db import connections

from rijksportfolio import dbrows
from rijksportfolio.audit.models import AuditAction, AuditEvent, AuditOutcome


@dataclass
class _RequestContext:
    request_id: str
    pending: list[AuditEvent] = field(default_factory=list)


_current: contextvars.ContextVar[_RequestContext | None] = contextvars.ContextVar(
    "rpf_audit_request", default=None
)


def request_context_begin(request_id: str) -> contextvars.Token[_RequestContext | None]:
    return _current.set(_RequestContext(request_id=request_id))


def request_context_end(token: contextvars.Token[_RequestContext | None]) -> None:
    ctx = _current.get()
    _current.reset(token)
    if ctx and ctx.pending:
        _insert(ctx.pending)


@functools.cache
def _insert_columns() -> tuple[tuple[Any, ...], str]:
    fields = tuple(f for f in AuditEvent._meta.concrete_fields if not f.primary_key)
    qn = connections["default"].ops.quote_name
    head = f"INSERT INTO {qn(AuditEvent._meta.db_table)} ({', '.join(qn(str(f.column)) for f in fields)}) VALUES "  # noqa: S608 - identifiers from the model
    return fields, head


def _insert(events: list[AuditEvent]) -> None:
    """Write the events in one INSERT, the values prepared by their fields as ``bulk_create`` prepares
    them (``pre_save`` sets ``at``), without building the statement with the ORM on every request
    (``rijksportfolio.dbrows``: a prepared statement on PostgreSQL). In autocommit: the row is committed
    whatever the request did."""
    fields, head = _insert_columns()
    connection = connections["default"]
    placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
    params: list[Any] = []
    for event in events:
        params += [f.get_db_prep_save(f.pre_save(event, True), connection) for f in fields]
    dbrows.execute(head + ", ".join([placeholders] * len(events)), params)


def current_request_id() -> str:
    ctx = _current.get()
    return ctx.request_id if ctx else ""


def _actor_label(actor: Any) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return ""
    person = getattr(actor, "person", None)
    return str(person.full_name if person is not None else actor.get_username())


def audit_record(
    *,
    actor: Any,
    action: str,
    object_type: str,
    object_id: Any = "",
    subject_person: Any = None,
    purpose: str = "",
    outcome: str = AuditOutcome.SUCCESS,
) -> AuditEvent:
    """Record one sensitive read or write. Never pass the content itself, only what identifies it."""
    assert action in AuditAction.values, action
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    event = AuditEvent(
        actor=user,
        actor_label=_actor_label(actor),
        subject_person=subject_person,
        object_type=object_type,
        object_id=str(object_id)[:64],
        action=action,
        outcome=outcome,
        purpose=purpose[:300],
        request_id=current_request_id(),
    )
    ctx = _current.get()
    if ctx is not None:
        ctx.pending.append(event)
    else:
        event.save()
    return event
