# SPDX-License-Identifier: EUPL-1.2
"""Candidate-pool pages: propose (the vacancy holder), answer / my pool (the candidate), search and contact
(other vacancy holders). Decisions: ``accounts.policy.can``; writes: ``services``; guarded reads:
``access``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.domain import candidate_pool as rules, visibility
from rijksportfolio.matching.candidate_pool import access, selectors, services
from rijksportfolio.matching.candidate_pool.forms import (
    ConsentForm,
    ContactForm,
    PeriodForm,
    PreferenceForm,
    ProposeForm,
    StopForm,
)
from rijksportfolio.matching.models import PoolEntry
from rijksportfolio.matching.services import SearchFilters, SkillWanted
from rijksportfolio.opportunities.forms import ExpertiseForm, form_errors_from
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.selectors import opportunities_owned, opportunity_target
from rijksportfolio.portfolios.constants import Visibility
from rijksportfolio.portfolios.models import Portfolio


def _messages_of(exc: ValidationError) -> list[str]:
    return [m for ms in exc.message_dict.values() for m in ms] if hasattr(exc, "error_dict") else exc.messages


def _entry(request: HttpRequest, pk: int) -> PoolEntry:
    """An entry that has not ended (404 otherwise); callers' services check who may act on it."""
    entry = selectors.entry_get(pk=pk)
    if entry is None:
        raise Http404
    return entry


def _candidate_entry(request: HttpRequest, pk: int) -> PoolEntry:
    entry = _entry(request, pk)
    if not can(principal_for(request.user), "candidate_pool.respond", selectors.entry_target(entry)):
        raise PermissionDenied
    return entry


# --- the vacancy holder ---------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, opportunity_pk: int) -> HttpResponse:
    opportunity = get_object_or_404(Opportunity.objects.select_related("organisation"), pk=opportunity_pk)
    if not can(principal_for(request.user), "candidate_pool.propose", opportunity_target(opportunity)):
        raise PermissionDenied
    proposals = list(selectors.proposals_by(user=request.user, opportunity=opportunity))
    proposed = {p.person_id for p in proposals}
    candidates = [p for p in selectors.candidates_of(opportunity=opportunity) if p.pk not in proposed]
    form = ProposeForm(request.POST or None, candidates=candidates)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            person = next(p for p in candidates if p.pk == form.cleaned_data["person"])
            try:
                services.pool_propose(
                    actor=request.user, opportunity=opportunity, person=person, note=form.cleaned_data["note"]
                )
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "%(name)s is voorgedragen en krijgt een bericht. Alleen met toestemming komt de voordracht in de kandidatenpool."
                    )
                    % {"name": person.full_name},
                )
                return redirect("kandidatenpool:propose", opportunity_pk=opportunity.pk)
        status = 400
    now = timezone.now()
    context = {
        "opportunity": opportunity,
        "form": form,
        "proposals": [(p, selectors.entry_state(p, now=now)) for p in proposals],
        "max_months": rules.MAX_MONTHS,
        "page_title": _("Voordragen voor de kandidatenpool"),
    }
    return render(request, "candidate_pool/propose.html", context, status=status)


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    opportunity_id = entry.opportunity_id
    services.pool_proposal_cancel(actor=request.user, entry=entry)
    messages.success(request, _("De voordracht is ingetrokken en verwijderd."))
    if opportunity_id is not None:
        return redirect("kandidatenpool:propose", opportunity_pk=opportunity_id)
    return redirect("kansen:list")


# --- the candidate --------------------------------------------------------------------------------------------


def _civil_servant(request: HttpRequest) -> None:
    if not principal_for(request.user).is_civil_servant:
        raise PermissionDenied


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    _civil_servant(request)
    person: Any = request.user.person  # type: ignore[union-attr]
    now = timezone.now()
    entries = [(e, selectors.entry_state(e, now=now)) for e in selectors.entries_of(person=person, now=now)]
    context = {
        "entries": entries,
        "events": list(selectors.pool_events_about(person=person)),
        "preference_form": PreferenceForm(
            initial={"proposals_allowed": not selectors.opted_out(person=person)}
        ),
        "page_title": _("Mijn kandidatenpool"),
    }
    return render(request, "candidate_pool/mine.html", context)


@login_required
@require_POST
def preference(request: HttpRequest) -> HttpResponse:
    _civil_servant(request)
    form = PreferenceForm(request.POST)
    form.is_valid()  # a checkbox: always valid; absent means "no"
    allowed = bool(form.cleaned_data.get("proposals_allowed"))
    services.pool_opt_out_set(actor=request.user, opted_out=not allowed)
    if allowed:
        messages.success(request, _("Vacaturehouders kunnen je voordragen voor de kandidatenpool."))
    else:
        messages.success(request, _("Je wordt niet meer voorgedragen voor de kandidatenpool."))
    return redirect("kandidatenpool:mine")


def _skills_visibility(person: Any) -> str:
    portfolio = Portfolio.objects.filter(person=person).only("visibility_skills").first()
    return portfolio.visibility_skills if portfolio is not None else visibility.PRIVATE


