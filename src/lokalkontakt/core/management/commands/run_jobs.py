# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The periodic jobs, idempotent: run from cron or a systemd timer (every 15 minutes is enough);
`make run` runs them in the background. Each app registers its jobs (core.registry.jobs)."""

from django.core.management.base import BaseCommand

from lokalkontakt.core.registry import jobs


class Command(BaseCommand):
    help = ("Run the periodic jobs every app registered: inquiry reminders, escalations and "
            "anonymisation, the daily digests of follows, reminders of action items, handovers "
            "due, and the search index's catch-up.")

    def handle(self, *args, **options):
        for job in jobs:
            line = job()
            if line:  # a job with nothing configured (the OS2mo sync) says nothing
                self.stdout.write(line)
