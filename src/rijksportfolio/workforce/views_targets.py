# SPDX-License-Identifier: EUPL-1.2
"""What an organisation records on its stuurinformatie pages (POST, then back to the page): its diversity goals,
its ICT formation, and the explanation of a secondment past one year (comply or explain). Each asks the policy
first (``stuurinformatie.set_goals`` / ``set_formation`` / ``explain``: HR advisers and organisation
administrators of the organisation's subtree) and writes through ``workforce.services``. With invalid input the
page is shown again with the form's errors (status 400); nothing is written."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.models import Employment
from rijksportfolio.workforce import access, services
from rijksportfolio.workforce.forms import DiversityGoalForm, IctFormationForm, SecondmentExplanationForm
from rijksportfolio.workforce.models import DiversityGoal, IctFormation
from rijksportfolio.workforce.views import render_dashboard


def _back(request: HttpRequest, name: str) -> HttpResponseRedirect:
    """Back to the page, with the filters it was posted from."""
    query = request.GET.urlencode()
    return HttpResponseRedirect(reverse(f"workforce:{name}") + (f"?{query}" if query else ""))


def _require(request: HttpRequest, action: str, organisation: Organisation) -> None:
    if not can(principal_for(request.user), action, access.organisation_target(organisation)):
        raise PermissionDenied


@login_required
@require_POST
def diversity_goal_set(request: HttpRequest) -> HttpResponse:
    organisation = Organisation.objects.filter(code=request.POST.get("organisatie") or "").first()
    if organisation is None:
        raise Http404(_("Onbekende organisatie."))
    _require(request, "stuurinformatie.set_goals", organisation)
    form = DiversityGoalForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.diversity_goal_set(
                actor=request.user,
                organisation=organisation,
                group=data["groep"],
                target_pct=data["doel"],
                start_year=data["vanaf"],
                target_year=data["doeljaar"],
                note=data["toelichting"],
            )
        except ValidationError as error:
            form.apply(error)
    if not form.is_valid():
        return render_dashboard(request, "diversiteit", extra_context={"goal_form": form}, status=400)
    messages.success(request, _("Het doel is opgeslagen."))
    return _back(request, "diversiteit")


@login_required
@require_POST
def diversity_goal_delete(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_or_404(DiversityGoal.objects.select_related("organisation"), pk=pk)
    _require(request, "stuurinformatie.set_goals", goal.organisation)
    services.diversity_goal_delete(actor=request.user, goal=goal)
    messages.success(request, _("Het doel is verwijderd."))
    return _back(request, "diversiteit")


@login_required
@require_POST
def ict_formation_set(request: HttpRequest) -> HttpResponse:
    organisation = Organisation.objects.filter(code=request.POST.get("organisatie") or "").first()
    if organisation is None:
        raise Http404(_("Onbekende organisatie."))
    _require(request, "stuurinformatie.set_formation", organisation)
    form = IctFormationForm(request.POST, organisations=[organisation])
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.ict_formation_set(
                actor=request.user,
                organisation=form.organisation(),
                year=data["jaar"],
                fte=data["fte"],
                note=data["toelichting"],
            )
        except ValidationError as error:
            form.apply(error)
    if not form.is_valid():
        return render_dashboard(request, "ict-personeel", extra_context={"formation_form": form}, status=400)
    messages.success(request, _("De formatie is opgeslagen."))
    return _back(request, "ict_personeel")


@login_required
@require_POST
def ict_formation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    formation = get_object_or_404(IctFormation.objects.select_related("organisation"), pk=pk)
    _require(request, "stuurinformatie.set_formation", formation.organisation)
    services.ict_formation_delete(actor=request.user, formation=formation)
    messages.success(request, _("De formatie is verwijderd."))
    return _back(request, "ict_personeel")


@login_required
@require_POST
def secondment_explain(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record = access.secondment_for_explanation(user=request.user, employment_id=pk)
    except Employment.DoesNotExist as exc:
        raise Http404(_("Deze detachering bestaat niet.")) from exc
    form = SecondmentExplanationForm(request.POST, prefix=f"d{pk}")
    if form.is_valid():
        try:
            services.secondment_explain(
                actor=request.user,
                employment=record,
                explanation=form.cleaned_data["toelichting"],
                planned_end=form.cleaned_data["verwachte_einddatum"],
            )
        except ValidationError as error:
            form.apply(error)
    if not form.is_valid():
        return render_dashboard(
            request,
            "detacheringen",
            extra_context={"explanation_error": {"employment": pk, "form": form}},
            status=400,
        )
    messages.success(request, _("De toelichting is opgeslagen."))
    return _back(request, "detacheringen")
