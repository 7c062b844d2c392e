# SPDX-License-Identifier: EUPL-1.2
"""Production: secrets and hosts from the environment, HTTPS-only cookies, no debug."""

from rijksportfolio.conf.base import *  # noqa: F403
from rijksportfolio.conf.env import setting

DEBUG = False
SECRET_KEY = setting("RPF_SECRET_KEY", None, "Django secret key. Required in production.", required=True)
ALLOWED_HOSTS = setting(
    "RPF_ALLOWED_HOSTS", None, "Host names the app answers to (comma separated).", kind="list", required=True
)
SECURE_SSL_REDIRECT = setting(
    "RPF_SSL_REDIRECT",
    True,
    "Redirect HTTP to HTTPS (off only behind a TLS-terminating proxy that does it).",
    kind="bool",
)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = setting("RPF_HSTS_SECONDS", 31536000, "Strict-Transport-Security max-age.", kind="int")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# With a shared cache (Redis, RPF_CACHE_URL) sessions are read from it instead of from PostgreSQL on every
# page: one query less per request. Without one, keep database sessions: a per-process cache would let a
# logged-out session live on in the other workers.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":  # noqa: F405
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
