# SPDX-License-Identifier: EUPL-1.2
"""The schema of run-time item categories: field definitions an administrator submits, and item data.

A category's ``fields`` is a list of definitions::

    {"key": "uitgever", "label_nl": "Uitgegeven door", "label_en": "Issuer", "type": "text",
     "required": true, "choices": [...] (type "choice" only), "help_nl": "...", "help_en": "..."}

:func:`validate_fields` checks such a list; :func:`validate_data` checks (and normalises) an item's ``data``
against it. Both return :class:`Problem` values — a stable ``code``, the ``field`` it is about and
``params`` for the message — never raise on bad input. The Dutch (and English) messages are the apps' job
(``portfolios.services``), so this module stays free of any framework.

Data is stored as JSON: dates as ``YYYY-MM-DD`` strings, integers as numbers, booleans as booleans.
Empty optional values are left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field as dc_field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

FIELD_TYPES: tuple[str, ...] = ("text", "markdown", "date", "integer", "url", "choice", "boolean")
DEFINITION_KEYS = frozenset(
    {"key", "label_nl", "label_en", "type", "required", "choices", "help_nl", "help_en"}
)
CHOICE_KEYS = frozenset({"value", "label_nl", "label_en"})

KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_FIELDS = 30
MAX_CHOICES = 50
MAX_LABEL = 120
MAX_HELP = 500
MAX_TEXT = 500
MAX_MARKDOWN = 20_000
MAX_URL = 500
MAX_INTEGER = 10**9
TRUE_STRINGS = frozenset({"true", "1", "on", "ja"})
FALSE_STRINGS = frozenset({"false", "0", "off", "nee"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong. ``field``: the data key (item data) or ``"fields"`` (definitions); ``params`` for the
    message, e.g. ``{"index": 2, "key": "datum"}`` (``index`` is 1-based, as an administrator counts)."""

    field: str
    code: str
    params: Mapping[str, Any] = dc_field(default_factory=dict)


# --- field definitions -----------------------------------------------------------------------------------


def _is_text(value: Any, limit: int) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= limit


def _choice_problems(choices: Any, params: dict[str, Any]) -> list[Problem]:
    if not isinstance(choices, list) or not choices:
        return [Problem("fields", "choices_missing", params)]
    if len(choices) > MAX_CHOICES:
        return [Problem("fields", "choices_too_many", {**params, "max": MAX_CHOICES})]
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, choice in enumerate(choices, start=1):
        where = {**params, "choice": number}
        if (
            not isinstance(choice, dict)
            or set(choice) - CHOICE_KEYS
            or not _is_text(choice.get("value"), MAX_LABEL)
            or not _is_text(choice.get("label_nl"), MAX_LABEL)
            or not _is_text(choice.get("label_en"), MAX_LABEL)
        ):
            problems.append(Problem("fields", "choice_invalid", where))
            continue
        if choice["value"] in seen:
            problems.append(Problem("fields", "choice_duplicate", {**where, "value": choice["value"]}))
        seen.add(choice["value"])
    return problems


def _definition_problems(definition: Any, index: int, seen_keys: set[str]) -> list[Problem]:
    params: dict[str, Any] = {"index": index}
    if not isinstance(definition, dict):
        return [Problem("fields", "field_not_object", params)]
    key = definition.get("key")
    if isinstance(key, str) and key:
        params["key"] = key
    problems: list[Problem] = []
    unknown = sorted(str(k) for k in set(definition) - DEFINITION_KEYS)
    if unknown:
        problems.append(Problem("fields", "attribute_unknown", {**params, "names": ", ".join(unknown)}))
    if not isinstance(key, str) or not KEY_RE.match(key):
        problems.append(Problem("fields", "key_invalid", params))
    elif key in seen_keys:
        problems.append(Problem("fields", "key_duplicate", params))
    else:
        seen_keys.add(key)
    for label in ("label_nl", "label_en"):
        if not _is_text(definition.get(label), MAX_LABEL):
            problems.append(Problem("fields", f"{label}_invalid", {**params, "max": MAX_LABEL}))
    for help_key in ("help_nl", "help_en"):
        value = definition.get(help_key, "")
        if not isinstance(value, str) or len(value) > MAX_HELP:
            problems.append(Problem("fields", "help_invalid", {**params, "max": MAX_HELP}))
            break
    if not isinstance(definition.get("required", False), bool):
        problems.append(Problem("fields", "required_not_bool", params))
    kind = definition.get("type")
    if kind not in FIELD_TYPES:
        problems.append(Problem("fields", "type_unknown", {**params, "types": ", ".join(FIELD_TYPES)}))
    elif kind == "choice":
        problems.extend(_choice_problems(definition.get("choices"), params))
    elif "choices" in definition:
        problems.append(Problem("fields", "choices_not_allowed", params))
    return problems


