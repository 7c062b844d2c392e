# SPDX-License-Identifier: EUPL-1.2
"""The taxonomy normaliser on a small hand-made taxonomy (pure, no database, fast)."""

import json

import pytest

from rijksportfolio.domain.normaliser import BM25, Concept, Normaliser, Vocabulary
from rijksportfolio.domain.normaliser.lexicon import Lexicon, damerau
from rijksportfolio.domain.normaliser.stem import degender, stem
from rijksportfolio.domain.normaliser.text import clean_query, words

E = "http://data.europa.eu/esco/occupation/"
CONCEPTS = [
    Concept(
        E + "policy", "beleidsmedewerker", ["beleidsmedewerker"], ["beleidsmedewerkster", "beleidsambtenaar"]
    ),
    Concept(
        E + "policy-edu",
        "beleidsmedewerker onderwijs",
        ["beleidsmedewerker onderwijs"],
        ["beleidsambtenaar onderwijs"],
    ),
    Concept(
        E + "contact",
        "medewerker klantencontactcentrum",
        ["medewerker klantencontactcentrum"],
        ["callcentermedewerker"],
    ),
    Concept(
        E + "security",
        "ICT-beveiligingsingenieur",
        ["ICT-beveiligingsingenieur"],
        ["specialist ict-beveiliging", "beveiligingsadviseur"],
    ),
    Concept(
        E + "ciso",
        "hoofd ict-beveiliging",
        ["hoofd ict-beveiliging"],
        ["CISO", "hoofd informatiebeveiliging"],
    ),
    Concept(
        E + "hr",
        "personeelsfunctionaris",
        ["personeelsfunctionaris"],
        ["personeelsadviseur", "human resources officer"],
    ),
    Concept(E + "hr-head", "hoofd personeelszaken", ["hoofd personeelszaken"], ["human resources manager"]),
    Concept(E + "data", "data-analist", ["data-analist"], ["informatie-analist"]),
    Concept(
        E + "tax",
        "inspecteur belastingen",
        ["inspecteur belastingen"],
        ["belastinginspectrice", "belastingcontroleur"],
    ),
    Concept(
        E + "advisor",
        "adviseur informatiebeleid",
        ["adviseur informatiebeleid"],
        ["informatiebeleidsadviseur"],
    ),
    Concept(E + "minister", "minister", ["minister"], []),
    Concept(
        E + "policy-head",
        "beleidsverantwoordelijke",
        ["beleidsverantwoordelijke"],
        ["hoofd beleid en strategie"],
    ),
    Concept(E + "director", "directeur", ["directeur"], ["directrice"]),
]
VOCAB = Vocabulary(
    abbreviations={
        "hr": ["personeelszaken", "human resources"],
        "p&o": ["personeel en organisatie"],
        "ciso": ["hoofd ict-beveiliging"],
    },
    synonyms={"consultant": ["adviseur"]},
    soft_words=frozenset({"senior", "junior", "medior", "hoofd", "coordinerend", "ervaren"}),
    filler_words=frozenset({"belastingdienst", "rijk", "vacature", "m", "v", "x"}),
)


@pytest.fixture(scope="module")
def normaliser():
    return Normaliser(CONCEPTS, VOCAB)


def top(normaliser, text, k=1):
    results = normaliser.normalise(text, top=k)
    return [r.uri.rsplit("/", 1)[-1] for r in results]


def test_clean_query_removes_vacancy_noise():
    assert (
        clean_query("Senior beleidsmedewerker arbeidsmarkt (32-36 uur) m/v/x")
        == "senior beleidsmedewerker arbeidsmarkt"
    )
    assert clean_query("Adviseur (m/v) bij de Belastingdienst") == "adviseur"
    assert clean_query("medewerker/ster klantcontact") == "medewerker klantcontact"
    assert clean_query("medewerk(st)er") == "medewerker"
    assert clean_query("Coördinerend adviseur 0,8 fte") == "coordinerend adviseur"


def test_words_keep_hyphenated_compounds_together():
    assert words("ict-architect p&o jurist/beleidsadviseur 2024") == [
        ["ict", "architect"],
        ["p&o"],
        ["jurist"],
        ["beleidsadviseur"],
    ]


