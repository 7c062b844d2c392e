# SPDX-License-Identifier: EUPL-1.2
"""OpenID Connect login against the Rijk's identity provider (mozilla-django-oidc).

Accounts are linked to a ``Person`` by the personnel number in the claim named by ``OIDC_PERSON_CLAIM``.
A login for a personnel number unknown to Rijksportfolio is refused. The backend never assigns roles:
every civil servant is an employee through their person link; other roles are assigned by an
administrator (``accounts.services.role_assign``). See docs/operators/sso.md.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from rijksportfolio.accounts.services import user_create
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.people.models import Person


class RijkOIDCBackend(OIDCAuthenticationBackend):
    def personnel_number(self, claims: dict[str, Any]) -> str:
        return str(claims.get(settings.OIDC_PERSON_CLAIM) or "").strip()

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(self.personnel_number(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]):  # type: ignore[no-untyped-def]
        number = self.personnel_number(claims)
        if not number:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(person__personnel_number=number, is_active=True)

    def create_user(self, claims: dict[str, Any]):  # type: ignore[no-untyped-def]
        """First OIDC login of a known person: create an OIDC-only account linked to them (no roles)."""
        number = self.personnel_number(claims)
        person = Person.objects.filter(personnel_number=number).first()
        if person is None or self.UserModel.objects.filter(person=person).exists():
            return None  # unknown person, or their account is inactive: refuse
        return user_create(
            username=f"oidc-{number}"[:150],
            password=None,
            person=person,
            email=claims.get("email", "") or "",
        )

    def update_user(self, user, claims: dict[str, Any]):  # type: ignore[no-untyped-def]
        email = claims.get("email")
        if email and email != user.email:
            user.email = email
            user.save(update_fields=["email"])
        return user

    def authenticate(self, request, **kwargs):  # type: ignore[no-untyped-def]
        user = super().authenticate(request, **kwargs)
        if user is not None:
            audit_record(
                actor=user, action=AuditAction.LOGIN, object_type="user", object_id=user.pk, purpose="oidc"
            )
        return user
