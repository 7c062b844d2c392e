# SPDX-License-Identifier: EUPL-1.2
"""Serializer fields shared by the API apps."""

from __future__ import annotations

from datetime import UTC, datetime

from rest_framework import serializers


class UtcDateTimeField(serializers.DateTimeField):
    """Datetimes in UTC, ISO 8601 with ``Z`` (NL API Design Rules), whatever ``TIME_ZONE`` says."""

    def to_representation(self, value: datetime | None) -> str | None:  # type: ignore[override]
        if value is None:
            return None
        return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
