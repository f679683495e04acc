# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff list of inquiries as a spreadsheet: the rows the list's filters find, with the
channel and the date received; never the submitter's name or contact details."""

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lokalkontakt.core.xlsx import DATE_FORMAT, append_row, workbook_response


def inquiries_workbook_response(inquiries):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Inquiries")[:31]
    append_row(sheet, [_("Reference"), _("Subject"), _("Local area"), _("Channel"),
                       _("Date received"), _("Status"), _("Handled by"),
                       capfirst(_("acknowledge by")), _("Answer by")])
    for inquiry in inquiries:
        append_row(sheet, [
            inquiry.reference, inquiry.subject, inquiry.area.name if inquiry.area else "",
            inquiry.get_channel_display(), inquiry.received_on, inquiry.get_status_display(),
            inquiry.assignee.name if inquiry.assignee else _("The coordinator"),
            inquiry.acknowledge_due, inquiry.answer_due])
    for column in "EHI":
        for cell in sheet[column][1:]:
            cell.number_format = DATE_FORMAT
    return workbook_response(workbook, f"henvendelser-{timezone.localdate():%Y%m%d}.xlsx")
