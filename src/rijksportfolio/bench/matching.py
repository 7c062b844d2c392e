# SPDX-License-Identifier: EUPL-1.2
"""Matching engine latency (top-50 with explanations and filters) beside a PostgreSQL join baseline.

Synthetic people from ESCO occupations in the packaged bundle (seeded): each person gets one occupation,
about 80 % of its essential skills and about four of its optional skills, levels 1–4 at random, visible
text = the occupation's Dutch label and three of the person's skill labels, hours, a work location near
one of twelve Dutch cities, a scale 4–16, one of 120 organisations, consent for 90 %. Queries: an
occupation's essential skills (at most 12, minimum level 1–3) plus up to two optional skills as
nice-to-have, a free-text term for half of them, and filters (hours, distance, scale range,
organisations) at random.

Baseline (PostgreSQL only): the same consenting people loaded with COPY into a scratch schema
(``person``, ``person_skill`` with an index on (skill, person_id, level), ``tsvector`` of the same text),
the same expanded skill list with weights sent as arrays and joined, best path per requirement
(``max``), ``GROUP BY`` person, filters in SQL, ``ts_rank`` for the text, ``ORDER BY score DESC, id
LIMIT 50``. The schema is dropped afterwards. ``agreement`` = mean overlap of the top-50 ids of engine
and SQL for queries without text (same scoring, so it should be 1.0).

A second PostgreSQL baseline in the same run: full-text search alone (``fts_query``): the labels of the
required skills and the free text as an OR ``tsquery`` over the same ``tsvector`` (GIN index), ``ts_rank``,
the same filters. ``fts_overlap`` = mean overlap of its top-50 with the engine's (a different ranking, so
this measures how far plain text search is from skill matching, not an error).

JSON keys: bench, people, queries, p50_ms, p95_ms, baseline_p50_ms, baseline_p95_ms, speedup (baseline
p95 / engine p95), build_s, rss_mb, index_mb, generate_s, baseline_load_s, agreement, fts_p50_ms,
fts_p95_ms, fts_overlap, baseline (``postgresql`` or ``skipped: …``), algorithm_version, p50_cpu_ms and
p95_cpu_ms (CPU time of the querying thread per query: what a query costs, without the waiting a loaded
machine adds to the wall-clock figures), load_avg_start and load_avg_end (1-minute load average around the
timed engine queries).
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from typing import Any, TextIO

import numpy as np

from rijksportfolio.bench.report import emit, rss_mb
from rijksportfolio.domain.matching import (
    ALGORITHM_VERSION,
    TEXT_WEIGHT,
    Filters,
    MatchIndex,
    Opportunity,
    PersonProfile,
    Requirement,
    Taxonomy,
    tokenize,
)

CITIES = [
    (52.0705, 4.3007),  # Den Haag
    (52.3676, 4.9041),  # Amsterdam
    (52.0907, 5.1214),  # Utrecht
    (51.9244, 4.4777),  # Rotterdam
    (53.2194, 6.5665),  # Groningen
    (51.4416, 5.4697),  # Eindhoven
    (51.9851, 5.8987),  # Arnhem
    (52.5168, 6.0830),  # Zwolle
    (50.8514, 5.6910),  # Maastricht
    (51.5719, 4.7683),  # Breda
    (52.2215, 6.8937),  # Enschede
    (52.9563, 4.7600),  # Den Helder
]
TOP_K = 50


def add_arguments(parser: Any) -> None:
    parser.add_argument("--people", type=int, default=155_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-baseline", action="store_true", help="skip the PostgreSQL baseline")


# --- synthetic data ----------------------------------------------------------------------------------------


def taxonomy_from_bundle(data: Any) -> Taxonomy:
    labels = {uri: s["preferred_label_nl"] or s["preferred_label_en"] for uri, s in data.skills.items()}
    return Taxonomy(labels, broader=data.broader, related=data.skill_relations.keys())


def occupation_table(data: Any) -> list[tuple[str, list[str], list[str]]]:
    """(Dutch label, essential skills, optional skills) for occupations with at least three essential ones."""
    ess: dict[str, list[str]] = {}
    opt: dict[str, list[str]] = {}
    for (occ, skill), kind in data.occupation_skills.items():
        (ess if kind == "essential" else opt).setdefault(occ, []).append(skill)
    out = []
    for occ in sorted(ess):
        if len(ess[occ]) >= 3:
            out.append(
                (data.occupations[occ]["preferred_label_nl"], sorted(ess[occ]), sorted(opt.get(occ, [])))
            )
    return out


def generate_people(
    n: int, occupations: list[tuple[str, list[str], list[str]]], taxonomy: Taxonomy, seed: int
) -> list[PersonProfile]:
    rng = np.random.default_rng(seed)
    occ_of = rng.integers(len(occupations), size=n)
    hours = rng.choice([0.0, 4.0, 8.0, 16.0, 24.0, 36.0], size=n, p=[0.2, 0.2, 0.25, 0.15, 0.1, 0.1])
    city = rng.integers(len(CITIES), size=n)
    jitter = rng.normal(0.0, 0.08, size=(n, 2))
    scale = rng.integers(4, 17, size=n)
    org = rng.integers(1, 121, size=n)
    consent = rng.random(n) < 0.9
    people: list[PersonProfile | None] = [None] * n
    label = taxonomy.label
    order = np.argsort(occ_of, kind="stable")
    bounds = np.searchsorted(occ_of[order], np.arange(len(occupations) + 1))
    for k, (occ_label, ess, opt) in enumerate(occupations):
        members = order[bounds[k] : bounds[k + 1]]
        m = len(members)
        if not m:
            continue
        skills = np.array(ess + opt, dtype=object)
        p_opt = min(1.0, 4.0 / len(opt)) if opt else 0.0
        held = np.concatenate([rng.random((m, len(ess))) < 0.8, rng.random((m, len(opt))) < p_opt], axis=1)
        lv = rng.integers(1, 5, size=(m, len(skills))).tolist()
        for j, i in enumerate(members.tolist()):
            mask = held[j]
            names = skills[mask].tolist()
            levels = [lv[j][c] for c in np.flatnonzero(mask).tolist()]
            people[i] = PersonProfile(
                person_id=i + 1,
                skills=dict(zip(names, levels, strict=True)),
                tokens=(occ_label, *(label(s) for s in names[:3])),
                hours_available=float(hours[i]),
                location=(CITIES[city[i]][0] + jitter[i, 0], CITIES[city[i]][1] + jitter[i, 1]),
                scale=int(scale[i]),
                organisation_id=int(org[i]),
                consent=bool(consent[i]),
            )
    return [p for p in people if p is not None]


def generate_queries(
    count: int, occupations: list[tuple[str, list[str], list[str]]], seed: int
) -> list[Opportunity]:
    rng = np.random.default_rng(seed + 1000)
    out = []
    for q in range(count):
        label, ess, opt = occupations[int(rng.integers(len(occupations)))]
        chosen = sorted(rng.choice(ess, size=min(12, len(ess)), replace=False).tolist())
        reqs = [Requirement(s, essential=True, min_level=int(rng.integers(1, 4))) for s in chosen]
        if opt:
            nice = sorted(rng.choice(opt, size=min(2, len(opt)), replace=False).tolist())
            reqs += [Requirement(s, essential=False, min_level=int(rng.integers(1, 4))) for s in nice]
        words = tokenize([label])
        terms = (words[int(rng.integers(len(words)))],) if words and rng.random() < 0.5 else ()
        lo = int(rng.integers(4, 13))
        city = CITIES[int(rng.integers(len(CITIES)))]
        filters = Filters(
            min_hours=8.0 if rng.random() < 0.5 else None,
            point=city,
            max_distance_km=75.0 if rng.random() < 0.3 else None,
            scale_min=lo if rng.random() < 0.3 else None,
            scale_max=lo + 4 if rng.random() < 0.3 else None,
            organisation_ids=(
                frozenset(rng.choice(np.arange(1, 121), size=20, replace=False).tolist())
                if rng.random() < 0.1
                else None
            ),
        )
        out.append(Opportunity(requirements=tuple(reqs), terms=terms, filters=filters, opportunity_id=q + 1))
    return out


# --- PostgreSQL baseline -----------------------------------------------------------------------------------


def _copy(cursor: Any, sql: str, lines: Any, chunk: int = 500_000) -> None:
    with cursor.cursor.copy(sql) as copy:
        buf: list[str] = []
        for line in lines:
            buf.append(line)
            if len(buf) >= chunk:
                copy.write("".join(buf))
                buf.clear()
        if buf:
            copy.write("".join(buf))


def _clean(text: str) -> str:
    return text.replace("\\", " ").replace("\t", " ").replace("\n", " ")


def baseline_load(cursor: Any, schema: str, index: MatchIndex, profiles: list[PersonProfile]) -> None:
    cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    cursor.execute(f"CREATE SCHEMA {schema}")
    cursor.execute(
        f"CREATE TABLE {schema}.person (id integer, hours real, lat float8, lon float8, scale integer,"
        " org integer, body text, doc tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)"
    )
    cursor.execute(f"CREATE TABLE {schema}.person_skill (person_id integer, skill integer, level smallint)")
    people = (
        f"{p.person_id}\t{p.hours_available}\t{p.location[0]}\t{p.location[1]}\t{p.scale}\t{p.organisation_id}"
        f"\t{_clean(' '.join(tokenize(p.tokens)))}\n"
        for p in profiles
        if p.consent and p.location is not None
    )
    _copy(cursor, f"COPY {schema}.person (id, hours, lat, lon, scale, org, body) FROM STDIN", people)
    ids = np.repeat(index.person_ids, np.diff(index.row_skill_ptr)).tolist()
    skills = (
        f"{a}\t{b}\t{c}\n"
        for a, b, c in zip(ids, index.row_skill_col.tolist(), index.row_skill_level.tolist(), strict=True)
    )
    _copy(cursor, f"COPY {schema}.person_skill (person_id, skill, level) FROM STDIN", skills)
    cursor.execute(f"ALTER TABLE {schema}.person ADD PRIMARY KEY (id)")
    cursor.execute(f"CREATE INDEX ON {schema}.person_skill (skill, person_id, level)")
    cursor.execute(f"CREATE INDEX ON {schema}.person USING gin (doc)")
    cursor.execute(f"ANALYZE {schema}.person")
    cursor.execute(f"ANALYZE {schema}.person_skill")


def _where(f: Filters, params: list[Any]) -> list[str]:
    """SQL conditions for the engine's filters (values appended to ``params``), on ``person p``."""
    where: list[str] = []
    if f.min_hours is not None:
        where.append("p.hours >= %s")
        params.append(f.min_hours)
    if f.max_distance_km is not None and f.point is not None:
        where.append(
            "2 * 6371.0088 * asin(sqrt(power(sin((radians(p.lat) - radians(%s)) / 2), 2)"
            " + cos(radians(%s)) * cos(radians(p.lat)) * power(sin((radians(p.lon) - radians(%s)) / 2), 2)))"
            " <= %s"
        )
        params += [f.point[0], f.point[0], f.point[1], f.max_distance_km]
    if f.scale_min is not None:
        where.append("p.scale >= %s")
        params.append(f.scale_min)
    if f.scale_max is not None:
        where.append("p.scale <= %s")
        params.append(f.scale_max)
    if f.organisation_ids is not None:
        where.append("p.org = ANY(%s)")
        params.append(sorted(f.organisation_ids))
    return where


