# SPDX-License-Identifier: EUPL-1.2
"""Published panel figures as the dashboard pages show them: "< 10" for a count hidden because it is small
(primary suppression), ``x`` for any other hidden figure (docs/charts.md). The reasons come with the panel
(``domain.analytics.publish.Published``); a figure hidden without a recorded reason is shown as ``x``."""

from __future__ import annotations

from typing import Any

from rijksportfolio.domain.analytics.publish import Published
from rijksportfolio.domain.charts import MARK, SMALL, Value, format_number
from rijksportfolio.domain.suppression import DEFAULT_THRESHOLD


def value(data: Any, container: Any, key: Any) -> Value:
    """``container[key]`` (inside the published panel ``data``) as a table value: the number, ``SMALL`` for
    a small count, ``None`` for any other hidden figure."""
    shown = container[key]
    if shown is None and isinstance(data, Published) and data.is_small(container, key):
        return SMALL
    return shown  # type: ignore[no-any-return]


def text(v: Value, decimals: int = 0, threshold: int = DEFAULT_THRESHOLD) -> str:
    """A single figure as text (key figures above the tables)."""
    if v is SMALL:
        return f"< {threshold}"
    if v is None:
        return MARK
    return format_number(v, decimals)  # type: ignore[arg-type]


def figure(data: Any, container: Any, key: Any, decimals: int = 0) -> str:
    """``container[key]`` of the published panel ``data`` as text: the number, "< 10" or ``x``."""
    return text(value(data, container, key), decimals)


def pct(share: float | None) -> float | None:
    """A share (0..1) as a percentage with one decimal; hidden stays hidden."""
    return None if share is None else round(100 * share, 1)
