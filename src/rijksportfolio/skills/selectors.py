# SPDX-License-Identifier: EUPL-1.2
"""Reads of the ESCO taxonomy for other modules (portfolios, matching, the generator, the UI).

Labels: Dutch where ESCO has one, else English — and then marked, so the UI can add ``lang="en"``
(``Label.is_fallback`` / ``Skill.label_is_english``). In v1.1.1 every occupation and skill group has a
Dutch label, but only 2,218 of the 13,896 skills.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import translation

from rijksportfolio.domain.normaliser.text import fold
from rijksportfolio.skills.models import Occupation, OccupationSkill, Skill, SkillRelation, TaxonomyVersion
from rijksportfolio.skills.normalise import get_completer
from rijksportfolio.skills.services import VERSION_CACHE_KEY

AUTOCOMPLETE_MAX_QUERY = 100  # characters; longer input is cut (nobody types a skill that long)
AUTOCOMPLETE_MIN_QUERY = 2
AUTOCOMPLETE_MAX_RESULTS = 50


@dataclass(frozen=True)
class Label:
    text: str
    language: str  # "nl" or "en": the language of ``text``
    is_fallback: bool  # True when the requested language had no label


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


def _by_label(prefix: str = "") -> Lower:
    """Order by the label shown (Dutch, else English), case-insensitively."""
    nl, en = f"{prefix}preferred_label_nl", f"{prefix}preferred_label_en"
    return Lower(Coalesce(NullIf(F(nl), Value("")), F(en)))


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


def _label(nl: str, en: str, language: str | None) -> Label:
    language = (language or translation.get_language() or "nl")[:2]
    if language == "en" and en:
        return Label(en, "en", False)
    if nl:
        return Label(nl, "nl", language == "en")
    return Label(en, "en", language != "en")


def skill_label(skill: Skill, *, language: str | None = None) -> Label:
    """The skill's label in ``language`` (default: the active language), falling back to the other one."""
    return _label(skill.preferred_label_nl, skill.preferred_label_en, language)


def occupation_label(occupation: Occupation, *, language: str | None = None) -> Label:
    return _label(occupation.preferred_label_nl, occupation.preferred_label_en, language)


def occupation_skills(occupation: Occupation, *, relation_type: str | None = None) -> QuerySet[Skill]:
    """Skills of an occupation (``essential``, ``optional`` or both), ordered by label."""
    relation: dict[str, object] = {"occupationskill__occupation": occupation}
    if relation_type is not None:
        relation["occupationskill__relation_type"] = relation_type  # same join: one filter() call
    return Skill.objects.filter(**relation).order_by(_by_label(), "uri")


def occupation_essential_skills(occupation: Occupation) -> QuerySet[Skill]:
    return occupation_skills(occupation, relation_type="essential")


def skill_neighbourhood(skill: Skill) -> SkillNeighbourhood:
    """Broader and narrower concepts (skill groups included) and ESCO skill–skill relations in both directions."""
    outgoing = SkillRelation.objects.filter(skill=skill).select_related("related")
    incoming = SkillRelation.objects.filter(related=skill).select_related("skill")
    related = [
        RelatedSkill(rel.related, rel.relation_type, "outgoing")
        for rel in outgoing.order_by(_by_label("related__"), "related__uri")
    ] + [
        RelatedSkill(rel.skill, rel.relation_type, "incoming")
        for rel in incoming.order_by(_by_label("skill__"), "skill__uri")
    ]
    return SkillNeighbourhood(
        skill=skill,
        broader=list(skill.broader.order_by(_by_label(), "uri")),
        narrower=list(skill.narrower.order_by(_by_label(), "uri")),
        related=related,
    )


def skill_by_id(pk: int) -> Skill | None:
    """A skill (not a skill group) by database id."""
    return Skill.objects.filter(pk=pk, is_group=False).first()


def skills_all() -> QuerySet[Skill]:
    """Every skill (no skill groups), ordered by the label shown."""
    return Skill.objects.filter(is_group=False).order_by(_by_label(), "uri")


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
