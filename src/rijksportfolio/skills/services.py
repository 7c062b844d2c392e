# SPDX-License-Identifier: EUPL-1.2
"""Writes to the ESCO taxonomy: import from the official CSV layout, load the packaged bundle.

Both go through :func:`taxonomy_apply`, which upserts by URI (the natural key) and replaces the
relation sets by difference, all in one transaction: re-applying the same data changes nothing —
no row is rewritten, no id changes, no duplicate relation appears. Concepts that a newer release no
longer contains are kept (people's records may point to them) and counted as ``kept_absent``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.db import connection, models, transaction
from django.utils.translation import gettext as _

from rijksportfolio.audit.models import AuditAction
from rijksportfolio.audit.services import audit_record
from rijksportfolio.matching.changes import matching_rebuild_requested
from rijksportfolio.skills import esco, extension_csv, normalise
from rijksportfolio.skills.esco import OCCUPATION_FIELDS, SKILL_FIELDS, TaxonomyData
from rijksportfolio.skills.models import (
    ExtensionRevision,
    LabelSource,
    Occupation,
    OccupationSkill,
    RijkLabel,
    Skill,
    SkillOrigin,
    SkillRelation,
    TaxonomyVersion,
)

VERSION_CACHE_KEY = "skills:taxonomy-version-in-use"
RIJK_LABEL_COUNT_KEY = "skills:rijk-label-count"  # selectors.rijk_label_count
BATCH = 2000


@dataclass
class ApplyResult:
    version: str
    checksum: str
    source: str
    skills: int = 0
    occupations: int = 0
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    kept_absent: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    version_recorded: bool = False
    rijk_labels: ExtensionImportResult | None = None  # the shipped Dutch labels, applied after ESCO

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(self.updated.values()) or any(self.deleted.values())


def _upsert(
    model: Any,
    records: dict[str, dict[str, Any]],
    fields: tuple[str, ...],
    result: ApplyResult,
    key: str,
    rows: Any = None,
) -> dict[str, int]:
    """Create missing rows, update changed rows; return uri -> id for every row (of ``rows``: default all)."""
    rows = model.objects.all() if rows is None else rows
    existing = {row[1]: row for row in rows.values_list("id", "uri", *fields)}
    json_fields = {f for f in fields if isinstance(model._meta.get_field(f), models.JSONField)}
    to_create: list[tuple[Any, ...]] = []
    to_update = []
    for uri, rec in records.items():
        values = tuple(rec[f] for f in fields)
        row = existing.get(uri)
        if row is None:  # plain rows, encoded as JSONField would encode them
            to_create.append((uri, *(json.dumps(rec[f]) if f in json_fields else rec[f] for f in fields)))
        elif row[2:] != values:
            to_update.append(model(id=row[0], uri=uri, **rec))
    _insert_rows(model, ("uri", *fields), to_create)
    model.objects.bulk_update(to_update, list(fields), batch_size=BATCH // 4)
    result.created[key] = len(to_create)
    result.updated[key] = len(to_update)
    result.kept_absent[key] = len(set(existing) - set(records))
    return dict(rows.values_list("uri", "id"))


def _insert_rows(model: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Insert plain rows into a large relation table without model instances (10x faster than bulk_create):
    COPY on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    qn = connection.ops.quote_name
    table, names = qn(model._meta.db_table), ", ".join(qn(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608 -- names from model meta
        for start in range(0, len(rows), 10 * BATCH):
            cursor.executemany(sql, rows[start : start + 10 * BATCH])


def _delete_ids(model: Any, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        model.objects.filter(pk__in=ids[start : start + 500]).delete()


def _replace_typed(
    model: Any, left: str, right: str, desired: dict[tuple[int, int], str], result: ApplyResult, key: str
) -> None:
    """Make the (left, right, relation_type) rows of ``model`` equal ``desired`` by difference."""
    existing = {
        (a, b): (pk, t) for pk, a, b, t in model.objects.values_list("pk", left, right, "relation_type")
    }
    stale = [pk for pair, (pk, t) in existing.items() if pair not in desired]
    changed = [
        model(pk=existing[pair][0], relation_type=t)
        for pair, t in desired.items()
        if pair in existing and existing[pair][1] != t
    ]
    new = [(a, b, t) for (a, b), t in desired.items() if (a, b) not in existing]
    _delete_ids(model, stale)
    model.objects.bulk_update(changed, ["relation_type"], batch_size=BATCH // 2)
    _insert_rows(model, (left, right, "relation_type"), new)
    result.created[key], result.updated[key], result.deleted[key] = len(new), len(changed), len(stale)


def effective_alt_labels(
    label: str, alt_labels: list[str] | tuple[str, ...], esco_label: str, esco_alt_labels: list[str]
) -> list[str]:
    """The Dutch alternative labels in effect under a Rijk label: the Rijk's own, then ESCO's preferred label
    (when it differs) and ESCO's alternatives, without repeats (case-insensitive) and without the label."""
    out: list[str] = []
    seen = {label.casefold()}
    for alt in (*alt_labels, esco_label, *esco_alt_labels):
        if alt and alt.casefold() not in seen:
            seen.add(alt.casefold())
            out.append(alt)
    return out


