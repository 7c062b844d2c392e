# SPDX-License-Identifier: EUPL-1.2
"""The Rijk extension of the taxonomy: Dutch labels that survive ESCO imports, Rijk skills, the CSV format."""

from __future__ import annotations

import csv
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError

from rijksportfolio.audit.models import AuditEvent
from rijksportfolio.domain.generator.titles import POLICY_ESCO_BY_PROFILE, TITLES
from rijksportfolio.skills import esco, extension_csv, normalise as normalise_module, selectors, services
from rijksportfolio.skills.models import LabelSource, RijkLabel, Skill, SkillOrigin, TaxonomyVersion
from rijksportfolio.skills.normalise import normalise, reset_cache
from rijksportfolio.skills.tests.factories import OccupationSkillFactory, SkillFactory

FIXTURE = Path(__file__).parent / "fixtures" / "esco-mini"
S = "http://data.europa.eu/esco/skill/"
G1 = S + "g1000000-0000-4000-8000-000000000000"
K1, S1, S2 = (S + f"{p}000000-0000-4000-8000-000000000000" for p in ("k1", "s1", "s2"))
HEADER = "uri;naam;alternatieve namen;omschrijving;soort;breder\r\n"


@pytest.fixture(autouse=True)
def _clear_caches():
    cache.clear()
    reset_cache()


@pytest.fixture
def esco_dir(tmp_path: Path) -> Path:
    target = tmp_path / "esco"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.mark.django_db
def test_rijk_label_wins_over_esco_and_survives_a_reimport():
    services.taxonomy_import(directory=FIXTURE)
    s1 = Skill.objects.get(uri=S1)

    assert services.dutch_label_set(
        actor=None,
        skill=s1,
        label="  beleidsnota's   schrijven ",
        alt_labels=["nota's schrijven", "Beleidsnota's schrijven"],
    )

    s1.refresh_from_db()
    assert (s1.preferred_label_nl, s1.alt_labels_nl) == (
        "beleidsnota's schrijven",
        ["nota's schrijven", "beleidsstukken opstellen"],  # the Rijk's alternatives, then ESCO's own label
    )
    result = services.taxonomy_import(directory=FIXTURE)
    assert not result.changed
    s1.refresh_from_db()
    assert s1.preferred_label_nl == "beleidsnota's schrijven"
    assert RijkLabel.objects.get(skill=s1).esco_label_nl == "beleidsstukken opstellen"


@pytest.mark.django_db
def test_removing_a_rijk_label_restores_what_the_latest_esco_import_says(esco_dir: Path):
    services.taxonomy_import(directory=esco_dir)
    s1 = Skill.objects.get(uri=S1)
    services.dutch_label_set(actor=None, skill=s1, label="beleidsnota's schrijven")
    collection = esco_dir / "transversalSkillsCollection_nl.csv"
    collection.write_text(
        collection.read_text().replace("beleidsstukken opstellen", "beleidsteksten opstellen")
    )

    result = services.taxonomy_import(directory=esco_dir, version="1.1.2")

    s1.refresh_from_db()
    assert (result.updated["rijk_labels_esco"], s1.preferred_label_nl) == (1, "beleidsnota's schrijven")
    assert services.dutch_label_remove(actor=None, skill=s1)
    s1.refresh_from_db()
    assert (s1.preferred_label_nl, s1.alt_labels_nl) == ("beleidsteksten opstellen", [])
    assert not RijkLabel.objects.exists()
    assert not services.dutch_label_remove(actor=None, skill=s1)


