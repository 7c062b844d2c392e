# SPDX-License-Identifier: EUPL-1.2
"""The Django side of matching: what the engine (``rijksportfolio.domain.matching``) gets to see.

The engine's only input about people is :class:`~rijksportfolio.domain.matching.PersonProfile`, built here
from *values* queries that never select a name, date of birth, gender or personnel number. Only people who
gave matching consent are read; only their skills profile when it is visible to others (``rijk``; or
``op_aanvraag``, then *restricted*: returned only to a searcher who holds an active grant for the skills
profile); text only from items a civil servant without a grant may see. Visibility is decided by
``rijksportfolio.domain.visibility`` (the same rules ``portfolios.access`` uses).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from rijksportfolio.domain import visibility as rules
from rijksportfolio.domain.matching import PersonProfile, Taxonomy
from rijksportfolio.people.selectors import employments_current
from rijksportfolio.portfolios.constants import SKILL_LEVEL_RANK, RequestStatus, Section
from rijksportfolio.portfolios.models import SECTION_FIELDS, AccessRequest, Item, Portfolio, PortfolioSkill
from rijksportfolio.skills.models import Skill, SkillRelation

# A civil servant without any grant: what everybody in the Rijk may see.
_COLLEAGUE = rules.Viewer(person_id=None, is_civil_servant=True)
_COLLEAGUE_WITH_GRANT = rules.Viewer(
    person_id=None, is_civil_servant=True, granted_sections=frozenset({rules.SKILLS})
)
ENGLISH_MARK = " (Engels)"


@dataclass(frozen=True)
class Profiles:
    profiles: list[PersonProfile]
    restricted: frozenset[int]  # person ids whose skills profile is op aanvraag


def skill_key(skill_id: int) -> str:
    return str(skill_id)


def taxonomy_load() -> Taxonomy:
    """Labels (Dutch, else English marked as such), broader and related edges of the skill taxonomy."""
    labels = {
        skill_key(pk): nl or f"{en}{ENGLISH_MARK}"
        for pk, nl, en in Skill.objects.values_list("pk", "preferred_label_nl", "preferred_label_en")
    }
    through = Skill.broader.through
    broader = [
        (skill_key(a), skill_key(b)) for a, b in through.objects.values_list("from_skill_id", "to_skill_id")
    ]
    related = [
        (skill_key(a), skill_key(b)) for a, b in SkillRelation.objects.values_list("skill_id", "related_id")
    ]
    return Taxonomy(labels, broader, related)


def skill_label_pairs(skill_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """skill id (as the engine knows it) → (Dutch, English) preferred label, for explanations in the
    reader's language (``matching.explain``). Ids that are not skills of the taxonomy are left out."""
    keys = {int(s) for s in skill_ids if str(s).isdigit()}
    if not keys:
        return {}
    rows = Skill.objects.filter(pk__in=keys).values_list("pk", "preferred_label_nl", "preferred_label_en")
    return {skill_key(pk): (nl, en) for pk, nl, en in rows}


def _skills_visible_to_someone(visibility: str) -> bool:
    return rules.may_see(
        viewer=_COLLEAGUE_WITH_GRANT, owner_person_id=0, section=rules.SKILLS, visibility=visibility
    )


def _skills_visible_to_everyone(visibility: str) -> bool:
    return rules.may_see(viewer=_COLLEAGUE, owner_person_id=0, section=rules.SKILLS, visibility=visibility)


def _items_every_colleague_may_see() -> Q:
    """Items a civil servant without any grant may see, as a database condition: for every part and item
    visibility, the section visibilities under which ``domain.visibility`` lets a colleague see the item."""
    where = Q(pk__in=[])
    for part in rules.PARTS:
        field = SECTION_FIELDS[part]
        for item_visibility in ("", *rules.VISIBILITIES):
            sections = [
                v
                for v in rules.VISIBILITIES
                if rules.may_see(
                    viewer=_COLLEAGUE,
                    owner_person_id=0,
                    section=part,
                    visibility=rules.effective_visibility(v, item_visibility),
                )
            ]
            if sections:
                where |= Q(part=part, visibility=item_visibility, **{f"portfolio__{field}__in": sections})
    return where


