# SPDX-License-Identifier: EUPL-1.2
"""Input and output types of the matching engine, and its documented constants.

The engine's only view of a person is :class:`PersonProfile`. It deliberately has **no** field for name,
age or date of birth, gender, nationality, or any special category of personal data (GDPR art. 9), so the
engine cannot reach them; ``tests/domain/test_matching.py`` asserts the exact field set. The caller
(the Django adapter) passes only skills the *searcher may see* (visibility is decided in
``accounts/policy.py`` before a profile is built) and only the visible text of the portfolio.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

ALGORITHM_VERSION = "match-1.0"

# How much a person's skill counts for a required skill, by its relation to it (one hop in the taxonomy).
#   direct    the required skill itself
#   narrower  a more specific skill (ESCO: the person's skill has the required skill as broader)
#   broader   a more general skill (ESCO: the required skill has the person's skill as broader)
#   related   an ESCO skill–skill relation, either direction
RELATION_WEIGHTS: Mapping[str, float] = {"direct": 1.0, "narrower": 0.8, "broader": 0.6, "related": 0.5}
RELATION_ORDER = ("direct", "narrower", "broader", "related")

# Importance of a required skill: essential counts fully, nice-to-have for half.
IMPORTANCE_ESSENTIAL = 1.0
IMPORTANCE_NICE = 0.5

# Proficiency levels 1–4; the level rule: a match counts × min(1, level / min_level).
LEVELS: Mapping[int, str] = {1: "basis", 2: "gevorderd", 3: "ervaren", 4: "expert"}

# Text relevance (BM25-lite over the visible tokens), added as one contribution of at most TEXT_WEIGHT
# (in the same units as skill importance: at most a quarter of one essential skill).
TEXT_WEIGHT = 0.25
BM25_K1 = 1.2
BM25_B = 0.75

# Scores are rounded to this many decimals so that ranking and reported score agree exactly.
SCORE_DECIMALS = 12


@dataclass(frozen=True, slots=True)
class PersonProfile:
    """What the engine may know of one person. ``skills``: skill id → level 1–4 (visible skills only);
    ``tokens``: visible free text of the portfolio (any case; folded by the engine);
    ``location``: (latitude, longitude) of the work location; ``scale``: salary scale."""

    person_id: int
    skills: Mapping[str, int]
    tokens: tuple[str, ...] = ()
    hours_available: float = 0.0
    location: tuple[float, float] | None = None
    scale: int | None = None
    organisation_id: int | None = None
    consent: bool = False

    def __post_init__(self) -> None:
        for skill, level in self.skills.items():
            if level not in LEVELS:
                raise ValueError(f"level of {skill!r} must be 1–4, not {level!r}")


@dataclass(frozen=True, slots=True)
class Requirement:
    skill_id: str
    essential: bool = True
    min_level: int = 1

    def __post_init__(self) -> None:
        if self.min_level not in LEVELS:
            raise ValueError(f"min_level must be 1–4, not {self.min_level!r}")

    @property
    def importance(self) -> float:
        return IMPORTANCE_ESSENTIAL if self.essential else IMPORTANCE_NICE


@dataclass(frozen=True, slots=True)
class Filters:
    """Hard filters; ``None`` means not set. Distance is great-circle km from ``point`` (lat, lon);
    people without a location are excluded when a distance filter is set (likewise scale, organisation)."""

    min_hours: float | None = None
    point: tuple[float, float] | None = None
    max_distance_km: float | None = None
    scale_min: int | None = None
    scale_max: int | None = None
    organisation_ids: frozenset[int] | None = None
    # Restricted people (see MatchIndex.build) this query may return: not a filter on anyone else.
    unlocked_person_ids: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Opportunity:
    """A query: required skills (unique skill ids), optional free-text terms, filters."""

    requirements: tuple[Requirement, ...]
    terms: tuple[str, ...] = ()
    filters: Filters = field(default_factory=Filters)
    opportunity_id: int = 0

    def __post_init__(self) -> None:
        ids = [r.skill_id for r in self.requirements]
        if len(ids) != len(set(ids)):
            raise ValueError("a skill may be required only once")


class Contribution(NamedTuple):
    """One part of a score. ``kind``: direct/narrower/broader/related/text; ``path``: the required skill
    and the person's skill it was reached through; ``level``: the person's level of that skill;
    ``value``: share of the normalised score; ``text``: the explanation in Dutch.

    What a renderer in another language needs besides: ``min_level``, the requirement's minimum level
    (None for text), and ``terms``, the query's words the text matched (empty for a skill)."""

    skill_id: str | None
    kind: str
    path: tuple[str, ...]
    level: int | None
    value: float
    text: str
    min_level: int | None = None
    terms: tuple[str, ...] = ()


class Missing(NamedTuple):
    """A required skill the person does not reach; ``text``: the explanation in Dutch."""

    skill_id: str
    essential: bool
    text: str


@dataclass(frozen=True, slots=True)
class Result:
    """``score`` in [0, 1]; ``sum(c.value for c in contributions) == score`` within 1e-9."""

    person_id: int
    score: float
    contributions: tuple[Contribution, ...]
    missing: tuple[Missing, ...]
    opportunity_id: int = 0
    algorithm_version: str = ALGORITHM_VERSION
