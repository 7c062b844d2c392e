# SPDX-License-Identifier: EUPL-1.2
"""Stuurinformatie dashboards (issue 5, item 3): server-rendered pages over the panels of
``domain.analytics.panels``. Every figure comes through ``workforce.access`` (policy check, suppression by
``domain.analytics.publish``); every chart has its data table and CSV/XLSX download (docs/charts.md)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy

from rijksportfolio.accounts.policy import OrganisationTarget, Principal, can, principal_for
from rijksportfolio.domain.analytics import panels
from rijksportfolio.domain.analytics.publish import Published
from rijksportfolio.domain.analytics.warehouse import OUTFLOW
from rijksportfolio.domain.charts import Chart, ChartKind, DataTable
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.organisations.selectors import location_provinces
from rijksportfolio.people.constants import ContractType, Gender, JobFamily, WorkType
from rijksportfolio.web.downloads import download_response
from rijksportfolio.workforce import access, dashboards
from rijksportfolio.workforce.display import figure, pct, value
from rijksportfolio.workforce.forms import INPUT, SELECT

Section = tuple[str, Chart]


# --- scope and filters -----------------------------------------------------------------------------------


def _target(organisation: Organisation | None) -> OrganisationTarget:
    return access.organisation_target(organisation)


def visible_organisations(principal: Principal) -> list[Organisation]:
    """The organisations whose figures this principal may see (``stuurinformatie.view``), by path."""
    if can(principal, "stuurinformatie.view", _target(None)):
        candidates = Organisation.objects.all()
    else:
        prefixes = {p for paths in principal.scopes.values() for p in paths}
        if not prefixes:
            return []
        query = Q()
        for prefix in prefixes:
            query |= Q(path__startswith=prefix)
        candidates = Organisation.objects.filter(query)
    return [o for o in candidates.order_by("path") if can(principal, "stuurinformatie.view", _target(o))]


def may_see_dashboards(principal: Principal) -> bool:
    """For the navigation (no query): the Rijk, or an organisation of one of the principal's scopes."""
    if principal.user_id is None:
        return False
    paths = [""] + [p for paths in principal.scopes.values() for p in paths if p]
    return any(
        can(principal, "stuurinformatie.view", OrganisationTarget(organisation_id=None, path=p))
        for p in paths
    )


SCALE_CHOICES = [(g[0], g[0]) for g in panels.SCALE_GROUPS]


class FilterForm(forms.Form):
    organisatie = forms.ChoiceField(
        label=gettext_lazy("Organisatie"), required=False, widget=forms.Select(attrs=SELECT)
    )
    peildatum = forms.DateField(
        label=gettext_lazy("Peildatum"),
        required=False,
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )
    functiefamilie = forms.ChoiceField(
        label=gettext_lazy("Functiefamilie"), required=False, widget=forms.Select(attrs=SELECT)
    )
    schaalgroep = forms.ChoiceField(
        label=gettext_lazy("Schaalgroep"), required=False, widget=forms.Select(attrs=SELECT)
    )
    soort = forms.ChoiceField(
        label=gettext_lazy("Soort dienstverband"), required=False, widget=forms.Select(attrs=SELECT)
    )
    regio = forms.ChoiceField(
        label=gettext_lazy("Provincie van de standplaats"), required=False, widget=forms.Select(attrs=SELECT)
    )

    def __init__(self, data: Any, *, organisations: list[Organisation], rijk: bool) -> None:
        super().__init__(data)
        everything = ("", _("Alle"))
        choices = [("", _("Het Rijk"))] if rijk else []
        choices += [(o.code, "\u2003" * o.depth + o.name) for o in organisations]
        fields: Any = self.fields
        fields["organisatie"].choices = choices
        fields["functiefamilie"].choices = [everything, *JobFamily.choices]
        fields["schaalgroep"].choices = [everything, *SCALE_CHOICES]
        fields["soort"].choices = [everything, *ContractType.choices]
        fields["regio"].choices = [everything, *((p, p) for p in location_provinces())]
        self.by_code = {o.code: o for o in organisations}
        self.rijk = rijk

    def organisation(self) -> Organisation | None:
        code = self.cleaned_data.get("organisatie") or ""
        if code:
            return self.by_code[code]
        if self.rijk:
            return None
        return next(iter(self.by_code.values()))

    def scope(self, organisation: Organisation | None) -> panels.Scope:
        data = self.cleaned_data
        return panels.Scope(
            organisations=(organisation.pk,) if organisation else (),
            job_family=data.get("functiefamilie") or None,
            scale_group=data.get("schaalgroep") or None,
            contract_type=data.get("soort") or None,
            province=data.get("regio") or None,
        )


