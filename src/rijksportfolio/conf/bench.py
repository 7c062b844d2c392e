# SPDX-License-Identifier: EUPL-1.2
"""Production settings as `bench web` runs them on loopback: no TLS redirect, local hosts, a throwaway key."""

import os

os.environ.setdefault("RPF_SECRET_KEY", "bench-only-key-not-secret-0123456789abcdef")
os.environ.setdefault("RPF_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("RPF_SSL_REDIRECT", "false")

from rijksportfolio.conf.production import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
