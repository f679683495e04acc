# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""`make run` (manage.py serve) as a process: SIGTERM stops the web server and its task worker,
and a worker that dies is started again."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.core.processes import PROJECT_DIR, SharedDatabase, wait_until_up
from tests.core.test_mail import free_port

pytestmark = pytest.mark.django_db(transaction=True)


def children(pid: int) -> list[tuple[int, str]]:
    """The process's children as (pid, command line); a thread or child that ends while they are
    read is left out."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            pids = (task / "children").read_text().split()
        except FileNotFoundError:
            continue
        for child in pids:
            try:
                cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except FileNotFoundError:
                continue
            found.append((int(child), cmdline))
    return found


def worker_of(pid: int) -> int | None:
    return next((child for child, cmdline in children(pid) if "db_worker" in cmdline), None)


def wait_for(condition, timeout: float = 30.0, what: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_sigterm_stops_the_server_and_its_worker_and_a_dead_worker_is_restarted(tmp_path):
    port = free_port()
    database = SharedDatabase(tmp_path)
    database.share()
    env = {**os.environ, "DATABASE_URL": database.url, "LOKALKONTAKT_DEMO": "0",
           "PYTHONUNBUFFERED": "1"}
    serve = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "serve", "--addrport", f"127.0.0.1:{port}"],
        cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", serve)
        first = wait_for(lambda: worker_of(serve.pid), what="the worker")

        os.kill(first, signal.SIGKILL)
        second = wait_for(lambda: (pid := worker_of(serve.pid)) and pid != first and pid,
                          what="a new worker")

        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=20)
        wait_for(lambda: not alive(second), timeout=15, what="the worker to stop")
    finally:
        if serve.poll() is None:
            serve.kill()
    output = serve.stdout.read().decode()
    assert "The task worker stopped (exit code -9); starting it again." in output
