# SPDX-License-Identifier: EUPL-1.2
"""The fairness monitor pages (issue 4, item 7): the latest run and the history for a scope, a new run on
request, one stored run. Reads through ``matching.access`` (policy and audit), runs through
``matching.services``; only published figures (``domain.matching.fairness.published``) are shown."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.policy import Principal, can, principal_for
from rijksportfolio.domain.charts import Chart, ChartKind, DataTable, format_number
from rijksportfolio.domain.matching.fairness import AGE, FOUR_FIFTHS, GENDER, MIN_GROUP
from rijksportfolio.matching import access, services
from rijksportfolio.matching.fairness import group_label
from rijksportfolio.matching.models import FairnessRun
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.organisations.selectors import organisation_by_code
from rijksportfolio.web.downloads import download_response


def _and(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return _("%(eerste)s en %(tweede)s") % {"eerste": ", ".join(parts[:-1]), "tweede": parts[-1]}


def _scope_choices(principal: Principal) -> list[tuple[str, str]]:
    """(code, label) for the scope menu: the Rijk and ministries and services for an analyst; for an HR
    adviser each organisation of their scope and the units directly under it."""
    choices: list[tuple[str, str]] = []
    if can(principal, "matching.monitor_fairness", access.fairness_target(None)):
        choices.append(("", _("Het Rijk")))
        organisations = list(Organisation.objects.filter(depth__lte=1).order_by("path"))
    else:
        organisations = []
        for path in sorted(principal.scopes.get(Role.HR_ADVISER, ())):
            root = Organisation.objects.filter(path=path).first()
            if root is not None:
                organisations += list(
                    Organisation.objects.filter(path__startswith=path, depth__lte=root.depth + 1).order_by(
                        "path"
                    )
                )
    seen: set[str] = set()
    for o in organisations:
        if o.code not in seen and can(principal, "matching.monitor_fairness", access.fairness_target(o)):
            seen.add(o.code)
            choices.append((o.code, "\u2003" * min(o.depth, 2) + o.name))
    return choices


class _UnknownOrganisation(Exception):
    pass


def _scope(principal: Principal, code: str | None) -> Organisation | None:
    """The organisation asked for (None: the Rijk; no choice: the first of the menu). Outside the user's
    scope → 403; an unknown code → :class:`_UnknownOrganisation`."""
    if code is None:
        choices = _scope_choices(principal)
        if not choices:
            raise PermissionDenied
        code = choices[0][0]
    organisation = None
    if code:
        organisation = organisation_by_code(code=code)
        if organisation is None:
            raise _UnknownOrganisation(code)
    if not can(principal, "matching.monitor_fairness", access.fairness_target(organisation)):
        raise PermissionDenied
    return organisation


# --- presenting a run --------------------------------------------------------------------------------------


def _percent(value: float | None) -> float | None:
    return None if value is None else 100 * value


def _ratio_text(value: float | None) -> str:
    return "–" if value is None else format_number(value, 2)


def _measure_text(measure: str, run: FairnessRun) -> str:
    if measure == "selection":
        return _("kans in de top %(k)s") % {"k": run.top_k}
    return _("kans op een score van ten minste %(t)s") % {"t": format_number(run.score_threshold, 2)}


def _status(group: dict[str, Any], run: FairnessRun) -> tuple[str, bool]:
    if not group["sufficient"]:
        return _("Te weinig mensen om te beoordelen (minder dan %(n)s)") % {"n": MIN_GROUP}, False
    if group["flags"]:
        which = _and([_measure_text(m, run) for m in group["flags"]])
        return _("Gemarkeerd: %(wat)s onder %(grens)s van de hoogste groep") % {
            "wat": which,
            "grens": format_number(FOUR_FIFTHS, 1),
        }, True
    return _("Geen markering"), False


def run_view(run: FairnessRun) -> dict[str, Any]:
    """What the template shows of a stored run: per dimension a chart with its table and the assessment."""
    headings = {GENDER: (_("Naar geslacht"), _("Geslacht")), AGE: (_("Naar leeftijd"), _("Leeftijd"))}
    threshold = format_number(run.score_threshold, 2)
    sections = []
    flags = []
    for d in run.result.get("dimensions", []):
        dimension = d["dimension"]
        heading, row_heading = headings.get(dimension, (dimension, dimension))
        table = DataTable(
            title=_("Kans en verhouding tot de hoogste groep, %(wat)s") % {"wat": heading.lower()},
            row_heading=row_heading,
            columns=(
                _("Mensen"),
                _("Kans in de top %(k)s (%%)") % {"k": run.top_k},
                _("Verhouding top %(k)s") % {"k": run.top_k},
                _("Kans op score ≥ %(t)s (%%)") % {"t": threshold},
                _("Verhouding score ≥ %(t)s") % {"t": threshold},
            ),
            rows=tuple(
                (
                    group_label(dimension, g["group"]),
                    (
                        g["people"],
                        _percent(g["selection_rate"]),
                        g["selection_ratio"],
                        _percent(g["scoring_rate"]),
                        g["scoring_ratio"],
                    ),
                )
                for g in d["groups"]
            ),
            decimals=2,
            slug=f"eerlijkheid-{'geslacht' if dimension == GENDER else 'leeftijd'}",
        )
        chart = Chart(
            ChartKind.BAR,
            table,
            series=(2, 4),
            description=_(
                "Staafdiagram: per groep de verhouding tot de groep met de hoogste kans, voor de top %(k)s en "
                "voor een score van ten minste %(t)s. Een groep onder %(grens)s wordt gemarkeerd."
            )
            % {"k": run.top_k, "t": threshold, "grens": format_number(FOUR_FIFTHS, 1)},
        )
        assessment = []
        for g in d["groups"]:
            text, flagged = _status(g, run)
            label = group_label(dimension, g["group"])
            assessment.append({"label": label, "status": text, "flagged": flagged})
            if flagged:
                flags.append(
                    _("%(dimensie)s %(groep)s: %(wat)s")
                    % {
                        "dimensie": row_heading,
                        "groep": label.lower(),
                        "wat": _and([_measure_text(m, run) for m in g["flags"]]),
                    }
                )
        sections.append(
            {
                "heading": heading,
                "slug": table.slug,
                "chart": chart,
                "assessment": assessment,
                "min_selection": _ratio_text(d.get("min_selection_ratio")),
                "min_scoring": _ratio_text(d.get("min_scoring_ratio")),
            }
        )
    who = run.requested_by.person.full_name if run.requested_by and run.requested_by.person else None
    population = run.result.get("population")
    return {
        "run": run,
        "scope_name": run.organisation.name if run.organisation else _("Het Rijk"),
        "who": who or (run.requested_by.get_username() if run.requested_by else _("Geplande meting")),
        "population": format_number(population)
        if population is not None
        else _("minder dan 10 (afgeschermd)"),
        "min_gender": _ratio_text(run.min_ratio_gender),
        "min_age": _ratio_text(run.min_ratio_age),
        "sections": sections,
        "flags": flags,
        "threshold": threshold,
    }


def _tables(view: dict[str, Any]) -> list[DataTable]:
    return [s["chart"].table for s in view["sections"]]


# --- pages ---------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def fairness(request: HttpRequest) -> HttpResponse:
    """The monitor for a scope: the latest run in full, the history, and a button to measure now."""
    principal = principal_for(request.user)
    data = request.POST if request.method == "POST" else request.GET
    try:
        organisation = _scope(principal, data.get("organisatie"))
    except _UnknownOrganisation:
        choices = _scope_choices(principal)
        if not choices:
            raise PermissionDenied from None
        context = {
            "page_title": _("Eerlijkheidsmonitor matching"),
            "choices": choices,
            "code": "",
            "error": _("Deze organisatie bestaat niet. Kies een bereik uit de lijst."),
        }
        return render(request, "matching/fairness.html", context, status=400)
    code = organisation.code if organisation else ""
    if request.method == "POST":
        run = services.fairness_run_create(actor=request.user, organisation=organisation)
        messages.success(request, _("De meting is klaar en bewaard."))
        return redirect("matching:fairness_run", pk=run.pk)
    runs = access.fairness_runs_list(user=request.user, organisation=organisation)
    latest = run_view(access.fairness_run_get(user=request.user, pk=runs[0].pk)) if runs else None
    if latest is not None:
        download = download_response(
            request,
            _tables(latest),
            filename="eerlijkheidsmonitor",
            title=_("Eerlijkheidsmonitor matching"),
            on=latest["run"].reference_date,
        )
        if download is not None:
            return download
    choices = _scope_choices(principal)
    if code not in {c for c, _label in choices}:
        choices.append((code, organisation.name if organisation else _("Het Rijk")))
    return render(
        request,
        "matching/fairness.html",
        {
            "page_title": _("Eerlijkheidsmonitor matching"),
            "choices": choices,
            "code": code,
            "scope_name": organisation.name if organisation else _("Het Rijk"),
            "latest": latest,
            "history": [run_view(r) for r in runs],
        },
    )


@login_required
def fairness_run(request: HttpRequest, pk: int) -> HttpResponse:
    """One stored run in full (audited)."""
    try:
        run = access.fairness_run_get(user=request.user, pk=pk)
    except FairnessRun.DoesNotExist as exc:
        raise Http404(_("Deze meting bestaat niet.")) from exc
    view = run_view(run)
    download = download_response(
        request,
        _tables(view),
        filename="eerlijkheidsmonitor",
        title=_("Eerlijkheidsmonitor matching"),
        on=run.reference_date,
    )
    if download is not None:
        return download
    return render(
        request,
        "matching/fairness_run.html",
        {
            "page_title": _("Meting van %(datum)s")
            % {"datum": date_format(localtime(run.created_at), "j F Y H:i")},
            "latest": view,
            "code": run.organisation.code if run.organisation else "",
        },
    )
