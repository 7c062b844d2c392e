# SPDX-License-Identifier: EUPL-1.2
"""Settings shared by every environment. Operator-facing values come from the environment via ``setting``."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP  # type: ignore[attr-defined]
from django.utils.translation import gettext_lazy as _

from rijksportfolio.conf.env import setting

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(
    setting("RPF_DATA_DIR", "var", "Folder for the embedded SQLite database, uploads and analytical files.")
)
DATA_DIR = DATA_DIR if DATA_DIR.is_absolute() else Path.cwd() / DATA_DIR

SECRET_KEY = setting(
    "RPF_SECRET_KEY", "dev-only-insecure-key-change-me", "Django secret key. Required in production."
)
DEBUG = setting("RPF_DEBUG", False, "Django debug mode. Never on in production.", kind="bool")
ALLOWED_HOSTS = setting(
    "RPF_ALLOWED_HOSTS",
    ["localhost", "127.0.0.1", "[::1]"],
    "Host names the app answers to (comma separated).",
    kind="list",
)
CSRF_TRUSTED_ORIGINS = setting(
    "RPF_CSRF_TRUSTED_ORIGINS",
    [],
    "Origins trusted for CSRF behind a proxy, e.g. https://portfolio.rijksoverheid.nl.",
    kind="list",
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "rijksportfolio.accounts",
    "rijksportfolio.audit",
    "rijksportfolio.organisations",
    "rijksportfolio.people",
    "rijksportfolio.skills",
    "rijksportfolio.notifications",
    "rijksportfolio.portfolios",
    "rijksportfolio.opportunities",
    "rijksportfolio.matching",
    "rijksportfolio.api",
    "rijksportfolio.web",
    "rijksportfolio.bench",
    "rijksportfolio.workforce",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "rijksportfolio.audit.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "rijksportfolio.accounts.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "rijksportfolio.api.middleware.ApiVersionMiddleware",
]

ROOT_URLCONF = "rijksportfolio.urls"
WSGI_APPLICATION = "rijksportfolio.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rijksportfolio.web.context_processors.navigation",
            ],
        },
    }
]

_default_db = f"sqlite:///{DATA_DIR / 'rijksportfolio.sqlite3'}"
DATABASE_URL = setting(
    "DATABASE_URL",
    _default_db,
    "Database URL. PostgreSQL in production (postgres://user:pass@host:5432/name); the demo defaults to an embedded SQLite file.",
)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Prepared statements for the hot reads in plain SQL (rijksportfolio.dbrows, server-side binding):
    # prepared on a connection's second execution. Django's own queries bind on the client and are never
    # prepared. 0 turns it off (e.g. behind a pooler in transaction mode without prepared-statement support).
    _prepare = setting(
        "RPF_DB_PREPARE_THRESHOLD",
        2,
        "Executions after which a hot statement (person card and history, audit insert) becomes a prepared statement on its database connection (0: never; e.g. behind PgBouncer in transaction mode before version 1.21).",
        kind="int",
    )
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = _prepare if _prepare > 0 else None
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rijksportfolio"}
}
_cache_url = setting(
    "RPF_CACHE_URL",
    "",
    "Optional Redis URL for the shared cache (login rate limiting across processes), e.g. redis://127.0.0.1:6379/0.",
)
if _cache_url:
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}

# Per-process caches that keep reads cheap (docs/performance.md, "bench web"). Each bounds how long a change
# made in *another* process can go unseen; changes through the services are seen at once in their own process.
AUTH_CACHE_TTL = setting(
    "RPF_AUTH_CACHE_TTL",
    30,
    "Seconds a worker process keeps a bearer token's user, a session's user and a user's roles (0: off). A revoked token, changed role, password change or deactivation made in another process takes effect here within this time.",
    kind="int",
)
READ_CACHE_TTL = setting(
    "RPF_READ_CACHE_TTL",
    30,
    "Seconds a worker process keeps whole answers of non-personal API reads (organisations, work locations, directory list; 0: off). Writes through the services invalidate them at once where the cache is shared (RPF_CACHE_URL), else within this time.",
    kind="int",
)
AGGREGATE_CACHE_TTL = setting(
    "RPF_AGGREGATE_CACHE_TTL",
    60,
    "Seconds a worker process keeps workforce headcounts shown on pages (0: off).",
    kind="int",
)

AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"
LOGIN_RATE_LIMIT = setting(
    "RPF_LOGIN_RATE_LIMIT",
    5,
    "Failed logins allowed per account and per client address in the window.",
    kind="int",
)
LOGIN_RATE_WINDOW = setting("RPF_LOGIN_RATE_WINDOW", 900, "Login rate-limit window in seconds.", kind="int")

# OpenID Connect (the Rijk's identity provider). Off unless RPF_OIDC_ENABLED is set.
OIDC_ENABLED = setting("RPF_OIDC_ENABLED", False, "Enable OpenID Connect login.", kind="bool")
OIDC_RP_CLIENT_ID = setting("RPF_OIDC_CLIENT_ID", "", "OIDC client id.")
OIDC_RP_CLIENT_SECRET = setting("RPF_OIDC_CLIENT_SECRET", "", "OIDC client secret.")
OIDC_OP_AUTHORIZATION_ENDPOINT = setting(
    "RPF_OIDC_AUTHORIZATION_ENDPOINT", "", "OIDC authorization endpoint URL."
)
OIDC_OP_TOKEN_ENDPOINT = setting("RPF_OIDC_TOKEN_ENDPOINT", "", "OIDC token endpoint URL.")
OIDC_OP_USER_ENDPOINT = setting("RPF_OIDC_USER_ENDPOINT", "", "OIDC userinfo endpoint URL.")
OIDC_OP_JWKS_ENDPOINT = setting("RPF_OIDC_JWKS_ENDPOINT", "", "OIDC JWKS endpoint URL.")
OIDC_RP_SIGN_ALGO = setting("RPF_OIDC_SIGN_ALGO", "RS256", "Signing algorithm of ID tokens.")
OIDC_RP_SCOPES = setting("RPF_OIDC_SCOPES", "openid email profile", "Scopes requested.")
OIDC_PERSON_CLAIM = setting(
    "RPF_OIDC_PERSON_CLAIM",
    "employee_number",
    "Claim holding the personnel number used to link the account to a person.",
)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.insert(0, "rijksportfolio.accounts.oidc.RijkOIDCBackend")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = setting("RPF_SESSION_AGE", 8 * 3600, "Session lifetime in seconds.", kind="int")
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
_media_root = setting(
    "RPF_MEDIA_ROOT", "", "Folder for uploaded files (portfolio evidence); empty: RPF_DATA_DIR/media."
)
MEDIA_ROOT = Path(_media_root) if _media_root else DATA_DIR / "media"
MEDIA_URL = "/media/"  # never served directly: evidence is served as attachments by the portfolio views
# Portfolio evidence uploads (portfolios/uploads.py): PDF, PNG and JPEG up to this size.
EVIDENCE_MAX_BYTES = setting(
    "RPF_EVIDENCE_MAX_BYTES",
    10 * 1024 * 1024,
    "Largest evidence file (bytes) a portfolio upload may be.",
    kind="int",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rijksportfolio.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rijksportfolio.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "rijksportfolio.api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Rijksportfolio API",
    "DESCRIPTION": "API van Rijksportfolio volgens de NL API Design Rules. Foutmeldingen zijn application/problem+json.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        # portfolios.constants: Visibility, Section, Part (values as the API uses them)
        "ZichtbaarheidEnum": ["rijk", "op_aanvraag", "alleen_ik"],
        "DeelEnum": ["dossier", "analytisch", "ambitie", "vrij", "vaardigheden"],
        "PortfoliodeelEnum": ["dossier", "analytisch", "ambitie", "vrij"],
        "NiveauEnum": ["basis", "gevorderd", "ervaren", "expert"],
        "VaardigheidssoortEnum": ["vaardigheid", "kennis"],  # skills: Rijk skills
        "NaamherkomstEnum": ["team", "beheer"],  # skills: who gave a Dutch label of the Rijk
        # choice sets that share a field name (status, soort, functiefamilie) get a name of their own
        "KansstatusEnum": "rijksportfolio.opportunities.constants.OpportunityStatus",
        "KanssoortEnum": "rijksportfolio.opportunities.constants.OpportunityKind",
        "VerzoekstatusEnum": "rijksportfolio.portfolios.constants.RequestStatus",
        "PoolstatusEnum": "rijksportfolio.matching.models.PoolEntryStatus",
        "FunctiefamilieEnum": "rijksportfolio.people.constants.JobFamily",
        "VeldsoortEnum": [
            "text",
            "markdown",
            "date",
            "integer",
            "url",
            "choice",
            "boolean",
        ],  # portfolio schema
    },
}
API_VERSION = "1.0.0"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": setting("RPF_LOG_LEVEL", "WARNING", "Log level (DEBUG, INFO, WARNING, ERROR)."),
    },
}

# E-mail (Django's MAILERS): the console by default; SMTP with RPF_EMAIL_BACKEND=django.core.mail.backends.smtp.
# EmailBackend and the server settings below (used by the SMTP backend only).
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
_email_backend = setting(
    "RPF_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend",
    f"Django e-mail backend; `{SMTP_BACKEND}` to send through the SMTP server below.",
)
_smtp_options = {
    "host": setting("RPF_EMAIL_HOST", "localhost", "SMTP server (SMTP backend only)."),
    "port": setting("RPF_EMAIL_PORT", 25, "SMTP port (SMTP backend only).", kind="int"),
    "username": setting("RPF_EMAIL_USER", "", "SMTP user name; empty: no login (SMTP backend only)."),
    "password": setting("RPF_EMAIL_PASSWORD", "", "SMTP password (SMTP backend only; a secret)."),
    "use_tls": setting("RPF_EMAIL_USE_TLS", False, "SMTP with STARTTLS (SMTP backend only).", kind="bool"),
    "use_ssl": setting(
        "RPF_EMAIL_USE_SSL", False, "SMTP over implicit TLS (SMTP backend only).", kind="bool"
    ),
    "timeout": setting("RPF_EMAIL_TIMEOUT", 10, "SMTP timeout in seconds (SMTP backend only).", kind="int"),
}
MAILERS = {
    "default": {
        "BACKEND": _email_backend,
        "OPTIONS": _smtp_options if _email_backend == SMTP_BACKEND else {},
    }
}
DEFAULT_FROM_EMAIL = setting(
    "RPF_DEFAULT_FROM_EMAIL", "rijksportfolio@localhost", "Sender address of notifications."
)
PUBLIC_URL = setting(
    "RPF_PUBLIC_URL",
    "http://localhost:8000",
    "Address of the web application as users reach it, without trailing slash; used for links in e-mails.",
)

# Taxonomy administration (Dutch labels, Rijk skills): organisation administrators of this organisation.
TAXONOMY_ADMIN_ORGANISATION = setting(
    "RPF_TAXONOMY_ADMIN_ORGANISATION",
    "bzk",
    "Code of the organisation whose organisation administrators administer the skills taxonomy (Dutch "
    "labels, Rijk-specific skills; docs/decisions/0006-taxonomy-administrators.md).",
)

# Reference date of the generated demo Rijk (history runs up to it).
GENERATOR_REFERENCE_DATE = setting(
    "RPF_REFERENCE_DATE", "2024-12-31", "Default reference date of the synthetic Rijk generator."
)

# Analytical store of the workforce figures (Parquet, queried with DuckDB; docs/analytics-store.md).
ANALYTICS_DIR = Path(
    setting(
        "RPF_ANALYTICS_DIR",
        "",
        "Folder of the analytical store (Parquet files of the employment history); empty: RPF_DATA_DIR/analytics.",
    )
    or DATA_DIR / "analytics"
)
ANALYTICS_THREADS = setting(
    "RPF_ANALYTICS_THREADS",
    1,
    "Threads DuckDB may use for one query of the analytical store and for building its warehouse file. One "
    "suits a web process whose requests already run side by side; more can shorten a single large computation "
    "on otherwise idle cores (docs/analytics-store.md).",
    kind="int",
)
ANALYTICS_REFRESH = setting(
    "RPF_ANALYTICS_REFRESH",
    "background",
    "When the write services refresh the analytical store after a change: 'background' (a thread after the "
    "commit), 'inline' (before the call returns) or 'off' (only `rijksportfolio workforce refresh`, e.g. from cron).",
)

# Matching index freshness and alerts (docs/matching.md, "Freshness" and "Alerts").
MATCHING_REBUILD = setting(
    "RPF_MATCHING_REBUILD",
    "background",
    "How a process rebuilds its matching index in full when it is due (old, or its overlay of changed people "
    "too large): 'background' (a thread; searches keep using the current index meanwhile) or 'inline' (the "
    "search that finds it due waits for the rebuild).",
)
MATCHING_REBUILD_SECONDS = setting(
    "RPF_MATCHING_REBUILD_SECONDS",
    3600,
    "Seconds after which a process rebuilds its matching index in full (changes of single people are applied "
    "at once as an overlay; the rebuild also picks up what changes by the calendar alone).",
    kind="int",
)
MATCHING_OVERLAY_MAX = setting(
    "RPF_MATCHING_OVERLAY_MAX",
    5000,
    "People changed since the last full build that a process's matching index takes as an overlay before it is "
    "rebuilt in full; a single change of more people makes every process rebuild.",
    kind="int",
)
MATCHING_CHANGE_RETENTION_HOURS = setting(
    "RPF_MATCHING_CHANGE_RETENTION_HOURS",
    48,
    "Hours the matching change log is kept (`rijksportfolio matching alerts` deletes older entries); a process "
    "whose index is older rebuilds it in full.",
    kind="int",
)
