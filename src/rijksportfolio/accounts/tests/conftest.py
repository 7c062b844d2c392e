# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.cache import cache

from rijksportfolio.web.tests.world import build_world


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    return build_world()
