# SPDX-License-Identifier: EUPL-1.2
"""Enumerate every URL pattern of the project with its name and (for class-based views) HTTP methods."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

IGNORED_METHODS = {"options", "head", "trace"}


@dataclass(frozen=True)
class Endpoint:
    name: str | None  # namespaced URL name ("api:medewerker-list"); None when the pattern has no name
    route: str
    methods: tuple[str, ...] | None  # None: a function view whose methods cannot be introspected


def _methods(callback: Any) -> tuple[str, ...] | None:
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if cls is None:
        return None
    actions = getattr(callback, "actions", None)  # DRF viewsets
    if actions:
        return tuple(sorted(m.upper() for m in actions))
    from django.views.generic.edit import ProcessFormView

    methods = []
    for method in cls.http_method_names:
        handler = getattr(cls, method, None)
        if method in IGNORED_METHODS or handler is None:
            continue
        if method == "put" and handler is ProcessFormView.put:  # form views: PUT only aliases POST
            continue
        methods.append(method.upper())
    return tuple(sorted(methods))


def endpoints(resolver: URLResolver | None = None, namespace: str = "", prefix: str = "") -> list[Endpoint]:
    resolver = resolver or get_resolver()
    found: list[Endpoint] = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            child_ns = f"{namespace}{ns}:" if ns else namespace
            found += endpoints(pattern, child_ns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            found.append(
                Endpoint(name=name, route=prefix + str(pattern.pattern), methods=_methods(pattern.callback))
            )
    return found
