# SPDX-License-Identifier: EUPL-1.2
"""Server-rendered pages. Every permission decision goes through ``accounts.policy.can`` or ``people.access``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.forms import LoginForm
from rijksportfolio.accounts.policy import OrganisationTarget, PersonTarget, Principal, can, principal_for
from rijksportfolio.accounts.selectors import user_scoped_organisations
from rijksportfolio.accounts.services import login_attempt
from rijksportfolio.domain.charts import Chart, ChartKind, DataTable, Value, cell_value
from rijksportfolio.domain.suppression import suppress_rows, suppress_series, suppress_table
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.organisations.selectors import organisation_ancestors
from rijksportfolio.people.access import (
    person_card_get,
    person_employment_history_get,
    person_personal_details_visible,
)
from rijksportfolio.people.selectors import person_card, person_target
from rijksportfolio.web import selectors
from rijksportfolio.web.downloads import download_response

PERSON_PAGE_PURPOSE = "Persoonspagina geopend"


@never_cache
@require_GET
def health(request):  # type: ignore[no-untyped-def]
    """Liveness and database check for load balancers and ``make demo ARGS=--check``."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:
        database = "error"
    status = 200 if database == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", "database": database}, status=status)


# --- helpers -------------------------------------------------------------------------------------------


def _org_target(organisation: Organisation | None) -> OrganisationTarget:
    if organisation is None:
        return OrganisationTarget(organisation_id=None, path="")
    return OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)


def _sees_individuals(principal: Principal, organisation: Organisation) -> bool:
    """May the principal see the employment of people in this organisation? Then counts are shown exactly;
    otherwise small counts are suppressed. Asked of the policy for a (hypothetical) person working there."""
    return can(
        principal,
        "person.view_employment",
        PersonTarget(person_id=0, organisation_paths=(organisation.path,)),
    )


def _require(principal: Principal, action: str, target: object = None) -> None:
    if not can(principal, action, target):
        raise PermissionDenied


# --- accounts ------------------------------------------------------------------------------------------


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if request.user.is_authenticated and request.method == "GET":
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    form = LoginForm(request.POST or None)
    status = 200
    error = ""
    if request.method == "POST" and form.is_valid():
        result = login_attempt(
            request=request, username=form.cleaned_data["username"], password=form.cleaned_data["password"]
        )
        if result.user is not None:
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
        if result.rate_limited:
            error = _("Te veel mislukte inlogpogingen. Probeer het over 15 minuten opnieuw.")
            status = 429
        else:
            error = _("De gebruikersnaam of het wachtwoord klopt niet.")
            status = 200
    context = {"form": form, "error": error, "next": next_url, "page_title": _("Inloggen")}
    return render(request, "web/login.html", context, status=status)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


# --- home ----------------------------------------------------------------------------------------------


@login_required
def home(request: HttpRequest) -> HttpResponse:
    principal = principal_for(request.user)
    context: dict[str, object] = {"page_title": _("Start")}
    person = getattr(request.user, "person", None) if principal.person_id else None
    if person is not None:
        context["me"] = person
        card = person_card(pk=person.pk)
        context["my_jobs"] = card.current_employments if card is not None else []  # type: ignore[attr-defined]
    responsibilities = []
    for role, organisation in user_scoped_organisations(user=request.user):
        if not can(principal, "aggregates.view", _org_target(organisation)):
            continue
        responsibilities.append(
            {
                "role_label": Role(role).label,
                "organisation": organisation,
                "headcount": _lone_headcount(selectors.organisation_headcount(organisation=organisation)),
            }
        )
    context["responsibilities"] = responsibilities
    context["shows_rijk"] = can(principal, "aggregates.view", _org_target(None))
    if context["shows_rijk"]:
        # The same table for everyone allowed to see it: a cached fragment in home.html, computed on a miss only.
        context["rijk_headcounts"] = SimpleLazyObject(_home_ministry_table)
    context["can_browse"] = can(principal, "organisation.view")
    return render(request, "web/home.html", context)


def _lone_headcount(count: int) -> Value:
    """An organisation's headcount as the stuurinformatie shows it for that organisation: a count that stands
    alone (no total beside it), so primary suppression only -- "< 10" for 1 to 9 people, for every viewer."""
    return cell_value(suppress_series([count], with_total=False).cells[0])


@dataclass(frozen=True)
class MinistryTable:
    """The per-ministry table of Rijk in cijfers, with a link per ministry for the home page."""

    on: date
    table: DataTable
    links: tuple[str, ...]


