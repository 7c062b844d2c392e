# SPDX-License-Identifier: EUPL-1.2
"""``rijksportfolio settings-doc``: write ``docs/operators/configuration.md`` from the settings code.

Every operator setting is read through :func:`rijksportfolio.conf.env.setting`, which registers its name, type,
default and description. This command executes the settings modules (``conf.base``, ``conf.dev``,
``conf.production``) afresh in a controlled environment, so the document does not depend on the variables set
on the machine that runs it, and renders one Markdown table. ``--check`` only compares and fails when the file
is out of date (like ``makemigrations --check``).
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import importlib.util
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rijksportfolio.conf import env

PACKAGE_DIR = Path(__file__).resolve().parents[3]  # src/rijksportfolio
DEFAULT_OUTPUT = PACKAGE_DIR.parent.parent / "docs" / "operators" / "configuration.md"

# A PostgreSQL URL keeps conf.base from creating the SQLite folder while it is executed; nothing connects to it.
_PLACEHOLDER_DATABASE_URL = "postgres://settings-doc@127.0.0.1:5432/settings_doc"
_PLACEHOLDER = "settings-doc-placeholder"
_REQUIRED = re.compile(r"^Environment variable (\S+) is required")
_DATA_DIR_MARKER = "<RPF_DATA_DIR>"
_KIND_LABELS = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "list"}


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    default: str  # as an operator would write it in the environment; "" when empty
    doc: str
    required_in_production: bool
    production_only: bool
    dev_default: str | None  # the demo/development default where it differs
    module: str


@contextlib.contextmanager
def _clean_environment() -> Iterator[None]:
    """Hide the caller's RPF_* variables and DATABASE_URL, so that only the defaults in code count."""
    saved = dict(os.environ)
    try:
        for name in list(os.environ):
            if name.startswith("RPF_") or name == "DATABASE_URL":
                del os.environ[name]
        os.environ["DATABASE_URL"] = _PLACEHOLDER_DATABASE_URL
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _run_module(module: str) -> dict[str, env.SettingDoc]:
    """Execute ``module``'s code in a fresh namespace (sys.modules untouched); return what it registered."""
    spec = importlib.util.find_spec(module)
    assert spec is not None, module
    assert spec.loader is not None, module
    code = spec.loader.get_code(module)  # type: ignore[attr-defined]
    env.REGISTRY.clear()
    exec(code, {"__name__": module, "__file__": spec.origin, "__package__": spec.parent})  # noqa: S102 - our own module
    return dict(env.REGISTRY)


def _run_production() -> tuple[dict[str, env.SettingDoc], set[str]]:
    """Execute conf.production, learning its required variables one configuration error at a time."""
    required: set[str] = set()
    while True:
        try:
            return _run_module("rijksportfolio.conf.production"), required
        except env.ImproperlyConfiguredError as exc:
            match = _REQUIRED.match(str(exc))
            if match is None or match.group(1) in required:
                raise
            required.add(match.group(1))
            os.environ[match.group(1)] = _PLACEHOLDER


# Settings modules executed afresh by collect(); ``test`` and ``bench`` only override for their purpose.
_SETTINGS_MODULES = ("base", "dev", "production", "test", "bench", "env", "__init__")
_CPU_COUNT = 2  # machine-dependent defaults (web server workers) are documented for a 2-core machine


def _other_modules() -> tuple[list[str], list[str]]:
    """Modules that call ``setting()`` at import time, found by reading the source: (in conf, elsewhere)."""
    in_conf: list[str] = []
    elsewhere: list[str] = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        rel = path.relative_to(PACKAGE_DIR.parent)
        if "tests" in rel.parts or "migrations" in rel.parts:
            continue
        if "from rijksportfolio.conf.env import setting" not in path.read_text(encoding="utf-8"):
            continue
        module = ".".join(rel.with_suffix("").parts)
        if rel.parts[1] == "conf":
            if path.stem not in _SETTINGS_MODULES:
                in_conf.append(module)
        else:
            elsewhere.append(module)
    return in_conf, elsewhere


@contextlib.contextmanager
def _fixed_cpu_count() -> Iterator[None]:
    original = os.cpu_count
    os.cpu_count = lambda: _CPU_COUNT
    try:
        yield
    finally:
        os.cpu_count = original


def _render_default(raw_repr: str, kind: str) -> str:
    if raw_repr in {"", "None"}:
        return ""
    try:
        value = ast.literal_eval(raw_repr)
    except (ValueError, SyntaxError):
        return raw_repr
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    text = str(value)
    default_data_dir = str(Path.cwd() / "var")
    return text.replace(default_data_dir, _DATA_DIR_MARKER)


