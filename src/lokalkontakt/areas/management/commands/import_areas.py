# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lokalkontakt.areas.importer import ImportRejected, import_file


class Command(BaseCommand):
    help = "Import local areas, councils and contacts from a CSV or XLSX file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = import_file(content=path.read_bytes(), filename=path.name)
        except ImportRejected as rejected:
            for error in rejected.errors:
                where = f"række {error.row}" if error.row else "fil"
                column = f", kolonne {error.column}" if error.column else ""
                self.stderr.write(f"{where}{column}: {error.message}")
            raise CommandError(f"Intet blev importeret: {len(rejected.errors)} fejl.") from None
        self.stdout.write(self.style.SUCCESS(
            f"Importeret: {len(result.created)} nye områder, {len(result.updated)} opdateret, "
            f"{len(result.assigned)} lokalkontakter tildelt."))
