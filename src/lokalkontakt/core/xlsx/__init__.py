# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Spreadsheet exports (openpyxl) that are safe to open: no cell is read as a formula, and no
value is refused by openpyxl.

A text that starts with =, +, - or @ (or a tab or carriage return, which some programs skip before
such a sign) would be run as a formula by Excel or LibreOffice ("CSV/formula injection"); it is
prefixed with an apostrophe. openpyxl refuses timezone-aware datetimes and control characters, so
datetimes are written in local time without a zone and control characters are dropped.

Every export writes a write-only workbook (`write_only_workbook`, core.xlsx.stream, our own small
writer: openpyxl's write-only mode spent most of an export's time building XML elements cell by
cell): rows stream to a temporary file as they are appended, so memory stays the same however
many rows there are. Styles go on the cells themselves (`styled`); column widths and frozen panes
may be set at any time before saving. `append_row` and `styled` also take openpyxl's sheets (the
consultation's and the reports' workbooks, which merge cells and style them after the fact);
openpyxl still reads the imports.
"""

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment

from lokalkontakt.core.xlsx.stream import StreamSheet, StreamWorkbook
from lokalkontakt.core.xlsx.values import (  # noqa: F401 (the module's API)
    FORMULA_PREFIXES,
    StyledCell,
    cell_value,
    neutralise,
)

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Danish dates for number_format; long texts wrap inside their cell, aligned at the top.
DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def append_row(sheet, values) -> None:
    if type(sheet) is StreamSheet:
        sheet.append(values)  # it makes each value safe as it writes it
    else:
        sheet.append([cell_value(value) for value in values])


def write_only_workbook() -> StreamWorkbook:
    """A workbook whose sheets write their rows as they come (create them with create_sheet)."""
    return StreamWorkbook()


def styled(sheet, value, *, number_format: str | None = None, font=None, alignment=None):
    """`value` as a cell of a write-only `sheet` with a style (append it in a row)."""
    if type(sheet) is StreamSheet:
        return StyledCell(cell_value(value), sheet.styles.id(number_format, font, alignment))
    cell = WriteOnlyCell(sheet, value=cell_value(value))
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def workbook_response(workbook: Workbook | StreamWorkbook, filename: str) -> HttpResponse:
    """The workbook as a download."""
    response = HttpResponse(content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    workbook.save(response)
    return response
