# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.cache import cache

from rijksportfolio.web.tests.world import build_world


@pytest.fixture(autouse=True)
def _dutch():
    """Pages and tables are asserted in Dutch. A test client request in English elsewhere (``set_language``)
    leaves English active in this thread, so set the default explicitly."""
    from django.utils import translation

    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    return build_world()
