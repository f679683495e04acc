# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Peak memory (issue 20): the resident-set high-water mark of a gunicorn worker (VmHWM in
/proc/<pid>/status), of `manage.py run_jobs` and of rendering a briefing pack's PDF (each in a
process of its own: ru_maxrss from wait4, the kernel's peak resident set of that process).

`python -m bench.memory pdf PATH USERNAME` is the PDF probe: it sets Django up, signs the user in
(django.test.Client), gets the area's briefing pack as HTML (so templates, URLs and the database
connection are warm), notes VmHWM, then gets PATH (the PDF) and prints JSON: the peak before and
after, the time and the size. Linux only (/proc)."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def status_kib(pid: int | str = "self", field: str = "VmHWM") -> int | None:
    """A field of /proc/<pid>/status in KiB (VmHWM: peak resident; VmRSS: resident now); None
    when the process is gone or the field is missing."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return None


def worker_pids(master: int) -> list[int]:
    """The children of `master` (gunicorn's workers), from /proc/<pid>/stat's parent field."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'
        if int(stat.rsplit(")", 1)[1].split()[1]) == master:
            children.append(int(entry.name))
    return sorted(children)


def run_measured(command: list[str], *, timeout: float, env=None) -> dict:
    """Run `command` to its end; its exit code, wall time, peak resident set (ru_maxrss, KiB)
    and the last lines of its output. Killed after `timeout` seconds."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env or os.environ.copy(),  # noqa: S603
                                   stdout=output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode(errors="replace")
    return {"returncode": process.returncode, "s": round(seconds, 2),
            "peak_rss_kib": usage.ru_maxrss, "output": text.strip().splitlines()[-10:]}


def run_jobs_memory(timeout: float = 600) -> dict:
    """`manage.py run_jobs`, the periodic jobs, on the case's database (os.environ's)."""
    return run_measured([sys.executable, "manage.py", "run_jobs"], timeout=timeout)


def pdf_memory(path: str, username: str, timeout: float = 300) -> dict:
    """The PDF probe below in a process of its own: its figures and its peak resident set."""
    measured = run_measured([sys.executable, "-m", "bench.memory", "pdf", path, username],
                            timeout=timeout)
    try:
        probe = json.loads(measured["output"][-1])
    except (IndexError, ValueError):
        return {**measured, "error": "the PDF probe printed no figures"}
    return {**probe, "process_peak_rss_kib": measured["peak_rss_kib"], "s": measured["s"],
            "returncode": measured["returncode"]}


def _pdf_probe(path: str, username: str) -> dict:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    import lokalkontakt.core.roles  # noqa: F401 - the role permissions, as bench.wsgi does

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    html = path.replace(".pdf", "/") if path.endswith(".pdf") else path
    warm = client.get(html)
    before = status_kib()
    started = time.perf_counter()
    response = client.get(path)
    ms = (time.perf_counter() - started) * 1000
    after = status_kib()
    return {"path": path, "status": response.status_code, "warm_status": warm.status_code,
            "bytes": len(response.content), "ms": round(ms, 1), "peak_rss_before_kib": before,
            "peak_rss_after_kib": after, "peak_rss_added_kib": after - before}


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "pdf":
        sys.exit("usage: python -m bench.memory pdf PATH USERNAME")
    print(json.dumps(_pdf_probe(sys.argv[2], sys.argv[3])))
