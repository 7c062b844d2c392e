# SPDX-License-Identifier: EUPL-1.2
"""Operators configure e-mail through the environment (docs/operators/configuration.md): the backend and, for
SMTP, the server. Each case starts a fresh interpreter, because settings are read once at start-up."""

import json
import os
import subprocess
import sys

PROBE = """
import json, django
django.setup()
from django.core.mail import mailers
m = mailers.default
print(json.dumps({"class": type(m).__module__ + "." + type(m).__name__,
                  "host": getattr(m, "host", None), "port": getattr(m, "port", None),
                  "username": getattr(m, "username", None), "use_tls": getattr(m, "use_tls", None),
                  "timeout": getattr(m, "timeout", None)}))
"""


def _mailer(**env: str) -> dict:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("RPF_EMAIL")}
    environ.update(env, DJANGO_SETTINGS_MODULE="rijksportfolio.conf.dev")
    out = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", PROBE],
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_default_writes_mail_to_the_console():
    assert _mailer()["class"] == "django.core.mail.backends.console.EmailBackend"


def test_smtp_takes_server_login_and_tls_from_the_environment():
    mailer = _mailer(
        RPF_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        RPF_EMAIL_HOST="smtp.rijk.example",
        RPF_EMAIL_PORT="587",
        RPF_EMAIL_USER="rijksportfolio",
        RPF_EMAIL_PASSWORD="geheim",
        RPF_EMAIL_USE_TLS="true",
        RPF_EMAIL_TIMEOUT="5",
    )
    assert mailer == {
        "class": "django.core.mail.backends.smtp.EmailBackend",
        "host": "smtp.rijk.example",
        "port": 587,
        "username": "rijksportfolio",
        "use_tls": True,
        "timeout": 5,
    }