@dataclass(frozen=True)
class Query:
    """The request's filters, checked: who asks, for which organisation (None: the Rijk), at which date."""

    request: HttpRequest
    organisation: Organisation | None
    peildatum: dt.date
    scope: panels.Scope
    aggregates_only: bool = False  # the annual report: no person-level parts (3-5-7 list, registers)

    def panel(self, name: str) -> Published:
        return access.panel_get(
            user=self.request.user,
            panel=name,
            peildatum=self.peildatum,
            organisation=self.organisation,
            scope=self.scope,
        )


# --- labels ----------------------------------------------------------------------------------------------


def _choice_label(choices: Any, key: Any) -> str:
    labels = dict(choices)
    return str(labels.get(key, key)) if key is not None else _("Onbekend")


def _dimension_label(dim: str, row: dict[str, Any]) -> str:
    key = row.get("key")
    if key is None:
        return _("Onbekend")
    if dim == "organisation":
        return str(row.get("name") or key)
    if dim == "scale_group":
        return _("Schaal %(groep)s") % {"groep": key}
    if dim == "gender":
        return _choice_label(Gender.choices, key)
    if dim == "contract_type":
        return _choice_label(ContractType.choices, key)
    if dim == "job_family":
        return _choice_label(JobFamily.choices, key)
    if dim == "work_type":
        return _choice_label(WorkType.choices, key)
    return str(key)


def _dimensions() -> list[tuple[str, str, str]]:
    """(panel key, heading, row heading) of each breakdown on the Personeelsbestand page."""
    return [
        ("organisation", _("Per organisatie"), _("Organisatie")),
        ("scale_group", _("Per schaalgroep"), _("Schaalgroep")),
        ("age_band", _("Per leeftijdsgroep"), _("Leeftijd")),
        ("gender", _("Per geslacht"), _("Geslacht")),
        ("contract_type", _("Per soort dienstverband"), _("Soort dienstverband")),
        ("job_family", _("Per functiefamilie"), _("Functiefamilie")),
        ("work_type", _("Per werksoort"), _("Werksoort")),
        ("province", _("Per provincie van de standplaats"), _("Provincie")),
    ]


ORDER = {
    "scale_group": [g[0] for g in panels.SCALE_GROUPS],
    "age_band": [g[0] for g in panels.AGE_GROUPS],
}


def _order(dim: str, key: Any) -> tuple[int, str]:
    known = ORDER.get(dim, [])
    return (known.index(key) if key in known else len(known), str(key or ""))


def _row_order(dim: str, row: dict[str, Any]) -> tuple[int, str]:
    return _order(dim, row["key"])


def _outflow_labels() -> dict[str, str]:
    return {
        "state_pension": _("AOW-leeftijd"),
        "own_request": _("Eigen verzoek"),
        "end_of_contract": _("Einde tijdelijk contract"),
        "other": _("Overig"),
    }


# --- pages -----------------------------------------------------------------------------------------------


