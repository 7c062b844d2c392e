# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.cache import cache
from django.test import Client

from rijksportfolio.portfolios.tests.world import add_portfolios
from rijksportfolio.web.tests.world import build_world


@pytest.fixture
def world(db):
    cache.clear()
    yield add_portfolios(build_world())
    cache.clear()


@pytest.fixture
def hr_client(world):
    """Signed in as the HR adviser of BZK: may read and change everyone in BZK."""
    client = Client(raise_request_exception=False)
    client.force_login(world.users["hr-adviseur"])
    return client


@pytest.fixture
def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()