def _keep_rijk_labels(records: dict[str, dict[str, Any]], result: ApplyResult) -> dict[str, dict[str, Any]]:
    """ESCO's records with the Rijk's Dutch labels in effect; ESCO's own Dutch values go to the RijkLabel rows
    (so they are restored when a Rijk label is removed). Re-importing the same ESCO changes nothing."""
    out = dict(records)
    changed = []
    for rijk in RijkLabel.objects.select_related("skill"):  # a few hundred rows; no 14,000-URI IN clause
        rec = records.get(rijk.skill.uri)
        if rec is None:  # a concept this release lacks: its label stays as it is
            continue
        esco_label, esco_alts = rec["preferred_label_nl"] or "", list(rec["alt_labels_nl"] or [])
        if (rijk.esco_label_nl, rijk.esco_alt_labels_nl) != (esco_label, esco_alts):
            rijk.esco_label_nl, rijk.esco_alt_labels_nl = esco_label, esco_alts
            changed.append(rijk)
        out[rijk.skill.uri] = rec | {
            "preferred_label_nl": rijk.label,
            "alt_labels_nl": effective_alt_labels(rijk.label, rijk.alt_labels, esco_label, esco_alts),
        }
    RijkLabel.objects.bulk_update(changed, ["esco_label_nl", "esco_alt_labels_nl"], batch_size=500)
    result.updated["rijk_labels_esco"] = len(changed)
    return out


def taxonomy_apply(*, data: TaxonomyData, source: str) -> ApplyResult:
    """Write ``data`` to the database in one transaction and record the version in use."""
    result = ApplyResult(
        version=data.version, checksum=data.checksum, source=source, skipped=dict(data.skipped)
    )
    with transaction.atomic():
        skills = _keep_rijk_labels(data.skills, result)
        esco_skills = Skill.objects.filter(origin=SkillOrigin.ESCO)
        skill_ids = _upsert(Skill, skills, SKILL_FIELDS, result, "skills", esco_skills)
        occupation_ids = _upsert(Occupation, data.occupations, OCCUPATION_FIELDS, result, "occupations")

        through = Skill.broader.through
        # the broader links of Rijk skills belong to the Rijk extension, not to ESCO
        esco_links = through.objects.filter(from_skill__origin=SkillOrigin.ESCO)
        existing = {(a, b): pk for pk, a, b in esco_links.values_list("pk", "from_skill_id", "to_skill_id")}
        desired = {(skill_ids[a], skill_ids[b]) for a, b in data.broader}
        stale = [pk for pair, pk in existing.items() if pair not in desired]
        new = sorted(desired - set(existing))
        _delete_ids(through, stale)
        _insert_rows(through, ("from_skill_id", "to_skill_id"), new)
        result.created["broader"], result.updated["broader"], result.deleted["broader"] = (
            len(new),
            0,
            len(stale),
        )

        _replace_typed(
            SkillRelation,
            "skill_id",
            "related_id",
            {(skill_ids[a], skill_ids[b]): t for (a, b), t in data.skill_relations.items()},
            result,
            "skill_relations",
        )
        _replace_typed(
            OccupationSkill,
            "occupation_id",
            "skill_id",
            {(occupation_ids[o], skill_ids[s]): t for (o, s), t in data.occupation_skills.items()},
            result,
            "occupation_skills",
        )

        result.skills = Skill.objects.count()
        result.occupations = Occupation.objects.count()
        latest = TaxonomyVersion.objects.order_by("-imported_at", "-id").first()
        if latest is not None and (latest.version, latest.checksum) == (data.version, data.checksum):
            if (latest.skills, latest.occupations) != (result.skills, result.occupations):
                latest.skills, latest.occupations = result.skills, result.occupations
                latest.save(update_fields=["skills", "occupations"])
        else:
            TaxonomyVersion.objects.create(
                version=data.version,
                source=source[:200],
                checksum=data.checksum,
                skills=result.skills,
                occupations=result.occupations,
            )
            result.version_recorded = True
        if result.changed:  # labels, broader and related edges: every matching index is rebuilt
            matching_rebuild_requested()
    cache.delete(VERSION_CACHE_KEY)
    return result