def profiles_load(*, person_ids: list[int] | None = None, on: date | None = None) -> Profiles:
    """Profiles of every consenting person whose skills profile someone else may see (or of ``person_ids``
    among them)."""
    on = on or timezone.localdate()
    shared = [v for v in rules.VISIBILITIES if _skills_visible_to_someone(v)]
    base = Q(matching_consent=True, visibility_skills__in=shared)
    if person_ids is not None:
        base &= Q(person_id__in=person_ids)
    rows = Portfolio.objects.filter(base).values_list(
        "pk", "person_id", "available_hours_per_week", "person__work_location__latitude",
        "person__work_location__longitude", SECTION_FIELDS[Section.SKILLS],
    )  # fmt: skip
    portfolios: dict[int, tuple[int, float, tuple[float, float] | None, str]] = {}
    for pk, person_id, hours, lat, lon, skills_visibility in rows:
        location = (float(lat), float(lon)) if lat is not None and lon is not None else None
        portfolios[pk] = (person_id, float(hours or 0), location, skills_visibility)
    portfolio_filter = (
        Q(portfolio__matching_consent=True, portfolio__visibility_skills__in=shared)
        if person_ids is None
        else Q(portfolio_id__in=list(portfolios))
    )
    skills: dict[int, dict[str, int]] = defaultdict(dict)
    for pid, skill_id, level in PortfolioSkill.objects.filter(portfolio_filter).values_list(
        "portfolio_id", "skill_id", "level"
    ):
        if pid in portfolios:
            skills[pid][skill_key(skill_id)] = SKILL_LEVEL_RANK[level]
    tokens: dict[int, list[str]] = defaultdict(list)
    items = Item.objects.filter(portfolio_filter & _items_every_colleague_may_see())
    for pid, title, body in items.values_list("portfolio_id", "title", "body"):
        if pid in portfolios:
            tokens[pid].extend((title, body))
    jobs: dict[int, tuple[int | None, int | None]] = {}
    current = employments_current(on=on)
    if person_ids is not None:
        current = current.filter(person_id__in=person_ids)
    else:
        current = current.filter(
            person__portfolio__matching_consent=True, person__portfolio__visibility_skills__in=shared
        )
    for person_id, org_id, scale in current.order_by("person_id", "fte", "-start_date").values_list(
        "person_id", "organisation_id", "salary_scale"
    ):
        jobs[person_id] = (org_id, scale)  # the last one per person wins: the highest fte, earliest start
    profiles: list[PersonProfile] = []
    restricted: set[int] = set()
    for pid, (person_id, hours, location, skills_visibility) in portfolios.items():
        home_org, home_scale = jobs.get(person_id, (None, None))
        profiles.append(
            PersonProfile(
                person_id=person_id, skills=dict(skills.get(pid, {})), tokens=tuple(tokens.get(pid, ())),
                hours_available=hours, location=location, scale=home_scale, organisation_id=home_org, consent=True,
            )
        )  # fmt: skip
        if not _skills_visible_to_everyone(skills_visibility):
            restricted.add(person_id)
    return Profiles(profiles, frozenset(restricted))


def own_profile(*, portfolio: Portfolio) -> PersonProfile:
    """The owner's own profile (everything: the owner sees all of it) for "kansen voor mij"."""
    skills = {
        skill_key(s): SKILL_LEVEL_RANK[level]
        for s, level in PortfolioSkill.objects.filter(portfolio=portfolio).values_list("skill_id", "level")
    }
    return PersonProfile(
        person_id=portfolio.person_id,
        skills=skills,
        hours_available=float(portfolio.available_hours_per_week or 0),
        consent=portfolio.matching_consent,
    )


def own_profiles(*, person_ids: Iterable[int]) -> list[PersonProfile]:
    """:func:`own_profile` of many people at once (only those with matching consent): every skill of their
    profile, whatever its visibility — for telling them what fits *them* (alerts)."""
    ids = sorted({int(pk) for pk in person_ids})
    portfolios: dict[int, tuple[int, float]] = {}
    for start in range(0, len(ids), 10_000):
        rows = Portfolio.objects.filter(person_id__in=ids[start : start + 10_000], matching_consent=True)
        for pk, person_id, hours in rows.values_list("pk", "person_id", "available_hours_per_week"):
            portfolios[pk] = (person_id, float(hours or 0))
    skills: dict[int, dict[str, int]] = defaultdict(dict)
    keys = sorted(portfolios)
    for start in range(0, len(keys), 10_000):
        chunk = PortfolioSkill.objects.filter(portfolio_id__in=keys[start : start + 10_000])
        for pid, skill_id, level in chunk.values_list("portfolio_id", "skill_id", "level"):
            skills[pid][skill_key(skill_id)] = SKILL_LEVEL_RANK[level]
    return [
        PersonProfile(
            person_id=person_id, skills=dict(skills.get(pk, {})), hours_available=hours, consent=True
        )
        for pk, (person_id, hours) in sorted(portfolios.items(), key=lambda item: item[1][0])
    ]


def unlocked_for(*, searcher_person_id: int | None, restricted: frozenset[int]) -> frozenset[int]:
    """The restricted people whose skills profile the searcher may see through an active grant."""
    if searcher_person_id is None or not restricted:
        return frozenset()
    now = timezone.now()
    grants = AccessRequest.objects.filter(
        requester_id=searcher_person_id, section=Section.SKILLS, status=RequestStatus.APPROVED, valid_until__gt=now,
        revoked_at__isnull=True,
    ).values_list("portfolio__person_id", "status", "valid_until", "revoked_at")  # fmt: skip
    unlocked: set[int] = set()
    for owner_id, status, valid_until, revoked_at in grants:
        grant = rules.Grant(
            section=rules.SKILLS, status=status, valid_until=valid_until, revoked_at=revoked_at
        )
        viewer = rules.Viewer(
            person_id=searcher_person_id, is_civil_servant=True,
            granted_sections=rules.active_sections([grant], now=now),
        )  # fmt: skip
        if owner_id in restricted and rules.may_see(
            viewer=viewer, owner_person_id=owner_id, section=rules.SKILLS, visibility=rules.ON_REQUEST
        ):
            unlocked.add(owner_id)
    return frozenset(unlocked)
