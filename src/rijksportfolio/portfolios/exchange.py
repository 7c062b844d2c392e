# SPDX-License-Identifier: EUPL-1.2
"""Export and import of a whole portfolio as versioned JSON (schema ``data/export-schema-1.0.json``).

The portfolio belongs to the person: on leaving the Rijk they export it, and on returning they import it
into their (new) portfolio. The document holds the settings, the visibility of every section, the consent
for matching, all items (category by *key*, with data), the evidence files (base64 with SHA-256) and the
skills profile (skills by ESCO URI, with level and supporting items). Endorsements (they are colleagues'),
access requests and grants (relations inside the Rijk that expire anyway) are not exported.

Import is two steps: :func:`import_plan` validates *everything* first — JSON Schema, categories, item data
against the category's fields, dates, evidence (base64, size, SHA-256 and the same content checks as an
upload) and skill references — and reports each problem with a JSON pointer and a Dutch message; only a
document without problems gets a plan. ``services.portfolio_import`` then applies the plan all-or-nothing
and idempotently (see there). Unknown skill URIs (a newer or older ESCO) are not an error: they are
reported as warnings and left out.

Categories are matched by key. A key this installation does not know is imported as a *retired copy* of
the exported definition: the items stay readable and editable, but nobody can make new items with it —
the same rule as for a category an administrator retired. See docs/operators/portfolio-export.md.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from rijksportfolio import __version__
from rijksportfolio.audit.models import AuditAction, AuditOutcome
from rijksportfolio.audit.services import audit_record
from rijksportfolio.domain import portfolio_schema
from rijksportfolio.portfolios import access, uploads
from rijksportfolio.portfolios.constants import EXPORT_SCHEMA_VERSION
from rijksportfolio.portfolios.models import SECTION_FIELDS, Item, ItemCategory, Portfolio
from rijksportfolio.skills.models import Skill

SCHEMA_ID = "rijksportfolio-portfolio-export"
SCHEMA_PATH = Path(__file__).parent / "data" / f"export-schema-{EXPORT_SCHEMA_VERSION}.json"
MAX_IMPORT_BYTES = 512 * 1024 * 1024
OBJECT_TYPE_EXPORT = "portfolio_export"
OBJECT_TYPE_IMPORT = "portfolio_import"


@lru_cache(maxsize=1)
def export_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def owner_only(*, user: Any, portfolio: Portfolio, object_type: str) -> None:
    if access.portfolio_export_allowed(user=user, portfolio=portfolio):
        return
    audit_record(
        actor=user,
        action=AuditAction.EXPORT if object_type == OBJECT_TYPE_EXPORT else AuditAction.IMPORT,
        object_type=object_type,
        object_id=portfolio.pk,
        subject_person=portfolio.person,
        outcome=AuditOutcome.DENIED,
    )
    raise PermissionDenied


# --- export ------------------------------------------------------------------------------------------


def _items(portfolio: Portfolio) -> list[Item]:
    return list(
        Item.objects.filter(portfolio=portfolio)
        .select_related("category")
        .prefetch_related("skills", "evidence")
        .order_by("part", "sort_order", "-start_date", "id")
    )


def _evidence_document(evidence: Any) -> dict[str, Any]:
    with evidence.file.open("rb") as handle:
        content = handle.read()
    return {
        "bestandsnaam": evidence.display_name,
        "soort": evidence.content_type,
        "grootte": len(content),
        "sha256": evidence.sha256,
        "inhoud": base64.b64encode(content).decode("ascii"),
    }


def _category_document(category: ItemCategory) -> dict[str, Any]:
    return {
        "sleutel": category.key,
        "deel": category.part,
        "naamNl": category.label_nl,
        "naamEn": category.label_en,
        "toelichtingNl": category.description_nl,
        "toelichtingEn": category.description_en,
        "velden": category.fields,
        "bewijsstukkenToegestaan": category.allows_evidence,
        "buitenGebruik": category.is_retired,
    }


def export_document(*, portfolio: Portfolio) -> dict[str, Any]:
    """The whole portfolio as a JSON-ready dict (no permission check; see :func:`portfolio_export`)."""
    items = _items(portfolio)
    refs = {item.pk: f"item-{index}" for index, item in enumerate(items, start=1)}
    categories: dict[str, ItemCategory] = {item.category.key: item.category for item in items}
    skills = (
        portfolio.skills.select_related("skill").prefetch_related("evidence_items").order_by("skill__uri")
    )
    return {
        "schema": SCHEMA_ID,
        "schemaVersie": EXPORT_SCHEMA_VERSION,
        "geexporteerdOp": timezone.now().isoformat(),
        "bron": {"applicatie": "Rijksportfolio", "versie": __version__},
        "medewerker": {"naam": portfolio.person.full_name},
        "portfolio": {
            "kopregel": portfolio.headline,
            "zichtbaarheid": {section: portfolio.section_visibility(section) for section in SECTION_FIELDS},
            "zichtbaarheidGekozenOp": _iso(portfolio.visibility_chosen_at),
            "toestemmingMatching": portfolio.matching_consent,
            "toestemmingMatchingGewijzigdOp": _iso(portfolio.matching_consent_changed_at),
            "onderschrijvingenTonen": portfolio.show_endorsements,
            "beschikbaarUrenPerWeek": portfolio.available_hours_per_week,
            "beschikbaarVanaf": _iso(portfolio.available_from),
        },
        "categorieen": [_category_document(c) for _, c in sorted(categories.items())],
        "items": [
            {
                "id": refs[item.pk],
                "categorie": item.category.key,
                "deel": item.part,
                "titel": item.title,
                "toelichting": item.body,
                "gegevens": item.data,
                "van": _iso(item.start_date),
                "tot": _iso(item.end_date),
                "zichtbaarheid": item.visibility,
                "herkomst": item.source,
                "volgorde": item.sort_order,
                "vaardigheden": sorted(skill.uri for skill in item.skills.all()),
                "bewijsstukken": [_evidence_document(e) for e in item.evidence.all()],
            }
            for item in items
        ],
        "vaardigheden": [
            {
                "uri": ps.skill.uri,
                "label": ps.skill.preferred_label_nl or ps.skill.preferred_label_en,
                "niveau": ps.level,
                "onderbouwing": sorted(refs[i.pk] for i in ps.evidence_items.all() if i.pk in refs),
            }
            for ps in skills
        ],
    }


def export_json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def portfolio_export(*, user: Any, portfolio: Portfolio) -> bytes:
    """Owner only: the export as UTF-8 JSON bytes. Audited (action export), also when denied."""
    owner_only(user=user, portfolio=portfolio, object_type=OBJECT_TYPE_EXPORT)
    document = export_document(portfolio=portfolio)
    audit_record(
        actor=user,
        action=AuditAction.EXPORT,
        object_type=OBJECT_TYPE_EXPORT,
        object_id=portfolio.pk,
        subject_person=portfolio.person,
        purpose="json",
    )
    return export_json(document)


def export_filename(extension: str) -> str:
    return f"portfolio-{timezone.localdate().isoformat()}{extension}"


# --- import: validation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    """One problem in an import document: where (JSON pointer, RFC 6901) and what (Dutch)."""

    pointer: str
    message: str


@dataclass(frozen=True)
class ImportResult:
    """What an import did. A second import of the same file has ``changed`` False."""

    items_created: int
    items_unchanged: int
    evidence_added: int
    skills_changed: int
    categories_created: int
    settings_changed: bool
    warnings: list[ImportProblem]

    @property
    def changed(self) -> bool:
        return bool(
            self.items_created
            or self.evidence_added
            or self.skills_changed
            or self.categories_created
            or self.settings_changed
        )


@dataclass
class PlannedEvidence:
    display_name: str
    checked: uploads.CheckedUpload


@dataclass
class PlannedItem:
    ref: str
    category_key: str
    part: str
    title: str
    body: str
    data: dict[str, Any]
    start_date: date | None
    end_date: date | None
    visibility: str
    sort_order: int
    skill_uris: list[str]
    evidence: list[PlannedEvidence]


@dataclass
class PlannedSkill:
    skill: Skill
    level: str
    refs: list[str]


@dataclass
class ImportPlan:
    """What an import will do. ``new_categories``: definitions to create as retired copies."""

    settings: dict[str, Any]
    new_categories: list[dict[str, Any]]
    items: list[PlannedItem]
    skills: list[PlannedSkill]
    skills_by_uri: dict[str, Skill]
    warnings: list[ImportProblem] = field(default_factory=list)


def pointer(*parts: str | int) -> str:
    """RFC 6901 JSON pointer from path parts (``~`` and ``/`` escaped)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _schema_message(error: Any) -> str:
    kind = error.validator
    if kind == "required":
        missing = [name for name in error.validator_value if name not in (error.instance or {})]
        return _("Verplicht veld ontbreekt: %(name)s.") % {"name": ", ".join(missing)}
    if kind == "additionalProperties":
        return _("Onbekend veld; dit hoort niet in een portfolio-export.")
    if kind == "type":
        return _("Verkeerd soort waarde (verwacht: %(type)s).") % {"type": error.validator_value}
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        return _("Ongeldige waarde; toegestaan: %(allowed)s.") % {
            "allowed": ", ".join(json.dumps(a, ensure_ascii=False) for a in allowed)
        }
    if kind == "maxLength":
        return _("Te lang: hoogstens %(max)s tekens.") % {"max": error.validator_value}
    if kind == "minLength":
        return _("Mag niet leeg zijn.")
    if kind in ("minimum", "maximum"):
        return _("Waarde buiten het toegestane bereik.")
    if kind == "pattern":
        return _("Ongeldige waarde (verkeerde vorm).")
    return _("Ongeldige waarde.")


