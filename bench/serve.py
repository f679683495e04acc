# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The HTTP side of the bench: gunicorn (or a wsgiref thread) on loopback, and timing a page."""

import http.client
import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.pages import API_HEADERS, KEY

ROOT = Path(__file__).resolve().parent.parent


class Server:
    """A running server: its port, how to stop it, and for gunicorn the master's pid (whose
    children are the workers; None for the in-process wsgiref thread)."""

    def __init__(self, kind, port, stop, module, pid=None, workers=1):
        self.kind, self.port, self.stop, self.module = kind, port, stop, module
        self.pid, self.workers = pid, workers


def preflight(port: int, pages, cookie: str) -> list[str]:
    """Every page once; returns what did not answer 200."""
    refused = []
    for name, path, coord, _n, _warm in pages:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            connection.request("GET", path, headers=_headers(coord, cookie))
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                refused.append(f"{name} ({path}, as {_as(coord)}) "
                               f"answered {response.status}")
        finally:
            connection.close()
    return refused


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ready(port: int, seconds: float, alive=lambda: True) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and alive():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return True
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    return False


# gunicorn.conf.py (read from ROOT) replaces a worker after WEB_MAX_REQUESTS (1,000 + up to 100)
# requests. Under load the replacement served nothing for 3-5 s on this machine (the old worker
# exits, the master forks the next one), and the new worker starts with empty caches: the load
# test's ~2,100 requests over two workers put both replacements into its last run, the directory
# alone, which then measured the restart, not the directory (0.26x /healthz at 3,000 areas, where
# drawing the directory again costs more than at 30). The bench times pages, not restarts.
NO_RECYCLING = {"WEB_MAX_REQUESTS": "0"}


def start_server(kind: str, module: str, workers: int = 1) -> Server:
    """gunicorn as gunicorn.conf.py configures it (gthread workers with WEB_THREADS threads) with
    `workers` processes (one for timing pages, two for the load test) that are never replaced
    while the bench runs (NO_RECYCLING); an in-process wsgiref thread when asked for, or when
    gunicorn does not come up."""
    if kind == "gunicorn":
        port = _free_port()
        log = tempfile.NamedTemporaryFile(prefix="lk-bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", module, "-b", f"127.0.0.1:{port}",
             "-w", str(workers), "--timeout", "120", "--graceful-timeout", "5"],
            cwd=ROOT, env={**os.environ, **NO_RECYCLING}, stdout=log, stderr=subprocess.STDOUT)

        def stop():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            log.close()
            os.unlink(log.name)

        if _ready(port, 30, alive=lambda: process.poll() is None):
            return Server("gunicorn", port, stop, module, pid=process.pid, workers=workers)
        log.flush()
        print("   gunicorn did not start; falling back to wsgiref. Its log:\n"
              + Path(log.name).read_text(errors="replace")[-2000:], flush=True)
        stop()
    return _start_wsgiref()


def _start_wsgiref() -> Server:
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    port = _free_port()
    httpd = make_server("127.0.0.1", port, get_wsgi_application(), WSGIServer, QuietHandler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()

    def stop():
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)

    if not _ready(port, 10):
        stop()
        raise RuntimeError("the wsgiref server did not answer /healthz")
    return Server("wsgiref (in-process thread)", port, stop, "django.core.wsgi")


def _headers(coord, cookie: str) -> dict:
    """The request headers of a page: the API key, the coordinator's session, or none."""
    if coord == KEY:
        return dict(API_HEADERS)
    return {"Cookie": cookie} if coord else {}


def _as(coord) -> str:
    return "API key" if coord == KEY else "coordinator" if coord else "anonymous"


def time_page(port: int, path: str, headers: dict, n: int, warmup: int, budget: float) -> dict:
    """`warmup` untimed requests, then up to `n` timed ones, stopping early after `budget` s."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def get():
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}")
        return body

    for _ in range(warmup):
        get()
    samples, size = [], 0
    deadline = time.monotonic() + budget
    for _ in range(n):
        started = time.perf_counter()
        size = len(get())
        samples.append(time.perf_counter() - started)
        if time.monotonic() > deadline:
            break
    connection.close()
    return {**timing_figures(samples), "bytes": size, "_samples": samples}


def timing_figures(samples: list[float]) -> dict:
    """n, median, p95 (nearest rank), mean, min and max in ms of `samples` (seconds)."""
    ordered = sorted(samples)
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] * 1000, 2),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 2),
        "min_ms": round(ordered[0] * 1000, 2), "max_ms": round(ordered[-1] * 1000, 2),
    }


def retime_floor(page: dict, port: int, headers: dict, warmup: int, budget: float) -> None:
    """Time a floor again after the case's pages and merge both runs' samples: on a busy machine
    the load moves between the first page and the last, and a floor timed once, first, would
    read every later page against a quieter moment. The two runs' medians stay in the JSON."""
    again = time_page(port, page["path"], headers, page["n"], warmup, budget)
    samples = page.pop("_samples") + again["_samples"]
    first, last = page["median_ms"], again["median_ms"]
    page.update(timing_figures(samples), median_first_ms=first, median_last_ms=last)
