# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Check the monthly time totals against the time entries (the services keep them current; a
change made around the services, e.g. in the database by hand, would leave them behind), and with
--fix rebuild them. Exits with 1 when a drift is found and not fixed, for a check in cron or CI."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lokalkontakt.timesheets.totals import recompute


class Command(BaseCommand):
    help = "Compare the monthly time totals with the time entries; --fix rebuilds them."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true",
                            help="Replace the totals by those computed from the entries.")

    def handle(self, *args, fix=False, **options):
        with transaction.atomic():
            drift = recompute(fix=fix)
        for line in drift[:50]:
            self.stdout.write(line)
        if len(drift) > 50:
            self.stdout.write(f"... and {len(drift) - 50} more.")
        if not drift:
            self.stdout.write("Time totals: as the entries give them.")
        elif fix:
            self.stdout.write(f"Time totals: {len(drift)} differed; rebuilt from the entries.")
        else:
            raise CommandError(f"Time totals: {len(drift)} differ from the entries "
                               "(run with --fix to rebuild them).")
