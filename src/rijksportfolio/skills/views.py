# SPDX-License-Identifier: EUPL-1.2
"""Web endpoints of the taxonomy: the skill autocomplete fragment (htmx) for the portfolio's skill picker,
and the taxonomy administration pages (``skills/urls.py``, namespace ``taxonomie``).

The autocomplete URL is ``portfolios:skill_autocomplete`` (``portfolios/urls.py``): the picker lives on portfolio
pages (``portfolios/_skill_picker.html``) and swaps this fragment into its results region (``aria-live``).
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.skills import extension_csv, selectors, services
from rijksportfolio.skills.forms import DutchLabelForm, ImportForm, RijkSkillForm
from rijksportfolio.skills.models import RIJK_SKILL_URI_PREFIX, Skill

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


# --- taxonomy administration (the Rijk extension): taxonomy administrators only -------------------------

ADMIN_PAGE_SIZE = 50
CANDIDATES_SHOWN = 100


def _require_admin(request: HttpRequest) -> None:
    if not selectors.may_administer_taxonomy(principal_for(request.user)):
        raise PermissionDenied


def _show_errors(form: forms.Form, error: services.ExtensionError) -> None:
    fields = {"alternatieveNamen": "alternatieve_namen"}
    if isinstance(error.errors, list):
        for message in error.errors:
            form.add_error(None, message)
        return
    for key, field_errors in error.errors.items():
        name = fields.get(key, key)
        form.add_error(name if name in form.fields else None, field_errors)


@login_required
@require_GET
def admin_index(request: HttpRequest) -> HttpResponse:
    """Overview: ESCO version in use, Dutch coverage, the Rijk's labels and skills, search to label a skill."""
    _require_admin(request)
    query = request.GET.get("zoek", "").strip()[: selectors.AUTOCOMPLETE_MAX_QUERY]
    hits = selectors.skills_autocomplete(query=query, limit=20, language="nl") if query else []
    labels = Paginator(selectors.rijk_labels(), ADMIN_PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "page_title": _("Taxonomiebeheer"),
        "version": selectors.taxonomy_version_in_use(),
        "counts": selectors.taxonomy_counts() | selectors.rijk_extension_counts(),
        "query": query,
        "hits": hits,
        "labels": labels,
        "rijk_skills": list(selectors.rijk_skills()),
    }
    return render(request, "skills/admin_index.html", context)


