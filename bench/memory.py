# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Peak memory (issue 20): the resident-set high-water mark (VmHWM in /proc/<pid>/status) of a
gunicorn worker, of `manage.py run_jobs` and of rendering a briefing pack's PDF, the last two
each in a fresh process that reports its own VmHWM as it ends. (Not ru_maxrss from wait4: Linux
carries the parent's peak into a child across fork and exec, so every child of the bench's
case process would report at least that process's few hundred MiB.)

`python -m bench.memory peak SCRIPT ARGS...` runs a Python script (`manage.py run_jobs`) as
`python SCRIPT ARGS...` would and prints its VmHWM last, after a marker.
`python -m bench.memory pdf PATH USERNAME` is the PDF probe: it sets Django up, signs the user in
(django.test.Client), gets the area's briefing pack as HTML (so templates, URLs and the database
connection are warm), notes VmHWM, then gets PATH (the PDF) and prints JSON: the peak before and
after, the time and the size. Linux only (/proc)."""

import json
import os
import runpy
import subprocess
import sys
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


MARKER = "bench.memory VmHWM kB:"


def _run(command: list[str], timeout: float, env=None) -> tuple:
    """(exit code or None when killed after `timeout` s, seconds, stdout, stderr)."""
    started = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=ROOT, env=env or os.environ.copy(), timeout=timeout,  # noqa: S603
                              capture_output=True, text=True, errors="replace", check=False)
        returncode, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as expired:
        returncode, out, err = None, str(expired.stdout or ""), f"killed after {timeout} s"
    return returncode, round(time.perf_counter() - started, 2), out, err


def run_measured(script: list[str], *, timeout: float, env=None) -> dict:
    """Run `python SCRIPT ARGS...` to its end through `python -m bench.memory peak`; its exit
    code, wall time, peak resident set (KiB, None if it did not get to say) and the last lines
    of its output. Killed after `timeout` seconds."""
    returncode, seconds, out, err = _run([sys.executable, "-m", "bench.memory", "peak", *script],
                                         timeout, env)
    lines = (out + err).splitlines()
    peaks = [line for line in lines if line.startswith(MARKER)]
    return {"returncode": returncode, "s": seconds,
            "peak_rss_kib": int(peaks[-1].split()[-1]) if peaks else None,
            "output": [line for line in lines if line.strip() and not line.startswith(MARKER)][-10:]}


def _run_script(script: str, args: list[str]) -> int:
    """Run a script as __main__ (with its own sys.argv), then print this process's VmHWM."""
    sys.argv = [script, *args]
    sys.path.insert(0, str(Path(script).resolve().parent))
    code = 0
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    finally:
        sys.stdout.flush()
        print(f"{MARKER} {status_kib()}", flush=True)
    return code


def run_jobs_memory(timeout: float = 300) -> dict:
    """`manage.py run_jobs`, the periodic jobs, on the case's database (os.environ's)."""
    return run_measured(["manage.py", "run_jobs"], timeout=timeout)


def pdf_memory(path: str, username: str, timeout: float = 120) -> dict:
    """The PDF probe below in a process of its own: its figures and its peak resident set."""
    returncode, seconds, out, err = _run(
        [sys.executable, "-m", "bench.memory", "pdf", path, username], timeout)
    try:
        probe = json.loads(out.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"returncode": returncode, "s": seconds, "output": (out + err).splitlines()[-10:],
                "error": "the PDF probe printed no figures"}
    return {**probe, "process_peak_rss_kib": probe["peak_rss_after_kib"], "s": seconds,
            "returncode": returncode}


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
    if len(sys.argv) == 4 and sys.argv[1] == "pdf":
        print(json.dumps(_pdf_probe(sys.argv[2], sys.argv[3])))
    elif len(sys.argv) >= 3 and sys.argv[1] == "peak":
        sys.exit(_run_script(sys.argv[2], sys.argv[3:]))
    else:
        sys.exit("usage: python -m bench.memory pdf PATH USERNAME | peak SCRIPT [ARGS...]")
