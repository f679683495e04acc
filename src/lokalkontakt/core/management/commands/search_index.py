# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Rebuild the search index, or repair it (`--catch-up`). Streams in batches: memory stays the
same however many notes there are."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from lokalkontakt.core.search.index import catch_up, rebuild
from lokalkontakt.core.search.registry import sources


class Command(BaseCommand):
    help = "Rebuild the search index (all kinds, or --kind), or only add what is missing (--catch-up)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", choices=sorted(sources()),
                            help="Only this kind (repeatable).")
        parser.add_argument("--catch-up", action="store_true",
                            help="Index what has no entry and drop entries of deleted objects.")

    def handle(self, *args, kind=None, **options):
        started = time.monotonic()
        if options["catch_up"]:
            count = catch_up()
            self.stdout.write(f"Search index: {count} entries added or removed.")
            return
        count = rebuild(kind)
        if connection.vendor == "postgresql":
            # The search plans from pg_stats (core.search.backends); don't wait for autovacuum.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE core_searchentry")
        self.stdout.write(f"Search index: {count} entries written in "
                          f"{time.monotonic() - started:.1f} s.")
