# SPDX-License-Identifier: EUPL-1.2
"""Synthetic portfolios: deterministic, consistent with the job, realistic shares of empty ones."""

from __future__ import annotations

import datetime as dt
from functools import cache

import numpy as np
import pytest

from rijksportfolio.domain.generator import GeneratedRijk, generate
from rijksportfolio.domain.generator.portfolios import (
    EMPTY,
    FULL,
    PRIVATE,
    SHARES,
    SPARSE,
    GeneratedPortfolios,
    generate_portfolios,
    shares,
)
from rijksportfolio.domain.visibility import SECTIONS
from rijksportfolio.organisations.data import build_catalogue, generator_units

REF = dt.date(2024, 12, 31)


@cache
def _rijk(people: int = 3000, seed: int = 1) -> GeneratedRijk:
    return generate(units=generator_units(build_catalogue()), people=people, seed=seed, reference_date=REF)


def _occupation_skills(rijk: GeneratedRijk) -> list[tuple[list[int], list[int]]]:
    # occupation i: essential skills 1000*i + 0..19, optional 1000*i + 500..509
    return [
        ([1000 * i + k for k in range(20)], [1000 * i + 500 + k for k in range(10)])
        for i in range(len(rijk.occupations))
    ]


def _portfolios(rijk: GeneratedRijk, seed: int = 1) -> GeneratedPortfolios:
    return generate_portfolios(
        rijk,
        occupation_skills=_occupation_skills(rijk),
        skill_labels={},
        employer_of_leaf=[f"werkgever van {c}" for c in rijk.leaf_codes],
        seed=seed,
    )


def _in_service(rijk: GeneratedRijk) -> np.ndarray:
    return np.unique(rijk.person[rijk.end == -1])


def test_same_seed_same_portfolios_other_seed_others() -> None:
    rijk = _rijk()
    a, b, c = _portfolios(rijk), _portfolios(rijk), _portfolios(rijk, seed=2)
    assert np.array_equal(a.person, b.person)
    assert np.array_equal(a.skill_id, b.skill_id)
    assert np.array_equal(a.skill_level, b.skill_level)
    assert (a.item_title, a.item_data, a.item_visibility) == (b.item_title, b.item_data, b.item_visibility)
    assert not np.array_equal(a.person, c.person) or a.item_title != c.item_title


def test_only_people_in_service_get_a_portfolio_in_the_stated_shares() -> None:
    rijk = _rijk()
    gen = _portfolios(rijk)
    in_service = _in_service(rijk)
    assert set(gen.person.tolist()) <= set(in_service.tolist())
    assert len(set(gen.person.tolist())) == gen.portfolios
    realised = shares(gen, in_service=len(in_service))
    assert realised["portfolio"] == pytest.approx(1 - SHARES["kind"]["none"], abs=0.03)
    opened = 1 - SHARES["kind"]["none"]
    assert realised["empty"] == pytest.approx(SHARES["kind"]["empty"] / opened, abs=0.03)
    assert realised["full"] == pytest.approx(SHARES["kind"]["full"] / opened, abs=0.03)


def test_empty_portfolios_are_untouched_and_private() -> None:
    gen = _portfolios(_rijk())
    empty = np.flatnonzero(gen.kind == EMPTY)
    assert len(empty) > 0
    assert not set(empty.tolist()) & set(gen.item_portfolio)
    assert not set(empty.tolist()) & set(gen.skill_portfolio.tolist())
    assert (gen.visibility[empty] == PRIVATE).all()
    assert not gen.chosen[empty].any()
    assert not gen.consent[empty].any()
    assert (gen.hours[empty] == 0).all()
    # nobody consents to matching without having chosen, and the untouched keep alleen_ik everywhere
    assert not (gen.consent & ~gen.chosen).any()
    assert (gen.visibility[~gen.chosen] == PRIVATE).all()
    # many keep alleen_ik: the majority of all sections stays private
    assert (gen.visibility == PRIVATE).mean() > 0.5


