# SPDX-License-Identifier: EUPL-1.2
"""Guarded, audited reads of the candidate pool: the search of vacancy holders (:func:`pool_search`) and one
entry (:func:`pool_entry_get`). Each checks the policy and writes an audit row per pool member shown, whose
subject is that member, so that they see on their pool page who found them and when.

The search ranks *only* pool members, with the matching engine (``domain.matching``: the same scoring and
explanations as every other ranking), over what the searcher may see of them (``profiles``). Every search
also writes a :class:`~rijksportfolio.matching.models.RankingLog` like every other ranking request.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rijksportfolio.accounts.policy import can, principal_for
from rijksportfolio.audit.models import AuditAction, AuditOutcome
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain.matching import (
    ALGORITHM_VERSION,
    MatchIndex,
    Opportunity as Query,
    Result,
    Taxonomy,
    tokenize,
)
from rijksportfolio.matching import adapter, explain, index
from rijksportfolio.matching.candidate_pool import selectors
from rijksportfolio.matching.candidate_pool.profiles import PoolProfiles, has_grants, pool_profiles
from rijksportfolio.matching.candidate_pool.selectors import ENTRY
from rijksportfolio.matching.models import PoolEntry, RankingDirection, RankingLog
from rijksportfolio.matching.services import (
    TOP_K,
    SearchFilters,
    SkillWanted,
    _filters,
    _query_record,
    _requirement,
    ranking_enabled_for,
)
from rijksportfolio.people.models import Person
from rijksportfolio.people.selectors import employments_current, person_current_employments

SEARCH_PURPOSE = "kandidatenpool: zoekresultaat"


@dataclass(frozen=True)
class PoolMatch:
    """One pool member in an answer. ``score`` is None when ranking is off for the searcher's organisation."""

    person_id: int
    entry_id: int  # the entry to contact them through (the one that runs longest)
    position: int
    score: float | None
    explanations: tuple[str, ...]
    missing: tuple[str, ...]
    contributions: tuple[tuple[str, float], ...]  # (text, share of the score); empty when ranking is off
    name: str
    job_title: str
    organisation: str
    notes: tuple[str, ...]
    expires_at: datetime


@dataclass(frozen=True)
class PoolRanking:
    matches: list[PoolMatch]
    ranked: bool
    log: RankingLog | None
    pool_size: int  # active entries (people) the search ran over
    algorithm_version: str = ALGORITHM_VERSION
    names: dict[int, str] = field(default_factory=dict)


# --- taxonomy: loaded once per index version (a taxonomy change bumps it, see matching/index.py) ---------

_taxonomy_lock = threading.Lock()
_taxonomy: tuple[tuple[str, int], Taxonomy] | None = None


def _taxonomy_current(version: tuple[str, int] | None = None) -> Taxonomy:
    """The skill taxonomy, reloaded when the matching generation (read here unless given) moved: a taxonomy
    load requests a full rebuild (``matching.changes.matching_rebuild_requested``)."""
    global _taxonomy
    version = version or index.generation_current()
    cached = _taxonomy
    if cached is not None and cached[0] == version:
        return cached[1]
    with _taxonomy_lock:
        taxonomy = adapter.taxonomy_load()
        _taxonomy = (version, taxonomy)
    return taxonomy


# --- the pool index: the colleague view of all pool members, per process ---------------------------------
#
# What a searcher *without any grant* on a pool member sees is the same for every searcher, so that index is
# built once and reused while nothing it depends on changed: the key holds the matching inputs' version
# (``index.inputs_version``: the generation and the newest profile change, so every portfolio, skill, item,
# person, employment or taxonomy change gives a new key), the ids of the active entries
# (consent, withdrawal, expiry and new entries change them; a note never changes) and the date (current
# employments). A searcher who holds an active grant on a pool member gets an index of their own view.

_pool_lock = threading.Lock()
_pool: tuple[tuple[Any, ...], MatchIndex, PoolProfiles] | None = None


def _notes(entry_ids: Sequence[int]) -> dict[int, list[str]]:
    """person id → the notes of these entries (in entry order)."""
    notes: dict[int, list[str]] = defaultdict(list)
    for person_id, note in (
        PoolEntry.objects.filter(pk__in=list(entry_ids)).order_by("pk").values_list("person_id", "note")
    ):
        notes[person_id].append(note)
    return notes


