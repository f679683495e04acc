# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A `Report` as a file: XLSX (one sheet per table, each naming the period and the filters) and
PDF/A (the page's sections and charts on A4, fonts embedded, for the case system's archive)."""

import re

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from lokalkontakt.core.xlsx import DATE_FORMAT, append_row, workbook_response
from lokalkontakt.reports.structure import Cell, Column, Report, Table

SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
# PDF/A-3b: the archival PDF the case systems (ESDH) accept; WeasyPrint embeds the fonts, adds an
# sRGB output intent and writes the XMP metadata (title, author, language) from the HTML's head.
PDF_VARIANT = "pdf/a-3b"
NUMBER_FORMATS = {"number": "#,##0", "percent": "0%", "days": "0.0", "decimal": "0.0",
                  "date": DATE_FORMAT}
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


def _plain(value):
    return value.value if isinstance(value, Cell) else value


def _sheet_title(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    base = SHEET_NAME.sub("", title)[:31] or "Ark"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = base[:31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def _width(column: Column, table: Table) -> float:
    """A column wide enough for its label and its longest value (within reason)."""
    longest = max([len(str(_plain(value) or "")) for value in table.values(column.key)] + [0])
    if column.kind != "text":
        longest = min(longest, 12)
    return min(max(len(column.label), longest, 8) + 2, 60)


def _write_heading(sheet, report: Report) -> None:
    append_row(sheet, [report.title])
    sheet.cell(sheet.max_row, 1).font = TITLE
    append_row(sheet, [_("Period"), report.period.label])
    if report.compared_with:
        append_row(sheet, [_("Compared with"), report.compared_with.label])
    for label, value in report.filters:
        append_row(sheet, [label, value])
    append_row(sheet, [])


def _write_figures(sheet, report: Report) -> None:
    """The sections' key figures, each row formatted by its own kind."""
    _write_heading(sheet, report)
    append_row(sheet, [_("Section"), _("Key figure"), _("This period"), _("The period before")])
    header = sheet.max_row
    for cell in sheet[header]:
        cell.font = BOLD
    for section in report.sections:
        for figure in section.key_figures():
            append_row(sheet, [section.title, figure.label, figure.value, figure.before])
            for cell in sheet[sheet.max_row][2:]:
                cell.number_format = NUMBER_FORMATS.get(figure.kind, "General")
    for letter, width in zip("ABCD", (28, 45, 14, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(header + 1, 1)


def _write_table(sheet, report: Report, table: Table) -> None:
    _write_heading(sheet, report)
    append_row(sheet, [table.title])
    sheet.cell(sheet.max_row, 1).font = BOLD
    append_row(sheet, [column.label for column in table.columns])
    header = sheet.max_row
    for cell in sheet[header]:
        cell.font = BOLD
    for row in table.rows:
        append_row(sheet, [_plain(value) for value in row])
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _width(column, table)
        if column.kind in NUMBER_FORMATS:
            for (cell,) in sheet.iter_rows(min_row=header + 1, min_col=index, max_col=index):
                cell.number_format = NUMBER_FORMATS[column.kind]
    sheet.freeze_panes = sheet.cell(header + 1, 1)  # the header row stays in view
    if table.note:
        append_row(sheet, [])
        append_row(sheet, [table.note])


def report_workbook(report: Report) -> Workbook:
    """The key figures on the first sheet, then one sheet per table: the report, the period, the
    comparison and the filters on top, then the table under a bold, frozen header row; numbers
    stay numbers, formatted by column kind."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    if any(section.figures for section in report.sections):
        _write_figures(workbook.create_sheet(_sheet_title(_("Key figures"), taken)), report)
    for table in report.tables():
        _write_table(workbook.create_sheet(_sheet_title(table.title, taken)), report, table)
    if not workbook.sheetnames:
        workbook.create_sheet(_sheet_title(report.title, taken))
    return workbook


def xlsx_response(report: Report) -> HttpResponse:
    return workbook_response(report_workbook(report), f"{report.filename}.xlsx")


def report_pdf(report: Report, *, request=None) -> bytes:
    """The report as an A4 PDF/A-3b with its charts, titled, authored by the municipality and in
    the active language (the scheduled sending renders it without a request)."""
    from lokalkontakt.core.pdf import html_to_pdf, static_url  # WeasyPrint is slow to import

    if report.generated_at is None:
        report.generated_at = timezone.now()
    html = render_to_string("reports/report_pdf.html", {
        "report": report, "pdf": True, "stylesheet": static_url("css/report-pdf.css"),
        "municipality_name": settings.MUNICIPALITY_NAME}, request=request)
    return html_to_pdf(html, variant=PDF_VARIANT)


def pdf_response(report: Report, *, request=None) -> HttpResponse:
    response = HttpResponse(report_pdf(report, request=request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def export_response(report: Report, fmt: str, *, request=None) -> HttpResponse | None:
    """The report as `fmt` ("pdf" or "xlsx"), or None for any other value (the page itself)."""
    if fmt == "pdf":
        return pdf_response(report, request=request)
    if fmt == "xlsx":
        return xlsx_response(report)
    return None
