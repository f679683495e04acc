# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The import's columns, their Danish names and aliases, and what a check reports."""

import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalkontakt.areas.models import Participation

# (column, description) in the order of the template. Column names are Danish, ASCII only.
COLUMNS = [
    ("omraade", gettext_lazy("The local area's name. Required; an existing area with the same "
                             "name is updated.")),
    ("byer", gettext_lazy("Towns, separated by semicolons.")),
    ("postnumre", gettext_lazy("Postcodes: four digits each, separated by spaces or commas.")),
    ("sogn", gettext_lazy("Parish.")),
    ("indbyggere", gettext_lazy("Population (a whole number).")),
    ("indbyggere_aar", gettext_lazy("The year of the population figure.")),
    ("bredde", gettext_lazy("Latitude in decimal degrees, e.g. 55.7725.")),
    ("laengde", gettext_lazy("Longitude in decimal degrees, e.g. 9.7017.")),
    ("lokalraad", gettext_lazy("The local council's name.")),
    ("lokalraad_email", gettext_lazy("The local council's e-mail.")),
    ("lokalraad_web", gettext_lazy("The local council's website.")),
    ("tilslutning", gettext_lazy("The council's answer: interesseret, afslaaet or ukendt.")),
    ("lokalkontakt", gettext_lazy("The contact's name. Leave empty to keep the current contact.")),
    ("lokalkontakt_titel", gettext_lazy("The contact's job title.")),
    ("lokalkontakt_email", gettext_lazy("The contact's work e-mail; identifies the employee.")),
    ("lokalkontakt_telefon", gettext_lazy("The contact's work phone.")),
    ("kerneomraade", gettext_lazy("The contact's core area; it must already exist.")),
]
COLUMN_NAMES = [name for name, _description in COLUMNS]
ALIASES = {"lokalomraade": "omraade", "navn": "omraade", "postnummer": "postnumre",
           "by": "byer", "latitude": "bredde", "longitude": "laengde", "email": "lokalkontakt_email"}
PARTICIPATION = {"interesseret": Participation.INTERESTED, "ja": Participation.INTERESTED,
                 "afslaaet": Participation.DECLINED, "afslået": Participation.DECLINED,
                 "nej": Participation.DECLINED, "ukendt": Participation.UNKNOWN,
                 "ikke svaret": Participation.UNKNOWN}
MAX_ROWS = 5000


class ImportRejected(Exception):
    """The file was not imported; `errors` lists (row, column, message)."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    assigned: list = field(default_factory=list)
    employees_created: list = field(default_factory=list)


@dataclass
class ParsedRow:
    number: int
    area: dict
    council: dict
    participation: str | None
    contact: dict


def template_csv() -> bytes:
    return ("\ufeff" + ";".join(COLUMN_NAMES) + "\r\n").encode("utf-8")


def template_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Lokalomraader"
    sheet.append(COLUMN_NAMES)
    guide = workbook.create_sheet(_("Columns"))
    guide.append([_("Column"), _("Description")])
    for name, description in COLUMNS:
        guide.append([name, str(description)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
