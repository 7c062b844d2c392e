# SPDX-License-Identifier: EUPL-1.2
"""The MPP pages (issue 5, item 3: "supply projected from today's staff through retirement, attrition and
mobility; demand scenarios …; the gap per year; scenarios saved, compared side by side, and exported").

* ``/stuurinformatie/mpp``: compute a scenario for an organisation (and job family) — whoever may see the
  organisation's stuurinformatie; save it (POST) — ``mpp.create``; the saved scenarios one may see.
* ``/stuurinformatie/mpp/scenarios/<id>``: a saved scenario with its result at a peildatum and downloads with
  its parameters; change it (POST) — ``mpp.change``; ``…/verwijderen``: delete after a confirmation.
* ``/stuurinformatie/mpp/vergelijken?scenario=…``: 2–4 saved scenarios side by side.

Figures come from ``workforce.access`` (policy, suppression by ``domain.analytics.publish``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.domain.analytics import mpp as mpp_rules
from rijksportfolio.domain.charts import Chart, ChartKind, DataTable, Value
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.constants import JobFamily, WorkType
from rijksportfolio.workforce import access, services
from rijksportfolio.workforce.display import figure
from rijksportfolio.workforce.exports import ParameterRow, scenario_download
from rijksportfolio.workforce.forms import CompareForm, PeildatumForm, ScenarioForm, scenario_initial
from rijksportfolio.workforce.models import WorkforcePlanScenario
from rijksportfolio.workforce.views import Section, _target, visible_organisations

FIELD_OF = {  # service field -> form field (for the service's errors)
    "name": "naam",
    "description": "toelichting",
    "job_family": "functiefamilie",
    "horizon_years": "horizon",
    "growth_pct": "groei",
}
MAX_DRAWN_FAMILIES = 4  # lines in the chart of the gap per job family (the table has every family)


def _family_label(key: str | None) -> str:
    if not key:
        return _("Alle functiefamilies")
    return str(dict(JobFamily.choices).get(key, key))


def _work_type_label(key: str) -> str:
    return str(dict(WorkType.choices).get(key, key))


# --- result: tables and charts ---------------------------------------------------------------------------


def result_sections(data: dict[str, Any]) -> list[Section]:
    """The charts of one scenario's published result (``access.scenario_result_get`` / ``panel_get``)."""
    total = data["total"]
    years = total["years"]
    families = sorted(
        data["job_families"],
        key=lambda f: JobFamily.values.index(f["job_family"]) if f["job_family"] in JobFamily.values else 99,
    )
    last = str(years[-1]["year"]) if years else ""
    totals = DataTable(
        title=_("Aanbod, vraag en verschil per jaar (fte)"),
        row_heading=_("Jaar"),
        columns=(_("Aanbod"), _("Vraag"), _("Verschil")),
        rows=tuple((str(y["year"]), (y["supply"], y["demand"], y["gap"])) for y in years),
        description=_(
            "Aanbod: de verwachte fte van het huidige personeel aan het eind van het jaar, na uitstroom "
            "(AOW-leeftijd en vertrek) en netto mobiliteit. Vraag: de fte van nu volgens het scenario. "
            "Verschil: aanbod min vraag; negatief is een tekort."
        ),
        decimals=1,
        slug="mpp-per-jaar",
    )
    gap = DataTable(
        title=_("Verschil tussen aanbod en vraag per jaar (fte; negatief is een tekort)"),
        row_heading=_("Jaar"),
        columns=(_("Verschil"),),
        rows=tuple((str(y["year"]), (y["gap"],)) for y in years),
        decimals=1,
        slug="mpp-verschil",
    )
    per_family = DataTable(
        title=_("Per functiefamilie: fte nu en in %(jaar)s") % {"jaar": last},
        row_heading=_("Functiefamilie"),
        columns=(
            _("Fte nu"),
            _("Aanbod %(jaar)s") % {"jaar": last},
            _("Vraag %(jaar)s") % {"jaar": last},
            _("Verschil %(jaar)s") % {"jaar": last},
        ),
        rows=tuple(
            (
                _family_label(f["job_family"]),
                (
                    f["fte"],
                    f["years"][-1]["supply"] if f["years"] else None,
                    f["years"][-1]["demand"] if f["years"] else None,
                    f["years"][-1]["gap"] if f["years"] else None,
                ),
            )
            for f in families
        ),
        column_totals=(
            total["fte"],
            *((years[-1]["supply"], years[-1]["demand"], years[-1]["gap"]) if years else (None,) * 3),
        ),
        total_label=_("Totaal"),
        decimals=1,
        slug="mpp-functiefamilies",
    )
    family_gap = DataTable(
        title=_("Verschil per functiefamilie en jaar (fte)"),
        row_heading=_("Jaar"),
        columns=tuple(_family_label(f["job_family"]) for f in families),
        rows=tuple(
            (str(y["year"]), tuple(f["years"][k]["gap"] if f["years"] else None for f in families))
            for k, y in enumerate(years)
        ),
        decimals=1,
        slug="mpp-verschil-functiefamilies",
    )
    largest = sorted(range(len(families)), key=lambda k: -(families[k]["fte"] or 0))[:MAX_DRAWN_FAMILIES]
    sections: list[Section] = [
        (
            _("Aanbod en vraag"),
            Chart(
                ChartKind.LINE,
                totals,
                series=(0, 1),
                description=_("Lijndiagram: per jaar het verwachte aanbod en de vraag in fte."),
            ),
        ),
        (
            _("Verschil per jaar"),
            Chart(
                ChartKind.LINE,
                gap,
                description=_("Lijndiagram: per jaar aanbod min vraag in fte; onder nul is een tekort."),
            ),
        ),
        (
            _("Per functiefamilie"),
            Chart(
                ChartKind.BAR,
                per_family,
                series=(0, 1, 2),
                description=_(
                    "Staafdiagram: per functiefamilie de fte nu, het aanbod en de vraag in het laatste jaar."
                ),
            ),
        ),
    ]
    if len(families) > 1:
        sections.append(
            (
                _("Verschil per functiefamilie"),
                Chart(
                    ChartKind.LINE,
                    family_gap,
                    series=tuple(sorted(largest)),
                    description=_(
                        "Lijndiagram: per jaar het verschil in fte van de %(n)s grootste functiefamilies; "
                        "de tabel heeft ze allemaal."
                    )
                    % {"n": len(largest)},
                ),
            )
        )
    return sections


