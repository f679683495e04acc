# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Spreadsheet exports (openpyxl) that are safe to open: no cell is read as a formula, and no
value is refused by openpyxl.

A text that starts with =, +, - or @ (or a tab or carriage return, which some programs skip before
such a sign) would be run as a formula by Excel or LibreOffice ("CSV/formula injection"); it is
prefixed with an apostrophe. openpyxl refuses timezone-aware datetimes and control characters, so
datetimes are written in local time without a zone and control characters are dropped.
"""

import datetime
import re

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# Danish dates for number_format; long texts wrap inside their cell, aligned at the top.
DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def neutralise(text: str) -> str:
    """The text as a harmless cell value: prefixed with ' when it could start a formula."""
    text = _ILLEGAL.sub("", text)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def cell_value(value):
    """A value openpyxl writes as data: texts neutralised, datetimes in local time without a zone,
    None as an empty cell; numbers, dates and booleans as they are."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if isinstance(value, bool | int | float | datetime.date):
        return value
    return neutralise(str(value))


def append_row(sheet, values) -> None:
    sheet.append([cell_value(value) for value in values])


def workbook_response(workbook: Workbook, filename: str) -> HttpResponse:
    """The workbook as a download."""
    response = HttpResponse(content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    workbook.save(response)
    return response
