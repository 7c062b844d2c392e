# SPDX-License-Identifier: EUPL-1.2
"""Bulk loading of synthetic portfolios for a generated Rijk (part of ``rijksportfolio generate``).

Called by ``people.loading.load_generated`` inside its transaction: :func:`generated_portfolios_clear` first
(the portfolios of generated people go, so that their people and employment records can be replaced), then
:func:`generated_portfolios_load` after the employment records are in. Rows are drawn by
``rijksportfolio.domain.generator.portfolios`` and written with COPY (PostgreSQL) or ``executemany``; ids are
reserved from the tables' sequences up front so that items, skills and their links can refer to each other
without reading anything back. A generated person's portfolio is replaced on every run, also when it was
edited through the application (generated people are test data).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.apps import apps
from django.db import connection

from rijksportfolio.domain.generator import GeneratedRijk
from rijksportfolio.domain.generator.portfolios import GeneratedPortfolios, generate_portfolios
from rijksportfolio.domain.visibility import SECTIONS, VISIBILITIES
from rijksportfolio.organisations.data import CatalogueNode
from rijksportfolio.people.loading import GENERATED, insert_rows
from rijksportfolio.people.models import Employment, Person
from rijksportfolio.portfolios.constants import SkillLevel
from rijksportfolio.portfolios.models import (
    AccessRequest,
    Endorsement,
    Evidence,
    Item,
    ItemCategory,
    Portfolio,
    PortfolioSkill,
)

LEVELS = ("", *SkillLevel.values)  # index 1..4
SECTION_COLUMN = {
    "dossier": "visibility_dossier",
    "analytisch": "visibility_analytical",
    "ambitie": "visibility_ambition",
    "vrij": "visibility_free",
    "vaardigheden": "visibility_skills",
}


@dataclass
class PortfolioLoadResult:
    portfolios: int = 0
    items: int = 0
    skills: int = 0
    seconds_generate: float = 0.0
    seconds_load: float = 0.0


def _portfolio_tables() -> list[str]:
    """Every table of the portfolios app except the categories (which are configuration, not data)."""
    return [
        m._meta.db_table
        for m in apps.get_app_config("portfolios").get_models(include_auto_created=True)
        if m is not ItemCategory
    ]


def generated_portfolios_clear(cursor: Any, *, truncate_employment: bool) -> bool:
    """Remove the portfolios of generated people; returns True when the employment table was truncated too.

    When every portfolio belongs to a generated person and nothing was uploaded, the portfolio tables are
    truncated together with ``people_employment`` (which ``TRUNCATE`` requires, as items refer to employment
    records). Otherwise the generated people's rows are deleted child tables first."""
    person, portfolio = Person._meta.db_table, Portfolio._meta.db_table
    cursor.execute(
        f"SELECT EXISTS (SELECT 1 FROM {portfolio} p JOIN {person} pe ON pe.id = p.person_id "  # noqa: S608
        f"WHERE pe.source <> %s) OR EXISTS (SELECT 1 FROM {Evidence._meta.db_table})",
        [GENERATED],
    )
    keep_some = cursor.fetchone()[0]
    if truncate_employment and not keep_some:
        cursor.execute(f"TRUNCATE {', '.join([Employment._meta.db_table, *_portfolio_tables()])}")
        return True
    mine = f"SELECT p.id FROM {portfolio} p JOIN {person} pe ON pe.id = p.person_id WHERE pe.source = %s"  # noqa: S608
    items = f"SELECT id FROM {Item._meta.db_table} WHERE portfolio_id IN ({mine})"  # noqa: S608
    skills = f"SELECT id FROM {PortfolioSkill._meta.db_table} WHERE portfolio_id IN ({mine})"  # noqa: S608
    item_skills = Item.skills.through._meta.db_table
    evidence_links = PortfolioSkill.evidence_items.through._meta.db_table
    for sql in (
        f"DELETE FROM {Evidence._meta.db_table} WHERE item_id IN ({items})",  # noqa: S608
        f"DELETE FROM {item_skills} WHERE item_id IN ({items})",  # noqa: S608
        f"DELETE FROM {evidence_links} WHERE item_id IN ({items}) OR portfolioskill_id IN ({skills})",  # noqa: S608
        f"DELETE FROM {Endorsement._meta.db_table} WHERE portfolio_skill_id IN ({skills})",  # noqa: S608
        f"DELETE FROM {AccessRequest._meta.db_table} WHERE portfolio_id IN ({mine})",  # noqa: S608
        f"DELETE FROM {PortfolioSkill._meta.db_table} WHERE portfolio_id IN ({mine})",  # noqa: S608
        f"DELETE FROM {Item._meta.db_table} WHERE portfolio_id IN ({mine})",  # noqa: S608
        f"DELETE FROM {portfolio} WHERE id IN ({mine})",  # noqa: S608
    ):
        cursor.execute(sql, [GENERATED] * sql.count("%s"))
    return False


