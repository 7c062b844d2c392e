# SPDX-License-Identifier: EUPL-1.2
"""Output conventions of every ``bench …`` and ``eval …`` command: a readable table, then exactly one
line of JSON with the figures (the last line of standard output), so runs can be compared by machines."""

from __future__ import annotations

import json
import platform
import resource
from collections.abc import Sequence
from typing import Any, TextIO


def rss_mb() -> float:
    """Peak resident set size of this process in MiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    cells = [[str(h) for h in headers]] + [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append(
            "  ".join(
                c.rjust(w) if n and _numeric(c) else c.ljust(w) for c, w in zip(row, widths, strict=True)
            )
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _numeric(text: str) -> bool:
    try:
        float(text.replace(",", "").rstrip("×%"))
    except ValueError:
        return False
    return True


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def emit(
    out: TextIO, title: str, rows: Sequence[Sequence[Any]], headers: Sequence[str], figures: dict[str, Any]
) -> None:
    out.write(f"{title}\n")
    out.write(
        f"(machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()})\n\n"
    )
    out.write(table(rows, headers) + "\n\n")
    out.write(json.dumps(figures, ensure_ascii=False, sort_keys=False) + "\n")