@pytest.mark.django_db
def test_a_skill_with_only_an_english_label_shows_the_rijk_label_everywhere():
    services.taxonomy_import(directory=FIXTURE)
    TaxonomyVersion.objects.update(version="1.1.1")
    k1 = Skill.objects.get(uri=K1)
    assert k1.label_is_english
    before = [m.uri for m in normalise("skill", "openbaar bestuur", top=3)]

    services.dutch_label_set(actor=None, skill=k1, label="openbaar bestuur", alt_labels=["bestuurskunde"])

    k1.refresh_from_db()
    assert (k1.label, k1.label_is_english) == ("openbaar bestuur", False)
    assert selectors.skill_label(k1, language="nl").text == "openbaar bestuur"
    assert K1 not in before
    found = normalise("skill", "bestuurskunde", top=1)  # the index rebuilt after the write
    assert [(m.uri, m.label) for m in found] == [(K1, "openbaar bestuur")]


@pytest.mark.django_db
def test_label_writes_are_audited_and_an_unchanged_label_is_not_written_again():
    skill = SkillFactory(preferred_label_nl="")
    services.dutch_label_set(actor=None, skill=skill, label="risicobeheer")
    assert not services.dutch_label_set(actor=None, skill=skill, label="risicobeheer")
    services.dutch_label_set(actor=None, skill=skill, label="risicomanagement")
    services.dutch_label_remove(actor=None, skill=skill)

    events = AuditEvent.objects.filter(object_type="skills.Skill").order_by("id")
    assert [(e.action, e.object_id, e.purpose) for e in events] == [
        ("create", str(skill.pk), "rijk-label"),
        ("update", str(skill.pk), "rijk-label"),
        ("delete", str(skill.pk), "rijk-label"),
    ]


@pytest.mark.django_db
def test_empty_or_too_long_labels_and_groups_are_refused_in_dutch():
    skill = SkillFactory(preferred_label_nl="")
    with pytest.raises(services.ExtensionError) as empty:
        services.dutch_label_set(actor=None, skill=skill, label="   ")
    with pytest.raises(services.ExtensionError) as long:
        services.dutch_label_set(actor=None, skill=skill, label="x", alt_labels=["y" * 301])
    group = SkillFactory(is_group=True)
    with pytest.raises(services.ExtensionError) as grouped:
        services.dutch_label_set(actor=None, skill=group, label="groep")

    assert empty.value.errors == {"naam": ["De naam is leeg"]}
    assert long.value.errors == {"alternatieveNamen": ["Een alternatieve naam is langer dan 300 tekens"]}
    assert grouped.value.errors == {
        "vaardigheid": ["Alleen ESCO-vaardigheden krijgen een Nederlandse naam van het Rijk."]
    }
    assert not RijkLabel.objects.exists()


@pytest.mark.django_db
def test_rijk_skill_is_narrower_than_an_esco_concept_and_kept_by_esco_imports():
    services.taxonomy_import(directory=FIXTURE)

    skill, changed = services.rijk_skill_save(
        actor=None,
        key="wetgevingstoets",
        label="Wetgevingstoets uitvoeren",
        alt_labels=["IAK toepassen"],
        broader_uri=S1,
        description="Wetsvoorstellen toetsen met het Integraal Afwegingskader.",
        create=True,
    )

    assert changed
    assert skill.uri == "urn:rijksportfolio:vaardigheid:wetgevingstoets"
    assert (skill.origin, skill.skill_type, skill.label_is_english) == ("rijk", "skill/competence", False)
    assert list(skill.broader.values_list("uri", flat=True)) == [S1]
    result = services.taxonomy_import(directory=FIXTURE)
    assert (result.changed, result.kept_absent["skills"]) == (False, 0)
    assert list(Skill.objects.get(pk=skill.pk).broader.values_list("uri", flat=True)) == [S1]
    _, again = services.rijk_skill_save(
        actor=None,
        key="wetgevingstoets",
        label="Wetgevingstoets uitvoeren",
        alt_labels=["IAK toepassen"],
        broader_uri=S1,
        description="Wetsvoorstellen toetsen met het Integraal Afwegingskader.",
    )
    assert not again
    with pytest.raises(services.ExtensionError) as duplicate:
        services.rijk_skill_save(actor=None, key="wetgevingstoets", label="x", broader_uri=S1, create=True)
    assert duplicate.value.errors == {
        "sleutel": ["Er is al een Rijk-vaardigheid met sleutel wetgevingstoets."]
    }


