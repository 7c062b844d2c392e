# SPDX-License-Identifier: EUPL-1.2
"""Reading an append-only change log whose ids come from a sequence but become visible out of order.

Writers insert log rows inside their own transactions. Ids are handed out when a row is inserted, so a
transaction that started earlier can commit *after* one with a higher id: a reader that only asks for
"ids above the highest I have seen" would miss it for ever. :class:`ChangeCursor` therefore remembers the
ids below its high-water mark that it has not seen (*gaps*: rolled back, or still in flight) and keeps asking
for them until they show up or are older than a timeout. Gaps are kept as a few ranges, so a large rolled-back
batch costs one range, not one entry per id.

Pure: the caller runs the query (``id > high_water`` or inside one of :meth:`ChangeCursor.ranges`) and passes
every id it got back to :meth:`ChangeCursor.advance`, with the time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# A transaction that wrote a log row commits within this many seconds, or is treated as rolled back (the
# readers' periodic full rebuild is the backstop).
GAP_TIMEOUT_S = 300.0
# At most this many gap ranges are kept; beyond it the closest ranges are joined (the ids in between are then
# read again — harmless for readers that re-read current state).
MAX_GAPS = 32


@dataclass(frozen=True, slots=True)
class Gap:
    first: int
    last: int
    since: float  # when it was first noticed (seconds, the caller's clock)


@dataclass(frozen=True, slots=True)
class ChangeCursor:
    """``high_water``: the highest id seen; every id at or below it has been seen except those in ``gaps``."""

    high_water: int = 0
    gaps: tuple[Gap, ...] = ()

    def ranges(self) -> tuple[tuple[int, int], ...]:
        """Id ranges (inclusive) to ask for besides ``id > high_water``."""
        return tuple((g.first, g.last) for g in self.gaps)

    def advance(
        self, seen: Iterable[int], *, now: float, timeout: float = GAP_TIMEOUT_S, max_gaps: int = MAX_GAPS
    ) -> ChangeCursor:
        """The cursor after a read that returned ``seen`` (every id the query answered)."""
        ids = sorted(set(seen))
        gaps: list[Gap] = []
        for gap in self.gaps:
            if now - gap.since >= timeout:
                continue
            gaps.extend(_split(gap, [i for i in ids if gap.first <= i <= gap.last]))
        high = self.high_water
        for i in ids:
            if i > high:
                if i > high + 1:
                    gaps.append(Gap(high + 1, i - 1, now))
                high = i
        gaps.sort(key=lambda g: g.first)
        while len(gaps) > max_gaps:
            k = min(range(len(gaps) - 1), key=lambda j: gaps[j + 1].first - gaps[j].last)
            a, b = gaps[k], gaps[k + 1]
            gaps[k : k + 2] = [Gap(a.first, b.last, max(a.since, b.since))]
        return ChangeCursor(high, tuple(gaps))

    def as_json(self) -> dict[str, Any]:
        return {"high_water": self.high_water, "gaps": [[g.first, g.last, g.since] for g in self.gaps]}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ChangeCursor:
        if not data:
            return cls()
        return cls(
            int(data.get("high_water", 0)),
            tuple(Gap(int(a), int(b), float(t)) for a, b, t in data.get("gaps", [])),
        )


def _split(gap: Gap, seen: list[int]) -> list[Gap]:
    """``gap`` without the ids in ``seen`` (sorted)."""
    out: list[Gap] = []
    start = gap.first
    for i in seen:
        if i > start:
            out.append(Gap(start, i - 1, gap.since))
        start = i + 1
    if start <= gap.last:
        out.append(Gap(start, gap.last, gap.since))
    return out


def initial(*, high_water: int, present: Iterable[int], lookback: int, now: float) -> ChangeCursor:
    """A cursor for a reader that starts from the current state (e.g. after a full rebuild): every id up to
    ``high_water`` counts as seen except the ones missing from ``present`` among the last ``lookback`` ids (they
    may belong to transactions still in flight)."""
    low = max(0, high_water - lookback)
    cursor = ChangeCursor(low)
    return cursor.advance([*present, high_water] if high_water > low else present, now=now)
