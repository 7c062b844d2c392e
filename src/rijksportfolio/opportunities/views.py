# SPDX-License-Identifier: EUPL-1.2
"""Pages: opportunities (list, new, detail with candidates and shortlist), "kansen voor mij", the expertise
search and the public page on how the ranking works. Decisions: ``accounts.policy.can``; writes: services."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rijksportfolio.accounts.constants import Role
from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.domain.matching import ALGORITHM_VERSION, IMPORTANCE_NICE, RELATION_WEIGHTS, TEXT_WEIGHT
from rijksportfolio.matching import services as matching
from rijksportfolio.matching.models import ShortlistEntry
from rijksportfolio.matching.services import SearchFilters, SkillWanted
from rijksportfolio.opportunities import selectors, services
from rijksportfolio.opportunities.constants import AGREEMENT_STATE_LABELS, NEEDS_AGREEMENT
from rijksportfolio.opportunities.forms import (
    AgreementForm,
    ExpertiseForm,
    FilterForm,
    OpportunityForm,
    ShortlistForm,
    form_errors_from,
)
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.rendering import description_html
from rijksportfolio.opportunities.services import RequiredSkill
from rijksportfolio.opportunities.views_alerts import candidate_alerts_context
from rijksportfolio.people.models import Person

RECRUITING = (Role.PROJECT_LEADER, Role.MANAGER, Role.HR_ADVISER, Role.ORG_ADMIN)


def _civil_servant(request: HttpRequest) -> Any:
    principal = principal_for(request.user)
    if not principal.is_civil_servant:
        raise PermissionDenied
    return principal


def _opportunity(request: HttpRequest, pk: int) -> Opportunity:
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("organisation", "location", "owner").prefetch_related(
            "required_skills__skill"
        ),
        pk=pk,
    )
    if not can(principal_for(request.user), "opportunity.view", selectors.opportunity_target(opportunity)):
        raise PermissionDenied
    return opportunity


def _filters(form: FilterForm, point: tuple[float, float] | None = None) -> SearchFilters:
    data = form.cleaned_data
    return SearchFilters(
        min_hours=data.get("min_hours"), max_distance_km=data.get("max_distance_km"), point=point,
        scale_min=data.get("scale_min"), scale_max=data.get("scale_max"),
    )  # fmt: skip


def _people(ranking: matching.Ranking) -> list[dict[str, Any]]:
    return [{"match": m, "name": ranking.names.get(m.subject_id, "")} for m in ranking.matches]


@login_required
def opportunity_list(request: HttpRequest) -> HttpResponse:
    principal = _civil_servant(request)
    opportunities = (
        Opportunity.objects.filter(Q(status="gepubliceerd") | Q(owner_id=principal.person_id))
        .select_related("organisation", "location")
        .order_by("-published_at", "-id")[:200]
    )
    context = {
        "opportunities": opportunities,
        "may_create": any(role in principal.roles for role in RECRUITING),
        "page_title": _("Kansen"),
    }
    return render(request, "opportunities/list.html", context)


@login_required
def opportunity_create(request: HttpRequest) -> HttpResponse:
    principal = _civil_servant(request)
    if not any(role in principal.roles for role in RECRUITING):
        raise PermissionDenied
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            opportunity = services.opportunity_create(
                actor=request.user, kind=data["kind"], title=data["title"], description=data["description"],
                organisation=data["organisation"], location=data["location"], work_mode=data["work_mode"],
                hours_per_week=data["hours_per_week"], scale_min=data["scale_min"], scale_max=data["scale_max"],
                skills=[RequiredSkill(s, essential=e, min_level=lv) for s, e, lv in data["skills"]],
            )  # fmt: skip
        except PermissionDenied:
            form.add_error("organisation", _("Voor deze organisatie mag je geen kansen plaatsen."))
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            return redirect("kansen:detail", pk=opportunity.pk)
    return render(request, "opportunities/form.html", {"form": form, "page_title": _("Nieuwe kans")})


@login_required
def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity(request, pk)
    principal = principal_for(request.user)
    is_owner = can(principal, "opportunity.edit", selectors.opportunity_target(opportunity))
    context: dict[str, Any] = {
        "opportunity": opportunity,
        "description": description_html(opportunity.description),
        "is_owner": is_owner,
        "page_title": opportunity.title,
        "needs_agreement": opportunity.kind in NEEDS_AGREEMENT,
    }
    if is_owner and opportunity.status != "gesloten":
        context.update(candidate_alerts_context(opportunity))
    if is_owner and opportunity.status == "gepubliceerd":
        filters = FilterForm(request.GET or None)
        if filters.is_valid() or not request.GET:
            try:
                ranking = matching.candidates_search(
                    actor=request.user,
                    opportunity=opportunity,
                    filters=_filters(filters) if request.GET else SearchFilters(),
                )
                context.update(ranking=ranking, candidates=_people(ranking))
            except ValidationError as exc:
                form_errors_from(filters, exc)
        context["filters"] = filters
        context["shortlist"] = list(
            ShortlistEntry.objects.filter(opportunity=opportunity)
            .select_related("person")
            .order_by("created_at")
        )
    if (
        not is_owner
        and opportunity.kind in NEEDS_AGREEMENT
        and can(principal, "opportunity.request_agreement", selectors.opportunity_target(opportunity))
    ):
        today = timezone.localdate()
        asked = selectors.agreements_asked(employee=request.user.person).filter(  # type: ignore[union-attr,arg-type]
            opportunity=opportunity
        )
        context["agreements"] = [
            (a, AGREEMENT_STATE_LABELS[selectors.agreement_state(a, today=today)]) for a in asked
        ]
        context["agreement_form"] = AgreementForm()
    return render(request, "opportunities/detail.html", context)


def _refused(exc: ValidationError) -> list[str]:
    return [m for ms in exc.message_dict.values() for m in ms]


def _problem(request: HttpRequest, opportunity: Opportunity, messages: list[str]) -> HttpResponse:
    """The 400 page that lists what was refused, with the opportunity to go back to."""
    return render(
        request,
        "opportunities/problem.html",
        {
            "messages_list": messages,
            "opportunity": opportunity,
            "page_title": opportunity.title,
        },
        status=400,
    )


@login_required
@require_POST
def opportunity_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    opportunity = _opportunity(request, pk)
    service = {"publiceren": services.opportunity_publish, "sluiten": services.opportunity_close}.get(action)
    if service is None:
        raise PermissionDenied
    try:
        service(actor=request.user, opportunity=opportunity)
    except ValidationError as exc:
        return _problem(request, opportunity, _refused(exc))
    return redirect("kansen:detail", pk=opportunity.pk)


@login_required
@require_POST
def shortlist_add(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity(request, pk)
    form = ShortlistForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    person = get_object_or_404(Person, pk=form.cleaned_data["person"])
    try:
        matching.shortlist_add(
            actor=request.user, opportunity=opportunity, person=person, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        return _problem(request, opportunity, _refused(exc))
    return redirect("kansen:detail", pk=opportunity.pk)


@login_required
@require_POST
def agreement_request(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity(request, pk)
    form = AgreementForm(request.POST)
    problems: list[str] = []
    if form.is_valid():
        try:
            services.agreement_request(
                actor=request.user,
                opportunity=opportunity,
                hours_per_week=form.cleaned_data["hours_per_week"],
            )
        except ValidationError as exc:
            problems = _refused(exc)
    else:
        problems = [str(m) for ms in form.errors.values() for m in ms]
    if problems:
        return _problem(request, opportunity, problems)
    return redirect("kansen:detail", pk=opportunity.pk)


@login_required
def for_me(request: HttpRequest) -> HttpResponse:
    ranking = matching.opportunities_for_me(actor=request.user)
    by_id = Opportunity.objects.in_bulk([m.subject_id for m in ranking.matches])
    rows = [{"match": m, "opportunity": by_id[m.subject_id]} for m in ranking.matches]
    return render(
        request,
        "opportunities/for_me.html",
        {"ranking": ranking, "rows": rows, "page_title": _("Kansen voor mij")},
    )


@login_required
def expertise_search(request: HttpRequest) -> HttpResponse:
    if not can(principal_for(request.user), "matching.search_people"):
        raise PermissionDenied
    form = ExpertiseForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "page_title": _("Expertise zoeken")}
    if request.GET and form.is_valid():
        data = form.cleaned_data
        location = data.get("location")
        point = (location.latitude, location.longitude) if location is not None else None
        try:
            ranking = matching.expertise_search(
                actor=request.user, skills=[SkillWanted(s, essential=e, min_level=lv) for s, e, lv in data["skills"]],
                text=data.get("text") or "", filters=_filters(form, point),
            )  # fmt: skip
            context.update(ranking=ranking, candidates=_people(ranking))
        except ValidationError as exc:
            form_errors_from(form, exc)
    return render(request, "opportunities/expertise.html", context)


def how_ranking_works(request: HttpRequest) -> HttpResponse:
    context = {
        "page_title": _("Zo werkt de rangschikking"),
        "version": ALGORITHM_VERSION,
        "weights": {k: round(v * 100) for k, v in RELATION_WEIGHTS.items()},
        "nice": round(IMPORTANCE_NICE * 100),
        "text_weight": round(TEXT_WEIGHT * 100),
    }
    return render(request, "opportunities/how_ranking_works.html", context)
