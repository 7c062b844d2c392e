# SPDX-License-Identifier: EUPL-1.2
"""``{% rpf_chart chart %}``: a chart (server-side SVG) always together with its data table and downloads.

Usage in a template::

    {% load rpf_charts %}
    {% rpf_chart chart %}                       {# downloads ?formaat=csv&tabel=<slug> / ?formaat=xlsx #}
    {% rpf_chart chart downloads=False %}       {# without the download links #}

``chart`` is a :class:`rijksportfolio.domain.charts.Chart`; the view answers the download links with
:func:`rijksportfolio.web.downloads.download_response`. See docs/developers/charts.md.
"""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.http import QueryDict
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from rijksportfolio.domain.charts import MARK, Chart, ChartText, Element, chart_svg

register = template.Library()

_ID = re.compile(r"[^a-z0-9-]+")


def chart_text() -> ChartText:
    """The words drawn inside charts, in the current language."""
    return ChartText(suppressed=_("afgeschermd"))


def display_value(value: int | float | None, decimals: int = 0) -> str:
    """A published figure as shown in tables: Dutch grouping, or the suppression mark."""
    if value is None:
        return MARK
    return number_format(value, decimal_pos=decimals if isinstance(value, float) else 0, force_grouping=True)


def _element(e: Element) -> SafeString:
    attrs = mark_safe("".join(format_html(' {}="{}"', k, v) for k, v in e.attrs))  # noqa: S308 (escaped)
    inner = conditional_escape(e.text) + mark_safe("".join(_element(c) for c in e.children))  # noqa: S308
    return format_html("<{}{}>{}</{}>", e.tag, attrs, inner, e.tag)


@register.inclusion_tag("web/components/rpf-chart.html", takes_context=True)
def rpf_chart(context: template.Context, chart: Chart, *, downloads: bool = True) -> dict[str, Any]:
    table = chart.table
    chart_id = "rpf-chart-" + _ID.sub("-", table.slug.lower()).strip("-")
    svg = chart_svg(chart, chart_id=chart_id, text=chart_text())
    grid = table.grid()
    body = []
    last = len(grid) - 2
    for k, row in enumerate(grid[1:]):
        body.append(
            {
                "label": row[0],
                "total": table.has_total_row and k == last,
                "cells": [
                    {"suppressed": v is None, "text": display_value(v, table.decimals)}  # type: ignore[arg-type]
                    for v in row[1:]
                ],
            }
        )
    request = context.get("request")
    links = []
    if downloads and request is not None:
        for fmt, label in (("csv", _("CSV")), ("xlsx", _("Excel (xlsx)"))):
            query = QueryDict(mutable=True)
            query.update(request.GET)
            query["formaat"] = fmt
            if fmt == "csv":
                query["tabel"] = table.slug
            else:
                query.pop("tabel", None)
            links.append({"label": label, "href": "?" + query.urlencode()})
    return {
        "chart_id": chart_id,
        "svg": svg,
        "svg_defs": mark_safe("".join(_element(e) for e in svg.defs)),  # noqa: S308 (format_html escaped)
        "svg_elements": mark_safe("".join(_element(e) for e in svg.elements)),  # noqa: S308
        "table": table,
        "header": grid[0],
        "body": body,
        "any_suppressed": table.any_suppressed,
        "downloads": links,
    }
