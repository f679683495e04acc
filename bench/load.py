# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The bounded load test (issue 20): gunicorn with two worker processes (gthread, as
gunicorn.conf.py sets; never replaced during the run, bench.serve.NO_RECYCLING), eight
concurrent clients (threads with http.client, a new connection per request), a fixed number
of requests over a mix of public and staff pages; then /healthz and the directory alone, for
the directory's throughput against /healthz's. Every loop is bounded by a request count and a
time budget; only loopback traffic."""

import http.client
import math
import os
import statistics
import threading
import time
from urllib.parse import quote

# name, path (may hold {slug} and {meeting}), signed in as coordinator?, weight in the mix.
# Public: the floor, the directory, an area page, a search; staff: the coordinator's overview,
# the inquiry list and the next meeting's page. Public pages weigh more, as on a real site.
LOAD_MIX = [
    ("healthz", "/healthz", False, 1),
    ("directory", "/omraader/", False, 2),
    ("area page", "/omraader/{slug}/", False, 2),
    ("search", "/soeg/?q=" + quote("lokalråd"), False, 1),
    ("coordinator's overview", "/overblik/", True, 1),
    ("inquiry list", "/henvendelser/?scope=all", True, 1),
    ("meeting page", "/moeder/{meeting}/", True, 1),
]
LOAD_REQUESTS = 2000
LOAD_CLIENTS = 8
LOAD_WORKERS = 2
# Time budgets: a run stops there whatever is left (`n` against `asked` says how many ran).
LOAD_BUDGET_S = 300.0  # the mix
WARMUP_BUDGET_S = 60.0  # the warm-up before it
ALONE_BUDGET_S = 60.0  # each page alone
ALONE = ("healthz", "directory")  # each alone, for the throughput ratio
RUN_JOBS_TIMEOUT_S = 300.0
PDF_TIMEOUT_S = 120.0
# What the load test and the memory figures add to an area case at most (its child's timeout):
# server start-ups, the runs' budgets and the two processes' timeouts, with room.
LOAD_TIMEOUT_S = int(60 + WARMUP_BUDGET_S + LOAD_BUDGET_S + len(ALONE) * ALONE_BUDGET_S
                     + RUN_JOBS_TIMEOUT_S + PDF_TIMEOUT_S + 60)
ERROR_SAMPLES = 5


def plan(mix, requests: int) -> list[tuple]:
    """`requests` (name, path, headers) in a fixed interleaved order: each round holds every page
    `weight` times, spread through the round, so each client sees the whole mix."""
    round_ = []
    for step in range(max(weight for *_rest, weight in mix)):
        round_ += [(name, path, headers) for name, path, headers, weight in mix if step < weight]
    return [round_[i % len(round_)] for i in range(requests)]


def _get(port: int, path: str, headers: dict) -> str | None:
    """One request on a new connection; None when it answered 200, else what went wrong."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return None if response.status == 200 else f"{response.status}"
    except (OSError, http.client.HTTPException) as error:
        return f"{type(error).__name__}: {error}"
    finally:
        connection.close()


def run(port: int, requests: list[tuple], clients: int = LOAD_CLIENTS,
        budget: float = LOAD_BUDGET_S) -> dict:
    """`requests` from `clients` threads at once, each taking the next one until none is left
    or the budget is spent; the figures per page and over all (see summarise)."""
    lock, position, records = threading.Lock(), [0], []
    deadline = time.monotonic() + budget

    def client():
        while time.monotonic() < deadline:
            with lock:
                if position[0] >= len(requests):
                    return
                name, path, headers = requests[position[0]]
                position[0] += 1
            started = time.perf_counter()
            error = _get(port, path, headers)
            seconds = time.perf_counter() - started
            with lock:
                records.append((name, seconds, error and f"{path}: {error}"))

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarise(records, time.perf_counter() - started, clients=clients,
                     asked=len(requests), order=[name for name, _path, _headers in requests])


def percentile(ordered: list[float], share: float) -> float:
    """Nearest rank: the smallest value with at least `share` of the values at or below it."""
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _figures(samples: list[float], errors: int, wall: float) -> dict:
    ordered = sorted(samples)
    ms = {f"p{int(share * 100)}_ms": round(percentile(ordered, share) * 1000, 2) if ordered else None
          for share in (0.5, 0.95, 0.99)}
    return {"n": len(samples), "rps": round(len(samples) / wall, 1) if wall else None,
            **ms, "mean_ms": round(statistics.fmean(ordered) * 1000, 2) if ordered else None,
            "errors": errors}


def summarise(records: list[tuple], wall: float, *, clients: int, asked: int,
              order: list[str] = ()) -> dict:
    """records: (page name, seconds, error or None). Per page (in `order`, then as first seen)
    and over all:
    n, requests/s (the page's share of the run's wall time), p50/p95/p99, mean, errors; plus
    up to five error messages."""
    seen = {name for name, _s, _e in records}
    names = list(dict.fromkeys([*(name for name in order if name in seen),
                                *(name for name, _s, _e in records)]))
    pages = []
    for name in names:
        mine = [(seconds, error) for page, seconds, error in records if page == name]
        pages.append({"name": name, **_figures([s for s, _e in mine],
                                               sum(1 for _s, e in mine if e), wall)})
    errors = [error for _n, _s, error in records if error]
    return {"clients": clients, "asked": asked, "wall_s": round(wall, 2),
            **_figures([s for _n, s, _e in records], len(errors), wall),
            "pages": pages, "error_samples": errors[:ERROR_SAMPLES]}


def load_case(*, kind: str, module: str, cookie: str, slug: str, meeting, requests: int,
              clients: int = LOAD_CLIENTS, workers: int = LOAD_WORKERS) -> dict:
    """The mix, then /healthz and the directory alone (each half the mix's count), on a server
    of `workers` workers; then each worker's peak resident memory. The load average before and
    after, as other work on the machine moves every figure here."""
    from bench.memory import status_kib, worker_pids
    from bench.serve import start_server

    mix = [(name, path.format(slug=slug, meeting=meeting), {"Cookie": cookie} if staff else {},
            weight) for name, path, staff, weight in LOAD_MIX]
    load_before = os.getloadavg()
    server = start_server(kind, module, workers=workers)
    try:
        # warm-up: every worker, every page
        run(server.port, plan(mix, 2 * clients * len(mix)), clients, budget=WARMUP_BUDGET_S)
        result = {"server": f"{server.kind} {server.module}", "workers": server.workers,
                  "mix": run(server.port, plan(mix, requests), clients)}
        alone = {}
        for name in ALONE:
            page = [entry for entry in mix if entry[0] == name]
            alone[name] = run(server.port, plan(page, max(requests // 2, clients)), clients,
                              budget=ALONE_BUDGET_S)
            alone[name].pop("pages")
        result["alone"] = alone
        pids = worker_pids(server.pid) if server.pid else []
        result["worker_peak_rss_kib"] = [status_kib(pid, "VmHWM") for pid in pids]
    finally:
        server.stop()
    result["load_average_before_after"] = [[round(value, 2) for value in load_before],
                                           [round(value, 2) for value in os.getloadavg()]]
    return result
