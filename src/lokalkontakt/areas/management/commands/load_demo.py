# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lokalkontakt.areas.demo import DEMO_PASSWORD, DemoUsersExist, load_hedensted
from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.registry import demo_loaders


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
        try:
            report = load_hedensted(with_users=settings.DEMO_ENABLED and not no_users)
        except DemoUsersExist as taken:
            raise CommandError(
                f"Users named {taken} exist already, and the demo never changes an existing user; "
                "nothing was loaded. Rename or delete them, or load the demo with --no-users."
            ) from None
        self.stdout.write(self.style.SUCCESS(
            f"Loaded {report.areas} local areas, {report.with_contact} with a contact."))
        for conflict in report.conflicts:
            self.stdout.write(self.style.WARNING(f"Conflict: {conflict}"))
        # The feature apps' demo data (core.registry.demo_loaders), in order: the seed's rollout
        # plan, meetings, handovers, checklists, a nomination … (some only with the demo logins).
        for load in demo_loaders:
            load(with_users=bool(report.users), stdout=self.stdout)
        if report.users:
            self.stdout.write(f"Demo logins (password '{DEMO_PASSWORD}'): "
                              + ", ".join(report.users))
