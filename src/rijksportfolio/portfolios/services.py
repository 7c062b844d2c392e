# SPDX-License-Identifier: EUPL-1.2
"""Writes to portfolios: one function per use case, keyword-only.

Bad input raises :class:`django.core.exceptions.ValidationError` with Dutch messages keyed by field (the
English translation comes from the catalogue); an actor who may not do it gets :class:`PermissionDenied`.
Only the owner edits a portfolio — no role overrides that. Changes to who may see what (visibility,
matching consent) are written to the audit log; ordinary edits are not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from functools import partial
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _, gettext_lazy

from rijksportfolio.accounts.models import User
from rijksportfolio.accounts.policy import PortfolioTarget, can, principal_for
from rijksportfolio.audit.models import AuditAction, AuditOutcome
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain import portfolio_schema as schema, visibility as rules
from rijksportfolio.matching.changes import matching_inputs_changed
from rijksportfolio.notifications.services import notification_send, recipient_language_active
from rijksportfolio.people.models import Employment
from rijksportfolio.portfolios import exchange, uploads
from rijksportfolio.portfolios.constants import (
    DEFAULT_GRANT_DAYS,
    ItemSource,
    Part,
    RequestStatus,
    Section,
    SkillLevel,
    Visibility,
)
from rijksportfolio.portfolios.models import (
    SECTION_FIELDS,
    AccessRequest,
    Endorsement,
    Evidence,
    Item,
    ItemCategory,
    Portfolio,
    PortfolioSkill,
)
from rijksportfolio.portfolios.selectors import active_grant_sections, grants_active_q
from rijksportfolio.skills.models import Skill

MAX_HOURS_PER_WEEK = 40
_UNSET: Any = object()


# --- permission ------------------------------------------------------------------------------------------


def _require_owner(actor: Any, portfolio: Portfolio) -> None:
    """Only the owner changes their portfolio (``portfolio.edit``)."""
    if not can(principal_for(actor), "portfolio.edit", PortfolioTarget(owner_person_id=portfolio.person_id)):
        raise PermissionDenied


def _matching_changed(portfolio: Portfolio) -> None:
    """What matching sees of the owner may have changed (skills, text, visibility, hours, consent)."""
    matching_inputs_changed(person_ids=[portfolio.person_id])


# --- messages for schema problems ---------------------------------------------------------------------------

SCHEMA_MESSAGES: dict[str, Any] = {
    # field definitions (administrators)
    "fields_not_list": gettext_lazy("De velden moeten een lijst zijn."),
    "fields_too_many": gettext_lazy("Een soort kan ten hoogste %(max)s velden hebben."),
    "field_not_object": gettext_lazy("Veld %(index)s: elk veld moet een object met eigenschappen zijn."),
    "attribute_unknown": gettext_lazy("Veld %(index)s: onbekende eigenschap(pen) %(names)s."),
    "key_invalid": gettext_lazy(
        "Veld %(index)s: de sleutel moet beginnen met een kleine letter en mag alleen kleine letters, "
        "cijfers en _ bevatten (ten hoogste 40 tekens)."
    ),
    "key_duplicate": gettext_lazy("Veld %(index)s: de sleutel %(key)s komt al eerder voor."),
    "label_nl_invalid": gettext_lazy(
        "Veld %(index)s: geef een Nederlandse naam van ten hoogste %(max)s tekens."
    ),
    "label_en_invalid": gettext_lazy("Veld %(index)s: geef een Engelse naam van ten hoogste %(max)s tekens."),
    "help_invalid": gettext_lazy("Veld %(index)s: de uitleg mag ten hoogste %(max)s tekens hebben."),
    "required_not_bool": gettext_lazy("Veld %(index)s: 'verplicht' moet ja of nee zijn."),
    "type_unknown": gettext_lazy("Veld %(index)s: kies een soort veld uit %(types)s."),
    "choices_missing": gettext_lazy("Veld %(index)s: een keuzeveld heeft een lijst met keuzes nodig."),
    "choices_too_many": gettext_lazy("Veld %(index)s: ten hoogste %(max)s keuzes."),
    "choices_not_allowed": gettext_lazy("Veld %(index)s: alleen een keuzeveld heeft keuzes."),
    "choice_invalid": gettext_lazy(
        "Veld %(index)s, keuze %(choice)s: geef een waarde, een Nederlandse en een Engelse naam."
    ),
    "choice_duplicate": gettext_lazy(
        "Veld %(index)s, keuze %(choice)s: de waarde %(value)s komt al eerder voor."
    ),
    # item data (employees)
    "data_not_object": gettext_lazy("De gegevens moeten een object zijn."),
    "field_unknown": gettext_lazy("Dit veld hoort niet bij deze soort."),
    "required": gettext_lazy("%(label)s is verplicht."),
    "not_text": gettext_lazy("%(label)s moet tekst zijn."),
    "text_multiline": gettext_lazy("%(label)s moet op één regel passen."),
    "too_long": gettext_lazy("%(label)s mag ten hoogste %(max)s tekens hebben."),
    "date_invalid": gettext_lazy("%(label)s is geen geldige datum (JJJJ-MM-DD)."),
    "integer_invalid": gettext_lazy("%(label)s moet een geheel getal zijn."),
    "integer_range": gettext_lazy("%(label)s is te groot."),
    "url_invalid": gettext_lazy("%(label)s moet een webadres zijn dat begint met https:// of http://."),
    "choice_unknown": gettext_lazy("Kies voor %(label)s een van de mogelijkheden."),
    "boolean_invalid": gettext_lazy("%(label)s moet ja of nee zijn."),
}


def schema_message(problem: schema.Problem) -> str:
    """The problem in the active language (Dutch by default)."""
    params = dict(problem.params)
    english = (translation.get_language() or "nl").startswith("en")
    if "label_nl" in params:
        params["label"] = params["label_en"] if english else params["label_nl"]
    return str(SCHEMA_MESSAGES[problem.code]) % params


def _raise_problems(problems: list[schema.Problem], *, prefix: str = "") -> None:
    if not problems:
        return
    errors: dict[str, list[str]] = {}
    for problem in problems:
        errors.setdefault(prefix + problem.field, []).append(schema_message(problem))
    raise ValidationError(errors)


def item_data_validate(*, category: ItemCategory, data: Mapping[str, Any] | None) -> dict[str, Any]:
    """``data`` checked and normalised against the category's fields; ValidationError keyed ``data.<key>``."""
    cleaned, problems = schema.validate_data(category.fields, dict(data) if data is not None else None)
    _raise_problems(problems, prefix="data.")
    return cleaned