def result_summary(data: dict[str, Any]) -> list[tuple[str, str]]:
    total = data["total"]
    years = total["years"]
    summary = [
        (_("Medewerkers op de peildatum"), figure(data, total, "headcount")),
        (_("Fte op de peildatum"), figure(data, total, "fte", 1)),
    ]
    if years:
        summary.append(
            (_("Verschil in %(jaar)s (fte)") % {"jaar": years[-1]["year"]}, figure(data, years[-1], "gap", 1))
        )
    return summary


# --- parameters (page and downloads) ---------------------------------------------------------------------


def parameter_rows(scenarios: list[dict[str, Any]]) -> list[ParameterRow]:
    """Rows label -> value per scenario, from ``_parameters`` dicts."""
    rows: list[ParameterRow] = [
        (_("Organisatie"), [s["organisation"] for s in scenarios]),
        (_("Functiefamilie"), [s["job_family"] for s in scenarios]),
        (_("Peildatum"), [s["peildatum"] for s in scenarios]),
        (_("Horizon (jaren)"), [s["horizon"] for s in scenarios]),
        (_("Groei per jaar (%)"), [s["growth"] for s in scenarios]),
    ]
    families = [f for f in JobFamily.values if any(f in s["growth_by_family"] for s in scenarios)]
    for family in families:
        rows.append(
            (
                _("Groei %(familie)s (%%)") % {"familie": _family_label(family).lower()},
                [s["growth_by_family"].get(family, s["growth"]) for s in scenarios],
            )
        )
    for work_type in WorkType.values:
        rows.append(
            (
                _("Effect van technologie, werksoort %(werksoort)s (%%)")
                % {"werksoort": _work_type_label(work_type).lower()},
                [s["technology"].get(work_type, 0.0) for s in scenarios],
            )
        )
    if any(s.get("owner") for s in scenarios):
        rows.append((_("Eigenaar"), [s.get("owner", "") for s in scenarios]))
        rows.append((_("Laatst gewijzigd"), [s.get("updated", "") for s in scenarios]))
        rows.append((_("Toelichting"), [s.get("description", "") for s in scenarios]))
    return rows


