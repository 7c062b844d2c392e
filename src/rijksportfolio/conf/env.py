# SPDX-License-Identifier: EUPL-1.2
"""Every setting that an operator can change is read through :func:`setting`.

Each call registers the variable with its type, default and description, so that
``rijksportfolio settings-doc`` can write ``docs/operators/configuration.md`` from code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingDoc:
    name: str
    default: str
    doc: str
    kind: str


REGISTRY: dict[str, SettingDoc] = {}


class ImproperlyConfiguredError(RuntimeError):
    pass


def _to_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on", "ja"}:
        return True
    if value in {"0", "false", "no", "off", "nee", ""}:
        return False
    raise ValueError(f"not a boolean: {raw!r}")


def _to_list(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


_CASTS: dict[str, Callable[[str], Any]] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": _to_bool,
    "list": _to_list,
}


def setting(name: str, default: Any, doc: str, *, kind: str = "str", required: bool = False) -> Any:
    """Read environment variable ``RPF_<name>`` (or ``name`` itself when it is a well-known one).

    ``required=True`` makes a missing value a configuration error (used by production settings).
    """
    REGISTRY[name] = SettingDoc(
        name=name, default="" if default is None else repr(default), doc=doc, kind=kind
    )
    raw = os.environ.get(name)
    if raw is None:
        if required:
            raise ImproperlyConfiguredError(f"Environment variable {name} is required: {doc}")
        return default
    try:
        return _CASTS[kind](raw)
    except ValueError as exc:
        raise ImproperlyConfiguredError(f"Environment variable {name}: {exc}") from exc
