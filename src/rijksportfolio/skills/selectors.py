# SPDX-License-Identifier: EUPL-1.2
"""Reads of the ESCO taxonomy for other modules (portfolios, matching, the generator, the UI).

Labels: in the active language (or the one asked for), else in the other one — and then marked, so the UI
can add ``lang`` (``Label.is_fallback``; on the models ``label_lang`` / ``label_is_english``, see
``skills.labels``). In v1.1.1 every occupation and skill group has a Dutch label, but only 2,218 of the
13,896 skills.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import translation

from rijksportfolio.accounts.policy import OrganisationTarget, Principal, can
from rijksportfolio.domain.generator.titles import POLICY_ESCO_BY_PROFILE, TITLES
from rijksportfolio.domain.normaliser.text import fold
from rijksportfolio.organisations.selectors import organisation_pk_and_path_for_code
from rijksportfolio.skills.extension_csv import ExtensionRow
from rijksportfolio.skills.labels import Label, label_for
from rijksportfolio.skills.models import (
    RIJK_SKILL_URI_PREFIX,
    LabelSource,
    Occupation,
    OccupationSkill,
    RijkLabel,
    Skill,
    SkillOrigin,
    SkillRelation,
    TaxonomyVersion,
)
from rijksportfolio.skills.normalise import get_completer
from rijksportfolio.skills.services import RIJK_LABEL_COUNT_KEY, VERSION_CACHE_KEY

AUTOCOMPLETE_MAX_QUERY = 100  # characters; longer input is cut (nobody types a skill that long)
AUTOCOMPLETE_MIN_QUERY = 2
AUTOCOMPLETE_MAX_RESULTS = 50


@dataclass(frozen=True)
class SkillHit:
    """One autocomplete result: the skill, the label to show and the label the query matched."""

    skill: Skill
    label: Label  # Dutch where ESCO has one, else English with ``language == "en"`` (mark it in the UI)
    matched_label: str  # the (alternative) label that matched, when it is not the label shown; else ""
    score: float


@dataclass(frozen=True)
class RelatedSkill:
    skill: Skill
    relation_type: str  # essential / optional (ESCO skillSkillRelations)
    direction: str  # "outgoing": this skill -> related; "incoming": related -> this skill


@dataclass(frozen=True)
class SkillNeighbourhood:
    skill: Skill
    broader: list[Skill]
    narrower: list[Skill]
    related: list[RelatedSkill]


def by_label(prefix: str = "") -> Lower:
    """Order by the label shown in the active language (``skills.labels.label_for``: that language's label,
    else the other one), case-insensitively. ``prefix``: the path to the concept, e.g. ``"skill__"``."""
    nl, en = f"{prefix}preferred_label_nl", f"{prefix}preferred_label_en"
    first, second = (en, nl) if (translation.get_language() or "nl")[:2] == "en" else (nl, en)
    return Lower(Coalesce(NullIf(F(first), Value("")), F(second)))


def taxonomy_version_in_use() -> TaxonomyVersion | None:
    """The latest recorded ESCO version (cached for a minute; cleared by imports in this process)."""
    version = cache.get(VERSION_CACHE_KEY)
    if version is None:
        version = TaxonomyVersion.objects.order_by("-imported_at", "-id").first() or False
        cache.set(VERSION_CACHE_KEY, version, 60)
    return version or None


def taxonomy_counts() -> dict[str, int]:
    return {
        "skills": Skill.objects.filter(is_group=False).count(),
        "skill_groups": Skill.objects.filter(is_group=True).count(),
        "skills_with_dutch_label": Skill.objects.filter(is_group=False)
        .exclude(preferred_label_nl="")
        .count(),
        "occupations": Occupation.objects.count(),
        "occupations_with_dutch_label": Occupation.objects.exclude(preferred_label_nl="").count(),
        "broader_relations": Skill.broader.through.objects.count(),
        "skill_relations": SkillRelation.objects.count(),
        "occupation_skill_relations": OccupationSkill.objects.count(),
    }


def skill_by_uri(uri: str) -> Skill | None:
    return Skill.objects.filter(uri=uri).first()


def occupation_by_uri(uri: str) -> Occupation | None:
    return Occupation.objects.filter(uri=uri).first()


def skill_label(skill: Skill, *, language: str | None = None) -> Label:
    """The skill's label in ``language`` (default: the active language), falling back to the other one."""
    return label_for(skill.preferred_label_nl, skill.preferred_label_en, language=language)


def occupation_label(occupation: Occupation, *, language: str | None = None) -> Label:
    return label_for(occupation.preferred_label_nl, occupation.preferred_label_en, language=language)