def _owner_name(scenario: WorkforcePlanScenario) -> str:
    owner = scenario.owner
    if owner is None:
        return _("(verwijderd account)")
    person = getattr(owner, "person", None)
    return str(person.full_name if person is not None else owner.get_username())


def _saved_parameters(scenario: WorkforcePlanScenario, peildatum: dt.date) -> dict[str, Any]:
    return {
        "name": scenario.name,
        "organisation": scenario.organisation.name if scenario.organisation else _("Het Rijk"),
        "job_family": _family_label(scenario.job_family or None),
        "peildatum": peildatum.isoformat(),
        "horizon": scenario.horizon_years,
        "growth": float(scenario.growth_pct),
        "growth_by_family": {k: float(v) for k, v in scenario.growth_by_family.items()},
        "technology": {k: float(v) for k, v in scenario.technology_pct.items()},
        "owner": _owner_name(scenario),
        "updated": scenario.updated_at.strftime("%d-%m-%Y %H:%M"),
        "description": scenario.description,
    }


def _form_parameters(form: ScenarioForm, organisation: Organisation | None) -> dict[str, Any]:
    scenario = form.scenario()
    return {
        "organisation": organisation.name if organisation else _("Het Rijk"),
        "job_family": _family_label(form.job_family() or None),
        "peildatum": form.peildatum_value().isoformat(),
        "horizon": scenario.horizon,
        "growth": scenario.growth_pct,
        "growth_by_family": dict(scenario.growth_by_family),
        "technology": dict(scenario.technology_pct),
    }


# --- helpers -----------------------------------------------------------------------------------------------


def scope_for_user(request: HttpRequest) -> tuple[list[Organisation], bool]:
    """The organisations whose figures the user may see, and whether the Rijk as a whole; 403 for nobody."""
    principal = principal_for(request.user)
    rijk = can(principal, "stuurinformatie.view", _target(None))
    organisations = visible_organisations(principal)
    if not rijk and not organisations:
        raise PermissionDenied
    return organisations, rijk


def refuse_outside(data: Any, organisations: list[Organisation]) -> None:
    """An organisation outside the user's scope is refused (403), not reported as an invalid choice."""
    asked = data.get("organisatie") or ""
    if (
        asked
        and asked not in {o.code for o in organisations}
        and Organisation.objects.filter(code=asked).exists()
    ):
        raise PermissionDenied