# --- the owner's portfolio ---------------------------------------------------------------------------------


def portfolio_ensure(*, actor: Any) -> Portfolio:
    """The actor's own portfolio, made on their first use: every section *alleen ik*, no matching consent,
    endorsements hidden, the first-use choice of visibility still open, and the *werkervaring* items filled
    from the person's employment records (:func:`portfolio_sync_employment`).

    Only a civil servant (an account with a person, not a guest) has a portfolio: ``PermissionDenied``
    otherwise. Idempotent and safe against two first requests at once (the person has one portfolio). This is
    the ONLY place a portfolio is made for a person in the application; reading someone's portfolio never
    makes one (``selectors.portfolio_of``, ``selectors.portfolio_or_unstarted``)."""
    person = getattr(actor, "person", None)
    if person is None or not principal_for(actor).is_civil_servant:
        raise PermissionDenied
    existing = Portfolio.objects.filter(person=person).first()
    if existing is not None:
        existing.person = person
        return existing
    with transaction.atomic():
        portfolio, created = Portfolio.objects.get_or_create(person=person)
        if created:
            portfolio_sync_employment(portfolio=portfolio)
    return portfolio


# --- portfolio settings ------------------------------------------------------------------------------------


@transaction.atomic
def portfolio_visibility_set(
    *, actor: Any, portfolio: Portfolio, visibilities: Mapping[str, str]
) -> Portfolio:
    """Set the visibility of one or more sections. Also ends the first-use flow (``visibility_chosen_at``),
    even when the owner keeps every default: choosing *alleen ik* is a choice too."""
    _require_owner(actor, portfolio)
    errors: dict[str, list[str]] = {}
    for section, value in visibilities.items():
        if section not in SECTION_FIELDS:
            errors.setdefault(section, []).append(_("Onbekend onderdeel."))
        elif value not in Visibility.values:
            errors.setdefault(section, []).append(
                _("Kies een van de drie mogelijkheden voor de zichtbaarheid.")
            )
    if errors:
        raise ValidationError(errors)
    changed = []
    for section, value in visibilities.items():
        field = SECTION_FIELDS[section]
        if getattr(portfolio, field) != value:
            setattr(portfolio, field, value)
            changed.append(section)
    portfolio.visibility_chosen_at = portfolio.visibility_chosen_at or timezone.now()
    portfolio.save()
    if changed:
        _matching_changed(portfolio)
    for section in changed:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type=f"portfolio_visibility.{section}",
            object_id=portfolio.pk,
            subject_person=portfolio.person,
        )
    return portfolio


@transaction.atomic
def portfolio_settings_update(
    *,
    actor: Any,
    portfolio: Portfolio,
    headline: str = _UNSET,
    show_endorsements: bool = _UNSET,
    available_hours_per_week: int | None = _UNSET,
    available_from: date | None = _UNSET,
) -> Portfolio:
    """Change the headline, whether endorsements show, and availability for hubs and projects.
    Arguments left out stay as they are."""
    _require_owner(actor, portfolio)
    errors: dict[str, list[str]] = {}
    if headline is not _UNSET:
        headline = (headline or "").strip()
        if len(headline) > 200 or "\n" in headline:
            errors["headline"] = [_("De kopregel moet op één regel passen (ten hoogste 200 tekens).")]
        portfolio.headline = headline
    if show_endorsements is not _UNSET:
        portfolio.show_endorsements = bool(show_endorsements)
    if available_hours_per_week is not _UNSET:
        hours = available_hours_per_week
        if hours is not None and (isinstance(hours, bool) or not 0 <= hours <= MAX_HOURS_PER_WEEK):
            errors["available_hours_per_week"] = [
                _("Het aantal uren per week ligt tussen 0 en %(max)s.") % {"max": MAX_HOURS_PER_WEEK}
            ]
        portfolio.available_hours_per_week = hours
    if available_from is not _UNSET:
        portfolio.available_from = available_from
    if errors:
        raise ValidationError(errors)
    portfolio.save()
    _matching_changed(portfolio)
    return portfolio


@transaction.atomic
def portfolio_matching_consent_set(*, actor: Any, portfolio: Portfolio, consent: bool) -> Portfolio:
    """Allow (or stop) the use of the skills profile for matching. Revocable at any time; audited."""
    _require_owner(actor, portfolio)
    if portfolio.matching_consent != bool(consent):
        portfolio.matching_consent = bool(consent)
        portfolio.matching_consent_changed_at = timezone.now()
        portfolio.save(update_fields=["matching_consent", "matching_consent_changed_at", "updated_at"])
        _matching_changed(portfolio)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="portfolio_matching_consent",
            object_id=portfolio.pk,
            subject_person=portfolio.person,
            purpose="toestemming gegeven" if consent else "toestemming ingetrokken",
        )
    return portfolio


