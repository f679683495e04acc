from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lokalkontakt.areas.demo import DEMO_PASSWORD, load_hedensted
from lokalkontakt.areas.demo_rollout import load_demo_rollout
from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.registry import demo_loaders
from lokalkontakt.meetings.demo import load_demo_meetings
from lokalkontakt.people.demo_nominations import load_demo_nominations


class Command(BaseCommand):
    help = ("Load Hedensted's local areas from Bilag 1 and the area facts; with demo logins, "
            "demo meetings too.")

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true",
                            help="Do nothing when the database already has local areas.")
        parser.add_argument("--no-users", action="store_true", help="Create no demo logins.")

    def handle(self, *args, if_empty, no_users, **options):
        if LocalArea.objects.exists():
            if if_empty:
                self.stdout.write("Local areas exist already; demo data not loaded.")
                return
            raise CommandError("The database already has local areas.")
        report = load_hedensted(with_users=settings.DEMO_ENABLED and not no_users)
        self.stdout.write(self.style.SUCCESS(
            f"Loaded {report.areas} local areas, {report.with_contact} with a contact."))
        for conflict in report.conflicts:
            self.stdout.write(self.style.WARNING(f"Conflict: {conflict}"))
        load_demo_rollout()  # the seed's rollout plan and the councils' invitation date
        # The feature apps' demo data (core.registry.demo_loaders).
        for loader in demo_loaders:
            loader(with_users=bool(report.users))
        if report.users:
            load_demo_meetings()
            load_demo_nominations()  # the demo colleague leads Læring and has nominated
            self.stdout.write(f"Demo logins (password '{DEMO_PASSWORD}'): "
                              + ", ".join(report.users))
