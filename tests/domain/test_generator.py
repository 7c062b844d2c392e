# SPDX-License-Identifier: EUPL-1.2
"""The synthetic Rijk generator: determinism, invariants of the history, state-pension exits, calibration."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from rijksportfolio.domain.analytics.calibration import compute, summary
from rijksportfolio.domain.aow import aow_dates
from rijksportfolio.domain.generator import generate, params as P
from rijksportfolio.domain.generator.dates import to_date, to_days
from rijksportfolio.domain.generator.simulate import calibration_data
from rijksportfolio.organisations.data import build_catalogue, generator_units

REF = dt.date(2024, 12, 31)
UNITS = generator_units()


@pytest.fixture(scope="module")
def rijk():  # type: ignore[no-untyped-def]
    return generate(units=UNITS, people=20_000, seed=7, reference_date=REF)


def test_same_seed_gives_identical_output() -> None:
    a = generate(units=UNITS, people=1_500, seed=3, reference_date=REF)
    b = generate(units=UNITS, people=1_500, seed=3, reference_date=REF)
    c = generate(units=UNITS, people=1_500, seed=4, reference_date=REF)
    for name in (
        "birth",
        "female",
        "first_name",
        "person",
        "leaf",
        "scale",
        "fte",
        "contract",
        "title",
        "start",
        "end",
        "end_reason",
    ):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert not np.array_equal(a.birth, c.birth)


def test_headcount_at_reference_date_is_exactly_people(rijk) -> None:  # type: ignore[no-untyped-def]
    ref = to_days(REF)
    running = (rijk.start <= ref) & ((rijk.end == -1) | (rijk.end >= ref))
    assert len(np.unique(rijk.person[running])) == 20_000
    assert (
        rijk.end[rijk.end >= 0] < ref
    ).all()  # ended records end before the reference date; running ones are open


def test_record_invariants(rijk) -> None:  # type: ignore[no-untyped-def]
    assert ((rijk.end == -1) | (rijk.end >= rijk.start)).all()
    assert rijk.scale.min() >= 1
    assert rijk.scale.max() <= 18
    assert rijk.fte.min() > 0
    assert rijk.fte.max() <= 1.0
    assert ((rijk.end == -1) == (rijk.end_reason == P.OPEN)).all()
    assert set(np.unique(rijk.contract)) == set(range(5))
    for reason in (
        P.MOBILITY,
        P.STATE_PENSION,
        P.OWN_REQUEST,
        P.END_OF_CONTRACT,
        P.END_OF_SECONDMENT,
        P.DISMISSAL,
        P.OTHER,
    ):
        assert (rijk.end_reason == reason).any(), P.END_REASONS[reason]
    # nobody starts before 18
    assert ((rijk.start - rijk.birth[rijk.person]) >= 18 * 365).all()


def test_main_records_do_not_overlap_and_mobility_continues_next_day(rijk) -> None:  # type: ignore[no-untyped-def]
    # records sorted by person, start; second part-time jobs (temporary, in another team) may overlap a main record
    p, s, e, r = rijk.person, rijk.start, np.where(rijk.end == -1, 10**7, rijk.end), rijk.end_reason
    same = p[1:] == p[:-1]
    overlap = same & (s[1:] <= e[:-1])
    second = rijk.leaf[1:] != rijk.leaf[:-1]
    assert (second[overlap]).all()
    assert overlap.sum() > 0  # two jobs at once occur
    assert overlap.sum() / len(np.unique(p)) < 0.05  # … for a small share
    # every mobility end is followed by a record of the same person starting the next day
    key = set(zip(p.tolist(), s.tolist(), strict=True))
    mob = np.nonzero(r == P.MOBILITY)[0]
    assert all((int(p[i]), int(e[i]) + 1) in key for i in mob)
    # an outflow end (not mobility) is never followed by a record the next day of the same person, bar second jobs
    natural_key = set(zip(p.tolist(), rijk.leaf.tolist(), s.tolist(), strict=True))
    assert len(natural_key) == len(p)


def test_state_pension_exits_happen_at_the_legal_age(rijk) -> None:  # type: ignore[no-untyped-def]
    pens = rijk.end_reason == P.STATE_PENSION
    assert pens.sum() > 100
    aow = aow_dates(rijk.birth[rijk.person[pens]])
    assert np.array_equal(rijk.end[pens] + 1, aow)
    # nobody works past the state-pension age
    end = np.where(rijk.end == -1, to_days(REF), rijk.end)
    assert (end < aow_dates(rijk.birth[rijk.person])).all()


def test_aow_dates_follow_the_law() -> None:
    births = np.array(
        [
            to_days(dt.date(1947, 5, 10)),
            to_days(dt.date(1950, 6, 15)),
            to_days(dt.date(1953, 3, 31)),
            to_days(dt.date(1955, 2, 1)),
            to_days(dt.date(1958, 1, 1)),
            to_days(dt.date(1962, 7, 1)),
        ]
    )
    got = [to_date(d) for d in aow_dates(births)]
    assert got == [
        dt.date(2012, 5, 10),
        dt.date(2015, 9, 15),
        dt.date(2019, 7, 31),
        dt.date(2021, 6, 1),
        dt.date(2025, 1, 1),
        dt.date(2029, 10, 1),
    ]


def test_secondments_and_long_secondments_occur(rijk) -> None:  # type: ignore[no-untyped-def]
    sec = (rijk.contract == P.SECONDMENT) & (rijk.end >= 0)
    assert ((rijk.end[sec] - rijk.start[sec]) > 366).any()


def test_calibration_within_tolerance(rijk) -> None:  # type: ignore[no-untyped-def]
    figures = compute(calibration_data(rijk, UNITS))
    failed = [(f.code, f.generated) for f in figures if f.within is False]
    assert failed == []
    assert summary(figures) == {"within_tolerance": 14, "figures": 14}


def test_catalogue_codes_are_stable_and_unique() -> None:
    nodes = build_catalogue()
    codes = [n.code for n in nodes]
    assert len(codes) == len(set(codes))
    for code in (
        "az",
        "bzk",
        "belastingdienst",
        "belastingdienst-cio",
        "belastingdienst-cio-team-3",
        "rijkswaterstaat",
        "dji",
        "duo",
        "ind",
        "rvo",
        "nvwa",
        "rijksvastgoedbedrijf",
        "cjib",
        "logius",
        "p-direkt",
        "justis",
        "knmi",
        "rivm",
        "kgg",
    ):
        assert code in codes
    assert all(len(c) <= 64 for c in codes)
    assert {u.category for u in UNITS} == set(P.CATEGORIES)