def validate_fields(definitions: Any) -> list[Problem]:
    """Problems with a list of field definitions; empty when it is valid."""
    if not isinstance(definitions, list):
        return [Problem("fields", "fields_not_list")]
    if len(definitions) > MAX_FIELDS:
        return [Problem("fields", "fields_too_many", {"max": MAX_FIELDS})]
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, definition in enumerate(definitions, start=1):
        problems.extend(_definition_problems(definition, index, seen))
    return problems


# --- item data -------------------------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _clean_value(kind: str, value: Any, definition: Mapping[str, Any]) -> tuple[Any, str | None]:
    """(normalised value, None) or (None, problem code)."""
    if kind in ("text", "markdown"):
        if not isinstance(value, str):
            return None, "not_text"
        limit = MAX_TEXT if kind == "text" else MAX_MARKDOWN
        if kind == "text" and ("\n" in value or "\r" in value):
            return None, "text_multiline"
        return (value.strip(), None) if len(value) <= limit else (None, "too_long")
    if kind == "date":
        if isinstance(value, date):
            return value.isoformat(), None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip()).isoformat(), None
            except ValueError:
                return None, "date_invalid"
        return None, "date_invalid"
    if kind == "integer":
        if isinstance(value, bool):
            return None, "integer_invalid"
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,10}\s*", value):
            value = int(value)
        if not isinstance(value, int):
            return None, "integer_invalid"
        return (value, None) if abs(value) <= MAX_INTEGER else (None, "integer_range")
    if kind == "url":
        if not isinstance(value, str) or len(value) > MAX_URL:
            return None, "url_invalid"
        value = value.strip()
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
            return None, "url_invalid"
        return value, None
    if kind == "choice":
        values = [c["value"] for c in definition.get("choices", [])]
        return (value, None) if isinstance(value, str) and value in values else (None, "choice_unknown")
    if kind == "boolean":
        if isinstance(value, bool):
            return value, None
        if isinstance(value, str) and value.strip().lower() in TRUE_STRINGS | FALSE_STRINGS:
            return value.strip().lower() in TRUE_STRINGS, None
        return None, "boolean_invalid"
    return None, "type_unknown"


def validate_data(
    definitions: Sequence[Mapping[str, Any]], data: Any
) -> tuple[dict[str, Any], list[Problem]]:
    """Check ``data`` against valid ``definitions``: (normalised data, problems).

    A key that is not a field of the category is a problem (``field_unknown``); a required field that is
    missing or empty is ``required``. ``params`` carry the field's ``label_nl``/``label_en``."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, [Problem("data", "data_not_object")]
    by_key = {str(d["key"]): d for d in definitions}
    problems = [Problem(str(k), "field_unknown", {"key": str(k)}) for k in data if k not in by_key]
    cleaned: dict[str, Any] = {}
    for key, definition in by_key.items():
        params = {"label_nl": definition.get("label_nl", key), "label_en": definition.get("label_en", key)}
        value = data.get(key)
        if _empty(value):
            if definition.get("required"):
                problems.append(Problem(key, "required", params))
            continue
        kind = str(definition.get("type"))
        clean, code = _clean_value(kind, value, definition)
        if code is not None:
            limit = MAX_TEXT if kind == "text" else MAX_MARKDOWN
            problems.append(Problem(key, code, {**params, "max": limit}))
        else:
            cleaned[key] = clean
    return cleaned, problems
