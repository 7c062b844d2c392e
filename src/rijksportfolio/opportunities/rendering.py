# SPDX-License-Identifier: EUPL-1.2
"""An opportunity's description as safe HTML: escaped text with paragraphs and line breaks, then cleaned by
nh3 (defence in depth). Markdown markup shows as typed until the portfolio's Markdown renderer
(``portfolios/rendering.py``, branch pfiles) is on main; then this module calls it instead."""

from __future__ import annotations

import nh3
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe


def description_html(text: str) -> SafeString:
    if not text.strip():
        return mark_safe("")
    html = linebreaks(escape(text))
    return mark_safe(nh3.clean(str(html), tags={"p", "br"}, attributes={}))  # noqa: S308 - cleaned by nh3