def _drop_secondary_indexes(cursor: Any, tables: list[str]) -> list[str]:
    """Drop the indexes that back no constraint (recreated by the returned statements after the COPY: building
    an index once is much faster than maintaining it row by row)."""
    cursor.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
        "AND i.tablename = ANY(%s) AND i.indexname NOT IN (SELECT conname FROM pg_constraint)",
        [tables],
    )
    rows = cursor.fetchall()
    for name, _ in rows:
        cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _, definition in rows]


def _reserve_ids(cursor: Any, table: str, count: int) -> int:
    """First of ``count`` consecutive ids that no other insert will use."""
    if count == 0:
        return 1
    if connection.vendor == "postgresql":
        cursor.execute(f"SELECT pg_get_serial_sequence('{table}', 'id')")
        seq = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(%s)", [seq])
        first = int(cursor.fetchone()[0])
        cursor.execute("SELECT setval(%s, %s)", [seq, first + count - 1])
        return first
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608
    return int(cursor.fetchone()[0])


def _employment_ids(cursor: Any, expected_person_ids: np.ndarray) -> np.ndarray:
    """Ids of the generated employment records in record order (COPY keeps the order of the rows)."""
    cursor.execute(
        f"SELECT id, person_id FROM {Employment._meta.db_table} WHERE source = %s ORDER BY id",  # noqa: S608
        [GENERATED],
    )
    rows = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2)
    if len(rows) != len(expected_person_ids) or not np.array_equal(rows[:, 1], expected_person_ids):
        raise RuntimeError("generated employment records are not in record order; cannot link CV items")
    return rows[:, 0]


def occupation_skills_for(
    rijk: GeneratedRijk, occupation_ids: dict[str, int]
) -> tuple[list[tuple[list[int], list[int]]], dict[int, str]]:
    """(essential, optional) skill ids per generator occupation, and labels of the optional ones."""
    from rijksportfolio.skills.models import OccupationSkill, Skill

    by_occ: dict[int, tuple[list[int], list[int]]] = {oid: ([], []) for oid in occupation_ids.values()}
    rows = OccupationSkill.objects.filter(occupation_id__in=list(by_occ), skill__is_group=False).values_list(
        "occupation_id", "skill_id", "relation_type"
    )
    optional: set[int] = set()
    for occ, skill, relation in rows.order_by("occupation_id", "skill_id"):
        by_occ[occ][0 if relation == "essential" else 1].append(skill)
        if relation != "essential":
            optional.add(skill)
    labels = {
        pk: nl or en
        for pk, nl, en in Skill.objects.filter(id__in=optional).values_list(
            "id", "preferred_label_nl", "preferred_label_en"
        )
    }
    table = [by_occ.get(occupation_ids.get(uri, -1), ([], [])) for uri in rijk.occupations]
    return table, labels


def _employers(rijk: GeneratedRijk, nodes: list[CatalogueNode]) -> list[str]:
    by_code = {n.code: n for n in nodes}
    return [by_code[by_code[code].unit_code].name for code in rijk.leaf_codes]


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _text(value: str) -> str:
    if "\\" in value or "\t" in value or "\n" in value:
        return value.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")
    return value


def write_columns(
    cursor: Any, table: str, columns: dict[str, list[Any]], *, text: tuple[str, ...] = ()
) -> None:
    """Write rows given as columns: COPY on PostgreSQL (lines joined in C, no per-value Python call for
    numbers and codes; only the ``text`` columns are escaped), ``executemany`` elsewhere."""
    if not columns or not next(iter(columns.values())):
        return
    if connection.vendor != "postgresql":
        insert_rows(cursor, table, tuple(columns), iter(zip(*columns.values(), strict=True)))
        return
    as_text = []
    for name, values in columns.items():
        strings = (
            ["\\N" if v is None else str(v) for v in values] if None in values else list(map(str, values))
        )
        as_text.append(list(map(_text, strings)) if name in text else strings)
    lines = list(map("\t".join, zip(*as_text, strict=True)))
    with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for start in range(0, len(lines), 100_000):
            copy.write("\n".join(lines[start : start + 100_000]) + "\n")


