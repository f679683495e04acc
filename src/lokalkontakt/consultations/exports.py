"""All responses of a consultation as a spreadsheet (core.xlsx neutralises every cell)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from lokalkontakt.consultations.services import display_name
from lokalkontakt.core.xlsx import append_row, workbook_response


def handler_label(task) -> str:
    return task.handler.name if task.handler else _("No contact – with the coordinator")


def consultation_workbook(consultation, tasks) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Responses")[:31]
    append_row(sheet, [consultation.reference, consultation.title])
    append_row(sheet, [_("Requested by"), consultation.requested_by.name])
    append_row(sheet, [_("Deadline"), consultation.deadline])
    append_row(sheet, [_("Status"), consultation.get_status_display()])
    append_row(sheet, [_("Exported"), timezone.now()])
    append_row(sheet, [])
    header = [_("Local area"), _("Status"), _("Overdue"), _("Contact"), _("Response"),
              _("Who was heard"), _("Responded by"), _("Responded"), _("Attachments")]
    append_row(sheet, header)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for task in tasks:
        append_row(sheet, [
            task.area.name, task.get_status_display(), _("Yes") if task.is_overdue else "",
            handler_label(task), task.response, task.heard, display_name(task.responded_by),
            task.responded_at, ", ".join(a.name for a in task.attachments.all())])
    for column, width in zip("ABCDEFGHI", [22, 16, 10, 24, 60, 30, 24, 18, 30], strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=header_row + 1, min_col=8, max_col=8):
        row[0].number_format = "yyyy-mm-dd hh:mm"
    sheet["B3"].number_format = "yyyy-mm-dd"
    sheet["B5"].number_format = "yyyy-mm-dd hh:mm"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    return workbook


def consultation_workbook_response(consultation, tasks):
    return workbook_response(consultation_workbook(consultation, tasks),
                             f"hoering-{consultation.pk}.xlsx")
