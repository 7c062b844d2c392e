# SPDX-License-Identifier: EUPL-1.2
"""Gunicorn configuration of the production server (``rijksportfolio serve``; ``bench web`` uses it too).

Load it with ``gunicorn -c python:rijksportfolio.conf.gunicorn rijksportfolio.wsgi``. ``serve`` passes
``--bind``, ``--workers`` and ``--threads`` on the command line, which win over the values here.

Defaults were measured with ``rijksportfolio bench web`` on a 2-core machine (docs/performance.md,
section "bench web"): threaded workers (``gthread``), one process per core plus one, a few threads each.
Threads overlap the time a request waits on PostgreSQL; more processes than cores only add context switches
and memory, and keep-alive (which sync workers lack) saves a TCP handshake per request behind a proxy.
"""

from __future__ import annotations

import os

from rijksportfolio.conf.env import setting


def default_workers(cpus: int | None = None) -> int:
    """One worker process per core plus one (3 on a 2-core machine)."""
    return (cpus if cpus is not None else (os.cpu_count() or 1)) + 1


DEFAULT_THREADS = 4

bind = setting("RPF_WEB_BIND", "127.0.0.1:8000", "Address the production server (gunicorn) listens on.")
workers = setting(
    "RPF_WEB_WORKERS", default_workers(), "Gunicorn worker processes (default: cores + 1).", kind="int"
)
threads = setting("RPF_WEB_THREADS", DEFAULT_THREADS, "Threads per gunicorn worker (gthread).", kind="int")
worker_class = "gthread"
# Keep connections from a reverse proxy open between requests.
keepalive = setting("RPF_WEB_KEEPALIVE", 5, "Seconds an idle keep-alive connection is kept open.", kind="int")
timeout = setting(
    "RPF_WEB_TIMEOUT", 30, "Seconds before a silent worker is killed and restarted.", kind="int"
)
graceful_timeout = 30
# Recycle workers now and then so that slow memory growth cannot accumulate.
max_requests = setting(
    "RPF_WEB_MAX_REQUESTS", 20000, "Requests after which a worker is replaced (0: never).", kind="int"
)
max_requests_jitter = max_requests // 10
# Import the app once in the master; workers fork with it loaded (faster start, shared memory).
# Django opens no database connection at import time, so none is shared between processes.
preload_app = True
# The worker heartbeat file on tmpfs: a slow disk must not make the arbiter kill healthy workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - tmpfs, not a temp file
accesslog = (
    "-"
    if setting("RPF_WEB_ACCESS_LOG", False, "Write an access log line per request to stdout.", kind="bool")
    else None
)
errorlog = "-"
loglevel = setting("RPF_WEB_LOG_LEVEL", "info", "Gunicorn log level.")
# Trust X-Forwarded-* only from a proxy on this machine.
forwarded_allow_ips = setting(
    "RPF_WEB_FORWARDED_ALLOW_IPS", "127.0.0.1,::1", "Proxy addresses whose X-Forwarded-* headers are trusted."
)
proc_name = "rijksportfolio"
# No runtime control socket (gunicorn ≥ 25): nothing uses it, and several servers on one machine (serve,
# bench web, tests) would contend for the same default path.
control_socket_disable = True