# --- items -------------------------------------------------------------------------------------------------


def _skills_checked(skills: Iterable[Skill], errors: dict[str, list[str]]) -> list[Skill]:
    chosen = list(skills)
    if any(s.is_group for s in chosen):
        errors["skills"] = [_("Kies een vaardigheid, geen groep van vaardigheden.")]
    return chosen


def _item_checked(item: Item, *, data: Any, skills: Iterable[Skill] | None) -> list[Skill] | None:
    """Validate an item's fields (title, dates, visibility, and ``data`` unless it is ``_UNSET``); returns
    the skills to set (None: keep)."""
    errors: dict[str, list[str]] = {}
    item.title = (item.title or "").strip()
    if not item.title:
        errors["title"] = [_("Geef een titel.")]
    elif len(item.title) > 200:
        errors["title"] = [_("De titel mag ten hoogste 200 tekens hebben.")]
    if len(item.body or "") > schema.MAX_MARKDOWN:
        errors["body"] = [
            _("De toelichting mag ten hoogste %(max)s tekens hebben.") % {"max": schema.MAX_MARKDOWN}
        ]
    if item.start_date and item.end_date and item.end_date < item.start_date:
        errors["end_date"] = [_("De einddatum ligt voor de begindatum.")]
    if item.visibility not in ("", *Visibility.values):
        errors["visibility"] = [_("Kies een van de drie mogelijkheden voor de zichtbaarheid.")]
    chosen = _skills_checked(skills, errors) if skills is not None else None
    if data is not _UNSET:  # unchanged data is not checked again (the category may have changed since)
        try:
            item.data = item_data_validate(category=item.category, data=data)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    return chosen


@transaction.atomic
def item_create(
    *,
    actor: Any,
    portfolio: Portfolio,
    category: ItemCategory,
    title: str,
    body: str = "",
    data: Mapping[str, Any] | None = None,
    start_date: date | None = None,
    end_date: date | None = None,
    visibility: str = "",
    skills: Iterable[Skill] = (),
) -> Item:
    """Add an item to the part of its category. Retired categories take no new items."""
    _require_owner(actor, portfolio)
    if category.is_retired:
        raise ValidationError({"category": [_("Deze soort is buiten gebruik; kies een andere.")]})
    item = Item(
        portfolio=portfolio,
        category=category,
        part=category.part,
        title=title,
        body=body or "",
        start_date=start_date,
        end_date=end_date,
        visibility=visibility or "",
        source=ItemSource.MANUAL,
    )
    chosen = _item_checked(item, data=data, skills=skills)
    item.sort_order = (portfolio.items.filter(part=item.part).count() + 1) * 10
    item.save()
    if chosen:
        item.skills.set(chosen)
    _matching_changed(portfolio)
    return item


ITEM_UPDATABLE = frozenset(
    {"title", "body", "data", "start_date", "end_date", "visibility", "skills", "sort_order"}
)
# What an item filled from an employment record keeps from that record (the sync owns these).
EMPLOYMENT_OWNED = frozenset({"title", "data", "start_date", "end_date"})


@transaction.atomic
def item_update(*, actor: Any, item: Item, **fields: Any) -> Item:
    """Change an item's fields (``title``, ``body``, ``data``, ``start_date``, ``end_date``, ``visibility``,
    ``skills``, ``sort_order``). Items of a retired category can still be edited (their fields still hold).
    An item filled from an employment record keeps what the record says; only body, visibility, skills and
    order can be changed."""
    _require_owner(actor, item.portfolio)
    unknown = set(fields) - ITEM_UPDATABLE
    if unknown:
        raise TypeError(f"item_update() got unexpected fields {sorted(unknown)}")
    if item.source == ItemSource.EMPLOYMENT and set(fields) & EMPLOYMENT_OWNED:
        raise ValidationError(
            {
                key: [_("Dit komt uit je dienstverband en kan hier niet worden gewijzigd.")]
                for key in sorted(set(fields) & EMPLOYMENT_OWNED)
            }
        )
    skills = fields.pop("skills", None)
    data = fields.pop("data", _UNSET)
    for key, value in fields.items():
        setattr(item, key, "" if value is None and key in ("body", "visibility") else value)
    chosen = _item_checked(item, data=data, skills=skills)
    item.save()
    if chosen is not None:
        item.skills.set(chosen)
    _matching_changed(item.portfolio)
    return item


def _storage_delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


@transaction.atomic
def item_delete(*, actor: Any, item: Item) -> None:
    """Remove an item (and its evidence rows). Items from an employment record cannot be removed — they
    would come back with the next sync; set them to *alleen ik* instead."""
    _require_owner(actor, item.portfolio)
    if item.source == ItemSource.EMPLOYMENT:
        raise ValidationError(
            _("Dit onderdeel komt uit je dienstverband. Je kunt het verbergen door 'Alleen ik' te kiezen.")
        )
    names = [str(e.file.name) for e in item.evidence.all()]
    portfolio = item.portfolio
    item.delete()
    _matching_changed(portfolio)
    if names:
        transaction.on_commit(partial(_storage_delete, names))


# --- access requests and grants ------------------------------------------------------------------------------

