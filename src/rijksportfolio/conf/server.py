# SPDX-License-Identifier: EUPL-1.2
"""The production web server (``rijksportfolio serve``; ``bench web`` starts the very same one): Granian,
a Rust HTTP server, running the WSGI app (ADR docs/decisions/0005-granian-production-server.md).

Defaults were measured with ``rijksportfolio bench web`` on a 2-core machine (docs/performance.md, section
"bench web"): one worker process per core, each running the app in two threads (the second overlaps the
time a request waits on PostgreSQL). HTTP parsing, keep-alive connections and writing the response happen
in Rust outside the GIL; a busy worker does not hoard connections it cannot serve.
"""

from __future__ import annotations

import os
import sys

from rijksportfolio.conf.env import setting

WSGI_APP = "rijksportfolio.wsgi:application"
SERVER = "granian"


def default_workers(cpus: int | None = None) -> int:
    """One worker process per core."""
    return max(1, cpus if cpus is not None else (os.cpu_count() or 1))


DEFAULT_THREADS = 2

WORKERS = setting(
    "RPF_WEB_WORKERS", default_workers(), "Web server worker processes (default: one per core).", kind="int"
)
THREADS = setting(
    "RPF_WEB_THREADS",
    DEFAULT_THREADS,
    "Threads per web server worker that run the app (Granian blocking threads).",
    kind="int",
)
KEEPALIVE = setting(
    "RPF_WEB_KEEPALIVE",
    True,
    "Keep HTTP/1.1 connections (from the reverse proxy) open between requests.",
    kind="bool",
)
BACKLOG = setting(
    "RPF_WEB_BACKLOG",
    1024,
    "Connections the listening socket holds before the server takes them.",
    kind="int",
)
LIFETIME = setting(
    "RPF_WEB_WORKER_LIFETIME",
    86400,
    "Seconds after which a worker process is replaced, so that slow memory growth cannot accumulate (0: never).",
    kind="int",
)
MAX_RSS = setting(
    "RPF_WEB_WORKER_MAX_RSS",
    1024,
    "Memory (MiB) above which a worker process is replaced (0: no limit).",
    kind="int",
)
GRACEFUL_TIMEOUT = setting(
    "RPF_WEB_GRACEFUL_TIMEOUT",
    30,
    "Seconds a stopping worker may take to finish its requests before it is killed.",
    kind="int",
)
ACCESS_LOG = setting("RPF_WEB_ACCESS_LOG", False, "Write an access log line per request.", kind="bool")
LOG_LEVEL = setting("RPF_WEB_LOG_LEVEL", "info", "Web server log level.")


def server_argv(*, host: str, port: int, workers: int | None = None, threads: int | None = None) -> list[str]:
    """The command line of the production server: this interpreter running Granian with the WSGI app."""
    argv = [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers if workers is not None else WORKERS),
        "--blocking-threads",
        str(threads if threads is not None else THREADS),
        "--backlog",
        str(BACKLOG),
        "--http",
        "1",
        "--no-ws",
        "--http1-keep-alive" if KEEPALIVE else "--no-http1-keep-alive",
        "--respawn-failed-workers",
        # Also bounds a stop that a worker missed (a signal during its start-up): never wait forever.
        "--workers-kill-timeout",
        str(max(1, GRACEFUL_TIMEOUT)),
        "--log-level",
        str(LOG_LEVEL),
        "--access-log" if ACCESS_LOG else "--no-access-log",
    ]
    if LIFETIME > 0:
        argv += ["--workers-lifetime", str(max(60, LIFETIME))]
    if MAX_RSS > 0:
        argv += ["--workers-max-rss", str(MAX_RSS)]
    return [*argv, WSGI_APP]