def occupation_skills(occupation: Occupation, *, relation_type: str | None = None) -> QuerySet[Skill]:
    """Skills of an occupation (``essential``, ``optional`` or both), ordered by label."""
    relation: dict[str, object] = {"occupationskill__occupation": occupation}
    if relation_type is not None:
        relation["occupationskill__relation_type"] = relation_type  # same join: one filter() call
    return Skill.objects.filter(**relation).order_by(by_label(), "uri")


def occupation_essential_skills(occupation: Occupation) -> QuerySet[Skill]:
    return occupation_skills(occupation, relation_type="essential")


def skill_neighbourhood(skill: Skill) -> SkillNeighbourhood:
    """Broader and narrower concepts (skill groups included) and ESCO skill–skill relations in both directions."""
    outgoing = SkillRelation.objects.filter(skill=skill).select_related("related")
    incoming = SkillRelation.objects.filter(related=skill).select_related("skill")
    related = [
        RelatedSkill(rel.related, rel.relation_type, "outgoing")
        for rel in outgoing.order_by(by_label("related__"), "related__uri")
    ] + [
        RelatedSkill(rel.skill, rel.relation_type, "incoming")
        for rel in incoming.order_by(by_label("skill__"), "skill__uri")
    ]
    return SkillNeighbourhood(
        skill=skill,
        broader=list(skill.broader.order_by(by_label(), "uri")),
        narrower=list(skill.narrower.order_by(by_label(), "uri")),
        related=related,
    )


def skill_by_id(pk: int) -> Skill | None:
    """A skill (not a skill group) by database id."""
    return Skill.objects.filter(pk=pk, is_group=False).first()


def skills_all() -> QuerySet[Skill]:
    """Every skill (no skill groups), ordered by the label shown."""
    return Skill.objects.filter(is_group=False).order_by(by_label(), "uri")


def skills_autocomplete(*, query: str, limit: int = 10, language: str | None = None) -> list[SkillHit]:
    """Skills for what the user has typed so far, best first.

    Searches preferred, alternative and hidden labels in Dutch and English through the taxonomy normaliser
    (typing errors, Dutch compounds, unfinished last word: ``domain.normaliser.complete``). The index is
    built once per process (``skills.normalise``) from the imported taxonomy; one query reads the hits'
    rows. Skills only, never skill groups; fewer than ``AUTOCOMPLETE_MIN_QUERY`` letters find nothing.
    """
    text = query.strip()[:AUTOCOMPLETE_MAX_QUERY]
    limit = max(0, min(limit, AUTOCOMPLETE_MAX_RESULTS))
    if len(fold(text).replace(" ", "")) < AUTOCOMPLETE_MIN_QUERY or limit == 0:
        return []
    matches = get_completer("skill").complete(query.lstrip()[:AUTOCOMPLETE_MAX_QUERY], top=limit)
    rows = Skill.objects.filter(uri__in=[m.uri for m in matches], is_group=False).in_bulk(field_name="uri")
    hits = []
    for match in matches:
        skill = rows.get(match.uri)
        if skill is None:  # index from the bundle while the database holds another set (not imported yet)
            continue
        label = skill_label(skill, language=language)
        matched = match.matched_label if fold(match.matched_label) != fold(label.text) else ""
        hits.append(SkillHit(skill=skill, label=label, matched_label=matched, score=match.score))
    return hits


# --- the Rijk extension ------------------------------------------------------------------------------------


def rijk_labels() -> QuerySet[RijkLabel]:
    """Every Dutch label of the Rijk extension with its skill, by label."""
    return RijkLabel.objects.select_related("skill", "changed_by").order_by(Lower("label"), "skill__uri")


def rijk_skills() -> QuerySet[Skill]:
    """Every Rijk-specific skill, by label, with its broader ESCO concepts prefetched."""
    return (
        Skill.objects.filter(origin=SkillOrigin.RIJK).prefetch_related("broader").order_by(by_label(), "uri")
    )


def rijk_skill_by_key(key: str) -> Skill | None:
    return Skill.objects.filter(uri=RIJK_SKILL_URI_PREFIX + key, origin=SkillOrigin.RIJK).first()


def skill_for_labelling(pk: int) -> Skill | None:
    """An ESCO skill (not a group) that may get a Dutch label of the Rijk, with its label if it has one."""
    return (
        Skill.objects.filter(pk=pk, origin=SkillOrigin.ESCO, is_group=False)
        .select_related("rijk_label")
        .first()
    )


def rijk_label_of(skill: Skill) -> RijkLabel | None:
    return RijkLabel.objects.filter(skill=skill).first()


