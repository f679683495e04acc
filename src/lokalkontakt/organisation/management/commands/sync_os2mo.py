# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""`sync_os2mo [--dry-run]`: the core areas and their employees from OS2mo (organisation.services).
The periodic jobs run it when OS2mo is configured; this command runs it now."""

from django.core.management.base import BaseCommand, CommandError

from lokalkontakt.organisation.os2mo.client import Os2moError
from lokalkontakt.organisation.services import os2mo_sync


class Command(BaseCommand):
    help = ("Synchronise the core areas (OS2MO_ORG_UNITS) and their employees from OS2mo. "
            "With --dry-run, print what would change and change nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Print what would change; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        try:
            result = os2mo_sync(dry_run=dry_run)
        except Os2moError as error:
            raise CommandError(f"OS2mo sync failed, nothing changed: {error}") from None
        for line in result.plan.lines():
            self.stdout.write(f"{'Would: ' if dry_run else ''}{line}")
        self.stdout.write(f"OS2mo: {result.summary()}{' (dry run)' if dry_run else ''}.")
