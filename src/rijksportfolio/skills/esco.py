# SPDX-License-Identifier: EUPL-1.2
"""Reading ESCO: the official CSV layout (``taxonomy import``) and the compact bundle shipped in the package.

Both produce a :class:`TaxonomyData` — plain records keyed by concept URI — that
``services.taxonomy_apply`` writes to the database. No database access here.

CSV rules (ESCO v1.1.1 layout, see docs/operators/taxonomy.md):

- Required: ``skills_en.csv``, ``skillGroups_en.csv``, ``occupations_en.csv``, ``occupations_nl.csv``,
  ``broaderRelationsSkillPillar.csv``, ``skillSkillRelations.csv``, ``occupationSkillRelations.csv``.
- Optional: ``skills_nl.csv`` (all Dutch skill labels; used first when present), the six
  ``*SkillsCollection_nl.csv`` files (Dutch labels for part of the skills), ``skillGroups_nl.csv``,
  ``skillsHierarchy_en.csv`` / ``skillsHierarchy_nl.csv`` (codes, and the few groups that
  ``skillGroups_*.csv`` lacks; rows are ragged, missing trailing fields count as empty).
- A malformed row (wrong number of fields, empty URI or label, unknown relation type, duplicate URI)
  stops the import with an :class:`EscoError` naming the file and line. Relation rows that point to a
  concept absent from the concept files are skipped and counted (ESCO v1.1.1 itself has 67 such
  occupation–skill rows); they are reported, not fatal.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

BUNDLE_FORMAT = "rijksportfolio-esco-bundle/1"
RELATION_TYPES = ("essential", "optional")

SKILL_FIELDS = (
    "preferred_label_nl",
    "preferred_label_en",
    "alt_labels_nl",
    "alt_labels_en",
    "hidden_labels",
    "description_nl",
    "description_en",
    "skill_type",
    "reuse_level",
    "is_group",
    "code",
)
OCCUPATION_FIELDS = (
    "preferred_label_nl",
    "preferred_label_en",
    "alt_labels_nl",
    "alt_labels_en",
    "hidden_labels",
    "description_nl",
    "description_en",
    "isco_group",
    "code",
)

REQUIRED_FILES = (
    "skills_en.csv",
    "skillGroups_en.csv",
    "occupations_en.csv",
    "occupations_nl.csv",
    "broaderRelationsSkillPillar.csv",
    "skillSkillRelations.csv",
    "occupationSkillRelations.csv",
)
DUTCH_COLLECTIONS = (
    "digitalSkillsCollection_nl.csv",
    "greenSkillsCollection_nl.csv",
    "languageSkillsCollection_nl.csv",
    "transversalSkillsCollection_nl.csv",
    "researchSkillsCollection_nl.csv",
    "digCompSkillsCollection_nl.csv",
)
HIERARCHY_LEVELS = 4


class EscoError(Exception):
    """A missing file or malformed row; ``str()`` is a Dutch message naming file and line."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file, self.line, self.message = file, line, message
        where = file if line is None else _("%(file)s, regel %(line)d") % {"file": file, "line": line}
        super().__init__(f"{where}: {message}")


@dataclass
class TaxonomyData:
    """Everything the product keeps of one ESCO release, keyed by concept URI."""

    version: str
    checksum: str
    skills: dict[str, dict[str, Any]] = field(default_factory=dict)
    occupations: dict[str, dict[str, Any]] = field(default_factory=dict)
    broader: set[tuple[str, str]] = field(default_factory=set)  # (narrower uri, broader uri)
    skill_relations: dict[tuple[str, str], str] = field(default_factory=dict)  # (skill, related) -> type
    occupation_skills: dict[tuple[str, str], str] = field(default_factory=dict)  # (occupation, skill) -> type
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> rows skipped
    labels_adapted: bool = False


# --- CSV ---------------------------------------------------------------------------------------------------


def _raise_field_size_limit() -> None:
    # conceptSchemes_en.csv has cells over the default 131,072 characters.
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))


