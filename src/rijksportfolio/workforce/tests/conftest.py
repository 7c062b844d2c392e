# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def analytics_dir(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Each test has its own analytical store (refreshed explicitly, or by the first read)."""
    settings.ANALYTICS_DIR = tmp_path / "analytics"
    settings.ANALYTICS_REFRESH = "off"
    return settings.ANALYTICS_DIR
