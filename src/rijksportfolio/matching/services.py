# SPDX-License-Identifier: EUPL-1.2
"""Ranking requests (each logged in :class:`RankingLog`), the human shortlist and matching settings.

- :func:`candidates_search` — people for an opportunity (its owner only);
- :func:`expertise_search` — people for skills and free text (project leaders, managers, HR, org admins);
- :func:`opportunities_for_me` — published opportunities for the actor's own profile ("kansen voor mij");
- :func:`fairness_run_create` — the fairness monitor for a scope, stored as a :class:`FairnessRun`.

Matches are suggestions. When the organisation switched ranking off, the same people come back in plain
alphabetical order without scores. Names are looked up only *after* the engine answered, for display.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rijksportfolio.accounts.policy import OrganisationTarget, can, principal_for
from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain.matching import (
    ALGORITHM_VERSION,
    Filters,
    LiveIndex,
    MatchIndex,
    Opportunity as Query,
    Requirement,
    Result,
    opportunities_for,
)
from rijksportfolio.domain.matching.fairness import AGE, GENDER, SCORE_THRESHOLD, published
from rijksportfolio.matching import adapter, explain, fairness as fairness_monitor, index
from rijksportfolio.matching.models import (
    FairnessRun,
    MatchingSettings,
    RankingDirection,
    RankingLog,
    ShortlistEntry,
)
from rijksportfolio.opportunities.models import Opportunity
from rijksportfolio.opportunities.selectors import opportunities_published, opportunity_target
from rijksportfolio.organisations.models import Organisation
from rijksportfolio.people.models import Person
from rijksportfolio.people.selectors import person_current_employments
from rijksportfolio.portfolios.constants import SKILL_LEVEL_RANK
from rijksportfolio.portfolios.models import Portfolio
from rijksportfolio.skills.models import Skill

TOP_K = 50
MAX_DISTANCE_KM = 500


@dataclass(frozen=True)
class SearchFilters:
    """What a searcher may narrow on. ``organisation``: that organisation and everything under it."""

    min_hours: int | None = None
    max_distance_km: int | None = None
    point: tuple[float, float] | None = None  # default: the opportunity's location
    scale_min: int | None = None
    scale_max: int | None = None
    organisation: Organisation | None = None


@dataclass(frozen=True)
class SkillWanted:
    skill: Skill
    essential: bool = True
    min_level: str = "basis"


@dataclass(frozen=True)
class Match:
    """One line of an answer. ``score`` is None when ranking is off."""

    subject_id: int  # person id, or opportunity id for "kansen voor mij"
    position: int
    score: float | None
    explanations: tuple[str, ...]
    missing: tuple[str, ...]
    contributions: tuple[tuple[str, float], ...]  # (text, share of the score)


@dataclass(frozen=True)
class Ranking:
    matches: list[Match]
    ranked: bool
    log: RankingLog | None
    algorithm_version: str = ALGORITHM_VERSION
    consent_needed: bool = False
    names: dict[int, str] = field(default_factory=dict)  # person id → display name (people searches)


def _requirement(skill_id: int, essential: bool, min_level: str) -> Requirement:
    return Requirement(
        adapter.skill_key(skill_id), essential=essential, min_level=SKILL_LEVEL_RANK[min_level]
    )


def _filters(
    f: SearchFilters, *, unlocked: frozenset[int], default_point: tuple[float, float] | None
) -> Filters:
    errors: dict[str, list[str]] = {}
    if f.min_hours is not None and not 0 <= f.min_hours <= 40:
        errors["min_hours"] = [_("Het aantal uren per week ligt tussen 0 en 40.")]
    if f.max_distance_km is not None and not 1 <= f.max_distance_km <= MAX_DISTANCE_KM:
        errors["max_distance_km"] = [_("De afstand ligt tussen 1 en %(max)s km.") % {"max": MAX_DISTANCE_KM}]
    point = f.point or default_point
    if f.max_distance_km is not None and point is None:
        errors["max_distance_km"] = [_("Zoeken op afstand kan alleen vanaf een werklocatie.")]
    if f.scale_min is not None and f.scale_max is not None and f.scale_max < f.scale_min:
        errors["scale_max"] = [_("De hoogste schaal mag niet lager zijn dan de laagste.")]
    if errors:
        raise ValidationError(errors)
    organisations = None
    if f.organisation is not None:
        organisations = frozenset(
            Organisation.objects.filter(path__startswith=f.organisation.path).values_list("pk", flat=True)
        )
    return Filters(
        min_hours=f.min_hours,
        point=point if f.max_distance_km is not None else None,
        max_distance_km=f.max_distance_km,
        scale_min=f.scale_min,
        scale_max=f.scale_max,
        organisation_ids=organisations,
        unlocked_person_ids=unlocked,
    )


def ranking_enabled_for(organisation: Organisation | None) -> bool:
    """The setting of the nearest organisation (itself, then its parents) that has one; default on."""
    if organisation is None:
        return True
    parts = [p for p in organisation.path.split(".") if p]
    paths = [".".join(parts[: i + 1]) + "." for i in range(len(parts))]
    setting = (
        MatchingSettings.objects.filter(organisation__path__in=paths).order_by("-organisation__depth").first()
    )
    return setting.ranking_enabled if setting is not None else True


def _home_organisation(person: Person | None) -> Organisation | None:
    if person is None:
        return None
    current = person_current_employments(person=person)
    return current[0].organisation if current else None


def _display_names(person_ids: Iterable[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for pk, first, prefix, last in Person.objects.filter(pk__in=list(person_ids)).values_list(
        "pk", "first_name", "name_prefix", "last_name"
    ):
        names[pk] = " ".join(part for part in (first, prefix, last) if part)
    return names


def _sort_key_alphabetical(person_ids: Iterable[int]) -> dict[int, tuple[str, str, int]]:
    return {
        pk: (last.lower(), first.lower(), pk)
        for pk, first, last in Person.objects.filter(pk__in=list(person_ids)).values_list(
            "pk", "first_name", "last_name"
        )
    }


def _matches(results: Sequence[Result], *, ranked: bool, subject: str) -> list[Match]:
    """The answer's lines with their explanations in the active language (``matching.explain``)."""
    labels = explain.labels_for(results)
    out = []
    for position, r in enumerate(results, start=1):
        texts = tuple(explain.contribution_text(c, labels) for c in r.contributions)
        out.append(
            Match(
                subject_id=r.person_id if subject == "person" else r.opportunity_id,
                position=position,
                score=r.score if ranked else None,
                explanations=texts,
                missing=tuple(explain.missing_text(m, labels) for m in r.missing),
                contributions=tuple(zip(texts, (c.value for c in r.contributions), strict=True))
                if ranked
                else (),
            )
        )
    return out