def test_skills_come_from_the_persons_occupations_and_family() -> None:
    rijk = _rijk()
    gen = _portfolios(rijk)
    by_person: dict[int, set[int]] = {}
    for p, o in zip(rijk.person.tolist(), rijk.occupation.tolist(), strict=True):
        by_person.setdefault(p, set()).add(o)
    family_occs: dict[int, set[int]] = {}
    for f, o in zip(rijk.family.tolist(), rijk.occupation.tolist(), strict=True):
        family_occs.setdefault(f, set()).add(o)
    outside = 0
    for pi, skill in zip(gen.skill_portfolio.tolist(), gen.skill_id.tolist(), strict=True):
        occ = skill // 1000
        person = int(gen.person[pi])
        if occ not in by_person[person]:
            outside += 1  # only allowed from the job family's pool
            assert any(occ in occs for occs in family_occs.values())
    assert outside / len(gen.skill_id) < 0.1
    # no skill twice in one profile
    pairs = set(zip(gen.skill_portfolio.tolist(), gen.skill_id.tolist(), strict=True))
    assert len(pairs) == len(gen.skill_id)
    assert set(gen.skill_level.tolist()) == {1, 2, 3, 4}


def test_levels_rise_with_salary_scale() -> None:
    rijk = _rijk()
    gen = _portfolios(rijk)
    open_rec = np.flatnonzero(rijk.end == -1)
    scale_of = dict(zip(rijk.person[open_rec].tolist(), rijk.scale[open_rec].tolist(), strict=True))
    scales = np.array([scale_of[int(gen.person[p])] for p in gen.skill_portfolio])
    assert gen.skill_level[scales >= 11].mean() > gen.skill_level[scales <= 7].mean() + 0.5


def test_cv_lines_are_the_persons_employment_records() -> None:
    rijk = _rijk()
    gen = _portfolios(rijk)
    from_employment = [k for k, s in enumerate(gen.item_source) if s == "employment"]
    assert from_employment
    for k in from_employment:
        record = gen.item_record[k]
        assert rijk.person[record] == gen.person[gen.item_portfolio[k]]
        assert gen.item_category[k] == "werkervaring"
        assert gen.item_title[k] == rijk.titles[rijk.title[record]]
        assert gen.item_data[k]["binnen_rijk"] is True
    # every non-empty portfolio has all of its owner's records, once
    for pi in np.flatnonzero(gen.kind != EMPTY)[:200].tolist():
        records = sorted(gen.item_record[k] for k in from_employment if gen.item_portfolio[k] == pi)
        assert records == np.flatnonzero(rijk.person == gen.person[pi]).tolist()


def test_evidence_ambitions_and_free_part_are_realistic() -> None:
    rijk = _rijk()
    gen = _portfolios(rijk)
    categories = np.array(gen.item_category)
    owners = np.array(gen.item_portfolio)
    certificates = np.flatnonzero(categories == "certificaat")
    assert len(certificates) > 0
    assert all({"uitgever", "datum"} <= set(gen.item_data[k]) for k in certificates)
    assert any("geldig_tot" in gen.item_data[k] for k in certificates)
    moves = [gen.item_data[k] for k in np.flatnonzero(categories == "loopbaanstap")]
    assert {m["richting"] for m in moves} == {"horizontaal", "verticaal"}
    assert {m["waar"] for m in moves} == {"eigen_organisatie", "rijk", "buiten_rijk"}
    full = int((gen.kind == FULL).sum())
    movers = len({int(owners[k]) for k in np.flatnonzero(categories == "loopbaanstap")})
    assert 0.3 < movers / full < 0.6
    analytical = {
        int(owners[k]) for k in np.flatnonzero(np.isin(categories, ["feedback_360", "assessment", "test"]))
    }
    assert 0 < len(analytical) < full * 0.5
    sparse = set(np.flatnonzero(gen.kind == SPARSE).tolist())
    free_sparse = {int(p) for p in owners[np.isin(categories, ["interesse", "opdracht", "profiel"])]} & sparse
    assert len(free_sparse) < 0.1 * len(sparse)
    # links: tagged skills and evidence links point at skills of the same portfolio
    for row, k in gen.evidence_links:
        assert gen.skill_portfolio[row] == gen.item_portfolio[k]
    assert gen.visibility.shape == (gen.portfolios, len(SECTIONS))