def test_stemmer_meets_inflections():
    assert stem("analisten") == stem("analist") == "analist"
    assert stem("beveiliging") == stem("beveiligen") == "beveilig"
    assert stem("financiele") == stem("financieel")
    assert stem("managers") == "manager"
    assert stem("organisaties") == stem("organisatie")


def test_degender_uses_vocabulary():
    vocab = {"medewerker", "directeur", "adviseur", "inspecteur", "specialist"}
    assert degender("medewerkster", vocab) == "medewerker"
    assert degender("directrice", vocab) == "directeur"
    assert degender("adviseuse", vocab) == "adviseur"
    assert degender("inspectrice", vocab) == "inspecteur"
    assert degender("specialiste", vocab) == "specialist"
    assert degender("minister", vocab) == "minister"


def test_decompounds_against_vocabulary_with_linking_s():
    lex = Lexicon({"informatie": 3, "beveiliging": 2, "beleid": 5, "medewerker": 9, "klant": 2, "contact": 2})
    assert lex.split("informatiebeveiligingsbeleid") == ["informatie", "beveiliging", "beleid"]
    assert lex.split("beleidsmedewerker") == ["beleid", "medewerker"]
    assert lex.split("klantencontact") == ["klant", "contact"]
    assert lex.split("medewerker") is None


def test_typo_correction_edit_distance():
    assert damerau("beleidsmedeweker", "beleidsmedewerker", 2) == 1
    assert damerau("adivseur", "adviseur", 2) == 1  # transposition
    lex = Lexicon({"beleidsmedewerker": 4, "adviseur": 9, "analist": 3})
    assert lex.correct("beleidsmedeweker") == "beleidsmedewerker"
    assert lex.correct("adivseur") == "adviseur"
    assert lex.correct("xyzxyz") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Beleidsmedewerker", "policy"),
        ("beleidsmedewerkster", "policy"),
        ("beleidsmedewerker/ster", "policy"),
        ("Senior beleidsmedewerker (36 uur)", "policy"),
        ("Coördinerend beleidsmedewerker bij het Rijk", "policy"),
        ("junior beleidsmedewerker onderwijs m/v/x", "policy-edu"),
        ("medewerker beleid onderwijs", "policy-edu"),
        ("onderwijsbeleidsmedewerker", "policy-edu"),
        ("beleidsmedeweker", "policy"),
        ("medewerker/ster klantencontactcentrum", "contact"),
        ("medewerker klantcontactcentrum", "contact"),
        ("informatiebeveiligingsadviseur", "security"),
        ("informatiebeleidsadviseur", "advisor"),
        ("adviseur informatiebeleid", "advisor"),
        ("specialist ICT beveiliging", "security"),
        ("CISO", "ciso"),
        ("HR adviseur", "hr"),
        ("Adviseur P&O", "hr"),
        ("Data analist", "data"),
        ("data-analiste", "data"),
        ("inspectrice belastingen", "tax"),
        ("inspecteur belastingen Belastingdienst", "tax"),
        ("directrice", "director"),
    ],
)
def test_normalises_real_world_titles(normaliser, query, expected):
    assert top(normaliser, query) == [expected]


def test_seniority_word_does_not_override_the_title(normaliser):
    # "hoofd" counts for little: a hoofd-label only wins when the rest matches it too
    assert top(normaliser, "hoofd personeelszaken") == ["hr-head"]
    assert top(normaliser, "senior personeelsadviseur") == ["hr"]


def test_nonsense_and_empty_queries_give_no_results(normaliser):
    assert normaliser.normalise("", top=5) == []
    assert normaliser.normalise("(36 uur) m/v/x", top=5) == []
    assert normaliser.normalise("qqqqqq zzzzzz", top=5) == []


def test_results_are_ranked_unique_and_deterministic(normaliser):
    first = normaliser.normalise("beleidsmedewerker onderwijs", top=5)
    again = Normaliser(list(reversed(CONCEPTS)), VOCAB).normalise("beleidsmedewerker onderwijs", top=5)
    assert [(m.uri, m.score) for m in first] == [(m.uri, m.score) for m in again]
    assert len({m.uri for m in first}) == len(first)
    assert [m.score for m in first] == sorted((m.score for m in first), reverse=True)
    assert first[0].uri.endswith("policy-edu")
    assert first[0].score == 1.0