def _personeelsbestand(q: Query) -> tuple[list[Section], dict[str, Any]]:
    head = q.panel("headcount")
    published = q.panel("breakdowns")
    parts = published["breakdowns"]
    sections: list[Section] = []
    for dim, heading, row_heading in _dimensions():
        rows = sorted(parts.get(dim, []), key=functools.partial(_row_order, dim))
        table = DataTable(
            title=_("Medewerkers en fte, %(wat)s") % {"wat": heading.lower()},
            row_heading=row_heading,
            columns=(_("Medewerkers"), _("Fte (afgerond)")),
            rows=tuple(
                (_dimension_label(dim, r), (value(published, r, "headcount"), value(published, r, "fte")))
                for r in rows
            ),
            column_totals=(value(head, head, "headcount"), value(head, head, "fte")),
            total_label=_("Totaal"),
            slug=f"bestand-{dim.replace('_', '-')}",
        )
        sections.append(
            (
                heading,
                Chart(
                    ChartKind.BAR,
                    table,
                    series=(0,),
                    description=_("Staafdiagram: medewerkers %(wat)s.") % {"wat": heading.lower()},
                ),
            )
        )
    trend_data = q.panel("trend")
    trend = trend_data["trend"]
    trend_table = DataTable(
        title=_("Medewerkers en fte in de tien jaar tot de peildatum"),
        row_heading=_("Datum"),
        columns=(_("Medewerkers"), _("Fte (afgerond)")),
        rows=tuple(
            (p["date"], (value(trend_data, p, "headcount"), value(trend_data, p, "fte"))) for p in trend
        ),
        slug="bestand-trend",
    )
    sections.append(
        (
            _("Ontwikkeling in tien jaar"),
            Chart(
                ChartKind.LINE,
                trend_table,
                description=_("Lijndiagram: medewerkers en fte op dezelfde dag van elk van de tien jaren."),
            ),
        )
    )
    pyramid_data = q.panel("age_pyramid")
    pyramid = pyramid_data["pyramid"]
    genders = ["female", "male", *sorted({g for r in pyramid for g in r["counts"]} - {"female", "male"})]
    pyramid_table = DataTable(
        title=_("Leeftijdsopbouw per geslacht"),
        row_heading=_("Leeftijd"),
        columns=tuple(_choice_label(Gender.choices, g) for g in genders),
        rows=tuple(
            (
                r["band"],
                tuple(value(pyramid_data, r["counts"], g) if g in r["counts"] else 0 for g in genders),
            )
            for r in pyramid
        ),
        slug="bestand-leeftijdsopbouw",
    )
    sections.append(
        (
            _("Leeftijdsopbouw"),
            Chart(
                ChartKind.PYRAMID,
                pyramid_table,
                series=(0, 1),
                description=_(
                    "Bevolkingspiramide: links vrouwen, rechts mannen, per leeftijdsgroep van vijf jaar."
                ),
            ),
        )
    )
    return sections, {
        "summary": [
            (_("Medewerkers"), figure(head, head, "headcount")),
            (_("Fte"), figure(head, head, "fte", 1)),
        ]
    }


