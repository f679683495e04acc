# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Checking every row; all problems are reported at once, by row and column."""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from lokalkontakt.areas.importer.columns import (
    COLUMN_NAMES,
    MAX_ROWS,
    PARTICIPATION,
    ImportRejected,
    ParsedRow,
    RowError,
)
from lokalkontakt.areas.importer.reading import normalise_header
from lokalkontakt.people.models import CoreArea


def parse(rows: list[list[str]]) -> list[ParsedRow]:
    """Check every row; raise ImportRejected with all problems, or return the parsed rows."""
    # Blank rows are skipped, but every row keeps its number in the file.
    rows = [(number, row) for number, row in enumerate(rows, start=1)
            if any(cell.strip() for cell in row)]
    if not rows:
        raise ImportRejected([RowError(0, "", _("The file is empty."))])
    header_number, header_cells = rows[0]
    header = [normalise_header(cell) for cell in header_cells]
    errors = [RowError(header_number, name, _("Unknown column “%(column)s”.") % {"column": raw})
              for name, raw in zip(header, header_cells, strict=False)
              if name and name not in COLUMN_NAMES]
    if "omraade" not in header:
        errors.append(RowError(header_number, "omraade", _("The column “omraade” is missing.")))
    if len(rows) - 1 > MAX_ROWS:
        errors.append(RowError(0, "", _("The file has more than %(max)d rows.") % {"max": MAX_ROWS}))
    if errors:
        raise ImportRejected(errors)
    core_areas = {c.name.casefold(): c for c in CoreArea.objects.all()}
    parsed, seen = [], {}
    for number, cells in rows[1:]:
        values = {name: (cells[i].strip() if i < len(cells) else "")
                  for i, name in enumerate(header) if name}
        row = _parse_row(number, values, core_areas, errors)
        key = values.get("omraade", "").casefold()
        if key and key in seen:
            errors.append(RowError(number, "omraade", _(
                "The area “%(name)s” is also in row %(row)d.") % {
                "name": values["omraade"], "row": seen[key]}))
        elif key:
            seen[key] = number
        if row:
            parsed.append(row)
    if errors:
        raise ImportRejected(errors)
    return parsed


def _parse_row(number, values, core_areas, errors) -> ParsedRow | None:
    def error(column, message):
        errors.append(RowError(number, column, message))

    def get(name):
        return values.get(name, "")

    before = len(errors)
    if not get("omraade"):
        error("omraade", _("The area's name is missing."))
    postcodes = re.split(r"[\s,;]+", get("postnumre")) if get("postnumre") else []
    bad = [code for code in postcodes if not re.fullmatch(r"\d{4}", code)]
    if bad:
        error("postnumre", _("“%(value)s” is not a postcode of four digits.") % {"value": bad[0]})
    area = {"towns": "; ".join(t.strip() for t in get("byer").split(";") if t.strip()),
            "postcodes": " ".join(postcodes), "parish": get("sogn")}
    for column, key, low, high in (("indbyggere", "population", 0, 10_000_000),
                                   ("indbyggere_aar", "population_year", 1900, 2100)):
        area[key] = _integer(get(column), low, high, lambda msg, c=column: error(c, msg))
    for column, key, low, high in (("bredde", "latitude", 54, 58), ("laengde", "longitude", 7, 16)):
        area[key] = _decimal(get(column), low, high, lambda msg, c=column: error(c, msg))
    for column in ("lokalraad_email", "lokalkontakt_email"):
        if get(column) and not _is_email(get(column)):
            error(column, _("“%(value)s” is not a valid e-mail address.") % {"value": get(column)})
    participation = None
    if get("tilslutning"):
        participation = PARTICIPATION.get(get("tilslutning").casefold())
        if participation is None:
            error("tilslutning", _("Write interesseret, afslaaet or ukendt."))
    contact = {}
    if get("lokalkontakt") or get("lokalkontakt_email"):
        contact = {"name": get("lokalkontakt"), "title": get("lokalkontakt_titel"),
                   "email": get("lokalkontakt_email"), "phone": get("lokalkontakt_telefon"),
                   "core_area": None}
        if not contact["name"]:
            error("lokalkontakt", _("The contact's name is missing."))
        if get("kerneomraade"):
            contact["core_area"] = core_areas.get(get("kerneomraade").casefold())
            if contact["core_area"] is None:
                error("kerneomraade", _("Unknown core area “%(value)s”.")
                      % {"value": get("kerneomraade")})
    council = {"name": get("lokalraad"), "email": get("lokalraad_email"),
               "website": get("lokalraad_web")}
    if len(errors) > before:
        return None
    return ParsedRow(number, {"name": get("omraade"), **area}, council, participation, contact)


def _integer(text, low, high, error):
    if not text:
        return None
    try:
        value = int(text.replace(".", "").replace(" ", ""))
    except ValueError:
        error(_("“%(value)s” is not a whole number.") % {"value": text})
        return None
    if not low <= value <= high:
        error(_("%(value)s is outside %(low)d–%(high)d.") % {"value": text, "low": low, "high": high})
        return None
    return value


def _decimal(text, low, high, error):
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", ".")).quantize(Decimal("0.00001"))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():  # "NaN" parses but cannot be compared
        error(_("“%(value)s” is not a number.") % {"value": text})
        return None
    if not low <= value <= high:
        error(_("%(value)s is outside %(low)d–%(high)d.") % {"value": text, "low": low, "high": high})
        return None
    return value


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True