MAX_GRANT_DAYS = 365


def _user_of(person: Any) -> Any:
    return User.objects.filter(person=person, is_active=True).first()


def _link(name: str, **kwargs: Any) -> str:
    """The path of a page, or "" while that page is not part of this installation."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


def _notify(person: Any, kind: str, url: str, render: Callable[[], tuple[str, str]]) -> None:
    """Notify the person's login (if they have one) in their own language; ``render`` gives (subject, body)."""
    user = _user_of(person)
    if user is None:
        return
    with recipient_language_active(user):
        subject, body = render()
    notification_send(recipient=user, kind=kind, subject=subject, body=body, url=url)


def _section_name(section: str) -> str:
    return str(Section(section).label)


def _requestable(portfolio: Portfolio, section: str) -> bool:
    """Is anything in the section *op aanvraag* (the section itself or one of its items)? Never for a
    portfolio that was not started (``selectors.portfolio_or_unstarted``): there is nothing to ask for."""
    if portfolio.pk is None:
        return False
    if portfolio.section_visibility(section) == Visibility.ON_REQUEST:
        return True
    return (
        section in rules.PARTS
        and portfolio.items.filter(part=section, visibility=Visibility.ON_REQUEST).exists()
    )


@transaction.atomic
def access_request_create(*, actor: Any, portfolio: Portfolio, section: str, purpose: str) -> AccessRequest:
    """A civil servant asks to see an *op aanvraag* section of someone else's portfolio, with a purpose.
    The owner is notified."""
    principal = principal_for(actor)
    target = PortfolioTarget(
        owner_person_id=portfolio.person_id, section=section, visibility=Visibility.ON_REQUEST
    )
    if not can(principal, "portfolio.request_access", target):
        raise PermissionDenied
    requester_id = principal.person_id
    assert requester_id is not None  # may_request holds only for a person
    purpose = " ".join((purpose or "").split())
    errors: dict[str, list[str]] = {}
    if not purpose:
        errors["purpose"] = [_("Geef aan waarvoor je inzage wilt.")]
    elif len(purpose) > 300:
        errors["purpose"] = [_("Het doel mag ten hoogste 300 tekens hebben.")]
    if section not in SECTION_FIELDS or not _requestable(portfolio, section):
        errors["section"] = [_("Dit onderdeel is niet op aanvraag in te zien.")]
    if errors:
        raise ValidationError(errors)
    mine = AccessRequest.objects.filter(
        portfolio=portfolio, section=section, requester_id=principal.person_id
    )
    if mine.filter(status=RequestStatus.PENDING).exists():
        raise ValidationError({"section": [_("Je hebt al een verzoek voor dit onderdeel openstaan.")]})
    if mine.filter(grants_active_q()).exists():
        raise ValidationError({"section": [_("Je hebt al inzage in dit onderdeel.")]})
    request = AccessRequest.objects.create(
        portfolio=portfolio, section=section, requester_id=requester_id, purpose=purpose
    )
    requester_name = request.requester.full_name

    def render() -> tuple[str, str]:
        params = {"name": requester_name, "section": _section_name(section), "purpose": purpose}
        return (
            _("%(name)s vraagt inzage in je portfolio") % params,
            _("%(name)s vraagt inzage in het onderdeel %(section)s van je portfolio. Doel: %(purpose)s")
            % params,
        )

    _notify(portfolio.person, "portfolio.request_new", _link("portfolios:requests"), render)
    return request


def _owner_decides(actor: Any, request: AccessRequest, status: str) -> None:
    _require_owner(actor, request.portfolio)
    if request.status != status:
        raise ValidationError(_("Over dit verzoek is al besloten."))


def _notify_requester(
    request: AccessRequest, kind: str, render: Callable[[dict[str, str]], tuple[str, str]]
) -> None:
    owner = request.portfolio.person
    url = _link("portfolios:person_portfolio", person_pk=owner.pk)

    def rendered() -> tuple[str, str]:
        params = {
            "name": owner.full_name,
            "section": _section_name(request.section),
            "note": request.decision_note,
        }
        if request.valid_until is not None:
            params["until"] = date_format(timezone.localtime(request.valid_until), "DATE_FORMAT")
        return render(params)

    _notify(request.requester, kind, url, rendered)


def _with_note(body: str, params: dict[str, str]) -> str:
    return body + "\n" + _("Toelichting: %(note)s") % params if params["note"] else body


def _note_checked(note: str) -> str:
    note = " ".join((note or "").split())
    if len(note) > 300:
        raise ValidationError({"note": [_("De toelichting mag ten hoogste 300 tekens hebben.")]})
    return note


@transaction.atomic
def access_request_approve(
    *, actor: Any, request: AccessRequest, days: int = DEFAULT_GRANT_DAYS, note: str = ""
) -> AccessRequest:
    """The owner grants the request for ``days`` days (default 30, at most 365). The requester is notified."""
    _owner_decides(actor, request, RequestStatus.PENDING)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_GRANT_DAYS:
        raise ValidationError(
            {"days": [_("Kies een periode van 1 tot %(max)s dagen.") % {"max": MAX_GRANT_DAYS}]}
        )
    now = timezone.now()
    request.decision_note = _note_checked(note)
    request.status = RequestStatus.APPROVED
    request.decided_at = now
    request.valid_until = now + timedelta(days=days)
    request.save()

    def render(params: dict[str, str]) -> tuple[str, str]:
        body = _("%(name)s geeft je tot %(until)s inzage in het onderdeel %(section)s.") % params
        return _("Je verzoek om inzage is goedgekeurd"), _with_note(body, params)

    _notify_requester(request, "portfolio.request_approved", render)
    return request


