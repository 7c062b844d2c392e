# SPDX-License-Identifier: EUPL-1.2
"""Finding colleagues: people in service by name, organisation (subtree), work location and skill.

Only what the searcher may see comes back: the person card (name, current job and organisation, work
location — visible to every civil servant) and, per hit, the skills profile only when its section is visible
to the searcher under ``rijksportfolio.domain.visibility`` (``rijk``, or ``op_aanvraag`` with an active
grant; the owner sees their own). A skill filter never reveals a hidden skill: it matches only portfolios
whose skills section is visible to the searcher. The SQL filter is the set-wise form of the rule (for speed
at 155,000 people); every hit is then checked again with :func:`domain.visibility.may_see`, so a
disagreement can only hide, never show. Showing an ``op_aanvraag`` skills profile (through a grant) is a
read of a non-public part and is audited like ``portfolios.access`` does: one event per person shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.utils import timezone

from rijksportfolio.accounts.policy import PersonTarget, Principal, can, principal_for
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain.visibility import ON_REQUEST, RIJK, SKILLS, Viewer, may_see
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.people.selectors import employments_current
from rijksportfolio.portfolios.constants import SKILL_LEVEL_RANK, RequestStatus, SkillLevel
from rijksportfolio.portfolios.models import AccessRequest, Portfolio, PortfolioSkill
from rijksportfolio.skills.labels import BilingualLabel

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
SKILLS_SHOWN = 8  # per hit, highest level first (the matched skill always first)


@dataclass(frozen=True)
class ColleagueQuery:
    name: str = ""
    organisation_id: int | None = None  # the organisation and everything below it
    location_id: int | None = None
    skill_id: int | None = None
    min_level: str = ""  # a SkillLevel value; only with skill_id

    @property
    def is_empty(self) -> bool:
        return not (self.name.strip() or self.organisation_id or self.location_id or self.skill_id)


@dataclass(frozen=True)
class SkillShown(BilingualLabel):
    skill_id: int
    preferred_label_nl: str
    preferred_label_en: str
    level: str
    matched: bool

    @property
    def level_label(self) -> str:
        return str(SkillLevel(self.level).label)


@dataclass(frozen=True)
class ColleagueHit:
    person_id: int
    name: str
    job_titles: tuple[str, ...]
    organisations: tuple[tuple[int, str], ...]  # (id, name) of the current organisations
    location: str
    skills_visible: bool
    skills: tuple[SkillShown, ...]  # empty when not visible
    skill_count: int  # number of skills in a visible profile (0 when not visible)


@dataclass(frozen=True)
class ColleagueResults:
    hits: tuple[ColleagueHit, ...]
    total: int
    page: int
    pages: int
    page_size: int

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _viewer(principal: Principal, *, granted: frozenset[str] = frozenset()) -> Viewer:
    return Viewer(
        person_id=principal.person_id, is_civil_servant=principal.is_civil_servant, granted_sections=granted
    )


def _active_grant(principal: Principal, now: datetime, portfolio: Any = None) -> QuerySet[AccessRequest]:
    return AccessRequest.objects.filter(
        portfolio=portfolio if portfolio is not None else OuterRef("pk"),
        section=SKILLS,
        requester_id=principal.person_id,
        status=RequestStatus.APPROVED,
        valid_until__gt=now,
        revoked_at__isnull=True,
    )


def portfolios_with_visible_skills(principal: Principal, *, now: datetime) -> QuerySet[Portfolio]:
    """Portfolios whose skills section ``principal`` may see: the set-wise form of ``may_see`` (see module doc)."""
    if principal.person_id is None:
        return Portfolio.objects.none()
    own = Q(person_id=principal.person_id)
    if not principal.is_civil_servant:
        return Portfolio.objects.filter(own)
    return Portfolio.objects.filter(
        own
        | Q(visibility_skills=RIJK)
        | (Q(visibility_skills=ON_REQUEST) & Exists(_active_grant(principal, now)))
    )


def _levels_at_least(level: str) -> list[str]:
    rank = SKILL_LEVEL_RANK.get(level, 1)
    return [lv for lv, r in SKILL_LEVEL_RANK.items() if r >= rank]


def _people(
    principal: Principal, query: ColleagueQuery, *, today: date, now: datetime
) -> tuple[QuerySet[Person], QuerySet[Person]]:
    """(people to count, the same ordered for display). Filters are semi-joins (``IN``) so that PostgreSQL
    can start from the most selective one: the skill index ``(skill, level)``, the organisation path or the
    name; only the page is ranked."""
    current = employments_current(on=today)
    if query.organisation_id:
        org = Organisation.objects.filter(pk=query.organisation_id).values_list("path", flat=True).first()
        if org is None:
            return Person.objects.none(), Person.objects.none()
        # ids first: the planner underestimates path-prefix matches by two orders of magnitude
        subtree = list(Organisation.objects.filter(path__startswith=org).values_list("pk", flat=True))
        current = current.filter(organisation_id__in=subtree)
    qs = Person.objects.filter(pk__in=current.values("person_id"))
    for word in query.name.split()[:5]:
        qs = qs.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(name_prefix__icontains=word)
        )
    if query.location_id:
        qs = qs.filter(work_location_id=query.location_id)
    order: list[Any] = ["last_name", "first_name", "pk"]
    if not query.skill_id:
        return qs, qs.order_by(*order)
    # The skill is the most selective filter; read its holders (visible to the searcher) from the index on
    # (skill, level) first, so that the planner works with real numbers instead of estimates.
    holders = PortfolioSkill.objects.filter(
        skill_id=query.skill_id, portfolio__in=portfolios_with_visible_skills(principal, now=now)
    )
    if query.min_level:
        holders = holders.filter(level__in=_levels_at_least(query.min_level))
    level_of = dict(holders.values_list("portfolio__person_id", "level"))
    qs = qs.filter(pk__in=list(level_of))
    by_rank: dict[int, list[int]] = {}
    for person_id, level in level_of.items():
        by_rank.setdefault(SKILL_LEVEL_RANK.get(level, 0), []).append(person_id)
    rank = Case(
        *(When(pk__in=ids, then=Value(r)) for r, ids in sorted(by_rank.items(), reverse=True)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return qs, qs.annotate(match_rank=rank).order_by("-match_rank", *order)


def _skills_of(portfolio: Portfolio, matched: int | None) -> tuple[tuple[SkillShown, ...], int]:
    rows = sorted(
        portfolio.skills.all(),
        key=lambda ps: (ps.skill_id != matched, -SKILL_LEVEL_RANK.get(ps.level, 0), ps.skill.label),
    )
    shown = tuple(
        SkillShown(
            skill_id=ps.skill_id,
            preferred_label_nl=ps.skill.preferred_label_nl,
            preferred_label_en=ps.skill.preferred_label_en,
            level=ps.level,
            matched=ps.skill_id == matched,
        )
        for ps in rows[:SKILLS_SHOWN]
    )
    return shown, len(rows)


def colleagues_search(
    *, user: Any, query: ColleagueQuery, page: int = 1, page_size: int = PAGE_SIZE, purpose: str = ""
) -> ColleagueResults:
    """One page of colleagues matching ``query``, as ``user`` may see them (audits grant-based skill reads).

    Raises ``PermissionDenied`` for anyone who may not see the directory (external guests, anonymous)."""
    principal = principal_for(user)
    if not principal.is_civil_servant or not can(
        principal, "person.view_card", PersonTarget(person_id=0, organisation_paths=())
    ):
        raise PermissionDenied
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    if query.is_empty:
        return ColleagueResults(hits=(), total=0, page=1, pages=1, page_size=page_size)
    now = timezone.now()
    today = timezone.localdate()
    to_count, people = _people(principal, query, today=today, now=now)
    listed = people.select_related("work_location").prefetch_related(
        Prefetch(
            "employments",
            queryset=employments_current(on=today)
            .select_related("organisation")
            .order_by("-fte", "start_date"),
            to_attr="current_employments",
        )
    )
    # One scan for the page and the number of hits (a window count); only a page beyond the last needs a
    # separate count, to go back to the last page.
    counted = listed.annotate(hits=Window(Count("pk")))
    page = max(1, page)
    rows = list(counted[(page - 1) * page_size : page * page_size])
    if rows:
        total = rows[0].hits
    else:
        total = to_count.count()
        if total and page > 1:
            page = -(-total // page_size)
            rows = list(counted[(page - 1) * page_size : page * page_size])
    pages = max(1, -(-total // page_size))
    portfolios = {
        p.person_id: p
        for p in Portfolio.objects.filter(person_id__in=[r.pk for r in rows]).prefetch_related(
            Prefetch("skills", queryset=PortfolioSkill.objects.select_related("skill"))
        )
    }
    granted = set(
        AccessRequest.objects.filter(
            portfolio__in=list(portfolios.values()),
            section=SKILLS,
            requester_id=principal.person_id,
            status=RequestStatus.APPROVED,
            valid_until__gt=now,
            revoked_at__isnull=True,
        ).values_list("portfolio_id", "purpose")
    )
    grant_purpose = dict(granted)
    hits = []
    for person in rows:
        portfolio = portfolios.get(person.pk)
        visible = False
        skills: tuple[SkillShown, ...] = ()
        count = 0
        if portfolio is not None:
            viewer = _viewer(
                principal, granted=frozenset({SKILLS}) if portfolio.pk in grant_purpose else frozenset()
            )
            visible = may_see(
                viewer=viewer,
                owner_person_id=person.pk,
                section=SKILLS,
                visibility=portfolio.visibility_skills,
            )
            if visible:
                skills, count = _skills_of(portfolio, query.skill_id)
                if portfolio.visibility_skills == ON_REQUEST and person.pk != principal.person_id:
                    audit_record(
                        actor=user,
                        action=AuditAction.READ,
                        object_type=f"portfolio.{SKILLS}",
                        object_id=portfolio.pk,
                        subject_person=person,
                        purpose=purpose or grant_purpose.get(portfolio.pk, ""),
                    )
        if query.skill_id and not visible:
            continue  # the SQL filter and the rule disagree: never reveal a hidden skill (cannot happen, see tests)
        employments: list[Employment] = list(getattr(person, "current_employments", []))
        hits.append(
            ColleagueHit(
                person_id=person.pk,
                name=person.full_name,
                job_titles=tuple(dict.fromkeys(e.job_title for e in employments)),
                organisations=tuple(
                    dict.fromkeys((e.organisation_id, e.organisation.name) for e in employments)
                ),
                location=person.work_location.city if person.work_location else "",
                skills_visible=visible,
                skills=skills,
                skill_count=count,
            )
        )
    return ColleagueResults(hits=tuple(hits), total=total, page=page, pages=pages, page_size=page_size)
