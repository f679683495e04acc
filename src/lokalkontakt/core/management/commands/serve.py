"""`make run`: the web server and the task worker together; Ctrl-C stops both."""

import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start the development web server and the django-tasks-db worker together."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        worker = subprocess.Popen([sys.executable, sys.argv[0], "db_worker"])  # noqa: S603
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
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
