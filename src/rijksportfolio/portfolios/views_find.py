# SPDX-License-Identifier: EUPL-1.2
"""Pages for finding colleagues and for the portfolio overviews (pfind).

Search: ``colleagues_search`` decides what is shown (cards always, skills only where visible). Without
JavaScript the form is a plain GET; with htmx only the results are swapped. The skill field resolves the
typed text with the taxonomy autocomplete (``skills.selectors.skills_autocomplete``) on the server: the best
match is used and the other candidates are offered as links, so no script is needed to pick a skill.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rijksportfolio.accounts.policy import OrganisationTarget, can, principal_for
from rijksportfolio.domain.charts import Chart, ChartKind, DataTable, cell_value
from rijksportfolio.domain.suppression import suppress_rows, suppress_series, suppress_table
from rijksportfolio.organisations.models import Location, Organisation
from rijksportfolio.portfolios.constants import SkillLevel
from rijksportfolio.portfolios.overviews import PortfolioOverview, portfolio_overview
from rijksportfolio.portfolios.search import ColleagueQuery, colleagues_search
from rijksportfolio.skills.models import Skill
from rijksportfolio.skills.selectors import by_label, skills_autocomplete
from rijksportfolio.web.downloads import download_response

SEARCH_ORGANISATION_DEPTH = (
    1  # the select lists ministries and services; deeper ones come in via ?organisatie=
)


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number > 0 else None


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _resolve_skill(request: HttpRequest) -> tuple[Skill | None, str, list[Any]]:
    """(chosen skill, text in the field, other candidates) from ``vaardigheid_id`` or the typed ``vaardigheid``."""
    text = request.GET.get("vaardigheid", "").strip()[:100]
    skill_id = _int(request.GET.get("vaardigheid_id"))
    if skill_id:
        skill = Skill.objects.filter(pk=skill_id, is_group=False).first()
        if skill is not None:
            return skill, text or skill.label, []
    if not text:
        return None, "", []
    hits = skills_autocomplete(query=text, limit=6)
    if hits:
        return hits[0].skill, text, hits[1:]
    # the autocomplete index finds nothing (e.g. a word it does not know): a plain label match
    plain = (
        Skill.objects.filter(is_group=False)
        .filter(Q(preferred_label_nl__icontains=text) | Q(preferred_label_en__icontains=text))
        .order_by(by_label(), "pk")
        .first()
    )
    return plain, text, []


@login_required
@require_GET
def colleague_search(request: HttpRequest) -> HttpResponse:
    skill, skill_text, alternatives = _resolve_skill(request)
    level = request.GET.get("niveau", "")
    query = ColleagueQuery(
        name=request.GET.get("naam", "").strip()[:100],
        organisation_id=_int(request.GET.get("organisatie")),
        location_id=_int(request.GET.get("werklocatie")),
        skill_id=skill.pk if skill else None,
        min_level=level if level in SkillLevel.values and skill else "",
    )
    results = colleagues_search(user=request.user, query=query, page=_int(request.GET.get("pagina")) or 1)
    params = {
        "naam": query.name,
        "organisatie": query.organisation_id or "",
        "werklocatie": query.location_id or "",
        "vaardigheid_id": query.skill_id or "",
        "vaardigheid": skill_text,
        "niveau": query.min_level,
    }
    base = urlencode({k: v for k, v in params.items() if v})
    organisations = list(
        Organisation.objects.filter(depth__lte=SEARCH_ORGANISATION_DEPTH)
        .order_by("name")
        .values_list("pk", "name")
    )
    if query.organisation_id and query.organisation_id not in {pk for pk, _name in organisations}:
        chosen = Organisation.objects.filter(pk=query.organisation_id).values_list("pk", "name").first()
        if chosen:
            organisations.insert(0, chosen)
    context = {
        "query": query,
        "searched": not query.is_empty,
        "skill": skill,
        "skill_text": skill_text,
        "skill_unknown": bool(skill_text) and skill is None,
        "alternatives": [
            (
                hit,
                urlencode(
                    {
                        **{k: v for k, v in params.items() if v},
                        "vaardigheid_id": hit.skill.pk,
                        "vaardigheid": hit.label.text,
                    }
                ),
            )
            for hit in alternatives
        ],
        "results": results,
        "base_query": base,
        "organisations": organisations,
        "locations": Location.objects.order_by("city", "name").values_list("pk", "city", "name"),
        "levels": SkillLevel.choices,
        "page_title": _("Collega's zoeken"),
    }
    template = "portfolios/search_results.html" if _is_htmx(request) else "portfolios/search.html"
    return render(request, template, context)


# --- overviews -----------------------------------------------------------------------------------------


def _overview_target(organisation: Organisation | None) -> OrganisationTarget:
    if organisation is None:
        return OrganisationTarget(organisation_id=None, path="")
    return OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)


def overview_charts(data: PortfolioOverview) -> list[tuple[str, str, Chart]]:
    """(heading, explanation, chart) per section; every figure goes through ``domain.suppression``.

    Which totals are published decides the suppression: the participation series and the ambition table
    are partitions of a population and publish their totals (with secondary suppression); a person holds
    many skills, so the skills table publishes a total per skill (its people, levels as a partition) but no
    sum over skills, and the group and scarcity lists publish no totals (only primary suppression: there is
    no sum to subtract from)."""
    total = _("Totaal")
    people = _("Medewerkers")
    participation = DataTable.from_series(
        suppress_series(list(data.participation)),
        labels=[_("Geen portfolio"), _("Portfolio, vaardigheden niet gedeeld"), _("Vaardigheden gedeeld")],
        column=people,
        title=_("Deelname: wie deelt een vaardighedenprofiel"),
        row_heading=_("Groep"),
        total_label=total,
        slug="deelname",
    )
    levels = [str(label) for _value, label in SkillLevel.choices]
    skills = DataTable.from_table(
        suppress_rows([list(s.by_level) for s in data.skills]) if data.skills else suppress_rows([[0] * 4]),
        row_labels=[s.marked_label for s in data.skills] or [_("Geen vaardigheden")],
        column_labels=levels,
        title=_("Meest voorkomende vaardigheden, naar niveau"),
        row_heading=_("Vaardigheid"),
        total_label=total,
        slug="vaardigheden",
    )
    groups = DataTable.from_series(
        suppress_series([g.people for g in data.groups], with_total=False),
        labels=[g.marked_label for g in data.groups],
        column=people,
        title=_("Vaardigheidsgroepen: medewerkers met een vaardigheid uit de groep"),
        row_heading=_("Vaardigheidsgroep"),
        total_label=total,
        slug="vaardigheidsgroepen",
    )
    scarce = DataTable.from_table(
        suppress_table([[s.needed, s.present] for s in data.scarce], with_totals=False)
        if data.scarce
        else suppress_table([[0, 0]], with_totals=False),
        row_labels=[s.marked_label for s in data.scarce] or [_("Geen vaardigheden")],
        column_labels=[_("Nodig in het beroep"), _("Gedeeld in een profiel")],
        title=_("Schaarse vaardigheden: veel nodig, weinig aanwezig"),
        row_heading=_("Vaardigheid"),
        total_label=total,
        slug="schaars",
    )
    evidence_people = suppress_series([e.people for e in data.evidence], with_total=False)
    evidence = DataTable(
        title=_("Opleidingen, bewijsstukken en trainingen"),
        row_heading=_("Soort"),
        columns=(_("Medewerkers"), _("Aantal")),
        rows=tuple(
            (e.label, (cell_value(cell), e.items if cell.value is not None else None))
            for e, cell in zip(data.evidence, evidence_people.cells, strict=True)
        ),
        slug="bewijs",
    )
    no_step = _("Geen volgende stap genoemd")
    where = [
        _("Binnen de eigen organisatie"),
        _("Elders bij het Rijk"),
        _("Buiten het Rijk"),
        _("Niet van toepassing"),
    ]
    grid = [[*row, 0] for row in data.moves] + [[0, 0, 0, data.ambition[1]]]
    ambition = DataTable.from_table(
        suppress_table(grid),
        row_labels=[_("Horizontaal (ander werk, zelfde niveau)"), _("Verticaal (hoger niveau)"), no_step],
        column_labels=where,
        title=_("Ambities: volgende loopbaanstap"),
        row_heading=_("Richting"),
        total_label=total,
        slug="ambities",
    )
    return [
        (
            _("Deelname"),
            _(
                "Iedereen in dienst telt één keer mee. Alleen wie het vaardighedenprofiel deelt met het Rijk telt mee in de vaardigheden hieronder."
            ),
            Chart(
                ChartKind.BAR,
                participation,
                description=_("Staafdiagram: medewerkers naar deelname aan het portfolio."),
            ),
        ),
        (
            _("Vaardigheden"),
            _(
                "De 25 vaardigheden die de meeste medewerkers in hun gedeelde profiel hebben, met het niveau dat zij zelf kozen."
            ),
            Chart(
                ChartKind.STACKED_BAR,
                skills,
                description=_("Gestapeld staafdiagram: per vaardigheid de medewerkers naar niveau."),
            ),
        ),
        (
            _("Vaardigheidsgroepen"),
            _(
                "Groepen uit de ESCO-taxonomie. Iemand met vaardigheden uit meer groepen telt bij elke groep mee."
            ),
            Chart(ChartKind.BAR, groups, description=_("Staafdiagram: medewerkers per vaardigheidsgroep.")),
        ),
        (
            _("Schaarse vaardigheden"),
            _(
                "Vaardigheden die volgens ESCO essentieel zijn voor de beroepen die hier nu worden uitgeoefend, naast het aantal medewerkers dat ze in een gedeeld profiel heeft. Hoe groter het verschil, hoe schaarser."
            ),
            Chart(
                ChartKind.BAR,
                scarce,
                description=_(
                    "Staafdiagram: per vaardigheid hoeveel medewerkers haar nodig hebben en hoeveel haar hebben."
                ),
            ),
        ),
        (
            _("Opleidingen, bewijsstukken en trainingen"),
            _(
                "Medewerkers met minstens één onderdeel van deze soort in een gedeeld dossierdeel, en het aantal onderdelen."
            ),
            Chart(
                ChartKind.BAR,
                evidence,
                series=(0,),
                description=_("Staafdiagram: medewerkers per soort bewijsstuk of training."),
            ),
        ),
        (
            _("Ambities"),
            _(
                "Medewerkers die hun ambitiedocument delen: wie een volgende loopbaanstap noemt, welke richting en waar."
            ),
            Chart(
                ChartKind.STACKED_BAR,
                ambition,
                description=_(
                    "Gestapeld staafdiagram: per richting van de volgende stap de medewerkers naar waar zij die willen zetten."
                ),
            ),
        ),
    ]


def _overview_page(request: HttpRequest, organisation: Organisation | None) -> HttpResponse:
    if not can(principal_for(request.user), "portfolio.overview", _overview_target(organisation)):
        raise PermissionDenied
    data = portfolio_overview(organisation=organisation)
    sections = overview_charts(data)
    title = (
        _("Portfolio-overzicht: %(name)s") % {"name": organisation.name}
        if organisation
        else _("Portfolio-overzicht van het Rijk")
    )
    download = download_response(
        request,
        [chart.table for _heading, _text, chart in sections],
        filename=f"portfolio-overzicht-{organisation.code if organisation else 'rijk'}",
        title=title,
        on=data.on,
    )
    if download is not None:
        return download
    children = (
        Organisation.objects.filter(parent=organisation).order_by("name")
        if organisation
        else Organisation.objects.filter(parent__isnull=True).order_by("name")
    )
    parent = organisation.parent if organisation and organisation.parent_id else None
    if parent is not None and not can(
        principal_for(request.user), "portfolio.overview", _overview_target(parent)
    ):
        parent = None
    context = {
        "page_title": title,
        "organisation": organisation,
        "parent": parent,
        "children": children,
        "sections": sections,
        "on": data.on,
    }
    return render(request, "portfolios/overview.html", context)


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """The Rijk as a whole (Rijk-wide analysts)."""
    return _overview_page(request, None)


@login_required
@require_GET
def overview_organisation(request: HttpRequest, pk: int) -> HttpResponse:
    """An organisation with its whole subtree (HR advisers of that subtree, Rijk-wide analysts)."""
    return _overview_page(request, get_object_or_404(Organisation, pk=pk))
