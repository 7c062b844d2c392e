# SPDX-License-Identifier: EUPL-1.2
"""Web endpoints of the taxonomy: the skill autocomplete fragment (htmx) for the portfolio's skill picker.

The URL is ``portfolios:skill_autocomplete`` (``portfolios/urls.py``): the widget lives on portfolio pages.
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

# The widget's input id; option and listbox ids derive from it ("vaardigheid-optie-3").
_FIELD_ID = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
DEFAULT_FIELD_ID = "vaardigheid"
AUTOCOMPLETE_RESULTS = 10


@login_required
@require_GET
def skill_autocomplete(request: HttpRequest) -> HttpResponse:
    """``?zoek=…&veld=…``: an ARIA listbox of matching skills, to be swapped in next to the combobox input.

    Each option carries the skill id (``data-vaardigheid``) and its label (``data-naam``); English-only
    labels are marked with ``lang="en"`` and a visible "(Engels)". The status paragraph says how many were
    found, for the widget's live region. Not personal data: the query may travel in the URL.
    """
    if not can(principal_for(request.user), "taxonomy.view"):
        raise PermissionDenied
    field = request.GET.get("veld", "")
    if not _FIELD_ID.match(field):
        field = DEFAULT_FIELD_ID
    query = request.GET.get("zoek", "")
    hits = selectors.skills_autocomplete(query=query, limit=AUTOCOMPLETE_RESULTS)
    context = {"hits": hits, "field": field, "query": query.strip()}
    return render(request, "skills/partials/skill_autocomplete.html", context)
