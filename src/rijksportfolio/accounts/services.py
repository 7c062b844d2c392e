# SPDX-License-Identifier: EUPL-1.2
"""Writes for accounts: users, role assignments, API tokens, and the login use case (rate limit + audit)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, login
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from rijksportfolio.accounts import cache as auth_cache
from rijksportfolio.accounts.constants import SCOPED_ROLES, Role
from rijksportfolio.accounts.models import ApiToken, RoleAssignment, User
from rijksportfolio.audit.models import AuditAction, AuditOutcome
from rijksportfolio.audit.services import audit_record


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    person: Any = None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    is_staff: bool = False,
) -> User:
    """Create a login. ``password=None`` makes an account that can only log in through OIDC."""
    if person is not None:
        email = email or person.email
        first_name = first_name or person.first_name
        last_name = last_name or person.last_name
    user = User(
        username=username,
        person=person,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_staff=is_staff,
    )
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def role_assign(
    *,
    user: User,
    role: str,
    organisation: Any = None,
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> RoleAssignment:
    """Give ``user`` a role. Scoped roles (manager, HR adviser, org admin, works council) need an organisation;
    the others must not have one. Idempotent for the same (user, role, organisation)."""
    if role not in Role.values:
        raise ValidationError(_("Onbekende rol: %(role)s.") % {"role": role})
    if role in SCOPED_ROLES and organisation is None:
        raise ValidationError(_("De rol %(role)s hoort bij een organisatie.") % {"role": Role(role).label})
    if role not in SCOPED_ROLES and organisation is not None:
        raise ValidationError(
            _("De rol %(role)s hoort niet bij een organisatie.") % {"role": Role(role).label}
        )
    assignment, _created = RoleAssignment.objects.update_or_create(
        user=user,
        role=role,
        organisation=organisation,
        defaults={"valid_from": valid_from, "valid_until": valid_until},
    )
    if hasattr(user, "_rpf_principal"):
        del user._rpf_principal  # the memoised principal is stale now
    auth_cache.user_changed(user.pk)  # and so is this process's cached one (other processes: AUTH_CACHE_TTL)
    return assignment


def api_token_create(*, user: User, name: str, expires_at: datetime | None = None) -> tuple[ApiToken, str]:
    """Create a bearer token. Returns the stored token and the key; the key is shown once and never stored."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(
        user=user, name=name, key_hash=ApiToken.hash_key(key), prefix=key[4:12], expires_at=expires_at
    )
    return token, key


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a bearer token. Refused at once in this process; in other server processes within
    ``AUTH_CACHE_TTL`` seconds (their per-process cache, ``accounts.cache``)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    auth_cache.token_revoked(token.key_hash)
    return token


# --- Login -------------------------------------------------------------------------------------------


class LoginRateLimitedError(Exception):
    """Too many failed logins for this account or from this address within the window."""


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    rate_limited: bool = False


def client_ip(request: HttpRequest) -> str:
    """The client address as the web server saw it (``REMOTE_ADDR``; behind a proxy, the proxy's).
    ``X-Forwarded-For`` is not trusted here."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"rpf:login-fail:{kind}:{digest}"


def _failures(key: str) -> int:
    return int(cache.get(key, 0))


def _register_failure(key: str) -> None:
    window = settings.LOGIN_RATE_WINDOW
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)


def login_rate_limited(*, username: str, ip: str) -> bool:
    limit = settings.LOGIN_RATE_LIMIT
    return _failures(_key("user", username)) >= limit or _failures(_key("ip", ip)) >= limit


def login_rate_limit_reset(*, username: str) -> None:
    """After a successful login the account's counter starts again (the address counter runs on)."""
    cache.delete(_key("user", username))


def login_attempt(*, request: HttpRequest, username: str, password: str) -> LoginResult:
    """Check the rate limit, authenticate, log in (rotating the session key) and audit the outcome.

    The password is never logged or stored. Failures count per account name and per client address.
    """
    ip = client_ip(request)
    object_id = username[:64]
    if login_rate_limited(username=username, ip=ip):
        audit_record(
            actor=None,
            action=AuditAction.LOGIN_FAILED,
            object_type="user",
            object_id=object_id,
            purpose="rate_limited",
            outcome=AuditOutcome.DENIED,
        )
        return LoginResult(user=None, rate_limited=True)
    user = authenticate(request, username=username, password=password)
    if user is None:
        _register_failure(_key("user", username))
        _register_failure(_key("ip", ip))
        audit_record(
            actor=None,
            action=AuditAction.LOGIN_FAILED,
            object_type="user",
            object_id=object_id,
            outcome=AuditOutcome.DENIED,
        )
        return LoginResult(user=None)
    login(request, user)  # cycles the session key and rotates the CSRF token
    login_rate_limit_reset(username=username)
    audit_record(actor=user, action=AuditAction.LOGIN, object_type="user", object_id=user.pk)
    return LoginResult(user=user)
