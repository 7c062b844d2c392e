# SPDX-License-Identifier: EUPL-1.2
"""Test settings: fast hashing, in-memory mail. The database comes from DATABASE_URL (see tests/conftest.py)."""

import tempfile
from pathlib import Path

from rijksportfolio.conf.base import *  # noqa: F403
from rijksportfolio.conf.base import STORAGES

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Per-process caches off, so that tests changing data behind the services' back see it at once; the cache
# tests switch them on (settings fixture).
AUTH_CACHE_TTL = 0
READ_CACHE_TTL = 0
AGGREGATE_CACHE_TTL = 0
# The analytical store: one temporary folder per test process (built from the test database by the first read);
# the workforce tests give each test its own and refresh explicitly.
ANALYTICS_DIR = Path(tempfile.mkdtemp(prefix="rpf-analytics-test-"))
ANALYTICS_REFRESH = "off"
# The matching index rebuilds in the request that finds it due (no background thread in tests).
MATCHING_REBUILD = "inline"
