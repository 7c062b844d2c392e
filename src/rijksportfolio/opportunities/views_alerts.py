# SPDX-License-Identifier: EUPL-1.2
"""Pages of the alerts (docs/matching.md, "Alerts"): an employee's own setting ("Meldingen over passende
kansen") and the owner's switch for newly fitting people on an opportunity. Writes: ``matching.alerts``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.matching import alerts
from rijksportfolio.opportunities.forms import form_errors_from
from rijksportfolio.opportunities.forms_alerts import AlertSettingsForm, CandidateAlertsForm
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.selectors import opportunity_target
from rijksportfolio.portfolios.models import Portfolio


@login_required
def alert_settings(request: HttpRequest) -> HttpResponse:
    """ "Meldingen over passende kansen": switch on or off, how well it must fit, direct or weekly."""
    person = getattr(request.user, "person", None)
    if person is None or not can(principal_for(request.user), "matching.alerts"):
        raise PermissionDenied
    preference = alerts.alert_preference_for(person=person)
    initial = {
        "enabled": preference.enabled,
        "min_score": preference.min_score,
        "frequency": preference.frequency,
    }
    form = AlertSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            alerts.alert_preference_set(
                actor=request.user,
                enabled=data["enabled"],
                min_score=data["min_score"],
                frequency=data["frequency"],
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            if data["enabled"]:
                messages.success(request, _("Je meldingen over passende kansen staan aan."))
            else:
                messages.success(request, _("Je krijgt geen meldingen meer over passende kansen."))
            return redirect("kansen:alerts")
    context = {
        "form": form,
        "preference": preference,
        "consent": Portfolio.objects.filter(person=person, matching_consent=True).exists(),
        "received": alerts.alerts_received(person=person),
        "page_title": _("Meldingen over passende kansen"),
    }
    return render(request, "opportunities/alerts.html", context)


def candidate_alerts_context(opportunity: Opportunity) -> dict[str, Any]:
    """What the opportunity page shows its owner about their alerts (the view checked ownership)."""
    state = alerts.opportunity_alerts_for(opportunity=opportunity)
    form = CandidateAlertsForm(initial={"enabled": state.owner_enabled, "min_score": state.owner_min_score})
    return {"candidate_alerts": state, "candidate_alerts_form": form}


@login_required
@require_POST
def candidate_alerts(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner switches alerts about newly fitting people on or off for their opportunity."""
    opportunity = get_object_or_404(Opportunity, pk=pk)
    if not can(principal_for(request.user), "opportunity.edit", opportunity_target(opportunity)):
        raise PermissionDenied
    form = CandidateAlertsForm(request.POST)
    problems: list[str] = []
    if form.is_valid():
        try:
            alerts.opportunity_alerts_set(
                actor=request.user, opportunity=opportunity, enabled=form.cleaned_data["enabled"],
                min_score=form.cleaned_data["min_score"],
            )  # fmt: skip
        except ValidationError as exc:
            problems = [m for ms in exc.message_dict.values() for m in ms]
    else:
        problems = [str(m) for ms in form.errors.values() for m in ms]
    if problems:
        return render(
            request, "opportunities/problem.html",
            {"messages_list": problems, "opportunity": opportunity, "page_title": opportunity.title}, status=400,
        )  # fmt: skip
    if form.cleaned_data["enabled"]:
        messages.success(request, _("Je krijgt een melding als iemand nieuw bij deze kans past."))
    else:
        messages.success(request, _("Meldingen over nieuwe kandidaten voor deze kans staan uit."))
    return redirect("kansen:detail", pk=opportunity.pk)