@login_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The consent page: exactly what is shared, with whom and for how long; yes (with a period) or no."""
    entry = _candidate_entry(request, pk)
    state = selectors.entry_state(entry)
    consent_form = ConsentForm(request.POST if request.POST.get("besluit") == "ja" else None)
    stop_form = StopForm(request.POST if request.POST.get("besluit") == "nee" else None)
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("besluit") == "ja" and consent_form.is_valid():
                services.pool_consent(
                    actor=request.user, entry=entry, months=consent_form.cleaned_data["months"]
                )
                messages.success(
                    request, _("Je doet mee met de kandidatenpool. Je kunt je toestemming altijd intrekken.")
                )
                return redirect("kandidatenpool:mine")
            if request.POST.get("besluit") == "nee" and stop_form.is_valid():
                services.pool_decline(
                    actor=request.user,
                    entry=entry,
                    no_more_proposals=stop_form.cleaned_data["no_more_proposals"],
                )
                messages.success(
                    request, _("Je doet niet mee. De voordracht en de toelichting zijn verwijderd.")
                )
                return redirect("kandidatenpool:mine")
        except ValidationError as exc:
            form_errors_from(consent_form, exc)
        if request.POST.get("besluit") not in ("ja", "nee"):
            consent_form.add_error(None, _("Kies of je meedoet."))
        status = 400
    proposer = entry.proposed_by.person if entry.proposed_by is not None else None
    context = {
        "entry": entry,
        "state": state,
        "proposer": proposer,
        "consent_form": consent_form,
        "stop_form": stop_form,
        "period_form": PeriodForm(),
        "skills_visibility": Visibility(_skills_visibility(entry.person)).label,
        "skills_private": _skills_visibility(entry.person) == visibility.PRIVATE,
        "max_months": rules.MAX_MONTHS,
        "page_title": _("Voordracht voor de kandidatenpool"),
    }
    return render(request, "candidate_pool/answer.html", context, status=status)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _candidate_entry(request, pk)
    form = StopForm(request.POST)
    form.is_valid()
    services.pool_withdraw(
        actor=request.user, entry=entry, no_more_proposals=bool(form.cleaned_data.get("no_more_proposals"))
    )
    messages.success(request, _("Je toestemming is ingetrokken. Je staat niet meer in de kandidatenpool."))
    return redirect("kandidatenpool:mine")


@login_required
@require_POST
def period(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _candidate_entry(request, pk)
    form = PeriodForm(request.POST)
    problems: list[str] = []
    if form.is_valid():
        try:
            entry = services.pool_period_set(
                actor=request.user, entry=entry, months=form.cleaned_data["months"]
            )
        except ValidationError as exc:
            problems = _messages_of(exc)
    else:
        problems = [str(m) for ms in form.errors.values() for m in ms]
    if problems:
        for problem in problems:
            messages.error(request, problem)
    else:
        assert entry.expires_at is not None
        messages.success(
            request,
            _("Je staat in de kandidatenpool tot %(date)s.")
            % {"date": formats.date_format(timezone.localtime(entry.expires_at), "j F Y")},
        )
    return redirect("kandidatenpool:answer", pk=entry.pk)


# --- other vacancy holders ------------------------------------------------------------------------------------


@login_required
def search(request: HttpRequest) -> HttpResponse:
    if not can(principal_for(request.user), "candidate_pool.search"):
        raise PermissionDenied
    form = ExpertiseForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "page_title": _("Kandidatenpool")}
    if request.GET and form.is_valid():
        data = form.cleaned_data
        location = data.get("location")
        point = (location.latitude, location.longitude) if location is not None else None
        try:
            context["ranking"] = access.pool_search(
                actor=request.user,
                skills=[SkillWanted(s, essential=e, min_level=lv) for s, e, lv in data["skills"]],
                text=data.get("text") or "",
                filters=SearchFilters(
                    min_hours=data.get("min_hours"), max_distance_km=data.get("max_distance_km"), point=point,
                    scale_min=data.get("scale_min"), scale_max=data.get("scale_max"),
                ),
            )  # fmt: skip
        except ValidationError as exc:
            form_errors_from(form, exc)
    return render(request, "candidate_pool/search.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        entry = access.pool_entry_get(
            user=request.user, pk=pk, purpose="kandidatenpool: bekeken om te benaderen"
        )
    except PoolEntry.DoesNotExist:
        raise Http404 from None
    own = opportunities_owned(person=request.user.person).filter(status="gepubliceerd")  # type: ignore[union-attr,arg-type,misc]
    form = ContactForm(request.POST or None, opportunities=own)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.pool_contact(
                    actor=request.user, entry=entry, message=form.cleaned_data["message"],
                    opportunity=form.cleaned_data.get("opportunity"),
                )  # fmt: skip
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(
                    request,
                    _("Je bericht is verstuurd aan %(name)s.") % {"name": entry.person.full_name},
                )
                return redirect(reverse("kandidatenpool:search"))
        status = 400
    context = {
        "entry": entry,
        "form": form,
        "notes": [
            e.note for e in selectors.entries_active().filter(person_id=entry.person_id).order_by("pk")
        ],
        "page_title": _("Kandidaat benaderen"),
    }
    return render(request, "candidate_pool/contact.html", context, status=status)
