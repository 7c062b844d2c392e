# SPDX-License-Identifier: EUPL-1.2
"""Template helpers of the portfolio screens: an item's category fields for display, visibility labels."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rijksportfolio.portfolios.access import ItemView
from rijksportfolio.portfolios.constants import FieldType, Visibility
from rijksportfolio.portfolios.forms import localised
from rijksportfolio.portfolios.models import Item

register = template.Library()


def _display(definition: dict[str, Any], value: Any) -> str:
    kind = definition.get("type")
    if kind == FieldType.BOOLEAN:
        return _("ja") if value else _("nee")
    if kind == FieldType.DATE and isinstance(value, str):
        try:
            return date_format(date.fromisoformat(value), "j F Y")
        except ValueError:
            return value
    if kind == FieldType.CHOICE:
        for choice in definition.get("choices", []):
            if choice.get("value") == value:
                return localised(choice, "label")
    return str(value)


@register.filter
def item_fields(item: Item | ItemView) -> list[dict[str, Any]]:
    """The item's category fields that have a value: label, display text, and whether it is a link or Markdown.

    Takes the owner's ``Item`` or the ``ItemView`` of ``portfolios.access``. Values the category no longer
    defines (a field removed later) are still shown, under their key, so that nothing entered disappears."""
    data = dict(item.data or {})
    definitions = item.fields if isinstance(item, ItemView) else item.category.fields
    rows = []
    for definition in definitions or []:
        key = definition.get("key")
        if key not in data or data[key] in (None, ""):
            continue
        value = data.pop(key)
        if definition.get("type") == FieldType.BOOLEAN and not value:
            continue
        rows.append(
            {
                "label": localised(definition, "label"),
                "value": _display(definition, value),
                "is_url": definition.get("type") == FieldType.URL,
                "is_markdown": definition.get("type") == FieldType.MARKDOWN,
            }
        )
    for key, value in data.items():
        if value not in (None, ""):
            rows.append({"label": key, "value": str(value), "is_url": False, "is_markdown": False})
    return rows


@register.filter
def visibility_label(value: str) -> str:
    if not value:
        return ""
    return str(Visibility(value).label)


@register.filter
def safe_url(value: str) -> str:
    """Only http(s) links are rendered as links (no ``javascript:``); anything else becomes ''."""
    text = str(value or "")
    return text if text.lower().startswith(("https://", "http://")) else ""


EVIDENCE_URL_NAME = "portfolios:evidence_download"


@register.simple_tag
def evidence_url(evidence_id: int) -> str:
    """The download address of an evidence file (pfiles' view), or "" while that view is not installed."""
    try:
        return reverse(EVIDENCE_URL_NAME, args=[evidence_id])
    except NoReverseMatch:
        return ""
