# SPDX-License-Identifier: EUPL-1.2
"""The portfolio screens: my portfolio, someone's portfolio, requests, who viewed me, export, categories.

Reads of someone else's portfolio go only through ``portfolios.access``; every write through
``portfolios.services`` (which checks the actor and raises ``PermissionDenied``/``ValidationError``).
Every page works without JavaScript (plain form posts); with htmx, visibility toggles and the skill search
update in place.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.people.models import Person
from rijksportfolio.portfolios import access, selectors, services
from rijksportfolio.portfolios.constants import Part, RequestStatus, Section, SkillLevel, Visibility
from rijksportfolio.portfolios.forms import (
    AccessRequestForm,
    ApproveForm,
    CategoryFieldFormSet,
    CategoryForm,
    ConsentForm,
    DeclineForm,
    ItemForm,
    ItemVisibilityForm,
    PortfolioSkillForm,
    SectionVisibilityForm,
    SettingsForm,
    SkillSearchForm,
    VisibilityForm,
    apply_errors,
    category_field_initial,
    category_label,
)
from rijksportfolio.portfolios.models import AccessRequest, Item, ItemCategory, Portfolio, PortfolioSkill
from rijksportfolio.skills import selectors as skills_selectors
from rijksportfolio.skills.models import Skill

SEARCH_LIMIT = 10

View = Callable[..., HttpResponse]


# --- helpers -----------------------------------------------------------------------------------------


def _my_person(request: HttpRequest) -> Person:
    """The acting user's person. Only civil servants (an account with a person, no guest) have a portfolio."""
    person = getattr(request.user, "person", None)
    if person is None or not principal_for(request.user).is_civil_servant:
        raise PermissionDenied
    return person


def _my_portfolio(request: HttpRequest) -> Portfolio:
    """The acting user's own portfolio, made on their first use (``services.portfolio_ensure``)."""
    _my_person(request)
    return services.portfolio_ensure(actor=request.user)


def owner_page(view: View) -> View:
    """A page of the owner's own portfolio: login, own portfolio (made on first use), and the first-use
    flow before anything else."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        portfolio = _my_portfolio(request)
        if portfolio.visibility_chosen_at is None:
            return redirect("portfolios:first_use")
        return view(request, portfolio, *args, **kwargs)

    return wrapper


def requester_page(view: View) -> View:
    """The user's requests (to others, and those for their own portfolio, if they have one): login and a civil
    servant's person. Following or withdrawing a request needs no portfolio of one's own, so none is made."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return view(request, _my_person(request), *args, **kwargs)

    return wrapper