@pytest.mark.django_db
def test_rijk_skill_needs_a_valid_key_and_an_existing_esco_broader_concept():
    with pytest.raises(services.ExtensionError) as refused:
        services.rijk_skill_save(
            actor=None, key="Wet Toets", label="", broader_uri=S + "bestaat-niet", kind="iets"
        )
    assert refused.value.errors == {
        "naam": ["De naam is leeg"],
        "sleutel": [
            "sleutel 'Wet Toets' is ongeldig: gebruik kleine letters, cijfers en koppeltekens (hoogstens 80 tekens)"
        ],
        "soort": ["Kies vaardigheid of kennis."],
        "breder": ["Geen ESCO-vaardigheid of -vaardigheidsgroep met deze URI."],
    }
    assert not Skill.objects.filter(origin=SkillOrigin.RIJK).exists()


@pytest.mark.django_db
def test_a_rijk_skill_in_use_cannot_be_deleted():
    from rijksportfolio.portfolios.tests.factories import PortfolioSkillFactory

    broader = SkillFactory()
    skill, _ = services.rijk_skill_save(actor=None, key="iak", label="IAK toepassen", broader_uri=broader.uri)
    PortfolioSkillFactory(skill=skill)

    with pytest.raises(services.ExtensionError) as refused:
        services.rijk_skill_delete(actor=None, skill=skill)

    assert refused.value.errors == [
        "Deze vaardigheid is in gebruik (1 keer, bijvoorbeeld in portfolio's); verwijderen kan niet."
    ]
    assert Skill.objects.filter(pk=skill.pk).exists()
    other, _ = services.rijk_skill_save(actor=None, key="ongebruikt", label="Iets", broader_uri=broader.uri)
    services.rijk_skill_delete(actor=None, skill=other)
    assert not Skill.objects.filter(pk=other.pk).exists()
    with pytest.raises(services.ExtensionError):
        services.rijk_skill_delete(actor=None, skill=broader)  # ESCO concepts are never deleted


def _file(*rows: str, header: str = HEADER) -> bytes:
    return (header + "".join(r + "\r\n" for r in rows)).encode("utf-8")


@pytest.mark.django_db
def test_csv_import_checks_every_line_first_and_writes_nothing_on_an_error():
    services.taxonomy_import(directory=FIXTURE)
    data = _file(
        f"{K1};openbaar bestuur;bestuurskunde;;;",
        f"{S + 'onbekend-0000-0000'};iets;;;;",
        "urn:rijksportfolio:vaardigheid:iak;IAK toepassen;;;hobby;",
        f"{S2};;;;;",
        f"{K1};nog eens;;;;",
        f"{S2};rekenbladen;;omschrijving;;",
    )

    with pytest.raises(services.ExtensionError) as refused:
        services.rijk_extension_import(actor=None, data=data)

    assert refused.value.errors == [
        "regel 4, kolom soort: onbekende soort 'hobby' (verwacht: vaardigheid of kennis)",
        "regel 4, kolom breder: een Rijk-vaardigheid heeft een breder ESCO-concept nodig",
        "regel 5, kolom naam: de naam is leeg",
        f"regel 6, kolom uri: {K1} staat al op regel 2",
        "regel 7, kolom omschrijving: alleen voor Rijk-vaardigheden; laat leeg bij ESCO",
    ]
    assert not RijkLabel.objects.exists()

    unknown = _file(f"{K1};openbaar bestuur;;;;", f"{S + 'ffffffff-0000-4000-8000-000000000000'};iets;;;;")
    with pytest.raises(services.ExtensionError) as not_found:
        services.rijk_extension_import(actor=None, data=unknown)
    assert not_found.value.errors == [
        "regel 3, kolom uri: geen ESCO-vaardigheid met deze URI in de taxonomie"
    ]
    assert not RijkLabel.objects.exists()


