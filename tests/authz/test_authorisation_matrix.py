# SPDX-License-Identifier: EUPL-1.2
"""Every URL × every role: 0 unexpected allows or denies, and no URL without a row (see matrix.py)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse

from .matrix import ANONYMOUS, PRINCIPALS, ROWS, SELF, SUBJECT_KEY, USERNAME_FOR, Row
from .urlwalk import endpoints


def _value(value: Any, world: Any, subject: Any) -> Any:
    return value(world, subject) if callable(value) else value


def _outcome(row: Row, response: Any) -> str:
    code = response.status_code
    if code in (401, 403):
        return "deny"
    if code in (301, 302, 303, 307) and row.web:
        # login_required sends to the login page with ?next=; a plain redirect there (logout) is no refusal
        path, _, query = response["Location"].partition("?")
        return "deny" if path == reverse(settings.LOGIN_URL) and "next=" in query else "allow"
    if 200 <= code < 400:
        return "allow"
    return f"error {code}"


def _request(client: Client, row: Row, world: Any, subject: Any) -> Any:
    url = reverse(row.name, kwargs=_value(row.kwargs, world, subject))
    body = _value(row.body, world, subject)
    query = _value(row.query, world, subject)
    method = getattr(client, row.method.lower())
    if row.method == "GET":
        return method(url, query or {})
    if row.web:
        return method(url, body or {})
    return method(url, json.dumps(body or {}), content_type="application/json")


def _cases(row: Row, principal: str, world: Any) -> list[tuple[str, Any, frozenset[str]]]:
    if row.allow is not None:
        return [("-", None, row.allow)]
    result = []
    for case, allowed in (row.cases or {}).items():
        if case == SELF:
            user = world.users.get(USERNAME_FOR.get(principal, ""))
            if user is None or user.person is None:
                continue  # no own person: the case does not apply
            subject = user.person
        else:
            subject = world.people[SUBJECT_KEY[case]]
        result.append((case, subject, allowed))
    return result


def test_authorisation_matrix(world):
    mismatches = []
    checked = 0
    for principal in PRINCIPALS:
        client = Client(raise_request_exception=False)
        for row in ROWS:
            for case, subject, allowed in _cases(row, principal, world):
                if principal != ANONYMOUS:  # again for every request: a row may log out
                    client.force_login(world.users[USERNAME_FOR[principal]])
                with transaction.atomic():  # every request's writes are undone: rows stay independent
                    response = _request(client, row, world, subject)
                    transaction.set_rollback(True)
                expected = "allow" if principal in allowed else "deny"
                got = _outcome(row, response)
                checked += 1
                if got != expected:
                    detail = response.content[:200].decode(errors="replace")
                    mismatches.append(
                        f"{row.method:6} {row.name:32} {case:8} {principal:15} expected {expected:5} got {got}: {detail}"
                    )
    assert checked > 100
    assert not mismatches, f"{len(mismatches)} of {checked} unexpected:\n" + "\n".join(mismatches)


def test_every_url_has_a_row():
    """A new URL pattern (or a new method of a class-based view) without a row in matrix.py fails here."""
    covered = {(row.name, row.method) for row in ROWS}
    names = {row.name for row in ROWS}
    missing = []
    for endpoint in endpoints():
        if endpoint.name is None:
            missing.append(f"{endpoint.route}: give the URL pattern a name, then add rows")
        elif endpoint.methods is None:
            if endpoint.name not in names:
                missing.append(f"{endpoint.name} ({endpoint.route})")
        else:
            missing += [
                f"{endpoint.name} {m} ({endpoint.route})"
                for m in endpoint.methods
                if (endpoint.name, m) not in covered
            ]
    assert not missing, "URL patterns without a row in tests/authz/matrix.py:\n" + "\n".join(missing)


def test_no_row_without_a_url():
    """Rows of removed URLs (or methods a view no longer has) are stale."""
    known = {e.name: e.methods for e in endpoints() if e.name}
    stale = [
        f"{row.name} {row.method}"
        for row in ROWS
        if row.name not in known or (known[row.name] is not None and row.method not in known[row.name])
    ]
    assert not stale, "Rows for URLs that do not exist:\n" + "\n".join(stale)