def _log(
    *, actor: Any, direction: str, opportunity: Opportunity | None, version: int, ranked: bool, query: dict[str, Any],
    ids: list[int],
) -> RankingLog:  # fmt: skip
    return RankingLog.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None, direction=direction,
        opportunity=opportunity, algorithm_version=ALGORITHM_VERSION, index_version=version, ranked=ranked,
        query=query, result_ids=ids,
    )  # fmt: skip


def _query_record(
    requirements: Sequence[Requirement], filters: Filters, terms: Sequence[str]
) -> dict[str, Any]:
    return {
        "skills": [[r.skill_id, r.essential, r.min_level] for r in requirements],
        "terms": list(terms),
        "filters": {
            "min_hours": filters.min_hours,
            "max_distance_km": filters.max_distance_km,
            "scale_min": filters.scale_min,
            "scale_max": filters.scale_max,
            "organisations": len(filters.organisation_ids) if filters.organisation_ids is not None else None,
            "unlocked": len(filters.unlocked_person_ids),
        },
    }


def _people_search(
    *, actor: Any, requirements: tuple[Requirement, ...], terms: tuple[str, ...], filters: SearchFilters,
    default_point: tuple[float, float] | None, organisation: Organisation | None, opportunity: Opportunity | None,
    direction: str, top_k: int,
) -> Ranking:  # fmt: skip
    loaded = index.current()
    person = getattr(actor, "person", None)
    unlocked = adapter.unlocked_for(
        searcher_person_id=getattr(person, "pk", None), restricted=loaded.restricted
    )
    engine_filters = _filters(filters, unlocked=unlocked, default_point=default_point)
    query = Query(
        requirements=requirements,
        terms=terms,
        filters=engine_filters,
        opportunity_id=getattr(opportunity, "pk", 0) or 0,
    )
    results = _search(loaded.index, query, top_k)
    if person is not None:  # never suggest the searcher to themselves
        results = [r for r in results if r.person_id != person.pk]
    ranked = ranking_enabled_for(organisation)
    if not ranked:
        keys = _sort_key_alphabetical(r.person_id for r in results)
        results = sorted(results, key=lambda r: keys[r.person_id])
    ids = [r.person_id for r in results]
    with transaction.atomic():
        log = _log(
            actor=actor, direction=direction, opportunity=opportunity, version=loaded.version[1], ranked=ranked,
            query=_query_record(requirements, engine_filters, terms), ids=ids,
        )  # fmt: skip
    return Ranking(_matches(results, ranked=ranked, subject="person"), ranked, log, names=_display_names(ids))


def _search(engine: MatchIndex | LiveIndex, query: Query, top_k: int) -> list[Result]:
    return engine.search(query, top_k=top_k)