def generated_portfolios_load(
    cursor: Any,
    *,
    rijk: GeneratedRijk,
    nodes: list[CatalogueNode],
    person_ids: np.ndarray,
    occupation_ids: dict[str, int],
    now: Any,
    fresh: bool = False,
) -> PortfolioLoadResult:
    """Draw and write the portfolios of everyone in service at the reference date (inside the caller's transaction).

    ``fresh``: the portfolio tables were just truncated; their secondary indexes are then rebuilt after the load."""
    t0 = time.perf_counter()
    occupation_skills, labels = occupation_skills_for(rijk, occupation_ids)
    gen: GeneratedPortfolios = generate_portfolios(
        rijk,
        occupation_skills=occupation_skills,
        skill_labels=labels,
        employer_of_leaf=_employers(rijk, nodes),
        seed=rijk.seed,
    )
    t1 = time.perf_counter()
    pg = connection.vendor == "postgresql"
    ts = now.isoformat()
    emp_ids = _employment_ids(cursor, person_ids[rijk.person])
    rebuild = _drop_secondary_indexes(cursor, _portfolio_tables()) if pg and fresh else []
    n_p, n_s, n_i = gen.portfolios, len(gen.skill_id), gen.items

    first_p = _reserve_ids(cursor, Portfolio._meta.db_table, n_p)
    pid = np.arange(first_p, first_p + n_p)
    avail_from = gen.available_from.astype("datetime64[D]").astype(str).astype(object)
    avail_from[gen.available_from < 0] = None
    hours = gen.hours.astype(object)
    hours[gen.hours == 0] = None
    vis = np.array(VISIBILITIES, dtype=object)[gen.visibility]
    portfolio_cols: dict[str, list[Any]] = {
        "id": pid.tolist(),
        "person_id": person_ids[gen.person].tolist(),
        "headline": gen.headline,
        **{SECTION_COLUMN[s]: vis[:, k].tolist() for k, s in enumerate(SECTIONS)},
        "visibility_chosen_at": [ts if c else None for c in gen.chosen.tolist()],
        "matching_consent": gen.consent.tolist(),
        "matching_consent_changed_at": [ts if c else None for c in gen.consent.tolist()],
        "show_endorsements": gen.show_endorsements.tolist(),
        "available_hours_per_week": hours.tolist(),
        "available_from": avail_from.tolist(),
        "created_at": [ts] * n_p,
        "updated_at": [ts] * n_p,
    }
    write_columns(cursor, Portfolio._meta.db_table, portfolio_cols, text=("headline",))

    first_s = _reserve_ids(cursor, PortfolioSkill._meta.db_table, n_s)
    skill_cols: dict[str, list[Any]] = {
        "id": list(range(first_s, first_s + n_s)),
        "portfolio_id": pid[gen.skill_portfolio].tolist(),
        "skill_id": gen.skill_id.tolist(),
        "level": np.array(LEVELS, dtype=object)[gen.skill_level].tolist(),
        "created_at": [ts] * n_s,
        "updated_at": [ts] * n_s,
    }
    write_columns(cursor, PortfolioSkill._meta.db_table, skill_cols)

    categories = dict(ItemCategory.objects.values_list("key", "id"))
    parts = dict(ItemCategory.objects.values_list("key", "part"))
    first_i = _reserve_ids(cursor, Item._meta.db_table, n_i)
    emp_list = emp_ids.tolist()
    item_cols: dict[str, list[Any]] = {
        "id": list(range(first_i, first_i + n_i)),
        "portfolio_id": pid[np.array(gen.item_portfolio, dtype=np.int64)].tolist(),
        "category_id": [categories[k] for k in gen.item_category],
        "part": [parts[k] for k in gen.item_category],
        "title": gen.item_title,
        "body": gen.item_body,
        "data": list(map(_json, gen.item_data)),
        "start_date": [d.isoformat() if d else None for d in gen.item_start],
        "end_date": [d.isoformat() if d else None for d in gen.item_end],
        "visibility": gen.item_visibility,
        "source": gen.item_source,
        "employment_id": [emp_list[r] if r >= 0 else None for r in gen.item_record],
        "sort_order": [0] * n_i,
        "created_at": [ts] * n_i,
        "updated_at": [ts] * n_i,
    }
    write_columns(cursor, Item._meta.db_table, item_cols, text=("title", "body", "data"))
    tags = sorted(set(gen.item_skills))
    write_columns(
        cursor,
        Item.skills.through._meta.db_table,
        {"item_id": [first_i + i for i, _ in tags], "skill_id": [s for _, s in tags]},
    )
    links = sorted(set(gen.evidence_links))
    write_columns(
        cursor,
        PortfolioSkill.evidence_items.through._meta.db_table,
        {"portfolioskill_id": [first_s + r for r, _ in links], "item_id": [first_i + i for _, i in links]},
    )
    for statement in rebuild:
        cursor.execute(statement)
    if pg:
        for model in (Portfolio, PortfolioSkill, Item):
            cursor.execute(f"ANALYZE {model._meta.db_table}")
    return PortfolioLoadResult(
        portfolios=gen.portfolios,
        items=gen.items,
        skills=n_s,
        seconds_generate=t1 - t0,
        seconds_load=time.perf_counter() - t1,
    )