def taxonomy_import(*, directory: Path | str, version: str = "1.1.1") -> ApplyResult:
    """``taxonomy import DIR``: validate the whole ESCO CSV directory first, then apply it."""
    data = esco.read_esco_dir(directory, version=version)
    result = taxonomy_apply(data=data, source=f"esco-csv:{Path(directory).resolve()}")
    result.rijk_labels = rijk_labels_load_shipped()
    return result


def taxonomy_load_bundle(*, path: Path | str | None = None) -> ApplyResult:
    """``taxonomy load-bundle``: load the bundle shipped in the package (or ``path``)."""
    bundle = Path(path) if path is not None else esco.PACKAGED_BUNDLE
    data = esco.read_bundle(bundle)
    result = taxonomy_apply(data=data, source=f"bundle:{bundle.name}")
    result.rijk_labels = rijk_labels_load_shipped()
    return result


# --- the Rijk extension: Dutch labels for ESCO skills and Rijk-specific skills ---------------------------


class ExtensionError(Exception):
    """A write to the Rijk extension was refused; ``errors`` are Dutch messages (per field or per line)."""

    def __init__(self, errors: list[str] | dict[str, list[str]]) -> None:
        self.errors = errors
        messages = errors if isinstance(errors, list) else [m for ms in errors.values() for m in ms]
        super().__init__("; ".join(messages))


def _bump_revision() -> None:
    """Move the extension revision (normaliser caches in every process rebuild on their next use)."""
    if not ExtensionRevision.objects.filter(pk=1).update(revision=models.F("revision") + 1):
        ExtensionRevision.objects.get_or_create(pk=1, defaults={"revision": 1})
    normalise.reset_cache()
    cache.delete(RIJK_LABEL_COUNT_KEY)


def _audit(actor: Any, action: str, skill: Skill, purpose: str) -> None:
    audit_record(actor=actor, action=action, object_type="skills.Skill", object_id=skill.pk, purpose=purpose)


