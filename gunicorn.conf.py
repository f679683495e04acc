# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""gunicorn's settings for Lokalkontakt's web process (scripts/start-web), from the environment.
docs/operations.md, Production start-up, lists them."""

import multiprocessing
import os

# Where to listen: BIND (host:port), else all interfaces on PORT (8000), as a container does.
bind = [os.environ.get("BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"]
# Processes from the CPU count (2 per core + 1, at most 12); WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count() + 1, 12))
# Threads per process (gthread): a request waiting for the database does not hold a process.
threads = int(os.environ.get("WEB_THREADS", "4"))
worker_class = "gthread"
# The briefing pack's PDF and the XLSX exports take seconds; a request longer than this is killed.
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("WEB_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# A process is replaced after this many requests (memory held by a library is returned).
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
# The application is loaded once before the processes fork: a broken setting stops the start.
preload_app = True
# The heartbeat file in memory, not on a container's overlay file system.
# No control socket (gunicorn ≥ 24): several instances in one home directory would share it.
control_socket_disable = True
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

# X-Forwarded-Proto and the like are believed only from these addresses (the TLS proxy):
# FORWARDED_ALLOW_IPS, comma-separated, or "*" when only the proxy can reach the container.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# The access log is the application's (logger lokalkontakt.access): it logs a path as its URL
# pattern, so private links' tokens never reach it; gunicorn would log the path itself.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
_json = os.environ.get("LOG_FORMAT", "json" if os.environ.get("LOKALKONTAKT_DEV") == "0" else "text")
if _json.strip().lower() == "json":
    from lokalkontakt.core.logs import gunicorn_logging

    logconfig_dict = gunicorn_logging(loglevel.upper())