def rijk_extension_rows() -> list[ExtensionRow]:
    """The Rijk extension in its CSV form (``skills.extension_csv``): labels by URI, then Rijk skills by URI."""
    rows = [
        ExtensionRow(line=0, uri=uri, label=label, alt_labels=tuple(alts))
        for uri, label, alts in RijkLabel.objects.order_by("skill__uri").values_list(
            "skill__uri", "label", "alt_labels"
        )
    ]
    for skill in Skill.objects.filter(origin=SkillOrigin.RIJK).prefetch_related("broader").order_by("uri"):
        broader = sorted(b.uri for b in skill.broader.all())
        rows.append(
            ExtensionRow(
                line=0,
                uri=skill.uri,
                label=skill.preferred_label_nl,
                alt_labels=tuple(skill.alt_labels_nl),
                description=skill.description_nl,
                skill_type=skill.skill_type,
                broader=broader[0] if broader else "",
            )
        )
    return rows


def rijk_label_count() -> int:
    """Number of Rijk labels, cached a minute (cleared by every extension write in this process)."""
    count = cache.get(RIJK_LABEL_COUNT_KEY)
    if count is None:
        count = RijkLabel.objects.count()
        cache.set(RIJK_LABEL_COUNT_KEY, count, 60)
    return int(count)


def rijk_extension_counts() -> dict[str, int]:
    return {
        "rijk_labels": RijkLabel.objects.count(),
        "rijk_labels_shipped": RijkLabel.objects.filter(source=LabelSource.TEAM).count(),
        "rijk_labels_admin": RijkLabel.objects.filter(source=LabelSource.ADMIN).count(),
        "rijk_skills": Skill.objects.filter(origin=SkillOrigin.RIJK).count(),
    }


@dataclass(frozen=True)
class LabelCandidate:
    skill: Skill
    weight: float  # Σ over the Rijk job families' occupations: 1 essential, 0.35 optional (× titles)
    occupations: int  # how many of those occupations name the skill


ESSENTIAL_WEIGHT, OPTIONAL_WEIGHT = 1.0, 0.35


def rijk_occupation_weights() -> dict[str, float]:
    """ESCO occupations of the Rijk job titles (``domain.generator.titles``): URI → weight; an occupation
    that several titles map to counts a quarter more for each further title."""
    counts: dict[str, int] = {}
    for title in TITLES:
        counts[title.esco_uri] = counts.get(title.esco_uri, 0) + 1
    for uri, *_rest in POLICY_ESCO_BY_PROFILE.values():
        counts[uri] = counts.get(uri, 0) + 1
    return {uri: 1 + 0.25 * (n - 1) for uri, n in counts.items()}


def skills_needing_dutch_label(*, limit: int = 50) -> list[LabelCandidate]:
    """Skills the Rijk's job families use most that still show an English label, most used first.

    Weight of a skill: over the ESCO occupations of the Rijk job titles, 1 per occupation that has it as
    essential and 0.35 as optional, times the occupation's weight (:func:`rijk_occupation_weights`). The
    shipped Dutch labels (``skills/data/rijk_labels_nl.csv``) were chosen this way."""
    weights = rijk_occupation_weights()
    relations = OccupationSkill.objects.filter(
        occupation__uri__in=weights.keys(), skill__preferred_label_nl="", skill__is_group=False
    ).values_list("occupation__uri", "skill_id", "relation_type")
    score: dict[int, float] = {}
    count: dict[int, int] = {}
    for occupation_uri, skill_id, relation_type in relations:
        w = ESSENTIAL_WEIGHT if relation_type == "essential" else OPTIONAL_WEIGHT
        score[skill_id] = score.get(skill_id, 0.0) + w * weights[occupation_uri]
        count[skill_id] = count.get(skill_id, 0) + 1
    skills = Skill.objects.in_bulk(list(score))
    ranked = sorted(score, key=lambda pk: (-round(score[pk], 6), skills[pk].uri))[:limit]
    return [LabelCandidate(skills[pk], round(score[pk], 4), count[pk]) for pk in ranked]


def taxonomy_admin_target() -> OrganisationTarget | None:
    """The organisation whose organisation administrators administer the taxonomy (``can(…,
    "taxonomy.administer", target)``): ``settings.TAXONOMY_ADMIN_ORGANISATION`` (BZK), None if absent."""
    found = organisation_pk_and_path_for_code(code=settings.TAXONOMY_ADMIN_ORGANISATION)
    return OrganisationTarget(organisation_id=found[0], path=found[1]) if found else None


def may_administer_taxonomy(principal: Principal) -> bool:
    """Whether ``principal`` administers the taxonomy (no query for someone without any role scope)."""
    if principal.user_id is None or not principal.scopes:
        return False
    target = taxonomy_admin_target()
    return target is not None and can(principal, "taxonomy.administer", target)
