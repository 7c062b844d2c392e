# SPDX-License-Identifier: EUPL-1.2
"""Explanations in the reader's language (``matching.explain``): in Dutch word for word the engine's own texts,
in English from the catalogue; skill labels in the active language; stored explanations (alerts) render the
same way later."""

from __future__ import annotations

import itertools
import json

import pytest
from django.utils import translation

from rijksportfolio.domain.matching import MatchIndex, Opportunity, PersonProfile, Requirement, Taxonomy
from rijksportfolio.matching import adapter, explain
from rijksportfolio.skills.tests.factories import SkillFactory

# skill id → (Dutch, English) preferred label; "b" has only an English label, "d" only a Dutch one
PAIRS = {
    "r": ("Informatiebeveiliging", "Information security"),
    "n": ("Cryptografie", "Cryptography"),
    "b": ("", "ICT"),
    "x": ("Risicobeheer", "Risk management"),
    "a": ("Auditing", "Auditing"),
    "d": ("Beleid schrijven", ""),
}
# the engine's taxonomy labels the way the adapter makes them (Dutch, else English marked)
TAX = Taxonomy(
    labels={k: nl or f"{en}{adapter.ENGLISH_MARK}" for k, (nl, en) in PAIRS.items()},
    broader=[("n", "r"), ("r", "b"), ("d", "x")],
    related=[("r", "x"), ("a", "d")],
)
LABELS = explain.SkillLabels(PAIRS)


def _explain(held, *requirements, terms=(), tokens=()):
    """The person's result. When nothing of theirs counts, a requirement of their own skill is added so
    that there is a result saying what is missing."""
    index = MatchIndex.build([PersonProfile(1, held, tokens=tokens, consent=True)], TAX)
    query = Opportunity(tuple(requirements), terms=terms)
    found = index.search(query)
    if found:
        return found[0]
    return index.search(Opportunity((*requirements, Requirement(next(iter(held)))), terms=terms))[0]


def test_in_dutch_the_renderer_writes_exactly_the_engines_text_for_every_relation_level_and_gap():
    seen: set[tuple[str, bool]] = set()  # (relation or "missing", below the minimum level / essential)
    with translation.override("nl"):
        for held, required, level, minimum, essential in itertools.product(
            PAIRS, PAIRS, range(1, 5), range(1, 5), (True, False)
        ):
            requirement = Requirement(required, essential=essential, min_level=minimum)
            result = _explain({held: level}, requirement)
            for c in result.contributions:
                assert explain.contribution_text(c, LABELS) == c.text
                seen.add((c.kind, c.level < c.min_level))
            for m in result.missing:
                assert explain.missing_text(m, LABELS) == m.text
                seen.add(("missing", m.essential))
        text = _explain({"r": 4}, Requirement("r"), terms=("iso 27001 bio",), tokens=("ISO 27001 en BIO",))
        assert text.contributions[-1].kind == "text"
        assert explain.contribution_text(text.contributions[-1], LABELS) == text.contributions[-1].text
    relations = ("direct", "narrower", "broader", "related", "missing")
    assert seen == {(kind, flag) for kind in relations for flag in (True, False)}  # every case was compared


def test_in_english_every_part_of_an_explanation_is_english():
    with translation.override("en"):
        direct = _explain({"r": 3}, Requirement("r", min_level=3)).contributions[0]
        assert explain.contribution_text(direct, LABELS) == "Information security — direct, level experienced"
        related = _explain({"x": 2}, Requirement("r", min_level=3)).contributions[0]
        assert explain.contribution_text(related, LABELS) == (
            "Information security — through the related skill Risk management, level advanced, below the "
            "required level experienced (counts for 67%)"
        )
        narrower = _explain({"n": 4}, Requirement("r")).contributions[0]
        assert explain.contribution_text(narrower, LABELS) == (
            "Information security — through the more specific skill Cryptography, level expert"
        )
        broader = _explain({"b": 1}, Requirement("r")).contributions[0]
        assert explain.contribution_text(broader, LABELS) == (
            "Information security — through the broader skill ICT, level basic"
        )
        gaps = _explain({"r": 1}, Requirement("r"), Requirement("a"), Requirement("d", essential=False))
        assert [explain.missing_text(m, LABELS) for m in gaps.missing] == [
            "Auditing — missing (essential)",
            "Beleid schrijven (Dutch) — missing (nice to have)",
        ]
        text = _explain({"r": 4}, Requirement("r"), terms=("iso 27001",), tokens=("ISO 27001",))
        assert (
            explain.contribution_text(text.contributions[-1], LABELS)
            == "Text in portfolio — matches: 27001, iso"
        )