def _stromen(q: Query) -> tuple[list[Section], dict[str, Any]]:
    data = q.panel("flows")
    start = data["history_start"]
    years = [y for y in data["years"] if start is not None and y["year"] >= start]
    flows = DataTable(
        title=_("Instroom, mobiliteit en uitstroom per jaar (personen)"),
        row_heading=_("Jaar"),
        columns=(
            _("Instroom van buiten het Rijk"),
            _("Mobiliteit binnen de organisatie"),
            _("Mobiliteit tussen organisaties"),
            _("waarvan tussen ministeries"),
            _("Uitstroom"),
        ),
        rows=tuple(
            (
                str(y["year"]),
                tuple(
                    value(data, y, key)
                    for key in (
                        "inflow",
                        "mobility_within",
                        "mobility_between",
                        "mobility_between_ministries",
                        "outflow_total",
                    )
                ),
            )
            for y in years
        ),
        slug="stromen-per-jaar",
    )
    reasons = _outflow_labels()
    outflow = DataTable(
        title=_("Uitstroom per reden en jaar"),
        row_heading=_("Jaar"),
        columns=tuple(reasons[c] for c in OUTFLOW),
        rows=tuple((str(y["year"]), tuple(value(data, y["outflow"], c) for c in OUTFLOW)) for y in years),
        row_totals=tuple(value(data, y, "outflow_total") for y in years),
        total_label=_("Totaal"),
        slug="uitstroom-per-reden",
    )
    rates = DataTable(
        title=_("Per 100 medewerkers op 1 januari"),
        row_heading=_("Jaar"),
        columns=(_("Instroom"), _("Mobiliteit"), _("Uitstroom")),
        rows=tuple(
            (
                str(y["year"]),
                (
                    y["rates_per_100"]["inflow"],
                    y["rates_per_100"]["mobility"],
                    y["rates_per_100"]["outflow"],
                ),
            )
            for y in years
        ),
        decimals=1,
        slug="stromen-per-100",
    )
    matrix = q.panel("mobility_matrix")
    ministries = matrix["ministries"]
    # every hidden cell is listed in "moves" (a hidden 0 too); a pair not listed is a published 0
    cell = {(m["from"], m["to"]): value(matrix, m, "persons") for m in matrix["moves"]}
    margin = matrix.get("from_totals", {})
    from_totals = {int(k): value(matrix, margin, k) for k in margin}
    moves = DataTable(
        title=_("Overstappen tussen ministeries in %(jaar)s (van rij naar kolom)") % {"jaar": matrix["year"]},
        row_heading=_("Van"),
        columns=tuple(m["code"].upper() for m in ministries),
        rows=tuple(
            (m["name"], tuple(cell.get((m["id"], n["id"]), 0) for n in ministries)) for m in ministries
        ),
        row_totals=tuple(from_totals.get(m["id"], 0) for m in ministries),
        total_label=_("Totaal"),
        slug="mobiliteitsmatrix",
    )
    sections: list[Section] = [
        (
            _("Stromen per jaar"),
            Chart(
                ChartKind.LINE,
                flows,
                series=(0, 1, 2, 4),
                description=_("Lijndiagram: instroom, mobiliteit en uitstroom per jaar."),
            ),
        ),
        (
            _("Uitstroom per reden"),
            Chart(
                ChartKind.STACKED_BAR,
                outflow,
                description=_("Gestapeld staafdiagram: per jaar de uitstroom naar reden."),
            ),
        ),
        (
            _("Per 100 medewerkers"),
            Chart(
                ChartKind.LINE,
                rates,
                description=_("Lijndiagram: instroom, mobiliteit en uitstroom per 100 medewerkers."),
            ),
        ),
        (
            _("Mobiliteitsmatrix"),
            Chart(
                ChartKind.STACKED_BAR,
                moves,
                description=_(
                    "Gestapeld staafdiagram: per ministerie van herkomst de overstappen naar bestemming."
                ),
            ),
        ),
    ]
    return sections, {"history_start": start}


