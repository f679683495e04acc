# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""`make run`: the web server and the task worker together. Ctrl-C or SIGTERM stops both; a
worker that dies is started again."""

import signal
import subprocess
import sys
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

WORKER_CHECK_SECONDS = 2


class Worker:
    """The db_worker as a child process, started again when it dies."""

    def __init__(self, stdout):
        self.stdout = stdout
        self.stopping = threading.Event()
        self.process = self._start()

    def _start(self) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, sys.argv[0], "db_worker"])  # noqa: S603

    def watch(self) -> None:
        while not self.stopping.wait(WORKER_CHECK_SECONDS):
            code = self.process.poll()
            if code is not None and not self.stopping.is_set():
                self.stdout.write(f"The task worker stopped (exit code {code}); starting it again.")
                self.process = self._start()

    def stop(self) -> None:
        self.stopping.set()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Command(BaseCommand):
    help = "Start the development web server and the django-tasks-db worker together."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        # SIGTERM (systemd, docker stop, kill) ends the server as Ctrl-C does, worker included.
        signal.signal(signal.SIGTERM, _interrupt)
        worker = Worker(self.stdout)
        threading.Thread(target=worker.watch, daemon=True).start()
        threading.Thread(target=self._periodic_jobs, args=(worker.stopping,), daemon=True).start()
        address = f"http://{addrport}/"
        self.stdout.write(self.style.SUCCESS(f"Lokalkontakt runs on {address} (Ctrl-C stops it)."))
        if settings.DEMO_ENABLED:
            self.stdout.write("Demo logins, password 'demo': koordinator (coordinator), "
                              "lokalkontakt (contact), kollega (colleague).")
        try:
            call_command("runserver", addrport, use_reloader=False)
        except KeyboardInterrupt:
            pass
        finally:
            worker.stop()

    def _periodic_jobs(self, stop: threading.Event, interval: int = 900) -> None:
        """What the jobs process (scripts/start-jobs, run_scheduler) does in production: the
        idempotent jobs every 15 minutes, here in a thread of the one development process."""
        from django.db import close_old_connections

        while not stop.is_set():
            try:
                call_command("run_jobs")
            except Exception as error:  # noqa: BLE001 - a failed run is retried next time
                self.stderr.write(f"Periodic jobs failed: {error}")
            finally:
                close_old_connections()
            stop.wait(interval)


def _interrupt(signum, frame):
    raise KeyboardInterrupt
