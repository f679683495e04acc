# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What each production process does before it starts (scripts/start-*), in one process:
`check --deploy` with warnings counted as errors (the settings production needs, the static
files collected, HTTPS, no demo), then either the migrations (`--migrate`, the web process) or
waiting until they are applied (`--wait-for-migrations`, the worker and the jobs).

Several web instances may start at once: on PostgreSQL the first takes a database lock and
migrates, the others wait for it and find nothing left to do. (SQLite serves one machine; its
own write lock keeps two migrations apart.)"""

import os
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# pg_advisory_lock's key: any number, the same in every instance ("LKMIGRAT" in ASCII).
LOCK_KEY = 0x4C4B4D4947524154


def migrations_pending() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


class Command(BaseCommand):
    help = "Check the production settings, then migrate (--migrate) or wait for the migrations."
    requires_system_checks = []  # it runs them itself, the deploy checks included

    def add_arguments(self, parser):
        what = parser.add_mutually_exclusive_group()
        what.add_argument("--migrate", action="store_true",
                          help="apply the migrations, one instance at a time")
        what.add_argument("--wait-for-migrations", action="store_true",
                          help="wait until the migrations are applied (MIGRATION_WAIT_SECONDS, 300)")

    def handle(self, *args, migrate, wait_for_migrations, **options):
        if not settings.PRODUCTION:
            raise CommandError("LOKALKONTAKT_DEV=0 must be set: the start scripts are for production.")
        call_command("check", deploy=True, fail_level="WARNING", stdout=self.stderr)
        if migrate:
            self.migrate()
        elif wait_for_migrations:
            self.wait(int(os.environ.get("MIGRATION_WAIT_SECONDS", "300")))

    def migrate(self) -> None:
        if connection.vendor != "postgresql":
            call_command("migrate", interactive=False, verbosity=0)
            return
        # Asked for again each second rather than waited for in one statement: a statement
        # waiting holds a snapshot, and a migration that builds an index CONCURRENTLY (core
        # 0019) waits for every older snapshot to end: the two would wait for each other.
        with connection.cursor() as cursor:
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
                if cursor.fetchone()[0]:
                    break
                time.sleep(1)
        try:
            call_command("migrate", interactive=False, verbosity=0)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])

    def wait(self, limit: int) -> None:
        """Until the web process has migrated; the database may still be starting too."""
        deadline = time.monotonic() + limit
        while True:
            try:
                if not migrations_pending():
                    return
            except Exception:  # noqa: BLE001 - not reachable yet: wait as for the migrations
                connection.close()
            if time.monotonic() > deadline:
                raise CommandError(f"The database still has migrations to apply after {limit} s "
                                   "(the web process applies them: is it running?).")
            time.sleep(2)