class _CsvFile:
    """One CSV file: raw bytes (for the checksum) and validated rows with their starting line numbers."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        self.raw = path.read_bytes()
        try:
            self.text = self.raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = self.raw.count(b"\n", 0, exc.start) + 1
            raise EscoError(self.name, line, _("het bestand is geen geldige UTF-8-tekst")) from exc

    def rows(
        self, required: tuple[str, ...], *, ragged: bool = False
    ) -> Iterator[tuple[int, dict[str, str]]]:
        reader = csv.reader(io.StringIO(self.text, newline=""))
        try:
            header = next(reader)
        except StopIteration:
            raise EscoError(self.name, 1, _("het bestand is leeg (kopregel ontbreekt)")) from None
        except csv.Error as exc:
            raise EscoError(self.name, 1, _("ongeldige CSV: %(error)s") % {"error": exc}) from exc
        header = [h.strip() for h in header]
        for column in required:
            if column not in header:
                raise EscoError(
                    self.name, 1, _("kolom ontbreekt in de kopregel: %(column)s") % {"column": column}
                )
        width = len(header)
        while True:
            line = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise EscoError(self.name, line, _("ongeldige CSV: %(error)s") % {"error": exc}) from exc
            if not values:
                continue  # blank line
            if len(values) != width and not (ragged and len(values) < width):
                raise EscoError(
                    self.name,
                    line,
                    _("verwacht %(expected)d velden, gevonden %(found)d")
                    % {"expected": width, "found": len(values)},
                )
            values += [""] * (width - len(values))
            yield line, dict(zip(header, values, strict=True))


def _value(file: _CsvFile, line: int, row: dict[str, str], column: str) -> str:
    value = row[column].strip()
    if not value:
        raise EscoError(file.name, line, _("lege waarde in kolom %(column)s") % {"column": column})
    return value


def _relation_type(file: _CsvFile, line: int, row: dict[str, str]) -> str:
    value = row["relationType"].strip()
    if value not in RELATION_TYPES:
        raise EscoError(
            file.name,
            line,
            _("onbekend relatietype %(value)r (verwacht: essential of optional)") % {"value": value},
        )
    return value


def _labels(cell: str, *, pipes: bool = False) -> list[str]:
    """Split a multi-valued cell: newline-separated (official files) or ``" | "``-separated (collections)."""
    parts = cell.replace("|", "\n").split("\n") if pipes else cell.split("\n")
    seen: dict[str, None] = {}
    for part in parts:
        part = part.strip()
        if part:
            seen.setdefault(part, None)
    return list(seen)


def _merge(*lists: list[str]) -> list[str]:
    return list(dict.fromkeys(label for labels in lists for label in labels))


def _unique(file: _CsvFile, line: int, uri: str, seen: set[str]) -> None:
    if uri in seen:
        raise EscoError(file.name, line, _("dubbele URI %(uri)s") % {"uri": uri})
    seen.add(uri)


def _empty_skill(*, is_group: bool) -> dict[str, Any]:
    return {
        "preferred_label_nl": "",
        "preferred_label_en": "",
        "alt_labels_nl": [],
        "alt_labels_en": [],
        "hidden_labels": [],
        "description_nl": "",
        "description_en": "",
        "skill_type": "",
        "reuse_level": "",
        "is_group": is_group,
        "code": "",
    }


def read_esco_dir(directory: Path | str, *, version: str) -> TaxonomyData:
    """Read and validate an ESCO CSV directory; raises :class:`EscoError` on the first problem."""
    _raise_field_size_limit()
    directory = Path(directory)
    if not directory.is_dir():
        raise EscoError(str(directory), None, _("map bestaat niet"))
    for name in REQUIRED_FILES:
        if not (directory / name).is_file():
            raise EscoError(name, None, _("verplicht bestand ontbreekt in %(dir)s") % {"dir": directory})

    used: list[_CsvFile] = []

    def open_csv(name: str) -> _CsvFile | None:
        path = directory / name
        if not path.is_file():
            return None
        f = _CsvFile(path)
        used.append(f)
        return f

    skipped: dict[str, int] = {}

    def skip(reason: str) -> None:
        skipped[reason] = skipped.get(reason, 0) + 1

    skills: dict[str, dict[str, Any]] = {}

    # English skills and skill groups: the full set of concepts.
    f = open_csv("skills_en.csv")
    assert f is not None
    seen: set[str] = set()
    for line, row in f.rows(
        (
            "conceptUri",
            "skillType",
            "reuseLevel",
            "preferredLabel",
            "altLabels",
            "hiddenLabels",
            "description",
        )
    ):
        uri = _value(f, line, row, "conceptUri")
        _unique(f, line, uri, seen)
        rec = _empty_skill(is_group=False)
        rec.update(
            preferred_label_en=_value(f, line, row, "preferredLabel"),
            alt_labels_en=_labels(row["altLabels"]),
            hidden_labels=_labels(row["hiddenLabels"]),
            description_en=row["description"].strip(),
            skill_type=row["skillType"].strip(),
            reuse_level=row["reuseLevel"].strip(),
        )
        skills[uri] = rec

    f = open_csv("skillGroups_en.csv")
    assert f is not None
    seen = set()
    for line, row in f.rows(
        ("conceptUri", "preferredLabel", "altLabels", "hiddenLabels", "description", "code")
    ):
        uri = _value(f, line, row, "conceptUri")
        _unique(f, line, uri, seen)
        if uri in skills:
            raise EscoError(
                f.name, line, _("URI is al een vaardigheid in skills_en.csv: %(uri)s") % {"uri": uri}
            )
        rec = _empty_skill(is_group=True)
        rec.update(
            preferred_label_en=_value(f, line, row, "preferredLabel"),
            alt_labels_en=_labels(row["altLabels"]),
            hidden_labels=_labels(row["hiddenLabels"]),
            description_en=row["description"].strip(),
            code=row["code"].strip(),
        )
        skills[uri] = rec

    # Hierarchy files: codes, and groups that skillGroups_*.csv lacks (7 in v1.1.1).
    hierarchy_columns = tuple(
        f"Level {n} {part}" for n in range(HIERARCHY_LEVELS) for part in ("URI", "preferred term", "code")
    )
    for lang in ("en", "nl"):
        f = open_csv(f"skillsHierarchy_{lang}.csv")
        if f is None:
            continue
        for line, row in f.rows((*hierarchy_columns, "Description"), ragged=True):
            levels = [
                (
                    row[f"Level {n} URI"].strip(),
                    row[f"Level {n} preferred term"].strip(),
                    row[f"Level {n} code"].strip(),
                )
                for n in range(HIERARCHY_LEVELS)
            ]
            levels = [level for level in levels if level[0]]
            if not levels:
                raise EscoError(
                    f.name, line, _("lege waarde in kolom %(column)s") % {"column": "Level 0 URI"}
                )
            for depth, (uri, term, code) in enumerate(levels):
                found = skills.get(uri)
                if found is None:
                    if lang == "nl":
                        skip("skillsHierarchy_nl.csv: concept niet in de Engelse bestanden")
                        continue
                    found = skills[uri] = _empty_skill(is_group=True)
                rec = found
                if not rec["is_group"]:
                    continue
                if lang == "en" and not rec["preferred_label_en"]:
                    rec["preferred_label_en"] = term
                if lang == "nl" and not rec["preferred_label_nl"] and term:
                    rec["preferred_label_nl"] = term
                if not rec["code"]:
                    rec["code"] = code
                if lang == "en" and depth == len(levels) - 1 and not rec["description_en"]:
                    rec["description_en"] = row["Description"].strip()
    for uri, rec in skills.items():
        if not rec["preferred_label_en"]:
            raise EscoError(
                "skillsHierarchy_en.csv", None, _("groep zonder Engels label: %(uri)s") % {"uri": uri}
            )

    # Dutch skill labels: skills_nl.csv first, then the collections, then skill groups.
    def dutch(name: str, *, pipes: bool, groups: bool) -> None:
        f = open_csv(name)
        if f is None:
            return
        columns: tuple[str, ...] = ("conceptUri", "preferredLabel", "altLabels", "description")
        hidden = not pipes
        if hidden:
            columns = (*columns, "hiddenLabels")
        seen: set[str] = set()
        for line, row in f.rows(columns):
            uri = _value(f, line, row, "conceptUri")
            _unique(f, line, uri, seen)
            label = _value(f, line, row, "preferredLabel")
            rec = skills.get(uri)
            if rec is None or rec["is_group"] != groups:
                skip(f"{name}: concept niet in de Engelse bestanden")
                continue
            if rec["preferred_label_nl"] and not groups:
                continue  # an earlier, more complete Dutch source already gave this skill
            rec["preferred_label_nl"] = label
            rec["alt_labels_nl"] = _labels(row["altLabels"], pipes=pipes)
            rec["description_nl"] = row["description"].strip()
            if hidden:
                rec["hidden_labels"] = _merge(rec["hidden_labels"], _labels(row["hiddenLabels"]))

    dutch("skills_nl.csv", pipes=False, groups=False)
    for name in DUTCH_COLLECTIONS:
        dutch(name, pipes=True, groups=False)
    dutch("skillGroups_nl.csv", pipes=False, groups=True)

    # Occupations.
    occupations: dict[str, dict[str, Any]] = {}
    columns = (
        "conceptUri",
        "iscoGroup",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "description",
        "code",
    )
    f = open_csv("occupations_en.csv")
    assert f is not None
    seen = set()
    for line, row in f.rows(columns):
        uri = _value(f, line, row, "conceptUri")
        _unique(f, line, uri, seen)
        occupations[uri] = {
            "preferred_label_nl": "",
            "preferred_label_en": _value(f, line, row, "preferredLabel"),
            "alt_labels_nl": [],
            "alt_labels_en": _labels(row["altLabels"]),
            "hidden_labels": _labels(row["hiddenLabels"]),
            "description_nl": "",
            "description_en": row["description"].strip(),
            "isco_group": row["iscoGroup"].strip(),
            "code": row["code"].strip(),
        }
    f = open_csv("occupations_nl.csv")
    assert f is not None
    seen = set()
    for line, row in f.rows(columns):
        uri = _value(f, line, row, "conceptUri")
        _unique(f, line, uri, seen)
        label = _value(f, line, row, "preferredLabel")
        occupation = occupations.get(uri)
        if occupation is None:
            skip("occupations_nl.csv: beroep niet in occupations_en.csv")
            continue
        rec = occupation
        rec.update(
            preferred_label_nl=label,
            alt_labels_nl=_labels(row["altLabels"]),
            hidden_labels=_merge(rec["hidden_labels"], _labels(row["hiddenLabels"])),
            description_nl=row["description"].strip(),
        )
        if not rec["isco_group"]:
            rec["isco_group"] = row["iscoGroup"].strip()

    # Relations.
    data = TaxonomyData(version=version, checksum="", skills=skills, occupations=occupations, skipped=skipped)
    f = open_csv("broaderRelationsSkillPillar.csv")
    assert f is not None
    for line, row in f.rows(("conceptUri", "broaderUri")):
        narrower, broader = _value(f, line, row, "conceptUri"), _value(f, line, row, "broaderUri")
        if narrower not in skills or broader not in skills:
            skip(f"{f.name}: verwijst naar onbekend concept")
            continue
        data.broader.add((narrower, broader))
    f = open_csv("skillSkillRelations.csv")
    assert f is not None
    for line, row in f.rows(("originalSkillUri", "relationType", "relatedSkillUri")):
        a, b = _value(f, line, row, "originalSkillUri"), _value(f, line, row, "relatedSkillUri")
        kind = _relation_type(f, line, row)
        if a not in skills or b not in skills:
            skip(f"{f.name}: verwijst naar onbekend concept")
            continue
        data.skill_relations[(a, b)] = kind
    f = open_csv("occupationSkillRelations.csv")
    assert f is not None
    for line, row in f.rows(("occupationUri", "relationType", "skillUri")):
        occ, skill = _value(f, line, row, "occupationUri"), _value(f, line, row, "skillUri")
        kind = _relation_type(f, line, row)
        if occ not in occupations or skill not in skills:
            skip(f"{f.name}: verwijst naar onbekend concept")
            continue
        data.occupation_skills[(occ, skill)] = kind

    digest = hashlib.sha256()
    for csv_file in sorted(used, key=lambda c: c.name):
        digest.update(csv_file.name.encode() + b"\0" + hashlib.sha256(csv_file.raw).digest())
    data.checksum = digest.hexdigest()
    _check_lengths(data)
    return data


def _check_lengths(data: TaxonomyData) -> None:
    """Fail before writing when a value would not fit its database column."""
    limits = {
        "uri": 200,
        "preferred_label_nl": 300,
        "preferred_label_en": 300,
        "code": 30,
        "skill_type": 30,
        "reuse_level": 30,
        "isco_group": 10,
    }
    for kind, records in (("skill", data.skills), ("occupation", data.occupations)):
        for uri, rec in records.items():
            for key, limit in limits.items():
                value = uri if key == "uri" else rec.get(key, "")
                if len(value) > limit:
                    raise EscoError(
                        kind,
                        None,
                        _("%(field)s langer dan %(limit)d tekens: %(uri)s")
                        % {"field": key, "limit": limit, "uri": uri},
                    )


# --- Bundle ------------------------------------------------------------------------------------------------

PACKAGED_BUNDLE = Path(__file__).resolve().parent / "data" / "esco-v1.1.1.json.gz"


def write_bundle(data: TaxonomyData, path: Path | str) -> int:
    """Write the compact bundle (gzip'd JSON, columnar, relations as row indices); deterministic bytes.

    Returns the file size in bytes.
    """
    skill_uris = sorted(data.skills)
    occupation_uris = sorted(data.occupations)
    s_index = {uri: i for i, uri in enumerate(skill_uris)}
    o_index = {uri: i for i, uri in enumerate(occupation_uris)}
    kind = {t: i for i, t in enumerate(RELATION_TYPES)}
    document = {
        "format": BUNDLE_FORMAT,
        "esco_version": data.version,
        "source_checksum": data.checksum,
        "labels_adapted": data.labels_adapted,
        "attribution": "This service uses the ESCO classification of the European Commission.",
        "relation_types": list(RELATION_TYPES),
        "skill_fields": ["uri", *SKILL_FIELDS],
        "skills": [[uri, *(data.skills[uri][k] for k in SKILL_FIELDS)] for uri in skill_uris],
        "occupation_fields": ["uri", *OCCUPATION_FIELDS],
        "occupations": [
            [uri, *(data.occupations[uri][k] for k in OCCUPATION_FIELDS)] for uri in occupation_uris
        ],
        "broader": sorted([s_index[a], s_index[b]] for a, b in data.broader),
        "skill_relations": sorted(
            [s_index[a], s_index[b], kind[t]] for (a, b), t in data.skill_relations.items()
        ),
        "occupation_skills": sorted(
            [o_index[o], s_index[s], kind[t]] for (o, s), t in data.occupation_skills.items()
        ),
        "skipped": dict(sorted(data.skipped.items())),
    }
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    path.write_bytes(buffer.getvalue())
    return path.stat().st_size


def read_bundle(path: Path | str | None = None) -> TaxonomyData:
    path = Path(path) if path is not None else PACKAGED_BUNDLE
    if not path.is_file():
        raise EscoError(str(path), None, _("bundel bestaat niet"))
    try:
        document = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError) as exc:
        raise EscoError(
            path.name, None, _("geen geldige taxonomiebundel: %(error)s") % {"error": exc}
        ) from exc
    if document.get("format") != BUNDLE_FORMAT:
        raise EscoError(
            path.name, None, _("onbekend bundelformaat %(format)r") % {"format": document.get("format")}
        )
    types = document["relation_types"]
    skill_fields = document["skill_fields"][1:]
    occupation_fields = document["occupation_fields"][1:]
    skill_uris = [row[0] for row in document["skills"]]
    occupation_uris = [row[0] for row in document["occupations"]]
    return TaxonomyData(
        version=document["esco_version"],
        checksum=document["source_checksum"],
        labels_adapted=document["labels_adapted"],
        skills={row[0]: dict(zip(skill_fields, row[1:], strict=True)) for row in document["skills"]},
        occupations={
            row[0]: dict(zip(occupation_fields, row[1:], strict=True)) for row in document["occupations"]
        },
        broader={(skill_uris[a], skill_uris[b]) for a, b in document["broader"]},
        skill_relations={(skill_uris[a], skill_uris[b]): types[t] for a, b, t in document["skill_relations"]},
        occupation_skills={
            (occupation_uris[o], skill_uris[s]): types[t] for o, s, t in document["occupation_skills"]
        },
        skipped=document.get("skipped", {}),
    )
