# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Spreadsheet exports (openpyxl) that are safe to open: no cell is read as a formula, and no
value is refused by openpyxl.

A text that starts with =, +, - or @ (or a tab or carriage return, which some programs skip before
such a sign) would be run as a formula by Excel or LibreOffice ("CSV/formula injection"); it is
prefixed with an apostrophe. openpyxl refuses timezone-aware datetimes and control characters, so
datetimes are written in local time without a zone and control characters are dropped.

Every export writes a write-only workbook (`write_only_workbook`): rows stream to a temporary
file as they are appended, so memory stays the same however many rows there are. Styles go on
the cells themselves (`styled`), column widths and frozen panes are set before the first row.
"""

import datetime
import re

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
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
    if value is None or isinstance(value, Cell):  # a styled cell's value is already safe
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if isinstance(value, bool | int | float | datetime.date):
        return value
    return neutralise(str(value))


def append_row(sheet, values) -> None:
    sheet.append([cell_value(value) for value in values])


def write_only_workbook() -> Workbook:
    """A workbook whose sheets write their rows as they come (create them with create_sheet)."""
    return Workbook(write_only=True)


def styled(sheet, value, *, number_format: str | None = None, font=None, alignment=None):
    """`value` as a cell of a write-only `sheet` with a style (append it in a row)."""
    cell = WriteOnlyCell(sheet, value=cell_value(value))
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def workbook_response(workbook: Workbook, filename: str) -> HttpResponse:
    """The workbook as a download."""
    response = HttpResponse(content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    workbook.save(response)
    return response
