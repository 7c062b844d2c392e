# SPDX-License-Identifier: EUPL-1.2
"""ESCO import, bundle and load: from the mini fixture in the official CSV layout, and the shipped bundle."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError

from rijksportfolio.skills import esco, services
from rijksportfolio.skills.models import Occupation, OccupationSkill, Skill, SkillRelation, TaxonomyVersion

FIXTURE = Path(__file__).parent / "fixtures" / "esco-mini"
S = "http://data.europa.eu/esco/skill/"
G0, G1, G7 = (S + f"g{n}000000-0000-4000-8000-000000000000" for n in (0, 1, 7))
K1, S1, S2, S3 = (S + f"{p}000000-0000-4000-8000-000000000000" for p in ("k1", "s1", "s2", "s3"))
O1 = "http://data.europa.eu/esco/occupation/o1000000-0000-4000-8000-000000000000"
O2 = "http://data.europa.eu/esco/occupation/o2000000-0000-4000-8000-000000000000"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def esco_dir(tmp_path: Path) -> Path:
    """A writable copy of the mini fixture."""
    target = tmp_path / "esco"
    shutil.copytree(FIXTURE, target)
    return target


def snapshot() -> dict[str, object]:
    """Everything imported, keyed by URI (ids excluded), plus the ids themselves separately."""
    return {
        "skills": {s["uri"]: s for s in Skill.objects.values(*("uri", *esco.SKILL_FIELDS))},
        "occupations": {o["uri"]: o for o in Occupation.objects.values(*("uri", *esco.OCCUPATION_FIELDS))},
        "broader": set(Skill.broader.through.objects.values_list("from_skill__uri", "to_skill__uri")),
        "skill_relations": sorted(
            SkillRelation.objects.values_list("skill__uri", "related__uri", "relation_type")
        ),
        "occupation_skills": sorted(
            OccupationSkill.objects.values_list("occupation__uri", "skill__uri", "relation_type")
        ),
    }


def ids() -> dict[str, list[int]]:
    return {
        "skills": sorted(Skill.objects.values_list("id", flat=True)),
        "occupations": sorted(Occupation.objects.values_list("id", flat=True)),
        "broader": sorted(Skill.broader.through.objects.values_list("id", flat=True)),
        "skill_relations": sorted(SkillRelation.objects.values_list("id", flat=True)),
        "occupation_skills": sorted(OccupationSkill.objects.values_list("id", flat=True)),
    }


@pytest.mark.django_db
def test_import_reads_the_official_layout():
    result = services.taxonomy_import(directory=FIXTURE)

    assert Skill.objects.filter(is_group=False).count() == 4
    assert set(Skill.objects.filter(is_group=True).values_list("uri", flat=True)) == {G0, G1, G7}
    assert Occupation.objects.count() == 2
    assert result.skipped == {"occupationSkillRelations.csv: verwijst naar onbekend concept": 1}

    k1 = Skill.objects.get(uri=K1)  # multi-line altLabels cell, no Dutch record
    assert k1.alt_labels_en == ["government administration", "public sector management"]
    assert (k1.label, k1.label_is_english, k1.skill_type, k1.reuse_level) == (
        "public administration",
        True,
        "knowledge",
        "cross-sector",
    )
    s1 = Skill.objects.get(uri=S1)  # Dutch from the transversal collection; description whitespace trimmed
    assert (s1.preferred_label_nl, s1.description_nl) == (
        "beleidsstukken opstellen",
        "Heldere beleidsstukken schrijven voor besluitvormers.",
    )
    assert s1.hidden_labels == ["policy drafting"]
    assert not s1.label_is_english
    s2 = Skill.objects.get(uri=S2)  # " | "-separated altLabels in a collection file
    assert s2.alt_labels_nl == ["met spreadsheets werken", "rekenbladen gebruiken"]
    g7 = Skill.objects.get(uri=G7)  # a group only the (ragged) hierarchy files know
    assert (g7.preferred_label_en, g7.preferred_label_nl, g7.code, g7.description_en, g7.skill_type) == (
        "writing and composing",
        "schrijven en opstellen",
        "S7",
        "Composing texts.",
        "",
    )
    assert Skill.objects.get(uri=G1).alt_labels_nl == ["communicatie"]

    o1 = Occupation.objects.get(uri=O1)
    assert (o1.preferred_label_nl, o1.preferred_label_en, o1.isco_group, o1.code) == (
        "beleidsmedewerker",
        "policy officer",
        "2422",
        "2422.14",
    )
    assert o1.alt_labels_nl == ["beleidsadviseur", "beleidsanalist", "beleidsmedewerkster"]
    assert o1.hidden_labels == ["beleidsmw"]
    assert o1.description_nl == "Beleidsmedewerkers onderzoeken en ontwikkelen beleid."

    data = snapshot()
    assert data["broader"] == {(G1, G0), (G7, G0), (K1, G0), (S1, G1), (S1, G7), (S2, G1), (S3, S1)}
    assert data["skill_relations"] == [(S1, K1, "essential"), (S2, S1, "optional")]
    assert data["occupation_skills"] == [
        (O1, K1, "essential"),
        (O1, S1, "essential"),
        (O1, S2, "optional"),
        (O2, S2, "essential"),
    ]
    version = TaxonomyVersion.objects.get()
    assert (version.version, version.skills, version.occupations, len(version.checksum)) == (
        "1.1.1",
        7,
        2,
        64,
    )


@pytest.mark.django_db
def test_reimport_changes_nothing():
    services.taxonomy_import(directory=FIXTURE)
    before, before_ids = snapshot(), ids()

    result = services.taxonomy_import(directory=FIXTURE)

    assert not result.changed
    assert snapshot() == before
    assert ids() == before_ids  # no row rewritten by delete + insert, no duplicate relation
    assert TaxonomyVersion.objects.count() == 1


@pytest.mark.django_db
def test_reimport_of_a_changed_release_updates_and_replaces_relations(esco_dir: Path):
    services.taxonomy_import(directory=esco_dir)
    relations = esco_dir / "skillSkillRelations.csv"
    relations.write_text("\n".join(relations.read_text().splitlines()[:2]) + "\n")  # drop S2 -> S1
    skills = esco_dir / "skills_en.csv"
    skills.write_text(skills.read_text().replace("use spreadsheets software", "use spreadsheet software"))

    result = services.taxonomy_import(directory=esco_dir, version="1.1.2")

    assert (
        result.updated["skills"],
        result.deleted["skill_relations"],
        result.created["skill_relations"],
    ) == (1, 1, 0)
    assert Skill.objects.get(uri=S2).preferred_label_en == "use spreadsheet software"
    assert snapshot()["skill_relations"] == [(S1, K1, "essential")]
    assert list(TaxonomyVersion.objects.order_by("id").values_list("version", flat=True)) == [
        "1.1.1",
        "1.1.2",
    ]


@pytest.mark.django_db
def test_malformed_row_names_file_and_line_and_writes_nothing(esco_dir: Path):
    services.taxonomy_import(directory=FIXTURE)
    before, before_ids = snapshot(), ids()
    path = esco_dir / "occupationSkillRelations.csv"
    path.write_text(path.read_text() + f"{O2},essentiel,knowledge,{K1}\n")
    skills = esco_dir / "skills_en.csv"  # a valid change earlier in the run must not be written either
    skills.write_text(skills.read_text().replace("draft ministerial letters", "draft letters"))

    with pytest.raises(CommandError) as excinfo:
        call_command("taxonomy", "import", str(esco_dir), stdout=StringIO())

    assert str(excinfo.value) == (
        "occupationSkillRelations.csv, regel 7: onbekend relatietype 'essentiel' (verwacht: essential of optional)"
    )
    assert snapshot() == before
    assert ids() == before_ids
    assert TaxonomyVersion.objects.count() == 1


def test_wrong_field_count_after_a_multiline_cell_reports_the_starting_line(esco_dir: Path):
    path = esco_dir / "skills_en.csv"
    lines = path.read_text().split("\n")
    lines[4] = lines[4].replace(
        ",transversal,", ",transversal,extra,"
    )  # S1 starts on line 5, after K1's 3 lines
    path.write_text("\n".join(lines))

    with pytest.raises(esco.EscoError) as excinfo:
        esco.read_esco_dir(esco_dir, version="1.1.1")

    assert (excinfo.value.file, excinfo.value.line) == ("skills_en.csv", 5)
    assert str(excinfo.value) == "skills_en.csv, regel 5: verwacht 13 velden, gevonden 14"


def test_missing_required_file_is_named(esco_dir: Path):
    (esco_dir / "occupations_nl.csv").unlink()

    with pytest.raises(esco.EscoError) as excinfo:
        esco.read_esco_dir(esco_dir, version="1.1.1")

    assert str(excinfo.value) == f"occupations_nl.csv: verplicht bestand ontbreekt in {esco_dir}"


def test_skills_nl_is_used_when_present_and_wins_over_collections(esco_dir: Path):
    header = (FIXTURE / "skills_en.csv").read_text().split("\n")[0]
    (esco_dir / "skills_nl.csv").write_text(
        header
        + "\n"
        + f'KnowledgeSkillCompetence,{K1},knowledge,cross-sector,openbaar bestuur,"overheidsadministratie\npublieke sector",ob,released,,,,,Structuren van de overheid.\n'
        + f"KnowledgeSkillCompetence,{S2},skill/competence,cross-sector,rekenbladsoftware gebruiken,,,released,,,,,\n"
    )

    data = esco.read_esco_dir(esco_dir, version="1.1.1")

    k1 = data.skills[K1]
    assert (k1["preferred_label_nl"], k1["alt_labels_nl"], k1["hidden_labels"], k1["description_nl"]) == (
        "openbaar bestuur",
        ["overheidsadministratie", "publieke sector"],
        ["ob"],
        "Structuren van de overheid.",
    )
    assert data.skills[S2]["preferred_label_nl"] == "rekenbladsoftware gebruiken"
    assert data.skills[S1]["preferred_label_nl"] == "beleidsstukken opstellen"  # still from the collection
    assert data.checksum != esco.read_esco_dir(FIXTURE, version="1.1.1").checksum


@pytest.mark.django_db
def test_bundle_round_trip_gives_the_same_data(tmp_path: Path):
    bundle = tmp_path / "mini.json.gz"
    call_command("taxonomy", "bundle", str(FIXTURE), "--output", str(bundle), stdout=StringIO())
    services.taxonomy_import(directory=FIXTURE)
    imported = snapshot()
    checksum = TaxonomyVersion.objects.get().checksum
    for model in (OccupationSkill, SkillRelation, Occupation, Skill, TaxonomyVersion):
        model.objects.all().delete()

    first = services.taxonomy_load_bundle(path=bundle)
    loaded, loaded_ids = snapshot(), ids()
    second = services.taxonomy_load_bundle(path=bundle)

    assert loaded == imported
    assert TaxonomyVersion.objects.get().checksum == checksum
    assert first.changed
    assert not second.changed
    assert (snapshot(), ids()) == (loaded, loaded_ids)
    esco.write_bundle(esco.read_esco_dir(FIXTURE, version="1.1.1"), tmp_path / "again.json.gz")
    assert (tmp_path / "again.json.gz").read_bytes() == bundle.read_bytes()  # reproducible bytes


def test_shipped_bundle_has_all_of_esco_1_1_1():
    data = esco.read_bundle()

    assert data.version == "1.1.1"
    assert sum(not s["is_group"] for s in data.skills.values()) == 13_896
    assert sum(s["is_group"] for s in data.skills.values()) == 647
    assert len(data.occupations) == 3_007
    assert all(o["preferred_label_nl"] for o in data.occupations.values())
    assert all(s["preferred_label_en"] for s in data.skills.values())
    assert sum(bool(s["preferred_label_nl"]) for s in data.skills.values() if not s["is_group"]) == 2_218
    assert (len(data.broader), len(data.skill_relations), len(data.occupation_skills)) == (
        20_656,
        5_899,
        123_788,
    )
    assert not data.labels_adapted
    assert esco.PACKAGED_BUNDLE.stat().st_size < 5_000_000
    assert (esco.PACKAGED_BUNDLE.parent / "SOURCE.md").read_text().count(
        "ESCO classification of the European Commission"
    ) == 1


@pytest.mark.django_db
def test_info_prints_version_and_counts():
    services.taxonomy_import(directory=FIXTURE)
    out = StringIO()

    call_command("taxonomy", "info", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ESCO-versie in gebruik: 1.1.1 (bron esco-csv:")
    assert f"  {'skills':<30} {4:>8}" in lines
    assert f"  {'skill_groups':<30} {3:>8}" in lines
    assert f"  {'occupations':<30} {2:>8}" in lines
    assert f"  {'occupation_skill_relations':<30} {4:>8}" in lines
