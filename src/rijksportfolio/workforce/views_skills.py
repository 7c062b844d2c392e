# SPDX-License-Identifier: EUPL-1.2
"""The Vaardigheden dashboard (issue 5, item 3: "skills present (portfolios) against skills asked
(opportunities), scarcest skills, per organisation"): figures from ``workforce.access.skills_get`` (policy,
suppression by ``domain.analytics.publish``), each chart with its data table and CSV/XLSX download."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from rijksportfolio.domain.analytics.skill_gap import ESSENTIAL_WEIGHT, OPTIONAL_WEIGHT
from rijksportfolio.domain.charts import SMALL, Chart, ChartKind, DataTable
from rijksportfolio.web.downloads import download_response
from rijksportfolio.workforce import access
from rijksportfolio.workforce.display import text
from rijksportfolio.workforce.forms import OrganisationForm
from rijksportfolio.workforce.views import Section
from rijksportfolio.workforce.views_mpp import refuse_outside, scope_for_user


def _skill(row: dict[str, Any]) -> str:
    label = str(row["label"])
    return f"{label} ({_('Engels')})" if row.get("label_language") == "en" else label


def skills_sections(data: dict[str, Any]) -> list[Section]:
    present = DataTable(
        title=_("Meest aanwezige vaardigheden"),
        row_heading=_("Vaardigheid"),
        columns=(_("Medewerkers"),),
        rows=tuple((_skill(r), (r["people"],)) for r in data["present"]),
        description=_(
            "Medewerkers die de vaardigheid in hun vaardighedenprofiel hebben en dat profiel voor alle "
            "rijksambtenaren zichtbaar maakten. Alleen vaardigheden van ten minste 10 medewerkers staan erin."
        ),
        slug="vaardigheden-aanwezig",
    )
    asked = DataTable(
        title=_("Meest gevraagde vaardigheden"),
        row_heading=_("Vaardigheid"),
        columns=(
            _("Kansen"),
            _("waarvan essentieel"),
            _("Gewogen vraag"),
            _("Medewerkers met de vaardigheid"),
        ),
        rows=tuple(
            (_skill(r), (r["opportunities"], r["essential"], r["weight"], r["people"])) for r in data["asked"]
        ),
        description=_(
            "Gepubliceerde kansen die de vaardigheid vragen. Gewogen vraag: %(essentieel)s per kans waarin de "
            "vaardigheid essentieel is, %(wenselijk)s waarin ze wenselijk is."
        )
        % {"essentieel": f"{ESSENTIAL_WEIGHT:g}", "wenselijk": f"{OPTIONAL_WEIGHT:g}"},
        slug="vaardigheden-gevraagd",
    )
    scarce = DataTable(
        title=_("Schaarste: gevraagd tegenover aanwezig"),
        row_heading=_("Vaardigheid"),
        columns=(_("Gewogen vraag"), _("Medewerkers met de vaardigheid"), _("Medewerkers per gewogen vraag")),
        rows=tuple((_skill(r), (r["weight"], r["people"], r["coverage"])) for r in data["scarce"]),
        description=_(
            "De gevraagde vaardigheden met de minste medewerkers per eenheid gewogen vraag, de schaarste eerst. "
            "Een afgeschermd aantal (1 tot 9) telt voor de volgorde als 5."
        ),
        decimals=2,
        slug="vaardigheden-schaarste",
    )
    units = data["units"]
    per_unit = DataTable(
        title=_("Per organisatie"),
        row_heading=_("Organisatie"),
        columns=(_("Medewerkers"), _("Delen hun vaardighedenprofiel"), _("Gepubliceerde kansen")),
        rows=tuple((u["name"], (u["headcount"], u["sharing"], u["opportunities"])) for u in units),
        column_totals=(data["headcount"], data["sharing"], data["opportunities"]),
        total_label=_("Totaal"),
        slug="vaardigheden-organisaties",
    )
    return [
        (
            _("Aanwezig"),
            Chart(
                ChartKind.BAR,
                present,
                description=_("Staafdiagram: de vaardigheden die de meeste medewerkers zichtbaar delen."),
            ),
        ),
        (
            _("Gevraagd"),
            Chart(
                ChartKind.BAR,
                asked,
                series=(0,),
                description=_("Staafdiagram: de vaardigheden die de meeste gepubliceerde kansen vragen."),
            ),
        ),
        (
            _("Schaarste"),
            Chart(
                ChartKind.BAR,
                scarce,
                series=(0, 1),
                description=_(
                    "Staafdiagram: per schaarse vaardigheid de gewogen vraag naast de medewerkers die haar hebben."
                ),
            ),
        ),
        (
            _("Per organisatie"),
            Chart(
                ChartKind.BAR,
                per_unit,
                description=_(
                    "Staafdiagram: per organisatie de medewerkers, wie een vaardighedenprofiel deelt en de "
                    "gepubliceerde kansen."
                ),
            ),
        ),
    ]


@login_required
def vaardigheden(request: HttpRequest) -> HttpResponse:
    organisations, rijk = scope_for_user(request)
    refuse_outside(request.GET, organisations)
    form = OrganisationForm(request.GET, organisations=organisations, rijk=rijk)
    title = _("Vaardigheden")
    context: dict[str, Any] = {"page_title": title, "form": form, "sections": []}
    if not form.is_valid():
        return render(request, "workforce/vaardigheden.html", context, status=400)
    organisation = form.organisation()
    today = dt.date.today()
    data = access.skills_get(user=request.user, organisation=organisation, on=today)
    sections = [(heading, chart) for heading, chart in skills_sections(data) if chart.table.rows]
    download = download_response(
        request,
        [chart.table for _h, chart in sections],
        filename="stuurinformatie-vaardigheden",
        title=title,
        on=today,
    )
    if download is not None:
        return download
    notes = []
    if not data["present"]:
        notes.append(_("Geen vaardigheid wordt door ten minste 10 medewerkers zichtbaar gedeeld."))
    if not data["asked"]:
        notes.append(_("Er zijn geen gepubliceerde kansen die vaardigheden vragen."))
    context.update(
        notes=notes,
        sections=sections,
        organisation=organisation,
        peildatum=today,
        summary=[
            (_("Medewerkers"), _lone(data["headcount"])),
            (_("Delen hun vaardighedenprofiel met het Rijk"), text(data["sharing"])),
            (_("Gepubliceerde kansen"), _lone(data["opportunities"])),
        ],
    )
    return render(request, "workforce/vaardigheden.html", context)


def _lone(count: int | None) -> str:
    """A count published on its own: hidden only when it is small (primary suppression), so "< 10"."""
    return text(SMALL if count is None else count)