def _schema_problems(document: Any) -> list[ImportProblem]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(export_schema())
    problems = [
        ImportProblem(pointer(*error.absolute_path), _schema_message(error))
        for error in validator.iter_errors(document)
    ]
    return sorted(problems, key=lambda p: p.pointer)


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _data_message(problem: portfolio_schema.Problem) -> str:
    from rijksportfolio.portfolios.services import schema_message  # services imports this module

    return schema_message(problem)


def _decode_evidence(
    entry: dict[str, Any], at: str, allowed: bool, problems: list[ImportProblem]
) -> PlannedEvidence | None:
    if not allowed:
        problems.append(ImportProblem(at, _("Deze categorie staat geen bewijsstukken toe.")))
        return None
    try:
        content = base64.b64decode(entry["inhoud"], validate=True)
    except (binascii.Error, ValueError):
        problems.append(ImportProblem(at + pointer("inhoud"), _("Geen geldige base64-inhoud.")))
        return None
    if len(content) != entry["grootte"]:
        problems.append(ImportProblem(at + pointer("grootte"), _("De grootte klopt niet met de inhoud.")))
        return None
    try:
        checked = uploads.check_upload(content, name=entry["bestandsnaam"])
    except ValidationError as exc:
        problems.extend(ImportProblem(at + pointer("inhoud"), m) for m in exc.messages)
        return None
    if checked.sha256 != entry["sha256"]:
        problems.append(
            ImportProblem(
                at + pointer("sha256"), _("De SHA-256 klopt niet: het bestand is beschadigd of gewijzigd.")
            )
        )
        return None
    if checked.content_type != entry["soort"]:
        problems.append(
            ImportProblem(at + pointer("soort"), _("Het soort bestand klopt niet met de inhoud."))
        )
        return None
    return PlannedEvidence(display_name=checked.display_name, checked=checked)


