# SPDX-License-Identifier: EUPL-1.2
"""The fixed benchmark queries of the fairness monitor (framework-free). See docs/matching.md, "Fairness
monitor".

One query per ESCO occupation of the Rijk's job titles (``domain.generator.titles``: the 68 occupations of the
88 titles and the 10 policy-field occupations, 78 in all, ordered by URI) and per minimum level — first all at
*gevorderd* (2), then all at *basis* (1), then all at *ervaren* (3): 234 queries. Each asks the occupation's
essential skills (the first 12 by skill URI) as essential and its first two optional skills (by URI) as nice to
have, all at that minimum level; no free text and no filters other than the scope. Skills the taxonomy does
not have are left out; an occupation without essential skills gives no query. The same set on every run, in
the database and in ``bench fairness``, so that runs can be compared.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rijksportfolio.domain.generator.titles import POLICY_ESCO_BY_PROFILE, TITLES
from rijksportfolio.domain.matching.model import Opportunity, Requirement

RIJK_OCCUPATIONS: tuple[str, ...] = tuple(
    sorted({t.esco_uri for t in TITLES} | {uri for uri, _label in POLICY_ESCO_BY_PROFILE.values()})
)
LEVEL_ROUNDS = (2, 1, 3)  # gevorderd, basis, ervaren
MAX_ESSENTIAL = 12
MAX_OPTIONAL = 2


def benchmark_queries(
    skills_of: Mapping[str, tuple[Sequence[str], Sequence[str]]],
    key: Callable[[str], str | None],
    count: int | None = None,
) -> list[Opportunity]:
    """The benchmark set (or its first ``count``). ``skills_of``: occupation URI → (essential skill URIs,
    optional skill URIs); ``key``: skill URI → the skill id the index uses (None: not in the taxonomy).
    ``opportunity_id`` numbers the queries from 1."""
    rounds: list[tuple[str, int]] = [(uri, level) for level in LEVEL_ROUNDS for uri in RIJK_OCCUPATIONS]
    out: list[Opportunity] = []
    for uri, level in rounds:
        if count is not None and len(out) >= count:
            break
        essential, optional = skills_of.get(uri, ((), ()))
        ess = [k for k in (key(s) for s in sorted(essential)) if k is not None][:MAX_ESSENTIAL]
        if not ess:
            continue
        nice = [k for k in (key(s) for s in sorted(optional)) if k is not None and k not in ess][
            :MAX_OPTIONAL
        ]
        requirements = tuple(Requirement(k, essential=True, min_level=level) for k in ess) + tuple(
            Requirement(k, essential=False, min_level=level) for k in nice
        )
        out.append(Opportunity(requirements=requirements, opportunity_id=len(out) + 1))
    return out