def _uitstroomprognose(q: Query) -> tuple[list[Section], dict[str, Any]]:
    data = q.panel("outflow_forecast")
    rows = data["forecast"]
    counts = DataTable(
        title=_("Verwachte uitstroom van het huidige personeel per jaar"),
        row_heading=_("Jaar"),
        columns=(_("Door AOW-leeftijd"), _("Totaal (alle redenen)")),
        rows=tuple(
            (str(r["year"]), (value(data, r, "state_pension"), value(data, r, "total"))) for r in rows
        ),
        slug="prognose-per-jaar",
    )
    shares = DataTable(
        title=_("Cumulatief aandeel van het huidige personeel dat vertrokken is (%)"),
        row_heading=_("Jaar"),
        columns=(_("Door AOW-leeftijd"), _("Alle redenen")),
        rows=tuple(
            (str(r["year"]), (pct(r["cumulative_state_pension_share"]), pct(r["cumulative_share"])))
            for r in rows
        ),
        decimals=1,
        slug="prognose-cumulatief",
    )
    by_age = DataTable(
        title=_("Medewerkers per leeftijdsgroep die binnen twaalf jaar de AOW-leeftijd bereiken"),
        row_heading=_("Leeftijd op de peildatum"),
        columns=(_("Medewerkers"), _("AOW-leeftijd binnen 12 jaar")),
        rows=tuple(
            (r["age_band"], (value(data, r, "headcount"), value(data, r, "state_pension_within_12y")))
            for r in data["by_age"]
        ),
        slug="prognose-leeftijd",
    )
    sections: list[Section] = [
        (
            _("Uitstroom per jaar"),
            Chart(
                ChartKind.BAR,
                counts,
                description=_(
                    "Staafdiagram: per jaar de verwachte uitstroom door AOW-leeftijd en in totaal."
                ),
            ),
        ),
        (
            _("Cumulatief"),
            Chart(
                ChartKind.LINE,
                shares,
                description=_(
                    "Lijndiagram: het cumulatieve aandeel van het huidige personeel dat vertrokken is."
                ),
            ),
        ),
        (
            _("Naar leeftijd"),
            Chart(
                ChartKind.BAR,
                by_age,
                description=_(
                    "Staafdiagram: per leeftijdsgroep de medewerkers en wie binnen twaalf jaar AOW bereikt."
                ),
            ),
        ),
    ]
    return sections, {"summary": [(_("Medewerkers op de peildatum"), figure(data, data, "headcount"))]}


def _drie_vijf_zeven(q: Query) -> tuple[list[Section], dict[str, Any]]:
    data = q.panel("three_five_seven")
    if any(r["headcount"] is None for r in data["distribution"]):
        # The counts over 5 and over 7 years are sums of the distribution's bands (5-7 and 7+): beside a
        # hidden band they would give it away, so they are hidden with it (publish hides the totals).
        for org in data["organisations"]:
            org["over_5"] = org["over_7"] = None
    distribution = DataTable(
        title=_("Medewerkers naar jaren in de huidige functie"),
        row_heading=_("Jaren in de functie"),
        columns=(_("Medewerkers"),),
        rows=tuple(
            (_("%(band)s jaar") % {"band": r["band"]}, (value(data, r, "headcount"),))
            for r in data["distribution"]
        ),
        column_totals=(value(data, data, "headcount"),),
        total_label=_("Totaal"),
        slug="357-verdeling",
    )
    organisations = DataTable(
        title=_("Langer dan 5 en 7 jaar in dezelfde functie, per organisatie"),
        row_heading=_("Organisatie"),
        columns=(_("Medewerkers"), _("Meer dan 5 jaar"), _("Meer dan 7 jaar")),
        rows=tuple(
            (o["name"], tuple(value(data, o, key) for key in ("headcount", "over_5", "over_7")))
            for o in data["organisations"]
        ),
        slug="357-organisaties",
    )
    sections: list[Section] = [
        (
            _("Verdeling"),
            Chart(
                ChartKind.BAR,
                distribution,
                description=_("Staafdiagram: medewerkers naar jaren in de huidige functie."),
            ),
        ),
        (
            _("Per organisatie"),
            Chart(
                ChartKind.BAR,
                organisations,
                description=_(
                    "Staafdiagram: per organisatie de medewerkers langer dan 5 en 7 jaar in functie."
                ),
            ),
        ),
    ]
    extra: dict[str, Any] = {
        "summary": [
            (_("Meer dan 5 jaar in dezelfde functie"), figure(data, data, "over_5")),
            (_("Meer dan 7 jaar in dezelfde functie"), figure(data, data, "over_7")),
        ],
        "people": None,
    }
    principal = principal_for(q.request.user)
    if (
        not q.aggregates_only
        and q.organisation is not None
        and can(principal, "stuurinformatie.view_people", _target(q.organisation))
    ):
        extra["people"] = access.three_five_seven_people_get(
            user=q.request.user, peildatum=q.peildatum, organisation=q.organisation
        )
    return sections, extra