def _categories(document: dict[str, Any], problems: list[ImportProblem]) -> tuple[dict[str, Any], list]:
    """Category key → local ItemCategory or exported definition (a retired copy to create)."""
    exported = {}
    for index, definition in enumerate(document["categorieen"]):
        key = definition["sleutel"]
        if key in exported:
            problems.append(
                ImportProblem(
                    pointer("categorieen", index, "sleutel"), _("Deze categorie staat er twee keer in.")
                )
            )
        exported[key] = (index, definition)
    local = {
        c.key: c for c in ItemCategory.objects.filter(key__in=[i["categorie"] for i in document["items"]])
    }
    resolved: dict[str, Any] = dict(local)
    new: list[dict[str, Any]] = []
    for key in sorted({i["categorie"] for i in document["items"]} - set(local)):
        if key not in exported:
            continue  # reported per item
        index, definition = exported[key]
        field_problems = portfolio_schema.validate_fields(definition["velden"])
        if field_problems:
            problems.append(
                ImportProblem(
                    pointer("categorieen", index, "velden"), _("De velden van deze categorie zijn ongeldig.")
                )
            )
            continue
        resolved[key] = definition
        new.append(definition)
    return resolved, new


def _category_fields(category: Any) -> tuple[str, list, bool]:
    if isinstance(category, ItemCategory):
        return category.part, category.fields, category.allows_evidence
    return category["deel"], category["velden"], category["bewijsstukkenToegestaan"]