@transaction.atomic
def access_request_decline(*, actor: Any, request: AccessRequest, note: str = "") -> AccessRequest:
    """The owner declines the request. The requester is notified."""
    _owner_decides(actor, request, RequestStatus.PENDING)
    request.decision_note = _note_checked(note)
    request.status = RequestStatus.DECLINED
    request.decided_at = timezone.now()
    request.save()

    def render(params: dict[str, str]) -> tuple[str, str]:
        body = _("%(name)s heeft je verzoek om inzage in het onderdeel %(section)s afgewezen.") % params
        return _("Je verzoek om inzage is afgewezen"), _with_note(body, params)

    _notify_requester(request, "portfolio.request_declined", render)
    return request


@transaction.atomic
def access_request_withdraw(*, actor: Any, request: AccessRequest) -> AccessRequest:
    """The requester takes back a pending request."""
    if principal_for(actor).person_id != request.requester_id:
        raise PermissionDenied
    if request.status != RequestStatus.PENDING:
        raise ValidationError(_("Over dit verzoek is al besloten."))
    request.status = RequestStatus.WITHDRAWN
    request.decided_at = timezone.now()
    request.save()
    return request


@transaction.atomic
def access_grant_revoke(*, actor: Any, request: AccessRequest) -> AccessRequest:
    """The owner ends a grant before it expires; it denies from the next request on. The requester is told."""
    _owner_decides(actor, request, RequestStatus.APPROVED)
    request.status = RequestStatus.REVOKED
    request.revoked_at = timezone.now()
    request.save()

    def render(params: dict[str, str]) -> tuple[str, str]:
        return (
            _("Je inzage in een portfolio is beëindigd"),
            _("%(name)s heeft je inzage in het onderdeel %(section)s beëindigd.") % params,
        )

    _notify_requester(request, "portfolio.grant_revoked", render)
    return request


# --- item categories (administrators) ------------------------------------------------------------------------

CATEGORY_KEY_RE = re.compile(r"^[a-z][a-z0-9_-]{1,59}$")
CATEGORY_UPDATABLE = frozenset(
    {"label_nl", "label_en", "description_nl", "description_en", "fields", "allows_evidence", "sort_order"}
)


def _require_category_admin(actor: Any) -> None:
    if not can(principal_for(actor), "portfolio.manage_categories"):
        raise PermissionDenied


def _category_errors(category: ItemCategory) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name in ("label_nl", "label_en"):
        value = " ".join(str(getattr(category, name) or "").split())
        setattr(category, name, value)
        if not value or len(value) > 120:
            errors[name] = [_("Geef een naam van ten hoogste 120 tekens.")]
    for name in ("description_nl", "description_en"):
        if len(getattr(category, name) or "") > 2000:
            errors[name] = [_("De toelichting mag ten hoogste %(max)s tekens hebben.") % {"max": 2000}]
    if (
        not isinstance(category.sort_order, int)
        or isinstance(category.sort_order, bool)
        or category.sort_order < 0
    ):
        errors["sort_order"] = [_("De volgorde is een geheel getal vanaf 0.")]
    problems = schema.validate_fields(category.fields)
    if problems:
        errors["fields"] = [schema_message(p) for p in problems]
    return errors


def _fields_in_use(category: ItemCategory, new_fields: list[dict[str, Any]]) -> list[str]:
    """Messages for fields existing items hold data for that would be removed or change type."""
    new_types = {f.get("key"): f.get("type") for f in new_fields if isinstance(f, dict)}
    messages = []
    for old in category.fields:
        key = old["key"]
        if new_types.get(key) == old["type"]:
            continue
        used = category.items.filter(data__has_key=key).count()
        if used:
            messages.append(
                _(
                    "Het veld %(key)s wordt gebruikt door %(count)s onderdelen en kan niet worden verwijderd "
                    "of van soort veranderen. Zet de soort buiten gebruik en maak een nieuwe."
                )
                % {"key": key, "count": used}
            )
    return messages


def _category_audit(actor: Any, action: str, category: ItemCategory) -> None:
    audit_record(actor=actor, action=action, object_type="portfolio_category", object_id=category.key)


@transaction.atomic
def category_create(
    *,
    actor: Any,
    key: str,
    part: str,
    label_nl: str,
    label_en: str,
    fields: list[dict[str, Any]],
    description_nl: str = "",
    description_en: str = "",
    allows_evidence: bool = False,
    sort_order: int = 100,
) -> ItemCategory:
    """Add an item category at run time (no code, no migration). ``fields`` follow the category schema."""
    _require_category_admin(actor)
    category = ItemCategory(
        key=(key or "").strip(),
        part=part,
        label_nl=label_nl,
        label_en=label_en,
        fields=fields,
        description_nl=description_nl or "",
        description_en=description_en or "",
        allows_evidence=bool(allows_evidence),
        sort_order=sort_order,
    )
    errors = _category_errors(category)
    if not CATEGORY_KEY_RE.match(category.key):
        errors["key"] = [
            _(
                "De sleutel begint met een kleine letter en bevat alleen kleine letters, cijfers, - en _ (2 tot 60 tekens)."
            )
        ]
    elif ItemCategory.objects.filter(key=category.key).exists():
        errors["key"] = [_("Er is al een soort met deze sleutel.")]
    if part not in Part.values:
        errors["part"] = [_("Kies een van de vier delen.")]
    if errors:
        raise ValidationError(errors)
    category.save()
    _category_audit(actor, AuditAction.CREATE, category)
    return category