def test_labels_follow_the_active_language_and_mark_the_other_one():
    with translation.override("nl"):
        assert [LABELS(k) for k in ("r", "b", "d", "unknown")] == [
            "Informatiebeveiliging",
            "ICT (Engels)",
            "Beleid schrijven",
            "unknown",
        ]
        assert [explain.level_name(level) for level in range(1, 5)] == [
            "basis",
            "gevorderd",
            "ervaren",
            "expert",
        ]
    with translation.override("en"):
        assert [LABELS(k) for k in ("r", "b", "d", "unknown")] == [
            "Information security",
            "ICT",
            "Beleid schrijven (Dutch)",
            "unknown",
        ]
        assert [explain.level_name(level) for level in range(1, 5)] == [
            "basic",
            "advanced",
            "experienced",
            "expert",
        ]


def test_a_stored_explanation_renders_later_in_the_language_active_then():
    result = _explain({"x": 2}, Requirement("r", min_level=3), Requirement("a", essential=False))
    stored = json.loads(json.dumps([explain.contribution_stored(c) for c in result.contributions]))
    gaps = json.loads(json.dumps([explain.missing_stored(m) for m in result.missing]))
    assert explain.stored_skill_ids(stored, gaps) == {"r", "x", "a"}
    with translation.override("nl"):
        assert [explain.stored_contribution_text(d, LABELS) for d in stored] == [
            c.text for c in result.contributions
        ]
        assert [explain.stored_missing_text(d, LABELS) for d in gaps] == ["Auditing — ontbreekt (wenselijk)"]
    with translation.override("en"):
        assert [explain.stored_contribution_text(d, LABELS) for d in stored] == [
            "Information security — through the related skill Risk management, level advanced, below the "
            "required level experienced (counts for 67%)"
        ]
        assert [explain.stored_missing_text(d, LABELS) for d in gaps] == ["Auditing — missing (nice to have)"]
        # an explanation stored as text (before explanations were kept structured) is shown as it was
        assert explain.stored_contribution_text("risicobeheer — direct, niveau expert", LABELS) == (
            "risicobeheer — direct, niveau expert"
        )
    assert explain.stored_skill_ids(["risicobeheer — direct, niveau expert"]) == set()


@pytest.mark.django_db
def test_the_labels_read_from_the_database_are_the_taxonomys_labels_in_dutch():
    skills = [
        SkillFactory(preferred_label_nl="informatiebeveiliging", preferred_label_en="information security"),
        SkillFactory(preferred_label_nl="", preferred_label_en="threat modelling"),
        SkillFactory(preferred_label_nl="integriteitsbeleid", preferred_label_en=""),
    ]
    keys = [adapter.skill_key(s.pk) for s in skills]
    taxonomy = adapter.taxonomy_load()
    labels = explain.labels_for_ids([*keys, "999999999"])
    with translation.override("nl"):
        assert [labels(k) for k in keys] == [taxonomy.label(k) for k in keys]
        assert [labels(k) for k in keys] == [
            "informatiebeveiliging",
            "threat modelling (Engels)",
            "integriteitsbeleid",
        ]
    with translation.override("en"):
        assert [labels(k) for k in keys] == [
            "information security",
            "threat modelling",
            "integriteitsbeleid (Dutch)",
        ]