@login_required
@require_GET
def admin_candidates(request: HttpRequest) -> HttpResponse:
    """The skills the Rijk's job families use most that still show an English label."""
    _require_admin(request)
    context = {
        "page_title": _("Nog te vertalen"),
        "candidates": selectors.skills_needing_dutch_label(limit=CANDIDATES_SHOWN),
    }
    return render(request, "skills/admin_candidates.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def admin_label(request: HttpRequest, pk: int) -> HttpResponse:
    """Give an ESCO skill the Rijk's Dutch label (or change it)."""
    _require_admin(request)
    skill = selectors.skill_for_labelling(pk)
    if skill is None:
        raise Http404
    current = selectors.rijk_label_of(skill)
    initial = {"naam": current.label, "alternatieve_namen": "\n".join(current.alt_labels)} if current else {}
    form = DutchLabelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.dutch_label_set(
                actor=request.user, skill=skill, label=form.cleaned_data["naam"], alt_labels=form.alt_labels()
            )
        except services.ExtensionError as error:
            _show_errors(form, error)
        else:
            if changed:
                messages.success(
                    request,
                    _("De Nederlandse naam ‘%(label)s’ is opgeslagen.")
                    % {"label": form.cleaned_data["naam"]},
                )
            else:
                messages.info(request, _("Er is niets gewijzigd."))
            return redirect("taxonomie:index")
    context = {
        "page_title": _("Nederlandse naam"),
        "skill": skill,
        "current": current,
        "form": form,
    }
    return render(request, "skills/admin_label.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def admin_label_remove(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    skill = selectors.skill_for_labelling(pk)
    if skill is None:
        raise Http404
    if services.dutch_label_remove(actor=request.user, skill=skill):
        skill.refresh_from_db()
        messages.success(
            request,
            _("De Nederlandse naam van het Rijk is verwijderd; nu getoond: ‘%(label)s’.")
            % {"label": skill.label},
        )
    return redirect("taxonomie:index")


def _rijk_skill_page(request: HttpRequest, skill: Skill | None) -> HttpResponse:
    initial: dict[str, Any] = {}
    if skill is not None:
        broader = sorted(b.uri for b in skill.broader.all())
        initial = {
            "sleutel": skill.uri.removeprefix(RIJK_SKILL_URI_PREFIX),
            "naam": skill.preferred_label_nl,
            "alternatieve_namen": "\n".join(skill.alt_labels_nl),
            "soort": "kennis" if skill.skill_type == "knowledge" else "vaardigheid",
            "breder": broader[0] if broader else "",
            "omschrijving": skill.description_nl,
        }
    form = RijkSkillForm(request.POST or None, initial=initial, editing=skill is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved, changed = services.rijk_skill_save(
                actor=request.user,
                key=data["sleutel"],
                label=data["naam"],
                alt_labels=form.alt_labels(),
                broader_uri=data["breder"],
                description=data["omschrijving"],
                kind=data["soort"],
                create=skill is None,
            )
        except services.ExtensionError as error:
            _show_errors(form, error)
        else:
            if changed:
                messages.success(
                    request, _("De Rijk-vaardigheid ‘%(label)s’ is opgeslagen.") % {"label": saved.label}
                )
            else:
                messages.info(request, _("Er is niets gewijzigd."))
            return redirect("taxonomie:index")
    context = {
        "page_title": _("Rijk-vaardigheid wijzigen") if skill else _("Rijk-vaardigheid toevoegen"),
        "skill": skill,
        "form": form,
        "usage": services.skill_usage(skill) if skill is not None else 0,
    }
    return render(request, "skills/admin_rijk_skill.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def admin_rijk_skill_create(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    return _rijk_skill_page(request, None)


def _rijk_skill_or_404(pk: int) -> Skill:
    skill = selectors.rijk_skills().filter(pk=pk).first()
    if skill is None:
        raise Http404
    return skill


@login_required
@require_http_methods(["GET", "POST"])
def admin_rijk_skill_update(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    return _rijk_skill_page(request, _rijk_skill_or_404(pk))


@login_required
@require_POST
def admin_rijk_skill_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    skill = _rijk_skill_or_404(pk)
    try:
        services.rijk_skill_delete(actor=request.user, skill=skill)
    except services.ExtensionError as error:
        messages.error(request, str(error))
        return redirect("taxonomie:rijk_skill_update", pk=pk)
    messages.success(request, _("De Rijk-vaardigheid ‘%(label)s’ is verwijderd.") % {"label": skill.label})
    return redirect("taxonomie:index")


@login_required
@require_GET
def admin_export(request: HttpRequest) -> HttpResponse:
    """The Rijk extension as CSV for Excel (``;``, UTF-8 with BOM, CRLF). Audited as an export."""
    _require_admin(request)
    rows = selectors.rijk_extension_rows()
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        object_type="skills.RijkExtension",
        purpose=str(len(rows)),
    )
    response = HttpResponse(extension_csv.to_bytes(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="rijk-uitbreiding-taxonomie.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def admin_import(request: HttpRequest) -> HttpResponse:
    """Upload a Rijk-extension CSV: checked as a whole first; any error (with its line) writes nothing."""
    _require_admin(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.rijk_extension_import(
                actor=request.user, data=form.cleaned_data["bestand"].read()
            )
        except services.ExtensionError as error:
            errors = error.errors if isinstance(error.errors, list) else [str(error)]
        else:
            messages.success(
                request,
                _(
                    "Geïmporteerd: %(labels_new)d nieuwe en %(labels_changed)d gewijzigde namen, "
                    "%(skills_new)d nieuwe en %(skills_changed)d gewijzigde Rijk-vaardigheden; "
                    "%(unchanged)d regels ongewijzigd."
                )
                % {
                    "labels_new": result.labels["created"],
                    "labels_changed": result.labels["updated"],
                    "skills_new": result.rijk_skills["created"],
                    "skills_changed": result.rijk_skills["updated"],
                    "unchanged": result.labels["unchanged"] + result.rijk_skills["unchanged"],
                },
            )
            return redirect("taxonomie:index")
    context = {
        "page_title": _("Rijk-uitbreiding importeren"),
        "form": form,
        "errors": errors[:ERRORS_SHOWN],
        "more_errors": max(0, len(errors) - ERRORS_SHOWN),
    }
    status = 400 if (form.errors or errors) else 200
    return render(request, "skills/admin_import.html", context, status=status)


ERRORS_SHOWN = 100