def test_bm25_baseline_ranks_exact_label_first():
    bm25 = BM25(CONCEPTS)
    assert bm25.normalise("inspecteur belastingen", top=1)[0].uri == E + "tax"
    assert bm25.normalise("", top=3) == []


def test_normalise_lines_json_shape(monkeypatch):
    from rijksportfolio.skills import normalise as adapter

    monkeypatch.setattr(adapter, "get_normaliser", lambda kind: Normaliser(CONCEPTS, VOCAB))
    out = list(adapter.normalise_lines("occupation", 2, ["Senior beleidsmedewerker\n", "\n", "CISO"]))
    assert len(out) == 3
    first = json.loads(out[0])
    assert list(first) == ["query", "results"]
    assert first["query"] == "Senior beleidsmedewerker"
    assert len(first["results"]) == 2
    assert set(first["results"][0]) == {"uri", "label", "score"}
    assert first["results"][0] == {
        "uri": E + "policy",
        "label": "beleidsmedewerker",
        "score": first["results"][0]["score"],
    }
    assert json.loads(out[1]) == {"query": "", "results": []}
    assert json.loads(out[2])["results"][0]["uri"] == E + "ciso"


def _small(concepts, **vocabulary):
    return Normaliser(concepts, Vocabulary(**vocabulary))


def test_a_bracketed_remark_counts_for_little():
    normaliser = _small(
        [
            Concept(
                E + "sec",
                "ICT-beveiligingsingenieur",
                ["ICT-beveiligingsingenieur"],
                ["adviseur informatiebeveiliging"],
            ),
            Concept(E + "office", "officemanager", ["officemanager"], []),
        ]
    )
    # "office" in brackets does not pull the title towards "officemanager"
    assert top(normaliser, "Adviseur informatiebeveiliging (CISO-office)", k=2)[0] == "sec"
    # without brackets around it, a remark is title text like any other
    assert top(normaliser, "(officemanager)") == ["office"]


def test_an_organisation_word_the_labels_use_is_kept_as_a_hint():
    concepts = [
        Concept(E + "customs", "douaneambtenaar", ["douaneambtenaar"], ["medewerker douane"]),
        Concept(E + "trade", "medewerker handel", ["medewerker handel"], []),
    ]
    normaliser = _small(concepts, filler_words=frozenset({"douane", "duo"}))
    assert top(normaliser, "Medewerker Douane") == ["customs"]
    # an organisation name the labels do not know is still dropped
    assert normaliser.normalise("medewerker handel DUO", top=1)[0].score == 1.0


def test_a_ministry_abbreviation_hints_at_the_field_but_does_not_outweigh_the_title():
    concepts = [
        Concept(E + "policy", "beleidsmedewerker", ["beleidsmedewerker"], []),
        Concept(
            E + "foreign",
            "beleidsmedewerker buitenlandse zaken",
            ["beleidsmedewerker buitenlandse zaken"],
            [],
        ),
        Concept(E + "diplomat", "diplomaat buitenlandse zaken", ["diplomaat buitenlandse zaken"], []),
    ]
    normaliser = _small(
        concepts, abbreviations={"bz": ["buitenlandse zaken"]}, filler_words=frozenset({"bz"})
    )
    assert top(normaliser, "Beleidsmedewerker BZ") == ["foreign"]
    assert top(normaliser, "beleidsmedewerker bij BZ") == ["policy"]  # "bij …" is the employer, dropped


def test_a_label_shared_by_concepts_goes_to_the_concept_whose_name_looks_like_the_query():
    concepts = [
        Concept(
            E + "a-dean",
            "voorzitter universiteitsdepartement",
            ["voorzitter universiteitsdepartement"],
            ["afdelingshoofd"],
        ),
        Concept(E + "b-dept", "afdelingsmanager", ["afdelingsmanager"], ["afdelingshoofd"]),
    ]
    results = _small(concepts).normalise("Afdelingshoofd", top=2)
    assert [r.uri.rsplit("/", 1)[-1] for r in results] == ["b-dept", "a-dean"]
    assert results[0].score > results[1].score == 0.97