def _next_or(request: HttpRequest, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _part_or_404(part: str) -> str:
    if part not in Part.values:
        raise Http404
    return part


def _own_item(portfolio: Portfolio, pk: int) -> Item:
    item = get_object_or_404(Item.objects.select_related("category"), pk=pk)
    if item.portfolio_id != portfolio.pk:
        raise PermissionDenied
    return item


def _own_request(request: HttpRequest, pk: int, *, as_owner: bool) -> AccessRequest:
    access_request = get_object_or_404(AccessRequest.objects.select_related("portfolio"), pk=pk)
    person_id = principal_for(request.user).person_id
    mine = access_request.portfolio.person_id if as_owner else access_request.requester_id
    if person_id is None or mine != person_id:
        raise PermissionDenied
    return access_request


def _toggle_status(request: HttpRequest, status_id: str, saved: bool) -> HttpResponse:
    """The htmx answer to a visibility toggle: the new text of its status line (an out-of-band swap)."""
    message = _("Opgeslagen.") if saved else _("Kies een zichtbaarheid.")
    context = {"status_id": status_id, "message": message}
    return render(request, "portfolios/partials/toggle_status.html", context)


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def skill_search(query: str) -> list[Skill]:
    """The skill search without JavaScript: the same tolerant search as the htmx autocomplete (papi's
    ``skills.selectors.skills_autocomplete``), posted back with the form."""
    return [hit.skill for hit in skills_selectors.skills_autocomplete(query=query, limit=SEARCH_LIMIT)]


def autocomplete_url() -> str:
    """papi's htmx partial; "" until it exists (the form then offers the search button only)."""
    try:
        return reverse("portfolios:skill_autocomplete")
    except NoReverseMatch:
        return ""


def _section_rows(portfolio: Portfolio) -> list[dict[str, Any]]:
    items = list(selectors.items_for(portfolio))
    rows = []
    for section in Section:
        rows.append(
            {
                "key": section.value,
                "label": section.label,
                "visibility": portfolio.section_visibility(section.value),
                "visibility_label": Visibility(portfolio.section_visibility(section.value)).label,
                "items": [i for i in items if i.part == section.value],
                "is_part": section.value in Part.values,
            }
        )
    return rows


# --- my portfolio ------------------------------------------------------------------------------------


@owner_page
@require_GET
def mine(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    person_id = principal_for(request.user).person_id
    pending = [
        r
        for r in selectors.requests_incoming(owner_person=portfolio.person)
        if r.status == RequestStatus.PENDING
    ]
    context = {
        "portfolio": portfolio,
        "sections": _section_rows(portfolio),
        "skills": selectors.portfolio_skills_for(portfolio),
        "suggestions": list(selectors.skill_suggestions_for(portfolio=portfolio))[:10],
        "pending_count": len(pending),
        "person_id": person_id,
        "page_title": _("Mijn portfolio"),
    }
    return render(request, "portfolios/mine.html", context)


def _visibility_page(request: HttpRequest, portfolio: Portfolio, *, first_use: bool) -> HttpResponse:
    form = VisibilityForm(request.POST or None, portfolio=portfolio)
    consent = ConsentForm(request.POST or None, initial={"matching_consent": portfolio.matching_consent})
    if request.method == "POST" and form.is_valid() and consent.is_valid():
        try:
            services.portfolio_visibility_set(
                actor=request.user, portfolio=portfolio, visibilities=form.cleaned_data
            )
            wanted = consent.cleaned_data["matching_consent"]
            if wanted != portfolio.matching_consent:
                services.portfolio_matching_consent_set(
                    actor=request.user, portfolio=portfolio, consent=wanted
                )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Je keuzes voor de zichtbaarheid zijn opgeslagen."))
            return redirect("portfolios:mine")
    context = {
        "form": form,
        "consent_form": consent,
        "first_use": first_use,
        "page_title": _("Kies wie je portfolio ziet") if first_use else _("Zichtbaarheid"),
    }
    return render(request, "portfolios/visibility.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def first_use(request: HttpRequest) -> HttpResponse:
    """Before anything else, the owner chooses who sees each part; "Alleen ik" is pre-selected everywhere."""
    portfolio = _my_portfolio(request)
    if portfolio.visibility_chosen_at is not None and request.method == "GET":
        return redirect("portfolios:visibility")
    return _visibility_page(request, portfolio, first_use=True)


@owner_page
@require_http_methods(["GET", "POST"])
def visibility(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    return _visibility_page(request, portfolio, first_use=False)


@owner_page
@require_http_methods(["GET", "POST"])
def settings_edit(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    initial = {
        "headline": portfolio.headline,
        "available_hours_per_week": portfolio.available_hours_per_week,
        "available_from": portfolio.available_from,
        "show_endorsements": portfolio.show_endorsements,
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.portfolio_settings_update(actor=request.user, portfolio=portfolio, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Je instellingen zijn opgeslagen."))
            return redirect("portfolios:mine")
    context = {
        "form": form,
        "consent_form": ConsentForm(initial={"matching_consent": portfolio.matching_consent}),
        "portfolio": portfolio,
        "page_title": _("Instellingen van mijn portfolio"),
    }
    return render(request, "portfolios/settings.html", context, status=400 if form.errors else 200)


@owner_page
@require_POST
def consent(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    form = ConsentForm(request.POST)
    form.is_valid()  # a checkbox: always valid; absent means "no"
    wanted = bool(form.cleaned_data.get("matching_consent"))
    services.portfolio_matching_consent_set(actor=request.user, portfolio=portfolio, consent=wanted)
    if wanted:
        messages.success(request, _("Je geeft toestemming voor matching. Je kunt die altijd weer intrekken."))
    else:
        messages.success(request, _("Je vaardigheden worden niet gebruikt voor matching."))
    return redirect(_next_or(request, reverse("portfolios:settings")))


@owner_page
@require_GET
def part_edit(request: HttpRequest, portfolio: Portfolio, part: str) -> HttpResponse:
    _part_or_404(part)
    items = list(selectors.items_for(portfolio, part=part))
    context = {
        "portfolio": portfolio,
        "part": part,
        "part_label": Part(part).label,
        "items": [
            (
                item,
                ItemVisibilityForm(initial={"visibility": item.visibility}, auto_id=f"id_item{item.pk}_%s"),
            )
            for item in items
        ],
        "categories": [(c, category_label(c)) for c in selectors.categories_active(part=part)],
        "visibility_form": SectionVisibilityForm(initial={"visibility": portfolio.section_visibility(part)}),
        "page_title": Part(part).label,
    }
    return render(request, "portfolios/part.html", context)


@owner_page
@require_POST
def section_visibility(request: HttpRequest, portfolio: Portfolio, part: str) -> HttpResponse:
    """One section's visibility (a part, or ``vaardigheden``): htmx updates the status line, else back to the page."""
    if part not in Section.values:
        raise Http404
    form = SectionVisibilityForm(request.POST)
    saved = False
    if form.is_valid():
        portfolio = services.portfolio_visibility_set(
            actor=request.user, portfolio=portfolio, visibilities={part: form.cleaned_data["visibility"]}
        )
        saved = True
    back = reverse("portfolios:skills") if part == Section.SKILLS else reverse("portfolios:part", args=[part])
    if _is_htmx(request):
        return _toggle_status(request, f"status-sectie-{part}", saved)
    if saved:
        messages.success(request, _("De zichtbaarheid is opgeslagen."))
    else:
        messages.error(request, _("Kies een zichtbaarheid."))
    return redirect(back)


def _item_form_page(
    request: HttpRequest, portfolio: Portfolio, *, category: ItemCategory, item: Item | None
) -> HttpResponse:
    searching = request.method == "POST" and "zoek_vaardigheid" in request.POST
    form = ItemForm(request.POST or None, category=category, item=item)
    search = SkillSearchForm(request.POST if searching else None)
    results: list[Skill] = []
    status = 200
    if searching:
        search.is_valid()
        results = [s for s in skill_search(search.cleaned_data.get("q", "")) if s not in form.chosen_skills]
    elif request.method == "POST":
        if form.is_valid():
            try:
                if item is None:
                    item = services.item_create(
                        actor=request.user, portfolio=portfolio, category=category, **form.service_fields()
                    )
                    messages.success(request, _("‘%(title)s’ is toegevoegd.") % {"title": item.title})
                else:
                    item = services.item_update(actor=request.user, item=item, **form.service_fields())
                    messages.success(request, _("‘%(title)s’ is opgeslagen.") % {"title": item.title})
                return redirect(reverse("portfolios:part", args=[category.part]) + f"#onderdeel-{item.pk}")
            except ValidationError as error:
                apply_errors(form, error)
        status = 400
    context = {
        "portfolio": portfolio,
        "form": form,
        "search_form": search,
        "search_results": results,
        "searched": searching,
        "autocomplete_url": autocomplete_url(),
        "category": category,
        "category_label": category_label(category),
        "item": item,
        "part": category.part,
        "part_label": Part(category.part).label,
        "section_visibility_label": Visibility(portfolio.section_visibility(category.part)).label,
        "page_title": (_("%(category)s toevoegen") if item is None else _("%(category)s wijzigen"))
        % {"category": category_label(category)},
    }
    return render(request, "portfolios/item_form.html", context, status=status)


@owner_page
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, portfolio: Portfolio, part: str, category: str) -> HttpResponse:
    _part_or_404(part)
    chosen = next((c for c in selectors.categories_active(part=part) if c.key == category), None)
    if chosen is None:
        raise Http404
    return _item_form_page(request, portfolio, category=chosen, item=None)


@owner_page
@require_http_methods(["GET", "POST"])
def item_update(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    item = _own_item(portfolio, pk)
    return _item_form_page(request, portfolio, category=item.category, item=item)


@owner_page
@require_POST
def item_visibility(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    item = _own_item(portfolio, pk)
    form = ItemVisibilityForm(request.POST, auto_id=f"id_item{item.pk}_%s")
    saved = form.is_valid()
    if saved:
        item = services.item_update(actor=request.user, item=item, visibility=form.cleaned_data["visibility"])
    if _is_htmx(request):
        return _toggle_status(request, f"status-onderdeel-{item.pk}", saved)
    if saved:
        messages.success(
            request, _("De zichtbaarheid van ‘%(title)s’ is opgeslagen.") % {"title": item.title}
        )
    return redirect(reverse("portfolios:part", args=[item.part]) + f"#onderdeel-{item.pk}")


@owner_page
@require_http_methods(["GET", "POST"])
def item_delete(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    item = _own_item(portfolio, pk)
    if request.method == "POST":
        part, title = item.part, item.title
        services.item_delete(actor=request.user, item=item)
        messages.success(request, _("‘%(title)s’ is verwijderd.") % {"title": title})
        return redirect("portfolios:part", part=part)
    context = {"item": item, "part_label": Part(item.part).label, "page_title": _("Onderdeel verwijderen")}
    return render(request, "portfolios/item_delete.html", context)


# --- skills profile ------------------------------------------------------------------------------------


def _skill_form_page(
    request: HttpRequest, portfolio: Portfolio, *, portfolio_skill: PortfolioSkill | None, template: str
) -> HttpResponse:
    searching = request.method == "POST" and "zoek_vaardigheid" in request.POST
    initial: dict[str, Any] = {}
    if portfolio_skill is not None:
        initial = {
            "level": portfolio_skill.level,
            "evidence_items": list(portfolio_skill.evidence_items.all()),
        }
    form = PortfolioSkillForm(
        request.POST if request.method == "POST" and not searching else None,
        portfolio=portfolio,
        skill=portfolio_skill.skill if portfolio_skill else None,
        initial=initial,
    )
    search = SkillSearchForm(request.POST if searching else None)
    results: list[Skill] = []
    status = 200
    if searching:
        search.is_valid()
        results = skill_search(search.cleaned_data.get("q", ""))
    elif request.method == "POST":
        if form.is_valid():
            try:
                services.portfolio_skill_set(
                    actor=request.user,
                    portfolio=portfolio,
                    skill=form.cleaned_data["skill"],
                    level=form.cleaned_data["level"],
                    evidence_items=list(form.cleaned_data["evidence_items"]),
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("De vaardigheid is opgeslagen."))
                return redirect("portfolios:skills")
        status = 400
    context = {
        "portfolio": portfolio,
        "form": form,
        "search_form": search,
        "search_results": results,
        "searched": searching,
        "autocomplete_url": autocomplete_url(),
        "portfolio_skill": portfolio_skill,
        "page_title": _("Vaardigheid wijzigen") if portfolio_skill else _("Mijn vaardigheden"),
    }
    if portfolio_skill is None:
        context |= {
            "skills": selectors.portfolio_skills_for(portfolio),
            "suggestions": list(selectors.skill_suggestions_for(portfolio=portfolio))[:15],
            "visibility_form": SectionVisibilityForm(initial={"visibility": portfolio.visibility_skills}),
            "level_choices": SkillLevel.choices,
        }
    return render(request, template, context, status=status)


@owner_page
@require_http_methods(["GET", "POST"])
def skills_edit(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    return _skill_form_page(request, portfolio, portfolio_skill=None, template="portfolios/skills.html")


@owner_page
@require_http_methods(["GET", "POST"])
def skill_update(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    portfolio_skill = get_object_or_404(PortfolioSkill.objects.select_related("skill"), pk=pk)
    if portfolio_skill.portfolio_id != portfolio.pk:
        raise PermissionDenied
    return _skill_form_page(
        request, portfolio, portfolio_skill=portfolio_skill, template="portfolios/skill_form.html"
    )


@owner_page
@require_POST
def skill_remove(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    portfolio_skill = get_object_or_404(PortfolioSkill.objects.select_related("skill"), pk=pk)
    if portfolio_skill.portfolio_id != portfolio.pk:
        raise PermissionDenied
    services.portfolio_skill_remove(actor=request.user, portfolio_skill=portfolio_skill)
    messages.success(request, _("De vaardigheid is uit je profiel verwijderd."))
    return redirect("portfolios:skills")


# --- "bekijk als", requests, who viewed me, export -----------------------------------------------------


@owner_page
@require_GET
def preview(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    as_kind = request.GET.get("als", "rijk")
    if as_kind not in access.PREVIEW_KINDS:
        as_kind = "rijk"
    view = access.portfolio_preview(user=request.user, portfolio=portfolio, as_kind=as_kind)
    context = {
        "view": view,
        "person": portfolio.person,
        "preview": as_kind,
        "preview_kinds": [
            ("rijk", _("een collega zonder toestemming")),
            ("grant", _("een collega aan wie je inzage hebt gegeven")),
            ("none", _("iemand die niets mag zien")),
        ],
        "page_title": _("Bekijk als"),
    }
    return render(request, "portfolios/person_portfolio.html", context)


@requester_page
@require_GET
def requests_inbox(request: HttpRequest, person: Person) -> HttpResponse:
    incoming = list(selectors.requests_incoming(owner_person=person))
    outgoing = list(selectors.requests_outgoing(requester_person=person))
    pending = [r for r in incoming if r.status == RequestStatus.PENDING]
    context = {
        "pending": [
            (r, ApproveForm(auto_id=f"id_r{r.pk}_%s"), DeclineForm(auto_id=f"id_d{r.pk}_%s")) for r in pending
        ],
        "grants": [r for r in incoming if selectors.grant_is_active(r)],
        "history": [
            r for r in incoming if r.status != RequestStatus.PENDING and not selectors.grant_is_active(r)
        ],
        "outgoing": [(r, selectors.grant_is_active(r)) for r in outgoing],
        "page_title": _("Inzageverzoeken"),
    }
    return render(request, "portfolios/requests.html", context)


def _decide(
    request: HttpRequest, pk: int, *, as_owner: bool, act: Callable[[AccessRequest], str]
) -> HttpResponse:
    access_request = _own_request(request, pk, as_owner=as_owner)
    try:
        messages.success(request, act(access_request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("portfolios:requests")


@owner_page
@require_POST
def request_approve(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    form = ApproveForm(request.POST, auto_id=f"id_r{pk}_%s")

    def act(access_request: AccessRequest) -> str:
        if not form.is_valid():
            raise ValidationError(_("Kies een geldigheid van 1 tot en met 365 dagen."))
        services.access_request_approve(
            actor=request.user,
            request=access_request,
            days=form.cleaned_data["days"],
            note=form.cleaned_data["note"],
        )
        return _("Je hebt het verzoek goedgekeurd voor %(days)d dagen.") % {"days": form.cleaned_data["days"]}

    return _decide(request, pk, as_owner=True, act=act)


@owner_page
@require_POST
def request_decline(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    form = DeclineForm(request.POST)
    form.is_valid()

    def act(access_request: AccessRequest) -> str:
        services.access_request_decline(
            actor=request.user, request=access_request, note=form.cleaned_data.get("note", "")
        )
        return _("Je hebt het verzoek afgewezen.")

    return _decide(request, pk, as_owner=True, act=act)


@requester_page
@require_POST
def request_withdraw(request: HttpRequest, person: Person, pk: int) -> HttpResponse:
    def act(access_request: AccessRequest) -> str:
        services.access_request_withdraw(actor=request.user, request=access_request)
        return _("Je hebt je verzoek teruggetrokken.")

    return _decide(request, pk, as_owner=False, act=act)


@owner_page
@require_POST
def grant_revoke(request: HttpRequest, portfolio: Portfolio, pk: int) -> HttpResponse:
    def act(access_request: AccessRequest) -> str:
        services.access_grant_revoke(actor=request.user, request=access_request)
        return _("De inzage is beëindigd.")

    return _decide(request, pk, as_owner=True, act=act)


@owner_page
@require_GET
def views_log(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    events = selectors.portfolio_views_log(owner_person=portfolio.person)
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    context = {"page": page, "page_title": _("Wie heeft mijn portfolio bekeken")}
    return render(request, "portfolios/views_log.html", context)


EXPORT_LINKS = (
    (
        "portfolios:export_json",
        _("Download als JSON"),
        _("Het hele portfolio als gegevensbestand, om later weer in te lezen."),
    ),
    (
        "portfolios:export_pdf",
        _("Download als pdf"),
        _("Een opgemaakt document om mee te sturen met een sollicitatie."),
    ),
)


@owner_page
@require_GET
def export_page(request: HttpRequest, portfolio: Portfolio) -> HttpResponse:
    """Links to the downloads and the import form (pfiles' views); a download that is not installed is left out."""
    links = []
    for name, label, description in EXPORT_LINKS:
        try:
            links.append({"url": reverse(name), "label": label, "description": description})
        except NoReverseMatch:
            continue
    try:
        import_url = reverse("portfolios:import")
    except NoReverseMatch:
        import_url = ""
    context = {
        "links": links,
        "import_url": import_url,
        "page_title": _("Portfolio exporteren en importeren"),
    }
    return render(request, "portfolios/export.html", context)


# --- someone's portfolio ------------------------------------------------------------------------------


def _person_portfolio(person_pk: int) -> Portfolio:
    """Someone's portfolio to read through ``portfolios.access``; for a person who has not started one an
    unsaved portfolio with nothing shared (a read never makes a portfolio, also not one's own)."""
    person = get_object_or_404(Person, pk=person_pk)
    return selectors.portfolio_or_unstarted(person=person)


@login_required
@require_GET
def person_portfolio(request: HttpRequest, person_pk: int) -> HttpResponse:
    portfolio = _person_portfolio(person_pk)
    view = access.portfolio_view(user=request.user, portfolio=portfolio)
    context = {
        "view": view,
        "person": portfolio.person,
        "can_endorse": not view.is_owner,
        "page_title": _("Portfolio van %(name)s") % {"name": portfolio.person.full_name},
    }
    return render(request, "portfolios/person_portfolio.html", context)


@login_required
@require_GET
def person_section(request: HttpRequest, person_pk: int, section: str) -> HttpResponse:
    """One section of someone's portfolio. Not visible to this viewer: refused (and audited as an attempt)."""
    if section not in Section.values:
        raise Http404
    portfolio = _person_portfolio(person_pk)
    section_view = access.portfolio_section_view(user=request.user, portfolio=portfolio, section=section)
    context = {
        "s": section_view,
        "person": portfolio.person,
        "can_endorse": principal_for(request.user).person_id != portfolio.person_id,
        "page_title": section_view.label,
    }
    return render(request, "portfolios/person_section.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def request_access(request: HttpRequest, person_pk: int, section: str) -> HttpResponse:
    if section not in Section.values:
        raise Http404
    portfolio = _person_portfolio(person_pk)
    state = access.section_request_state(user=request.user, portfolio=portfolio, section=section)
    if state == "pending":
        messages.info(
            request, _("Je hebt al inzage gevraagd in dit deel. De eigenaar heeft nog niet beslist.")
        )
        return redirect("portfolios:person_portfolio", person_pk=person_pk)
    if state != "requestable":
        raise PermissionDenied
    form = AccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.access_request_create(
                actor=request.user, portfolio=portfolio, section=section, purpose=form.cleaned_data["purpose"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Je verzoek is verstuurd. Je krijgt bericht zodra %(name)s heeft beslist.")
                % {"name": portfolio.person.full_name},
            )
            return redirect("portfolios:person_portfolio", person_pk=person_pk)
    context = {
        "form": form,
        "person": portfolio.person,
        "section": section,
        "section_label": Section(section).label,
        "page_title": _("Inzage vragen"),
    }
    return render(request, "portfolios/request_access.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def endorse(request: HttpRequest, person_pk: int, pk: int) -> HttpResponse:
    """Endorse a colleague's skill, or take the endorsement back (the same button toggles)."""
    portfolio_skill = get_object_or_404(PortfolioSkill.objects.select_related("portfolio"), pk=pk)
    if portfolio_skill.portfolio.person_id != person_pk:
        raise Http404
    person_id = principal_for(request.user).person_id
    mine = portfolio_skill.endorsements.filter(endorser_id=person_id).first() if person_id else None
    try:
        if mine is not None:
            services.endorsement_remove(actor=request.user, endorsement=mine)
            messages.success(request, _("Je onderschrijving is ingetrokken."))
        else:
            services.endorsement_add(actor=request.user, portfolio_skill=portfolio_skill)
            messages.success(request, _("Je hebt deze vaardigheid onderschreven."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("portfolios:person_portfolio", args=[person_pk]) + "#vaardigheden")


# --- item categories (administration) ----------------------------------------------------------------


def _require_manage(request: HttpRequest) -> None:
    if not can(principal_for(request.user), "portfolio.manage_categories"):
        raise PermissionDenied


@login_required
@require_GET
def category_list(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    categories = list(selectors.categories_all())
    context = {
        "parts": [(label, [c for c in categories if c.part == value]) for value, label in Part.choices],
        "page_title": _("Soorten onderdelen"),
    }
    return render(request, "portfolios/category_list.html", context)


def _category_form_page(request: HttpRequest, category: ItemCategory | None) -> HttpResponse:
    initial: dict[str, Any] = {}
    if category is not None:
        initial = {
            f: getattr(category, f)
            for f in (
                "key",
                "part",
                "label_nl",
                "label_en",
                "description_nl",
                "description_en",
                "allows_evidence",
            )
        }
    form = CategoryForm(request.POST or None, initial=initial, category=category)
    fields = CategoryFieldFormSet(
        request.POST or None, initial=category_field_initial(category), prefix="veld"
    )
    if request.method == "POST" and form.is_valid() and fields.is_valid():
        definitions = [d for d in (f.definition() for f in fields.forms if f.has_changed() or f.initial) if d]
        values = {k: v for k, v in form.cleaned_data.items() if k not in ("key", "part")}
        try:
            if category is None:
                category = services.category_create(
                    actor=request.user,
                    key=form.cleaned_data["key"],
                    part=form.cleaned_data["part"],
                    fields=definitions,
                    **values,
                )
                messages.success(
                    request, _("De soort ‘%(label)s’ is toegevoegd.") % {"label": category.label_nl}
                )
            else:
                category = services.category_update(
                    actor=request.user, category=category, fields=definitions, **values
                )
                messages.success(
                    request, _("De soort ‘%(label)s’ is opgeslagen.") % {"label": category.label_nl}
                )
            return redirect("portfolios:category_list")
        except ValidationError as error:
            apply_errors(form, error)
    context = {
        "form": form,
        "fields": fields,
        "category": category,
        "page_title": _("Soort wijzigen") if category else _("Soort toevoegen"),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "portfolios/category_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def category_create(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    return _category_form_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def category_update(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manage(request)
    return _category_form_page(request, get_object_or_404(ItemCategory, pk=pk))


@login_required
@require_POST
def category_retire(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manage(request)
    category = get_object_or_404(ItemCategory, pk=pk)
    services.category_retire(actor=request.user, category=category)
    messages.success(
        request,
        _("‘%(label)s’ is buiten gebruik gesteld. Bestaande onderdelen blijven leesbaar.")
        % {"label": category.label_nl},
    )
    return redirect("portfolios:category_list")


@login_required
@require_POST
def category_restore(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manage(request)
    category = get_object_or_404(ItemCategory, pk=pk)
    services.category_restore(actor=request.user, category=category)
    messages.success(request, _("‘%(label)s’ is weer in gebruik.") % {"label": category.label_nl})
    return redirect("portfolios:category_list")