def _label_errors(label: str, alt_labels: tuple[str, ...]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    problem = extension_csv.check_label(label, what=_("De naam"))
    if problem:
        errors["naam"] = [problem]
    if len(alt_labels) > extension_csv.MAX_ALT_LABELS:
        errors["alternatieveNamen"] = [_("Hoogstens %(max)d namen.") % {"max": extension_csv.MAX_ALT_LABELS}]
    for alt in alt_labels:
        problem = extension_csv.check_label(alt, what=_("Een alternatieve naam"))
        if problem:
            errors["alternatieveNamen"] = [problem]
            break
    return errors


def _clean_alts(label: str, alt_labels: Any) -> tuple[str, ...]:
    joined = extension_csv.ALT_SEPARATOR.join(alt_labels or ())
    return tuple(a for a in extension_csv.split_alt_labels(joined) if a.casefold() != label.casefold())


def _set_label(*, actor: Any, skill: Skill, label: str, alt_labels: tuple[str, ...], source: str) -> str:
    """Write one Rijk label (no checks, no revision bump); return "created", "updated" or ""."""
    rijk = RijkLabel.objects.filter(skill=skill).first()
    user = actor if getattr(actor, "is_authenticated", False) else None
    if rijk is None:
        rijk = RijkLabel(
            skill=skill,
            esco_label_nl=skill.preferred_label_nl,
            esco_alt_labels_nl=list(skill.alt_labels_nl),
        )
        outcome = "created"
    elif rijk.label == label and list(rijk.alt_labels) == list(alt_labels):
        return ""
    else:
        outcome = "updated"
    rijk.label, rijk.alt_labels, rijk.source, rijk.changed_by = label, list(alt_labels), source, user
    rijk.save()
    skill.preferred_label_nl = label
    skill.alt_labels_nl = effective_alt_labels(label, alt_labels, rijk.esco_label_nl, rijk.esco_alt_labels_nl)
    skill.save(update_fields=["preferred_label_nl", "alt_labels_nl"])
    return outcome


def dutch_label_set(
    *, actor: Any, skill: Skill, label: str, alt_labels: Any = (), source: str = LabelSource.ADMIN
) -> bool:
    """Give an ESCO skill the Rijk's Dutch label (and alternative labels); True when anything changed.

    The label wins over ESCO's own Dutch label (kept, and restored by :func:`dutch_label_remove`) and survives
    every later ESCO import. Audited; moves the extension revision."""
    label = extension_csv.clean_label(label or "")
    alts = _clean_alts(label, alt_labels)
    if skill.origin != SkillOrigin.ESCO or skill.is_group:
        raise ExtensionError(
            {"vaardigheid": [_("Alleen ESCO-vaardigheden krijgen een Nederlandse naam van het Rijk.")]}
        )
    errors = _label_errors(label, alts)
    if errors:
        raise ExtensionError(errors)
    with transaction.atomic():
        outcome = _set_label(actor=actor, skill=skill, label=label, alt_labels=alts, source=source)
        if outcome:
            _bump_revision()
            _audit(
                actor, AuditAction.CREATE if outcome == "created" else AuditAction.UPDATE, skill, "rijk-label"
            )
    return bool(outcome)


def dutch_label_remove(*, actor: Any, skill: Skill) -> bool:
    """Remove the Rijk's Dutch label: ESCO's own Dutch values (possibly none: English shown) return."""
    with transaction.atomic():
        rijk = RijkLabel.objects.select_for_update().filter(skill=skill).first()
        if rijk is None:
            return False
        skill.preferred_label_nl = rijk.esco_label_nl
        skill.alt_labels_nl = list(rijk.esco_alt_labels_nl)
        skill.save(update_fields=["preferred_label_nl", "alt_labels_nl"])
        rijk.delete()
        _bump_revision()
        _audit(actor, AuditAction.DELETE, skill, "rijk-label")
    return True


def _broader_concept(uri: str) -> Skill | None:
    return Skill.objects.filter(uri=uri, origin=SkillOrigin.ESCO).first()


def _save_rijk_skill(*, row: extension_csv.ExtensionRow, broader: Skill) -> tuple[Skill, str]:
    """Create or update one Rijk skill from a checked row; return it and "created", "updated" or ""."""
    values = {
        "preferred_label_nl": row.label,
        "alt_labels_nl": list(row.alt_labels),
        "description_nl": row.description,
        "skill_type": row.skill_type,
    }
    skill = Skill.objects.filter(uri=row.uri).first()
    if skill is None:
        skill = Skill.objects.create(uri=row.uri, origin=SkillOrigin.RIJK, preferred_label_en="", **values)
        skill.broader.set([broader])
        return skill, "created"
    changed = [k for k, v in values.items() if getattr(skill, k) != v]
    for key in changed:
        setattr(skill, key, values[key])
    if changed:
        skill.save(update_fields=changed)
    if list(skill.broader.values_list("pk", flat=True)) != [broader.pk]:
        skill.broader.set([broader])
        changed.append("broader")
    return skill, "updated" if changed else ""


def rijk_skill_save(
    *,
    actor: Any,
    key: str,
    label: str,
    broader_uri: str,
    alt_labels: Any = (),
    description: str = "",
    kind: str = "vaardigheid",
    create: bool | None = None,
) -> tuple[Skill, bool]:
    """Create or change a Rijk-specific skill (``urn:rijksportfolio:vaardigheid:<key>``) below an ESCO concept.

    ``create=True`` refuses an existing key, ``False`` a missing one, ``None`` accepts both. Returns the skill
    and whether anything changed. Audited; moves the extension revision."""
    label = extension_csv.clean_label(label or "")
    alts = _clean_alts(label, alt_labels)
    description = (description or "").strip()
    errors = _label_errors(label, alts)
    problem = extension_csv.check_key(key)
    if problem:
        errors["sleutel"] = [problem]
    uri = extension_csv.rijk_uri(key)
    exists = Skill.objects.filter(uri=uri).exists()
    if create is True and exists:
        errors["sleutel"] = [_("Er is al een Rijk-vaardigheid met sleutel %(key)s.") % {"key": key}]
    if create is False and not exists:
        errors["sleutel"] = [_("Er is geen Rijk-vaardigheid met sleutel %(key)s.") % {"key": key}]
    if kind not in extension_csv.KINDS:
        errors["soort"] = [_("Kies vaardigheid of kennis.")]
    if len(description) > extension_csv.MAX_DESCRIPTION:
        errors["omschrijving"] = [_("Hoogstens %(max)d tekens.") % {"max": extension_csv.MAX_DESCRIPTION}]
    broader = _broader_concept(broader_uri.strip())
    if broader is None:
        errors["breder"] = [_("Geen ESCO-vaardigheid of -vaardigheidsgroep met deze URI.")]
    if errors:
        raise ExtensionError(errors)
    assert broader is not None
    row = extension_csv.ExtensionRow(
        line=0,
        uri=uri,
        label=label,
        alt_labels=alts,
        description=description,
        skill_type=extension_csv.KINDS[kind],
        broader=broader.uri,
    )
    with transaction.atomic():
        skill, outcome = _save_rijk_skill(row=row, broader=broader)
        if outcome:
            _bump_revision()
            _audit(
                actor, AuditAction.CREATE if outcome == "created" else AuditAction.UPDATE, skill, "rijk-skill"
            )
    return skill, bool(outcome)


def skill_usage(skill: Skill) -> int:
    """How many records outside the taxonomy point to ``skill`` (portfolios, opportunities, …)."""
    count = 0
    for rel in Skill._meta.related_objects:
        if rel.related_model._meta.app_label == "skills":
            continue
        count += rel.related_model._base_manager.filter(**{rel.field.name: skill}).count()
    return count


def rijk_skill_delete(*, actor: Any, skill: Skill) -> None:
    """Delete a Rijk skill that nothing uses (else refused: people's records point to it)."""
    if skill.origin != SkillOrigin.RIJK:
        raise ExtensionError([_("Alleen Rijk-vaardigheden kunnen worden verwijderd.")])
    used = skill_usage(skill)
    if used:
        raise ExtensionError(
            [
                _(
                    "Deze vaardigheid is in gebruik (%(count)d keer, bijvoorbeeld in portfolio's); verwijderen kan niet."
                )
                % {"count": used}
            ]
        )
    with transaction.atomic():
        _audit(actor, AuditAction.DELETE, skill, "rijk-skill")
        skill.delete()
        _bump_revision()


@dataclass
class ExtensionImportResult:
    labels: dict[str, int] = field(default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0})
    rijk_skills: dict[str, int] = field(default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0})
    kept: int = 0  # shipped labels not applied because a taxonomy administrator set one
    unknown: int = 0  # shipped labels for URIs this ESCO release lacks

    @property
    def changed(self) -> bool:
        counts = (self.labels, self.rijk_skills)
        return any(c["created"] or c["updated"] for c in counts)


