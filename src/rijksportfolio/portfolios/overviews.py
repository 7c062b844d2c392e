# SPDX-License-Identifier: EUPL-1.2
"""Portfolio overviews of an organisation (its whole subtree) or of the Rijk: raw counts of people.

Privacy choice: counts use only what the owners share with the Rijk — sections (and items) whose effective
visibility is ``rijk`` or ``op_aanvraag``. ``alleen_ik`` means "only me": even as an aggregate of ten or more
people (which is not personal data) it is left out, so no one's private choice feeds any figure. The
participation figure says how many people share their skills profile at all, so a reader can judge
coverage. Skills, skill groups and scarce skills are listed only when at least 10 people have (need) them:
the name of a skill held by three people in a small team would itself say something about them. The counts
here are raw; the page publishes them only through ``domain.suppression`` (cells under
10 people suppressed, with secondary suppression), see ``views_find``.

Population: people with a running employment record in the organisation's subtree on the day (for the
Rijk: everyone in service), each once. Counted per process for ``AGGREGATE_CACHE_TTL`` seconds like the
workforce headcounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone, translation

from rijksportfolio.accounts.cache import TTLCache
from rijksportfolio.domain.suppression import DEFAULT_THRESHOLD
from rijksportfolio.domain.visibility import ON_REQUEST, RIJK
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.models import Employment
from rijksportfolio.people.selectors import employments_current
from rijksportfolio.portfolios.constants import SkillLevel
from rijksportfolio.portfolios.models import SECTION_FIELDS, Item, ItemCategory, Portfolio, PortfolioSkill
from rijksportfolio.skills.labels import BilingualLabel
from rijksportfolio.skills.models import OccupationSkill, Skill

SHARED = (RIJK, ON_REQUEST)  # visible to (some of) the Rijk: the only choices counted
MIN_LISTED = DEFAULT_THRESHOLD  # a skill or group is listed only when at least this many people have it
TOP_SKILLS = 25
TOP_GROUPS = 20
TOP_SCARCE = 15
EVIDENCE_CATEGORIES = ("opleiding", "diploma", "certificaat", "getuigschrift", "cursus", "onderscheiding")
DIRECTIONS = ("horizontaal", "verticaal")
WHERE = ("eigen_organisatie", "rijk", "buiten_rijk")


# Rows keep both labels (``BilingualLabel``): the cached overview serves readers of either language, and
# ``label`` is read in the language of the request.


@dataclass(frozen=True)
class SkillCount(BilingualLabel):
    skill_id: int
    preferred_label_nl: str
    preferred_label_en: str
    by_level: tuple[int, ...]  # people per level, in SkillLevel order

    @property
    def people(self) -> int:
        return sum(self.by_level)


@dataclass(frozen=True)
class ScarceSkill(BilingualLabel):
    skill_id: int
    preferred_label_nl: str
    preferred_label_en: str
    needed: int  # people whose current occupation has it as an essential skill
    present: int  # people who share it in their skills profile


@dataclass(frozen=True)
class GroupCount(BilingualLabel):
    preferred_label_nl: str
    preferred_label_en: str
    people: int  # people with a skill of that group


@dataclass(frozen=True)
class EvidenceCount:
    key: str
    label_nl: str
    label_en: str
    people: int
    items: int

    @property
    def label(self) -> str:
        """The category's name in the active language (Dutch when it has no English one)."""
        english = (translation.get_language() or "nl").startswith("en")
        return self.label_en if english and self.label_en else self.label_nl


@dataclass(frozen=True)
class PortfolioOverview:
    organisation_id: int | None
    on: date
    headcount: int
    # a partition of the headcount: no portfolio / skills profile not shared / skills profile shared
    participation: tuple[int, int, int]
    skills: tuple[SkillCount, ...]
    groups: tuple[GroupCount, ...]
    scarce: tuple[ScarceSkill, ...]
    evidence: tuple[EvidenceCount, ...]
    # a partition of the people sharing their Ambitiedocument: want to move / no step stated
    ambition: tuple[int, int]
    moves: tuple[tuple[int, ...], ...]  # DIRECTIONS x WHERE, people (their latest next step)


_cache: TTLCache[tuple[object, ...], PortfolioOverview] = TTLCache(maxsize=512)


def _scope(organisation: Organisation | None, on: date) -> QuerySet[Employment]:
    current = employments_current(on=on)
    if organisation is None:
        return current
    subtree = list(
        Organisation.objects.filter(path__startswith=organisation.path).values_list("pk", flat=True)
    )
    return current.filter(organisation_id__in=subtree)


def _shared(section: str) -> Q:
    return Q(**{f"portfolio__{SECTION_FIELDS[section]}__in": SHARED})


def portfolio_overview(*, organisation: Organisation | None, on: date | None = None) -> PortfolioOverview:
    """Counts for the overview page (cached per process, see module doc)."""
    on = on or timezone.localdate()
    ttl = float(getattr(settings, "AGGREGATE_CACHE_TTL", 60))
    key = (organisation.pk if organisation else None, on)
    if ttl > 0:
        cached = _cache.get(key)
        if cached is not None:
            return cached
    result = _compute(organisation, on)
    if ttl > 0:
        _cache.set(key, result, ttl)
    return result


