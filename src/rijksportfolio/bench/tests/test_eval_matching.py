# SPDX-License-Identifier: EUPL-1.2
"""The ranking metrics of ``eval matching`` on hand-computed cases."""

import math

import pytest

from rijksportfolio.bench.eval_matching import ndcg_at_10, recall_at_50


def test_ndcg_is_one_for_the_ideal_order_and_discounts_late_hits() -> None:
    assert ndcg_at_10([1, 2, 3], {1, 2}) == pytest.approx(1.0)
    ideal = 1 + 1 / math.log2(3)
    assert ndcg_at_10([9, 1, 8, 2], {1, 2}) == pytest.approx((1 / math.log2(3) + 1 / math.log2(5)) / ideal)
    assert ndcg_at_10([9, 8], {1}) == 0.0
    assert ndcg_at_10([*range(100, 110), 1], {1}) == 0.0  # an 11th place does not count


def test_recall_at_50_is_capped_by_fifty() -> None:
    assert recall_at_50([1, 2, 3], {1, 2, 4, 5}) == 0.5
    assert recall_at_50(list(range(1, 51)), set(range(1, 101))) == 1.0
    assert recall_at_50([1], set()) == 0.0
