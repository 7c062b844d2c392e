# SPDX-License-Identifier: EUPL-1.2
from django import template
from django.template.loader import select_template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()

SMALL_CELL = 10


@register.filter
def headcount(value: int, exact: bool = False) -> str:
    """Aggregate counts below 10 are shown as "< 10" so that small groups cannot be singled out."""
    if value is None:
        return ""
    if not exact and value < SMALL_CELL:
        return _("< 10")
    return number_format(value, force_grouping=True)


@register.simple_tag
def template_exists(*names: str) -> str:
    """The first of ``names`` that exists, or "" (for optional includes owned by other apps)."""
    try:
        return select_template(list(names)).template.name
    except template.TemplateDoesNotExist:
        return ""