@transaction.atomic
def category_update(*, actor: Any, category: ItemCategory, **changes: Any) -> ItemCategory:
    """Change labels, descriptions, fields, evidence and order. Key and part stay (items refer to them).
    A field that existing items hold data for cannot be removed or change type; a new field may be added
    (required or not: existing items keep their data and are checked again only when edited)."""
    _require_category_admin(actor)
    unknown = set(changes) - CATEGORY_UPDATABLE
    if unknown:
        raise TypeError(f"category_update() got unexpected fields {sorted(unknown)}")
    old_fields = list(ItemCategory.objects.select_for_update().get(pk=category.pk).fields)
    for name, value in changes.items():
        setattr(category, name, value)
    errors = _category_errors(category)
    if "fields" not in errors and "fields" in changes:
        saved = ItemCategory(pk=category.pk, fields=old_fields)
        in_use = _fields_in_use(saved, category.fields)
        if in_use:
            errors["fields"] = in_use
    if errors:
        raise ValidationError(errors)
    if category.fields != old_fields:
        category.schema_version += 1
    category.save()
    _category_audit(actor, AuditAction.UPDATE, category)
    return category


@transaction.atomic
def category_retire(*, actor: Any, category: ItemCategory) -> ItemCategory:
    """No new items of this category; existing items keep their data and stay readable and editable."""
    _require_category_admin(actor)
    if category.retired_at is None:
        category.retired_at = timezone.now()
        category.save(update_fields=["retired_at", "updated_at"])
        _category_audit(actor, AuditAction.UPDATE, category)
    return category


@transaction.atomic
def category_restore(*, actor: Any, category: ItemCategory) -> ItemCategory:
    """Take a retired category back into use."""
    _require_category_admin(actor)
    if category.retired_at is not None:
        category.retired_at = None
        category.save(update_fields=["retired_at", "updated_at"])
        _category_audit(actor, AuditAction.UPDATE, category)
    return category


# --- employment records → werkervaring -----------------------------------------------------------------------

WORK_EXPERIENCE = "werkervaring"


def _employment_item_values(employment: Employment) -> dict[str, Any]:
    return {
        "title": employment.job_title,
        "data": {
            "werkgever": employment.organisation.name,
            "binnen_rijk": True,
            "functie": employment.job_title,
        },
        "start_date": employment.start_date,
        "end_date": employment.end_date,
    }