def _pool_index(
    *, searcher_id: int | None, members: Sequence[int], entry_ids: list[int], now: datetime,
    version: tuple[str, int, int],
) -> tuple[MatchIndex, PoolProfiles]:  # fmt: skip
    global _pool
    taxonomy = _taxonomy_current(version[:2])
    if searcher_id is not None and has_grants(searcher_person_id=searcher_id, person_ids=members, now=now):
        built = pool_profiles(searcher_person_id=searcher_id, notes=_notes(entry_ids), now=now)
        return MatchIndex.build(built.profiles, taxonomy), built
    key = (version, timezone.localdate(now), hash(tuple(entry_ids)), len(entry_ids))
    cached = _pool
    if cached is not None and cached[0] == key:
        return cached[1], cached[2]
    built = pool_profiles(searcher_person_id=None, notes=_notes(entry_ids), now=now)
    engine = MatchIndex.build(built.profiles, taxonomy)
    with _pool_lock:
        _pool = (key, engine, built)
    return engine, built


def pool_index_forget() -> None:
    """Drop the cached pool index of this process (benchmarks)."""
    global _pool
    _pool = None


def taxonomy_forget() -> None:
    """Drop the cached taxonomy and pool index (tests, benchmarks)."""
    global _taxonomy
    _taxonomy = None
    pool_index_forget()


# --- the search ---------------------------------------------------------------------------------------------


def _check_query(skills: Sequence[SkillWanted], text: str) -> str:
    text = text.strip()
    if not skills and not text:
        raise ValidationError({"skills": [_("Kies ten minste één vaardigheid of vul een zoektekst in.")]})
    if len(text) > 300:
        raise ValidationError({"text": [_("De zoektekst is te lang (ten hoogste 300 tekens).")]})
    ids = [s.skill.pk for s in skills]
    if len(ids) != len(set(ids)):
        raise ValidationError({"skills": [_("Noem elke vaardigheid één keer.")]})
    return text


def _text_explanation(query_terms: frozenset[str], pid: int, profiles: PoolProfiles) -> str:
    """Which of the query's words the note and the portfolio text matched (the engine's own text says only
    "portfolio": in the pool the note counts too)."""
    in_note = sorted(query_terms & profiles.note_terms.get(pid, frozenset()))
    in_portfolio = sorted((query_terms & profiles.portfolio_terms.get(pid, frozenset())) - set(in_note))
    if in_note and in_portfolio:
        return _(
            "Toelichting bij de voordracht — komt overeen met: %(note)s; tekst in portfolio — komt overeen met: "
            "%(portfolio)s"
        ) % {"note": ", ".join(in_note), "portfolio": ", ".join(in_portfolio)}
    if in_note:
        return _("Toelichting bij de voordracht — komt overeen met: %(terms)s") % {
            "terms": ", ".join(in_note)
        }
    return _("Tekst in portfolio — komt overeen met: %(terms)s") % {"terms": ", ".join(in_portfolio)}


def _explained(
    r: Result, query_terms: frozenset[str], profiles: PoolProfiles, labels: explain.SkillLabels
) -> list[tuple[str, float]]:
    """(text, share) per contribution in the active language; the text part says note or portfolio."""
    return [
        (
            _text_explanation(query_terms, r.person_id, profiles)
            if c.kind == "text"
            else explain.contribution_text(c, labels),
            c.value,
        )
        for c in r.contributions
    ]