def collect() -> list[Entry]:
    """All documented settings: conf.base first (in code order), then dev, production and other modules."""
    in_conf, elsewhere = _other_modules()
    for module in elsewhere:  # app modules are imported once, never executed twice
        importlib.import_module(module)
    before = dict(env.REGISTRY)
    extra: dict[str, env.SettingDoc] = {}
    extra_module: dict[str, str] = {}
    try:
        with _clean_environment(), _fixed_cpu_count():
            base = _run_module("rijksportfolio.conf.base")
            dev = _run_module("rijksportfolio.conf.dev")
            production, required = _run_production()
            for module in in_conf:
                found = _run_module(module)
                extra.update(found)
                extra_module.update(dict.fromkeys(found, module))
    finally:
        env.REGISTRY.clear()
        env.REGISTRY.update(before)

    entries: list[Entry] = []
    conf_names: list[str] = list(base) + [n for n in dev if n not in base]
    conf_names += [n for n in production if n not in conf_names]
    conf_names += [n for n in extra if n not in conf_names]
    for name in conf_names:
        doc = base.get(name) or dev.get(name) or production.get(name) or extra[name]
        dev_doc = dev.get(name)
        default = _render_default(doc.default, doc.kind)
        dev_default = _render_default(dev_doc.default, dev_doc.kind) if dev_doc else None
        entries.append(
            Entry(
                name=name,
                kind=doc.kind,
                default=default,
                doc=doc.doc,
                required_in_production=name in required,
                production_only=name in production and name not in base and name not in dev,
                dev_default=dev_default if dev_default is not None and dev_default != default else None,
                module=extra_module.get(name, "rijksportfolio.conf"),
            )
        )
    for name in sorted(set(before) - set(conf_names)):
        doc = before[name]
        entries.append(
            Entry(
                name=name,
                kind=doc.kind,
                default=_render_default(doc.default, doc.kind),
                doc=doc.doc,
                required_in_production=False,
                production_only=False,
                dev_default=None,
                module="",
            )
        )
    return entries


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    return f"`{text}`" if text else "*(empty)*"


def render(entries: list[Entry]) -> str:
    required = [e.name for e in entries if e.required_in_production]
    lines = [
        "<!-- SPDX-License-Identifier: EUPL-1.2 -->",
        "<!-- Generated by `rijksportfolio settings-doc` from src/rijksportfolio/conf; do not edit by hand. -->",
        "",
        "# Configuration",
        "",
        "Rijksportfolio is configured through environment variables only. Every variable below is read in code",
        "through `rijksportfolio.conf.env.setting()`, which is also where this page comes from: after adding or",
        "changing a setting, run `rijksportfolio settings-doc` (the test suite runs `settings-doc --check`).",
        "",
        "The settings module is chosen with `DJANGO_SETTINGS_MODULE`:",
        "",
        "| Module | Use |",
        "|---|---|",
        "| `rijksportfolio.conf.dev` | Default of the `rijksportfolio` command: local development and `make demo`. |",
        "| `rijksportfolio.conf.production` | Production (see [deployment](deployment.md)): no debug, HTTPS-only cookies, HSTS. |",
        "| `rijksportfolio.conf.test` | The test suite. |",
        "| `rijksportfolio.conf.bench` | `bench web`: production settings on loopback without TLS. |",
        "",
        "Booleans accept `1/0`, `true/false`, `yes/no`, `on/off`, `ja/nee`; lists are comma separated.",
        f"`{_DATA_DIR_MARKER}` stands for the absolute path of `RPF_DATA_DIR` (relative paths are taken from the",
        f"working directory). Defaults that depend on the machine are shown for a {_CPU_COUNT}-core machine.",
        "",
        "Required in production (`rijksportfolio.conf.production` refuses to start without them): "
        + ", ".join(f"`{n}`" for n in required)
        + ".",
        "",
        "| Variable | Type | Default | Description |",
        "|---|---|---|---|",
    ]
    for e in entries:
        notes = [_cell(e.doc)]
        if e.required_in_production and "required in production" not in e.doc.lower():
            notes.append("**Required in production.**")
        if e.production_only:
            notes.append("*Production settings only.*")
        if e.module != "rijksportfolio.conf":
            notes.append(f"Read by `{e.module}`." if e.module else "Read outside `rijksportfolio.conf`.")
        if e.dev_default is not None:
            notes.append(f"Development/demo default: {_code(e.dev_default)}.")
        lines.append(
            f"| `{e.name}` | {_KIND_LABELS.get(e.kind, e.kind)} | {_code(_cell(e.default))} | {' '.join(notes)} |"
        )
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Write docs/operators/configuration.md from the settings code. --check: fail when the file is out of date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Do not write; exit non-zero when the file is stale."
        )
        parser.add_argument(
            "--output", type=Path, default=DEFAULT_OUTPUT, help="Target file (default: %(default)s)."
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        output: Path = options["output"]
        text = render(collect())
        current = output.read_text(encoding="utf-8") if output.exists() else None
        if options["check"]:
            if current != text:
                raise CommandError(f"{output} is out of date; run `rijksportfolio settings-doc`.")
            self.stdout.write(f"{output} is up to date.")
            return
        if current == text:
            self.stdout.write(f"{output} is up to date.")
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {output}.")
