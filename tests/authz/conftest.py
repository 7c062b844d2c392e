# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.cache import cache

from rijksportfolio.portfolios.tests.world import add_portfolios
from rijksportfolio.web.tests.world import build_world


@pytest.fixture
def world(db):
    cache.clear()  # login rate limiting and other cached state must not leak between tests
    yield add_portfolios(build_world())
    cache.clear()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Evidence uploaded or made by rows goes to a temporary folder (pfiles)."""
    settings.MEDIA_ROOT = tmp_path / "media"