@dataclass(frozen=True)
class Page:
    slug: str
    title: Callable[[], str]
    intro: Callable[[], str]
    build: Callable[[Query], tuple[list[Section], dict[str, Any]]]
    template: str = "workforce/page.html"

    @property
    def url(self) -> str:
        return reverse(f"workforce:{self.slug.replace('-', '_')}")


PAGES: dict[str, Page] = {
    p.slug: p
    for p in (
        Page(
            "personeelsbestand",
            lambda: _("Personeelsbestand"),
            lambda: _(
                "Medewerkers en fte naar organisatie, schaal, leeftijd, geslacht, soort dienstverband, "
                "functiefamilie, werksoort en regio; de ontwikkeling in tien jaar; de leeftijdsopbouw."
            ),
            _personeelsbestand,
        ),
        Page(
            "stromen",
            lambda: _("In-, door- en uitstroom"),
            lambda: _(
                "Instroom van buiten het Rijk, mobiliteit binnen en tussen organisaties en ministeries, "
                "uitstroom naar reden, per 100 medewerkers, en de mobiliteitsmatrix tussen ministeries."
            ),
            _stromen,
        ),
        Page(
            "uitstroomprognose",
            lambda: _("Uitstroomprognose"),
            lambda: _(
                "Verwachte uitstroom van het huidige personeel in de twaalf jaar vanaf de peildatum: door "
                "het bereiken van de AOW-leeftijd en in totaal (met vertrekkansen uit de geschiedenis)."
            ),
            _uitstroomprognose,
        ),
        Page(
            "drie-vijf-zeven",
            lambda: _("3-5-7-model"),
            lambda: _(
                "Hoe lang medewerkers in hun huidige functie zitten. Leidinggevenden zien daarnaast een "
                "lijst van de medewerkers van hun eigen teams die langer dan vijf jaar in dezelfde "
                "functie zitten, om het gesprek te beginnen."
            ),
            _drie_vijf_zeven,
            "workforce/drie_vijf_zeven.html",
        ),
        # issue 5, item 3: the remaining dashboards (workforce/dashboards.py)
        Page(
            "diversiteit",
            lambda: _("Diversiteit en inclusie"),
            lambda: _(
                "Het aandeel vrouwen per schaalgroep (10–13, 14 en hoger, topmanagement), de leeftijdsbalans, "
                "de ontwikkeling door de jaren, en de voortgang naar de doelen die de organisatie zichzelf stelt."
            ),
            dashboards.diversiteit,
            "workforce/diversiteit.html",
        ),
        Page(
            "spreiding",
            lambda: _("Spreiding over het land"),
            lambda: _("Waar de medewerkers werken: per provincie en per gemeente van hun standplaats."),
            dashboards.spreiding,
            "workforce/spreiding.html",
        ),
        Page(
            "ict-personeel",
            lambda: _("ICT-personeel"),
            lambda: _(
                "Het ICT-personeel zoals in het KWIV: formatie tegenover bezetting, externe inhuur, en instroom, "
                "mobiliteit en uitstroom per jaar."
            ),
            dashboards.ict,
            "workforce/ict.html",
        ),
        Page(
            "detacheringen",
            lambda: _("Detacheringen langer dan een jaar"),
            lambda: _(
                "Detacheringen duren in principe hoogstens een jaar (pas toe of leg uit). Hoeveel lopende "
                "detacheringen langer duren; HR-adviseurs en organisatiebeheerders zien het register met de "
                "toelichting per detachering."
            ),
            dashboards.detacheringen,
            "workforce/detacheringen.html",
        ),
    )
}


