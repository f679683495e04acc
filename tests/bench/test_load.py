# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The bench's load test and memory figures, on a live server and real child processes."""

import os
import subprocess
import sys

import pytest

from bench import load
from bench.memory import run_measured, status_kib, worker_pids
from bench.serve import retime_floor, time_page


def test_the_plan_interleaves_the_mix_by_weight_and_holds_exactly_the_requests_asked():
    mix = [("a", "/a", {}, 1), ("b", "/b", {}, 2), ("c", "/c", {}, 1)]
    planned = load.plan(mix, 10)
    assert [name for name, _path, _headers in planned] == ["a", "b", "c", "b", "a", "b", "c", "b",
                                                           "a", "b"]


def test_the_summary_gives_nearest_rank_percentiles_throughput_and_errors_per_page():
    records = ([("fast", ms / 1000, None) for ms in range(1, 101)]
               + [("broken", 0.5, "/x: 500"), ("broken", 0.5, None)])
    summary = load.summarise(records, 2.0, clients=8, asked=110)
    fast, broken = summary["pages"]
    assert (fast["name"], fast["n"], fast["rps"]) == ("fast", 100, 50.0)
    assert (fast["p50_ms"], fast["p95_ms"], fast["p99_ms"]) == (50.0, 95.0, 99.0)
    assert (broken["n"], broken["errors"]) == (2, 1)
    assert (summary["n"], summary["asked"], summary["errors"], summary["rps"]) == (102, 110, 1, 51.0)
    assert summary["error_samples"] == ["/x: 500"]


@pytest.mark.django_db(transaction=True)
def test_a_small_load_run_against_a_live_server_counts_every_request_and_error(live_server):
    port = int(live_server.url.rsplit(":", 1)[1])
    # Pages that only read: /healthz writes (and rolls back), and the test database (SQLite in
    # memory, shared between the live server's threads) refuses a second writer at once
    # instead of waiting as a database file does, so it would count an error of the test's own.
    mix = [("privacy", "/privatliv/", {}, 1), ("layout", "/privatliv/", {}, 2),
           ("missing", "/findes-ikke/", {}, 1)]
    result = load.run(port, load.plan(mix, 40), clients=4, budget=60)
    pages = {entry["name"]: entry for entry in result["pages"]}
    assert result["n"] == 40 and result["clients"] == 4
    assert (pages["privacy"]["n"], pages["layout"]["n"], pages["missing"]["n"]) == (10, 20, 10)
    assert (pages["privacy"]["errors"], pages["layout"]["errors"]) == (0, 0)
    assert pages["missing"]["errors"] == result["errors"] == 10
    assert result["error_samples"][0] == "/findes-ikke/: 404"
    assert result["rps"] > 0 and result["p99_ms"] >= result["p50_ms"] > 0


def test_a_child_process_reports_its_own_peak_memory_not_the_parents(tmp_path):
    script = tmp_path / "allocate.py"
    script.write_text("import sys\n"
                      "block = bytearray(int(sys.argv[1]) * 1024 * 1024)\n"
                      "block[::4096] = b'x' * len(block[::4096])\n"
                      "del block\n"
                      "print('allocated', sys.argv[1])\n")
    parent = status_kib("self", "VmHWM")
    small = run_measured([str(script), "1"], timeout=60)
    large = run_measured([str(script), "96"], timeout=60)
    assert (small["returncode"], large["returncode"]) == (0, 0)
    assert large["output"] == ["allocated 96"]
    assert large["peak_rss_kib"] >= 96 * 1024 > small["peak_rss_kib"]
    assert small["peak_rss_kib"] < parent  # the test process's own peak is not carried over
    assert status_kib("self", "VmHWM") >= status_kib("self", "VmRSS") > 0
    assert status_kib(2**22 + 7) is None  # no such process


def test_a_command_over_its_time_is_stopped(tmp_path):
    script = tmp_path / "sleep.py"
    script.write_text("import time\ntime.sleep(30)\n")
    measured = run_measured([str(script)], timeout=1)
    assert measured["returncode"] is None and measured["s"] < 10
    assert measured["peak_rss_kib"] is None


def test_the_workers_are_found_as_the_masters_children():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in worker_pids(os.getpid())
    finally:
        child.kill()
        child.wait()


@pytest.mark.django_db(transaction=True)
def test_a_floor_timed_again_holds_both_runs_and_both_medians(live_server):
    port = int(live_server.url.rsplit(":", 1)[1])
    page = {"name": "layout (public)", "path": "/privatliv/",
            **time_page(port, "/privatliv/", {}, 5, 1, 30)}
    first = page["median_ms"]
    retime_floor(page, port, {}, 1, 30)
    assert page["n"] == 10 and "_samples" not in page
    assert page["median_first_ms"] == first and page["median_last_ms"] > 0
    assert page["min_ms"] <= page["median_ms"] <= page["max_ms"]
