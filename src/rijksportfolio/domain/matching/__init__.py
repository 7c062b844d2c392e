# SPDX-License-Identifier: EUPL-1.2
"""Matching engine: people for an opportunity and opportunities for a person (framework-free, numpy).

Entry points: :class:`Taxonomy` (expansion), :class:`MatchIndex` (``build``, ``search``,
``opportunities_for``), :class:`LiveIndex` (a ``MatchIndex`` that takes changes as an overlay),
:func:`opportunities_for` (one person on their own). See docs/matching.md.
"""

from rijksportfolio.domain.matching.engine import MatchIndex, opportunities_for, tokenize
from rijksportfolio.domain.matching.live import LiveIndex
from rijksportfolio.domain.matching.model import (
    ALGORITHM_VERSION,
    IMPORTANCE_ESSENTIAL,
    IMPORTANCE_NICE,
    LEVELS,
    RELATION_WEIGHTS,
    TEXT_WEIGHT,
    Contribution,
    Filters,
    Missing,
    Opportunity,
    PersonProfile,
    Requirement,
    Result,
)
from rijksportfolio.domain.matching.taxonomy import Expansion, Taxonomy

__all__ = [
    "ALGORITHM_VERSION",
    "IMPORTANCE_ESSENTIAL",
    "IMPORTANCE_NICE",
    "LEVELS",
    "RELATION_WEIGHTS",
    "TEXT_WEIGHT",
    "Contribution",
    "Expansion",
    "Filters",
    "LiveIndex",
    "MatchIndex",
    "Missing",
    "Opportunity",
    "PersonProfile",
    "Requirement",
    "Result",
    "Taxonomy",
    "opportunities_for",
    "tokenize",
]
