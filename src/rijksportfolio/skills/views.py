# SPDX-License-Identifier: EUPL-1.2
"""Web endpoints of the taxonomy: the skill autocomplete fragment (htmx) for the portfolio's skill picker.

The URL is ``portfolios:skill_autocomplete`` (``portfolios/urls.py``): the picker lives on portfolio pages
(``portfolios/_skill_picker.html``) and swaps this fragment into its results region (``aria-live``).
"""

from __future__ import annotations

import re

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.skills import selectors

# The form field the chosen skills post as (its html name); anything else falls back to the default.
_FIELD_NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,39}$")
DEFAULT_FIELD_NAME = "skills"
AUTOCOMPLETE_RESULTS = 10


@login_required
@require_GET
def skill_autocomplete(request: HttpRequest) -> HttpResponse:
    """``?q=…&veld=<field name>&soort=checkbox|radio``: matching skills as checkboxes or radio buttons.

    Real form controls with labels (no custom keyboard handling needed), named like the picker's field so
    a chosen skill posts with the form. English-only labels carry ``lang="en"`` and a visible "(Engels)"; an
    alternative label that matched is shown with it. ``zoek`` is accepted for ``q``. Not personal data: the
    query may travel in the URL.
    """
    if not can(principal_for(request.user), "taxonomy.view"):
        raise PermissionDenied
    name = request.GET.get("veld", "")
    if not _FIELD_NAME.match(name):
        name = DEFAULT_FIELD_NAME
    query = request.GET.get("q", request.GET.get("zoek", ""))
    hits = selectors.skills_autocomplete(query=query, limit=AUTOCOMPLETE_RESULTS)
    results = []
    for hit in hits:
        hit.skill.autocomplete_match = hit.matched_label  # type: ignore[attr-defined]
        results.append(hit.skill)
    context = {
        "results": results,
        "name": name,
        "multiple": request.GET.get("soort", "checkbox") != "radio",
        "searched": bool(query.strip()),
    }
    return render(request, "portfolios/partials/skill_results.html", context)