def _labels(skill_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Skill id → (Dutch label, English label)."""
    return {
        pk: (nl, en)
        for pk, nl, en in Skill.objects.filter(pk__in=skill_ids).values_list(
            "pk", "preferred_label_nl", "preferred_label_en"
        )
    }


def _compute(organisation: Organisation | None, on: date) -> PortfolioOverview:
    scope = _scope(organisation, on)
    people = scope.values("person_id")
    headcount = scope.values("person_id").distinct().count()
    portfolios = Portfolio.objects.filter(person_id__in=people)
    with_portfolio = portfolios.count()
    skills_shared = portfolios.filter(visibility_skills__in=SHARED).count()
    participation = (headcount - with_portfolio, with_portfolio - skills_shared, skills_shared)

    visible_skills = PortfolioSkill.objects.filter(
        portfolio__person_id__in=people, portfolio__visibility_skills__in=SHARED
    )
    levels = list(SkillLevel.values)
    per_skill: dict[int, list[int]] = {}
    for skill_id, level, n in visible_skills.values_list("skill_id", "level").annotate(n=Count("id")):
        per_skill.setdefault(skill_id, [0] * len(levels))[levels.index(level)] = n
    # lists name only skills (groups) of at least MIN_LISTED people: a row "x" would still tell that a few
    # people in a small unit share that skill
    common = [kv for kv in per_skill.items() if sum(kv[1]) >= MIN_LISTED]
    top = sorted(common, key=lambda kv: (-sum(kv[1]), kv[0]))[:TOP_SKILLS]
    labels = _labels([k for k, _ in top])
    skills = tuple(SkillCount(k, *labels[k], by_level=tuple(v)) for k, v in top)

    group_counts = (
        visible_skills.filter(skill__broader__is_group=True)
        .values_list("skill__broader")
        .annotate(n=Count("portfolio_id", distinct=True))
    )
    top_groups = sorted((g for g in group_counts if g[1] >= MIN_LISTED), key=lambda kv: (-kv[1], kv[0]))[
        :TOP_GROUPS
    ]
    group_labels = _labels([g for g, _ in top_groups])
    groups = tuple(GroupCount(*group_labels[g], people=n) for g, n in top_groups)

    # scarce: essential skills of the occupations people here hold now, shared by the fewest
    occupations_of: dict[int, set[int]] = {}
    for person_id, occupation_id in scope.filter(occupation__isnull=False).values_list(
        "person_id", "occupation_id"
    ):
        occupations_of.setdefault(person_id, set()).add(occupation_id)
    people_per_combination: dict[frozenset[int], int] = {}
    for occupations in occupations_of.values():
        combination = frozenset(occupations)
        people_per_combination[combination] = people_per_combination.get(combination, 0) + 1
    essential: dict[int, set[int]] = {}
    for occupation_id, skill_id in OccupationSkill.objects.filter(
        relation_type="essential", occupation_id__in={o for c in people_per_combination for o in c}
    ).values_list("occupation_id", "skill_id"):
        essential.setdefault(occupation_id, set()).add(skill_id)
    needed: dict[int, int] = {}
    for combination, n in people_per_combination.items():
        for skill_id in set().union(*(essential.get(o, set()) for o in combination)):
            needed[skill_id] = needed.get(skill_id, 0) + n
    present = {k: sum(v) for k, v in per_skill.items()}
    ranked = sorted(
        ((k, n) for k, n in needed.items() if n >= MIN_LISTED),
        key=lambda kv: (present.get(kv[0], 0) / kv[1], -kv[1], kv[0]),
    )[:TOP_SCARCE]
    scarce_labels = _labels([k for k, _ in ranked])
    scarce = tuple(ScarceSkill(k, *scarce_labels[k], needed=n, present=present.get(k, 0)) for k, n in ranked)

    items = Item.objects.filter(portfolio__person_id__in=people)
    shared_items = items.filter(Q(visibility__in=SHARED) | (Q(visibility="") & _shared("dossier")))
    counted = {
        key: (n_people, n_items)
        for key, n_people, n_items in shared_items.filter(category__key__in=EVIDENCE_CATEGORIES)
        .values_list("category__key")
        .annotate(p=Count("portfolio", distinct=True), n=Count("id"))
    }
    category_labels = {
        key: (nl, en)
        for key, nl, en in ItemCategory.objects.filter(key__in=EVIDENCE_CATEGORIES).values_list(
            "key", "label_nl", "label_en"
        )
    }
    evidence = tuple(
        EvidenceCount(
            k,
            *category_labels.get(k, (k, "")),
            people=counted.get(k, (0, 0))[0],
            items=counted.get(k, (0, 0))[1],
        )
        for k in EVIDENCE_CATEGORIES
    )

    ambition_people = portfolios.filter(visibility_ambition__in=SHARED).count()
    steps = items.filter(category__key="loopbaanstap", portfolio__visibility_ambition__in=SHARED).filter(
        Q(visibility__in=SHARED) | (Q(visibility="") & _shared("ambitie"))
    )
    latest: dict[int, tuple[str, str]] = {}
    for portfolio_id, data in steps.order_by("portfolio_id", "created_at", "id").values_list(
        "portfolio_id", "data"
    ):
        latest[portfolio_id] = (str(data.get("richting", "")), str(data.get("waar", "")))
    moves = [[0] * len(WHERE) for _ in DIRECTIONS]
    for direction, where in latest.values():
        if direction in DIRECTIONS and where in WHERE:
            moves[DIRECTIONS.index(direction)][WHERE.index(where)] += 1
    movers = sum(map(sum, moves))
    return PortfolioOverview(
        organisation_id=organisation.pk if organisation else None,
        on=on,
        headcount=headcount,
        participation=participation,
        skills=skills,
        groups=groups,
        scarce=scarce,
        evidence=evidence,
        ambition=(movers, max(ambition_people - movers, 0)),
        moves=tuple(tuple(r) for r in moves),
    )
