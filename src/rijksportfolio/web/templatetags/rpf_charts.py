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

from rijksportfolio.domain.charts import (
    SMALL,
    Chart,
    ChartText,
    DataTable,
    Element,
    Small,
    Value,
    chart_svg,
    mark,
)
from rijksportfolio.domain.suppression import DEFAULT_THRESHOLD

register = template.Library()

_ID = re.compile(r"[^a-z0-9-]+")


def chart_text() -> ChartText:
    """The words drawn inside charts, in the current language."""
    return ChartText(suppressed=_("afgeschermd"))


def display_value(value: Value, decimals: int = 0, threshold: int = 10) -> str:
    """A published figure as shown in tables: Dutch grouping, or the suppression mark ("< 10" or ``x``)."""
    if value is None or isinstance(value, Small):
        return mark(value, threshold)
    return number_format(value, decimal_pos=decimals if isinstance(value, float) else 0, force_grouping=True)


def table_context(table: DataTable) -> dict[str, Any]:
    """The rows of ``table`` for ``web/components/rpf-table.html``: labels, display texts, marks."""
    grid = table.grid()
    body = []
    last = len(grid) - 2
    for k, row in enumerate(grid[1:]):
        body.append(
            {
                "label": row[0],
                "total": table.has_total_row and k == last,
                "cells": [
                    {
                        "suppressed": v is None or v is SMALL,
                        "small": v is SMALL,
                        "text": display_value(v, table.decimals, table.threshold),  # type: ignore[arg-type]
                    }
                    for v in row[1:]
                ],
            }
        )
    return {
        "table": table,
        "header": grid[0],
        "body": body,
        "any_small": table.any_small,
        "any_marked": table.any_marked,
    }


def _element(e: Element) -> SafeString:
    attrs = mark_safe("".join(format_html(' {}="{}"', k, v) for k, v in e.attrs))  # noqa: S308 (escaped)
    inner = conditional_escape(e.text) + mark_safe("".join(_element(c) for c in e.children))  # noqa: S308
    return format_html("<{}{}>{}</{}>", e.tag, attrs, inner, e.tag)


@register.inclusion_tag("web/components/rpf-chart.html", takes_context=True)
def rpf_chart(context: template.Context, chart: Chart, *, downloads: bool = True) -> dict[str, Any]:
    table = chart.table
    chart_id = "rpf-chart-" + _ID.sub("-", table.slug.lower()).strip("-")
    svg = chart_svg(chart, chart_id=chart_id, text=chart_text())
    return {
        "chart_id": chart_id,
        "svg": svg,
        "svg_defs": mark_safe("".join(_element(e) for e in svg.defs)),  # noqa: S308 (format_html escaped)
        "svg_elements": mark_safe("".join(_element(e) for e in svg.elements)),  # noqa: S308
        **table_context(table),
        "downloads": _download_links(context, table) if downloads else [],
    }


@register.inclusion_tag("web/components/rpf-table.html", takes_context=True)
def rpf_table(
    context: template.Context,
    table: DataTable,
    *,
    downloads: bool = True,
    row_links: tuple[str, ...] | list[str] = (),
) -> dict[str, Any]:
    """A data table without a chart (e.g. long lists such as municipalities), with the same marks, note and
    downloads as the table of :func:`rpf_chart`. ``row_links``: a URL per row of ``table.rows`` (in order;
    "" for none) makes each row label a link (the total row never is)."""
    rendered = table_context(table)
    if row_links:
        if len(row_links) != len(table.rows):
            raise ValueError(f"{len(row_links)} row links for {len(table.rows)} rows")
        for row, href in zip(rendered["body"], row_links, strict=False):
            row["href"] = href
    return {
        "chart_id": "rpf-table-" + _ID.sub("-", table.slug.lower()).strip("-"),
        **rendered,
        "downloads": _download_links(context, table) if downloads else [],
    }


@register.filter
def rpf_figure(value: Value, decimals: int = 0) -> SafeString:
    """One published figure outside a data table (a table cell of one's own), shown as the data tables show
    it: Dutch grouping, or the mark "< 10" (primary suppression) or ``x`` (any other hidden figure) with the
    words a screen reader says instead."""
    text = display_value(value, decimals)
    if value is SMALL:
        spoken = _("minder dan %(threshold)s") % {"threshold": DEFAULT_THRESHOLD}
    elif value is None:
        spoken = _("afgeschermd")
    else:
        return format_html("{}", text)
    return format_html(
        '<span aria-hidden="true">{}</span><span class="rpf-visually-hidden">{}</span>', text, spoken
    )


def _download_links(context: template.Context, table: DataTable) -> list[dict[str, str]]:
    request = context.get("request")
    links: list[dict[str, str]] = []
    if request is not None:
        for fmt, label in (("csv", _("CSV")), ("xlsx", _("Excel (xlsx)"))):
            query = QueryDict(mutable=True)
            query.update(request.GET)
            query["formaat"] = fmt
            if fmt == "csv":
                query["tabel"] = table.slug
            else:
                query.pop("tabel", None)
            links.append({"label": label, "href": "?" + query.urlencode()})
    return links
