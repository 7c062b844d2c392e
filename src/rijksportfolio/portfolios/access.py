# SPDX-License-Identifier: EUPL-1.2
"""Guarded reads of portfolios: the ONLY way to read someone else's portfolio.

Each function decides with ``rijksportfolio.domain.visibility`` and writes the audit rows in the same place:

- a read by someone other than the owner of a section (or item) that is *op aanvraag* writes exactly ONE
  ``AuditEvent`` per section per call: ``action=read``, ``object_type="portfolio.<section>"``,
  ``object_id=<portfolio pk>``, ``subject_person=<owner>``, ``purpose=<the grant's purpose>``;
- *zichtbaar voor alle rijksambtenaren* is public within the Rijk and not audited; the owner is never audited;
- a denied attempt (a guest or anonymous user opening a portfolio, asking for a section or an evidence file
  they may not see) is audited with ``outcome=denied`` and raises ``PermissionDenied``. A colleague simply
  *not seeing* the hidden parts of a portfolio page is not an attempt and writes nothing.

The portfolio's headline is part of the owner's card (like name and job) and shown to every civil servant.
Availability for hubs and projects belongs to the Ambitiedocument and shows with it.

A person who has not started a portfolio is read as ``selectors.portfolio_or_unstarted`` gives it: an unsaved
portfolio with the defaults of a new one (everything *alleen ik*, nothing in it). Every function here treats it
exactly like a saved portfolio with nothing shared — the same view, the same refusals, the same denied-attempt
audit rows (with an empty ``object_id``: there is no portfolio to name) — and reads nothing else for it. No
function here writes anything but audit rows; a portfolio is made only by ``services.portfolio_ensure``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from rijksportfolio.accounts.policy import PortfolioTarget, Principal, can, principal_for
from rijksportfolio.audit.models import AuditAction, AuditOutcome
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain import visibility as rules
from rijksportfolio.people.selectors import person_current_employments
from rijksportfolio.portfolios import selectors
from rijksportfolio.portfolios.constants import RequestStatus, Section, SkillLevel
from rijksportfolio.portfolios.models import AccessRequest, Evidence, Item, Portfolio, PortfolioSkill
from rijksportfolio.skills.labels import BilingualLabel

# --- the view: plain frozen data -----------------------------------------------------------------------------


@dataclass(frozen=True)
class OwnerCard:
    person_id: int
    full_name: str
    headline: str
    job_title: str
    organisation_name: str


@dataclass(frozen=True)
class RequestRef:
    """An access request or grant of the viewer for one section."""

    id: int
    section: str
    status: str
    purpose: str
    requested_at: datetime
    valid_until: datetime | None


@dataclass(frozen=True)
class EvidenceView:
    id: int
    display_name: str
    content_type: str
    size: int
    uploaded_at: datetime


@dataclass(frozen=True)
class SkillRef(BilingualLabel):
    id: int
    uri: str
    preferred_label_nl: str
    preferred_label_en: str


@dataclass(frozen=True)
class ItemView:
    id: int
    part: str
    category_key: str
    category_label: str
    category_retired: bool
    fields: tuple[dict[str, Any], ...]  # the category's field definitions, to show ``data`` in order
    title: str
    body: str  # Markdown source: render it through the safe renderer, never as HTML
    data: dict[str, Any]
    start_date: date | None
    end_date: date | None
    visibility: str  # the item's own ("" = follows its section)
    effective_visibility: str
    source: str
    skills: tuple[SkillRef, ...]
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class ProfileSkillView:
    id: int  # PortfolioSkill pk (for endorsing)
    skill: SkillRef
    level: str
    level_label: str
    evidence_item_ids: tuple[int, ...]  # only items the viewer may see
    endorsement_count: int | None  # None when endorsements are not shown to this viewer
    endorsers: tuple[str, ...]
    endorsed_by_viewer: bool


@dataclass(frozen=True)
class SectionView:
    section: str
    label: str
    visibility: str
    visible: bool  # the section as a whole; ``items`` may still hold items made visible on their own
    can_request: bool
    pending_request: RequestRef | None
    active_grant: RequestRef | None
    items: tuple[ItemView, ...]  # visible items of this part (empty for the skills section)
    skills: tuple[ProfileSkillView, ...]  # the skills profile (skills section only, when visible)


@dataclass(frozen=True)
class PortfolioView:
    portfolio_id: int | None  # None: the person has not started a portfolio (nothing to see but the card)
    owner: OwnerCard
    is_owner: bool
    preview: str  # "" or the *bekijk als* kind ("rijk", "grant", "none")
    sections: tuple[SectionView, ...]
    show_endorsements: bool
    available_hours_per_week: int | None  # with the Ambitiedocument only
    available_from: date | None
    needs_first_use: bool  # owner only: visibility not chosen yet
    matching_consent: bool | None  # owner only

    def section(self, key: str) -> SectionView:
        return next(s for s in self.sections if s.section == key)

    @property
    def sees_anything(self) -> bool:
        return any(s.visible or s.items for s in self.sections)


# --- helpers -----------------------------------------------------------------------------------------------


def _audit(user: Any, portfolio: Portfolio, object_type: str, *, purpose: str, outcome: str) -> None:
    audit_record(
        actor=user,
        action=AuditAction.READ,
        object_type=object_type,
        object_id=portfolio.pk if portfolio.pk is not None else "",
        subject_person=portfolio.person,
        purpose=purpose,
        outcome=outcome,
    )


def _deny(user: Any, portfolio: Portfolio, object_type: str, *, purpose: str = "") -> PermissionDenied:
    _audit(user, portfolio, object_type, purpose=purpose, outcome=AuditOutcome.DENIED)
    return PermissionDenied()


def _is_owner(principal: Principal, portfolio: Portfolio) -> bool:
    return principal.person_id is not None and principal.person_id == portfolio.person_id


def _request_ref(request: AccessRequest | None) -> RequestRef | None:
    if request is None:
        return None
    return RequestRef(
        id=request.pk,
        section=request.section,
        status=request.status,
        purpose=request.purpose,
        requested_at=request.requested_at,
        valid_until=request.valid_until,
    )


@dataclass(frozen=True)
class _ViewerState:
    viewer: rules.Viewer
    pending: dict[str, AccessRequest]
    grants: dict[str, AccessRequest]  # active grants per section (the latest)


def _viewer_state(principal: Principal, portfolio: Portfolio) -> _ViewerState:
    person_id = principal.person_id if principal.is_civil_servant else None
    pending: dict[str, AccessRequest] = {}
    grants: dict[str, AccessRequest] = {}
    if person_id is not None and person_id != portfolio.person_id and portfolio.pk is not None:
        now = timezone.now()
        for request in AccessRequest.objects.filter(
            portfolio=portfolio,
            requester_id=person_id,
            status__in=(RequestStatus.PENDING, RequestStatus.APPROVED),
        ).order_by("-requested_at", "-id"):
            if request.status == RequestStatus.PENDING:
                pending.setdefault(request.section, request)
            elif selectors.grant_is_active(request, now=now):
                grants.setdefault(request.section, request)
    viewer = rules.Viewer(
        person_id=principal.person_id,
        is_civil_servant=principal.is_civil_servant,
        granted_sections=frozenset(grants),
    )
    return _ViewerState(viewer=viewer, pending=pending, grants=grants)


def skill_ref(skill: Any) -> SkillRef:
    return SkillRef(skill.pk, skill.uri, skill.preferred_label_nl, skill.preferred_label_en)


def _item_view(item: Item, section_visibility: str, english: bool) -> ItemView:
    category = item.category
    return ItemView(
        id=item.pk,
        part=item.part,
        category_key=category.key,
        category_label=category.label_en if english and category.label_en else category.label_nl,
        category_retired=category.is_retired,
        fields=tuple(dict(f) for f in category.fields),
        title=item.title,
        body=item.body,
        data=dict(item.data),
        start_date=item.start_date,
        end_date=item.end_date,
        visibility=item.visibility,
        effective_visibility=rules.effective_visibility(section_visibility, item.visibility),
        source=item.source,
        skills=tuple(skill_ref(s) for s in item.skills.all()),
        evidence=tuple(
            EvidenceView(
                id=e.pk,
                display_name=e.display_name,
                content_type=e.content_type,
                size=e.size,
                uploaded_at=e.uploaded_at,
            )
            for e in item.evidence.all()
        ),
    )


def _profile_skill_view(
    ps: PortfolioSkill,
    *,
    visible_items: frozenset[int],
    show_endorsements: bool,
    viewer_person_id: int | None,
) -> ProfileSkillView:
    endorsements = list(ps.endorsements.all())
    return ProfileSkillView(
        id=ps.pk,
        skill=skill_ref(ps.skill),
        level=ps.level,
        level_label=str(SkillLevel(ps.level).label),
        evidence_item_ids=tuple(i.pk for i in ps.evidence_items.all() if i.pk in visible_items),
        endorsement_count=len(endorsements) if show_endorsements else None,
        endorsers=tuple(e.endorser.full_name for e in endorsements) if show_endorsements else (),
        endorsed_by_viewer=any(e.endorser_id == viewer_person_id for e in endorsements),
    )


def _owner_card(portfolio: Portfolio) -> OwnerCard:
    person = portfolio.person
    current = person_current_employments(person=person)
    return OwnerCard(
        person_id=person.pk,
        full_name=person.full_name,
        headline=portfolio.headline,
        job_title=current[0].job_title if current else "",
        organisation_name=current[0].organisation.name if current else "",
    )


def _build(
    portfolio: Portfolio,
    *,
    viewer: rules.Viewer,
    is_owner: bool,
    preview: str = "",
    pending: dict[str, AccessRequest] | None = None,
    grants: dict[str, AccessRequest] | None = None,
) -> tuple[PortfolioView, rules.Decision]:
    pending = pending or {}
    grants = grants or {}
    visibilities = selectors.section_visibilities(portfolio)
    items = selectors.items_for(portfolio) if portfolio.pk is not None else []
    decision = rules.decide(
        viewer=viewer,
        owner_person_id=portfolio.person_id,
        section_visibilities=visibilities,
        items=[rules.ItemRef(i.pk, i.part, i.visibility) for i in items],
    )
    english = (translation.get_language() or "nl").startswith("en")
    show_endorsements = portfolio.show_endorsements or is_owner
    sections = []
    for key in rules.SECTIONS:
        d = decision.sections[key]
        skills: tuple[ProfileSkillView, ...] = ()
        if key == rules.SKILLS and d.visible and portfolio.pk is not None:
            skills = tuple(
                _profile_skill_view(
                    ps,
                    visible_items=decision.visible_items,
                    show_endorsements=show_endorsements,
                    viewer_person_id=viewer.person_id,
                )
                for ps in selectors.portfolio_skills_for(portfolio)
            )
        sections.append(
            SectionView(
                section=key,
                label=str(Section(key).label),
                visibility=d.visibility,
                visible=d.visible,
                can_request=d.can_request and key not in pending,
                pending_request=_request_ref(pending.get(key)),
                active_grant=_request_ref(grants.get(key)),
                items=tuple(
                    _item_view(i, visibilities[key], english)
                    for i in items
                    if i.part == key and i.pk in decision.visible_items
                ),
                skills=skills,
            )
        )
    ambition_visible = decision.sections[Section.AMBITION].visible
    view = PortfolioView(
        portfolio_id=portfolio.pk,
        owner=_owner_card(portfolio),
        is_owner=is_owner,
        preview=preview,
        sections=tuple(sections),
        show_endorsements=portfolio.show_endorsements,
        available_hours_per_week=portfolio.available_hours_per_week if ambition_visible else None,
        available_from=portfolio.available_from if ambition_visible else None,
        needs_first_use=is_owner and selectors.portfolio_needs_first_use(portfolio=portfolio),
        matching_consent=portfolio.matching_consent if is_owner else None,
    )
    return view, decision


def _audit_section_read(
    user: Any, portfolio: Portfolio, section: str, state: _ViewerState, purpose: str
) -> None:
    """One successful read of a non-public section; the purpose is the grant's (the viewer's own otherwise)."""
    grant = state.grants.get(section)
    _audit(
        user,
        portfolio,
        f"{selectors.AUDIT_PREFIX}{section}",
        purpose=grant.purpose if grant is not None else purpose,
        outcome=AuditOutcome.SUCCESS,
    )


def _colleague_view(
    principal: Principal, portfolio: Portfolio
) -> tuple[PortfolioView, rules.Decision, _ViewerState]:
    state = _viewer_state(principal, portfolio)
    view, decision = _build(
        portfolio, viewer=state.viewer, is_owner=False, pending=state.pending, grants=state.grants
    )
    return view, decision, state


# --- the guarded reads ---------------------------------------------------------------------------------------


def portfolio_view(*, user: Any, portfolio: Portfolio, purpose: str = "") -> PortfolioView:
    """What ``user`` may see of ``portfolio``; audits every non-public section read (once each).

    The owner sees everything and is not audited. Users who are not civil servants (external guests,
    anonymous users) are refused — audited as a denied attempt."""
    principal = principal_for(user)
    if _is_owner(principal, portfolio):
        viewer = rules.Viewer(person_id=principal.person_id, is_civil_servant=True)
        return _build(portfolio, viewer=viewer, is_owner=True)[0]
    if not principal.is_civil_servant:
        raise _deny(user, portfolio, selectors.AUDIT_WHOLE, purpose=purpose)
    view, decision, state = _colleague_view(principal, portfolio)
    for section in decision.audited_sections:
        _audit_section_read(user, portfolio, section, state, purpose)
    return view


def portfolio_section_view(
    *, user: Any, portfolio: Portfolio, section: str, purpose: str = ""
) -> SectionView:
    """One section, for pages and API operations about a single section. A section the viewer may not see
    (and that holds no item visible on its own) is a denied attempt: audited, ``PermissionDenied``."""
    if section not in rules.SECTIONS:
        raise ValueError(f"unknown section {section!r}")
    principal = principal_for(user)
    if _is_owner(principal, portfolio):
        return portfolio_view(user=user, portfolio=portfolio).section(section)
    object_type = f"{selectors.AUDIT_PREFIX}{section}"
    if not principal.is_civil_servant:
        raise _deny(user, portfolio, object_type, purpose=purpose)
    view, decision, state = _colleague_view(principal, portfolio)
    result = view.section(section)
    if not (result.visible or result.items):
        raise _deny(user, portfolio, object_type, purpose=purpose)
    if section in decision.audited_sections:
        _audit_section_read(user, portfolio, section, state, purpose)
    return result


PREVIEW_KINDS = ("rijk", "grant", "none")


def portfolio_preview(*, user: Any, portfolio: Portfolio, as_kind: str) -> PortfolioView:
    """*Bekijk als*: the owner's portfolio as a colleague without a grant (``rijk``), a colleague with a grant
    for every section (``grant``) or somebody who is not a civil servant (``none``) sees it. Owner only; not
    audited (nobody else reads anything)."""
    if as_kind not in PREVIEW_KINDS:
        raise ValueError(f"unknown preview {as_kind!r}")
    if not can(principal_for(user), "portfolio.edit", PortfolioTarget(owner_person_id=portfolio.person_id)):
        raise PermissionDenied
    return _build(portfolio, viewer=rules.preview_viewer(as_kind), is_owner=False, preview=as_kind)[0]


def evidence_get(*, user: Any, evidence: Evidence, purpose: str = "") -> Evidence:
    """An evidence file, when its item is visible to ``user``; audited like a read of the item's section
    when that is not public. Otherwise a denied attempt: audited, ``PermissionDenied``."""
    item = evidence.item
    portfolio = item.portfolio
    principal = principal_for(user)
    if _is_owner(principal, portfolio):
        return evidence
    object_type = f"{selectors.AUDIT_PREFIX}{item.part}"
    if not principal.is_civil_servant:
        raise _deny(user, portfolio, object_type, purpose=purpose)
    state = _viewer_state(principal, portfolio)
    effective = rules.effective_visibility(portfolio.section_visibility(item.part), item.visibility)
    if not rules.may_see(
        viewer=state.viewer, owner_person_id=portfolio.person_id, section=item.part, visibility=effective
    ):
        raise _deny(user, portfolio, object_type, purpose=purpose)
    if effective == rules.ON_REQUEST:
        _audit_section_read(user, portfolio, item.part, state, purpose)
    return evidence


def section_request_state(*, user: Any, portfolio: Portfolio, section: str) -> str:
    """May ``user`` ask for access to ``section`` now? ``"requestable"``, ``"pending"`` (an open request),
    ``"granted"`` (an active grant) or ``"no"``. Reads no portfolio content, so nothing is audited; use it for
    the request form. Items that are *alleen ik* never make a section requestable."""
    if section not in rules.SECTIONS:
        raise ValueError(f"unknown section {section!r}")
    principal = principal_for(user)
    if not rules.may_request(
        viewer=rules.Viewer(person_id=principal.person_id, is_civil_servant=principal.is_civil_servant),
        owner_person_id=portfolio.person_id,
    ):
        return "no"
    state = _viewer_state(principal, portfolio)
    if section in state.pending:
        return "pending"
    if section in state.grants:
        return "granted"
    decision = rules.decide(
        viewer=state.viewer,
        owner_person_id=portfolio.person_id,
        section_visibilities=selectors.section_visibilities(portfolio),
        items=[
            rules.ItemRef(pk, part, visibility)
            for pk, part, visibility in (
                portfolio.items.values_list("pk", "part", "visibility") if portfolio.pk is not None else ()
            )
        ],
    )
    return "requestable" if decision.sections[section].can_request else "no"


def portfolio_export_allowed(*, user: Any, portfolio: Portfolio) -> bool:
    """Export (JSON, PDF) is the owner's: nobody else, whatever their role."""
    return can(principal_for(user), "portfolio.export", PortfolioTarget(owner_person_id=portfolio.person_id))