def _plan_items(
    document: dict[str, Any], categories: dict[str, Any], problems: list[ImportProblem]
) -> list[PlannedItem]:
    planned: list[PlannedItem] = []
    seen: set[str] = set()
    for index, entry in enumerate(document["items"]):
        at = pointer("items", index)
        if entry["id"] in seen:
            problems.append(ImportProblem(pointer("items", index, "id"), _("Dit id komt twee keer voor.")))
        seen.add(entry["id"])
        category = categories.get(entry["categorie"])
        if category is None:
            problems.append(
                ImportProblem(
                    pointer("items", index, "categorie"),
                    _("Onbekende categorie %(key)s, en de definitie ervan staat niet in het bestand.")
                    % {"key": entry["categorie"]},
                )
            )
            continue
        part, fields, allows_evidence = _category_fields(category)
        if entry["deel"] != part:
            problems.append(
                ImportProblem(pointer("items", index, "deel"), _("Deze categorie hoort bij een ander deel."))
            )
        data, data_problems = portfolio_schema.validate_data(fields, entry.get("gegevens") or {})
        for problem in data_problems:
            where = pointer("items", index, "gegevens", problem.field) if problem.field != "data" else at
            problems.append(ImportProblem(where, _data_message(problem)))
        start, end = _date(entry.get("van")), _date(entry.get("tot"))
        if start and end and end < start:
            problems.append(
                ImportProblem(pointer("items", index, "tot"), _("De einddatum ligt vóór de begindatum."))
            )
        evidence = [
            _decode_evidence(e, pointer("items", index, "bewijsstukken", n), allows_evidence, problems)
            for n, e in enumerate(entry.get("bewijsstukken") or [])
        ]
        planned.append(
            PlannedItem(
                ref=entry["id"],
                category_key=entry["categorie"],
                part=part,
                title=entry["titel"],
                body=entry.get("toelichting", ""),
                data=data,
                start_date=start,
                end_date=end,
                visibility=entry.get("zichtbaarheid", ""),
                sort_order=entry.get("volgorde", 0),
                skill_uris=list(dict.fromkeys(entry.get("vaardigheden") or [])),
                evidence=[e for e in evidence if e is not None],
            )
        )
    return planned


