# SPDX-License-Identifier: EUPL-1.2
"""Taxonomy normaliser: free Dutch text → ranked ESCO concepts (framework-free)."""

from rijksportfolio.domain.normaliser.bm25 import BM25
from rijksportfolio.domain.normaliser.index import ALGORITHM_VERSION, Concept, Match, Normaliser, Vocabulary

__all__ = ["ALGORITHM_VERSION", "BM25", "Concept", "Match", "Normaliser", "Vocabulary"]
