# SPDX-License-Identifier: EUPL-1.2
"""Normaliser accuracy@1/@5 on labelled Dutch job titles (or skill phrases), beside a BM25 baseline.

The labelled sets live in ``skills/data/eval/`` (columns: query, uri, source hand|esco, split dev|test).
Figures are reported for all rows, the held-out ``test`` split and hand-written rows only. Two BM25 baselines:
over the same labels as the normaliser (ESCO + the shipped extra labels) and over ESCO's own labels only (the
off-the-shelf baseline). The index is
built from the taxonomy in the database, else the packaged bundle; ``--esco-dir`` builds it from an ESCO
CSV directory instead (development)."""

from __future__ import annotations

import csv
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from rijksportfolio.bench.report import emit
from rijksportfolio.domain.normaliser import BM25, Normaliser

EVAL_DIR = Path(__file__).resolve().parent.parent / "skills" / "data" / "eval"
FILES = {"occupation": "job_titles_nl.tsv", "skill": "skills_nl.tsv"}

USES_DATABASE = False  # the bench command needs no migrated database for it


def add_arguments(parser: Any) -> None:
    parser.add_argument("--kind", choices=sorted(FILES), default="occupation")
    parser.add_argument("--file", help="labelled TSV (default: the packaged set for --kind)")
    parser.add_argument("--esco-dir", help="build the index from an ESCO CSV directory (development)")
    parser.add_argument("--show-errors", type=int, default=0, help="print up to N misses at rank 1")


def load_cases(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _concepts(kind: str, esco_dir: str | None) -> list[Any]:
    from rijksportfolio.skills import normalise

    if esco_dir:
        from rijksportfolio.skills.esco import read_esco_dir

        data = read_esco_dir(esco_dir, version="1.1.1")
        return normalise.concepts_from_records(
            kind, data.occupations if kind == "occupation" else data.skills
        )
    return normalise.concepts_for(kind)


def evaluate(
    engine: Normaliser | BM25, cases: list[dict[str, str]]
) -> tuple[dict[str, float], list[tuple[str, str, str]]]:
    hits1 = hits5 = 0
    misses: list[tuple[str, str, str]] = []
    started = time.perf_counter()
    for case in cases:
        uris = [m.uri for m in engine.normalise(case["query"], top=5)]
        hits1 += bool(uris) and uris[0] == case["uri"]
        hits5 += case["uri"] in uris
        if not uris or uris[0] != case["uri"]:
            misses.append((case["query"], case["uri"], uris[0] if uris else "-"))
    elapsed = time.perf_counter() - started
    n = max(len(cases), 1)
    return {"cases": len(cases), "at1": hits1 / n, "at5": hits5 / n, "ms": 1000 * elapsed / n}, misses


def run(options: dict[str, Any], stdout: TextIO) -> None:
    from rijksportfolio.skills.normalise import vocabulary

    kind = options["kind"]
    path = Path(options.get("file") or EVAL_DIR / FILES[kind])
    cases = load_cases(path)
    concepts = _concepts(kind, options.get("esco_dir"))
    t0 = time.perf_counter()
    engine = Normaliser(concepts, vocabulary())
    build_s = time.perf_counter() - t0
    baseline = BM25(concepts)
    # the honest off-the-shelf baseline: BM25 over ESCO's own labels only (without the shipped extra labels)
    esco_only = BM25([replace(c, extra=()) for c in concepts])
    subsets = {
        "all": cases,
        "test (held out)": [c for c in cases if c["split"] == "test"],
        "dev": [c for c in cases if c["split"] == "dev"],
        "hand-written": [c for c in cases if c["source"] == "hand"],
        "esco labels": [c for c in cases if c["source"] == "esco"],
    }
    engine.normalise("warm-up", top=1)
    rows = []
    figures: dict[str, dict[str, float]] = {}
    all_misses: list[tuple[str, str, str]] = []
    for name, subset in subsets.items():
        ours, misses = evaluate(engine, subset)
        base, _ = evaluate(baseline, subset)
        plain, _ = evaluate(esco_only, subset)
        figures[name] = ours | {"b1": base["at1"], "b5": base["at5"], "bms": base["ms"]}
        figures[name] |= {"e1": plain["at1"], "e5": plain["at5"]}
        if name == "dev":
            all_misses = misses
        rows.append(
            [
                name,
                ours["cases"],
                ours["at1"],
                ours["at5"],
                ours["ms"],
                base["at1"],
                base["at5"],
                plain["at1"],
                plain["at5"],
                base["ms"],
            ]
        )
    for query, want, got in all_misses[: options.get("show_errors") or 0]:
        stdout.write(f"miss: {query!r} want {want.rsplit('/', 1)[-1][:8]} got {got.rsplit('/', 1)[-1][:8]}\n")
    total, test = figures["all"], figures["test (held out)"]
    emit(
        stdout,
        f"Normaliser ({kind}): {path.name}, {len(concepts):,} concepts, index built in {build_s:.1f} s",
        rows,
        [
            "subset",
            "cases",
            "acc@1",
            "acc@5",
            "ms/query",
            "bm25 acc@1",
            "bm25 acc@5",
            "bm25-esco acc@1",
            "bm25-esco acc@5",
            "bm25 ms",
        ],
        {
            "eval": "normaliser",
            "kind": kind,
            "cases": total["cases"],
            "accuracy_at_1": round(total["at1"], 4),
            "accuracy_at_5": round(total["at5"], 4),
            "ms_per_query": round(total["ms"], 3),
            "baseline_accuracy_at_1": round(total["b1"], 4),
            "baseline_accuracy_at_5": round(total["b5"], 4),
            "test_accuracy_at_1": round(test["at1"], 4),
            "test_accuracy_at_5": round(test["at5"], 4),
            "test_baseline_accuracy_at_1": round(test["b1"], 4),
            "test_baseline_accuracy_at_5": round(test["b5"], 4),
            "baseline_esco_accuracy_at_1": round(total["e1"], 4),
            "baseline_esco_accuracy_at_5": round(total["e5"], 4),
            "test_baseline_esco_accuracy_at_1": round(test["e1"], 4),
            "test_baseline_esco_accuracy_at_5": round(test["e5"], 4),
            "build_s": round(build_s, 2),
        },
    )
