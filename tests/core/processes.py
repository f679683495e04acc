# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The site's own processes for the integration tests, started as in production (gunicorn, the
db_worker, run_jobs) with the settings from the environment, against a database the test shares.

pytest-django's SQLite test database lives in the test process's memory, where no other process
can see it: `SharedDatabase` copies it to a file for the subprocesses (SQLite's backup API, a
few milliseconds) and copies the file back when the test reads (`sync`). On PostgreSQL the
subprocesses use the test database itself (the test must commit: transaction=True)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parents[2]


class SharedDatabase:
    def __init__(self, directory: Path):
        settings = connection.settings_dict
        if connection.vendor == "sqlite":
            self.file = directory / "shared.sqlite3"
            self.url = f"sqlite:///{self.file}"
        else:
            self.file = None
            password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
            self.url = (f"postgres://{quote(settings['USER'], safe='')}{password}@"
                        f"{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}/{settings['NAME']}")

    def share(self) -> None:
        """What the test wrote so far, for the subprocesses."""
        if self.file is not None:
            connection.ensure_connection()
            with sqlite3.connect(self.file) as target:
                connection.connection.backup(target)

    def sync(self) -> None:
        """What the subprocesses wrote, for the test's own queries."""
        if self.file is not None:
            connection.ensure_connection()
            with sqlite3.connect(self.file) as source:
                source.backup(connection.connection)


def environment(database: SharedDatabase, tmp_path: Path, *, smtp_port: int, **settings) -> dict:
    """A production-like environment: the settings the processes read (config/settings.py)."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(PROJECT_DIR / "src"),
        "DJANGO_SETTINGS_MODULE": "lokalkontakt.config.settings", "DATABASE_URL": database.url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}", "LOKALKONTAKT_VAR_DIR": str(tmp_path / "var"),
        "LOG_LEVEL": "WARNING", **{name: str(value) for name, value in settings.items()},
    }


def manage(*args: str, env: dict, **options) -> subprocess.Popen:
    """`manage.py <args>` in a process of its own."""
    return subprocess.Popen([sys.executable, str(PROJECT_DIR / "manage.py"), *args], env=env,  # noqa: S603
                            cwd=PROJECT_DIR, **options)


def run(*args: str, env: dict, timeout: float = 60) -> str:
    """`manage.py <args>` to the end; its output."""
    result = subprocess.run([sys.executable, str(PROJECT_DIR / "manage.py"), *args], env=env,  # noqa: S603
                            cwd=PROJECT_DIR, capture_output=True, text=True, timeout=timeout, check=True)
    return result.stdout


def gunicorn(*, port: int, env: dict) -> subprocess.Popen:
    """The web server as production runs it: several processes, several threads each."""
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "lokalkontakt.config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", "5", "--preload", "--log-level", "warning"],
        env=env, cwd=PROJECT_DIR)


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} stopped with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def stop(process: subprocess.Popen, sig: int = signal.SIGINT) -> None:
    """Stop a process (SIGINT: gunicorn's and the worker's quick shutdown); SIGKILL if it hangs."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
