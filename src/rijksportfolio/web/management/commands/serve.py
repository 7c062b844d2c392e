# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio serve``: the production server (Granian, ``rijksportfolio.conf.server``) or, with
``--dev``, Django's runserver with the development settings.

Settings of the production server: ``DJANGO_SETTINGS_MODULE`` when it names anything but the development
settings (the console command's own default), else ``rijksportfolio.conf.production``, which needs
``RPF_SECRET_KEY`` and ``RPF_ALLOWED_HOSTS``. Static files are served by WhiteNoise from ``STATIC_ROOT``;
``collectstatic`` runs first when its manifest is missing or older than a source file.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path
from types import ModuleType

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from rijksportfolio.conf import server as server_conf
from rijksportfolio.conf.env import ImproperlyConfiguredError

DEV_SETTINGS = "rijksportfolio.conf.dev"
PRODUCTION_SETTINGS = "rijksportfolio.conf.production"
_REQUIRED = re.compile(r"Environment variable (\S+) is required")


def production_settings_module(environ: dict[str, str] | os._Environ[str] | None = None) -> str:
    """The settings module the production server runs with (never the development settings)."""
    env = os.environ if environ is None else environ
    module = env.get("DJANGO_SETTINGS_MODULE") or PRODUCTION_SETTINGS
    return PRODUCTION_SETTINGS if module == DEV_SETTINGS else module


def load_settings_module(module_name: str, environ: dict[str, str] | None = None) -> ModuleType:
    """Execute a settings module afresh (not cached in ``sys.modules``) under ``environ``.

    Raises :class:`CommandError` with a Dutch message naming *every* missing required environment
    variable, rather than the first one only.
    """
    env = dict(os.environ if environ is None else environ)
    spec = importlib.util.find_spec(module_name)
    if spec is None or spec.loader is None:
        raise CommandError(_("Instellingenmodule %(module)s bestaat niet.") % {"module": module_name})
    missing: list[str] = []
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(env)
        for _attempt in range(20):
            module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
            except ImproperlyConfiguredError as exc:
                match = _REQUIRED.search(str(exc))
                if match is None:
                    raise CommandError(_("Ongeldige configuratie: %(error)s") % {"error": exc}) from exc
                missing.append(match.group(1))
                os.environ[match.group(1)] = "placeholder"
                continue
            break
    finally:
        os.environ.clear()
        os.environ.update(saved)
    if missing:
        raise CommandError(
            _(
                "De productie-instellingen (%(module)s) vereisen de omgevingsvariabele(n) %(names)s. "
                "Zet ze, bijvoorbeeld: export RPF_SECRET_KEY=\"$(python -c 'import secrets; print(secrets.token_urlsafe(50))')\" "
                "RPF_ALLOWED_HOSTS=portfolio.example.nl — of gebruik --dev voor lokale ontwikkeling."
            )
            % {"module": module_name, "names": ", ".join(missing)}
        )
    return module


def server_argv(*, host: str, port: int, workers: int | None = None, threads: int | None = None) -> list[str]:
    """The command line of the production server; ``bench web`` starts the very same one."""
    return server_conf.server_argv(host=host, port=port, workers=workers, threads=threads)


def static_is_stale(static_root: Path, source_dirs: list[Path]) -> bool:
    """Is the collected-static manifest missing or older than any source file?"""
    manifest = Path(static_root) / "staticfiles.json"
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    for folder in source_dirs:
        for path in folder.rglob("*"):
            if path.is_file() and path.stat().st_mtime > built:
                return True
    return False


def static_source_dirs() -> list[Path]:
    """Every ``static/`` folder the staticfiles finders look in (apps and STATICFILES_DIRS)."""
    from django.contrib.staticfiles import finders

    dirs: list[Path] = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location and Path(location).is_dir():
                dirs.append(Path(location))
    return dirs


def collectstatic_if_needed(
    *, settings_module: str, static_root: Path, environ: dict[str, str], force: bool = False
) -> bool:
    """Run ``collectstatic --noinput`` under ``settings_module`` when needed; returns whether it ran."""
    import subprocess

    if not force and not static_is_stale(static_root, static_source_dirs()):
        return False
    env = {**environ, "DJANGO_SETTINGS_MODULE": settings_module}
    subprocess.run(
        [sys.executable, "-m", "rijksportfolio", "collectstatic", "--noinput", "--verbosity", "0"],
        env=env,
        check=True,
    )
    return True


class Command(BaseCommand):
    help = (
        "Serve the web app with the production server (Granian: worker processes with app threads; settings from "
        "DJANGO_SETTINGS_MODULE or rijksportfolio.conf.production) or, with --dev, Django's runserver. "
        "--check validates the configuration and exits."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000, help="Port (default 8000).")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help=f"Worker processes (default RPF_WEB_WORKERS or one per core = {server_conf.default_workers()}).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=None,
            help=f"App threads per worker (default RPF_WEB_THREADS or {server_conf.DEFAULT_THREADS}).",
        )
        parser.add_argument(
            "--dev",
            action="store_true",
            help="Django's runserver with rijksportfolio.conf.dev (auto-reload, DEBUG).",
        )
        parser.add_argument(
            "--collectstatic",
            action="store_true",
            help="Run collectstatic first even if it looks up to date.",
        )
        parser.add_argument(
            "--check", action="store_true", help="Validate the configuration, collect static files and exit."
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["dev"]:
            return self._dev(options)
        settings_module = production_settings_module()
        env = dict(os.environ)
        config = load_settings_module(settings_module, env)
        if getattr(config, "DEBUG", False):
            raise CommandError(
                _("%(module)s zet DEBUG aan; de productieserver draait nooit met DEBUG.")
                % {"module": settings_module}
            )
        ran = collectstatic_if_needed(
            settings_module=settings_module,
            static_root=Path(config.STATIC_ROOT),
            environ=env,
            force=options["collectstatic"],
        )
        if ran:
            self.stdout.write(_("Statische bestanden verzameld in %(root)s.") % {"root": config.STATIC_ROOT})
        argv = server_argv(
            host=options["host"], port=options["port"], workers=options["workers"], threads=options["threads"]
        )
        if options["check"]:
            self.stdout.write(_("Configuratie in orde (%(module)s).") % {"module": settings_module})
            self.stdout.write(" ".join(argv))
            return None
        self.stdout.write(
            _("Rijksportfolio (%(module)s) draait op http://%(host)s:%(port)s/ — stoppen met Ctrl+C.")
            % {"module": settings_module, "host": options["host"], "port": options["port"]}
        )
        self.stdout.flush()
        env["DJANGO_SETTINGS_MODULE"] = settings_module
        os.execve(sys.executable, argv, env)  # noqa: S606 - replace this process with the server
        return None

    def _dev(self, options: dict) -> None:  # type: ignore[type-arg]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": DEV_SETTINGS}
        argv = [sys.executable, "-m", "rijksportfolio", "runserver", f"{options['host']}:{options['port']}"]
        if options["check"]:
            load_settings_module(DEV_SETTINGS, env)
            self.stdout.write(_("Configuratie in orde (%(module)s).") % {"module": DEV_SETTINGS})
            self.stdout.write(" ".join(argv))
            return
        os.execve(sys.executable, argv, env)  # noqa: S606 - replace this process with runserver