@transaction.atomic
def portfolio_sync_employment(*, portfolio: Portfolio) -> int:
    """Fill *werkervaring* items from the person's employment records at the Rijk (``source=employment``).

    Idempotent: one item per record, updated when the record changed (a closed job gets its end date);
    what the owner set on the item (visibility, body, skills) is kept. Returns how many items were made or
    changed. While the category is retired no new items are made."""
    category = ItemCategory.objects.filter(key=WORK_EXPERIENCE).first()
    if category is None:
        return 0
    existing = {i.employment_id: i for i in portfolio.items.filter(employment__isnull=False)}
    changed = 0
    employments = portfolio.person.employments.select_related("organisation").order_by("start_date", "id")
    for employment in employments:
        values = _employment_item_values(employment)
        item = existing.get(employment.pk)
        if item is None:
            if category.is_retired:
                continue
            Item.objects.create(
                portfolio=portfolio,
                category=category,
                part=category.part,
                source=ItemSource.EMPLOYMENT,
                employment=employment,
                **values,
            )
            changed += 1
        elif any(getattr(item, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(item, name, value)
            item.save()
            changed += 1
    if changed:
        _matching_changed(portfolio)
    return changed


# --- endorsements ----------------------------------------------------------------------------------------------


@transaction.atomic
def endorsement_add(*, actor: Any, portfolio_skill: PortfolioSkill) -> Endorsement:
    """A colleague who may see the skills profile vouches for a skill (once; again is a no-op).
    The owner is told in the app; endorsements show to others only when the owner switches them on."""
    portfolio = portfolio_skill.portfolio
    principal = principal_for(actor)
    person = getattr(actor, "person", None)
    granted = rules.SKILLS in active_grant_sections(portfolio=portfolio, requester_person=person)
    target = PortfolioTarget(
        owner_person_id=portfolio.person_id,
        section=rules.SKILLS,
        visibility=portfolio.section_visibility(rules.SKILLS),
        granted=granted,
    )
    if person is None or not can(principal, "portfolio.endorse", target):
        raise PermissionDenied
    endorsement, created = Endorsement.objects.get_or_create(portfolio_skill=portfolio_skill, endorser=person)
    owner_user = _user_of(portfolio.person)
    if created and owner_user is not None:
        with recipient_language_active(owner_user):  # the skill's name too, in the owner's language
            subject = _("%(name)s onderschrijft je vaardigheid %(skill)s") % {
                "name": person.full_name,
                "skill": portfolio_skill.skill.label,
            }
        notification_send(
            recipient=owner_user,
            kind="portfolio.endorsed",
            subject=subject,
            url=_link("portfolios:skills"),
            email=False,
        )
    return endorsement


@transaction.atomic
def endorsement_remove(*, actor: Any, endorsement: Endorsement) -> None:
    """The endorser takes it back, or the owner removes it from their profile."""
    principal = principal_for(actor)
    owner_id = endorsement.portfolio_skill.portfolio.person_id
    if principal.person_id is None or principal.person_id not in (endorsement.endorser_id, owner_id):
        raise PermissionDenied
    endorsement.delete()


# --- skills profile ------------------------------------------------------------------------------------------


@transaction.atomic
def portfolio_skill_set(
    *,
    actor: Any,
    portfolio: Portfolio,
    skill: Skill,
    level: str,
    evidence_items: Iterable[Item] = (),
) -> PortfolioSkill:
    """Add a skill to the profile or change its level and supporting items (the items must be the owner's)."""
    _require_owner(actor, portfolio)
    errors: dict[str, list[str]] = {}
    if level not in SkillLevel.values:
        errors["level"] = [_("Kies een niveau: basis, gevorderd, ervaren of expert.")]
    if skill.is_group:
        errors["skill"] = [_("Kies een vaardigheid, geen groep van vaardigheden.")]
    items = list(evidence_items)
    if any(i.portfolio_id != portfolio.pk for i in items):
        errors["evidence_items"] = [_("Kies onderdelen uit je eigen portfolio.")]
    if errors:
        raise ValidationError(errors)
    portfolio_skill, _created = PortfolioSkill.objects.update_or_create(
        portfolio=portfolio, skill=skill, defaults={"level": level}
    )
    portfolio_skill.evidence_items.set(items)
    _matching_changed(portfolio)
    return portfolio_skill


@transaction.atomic
def portfolio_skill_remove(*, actor: Any, portfolio_skill: PortfolioSkill) -> None:
    _require_owner(actor, portfolio_skill.portfolio)
    portfolio_skill.delete()
    _matching_changed(portfolio_skill.portfolio)


# --- evidence, export and import (pfiles) ---


MAX_EVIDENCE_PER_ITEM = 20


def _evidence_store(*, item: Item, checked: uploads.CheckedUpload, written: list[str]) -> Evidence:
    """Write the checked file under a random name with the detected extension, then its row.

    The file is written first; its name is appended to ``written`` so that the caller removes it when the
    database write fails (no orphan files)."""
    evidence = Evidence(
        item=item,
        display_name=checked.display_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
    )
    # The name given here only carries the detected extension; evidence_upload_to makes it random.
    evidence.file.save(f"bewijsstuk{checked.extension}", ContentFile(checked.content), save=False)
    written.append(str(evidence.file.name))
    evidence.save()
    return evidence


def evidence_add(*, actor: Any, item: Item, file: IO[bytes] | bytes, name: str) -> Evidence:
    """Attach an evidence file (PDF, PNG or JPEG, checked by content) to one of the owner's items.

    Nothing is stored when the file is rejected; when the database write fails, the stored file is removed
    again. ValidationError (key ``file``) with a Dutch message otherwise."""
    _require_owner(actor, item.portfolio)
    if not item.category.allows_evidence:
        raise ValidationError({"file": [_("Bij deze soort horen geen bewijsstukken.")]})
    if item.evidence.count() >= MAX_EVIDENCE_PER_ITEM:
        raise ValidationError(
            {
                "file": [
                    _("Een onderdeel kan ten hoogste %(max)s bewijsstukken hebben.")
                    % {"max": MAX_EVIDENCE_PER_ITEM}
                ]
            }
        )
    checked = uploads.check_upload(file, name=name)
    if item.evidence.filter(sha256=checked.sha256).exists():
        raise ValidationError({"file": [_("Dit bestand is al bij dit onderdeel gevoegd.")]})
    written: list[str] = []
    try:
        with transaction.atomic():
            evidence = _evidence_store(item=item, checked=checked, written=written)
            audit_record(
                actor=actor,
                action=AuditAction.CREATE,
                object_type="portfolio_evidence",
                object_id=evidence.pk,
                subject_person=item.portfolio.person,
            )
    except BaseException:
        _storage_delete(written)
        raise
    return evidence


@transaction.atomic
def evidence_delete(*, actor: Any, evidence: Evidence) -> None:
    """Remove an evidence file: the row now, the stored file once the transaction has committed."""
    _require_owner(actor, evidence.item.portfolio)
    name = str(evidence.file.name)
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        object_type="portfolio_evidence",
        object_id=evidence.pk,
        subject_person=evidence.item.portfolio.person,
    )
    evidence.delete()
    transaction.on_commit(partial(_storage_delete, [name]))


def _data_key(data: Mapping[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _import_settings(actor: Any, portfolio: Portfolio, plan: exchange.ImportPlan) -> bool:
    """Apply the exported settings, visibility and consent, through the services that audit them; only
    what differs is written (a second import changes nothing)."""
    wanted = plan.settings
    visibilities = {
        section: wanted[field]
        for section, field in SECTION_FIELDS.items()
        if getattr(portfolio, field) != wanted[field]
    }
    changed = bool(visibilities)
    if visibilities or portfolio.visibility_chosen_at is None:
        portfolio_visibility_set(actor=actor, portfolio=portfolio, visibilities=visibilities)
    keys = ("headline", "show_endorsements", "available_hours_per_week", "available_from")
    updates = {key: wanted[key] for key in keys if getattr(portfolio, key) != wanted[key]}
    if updates:
        portfolio_settings_update(actor=actor, portfolio=portfolio, **updates)
        changed = True
    if portfolio.matching_consent != wanted["matching_consent"]:
        portfolio_matching_consent_set(actor=actor, portfolio=portfolio, consent=wanted["matching_consent"])
        changed = True
    return changed


def _import_categories(plan: exchange.ImportPlan) -> tuple[dict[str, ItemCategory], int]:
    """Local categories by key; a key this installation does not know becomes a *retired copy*."""
    keys = {i.category_key for i in plan.items}
    categories = {c.key: c for c in ItemCategory.objects.filter(key__in=keys)}
    created = 0
    for definition in plan.new_categories:
        if definition["sleutel"] in categories:
            continue
        categories[definition["sleutel"]] = ItemCategory.objects.create(
            key=definition["sleutel"],
            part=definition["deel"],
            label_nl=definition["naamNl"],
            label_en=definition["naamEn"],
            description_nl=definition.get("toelichtingNl", ""),
            description_en=definition.get("toelichtingEn", ""),
            fields=definition["velden"],
            allows_evidence=definition["bewijsstukkenToegestaan"],
            sort_order=900,
            retired_at=timezone.now(),
        )
        created += 1
    return categories, created


def _import_items(
    portfolio: Portfolio, plan: exchange.ImportPlan, categories: dict[str, ItemCategory], written: list[str]
) -> tuple[dict[str, Item], int, int]:
    existing: dict[tuple, Item] = {}
    for item in portfolio.items.select_related("category").prefetch_related("evidence"):
        key = (item.category_id, item.title, item.body, _data_key(item.data), item.start_date, item.end_date)
        existing.setdefault(key, item)
    by_ref: dict[str, Item] = {}
    created = evidence_added = 0
    for planned in plan.items:
        category = categories[planned.category_key]
        key = (
            category.pk,
            planned.title.strip(),
            planned.body,
            _data_key(planned.data),
            planned.start_date,
            planned.end_date,
        )
        found = existing.get(key)
        if found is None:
            found = existing[key] = Item.objects.create(
                portfolio=portfolio,
                category=category,
                part=category.part,
                title=planned.title.strip(),
                body=planned.body,
                data=planned.data,
                start_date=planned.start_date,
                end_date=planned.end_date,
                visibility=planned.visibility,
                source=ItemSource.IMPORT,
                sort_order=planned.sort_order,
            )
            created += 1
        item = found
        by_ref[planned.ref] = item
        skills = [plan.skills_by_uri[uri] for uri in planned.skill_uris if uri in plan.skills_by_uri]
        have = set(item.skills.values_list("pk", flat=True))
        missing = [s for s in skills if s.pk not in have]
        if missing:
            item.skills.add(*missing)
        hashes = {e.sha256 for e in item.evidence.all()}
        for evidence in planned.evidence:
            if evidence.checked.sha256 not in hashes:
                _evidence_store(item=item, checked=evidence.checked, written=written)
                hashes.add(evidence.checked.sha256)
                evidence_added += 1
    return by_ref, created, evidence_added


def _import_skills(portfolio: Portfolio, plan: exchange.ImportPlan, by_ref: dict[str, Item]) -> int:
    changed = 0
    current = {ps.skill_id: ps for ps in portfolio.skills.prefetch_related("evidence_items")}
    for planned in plan.skills:
        portfolio_skill = current.get(planned.skill.pk)
        if portfolio_skill is None:
            portfolio_skill = PortfolioSkill.objects.create(
                portfolio=portfolio, skill=planned.skill, level=planned.level
            )
            changed += 1
        elif portfolio_skill.level != planned.level:
            portfolio_skill.level = planned.level
            portfolio_skill.save(update_fields=["level", "updated_at"])
            changed += 1
        have = {i.pk for i in portfolio_skill.evidence_items.all()}
        missing = [by_ref[ref] for ref in planned.refs if by_ref[ref].pk not in have]
        if missing:
            portfolio_skill.evidence_items.add(*missing)
    return changed


def _import_audit(actor: Any, portfolio: Portfolio, outcome: str) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.IMPORT,
        object_type=exchange.OBJECT_TYPE_IMPORT,
        object_id=portfolio.pk,
        subject_person=portfolio.person,
        outcome=outcome,
    )


def portfolio_import(*, actor: Any, portfolio: Portfolio, raw: bytes | str) -> exchange.ImportResult:
    """Import an export (``exchange``) into the owner's portfolio: all or nothing, idempotent.

    The whole document is validated first; with any problem nothing is written and ValidationError is
    raised keyed by JSON pointer. Then, in one transaction: unknown categories become retired copies, the
    settings, visibility and consent take the exported values, items are added unless an identical one
    (same category, title, text, data and dates) is already there, evidence is added unless the item
    already has a file with the same SHA-256, and skills get the exported level and supporting items.
    Importing the same file twice therefore changes nothing the second time. Audited (action import)."""
    _require_owner(actor, portfolio)
    document, problems = exchange.parse_document(raw)
    plan, problems = (None, problems) if problems else exchange.import_plan(document)
    if plan is None:
        _import_audit(actor, portfolio, AuditOutcome.ERROR)
        raise exchange.problems_error(problems)
    written: list[str] = []
    try:
        with transaction.atomic():
            categories, categories_created = _import_categories(plan)
            settings_changed = _import_settings(actor, portfolio, plan)
            by_ref, items_created, evidence_added = _import_items(portfolio, plan, categories, written)
            skills_changed = _import_skills(portfolio, plan, by_ref)
            _matching_changed(portfolio)
            _import_audit(actor, portfolio, AuditOutcome.SUCCESS)
    except BaseException:
        _storage_delete(written)
        raise
    return exchange.ImportResult(
        items_created=items_created,
        items_unchanged=len(plan.items) - items_created,
        evidence_added=evidence_added,
        skills_changed=skills_changed,
        categories_created=categories_created,
        settings_changed=settings_changed,
        warnings=plan.warnings,
    )
