# SPDX-License-Identifier: EUPL-1.2
"""The skill taxonomy as the engine sees it: ids, labels, broader and related edges → expansion."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from rijksportfolio.domain.matching.model import RELATION_ORDER, RELATION_WEIGHTS


@dataclass(frozen=True, slots=True)
class Expansion:
    """A skill that counts for a required skill: ``weight`` by ``relation``; ``path`` = (required, skill)."""

    skill_id: str
    weight: float
    relation: str
    path: tuple[str, ...]


class Taxonomy:
    """``labels``: skill id → display label (Dutch, else English); ``broader``: (narrower, broader) pairs;
    ``related``: skill–skill pairs (used in both directions)."""

    def __init__(
        self,
        labels: Mapping[str, str],
        broader: Iterable[tuple[str, str]] = (),
        related: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.labels = dict(labels)
        self._narrower: dict[str, set[str]] = {}
        self._broader: dict[str, set[str]] = {}
        self._related: dict[str, set[str]] = {}
        for child, parent in broader:
            if child != parent:
                self._broader.setdefault(child, set()).add(parent)
                self._narrower.setdefault(parent, set()).add(child)
        for a, b in related:
            if a != b:
                self._related.setdefault(a, set()).add(b)
                self._related.setdefault(b, set()).add(a)
        self.expand = cache(self._expand)

    def label(self, skill_id: str) -> str:
        return self.labels.get(skill_id, skill_id)

    def _expand(self, skill_id: str) -> tuple[Expansion, ...]:
        """Skills that count for ``skill_id``, strongest relation first (each skill once, at its highest
        weight; ties within a relation in skill-id order, so the result is deterministic)."""
        neighbours = {
            "direct": {skill_id},
            "narrower": self._narrower.get(skill_id, set()),
            "broader": self._broader.get(skill_id, set()),
            "related": self._related.get(skill_id, set()),
        }
        seen: set[str] = set()
        out: list[Expansion] = []
        for relation in RELATION_ORDER:
            for other in sorted(neighbours[relation] - seen):
                seen.add(other)
                path = (skill_id,) if relation == "direct" else (skill_id, other)
                out.append(Expansion(other, RELATION_WEIGHTS[relation], relation, path))
        return tuple(out)
