"""The periodic jobs, idempotent: run from cron or a systemd timer (every 15 minutes is enough);
`make run` runs them in the background."""

from django.core.management.base import BaseCommand

from lokalkontakt.areas.services_handover import handover_switch_due
from lokalkontakt.core.search.index import catch_up
from lokalkontakt.inquiries.jobs import run_inquiry_jobs
from lokalkontakt.knowledge.jobs import send_digests
from lokalkontakt.meetings.services_actions import remind_action_items


class Command(BaseCommand):
    help = ("Run the periodic jobs: inquiry reminders, escalations and anonymisation, and the "
            "daily digests of follows, reminders of action items, and the search index's catch-up.")

    def handle(self, *args, **options):
        report = run_inquiry_jobs()
        self.stdout.write(f"Inquiries: {report.reminded} reminded, {report.escalated} escalated, "
                          f"{report.anonymised} anonymised.")
        self.stdout.write(f"Knowledge: {send_digests()} digests sent.")
        self.stdout.write(f"Meetings: {remind_action_items()} action items reminded.")
        self.stdout.write(f"Handovers: {handover_switch_due()} switched.")
        self.stdout.write(f"Search: {catch_up()} entries caught up.")
