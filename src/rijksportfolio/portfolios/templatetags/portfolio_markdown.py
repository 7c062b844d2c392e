# SPDX-License-Identifier: EUPL-1.2
"""``{% load portfolio_markdown %}`` … ``{{ item.body|portfolio_markdown }}``: Markdown as safe HTML."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from rijksportfolio.portfolios.rendering import render_markdown

register = template.Library()


@register.filter(name="portfolio_markdown", is_safe=True)
def portfolio_markdown(value: object) -> SafeString:
    return render_markdown("" if value is None else str(value))
