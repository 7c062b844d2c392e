# SPDX-License-Identifier: EUPL-1.2
"""Template tags for the ESCO taxonomy: ``{% load skills_taxonomy %}{% esco_version as v %}``."""

from __future__ import annotations

from django import template

from rijksportfolio.skills.models import TaxonomyVersion
from rijksportfolio.skills.selectors import rijk_label_count, taxonomy_version_in_use

register = template.Library()


@register.simple_tag
def esco_version() -> TaxonomyVersion | None:
    """The ESCO version in use (cached), or None before any taxonomy is loaded."""
    return taxonomy_version_in_use()


@register.simple_tag(name="rijk_label_count")
def rijk_label_count_tag() -> int:
    """How many skills show a Dutch label of the Rijk rather than ESCO's (cached; for the attribution)."""
    return rijk_label_count()