# --- views -----------------------------------------------------------------------------------------------


def _planning_pages() -> list[tuple[str, str, str]]:
    """The MPP and Vaardigheden pages (``views_mpp``, ``views_skills``) on the landing page."""
    return [
        (
            reverse("workforce:mpp"),
            _("MPP: meerjarige personeelsplanning"),
            _(
                "Aanbod van het huidige personeel tegenover de vraag in een scenario (groei of krimp, effect "
                "van technologie per werksoort), het verschil per jaar; scenario's opslaan, vergelijken en "
                "downloaden."
            ),
        ),
        (
            reverse("workforce:vaardigheden"),
            _("Vaardigheden"),
            _(
                "Vaardigheden die medewerkers zichtbaar delen tegenover de vaardigheden die gepubliceerde "
                "kansen vragen, de schaarste en per organisatie."
            ),
        ),
    ]


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The dashboard landing page: the pages, for whoever may see any stuurinformatie."""
    principal = principal_for(request.user)
    if not may_see_dashboards(principal):
        raise PermissionDenied
    pages = [(p.url, p.title(), p.intro()) for p in PAGES.values()]
    pages += _planning_pages()
    pages.append(
        (
            reverse("workforce:jaarrapportage"),
            _("Jaarrapportage"),
            _(
                "De kerncijfers van een organisatie of het Rijk op een peildatum in één document, met tekst, "
                "grafieken en tabellen: als PDF of als Excel-bestand."
            ),
        )
    )
    return render(request, "workforce/index.html", {"page_title": _("Stuurinformatie"), "pages": pages})


@login_required
def dashboard(request: HttpRequest, page: str) -> HttpResponse:
    return render_dashboard(request, page)


def render_dashboard(
    request: HttpRequest, page: str, *, extra_context: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    """A dashboard page for the filters in the query string (also when a form on the page was posted and is
    shown again with its errors: ``extra_context``, ``status``)."""
    definition = PAGES[page]
    principal = principal_for(request.user)
    rijk = can(principal, "stuurinformatie.view", _target(None))
    organisations = visible_organisations(principal)
    if not rijk and not organisations:
        raise PermissionDenied
    asked = request.GET.get("organisatie") or ""
    outside = asked and asked not in {o.code for o in organisations}
    if outside and Organisation.objects.filter(code=asked).exists():
        raise PermissionDenied  # an organisation outside the user's scope (the form would say "invalid")
    form = FilterForm(request.GET, organisations=organisations, rijk=rijk)
    title = definition.title()
    context: dict[str, Any] = {
        "page_title": title,
        "page": definition,
        "intro": definition.intro(),
        "form": form,
        "dashboard_nav": [(p.url, p.title(), p.slug == definition.slug) for p in PAGES.values()],
        # the links between the dashboards keep the filters
        "filter_query": urlencode([(k, request.GET[k]) for k in form.fields if request.GET.get(k)]),
    }
    if not form.is_valid():
        return render(request, definition.template, {**context, "sections": []}, status=400)
    organisation = form.organisation()
    peildatum = form.cleaned_data.get("peildatum") or dt.date.today()
    query = Query(request, organisation, peildatum, form.scope(organisation))
    with panels.computation():  # the page's panels share the staff of the peildatum (computed once)
        sections, extra = definition.build(query)
    sections = [(heading, chart) for heading, chart in sections if chart.table.rows]
    download = download_response(
        request,
        [chart.table for _heading, chart in sections] + list(extra.get("tables", [])),
        filename=f"stuurinformatie-{definition.slug}",
        title=title,
        on=peildatum,
    )
    if download is not None:
        return download
    context.update(sections=sections, organisation=organisation, peildatum=peildatum)
    context.update(extra)
    context.update(extra_context or {})
    return render(request, definition.template, context, status=status)
