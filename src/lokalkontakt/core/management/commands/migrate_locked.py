"""`migrate` that several web instances may start at once: on PostgreSQL the first takes a
database lock and migrates, the others wait for it and then find nothing to do. (SQLite serves
one machine; its own write lock keeps two migrations apart.)"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

# pg_advisory_lock's key: any number, the same in every instance ("LKMIGRAT" in ASCII).
LOCK_KEY = 0x4C4B4D4947524154


class Command(BaseCommand):
    help = "Apply the migrations, one instance at a time (PostgreSQL advisory lock)."

    def add_arguments(self, parser):
        parser.add_argument("--noinput", "--no-input", action="store_true",
                            help="accepted as migrate accepts it; this command never asks")

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        if connection.vendor != "postgresql":
            call_command("migrate", interactive=False, verbosity=verbosity)
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        try:
            call_command("migrate", interactive=False, verbosity=verbosity)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