def _skills(
    document: dict[str, Any], refs: set[str], problems: list[ImportProblem], warnings: list[ImportProblem]
) -> tuple[list[PlannedSkill], dict[str, Skill]]:
    uris = {s["uri"] for s in document["vaardigheden"]} | {
        uri for item in document["items"] for uri in item.get("vaardigheden") or []
    }
    known = {s.uri: s for s in Skill.objects.filter(uri__in=uris, is_group=False)}
    for index, item in enumerate(document["items"]):
        for n, uri in enumerate(item.get("vaardigheden") or []):
            if uri not in known:
                warnings.append(
                    ImportProblem(
                        pointer("items", index, "vaardigheden", n),
                        _("Onbekende vaardigheid; niet overgenomen."),
                    )
                )
    planned: list[PlannedSkill] = []
    seen: set[str] = set()
    for index, entry in enumerate(document["vaardigheden"]):
        if entry["uri"] in seen:
            problems.append(
                ImportProblem(
                    pointer("vaardigheden", index, "uri"), _("Deze vaardigheid staat er twee keer in.")
                )
            )
            continue
        seen.add(entry["uri"])
        for n, ref in enumerate(entry.get("onderbouwing") or []):
            if ref not in refs:
                problems.append(
                    ImportProblem(
                        pointer("vaardigheden", index, "onderbouwing", n),
                        _("Verwijst naar een item dat niet bestaat."),
                    )
                )
        skill = known.get(entry["uri"])
        if skill is None:
            warnings.append(
                ImportProblem(
                    pointer("vaardigheden", index, "uri"), _("Onbekende vaardigheid; niet overgenomen.")
                )
            )
            continue
        planned.append(
            PlannedSkill(skill=skill, level=entry["niveau"], refs=list(entry.get("onderbouwing") or []))
        )
    return planned, known


def _settings(document: dict[str, Any]) -> dict[str, Any]:
    p = document["portfolio"]
    settings = {SECTION_FIELDS[section]: value for section, value in p["zichtbaarheid"].items()}
    settings.update(
        headline=p["kopregel"],
        matching_consent=p["toestemmingMatching"],
        show_endorsements=p["onderschrijvingenTonen"],
        available_hours_per_week=p.get("beschikbaarUrenPerWeek"),
        available_from=_date(p.get("beschikbaarVanaf")),
    )
    return settings


def parse_document(raw: bytes | str) -> tuple[Any, list[ImportProblem]]:
    if len(raw) > MAX_IMPORT_BYTES:
        return None, [ImportProblem("", _("Het bestand is te groot om te importeren."))]
    try:
        return json.loads(raw), []
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        message = _("Dit is geen geldig JSON-bestand.")
        if line:
            message += " " + _("Fout op regel %(line)s.") % {"line": line}
        return None, [ImportProblem("", message)]


def import_plan(document: Any) -> tuple[ImportPlan | None, list[ImportProblem]]:
    """Validate an export document fully. (plan, []) when it can be imported, else (None, problems)."""
    if not isinstance(document, dict) or document.get("schema") != SCHEMA_ID:
        return None, [ImportProblem("/schema", _("Dit is geen portfolio-export van Rijksportfolio."))]
    version = str(document.get("schemaVersie", ""))
    if version.split(".")[0] != EXPORT_SCHEMA_VERSION.split(".")[0]:
        return None, [
            ImportProblem(
                "/schemaVersie",
                _("Versie %(version)s van het exportformaat wordt niet ondersteund (wel: %(supported)s).")
                % {"version": version, "supported": EXPORT_SCHEMA_VERSION},
            )
        ]
    problems = _schema_problems(document)
    if problems:
        return None, problems
    warnings: list[ImportProblem] = []
    categories, new_categories = _categories(document, problems)
    items = _plan_items(document, categories, problems)
    skills, known = _skills(document, {i["id"] for i in document["items"]}, problems, warnings)
    if problems:
        return None, problems
    plan = ImportPlan(
        settings=_settings(document),
        new_categories=new_categories,
        items=items,
        skills=skills,
        skills_by_uri=known,
        warnings=warnings,
    )
    return plan, []


def problems_error(problems: list[ImportProblem]) -> ValidationError:
    """The problems as a ``ValidationError`` keyed by JSON pointer (``""`` for the document)."""
    by_pointer: dict[str, list[str]] = {}
    for problem in problems:
        by_pointer.setdefault(problem.pointer, []).append(problem.message)
    return ValidationError(by_pointer, code="import_invalid")