def _cards(person_ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """(name, current job title, organisation) per person — the directory card every civil servant sees."""
    cards: dict[int, tuple[str, str, str]] = {}
    for pk, first, prefix, last in Person.objects.filter(pk__in=person_ids).values_list(
        "pk", "first_name", "name_prefix", "last_name"
    ):
        cards[pk] = (" ".join(p for p in (first, prefix, last) if p), "", "")
    for person_id, title, org in (
        employments_current()
        .filter(person_id__in=person_ids)
        .order_by("person_id", "fte", "-start_date")
        .values_list("person_id", "job_title", "organisation__name")
    ):
        if person_id in cards:
            cards[person_id] = (cards[person_id][0], title, org)  # the main job (highest fte) wins
    return cards


def pool_search(
    *, actor: Any, skills: Sequence[SkillWanted] = (), text: str = "", filters: SearchFilters | None = None,
    top_k: int = TOP_K, now: datetime | None = None,
) -> PoolRanking:  # fmt: skip
    """Pool members (never the searcher) for skills and/or free text, ranked and explained; logged and
    audited per member shown. Only consented entries before their end take part."""
    if not can(principal_for(actor), "candidate_pool.search"):
        raise PermissionDenied
    now = now or timezone.now()
    text = _check_query(skills, text)
    requirements = tuple(_requirement(s.skill.pk, s.essential, s.min_level) for s in skills)
    engine_filters = _filters(filters or SearchFilters(), unlocked=frozenset(), default_point=None)
    searcher = getattr(actor, "person", None)
    searcher_id = getattr(searcher, "pk", None)
    entry_of: dict[int, tuple[datetime, int]] = {}  # person → (latest end, its entry id)
    entry_ids: list[int] = []
    for pk, person_id, expires_at in (
        selectors.entries_active(now=now).order_by("pk").values_list("pk", "person_id", "expires_at")
    ):
        entry_ids.append(pk)
        assert expires_at is not None  # an active entry always has an end (database constraint)
        if person_id not in entry_of or expires_at > entry_of[person_id][0]:
            entry_of[person_id] = (expires_at, pk)
    version = index.inputs_version()
    engine, profiles = _pool_index(
        searcher_id=searcher_id, members=list(entry_of), entry_ids=entry_ids, now=now, version=version
    )
    terms = (text,) if text else ()
    found = engine.search(
        Query(requirements=requirements, terms=terms, filters=engine_filters), top_k=top_k + 1
    )
    # Never the searcher; only who is in the pool at this moment (the rows just read decide, not the index).
    results = [r for r in found if r.person_id != searcher_id and r.person_id in entry_of][:top_k]
    pool_size = len(entry_of) - (1 if searcher_id in entry_of else 0)
    current = person_current_employments(person=searcher) if searcher is not None else []
    ranked = ranking_enabled_for(current[0].organisation if current else None)
    cards = _cards([r.person_id for r in results])
    if not ranked:
        results = sorted(results, key=lambda r: (cards[r.person_id][0].lower(), r.person_id))
    ids = [r.person_id for r in results]
    with transaction.atomic():
        log = RankingLog.objects.create(
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            direction=RankingDirection.CANDIDATE_POOL, algorithm_version=ALGORITHM_VERSION,
            index_version=version[1], ranked=ranked,
            query={**_query_record(requirements, engine_filters, terms), "pool": pool_size}, result_ids=ids,
        )  # fmt: skip
    query_terms = frozenset(tokenize(terms))
    notes: dict[int, list[str]] = defaultdict(list)  # the notes of the people shown, for display
    for person_id, note in (
        selectors.entries_active(now=now)
        .filter(person_id__in=ids)
        .order_by("pk")
        .values_list("person_id", "note")
    ):
        notes[person_id].append(note)
    labels = explain.labels_for(results)
    matches = []
    for position, r in enumerate(results, start=1):
        expires_at, entry_id = entry_of[r.person_id]
        name, job_title, organisation = cards[r.person_id]
        audit_record(
            actor=actor, action=AuditAction.READ, object_type=ENTRY, object_id=entry_id,
            subject_person=Person(pk=r.person_id), purpose=SEARCH_PURPOSE,
        )  # fmt: skip
        explained = _explained(r, query_terms, profiles, labels)
        matches.append(
            PoolMatch(
                person_id=r.person_id, entry_id=entry_id, position=position, score=r.score if ranked else None,
                explanations=tuple(t for t, _v in explained),
                missing=tuple(explain.missing_text(m, labels) for m in r.missing),
                contributions=tuple(explained) if ranked else (), name=name, job_title=job_title,
                organisation=organisation, notes=tuple(notes[r.person_id]), expires_at=expires_at,
            )
        )  # fmt: skip
    return PoolRanking(
        matches, ranked, log, pool_size=pool_size, names={m.person_id: m.name for m in matches}
    )


# --- one entry ----------------------------------------------------------------------------------------------


def pool_entry_get(*, user: Any, pk: int, purpose: str, now: datetime | None = None) -> PoolEntry:
    """An active entry of someone else, for a vacancy holder (to contact them); audited. Entries that ended
    or do not exist are ``PoolEntry.DoesNotExist``; a refusal is audited and ``PermissionDenied``."""
    now = now or timezone.now()
    entry = selectors.entry_get(pk=pk, now=now)
    if entry is None:
        raise PoolEntry.DoesNotExist
    if not can(principal_for(user), "candidate_pool.view_entry", selectors.entry_target(entry, now=now)):
        audit_record(
            actor=user, action=AuditAction.READ, object_type=ENTRY, object_id=entry.pk,
            subject_person=entry.person, purpose=purpose[:300], outcome=AuditOutcome.DENIED,
        )  # fmt: skip
        raise PermissionDenied
    audit_record(
        actor=user, action=AuditAction.READ, object_type=ENTRY, object_id=entry.pk, subject_person=entry.person,
        purpose=purpose[:300],
    )  # fmt: skip
    return entry