def _service_errors(form: ScenarioForm, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        name = FIELD_OF.get(field)
        form.add_error(name if name in form.fields else None, errors)


def _may_create(request: HttpRequest, organisation: Organisation | None) -> bool:
    return can(principal_for(request.user), "mpp.create", _target(organisation))


def _compare_choices(scenarios: list[WorkforcePlanScenario]) -> list[tuple[int, str]]:
    return [(s.pk, s.name) for s in scenarios]


# --- views -------------------------------------------------------------------------------------------------


@login_required
def mpp(request: HttpRequest) -> HttpResponse:
    organisations, rijk = scope_for_user(request)
    posted = request.method == "POST"
    if posted and not any(_may_create(request, o) for o in [None, *organisations]):
        raise PermissionDenied  # saving is for planners; the works council and managers only compute
    data = request.POST if posted else request.GET
    refuse_outside(data, organisations)
    form = ScenarioForm(data, organisations=organisations, rijk=rijk, with_name=posted)
    valid = form.is_valid()
    principal = principal_for(request.user)
    saved = access.scenarios_visible(user=request.user) if access.may_see_scenarios(principal) else []
    context: dict[str, Any] = {
        "page_title": _("MPP: meerjarige personeelsplanning"),
        "form": form,
        "sections": [],
        "saved": saved,
        "compare_form": CompareForm(None, choices=_compare_choices(saved)),
    }
    if set(form.errors) - {"naam", "toelichting"}:  # the scenario itself is invalid: no figures
        return render(request, "workforce/mpp.html", context, status=400)
    organisation = form.organisation()
    may_save = _may_create(request, organisation)
    if posted:
        if not may_save:
            raise PermissionDenied
        if valid:
            try:
                created = services.scenario_create(actor=request.user, **form.service_fields())
            except ValidationError as exc:
                _service_errors(form, exc)
            else:
                messages.success(
                    request, _("Het scenario ‘%(naam)s’ is opgeslagen.") % {"naam": created.name}
                )
                return redirect(reverse("workforce:mpp_scenario", kwargs={"pk": created.pk}))
    peildatum = form.peildatum_value()
    result = access.panel_get(
        user=request.user,
        panel="mpp",
        peildatum=peildatum,
        organisation=organisation,
        scope=access.panels.Scope(
            organisations=(organisation.pk,) if organisation else (), job_family=form.job_family() or None
        ),
        scenario=form.scenario(),
    )
    sections = result_sections(result)
    parameters = parameter_rows([_form_parameters(form, organisation)])
    download = scenario_download(
        request,
        [chart.table for _heading, chart in sections],
        header=[_("Parameter"), _("Waarde")],
        parameters=parameters,
        filename="mpp",
        title=_("MPP: meerjarige personeelsplanning"),
        on=peildatum,
    )
    if download is not None:
        return download
    context.update(
        sections=sections,
        summary=result_summary(result),
        organisation=organisation,
        peildatum=peildatum,
        parameters=parameters,
        may_save=may_save,
        save_form=form
        if posted
        else ScenarioForm(None, organisations=organisations, rijk=rijk, with_name=True),
        hidden=form.query(),
    )
    return render(request, "workforce/mpp.html", context, status=400 if posted else 200)


def _scenario_or_404(request: HttpRequest, pk: int) -> WorkforcePlanScenario:
    try:
        return access.scenario_get(user=request.user, pk=pk)
    except WorkforcePlanScenario.DoesNotExist as exc:
        raise Http404(_("Dit scenario bestaat niet (meer).")) from exc


@login_required
def scenario(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _scenario_or_404(request, pk)
    may_change = can(principal_for(request.user), "mpp.change", services.scenario_target(saved))
    dated = PeildatumForm(request.GET)
    peildatum = dated.peildatum_value() if dated.is_valid() else dt.date.today()
    edit_form = None
    status = 200
    if may_change:
        organisations, rijk = scope_for_user(request)
        if request.method == "POST":
            refuse_outside(request.POST, organisations)
            edit_form = ScenarioForm(
                request.POST, organisations=organisations, rijk=rijk, with_name=True, dated=False
            )
            if edit_form.is_valid():
                try:
                    services.scenario_update(actor=request.user, scenario=saved, **edit_form.service_fields())
                except ValidationError as exc:
                    _service_errors(edit_form, exc)
                else:
                    messages.success(request, _("Het scenario is gewijzigd."))
                    return redirect(reverse("workforce:mpp_scenario", kwargs={"pk": saved.pk}))
            status = 400
        else:
            edit_form = ScenarioForm(
                None,
                organisations=organisations,
                rijk=rijk,
                with_name=True,
                dated=False,
                initial=scenario_initial(saved),
            )
    elif request.method == "POST":
        raise PermissionDenied
    result = access.scenario_result_get(user=request.user, scenario=saved, peildatum=peildatum)
    sections = result_sections(result)
    parameters = parameter_rows([_saved_parameters(saved, peildatum)])
    download = scenario_download(
        request,
        [chart.table for _heading, chart in sections],
        header=[_("Parameter"), saved.name],
        parameters=parameters,
        filename=f"mpp-scenario-{saved.pk}",
        title=_("MPP-scenario: %(naam)s") % {"naam": saved.name},
        on=peildatum,
    )
    if download is not None:
        return download
    return render(
        request,
        "workforce/mpp_scenario.html",
        {
            "page_title": saved.name,
            "scenario": saved,
            "owner_name": _owner_name(saved),
            "sections": sections,
            "summary": result_summary(result),
            "peildatum": peildatum,
            "dated": dated,
            "parameters": parameters,
            "may_change": may_change,
            "edit_form": edit_form,
        },
        status=status,
    )


@login_required
def scenario_delete(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _scenario_or_404(request, pk)
    if not can(principal_for(request.user), "mpp.change", services.scenario_target(saved)):
        raise PermissionDenied
    if request.method == "POST":
        name = saved.name
        services.scenario_delete(actor=request.user, scenario=saved)
        messages.success(request, _("Het scenario ‘%(naam)s’ is verwijderd.") % {"naam": name})
        return redirect(reverse("workforce:mpp"))
    return render(
        request, "workforce/mpp_delete.html", {"page_title": _("Scenario verwijderen"), "scenario": saved}
    )


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    if not access.may_see_scenarios(principal_for(request.user)):
        raise PermissionDenied
    visible = access.scenarios_visible(user=request.user)
    asked = [int(v) for v in request.GET.getlist("scenario") if v.isdigit()]
    visible_ids = {s.pk for s in visible}
    if WorkforcePlanScenario.objects.filter(pk__in=asked).exclude(pk__in=visible_ids).exists():
        raise PermissionDenied  # a scenario the user may not see
    form = CompareForm(request.GET, choices=_compare_choices(visible))
    context: dict[str, Any] = {"page_title": _("Scenario's vergelijken"), "form": form, "sections": []}
    if not form.is_valid():
        return render(request, "workforce/mpp_compare.html", context, status=400)
    peildatum = form.peildatum_value()
    by_pk = {s.pk: s for s in visible}
    chosen = [by_pk[pk] for pk in form.cleaned_data["scenario"]]
    results = [access.scenario_result_get(user=request.user, scenario=s, peildatum=peildatum) for s in chosen]
    side = mpp_rules.comparison(results)
    names = _unique_names([s.name for s in chosen])
    sections = compare_sections(side, names)
    parameters = parameter_rows([_saved_parameters(s, peildatum) for s in chosen])
    download = scenario_download(
        request,
        [chart.table for _heading, chart in sections],
        header=[_("Parameter"), *names],
        parameters=parameters,
        filename="mpp-vergelijking",
        title=_("MPP: scenario's vergeleken"),
        on=peildatum,
    )
    if download is not None:
        return download
    context.update(
        sections=sections,
        scenarios=list(zip(chosen, names, strict=True)),
        peildatum=peildatum,
        parameters=parameters,
        names=names,
        years=side["years"],
    )
    return render(request, "workforce/mpp_compare.html", context)


def _unique_names(names: list[str]) -> list[str]:
    """Column headings: two scenarios of different organisations may share a name."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def compare_sections(side: dict[str, Any], names: list[str]) -> list[Section]:
    def table(key: str, title: str, slug: str) -> DataTable:
        rows: tuple[tuple[str, tuple[Value, ...]], ...] = tuple(
            (str(row["year"]), tuple(cell[key] for cell in row["scenarios"])) for row in side["rows"]
        )
        return DataTable(
            title=title, row_heading=_("Jaar"), columns=tuple(names), rows=rows, decimals=1, slug=slug
        )

    return [
        (
            _("Verschil per jaar"),
            Chart(
                ChartKind.LINE,
                table(
                    "gap",
                    _("Verschil tussen aanbod en vraag per scenario (fte; negatief is een tekort)"),
                    "vergelijking-verschil",
                ),
                description=_(
                    "Lijndiagram: per jaar het verschil tussen aanbod en vraag, een lijn per scenario."
                ),
            ),
        ),
        (
            _("Vraag per jaar"),
            Chart(
                ChartKind.LINE,
                table("demand", _("Vraag per scenario (fte)"), "vergelijking-vraag"),
                description=_("Lijndiagram: per jaar de vraag in fte, een lijn per scenario."),
            ),
        ),
        (
            _("Aanbod per jaar"),
            Chart(
                ChartKind.LINE,
                table("supply", _("Aanbod per scenario (fte)"), "vergelijking-aanbod"),
                description=_(
                    "Lijndiagram: per jaar het verwachte aanbod in fte, een lijn per scenario (gelijk voor "
                    "scenario's van dezelfde organisatie en functiefamilie)."
                ),
            ),
        ),
    ]
