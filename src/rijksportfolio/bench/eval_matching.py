# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio eval matching``: ranking quality on a labelled set built from ESCO occupations.

People are generated as in ``bench matching`` (one ESCO occupation each, ~80 % of its essential skills,
~4 optional ones, levels 1–4; 90 % consent). A query per sampled occupation (with at least ``--min-members``
consenting people): its essential skills (at most 12, minimum level 1), no filters, no free text. Relevant =
the consenting people generated from that occupation (binary). Metrics per query, averaged: nDCG@10 and
recall@50 (found among the top 50 / min(relevant, 50)).

Beside the engine, in the same run: the engine without taxonomy expansion (``direct_only``), and PostgreSQL
full-text search (the ``fts_query`` of ``bench matching``: the skills' labels as an OR ``tsquery`` over the
visible text; needs PostgreSQL). The SQL-join baseline of ``bench matching`` scores exactly as the engine
(agreement ≈ 0.99 there), so its quality is the engine's and is not repeated.

Caveat, honestly: the labels come from the same generative assumptions the score is built on (people hold an
occupation's essential skills), so this checks that ranking, expansion and levels behave, not how well the
method matches real people; real labelled data does not exist yet.

JSON keys: eval, people, queries, ndcg_at_10, recall_at_50, direct_only_ndcg_at_10, direct_only_recall_at_50,
baseline_ndcg_at_10, baseline_recall_at_50, baseline (``postgresql-fts`` or ``skipped: …``), algorithm_version.
"""

from __future__ import annotations

import math
import os
import statistics
from typing import Any, TextIO

import numpy as np

from rijksportfolio.bench import matching as bench
from rijksportfolio.bench.report import emit
from rijksportfolio.domain.matching import ALGORITHM_VERSION, MatchIndex, Opportunity, Requirement, Taxonomy

TOP = 50


def add_arguments(parser: Any) -> None:
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--min-members", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-baseline", action="store_true", help="skip the PostgreSQL full-text baseline")


def ndcg_at_10(ranked: list[int], relevant: set[int]) -> float:
    dcg = sum(1.0 / math.log2(i + 2) for i, pid in enumerate(ranked[:10]) if pid in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(10, len(relevant))))
    return dcg / ideal if ideal else 0.0


def recall_at_50(ranked: list[int], relevant: set[int]) -> float:
    return len(set(ranked[:TOP]) & relevant) / min(len(relevant), TOP) if relevant else 0.0


def labelled_queries(
    n: int, occupations: list[tuple[str, list[str], list[str]]], consenting: set[int], seed: int, count: int,
    min_members: int,
) -> list[tuple[Opportunity, set[int]]]:  # fmt: skip
    """The occupation of person ``i + 1`` is the first draw of ``generate_people``'s generator."""
    occ_of = np.random.default_rng(seed).integers(len(occupations), size=n)
    members: dict[int, set[int]] = {}
    for i, occ in enumerate(occ_of.tolist()):
        if i + 1 in consenting:
            members.setdefault(occ, set()).add(i + 1)
    eligible = sorted(k for k, m in members.items() if len(m) >= min_members and occupations[k][1])
    rng = np.random.default_rng(seed + 2000)
    chosen = rng.choice(eligible, size=min(count, len(eligible)), replace=False).tolist()
    out = []
    for q, k in enumerate(sorted(chosen)):
        ess = occupations[k][1][:12]
        reqs = tuple(Requirement(s, essential=True, min_level=1) for s in ess)
        out.append((Opportunity(requirements=reqs, opportunity_id=q + 1), members[k]))
    return out


def _scores(results: list[tuple[list[int], set[int]]]) -> tuple[float, float]:
    return (
        round(statistics.mean(ndcg_at_10(r, rel) for r, rel in results), 4),
        round(statistics.mean(recall_at_50(r, rel) for r, rel in results), 4),
    )


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from django.db import connection

    from rijksportfolio.skills.esco import read_bundle

    n, seed = options["people"], options["seed"]
    data = read_bundle()
    taxonomy = bench.taxonomy_from_bundle(data)
    occupations = bench.occupation_table(data)
    profiles = bench.generate_people(n, occupations, taxonomy, seed)
    consenting = {p.person_id for p in profiles if p.consent}
    queries = labelled_queries(n, occupations, consenting, seed, options["queries"], options["min_members"])
    index = MatchIndex.build(profiles, taxonomy)
    direct = MatchIndex.build(profiles, Taxonomy(taxonomy.labels))
    engine = [([r.person_id for r in index.search(q, TOP)], rel) for q, rel in queries]
    direct_only = [([r.person_id for r in direct.search(q, TOP)], rel) for q, rel in queries]
    baseline = "postgresql-fts"
    fts: list[tuple[list[int], set[int]]] = []
    if options.get("no_baseline"):
        baseline = "skipped: --no-baseline"
    elif connection.vendor != "postgresql":
        baseline = f"skipped: DATABASE_URL is {connection.vendor}, not PostgreSQL"
    else:
        schema = f"eval_matching_{os.getpid()}"
        with connection.cursor() as cursor:
            try:
                bench.baseline_load(cursor, schema, index, profiles)
                for q, rel in queries:
                    cursor.execute(*bench.fts_query(schema, index, q))
                    fts.append(([row[0] for row in cursor.fetchall()], rel))
            finally:
                cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    e_ndcg, e_recall = _scores(engine)
    d_ndcg, d_recall = _scores(direct_only)
    b_ndcg, b_recall = _scores(fts) if fts else (None, None)
    rows = [
        ("engine (taxonomy expansion)", e_ndcg, e_recall),
        ("engine, direct skills only", d_ndcg, d_recall),
        (
            f"PostgreSQL full-text ({baseline})",
            "-" if b_ndcg is None else b_ndcg,
            "-" if b_recall is None else b_recall,
        ),
    ]
    emit(
        stdout,
        f"eval matching: {n:,} people ({len(consenting):,} consenting), {len(queries)} labelled occupation "
        f"queries ({ALGORITHM_VERSION})",
        rows,
        ["method", "nDCG@10", "recall@50"],
        {
            "eval": "matching",
            "people": n,
            "queries": len(queries),
            "ndcg_at_10": e_ndcg,
            "recall_at_50": e_recall,
            "direct_only_ndcg_at_10": d_ndcg,
            "direct_only_recall_at_50": d_recall,
            "baseline_ndcg_at_10": b_ndcg,
            "baseline_recall_at_50": b_recall,
            "baseline": baseline,
            "algorithm_version": ALGORITHM_VERSION,
        },
    )
