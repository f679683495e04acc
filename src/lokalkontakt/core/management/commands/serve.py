"""`make run`: the web server and the task worker together; Ctrl-C stops both."""

import subprocess
import sys
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start the development web server and the django-tasks-db worker together."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        worker = subprocess.Popen([sys.executable, sys.argv[0], "db_worker"])  # noqa: S603
        stop = threading.Event()
        threading.Thread(target=self._periodic_jobs, args=(stop,), daemon=True).start()
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
            stop.set()
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()

    def _periodic_jobs(self, stop: threading.Event, interval: int = 900) -> None:
        """What cron does in production: the idempotent jobs every 15 minutes."""
        from django.db import close_old_connections

        while not stop.is_set():
            try:
                call_command("run_jobs")
            except Exception as error:  # noqa: BLE001 - a failed run is retried next time
                self.stderr.write(f"Periodic jobs failed: {error}")
            finally:
                close_old_connections()
            stop.wait(interval)