def fts_query(schema: str, index: MatchIndex, opportunity: Opportunity) -> tuple[str, list[Any]]:
    """PostgreSQL full-text search as a ranking of its own: the required skills' labels and the free text
    as an OR query over the same visible text, ``ts_rank``, the same filters, GIN index."""
    words: set[str] = set(tokenize(opportunity.terms))
    for r in opportunity.requirements:
        words.update(tokenize([index.taxonomy.label(r.skill_id)]))
    params: list[Any] = [" | ".join(sorted(words)) or "x"]
    where = ["p.doc @@ q", *_where(opportunity.filters, params)]
    sql = f"""
        SELECT p.id, ts_rank(p.doc, q) AS score
        FROM {schema}.person p, to_tsquery('simple', %s) q
        WHERE {" AND ".join(where)}
        ORDER BY score DESC, p.id LIMIT {TOP_K}"""  # noqa: S608
    return sql, params


def baseline_query(schema: str, index: MatchIndex, opportunity: Opportunity) -> tuple[str, list[Any]]:
    """The same expansion as the engine, as arrays (requirement, skill, weight, min level)."""
    req, skill, weight, min_level = [], [], [], []
    for i, r in enumerate(opportunity.requirements):
        for exp in index.taxonomy.expand(r.skill_id):
            col = index.skill_vocab.get(exp.skill_id)
            if col is not None:
                req.append(i)
                skill.append(col)
                weight.append(r.importance * exp.weight)
                min_level.append(float(r.min_level))
    terms = sorted(set(tokenize(opportunity.terms)))
    max_attainable = sum(r.importance for r in opportunity.requirements) + (TEXT_WEIGHT if terms else 0.0)
    params: list[Any] = [req, skill, weight, min_level]
    text = "0"
    if terms:
        text = f"{TEXT_WEIGHT} * ts_rank(p.doc, to_tsquery('simple', %s))"
        params.append(" | ".join(terms))
    params.append(max_attainable)
    where = _where(opportunity.filters, params)
    # Schema name and SQL fragments are ours; every value is a query parameter.
    sql = f"""
        WITH r AS (
            SELECT * FROM unnest(%s::int[], %s::int[], %s::float8[], %s::float8[]) AS r(req, skill, w, min_level)
        ), best AS (
            SELECT ps.person_id, r.req, max(r.w * least(1.0, ps.level / r.min_level)) AS v
            FROM r JOIN {schema}.person_skill ps ON ps.skill = r.skill
            GROUP BY ps.person_id, r.req
        ), s AS (SELECT person_id, sum(v) AS raw FROM best GROUP BY person_id)
        SELECT p.id, (s.raw + {text}) / %s AS score
        FROM s JOIN {schema}.person p ON p.id = s.person_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY score DESC, p.id LIMIT {TOP_K}"""  # noqa: S608
    return sql, params


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from django.db import connection

    from rijksportfolio.skills.esco import read_bundle

    n, n_queries, seed = options["people"], options["queries"], options["seed"]
    data = read_bundle()
    taxonomy = taxonomy_from_bundle(data)
    occupations = occupation_table(data)
    t0 = time.perf_counter()
    profiles = generate_people(n, occupations, taxonomy, seed)
    generate_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    index = MatchIndex.build(profiles, taxonomy)
    build_s = time.perf_counter() - t0
    index_mb = sum(v.nbytes for v in vars(index).values() if isinstance(v, np.ndarray)) / 2**20
    queries = generate_queries(n_queries, occupations, seed)
    for q in queries[:10]:  # warm-up (expansion cache, page faults)
        index.search(q, TOP_K)
    # The synthetic profiles stay in memory for the baseline (a server drops them after the build): keep the
    # garbage collector from walking those millions of objects inside a timed query.
    gc.collect()
    gc.freeze()
    load_start = os.getloadavg()[0]
    latencies, cpu_latencies, engine_ids = [], [], []
    for q in queries:
        started, cpu_started = time.perf_counter(), time.thread_time()
        results = index.search(q, TOP_K)
        cpu_latencies.append((time.thread_time() - cpu_started) * 1000)
        latencies.append((time.perf_counter() - started) * 1000)
        engine_ids.append([r.person_id for r in results])
    load_end = os.getloadavg()[0]
    p50, p95 = statistics.median(latencies), _pct(latencies, 95)

    baseline = "postgresql"
    base_lat: list[float] = []
    fts_lat: list[float] = []
    fts_overlaps: list[float] = []
    load_s = 0.0
    agreement: float | None = None
    if options.get("no_baseline"):
        baseline = "skipped: --no-baseline"
    elif connection.vendor != "postgresql":
        baseline = f"skipped: DATABASE_URL is {connection.vendor}, not PostgreSQL"
    else:
        schema = f"bench_matching_{os.getpid()}"
        with connection.cursor() as cursor:
            try:
                t0 = time.perf_counter()
                baseline_load(cursor, schema, index, profiles)
                load_s = time.perf_counter() - t0
                overlaps = []
                for q in queries[:10]:
                    cursor.execute(*baseline_query(schema, index, q))
                    cursor.fetchall()
                for q, ids in zip(queries, engine_ids, strict=True):
                    sql, params = baseline_query(schema, index, q)
                    started = time.perf_counter()
                    cursor.execute(sql, params)
                    rows = cursor.fetchall()
                    base_lat.append((time.perf_counter() - started) * 1000)
                    if not q.terms:
                        got = {r[0] for r in rows}
                        overlaps.append(len(got & set(ids)) / max(1, len(set(ids) | got)))
                agreement = round(statistics.mean(overlaps), 4) if overlaps else None
                for q in queries[:10]:
                    cursor.execute(*fts_query(schema, index, q))
                    cursor.fetchall()
                for q, ids in zip(queries, engine_ids, strict=True):
                    sql, params = fts_query(schema, index, q)
                    started = time.perf_counter()
                    cursor.execute(sql, params)
                    rows = cursor.fetchall()
                    fts_lat.append((time.perf_counter() - started) * 1000)
                    got = {r[0] for r in rows}
                    fts_overlaps.append(len(got & set(ids)) / max(1, len(set(ids) | got)))
            finally:
                cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    b50 = statistics.median(base_lat) if base_lat else None
    b95 = _pct(base_lat, 95) if base_lat else None
    speedup = round(b95 / p95, 1) if b95 else None
    f50 = statistics.median(fts_lat) if fts_lat else None
    f95 = _pct(fts_lat, 95) if fts_lat else None
    rows = [
        ("engine (numpy sparse index)", round(p50, 2), round(p95, 2), round(build_s, 2), "1.0×"),
        (
            "engine, CPU time of the thread",
            round(statistics.median(cpu_latencies), 2),
            round(_pct(cpu_latencies, 95), 2),
            "-",
            "-",
        ),
        (
            f"PostgreSQL join ({baseline})",
            "-" if b50 is None else round(b50, 2),
            "-" if b95 is None else round(b95, 2),
            round(load_s, 2),
            "-" if speedup is None else f"{speedup}×",
        ),
        (
            f"PostgreSQL full-text ({baseline})",
            "-" if f50 is None else round(f50, 2),
            "-" if f95 is None else round(f95, 2),
            "-",
            "-" if f95 is None else f"{round(f95 / p95, 1)}×",
        ),
    ]
    emit(
        stdout,
        f"bench matching: {n:,} people ({index.size:,} consenting, {len(index.skill_vocab):,} skills), "
        f"{len(queries)} queries, top-{TOP_K} with explanations and filters ({ALGORITHM_VERSION}); "
        f"load average {load_start:.2f} → {load_end:.2f} on {os.cpu_count()} CPUs",
        rows,
        ["method", "p50 ms", "p95 ms", "build/load s", "p95 speedup"],
        {
            "bench": "matching",
            "people": n,
            "queries": len(queries),
            "p50_ms": round(p50, 3),
            "p95_ms": round(p95, 3),
            "baseline_p50_ms": None if b50 is None else round(b50, 2),
            "baseline_p95_ms": None if b95 is None else round(b95, 2),
            "speedup": speedup,
            "build_s": round(build_s, 2),
            "rss_mb": rss_mb(),
            "index_mb": round(index_mb, 1),
            "generate_s": round(generate_s, 2),
            "baseline_load_s": round(load_s, 2),
            "agreement": agreement,
            "fts_p50_ms": None if f50 is None else round(f50, 2),
            "fts_p95_ms": None if f95 is None else round(f95, 2),
            "fts_overlap": round(statistics.mean(fts_overlaps), 4) if fts_overlaps else None,
            "baseline": baseline,
            "algorithm_version": ALGORITHM_VERSION,
            "p50_cpu_ms": round(statistics.median(cpu_latencies), 3),
            "p95_cpu_ms": round(_pct(cpu_latencies, 95), 3),
            "load_avg_start": round(load_start, 2),
            "load_avg_end": round(load_end, 2),
        },
    )
