# SPDX-License-Identifier: EUPL-1.2
"""Matching explanations in the reader's language (docs/matching.md, "Explanation").

The engine (``rijksportfolio.domain.matching``) is framework-free and writes every explanation in Dutch
(``Contribution.text``, ``Missing.text``). Everything that leaves the app — pages, API answers, alert
messages, the candidate pool — renders them here instead, from the structured fields of the contribution
(relation, path, the person's level, the requirement's minimum level, the matched words) through gettext:
the Dutch messages are word for word the engine's texts (tested for every relation, below and at the
minimum level, text and missing skills), English comes from the catalogue.

Skill labels follow the active language: in Dutch the taxonomy's label (Dutch, else English marked
"(Engels)", exactly as the engine's taxonomy), in English the English label (else the Dutch one, marked
"(Dutch)"). Level names are the labels of :class:`~rijksportfolio.portfolios.constants.SkillLevel`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from rijksportfolio.domain.matching import Contribution, Missing, Result
from rijksportfolio.matching import adapter
from rijksportfolio.portfolios.constants import SKILL_LEVEL_RANK, SkillLevel
from rijksportfolio.skills.labels import label_for, marked

Label = Callable[[str], str]

_LEVEL_BY_RANK = {rank: value for value, rank in SKILL_LEVEL_RANK.items()}


def level_name(level: int) -> str:
    """The name of a level 1–4 as it reads inside a sentence ("ervaren" / "experienced")."""
    value = _LEVEL_BY_RANK.get(level)
    return str(SkillLevel(value).label).lower() if value is not None else str(level)


class SkillLabels:
    """Skill id → label in the language active *when it is called* (so one instance serves a message
    rendered under :func:`django.utils.translation.override`). Unknown ids are shown as they are, as the
    engine's taxonomy does."""

    def __init__(self, pairs: Mapping[str, tuple[str, str]]) -> None:
        self._pairs = dict(pairs)
        self._shown: dict[tuple[str | None, str], str] = {}  # (language, skill id) → label

    def __call__(self, skill_id: str) -> str:
        key = (translation.get_language(), skill_id)
        shown = self._shown.get(key)
        if shown is None:
            shown = self._shown[key] = self._label(skill_id)
        return shown

    def _label(self, skill_id: str) -> str:
        pair = self._pairs.get(skill_id)
        if pair is None:
            return skill_id
        return marked(label_for(*pair))


def skill_ids(contributions: Iterable[Contribution], missing: Iterable[Missing] = ()) -> set[str]:
    """Every skill an explanation names: the required skills, the skills they were reached through and
    the missing ones."""
    ids: set[str] = set()
    for c in contributions:
        ids.update(c.path)
        if c.skill_id is not None:
            ids.add(c.skill_id)
    ids.update(m.skill_id for m in missing)
    return ids


def labels_for_ids(ids: Iterable[str]) -> SkillLabels:
    """The labels of these skills (one query)."""
    return SkillLabels(adapter.skill_label_pairs(ids))


def labels_for(results: Iterable[Result]) -> SkillLabels:
    """The labels of every skill the explanations of these results name (one query)."""
    ids: set[str] = set()
    for r in results:
        ids |= skill_ids(r.contributions, r.missing)
    return labels_for_ids(ids)


def _relation_text(relation: str, facts: dict[str, Any]) -> str | None:
    if relation == "direct":
        return _("%(skill)s — direct, niveau %(level)s") % facts
    if relation == "narrower":
        return _("%(skill)s — via specifiekere vaardigheid %(via)s, niveau %(level)s") % facts
    if relation == "broader":
        return _("%(skill)s — via bredere vaardigheid %(via)s, niveau %(level)s") % facts
    if relation == "related":
        return _("%(skill)s — via verwante vaardigheid %(via)s, niveau %(level)s") % facts
    return None


def contribution_text(c: Contribution, label: Label) -> str:
    """One line of an explanation in the active language ("Informatiebeveiliging — direct, niveau
    ervaren"); ``label`` gives a skill's label (:class:`SkillLabels`). A contribution this renderer does not
    know (or one without its structured fields) keeps the engine's Dutch text."""
    if c.kind == "text":
        if not c.terms:
            return c.text
        return _("Tekst in portfolio — komt overeen met: %(terms)s") % {"terms": ", ".join(c.terms)}
    if c.level is None or c.skill_id is None:
        return c.text
    required = c.path[0] if c.path else c.skill_id
    facts = {"skill": label(required), "via": label(c.skill_id), "level": level_name(c.level)}
    text = _relation_text(c.kind, facts)
    if text is None:
        return c.text
    if c.min_level is not None and c.level < c.min_level:
        text = _("%(match)s, onder het gevraagde niveau %(minimum)s (telt voor %(share)s%%)") % {
            "match": text,
            "minimum": level_name(c.min_level),
            "share": round(100 * c.level / c.min_level),
        }
    return text


def missing_text(m: Missing, label: Label) -> str:
    """A required skill the person lacks, in the active language ("Auditing — ontbreekt (wenselijk)")."""
    if m.essential:
        return _("%(skill)s — ontbreekt (essentieel)") % {"skill": label(m.skill_id)}
    return _("%(skill)s — ontbreekt (wenselijk)") % {"skill": label(m.skill_id)}


# --- stored explanations (alerts keep them until the message is sent, in the recipient's language) -------


def contribution_stored(c: Contribution) -> dict[str, Any]:
    """A contribution as JSON (without its share of the score), to be rendered later."""
    return {
        "kind": c.kind, "skill_id": c.skill_id, "path": list(c.path), "level": c.level, "min_level": c.min_level,
        "terms": list(c.terms), "text": c.text,
    }  # fmt: skip


def missing_stored(m: Missing) -> dict[str, Any]:
    return {"skill_id": m.skill_id, "essential": m.essential, "text": m.text}


def _contribution_loaded(data: Mapping[str, Any]) -> Contribution:
    return Contribution(
        skill_id=data.get("skill_id"), kind=str(data.get("kind", "")), path=tuple(data.get("path") or ()),
        level=data.get("level"), value=0.0, text=str(data.get("text", "")), min_level=data.get("min_level"),
        terms=tuple(data.get("terms") or ()),
    )  # fmt: skip


def _missing_loaded(data: Mapping[str, Any]) -> Missing:
    return Missing(str(data.get("skill_id", "")), bool(data.get("essential")), str(data.get("text", "")))


def stored_skill_ids(explanation: Iterable[Any], missing: Iterable[Any] = ()) -> set[str]:
    """The skills stored explanations name (texts stored as plain strings name none)."""
    return skill_ids(
        (_contribution_loaded(d) for d in explanation if isinstance(d, Mapping)),
        (_missing_loaded(d) for d in missing if isinstance(d, Mapping)),
    )


def stored_contribution_text(data: Any, label: Label) -> str:
    """A stored contribution in the active language; a plain string (stored before explanations were
    kept structured) as it is."""
    if isinstance(data, Mapping):
        return contribution_text(_contribution_loaded(data), label)
    return str(data)


def stored_missing_text(data: Any, label: Label) -> str:
    if isinstance(data, Mapping):
        return missing_text(_missing_loaded(data), label)
    return str(data)
