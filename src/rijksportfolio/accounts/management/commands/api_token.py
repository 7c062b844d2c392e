# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio api-token create|list|revoke``: bearer tokens for API integrations.

The token is printed once, at creation; only its SHA-256 is stored (``accounts.ApiToken``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from rijksportfolio.accounts import services
from rijksportfolio.accounts.models import ApiToken
from rijksportfolio.accounts.services import api_token_create


class Command(BaseCommand):
    help = "API tokens for integrations: create (prints the token once), list, revoke."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token for a user and print it once.")
        create.add_argument("--user", required=True, help="User name of the account the token acts as.")
        create.add_argument(
            "--name", required=True, help="What the token is for, e.g. the integration's name."
        )
        create.add_argument(
            "--expires-days", type=int, default=None, help="Expire after this many days (default: never)."
        )
        listing = sub.add_parser("list", help="List tokens (prefix, name, user, expiry, revoked).")
        listing.add_argument("--user", default=None, help="Only the tokens of this user.")
        revoke = sub.add_parser("revoke", help="Revoke a token by its prefix.")
        revoke.add_argument("prefix", help="The token prefix as shown by list (the 8 characters after rpf_).")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _create(self, options: dict[str, Any]) -> None:
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"Unknown user {options['user']!r}.")
        if not user.is_active:
            raise CommandError(f"User {options['user']!r} is not active.")
        days = options["expires_days"]
        if days is not None and days < 1:
            raise CommandError("--expires-days must be 1 or more.")
        _token, key = api_token_create(
            user=user,
            name=options["name"],
            expires_at=timezone.now() + timedelta(days=days) if days else None,
        )
        self.stderr.write(
            f"Token {options['name']!r} for {user.username}; it is shown only now, store it safely:"
        )
        self.stdout.write(key)

    def _list(self, options: dict[str, Any]) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("created_at")
        if options["user"]:
            tokens = tokens.filter(user__username=options["user"])
        for token in tokens:
            state = (
                "revoked"
                if token.revoked_at
                else ("expired" if token.expires_at and token.expires_at <= timezone.now() else "active")
            )
            expires = token.expires_at.isoformat(timespec="minutes") if token.expires_at else "never"
            self.stdout.write(
                f"{token.prefix}  {state:8}  {token.user.username:20}  expires {expires}  {token.name}"
            )

    def _revoke(self, options: dict[str, Any]) -> None:
        tokens = list(ApiToken.objects.filter(prefix=options["prefix"], revoked_at__isnull=True))
        for token in tokens:
            services.api_token_revoke(token=token)
        count = len(tokens)
        if count == 0:
            raise CommandError(f"No active token with prefix {options['prefix']!r}.")
        self.stdout.write(f"Revoked {count} token(s).")