@pytest.mark.django_db
def test_csv_from_excel_in_cp1252_with_commas_imports_and_a_second_import_changes_nothing():
    services.taxonomy_import(directory=FIXTURE)
    text = (
        "URI,Naam,Alternatieve namen,Omschrijving,Soort,Breder\r\n"
        f'{K1},openbaar bestuur,"bestuurskunde | overheidsmanagement",,,\r\n'
        ",,,,,\r\n"
        f"urn:rijksportfolio:vaardigheid:iak,Integraal Afwegingskader toepassen,IAK,Beleid toetsen met het IAK (één kader),kennis,{S1}\r\n"
    )
    data = text.encode("cp1252")

    first = services.rijk_extension_import(actor=None, data=data)
    second = services.rijk_extension_import(actor=None, data=data)

    assert (first.labels["created"], first.rijk_skills["created"]) == (1, 1)
    assert (second.changed, second.labels["unchanged"], second.rijk_skills["unchanged"]) == (False, 1, 1)
    iak = selectors.rijk_skill_by_key("iak")
    assert iak is not None
    assert (iak.description_nl, iak.skill_type) == ("Beleid toetsen met het IAK (één kader)", "knowledge")
    assert Skill.objects.get(uri=K1).alt_labels_nl == ["bestuurskunde", "overheidsmanagement"]
    assert AuditEvent.objects.filter(action="import", object_type="skills.RijkExtension").count() == 1