def candidates_search(
    *, actor: Any, opportunity: Opportunity, filters: SearchFilters = SearchFilters(), top_k: int = TOP_K
) -> Ranking:
    """People who fit an opportunity (its owner only), with explanations; logged."""
    if not can(principal_for(actor), "opportunity.edit", opportunity_target(opportunity)):
        raise PermissionDenied
    requirements = tuple(
        _requirement(r.skill_id, r.essential, r.min_level) for r in opportunity.required_skills.all()
    )
    location = opportunity.location
    point = (location.latitude, location.longitude) if location is not None else None
    return _people_search(
        actor=actor, requirements=requirements, terms=(), filters=filters, default_point=point,
        organisation=opportunity.organisation, opportunity=opportunity,
        direction=RankingDirection.PEOPLE_FOR_OPPORTUNITY, top_k=top_k,
    )  # fmt: skip


def expertise_search(
    *, actor: Any, skills: Sequence[SkillWanted] = (), text: str = "", filters: SearchFilters = SearchFilters(),
    top_k: int = TOP_K,
) -> Ranking:  # fmt: skip
    """People with skills and/or free text (what the searcher may see of consenting people); logged."""
    if not can(principal_for(actor), "matching.search_people"):
        raise PermissionDenied
    text = text.strip()
    if not skills and not text:
        raise ValidationError({"skills": [_("Kies ten minste één vaardigheid of vul een zoektekst in.")]})
    if len(text) > 300:
        raise ValidationError({"text": [_("De zoektekst is te lang (ten hoogste 300 tekens).")]})
    ids = [s.skill.pk for s in skills]
    if len(ids) != len(set(ids)):
        raise ValidationError({"skills": [_("Noem elke vaardigheid één keer.")]})
    requirements = tuple(_requirement(s.skill.pk, s.essential, s.min_level) for s in skills)
    return _people_search(
        actor=actor, requirements=requirements, terms=(text,) if text else (), filters=filters,
        default_point=None, organisation=_home_organisation(getattr(actor, "person", None)), opportunity=None,
        direction=RankingDirection.EXPERTISE_SEARCH, top_k=top_k,
    )  # fmt: skip


def _as_query(opportunity: Opportunity) -> Query:
    return Query(
        requirements=tuple(
            _requirement(r.skill_id, r.essential, r.min_level) for r in opportunity.required_skills.all()
        ),
        opportunity_id=opportunity.pk,
    )


def opportunities_for_me(*, actor: Any, top_k: int = TOP_K) -> Ranking:
    """Published opportunities (not one's own) for the actor's own skills profile — only with matching
    consent. Each line says why it fits and what is missing; logged."""
    if not can(principal_for(actor), "matching.for_me"):
        raise PermissionDenied
    person = actor.person
    portfolio = Portfolio.objects.filter(person=person).first()
    if portfolio is None or not portfolio.matching_consent:
        return Ranking([], True, None, consent_needed=True)
    profile = adapter.own_profile(portfolio=portfolio)
    candidates = [o for o in opportunities_published() if o.owner_id != person.pk]
    results = opportunities_for(profile, [_as_query(o) for o in candidates], index.current().taxonomy)[:top_k]
    ranked = ranking_enabled_for(_home_organisation(person))
    if not ranked:
        titles = {o.pk: (o.title.lower(), o.pk) for o in candidates}
        results = sorted(results, key=lambda r: titles[r.opportunity_id])
    ids = [r.opportunity_id for r in results]
    log = _log(
        actor=actor, direction=RankingDirection.OPPORTUNITIES_FOR_PERSON, opportunity=None,
        version=index.current().version[1], ranked=ranked, query={"opportunities": len(candidates)}, ids=ids,
    )  # fmt: skip
    return Ranking(_matches(results, ranked=ranked, subject="opportunity"), ranked, log)


@transaction.atomic
def shortlist_add(
    *, actor: Any, opportunity: Opportunity, person: Person, reason: str = ""
) -> ShortlistEntry:
    """Put a person on the shortlist (the owner's decision). Following the ranking needs no reason; passing
    over someone ranked higher who is not on the shortlist, or choosing someone not in the ranking, does."""
    if not can(principal_for(actor), "opportunity.edit", opportunity_target(opportunity)):
        raise PermissionDenied
    if ShortlistEntry.objects.filter(opportunity=opportunity, person=person).exists():
        raise ValidationError({"person": [_("Deze medewerker staat al op de shortlist.")]})
    log = RankingLog.objects.filter(
        opportunity=opportunity, direction=RankingDirection.PEOPLE_FOR_OPPORTUNITY
    ).first()
    ranking = list(log.result_ids) if log is not None and log.ranked else []
    rank = ranking.index(person.pk) + 1 if person.pk in ranking else None
    on_list = set(ShortlistEntry.objects.filter(opportunity=opportunity).values_list("person_id", flat=True))
    passed_over = [pid for pid in ranking[: (rank - 1) if rank else len(ranking)] if pid not in on_list]
    override = rank is None or bool(passed_over)
    reason = reason.strip()
    if override and not reason:
        raise ValidationError({"reason": [_("Je wijkt af van de rangschikking: geef een reden.")]})
    if len(reason) > 300:
        raise ValidationError({"reason": [_("De reden is te lang (ten hoogste 300 tekens).")]})
    entry = ShortlistEntry.objects.create(
        opportunity=opportunity, person=person, added_by=actor, ranking_log=log, rank=rank, reason=reason
    )
    audit_record(
        actor=actor, action=AuditAction.CREATE, object_type="opportunity_shortlist", object_id=entry.pk,
        subject_person=person, purpose=reason[:300],
    )  # fmt: skip
    return entry


