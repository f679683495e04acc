# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from lokalkontakt.journal.kle import kle_load


class Command(BaseCommand):
    help = ("Load the municipality's KLE list from a CSV file (number;title) or KL's KLE-Emneplan "
            "XML: adds new numbers, updates titles, deactivates numbers missing from the file.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
        try:
            load = kle_load(data=data, file_name=file.name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"KLE: {load.total} numbers in {file.name}; {load.added} added, "
                          f"{load.updated} updated, {load.deactivated} deactivated.")