def _home_ministry_table() -> MinistryTable:
    """Exactly the per-ministry table of Rijk in cijfers (the same counts, the same suppression and marks)."""
    figures = selectors.rijk_figures()
    per_ministry = _ministry_tables(figures)[1]
    links = tuple(reverse("web:organisation_detail", args=[m.pk]) for m in figures.ministries)
    return MinistryTable(on=figures.on, table=per_ministry, links=links)


# --- organisations -------------------------------------------------------------------------------------


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    _require(principal_for(request.user), "organisation.view")
    # Read only when the cached fragment of the list (organisation_list.html) has to be rendered anew.
    ministries = SimpleLazyObject(selectors.ministries_with_agencies)
    context = {"ministries": ministries, "page_title": _("Organisaties")}
    return render(request, "web/organisation_list.html", context)


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    principal = principal_for(request.user)
    _require(principal, "organisation.view")
    organisation = get_object_or_404(Organisation, pk=pk)
    context: dict[str, object] = {
        "organisation": organisation,
        "ancestors": organisation_ancestors(organisation=organisation),
        # Read only when the cached fragment (organisation_detail.html) has to be rendered anew.
        "children": SimpleLazyObject(lambda: selectors.organisation_children(organisation=organisation)),
        "locations": SimpleLazyObject(lambda: list(organisation.locations.order_by("city", "name"))),
        "page_title": organisation.name,
    }
    if can(principal, "aggregates.view", _org_target(organisation)):
        context["headcount"] = selectors.organisation_headcount(organisation=organisation)
        context["exact"] = _sees_individuals(principal, organisation)
    return render(request, "web/organisation_detail.html", context)


@login_required
def organisation_children(request: HttpRequest, pk: int) -> HttpResponse:
    """The sub-units of an organisation as a list: an htmx fragment, or a full page without JavaScript."""
    _require(principal_for(request.user), "organisation.view")
    organisation = get_object_or_404(Organisation, pk=pk)
    if not getattr(request, "htmx", False):
        return redirect("web:organisation_detail", pk=pk)
    context = {
        "organisation": organisation,
        "children": selectors.organisation_children(organisation=organisation),
    }
    return render(request, "web/partials/organisation_children.html", context)


# --- people --------------------------------------------------------------------------------------------


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    # The directory is for those who may see the card of anyone in the Rijk (civil servants).
    _require(
        principal_for(request.user), "person.view_card", PersonTarget(person_id=0, organisation_paths=())
    )
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.person_search(name=query), 25).get_page(request.GET.get("pagina"))
    context = {"query": query, "page": page, "page_title": _("Medewerkers zoeken")}
    template = (
        "web/partials/person_results.html" if getattr(request, "htmx", False) else "web/person_list.html"
    )
    return render(request, template, context)


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    principal = principal_for(request.user)
    # Today's records read once (one query): the card, and every permission check on this page.
    found = person_card(pk=pk)
    if found is None:
        raise Http404
    person = person_card_get(user=request.user, person=found)
    target = person_target(person=person)
    context: dict[str, object] = {
        "person": person,
        "jobs": person.current_employments,  # type: ignore[attr-defined]
        "page_title": person.full_name,
        "is_me": principal.person_id == person.pk,
    }
    if can(principal, "person.view_employment", target):
        context["history"] = person_employment_history_get(
            user=request.user, person=person, purpose=PERSON_PAGE_PURPOSE
        )
    context["show_personal"] = person_personal_details_visible(
        user=request.user, person=person, purpose=PERSON_PAGE_PURPOSE
    )
    return render(request, "web/person_detail.html", context)


@login_required
def my_audit(request: HttpRequest) -> HttpResponse:
    principal = principal_for(request.user)
    _require(principal, "audit.view_own")
    events = selectors.audit_events_about(person_id=principal.person_id)  # type: ignore[arg-type]
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    return render(
        request, "web/my_audit.html", {"page": page, "page_title": _("Wie heeft mijn gegevens bekeken")}
    )


# --- Rijk in cijfers -----------------------------------------------------------------------------------


def _scale_group_label(low: int, high: int) -> str:
    return _("schaal %(low)s–%(high)s") % {"low": low, "high": high}


def _age_band_label(low: int, high: int) -> str:
    if low == 0:
        return _("jonger dan %(age)s") % {"age": high + 1}
    if high >= 200:
        return _("%(age)s en ouder") % {"age": low}
    return f"{low}–{high}"


