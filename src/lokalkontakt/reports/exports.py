# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A `Report` as a file: XLSX (one sheet per table, each naming the period and the filters) and
PDF (the page's sections on A4)."""

import re

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lokalkontakt.core.xlsx import append_row, workbook_response
from lokalkontakt.reports.structure import Cell, Report

SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


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


def report_workbook(report: Report) -> Workbook:
    """One sheet per table: the report, the period and the filters on top, then the table."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for table in report.tables():
        sheet = workbook.create_sheet(_sheet_title(table.title, taken))
        append_row(sheet, [report.title])
        append_row(sheet, [_("Period"), report.period.label])
        if report.compared_with:
            append_row(sheet, [_("Compared with"), report.compared_with.label])
        for label, value in report.filters:
            append_row(sheet, [label, value])
        append_row(sheet, [])
        append_row(sheet, [table.title])
        append_row(sheet, [column.label for column in table.columns])
        for row in table.rows:
            append_row(sheet, [_plain(value) for value in row])
        if table.note:
            append_row(sheet, [])
            append_row(sheet, [table.note])
    if not workbook.sheetnames:
        workbook.create_sheet(_sheet_title(report.title, taken))
    return workbook


def xlsx_response(report: Report) -> HttpResponse:
    return workbook_response(report_workbook(report), f"{report.filename}.xlsx")


def report_pdf(report: Report, *, request=None) -> bytes:
    """The report as an A4 PDF."""
    from lokalkontakt.core.pdf import html_to_pdf, static_url  # WeasyPrint is slow to import

    if report.generated_at is None:
        report.generated_at = timezone.now()
    html = render_to_string("reports/report_pdf.html", {
        "report": report, "pdf": True, "stylesheet": static_url("css/briefing-pdf.css")},
        request=request)
    return html_to_pdf(html)


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