@pytest.mark.django_db
def test_export_is_excel_csv_that_imports_back_unchanged(tmp_path: Path):
    services.taxonomy_import(directory=FIXTURE)
    services.dutch_label_set(actor=None, skill=Skill.objects.get(uri=K1), label="openbaar bestuur; algemeen")
    services.rijk_skill_save(actor=None, key="iak", label="IAK toepassen", broader_uri=S1, kind="kennis")

    output = tmp_path / "rijk.csv"
    call_command("taxonomy", "export-rijk", "--output", str(output), stdout=StringIO(), stderr=StringIO())
    data = output.read_bytes()

    assert data.startswith(b"\xef\xbb\xbfuri;naam;alternatieve namen;omschrijving;soort;breder\r\n")
    rows = list(csv.reader(StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[1:] == [
        [K1, "openbaar bestuur; algemeen", "", "", "", ""],
        ["urn:rijksportfolio:vaardigheid:iak", "IAK toepassen", "", "", "kennis", S1],
    ]
    out = StringIO()
    call_command("taxonomy", "import-rijk", str(output), stdout=out)
    assert "rijk_labels          nieuw 0, gewijzigd 0, ongewijzigd 1" in out.getvalue()
    assert "rijk_skills          nieuw 0, gewijzigd 0, ongewijzigd 1" in out.getvalue()


@pytest.mark.django_db
def test_import_rijk_command_prints_line_numbered_errors_and_fails(tmp_path: Path):
    path = tmp_path / "fout.csv"
    path.write_bytes(_file("https://example.org/x;naam;;;;"))
    err = StringIO()
    with pytest.raises(CommandError, match=r"1 fouten: niets geïmporteerd\."):
        call_command("taxonomy", "import-rijk", str(path), stderr=err)
    assert (
        "regel 2, kolom uri: 'https://example.org/x' is geen ESCO-vaardigheid en geen Rijk-vaardigheid"
        in err.getvalue()
    )


def test_a_file_without_the_required_columns_is_refused_as_a_whole():
    with pytest.raises(
        extension_csv.ExtensionFileError,
        match=r"Verplichte kolommen ontbreken in de kopregel: naam\. Onbekende kolommen: label_en\.",
    ):
        extension_csv.parse(b"uri;label_en\r\nx;y\r\n")
    with pytest.raises(extension_csv.ExtensionFileError, match="Het bestand is leeg"):
        extension_csv.parse(b"\r\n;;;\r\n")


@pytest.mark.django_db
def test_shipped_labels_never_replace_an_administrators_label():
    skill = SkillFactory(uri=S + "2be699a7-416a-4f32-967c-4edc65027b71", preferred_label_nl="")
    services.dutch_label_set(actor=None, skill=skill, label="beleid uitvoeren")

    result = services.rijk_labels_load_shipped()

    skill.refresh_from_db()
    assert (skill.preferred_label_nl, RijkLabel.objects.get(skill=skill).source) == (
        "beleid uitvoeren",
        LabelSource.ADMIN,
    )
    assert (result.kept, result.unknown, result.labels["created"]) == (1, 529, 0)


def test_shipped_labels_cover_the_500_skills_the_rijk_job_families_use_most():
    """The shipped file holds a Dutch label for each of the 500 skills without an ESCO Dutch label that weigh
    most over the ESCO occupations of the Rijk job titles (the ranking of ``skills_needing_dutch_label``)."""
    data = esco.read_bundle()
    parsed = extension_csv.parse(services.SHIPPED_LABELS.read_bytes())
    shipped = {row.uri: row.label for row in parsed.rows}
    weights = selectors.rijk_occupation_weights()
    score: dict[str, float] = {}
    for (occupation, skill), relation in data.occupation_skills.items():
        if occupation in weights and not data.skills[skill]["preferred_label_nl"]:
            w = selectors.ESSENTIAL_WEIGHT if relation == "essential" else selectors.OPTIONAL_WEIGHT
            score[skill] = score.get(skill, 0.0) + w * weights[occupation]
    ranked = sorted(score, key=lambda uri: (-round(score[uri], 6), uri))

    cut = score[ranked[499]]  # the 500th weight (many skills tie there: any of them is as much used)

    assert parsed.errors == []
    assert len(shipped) >= 500
    assert {uri for uri in ranked if score[uri] > cut} <= set(shipped)
    assert all(score[uri] >= cut for uri in shipped)
    assert all(
        uri in score for uri in shipped
    )  # only skills of the Rijk's occupations, none ESCO has in Dutch
    assert len({label.casefold() for label in shipped.values()}) == len(shipped)  # no label twice
    assert {TITLES[0].esco_uri, next(iter(POLICY_ESCO_BY_PROFILE.values()))[0]} <= set(weights)


@pytest.mark.django_db
def test_label_candidates_lists_the_most_used_skills_without_a_dutch_label():
    occupation_uri = TITLES[0].esco_uri
    english = SkillFactory(preferred_label_nl="", preferred_label_en="manage budgets")
    optional = SkillFactory(preferred_label_nl="", preferred_label_en="use office systems")
    dutch = SkillFactory(preferred_label_nl="actief luisteren")
    for skill, relation in ((english, "essential"), (optional, "optional"), (dutch, "essential")):
        OccupationSkillFactory(occupation__uri=occupation_uri, skill=skill, relation_type=relation)

    candidates = selectors.skills_needing_dutch_label(limit=5)

    weight = selectors.rijk_occupation_weights()[occupation_uri]
    assert [(c.skill.pk, c.weight, c.occupations) for c in candidates] == [
        (english.pk, round(weight, 4), 1),
        (optional.pk, round(0.35 * weight, 4), 1),
    ]


def test_shipped_extra_occupation_labels_never_take_another_concepts_preferred_label():
    """An extra label only adds what ESCO lacks: a title that is ESCO's preferred label of an occupation
    means that occupation, so no extra label may repeat it for another one."""
    import json
    import unicodedata

    def folded(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.lower())
        return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()

    data = esco.read_bundle()
    preferred: dict[str, set[str]] = {}
    for uri, record in data.occupations.items():
        preferred.setdefault(folded(record["preferred_label_nl"]), set()).add(uri)
    table = json.loads(normalise_module.DATA_FILE.read_text(encoding="utf-8"))["occupation_labels"]
    clashes = []
    for key, labels in table.items():
        (uri,) = [u for u in data.occupations if u.rsplit("/", 1)[-1].startswith(key)]
        clashes += [label for label in labels if preferred.get(folded(label), {uri}) != {uri}]
    assert clashes == []