def _ministry_tables(figures: selectors.RijkFigures) -> tuple[DataTable, DataTable, DataTable]:
    """The ministry x scale-group table of Rijk in cijfers and its two margins (per ministry, per scale group),
    suppressed as one (domain.suppression) with the grand total (the headcount) kept.

    The ONE place these figures are published from: Rijk in cijfers shows all three, the home page the
    per-ministry margin. Both pages therefore show the same numbers with the same marks, and the home page
    gives nothing away that Rijk in cijfers hides."""
    total = _("Totaal")
    scale_labels = [_scale_group_label(low, high) for low, high in selectors.SCALE_GROUPS]
    by_scale = DataTable.from_table(
        suppress_table(figures.by_ministry_and_scale_group, keep_grand_total=True),
        row_labels=[m.name for m in figures.ministries],
        column_labels=scale_labels,
        title=_("Medewerkers per ministerie en schaalgroep"),
        row_heading=_("Ministerie"),
        total_label=total,
        slug="ministerie-schaalgroep",
    )
    per_ministry = by_scale.margin_table(
        axis="rows",
        row_heading=_("Ministerie"),
        column=_("Medewerkers"),
        title=_("Medewerkers per ministerie"),
        slug="ministerie",
    )
    per_scale = by_scale.margin_table(
        axis="columns",
        row_heading=_("Schaalgroep"),
        column=_("Medewerkers"),
        title=_("Medewerkers per schaalgroep"),
        slug="schaalgroep",
    )
    return by_scale, per_ministry, per_scale


def _figures_charts(figures: selectors.RijkFigures) -> list[tuple[str, Chart]]:
    """The charts of the page, each with its table, every figure suppressed (domain.suppression).

    The per-ministry and per-scale-group tables are the margins of the ministry x scale-group table, so the
    three are suppressed as one: showing them side by side gives nothing more away. That table and the age
    table count the same people, so both keep their grand total (the headcount) published."""
    total = _("Totaal")
    genders = [_("Vrouw"), _("Man"), _("Anders of onbekend")]
    by_scale, per_ministry, per_scale = _ministry_tables(figures)
    trend = DataTable.from_table(
        suppress_rows(figures.trend_by_gender),  # a total per year; a sum over the years means nothing
        row_labels=[str(d.year) for d in figures.trend_dates],
        column_labels=genders,
        title=_("Medewerkers op 1 januari, per geslacht"),
        row_heading=_("Jaar"),
        total_label=total,
        slug="ontwikkeling",
    )
    ages = DataTable.from_table(
        suppress_table(figures.by_age_band_and_gender, keep_grand_total=True),
        row_labels=[_age_band_label(low, high) for low, high in selectors.AGE_BANDS],
        column_labels=genders,
        title=_("Leeftijdsopbouw per geslacht"),
        row_heading=_("Leeftijd"),
        total_label=total,
        slug="leeftijd",
    )
    return [
        (
            _("Per ministerie"),
            Chart(ChartKind.BAR, per_ministry, description=_("Staafdiagram: medewerkers per ministerie.")),
        ),
        (
            _("Per schaalgroep"),
            Chart(ChartKind.BAR, per_scale, description=_("Staafdiagram: medewerkers per schaalgroep.")),
        ),
        (
            _("Per ministerie en schaalgroep"),
            Chart(
                ChartKind.STACKED_BAR,
                by_scale,
                description=_("Gestapeld staafdiagram: per ministerie de medewerkers naar schaalgroep."),
            ),
        ),
        (
            _("Ontwikkeling"),
            Chart(
                ChartKind.LINE,
                trend,
                description=_("Lijndiagram: het aantal medewerkers op 1 januari van de laatste tien jaar."),
            ),
        ),
        (
            _("Leeftijdsopbouw"),
            Chart(
                ChartKind.PYRAMID,
                ages,
                series=(0, 1),
                description=_(
                    "Bevolkingspiramide: vrouwen links, mannen rechts, per leeftijdsgroep van jong (onder) "
                    "naar oud (boven). De groep anders of onbekend staat alleen in de tabel."
                ),
            ),
        ),
    ]


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    """Rijk in cijfers: headcount of the whole Rijk by ministry, scale group, gender and age, with trend."""
    _require(principal_for(request.user), "aggregates.view", _org_target(None))
    data = selectors.rijk_figures()
    sections = _figures_charts(data)
    title = _("Rijk in cijfers")
    tables = [chart.table for _heading, chart in sections]
    download = download_response(request, tables, filename="rijk-in-cijfers", title=title, on=data.on)
    if download is not None:
        return download
    context = {"page_title": title, "sections": sections, "on": data.on}
    return render(request, "web/figures.html", context)