def rijk_extension_apply(
    *, actor: Any, rows: list[extension_csv.ExtensionRow], source: str, shipped: bool = False
) -> ExtensionImportResult:
    """Apply checked rows all or nothing, idempotent by URI (rows already in effect change nothing).

    An administrator's import (``shipped=False``) refuses unknown URIs with their line numbers. The shipped
    hand translations (``shipped=True``) skip URIs another ESCO release lacks and never replace a label a
    taxonomy administrator gave."""
    result = ExtensionImportResult()
    esco_uris = [r.uri for r in rows if not r.is_rijk]
    skills = Skill.objects.filter(uri__in=esco_uris, origin=SkillOrigin.ESCO, is_group=False).in_bulk(
        field_name="uri"
    )
    broader_uris = {r.broader for r in rows if r.is_rijk}
    broader = Skill.objects.filter(uri__in=broader_uris, origin=SkillOrigin.ESCO).in_bulk(field_name="uri")
    errors: list[str] = []
    for row in rows:
        if not row.is_rijk and row.uri not in skills:
            if shipped:
                continue
            errors.append(
                str(
                    extension_csv.RowError(
                        row.line, "uri", _("geen ESCO-vaardigheid met deze URI in de taxonomie")
                    )
                )
            )
        if row.is_rijk and row.broader not in broader:
            errors.append(
                str(
                    extension_csv.RowError(
                        row.line, "breder", _("geen ESCO-concept met URI %(uri)s") % {"uri": row.broader}
                    )
                )
            )
    if errors:
        raise ExtensionError(errors)
    existing = {rl.skill_id: rl for rl in RijkLabel.objects.filter(skill__in=list(skills.values()))}
    with transaction.atomic():
        for row in rows:
            if row.is_rijk:
                _skill, outcome = _save_rijk_skill(row=row, broader=broader[row.broader])
                result.rijk_skills[outcome or "unchanged"] += 1
                continue
            target = skills.get(row.uri)
            if target is None:
                result.unknown += 1
                continue
            current = existing.get(target.pk)
            if shipped and current is not None and current.source == LabelSource.ADMIN:
                result.kept += 1
                continue
            outcome = _set_label(
                actor=actor, skill=target, label=row.label, alt_labels=row.alt_labels, source=source
            )
            result.labels[outcome or "unchanged"] += 1
        if result.changed:
            _bump_revision()
            audit_record(
                actor=actor,
                action=AuditAction.IMPORT,
                object_type="skills.RijkExtension",
                purpose=_("%(labels)d namen, %(skills)d Rijk-vaardigheden nieuw of gewijzigd")
                % {
                    "labels": result.labels["created"] + result.labels["updated"],
                    "skills": result.rijk_skills["created"] + result.rijk_skills["updated"],
                },
            )
    return result


def rijk_extension_import(*, actor: Any, data: bytes) -> ExtensionImportResult:
    """An administrator's CSV import (``taxonomy import-rijk``, the import page, the API): the whole file is
    checked first; any error (with its line) refuses the whole file, nothing is written."""
    try:
        parsed = extension_csv.parse(data)
    except extension_csv.ExtensionFileError as exc:
        raise ExtensionError([str(exc)]) from exc
    if parsed.errors:
        raise ExtensionError([str(e) for e in parsed.errors])
    return rijk_extension_apply(actor=actor, rows=parsed.rows, source=LabelSource.ADMIN)


SHIPPED_LABELS = Path(__file__).resolve().parent / "data" / "rijk_labels_nl.csv"


def rijk_labels_load_shipped(*, path: Path | None = None) -> ExtensionImportResult:
    """Load the Dutch labels shipped with the product (hand translations by the Rijksportfolio team)."""
    parsed = extension_csv.parse((path or SHIPPED_LABELS).read_bytes())
    if parsed.errors:  # a packaging error: the shipped file is tested
        raise ExtensionError([str(e) for e in parsed.errors])
    return rijk_extension_apply(actor=None, rows=parsed.rows, source=LabelSource.TEAM, shipped=True)
