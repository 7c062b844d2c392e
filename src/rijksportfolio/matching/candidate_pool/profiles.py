# SPDX-License-Identifier: EUPL-1.2
"""What the matching engine sees of pool members, for one searcher.

Built per search from *values* queries that never select a name, date of birth, gender or personnel
number (as ``matching.adapter``). A pool member's consent to the pool is their consent to be ranked in pool
searches, so the engine gets ``consent=True``; what it gets is still only what *this searcher* may see by
the member's visibility settings (``domain.visibility``): the skills profile when it is ``rijk`` or
``op_aanvraag`` with an active grant of the searcher, text from the items the searcher may see, and the
notes of the member's active pool entries (shared with every vacancy holder by the consent). Hours, work
location, scale and organisation are used by the filters only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from rijksportfolio.domain import visibility as rules
from rijksportfolio.domain.matching import PersonProfile, tokenize
from rijksportfolio.matching.adapter import skill_key
from rijksportfolio.people.models import Person
from rijksportfolio.people.selectors import employments_current
from rijksportfolio.portfolios.constants import SKILL_LEVEL_RANK, RequestStatus, Section
from rijksportfolio.portfolios.models import SECTION_FIELDS, AccessRequest, Item, Portfolio, PortfolioSkill


@dataclass(frozen=True)
class PoolProfiles:
    profiles: list[PersonProfile]
    note_terms: dict[int, frozenset[str]]  # person id → folded terms of their notes
    portfolio_terms: dict[
        int, frozenset[str]
    ]  # person id → folded terms of the portfolio text the searcher sees


def _granted_sections(
    searcher_person_id: int | None, person_ids: Iterable[int], now: datetime
) -> dict[int, frozenset[str]]:
    """The searcher's active grants on these people's portfolios, by owner. Read by requester (a searcher
    holds few grants) and matched in Python, so the pool size does not enter the query."""
    if searcher_person_id is None:
        return {}
    wanted = set(person_ids)
    by_owner: dict[int, list[rules.Grant]] = defaultdict(list)
    for owner_id, section, status, valid_until, revoked_at in AccessRequest.objects.filter(
        requester_id=searcher_person_id, status=RequestStatus.APPROVED, valid_until__gt=now,
        revoked_at__isnull=True,
    ).values_list("portfolio__person_id", "section", "status", "valid_until", "revoked_at"):  # fmt: skip
        if owner_id in wanted:
            by_owner[owner_id].append(
                rules.Grant(section=section, status=status, valid_until=valid_until, revoked_at=revoked_at)
            )
    return {
        owner: sections
        for owner, grants in by_owner.items()
        if (sections := rules.active_sections(grants, now=now))
    }


def has_grants(*, searcher_person_id: int, person_ids: Iterable[int], now: datetime) -> bool:
    """Does the searcher hold an active grant on any of these people's portfolios (then their view of them
    differs from a colleague's)?"""
    return bool(_granted_sections(searcher_person_id, person_ids, now))


def pool_profiles(
    *, searcher_person_id: int | None, notes: dict[int, list[str]], now: datetime | None = None
) -> PoolProfiles:
    """Profiles of the people in ``notes`` (person id → the notes of their active entries) as the searcher
    may see them; ``searcher_person_id=None``: as any civil servant without a grant sees them."""
    now = now or timezone.now()
    person_ids = sorted(notes)
    grants = _granted_sections(searcher_person_id, person_ids, now)

    def viewer(owner_id: int) -> rules.Viewer:
        return rules.Viewer(
            person_id=searcher_person_id,
            is_civil_servant=True,
            granted_sections=grants.get(owner_id, frozenset()),
        )

    # portfolio id → (person, hours, visibilities)
    portfolios: dict[int, tuple[int, float, dict[str, str]]] = {}
    for pk, person_id, hours, *vis in (
        Portfolio.objects.filter(person_id__in=person_ids)
        .order_by()
        .values_list("pk", "person_id", "available_hours_per_week", *SECTION_FIELDS.values())
    ):
        portfolios[pk] = (person_id, float(hours or 0), dict(zip(SECTION_FIELDS, vis, strict=True)))
    skills_visible = {
        pk
        for pk, (person_id, _hours, vis) in portfolios.items()
        if rules.may_see(
            viewer=viewer(person_id),
            owner_person_id=person_id,
            section=rules.SKILLS,
            visibility=vis[Section.SKILLS],
        )
    }
    skills: dict[int, dict[str, int]] = defaultdict(dict)
    for pid, skill_id, level in (
        PortfolioSkill.objects.filter(portfolio_id__in=skills_visible)
        .order_by()
        .values_list("portfolio_id", "skill_id", "level")
    ):
        skills[portfolios[pid][0]][skill_key(skill_id)] = SKILL_LEVEL_RANK[level]
    texts: dict[int, list[str]] = defaultdict(list)
    for pid, part, item_vis, title, body in (
        Item.objects.filter(portfolio_id__in=list(portfolios))
        .order_by()
        .values_list("portfolio_id", "part", "visibility", "title", "body")
    ):
        person_id, _hours, vis = portfolios[pid]
        effective = rules.effective_visibility(vis[part], item_vis)
        if rules.may_see(
            viewer=viewer(person_id), owner_person_id=person_id, section=part, visibility=effective
        ):
            texts[person_id].extend((title, body))
    hours = {person_id: h for person_id, h, _vis in portfolios.values()}
    locations: dict[int, tuple[float, float] | None] = {}
    for pk, lat, lon in (
        Person.objects.filter(pk__in=person_ids)
        .order_by()
        .values_list("pk", "work_location__latitude", "work_location__longitude")
    ):
        locations[pk] = (float(lat), float(lon)) if lat is not None and lon is not None else None
    jobs: dict[int, tuple[int | None, int | None]] = {}
    for person_id, org_id, scale in (
        employments_current(on=timezone.localdate(now))
        .filter(person_id__in=person_ids)
        .order_by("person_id", "fte", "-start_date")
        .values_list("person_id", "organisation_id", "salary_scale")
    ):
        jobs[person_id] = (org_id, scale)  # the last one per person wins: the highest fte, earliest start
    profiles: list[PersonProfile] = []
    for person_id in person_ids:
        if person_id not in locations:  # the person was deleted meanwhile
            continue
        home_org, home_scale = jobs.get(person_id, (None, None))
        profiles.append(
            PersonProfile(
                person_id=person_id, skills=dict(skills.get(person_id, {})),
                tokens=(*notes[person_id], *texts.get(person_id, ())), hours_available=hours.get(person_id, 0.0),
                location=locations[person_id], scale=home_scale, organisation_id=home_org, consent=True,
            )
        )  # fmt: skip
    return PoolProfiles(
        profiles=profiles,
        note_terms={pid: _terms(notes[pid]) for pid in person_ids},
        portfolio_terms={pid: _terms(texts.get(pid, ())) for pid in person_ids},
    )


def _terms(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(tokenize(texts))
