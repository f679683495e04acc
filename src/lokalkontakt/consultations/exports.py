# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""All responses of a consultation as a spreadsheet (core.xlsx neutralises every cell): the
consultation's facts and description above a table of the areas' responses, with an autofilter."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from lokalkontakt.consultations.services import display_name
from lokalkontakt.core.xlsx import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    TOP,
    WRAP,
    append_row,
    workbook_response,
)

# (width, wrapped) per column of the table: long texts wrap inside their cell.
COLUMNS = [(22, False), (16, False), (10, False), (24, False), (60, True), (30, True),
           (24, False), (17, False), (30, True)]


def handler_label(task) -> str:
    return task.handler.name if task.handler else _("No contact – with the coordinator")


def consultation_workbook(consultation, tasks) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Responses")[:31]
    _facts(sheet, consultation)
    header_row = _table(sheet, tasks)
    for number, (width, _wrapped) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    return workbook


def _facts(sheet, consultation) -> None:
    """The title row (bold), then one row per fact; the description wraps across the table's
    width."""
    append_row(sheet, [consultation.reference, consultation.title])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True, size=14)
    focus_areas = "; ".join(focus.name for focus in consultation.focus_areas.all())
    facts = [
        (_("Requested by"), consultation.requested_by.name, None),
        (_("Deadline"), consultation.deadline, DATE_FORMAT),
        (_("Status"), consultation.get_status_display(), None),
        (_("Focus areas"), focus_areas or "–", None),
        (_("Exported"), timezone.now(), DATETIME_FORMAT),
    ]
    for label, value, number_format in facts:
        append_row(sheet, [label, value])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        if number_format:
            sheet.cell(row=sheet.max_row, column=2).number_format = number_format
    append_row(sheet, [_("Description"), consultation.description])
    row = sheet.max_row
    sheet.cell(row=row, column=1).font = Font(bold=True)
    sheet.cell(row=row, column=1).alignment = WRAP
    sheet.cell(row=row, column=2).alignment = WRAP
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(COLUMNS))
    # A merged cell does not grow with its text: give the row a height for the lines it needs.
    sheet.row_dimensions[row].height = min(409, 15 * _lines(consultation.description, 200))
    append_row(sheet, [])


def _lines(text: str, width: int) -> int:
    return sum(max(1, -(-len(line) // width)) for line in text.splitlines() or [""])


def _table(sheet, tasks) -> int:
    """The areas' rows under a bold header with an autofilter; the header's row number."""
    append_row(sheet, [_("Local area"), _("Status"), _("Overdue"), _("Contact"), _("Response"),
                       _("Who was heard"), _("Responded by"), _("Responded"), _("Attachments")])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for task in tasks:
        append_row(sheet, [
            task.area.name, task.get_status_display(), _("Yes") if task.is_overdue else "",
            handler_label(task), task.response, task.heard, display_name(task.responded_by),
            task.responded_at, ", ".join(a.name for a in task.attachments.all())])
        cells = sheet[sheet.max_row]
        for cell, (_width, wrapped) in zip(cells, COLUMNS, strict=True):
            cell.alignment = WRAP if wrapped else TOP
        cells[7].number_format = DATETIME_FORMAT
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(sheet.max_row, header_row)}"
    return header_row


def consultation_workbook_response(consultation, tasks):
    return workbook_response(consultation_workbook(consultation, tasks),
                             f"hoering-{consultation.pk}.xlsx")