@transaction.atomic
def matching_settings_set(
    *, actor: Any, organisation: Organisation, ranking_enabled: bool
) -> MatchingSettings:
    """Switch ranking on or off for an organisation and its subtree (organisation administrators)."""
    target = OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)
    if not can(principal_for(actor), "matching.configure", target):
        raise PermissionDenied
    settings, _created = MatchingSettings.objects.update_or_create(
        organisation=organisation, defaults={"ranking_enabled": bool(ranking_enabled)}
    )
    audit_record(
        actor=actor, action=AuditAction.UPDATE, object_type="matching_settings", object_id=organisation.pk,
        purpose="rangschikking aan" if ranking_enabled else "rangschikking uit",
    )  # fmt: skip
    return settings


# --- fairness monitor (issue 4, item 7) ---------------------------------------------------------------------

FAIRNESS_TOP_K = 50
FAIRNESS_TOP_K_MAX = 200


def _scope_target(organisation: Organisation | None) -> OrganisationTarget:
    if organisation is None:
        return OrganisationTarget(organisation_id=None, path="")
    return OrganisationTarget(organisation_id=organisation.pk, path=organisation.path)


def fairness_run_create(
    *, actor: Any, organisation: Organisation | None, top_k: int = FAIRNESS_TOP_K,
    score_threshold: float = SCORE_THRESHOLD,
) -> FairnessRun:  # fmt: skip
    """Run the fairness monitor now for an organisation and everything under it (None: the Rijk) and store
    the published figures. HR advisers for the organisations of their scope, Rijk-wide analysts; audited."""
    if not can(principal_for(actor), "matching.monitor_fairness", _scope_target(organisation)):
        raise PermissionDenied
    return _fairness_run(actor=actor, organisation=organisation, top_k=top_k, score_threshold=score_threshold)


def fairness_run_scheduled(*, organisation: Organisation | None) -> FairnessRun:
    """The same run without a person asking (``rijksportfolio matching fairness``, e.g. from cron)."""
    return _fairness_run(
        actor=None, organisation=organisation, top_k=FAIRNESS_TOP_K, score_threshold=SCORE_THRESHOLD
    )


def _fairness_run(
    *, actor: Any, organisation: Organisation | None, top_k: int, score_threshold: float
) -> FairnessRun:
    errors: dict[str, list[str]] = {}
    if isinstance(top_k, bool) or not isinstance(top_k, int) or not 1 <= top_k <= FAIRNESS_TOP_K_MAX:
        errors["top_k"] = [_("De top ligt tussen 1 en %(max)s.") % {"max": FAIRNESS_TOP_K_MAX}]
    if not 0 < score_threshold <= 1:
        errors["score_threshold"] = [_("De scoredrempel ligt tussen 0 en 1.")]
    if errors:
        raise ValidationError(errors)
    started = time.perf_counter()
    loaded = index.current()
    on = timezone.localdate()
    report = fairness_monitor.measure(
        loaded=loaded, organisation=organisation, top_k=top_k, score_threshold=score_threshold, on=on
    )
    data = published(report)
    with transaction.atomic():
        run = FairnessRun.objects.create(
            organisation=organisation, requested_by=actor if getattr(actor, "is_authenticated", False) else None,
            reference_date=on, algorithm_version=ALGORITHM_VERSION, index_version=loaded.version[1],
            queries=report.queries, top_k=top_k, score_threshold=score_threshold, population=data["population"],
            min_ratio_gender=report.dimension(GENDER).min_ratio("selection"),
            min_ratio_age=report.dimension(AGE).min_ratio("selection"), flagged=len(report.flagged),
            seconds=round(time.perf_counter() - started, 3), result=data,
        )  # fmt: skip
        audit_record(
            actor=actor, action=AuditAction.CREATE, object_type="matching_fairness_run", object_id=run.pk,
            purpose=organisation.name if organisation is not None else "Rijk",
        )  # fmt: skip
    return run
