# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The report as files: PDF/A for the case system's archive (checked as a validator would, with
pypdf), and XLSX read back with openpyxl."""

import datetime
import io
import re

import pytest
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from lokalkontakt.reports.exports import export_response, report_pdf, report_workbook
from tests.pdfa import assert_pdf_a

from .sample import sample_report


@pytest.fixture(scope="module")
def pdf() -> PdfReader:
    with translation.override("da"):
        return PdfReader(io.BytesIO(report_pdf(sample_report())))


def test_the_report_pdf_is_pdf_a():
    with translation.override("da"):
        assert_pdf_a(report_pdf(sample_report()))


def test_the_report_pdf_names_its_title_author_and_language(pdf):
    assert pdf.metadata.title == "Lokalkontaktordningen – 2026"
    assert pdf.metadata.author == "Hedensted Kommune"
    assert pdf.trailer["/Root"]["/Lang"] == "da"


def test_the_report_pdf_has_the_title_period_figures_and_charts_text(pdf):
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Lokalkontaktordningen" in text
    assert "Periode: 2026 (sammenlignet med 2025)" in text
    assert "Fokusområde: Smidige processer" in text
    assert "Hornsyld-Ølholm" in text and "1.234" in text and "75 %" in text and "7,2" in text
    assert "100 %" in text  # the line chart's axis: the charts are drawn in the PDF
    assert re.search(r"Side 1 af \d", text)


def test_the_report_pdf_has_no_links_to_staff_pages(pdf):
    for page in pdf.pages:
        assert "/Annots" not in page


def test_the_workbook_has_a_sheet_per_table_with_valid_unique_names():
    workbook = report_workbook(sample_report())
    assert workbook.sheetnames == ["Nøgletal", "Henvendelser pr. område", "Besvaret til tiden pr. måned",
                                   "Henvendelser pr. kanal", "Frister Påskejul 2026"]


def test_each_sheet_names_the_report_period_comparison_and_filters():
    with translation.override("en"):
        sheet = report_workbook(sample_report())["Henvendelser pr. kanal"]
    rows = [list(row) for row in sheet.iter_rows(max_row=4, max_col=2, values_only=True)]
    assert rows == [["Lokalkontaktordningen", None], ["Period", "2026"], ["Compared with", "2025"],
                    ["Fokusområde", "Smidige processer"]]


def read_back(report=None):
    buffer = io.BytesIO()
    report_workbook(report or sample_report()).save(buffer)
    return load_workbook(io.BytesIO(buffer.getvalue()))


def header_row(sheet, first_label: str) -> int:
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == first_label)


def test_the_table_keeps_numbers_as_numbers_with_a_format_per_kind():
    sheet = read_back()["Henvendelser pr. område"]
    first = header_row(sheet, "Område") + 1
    glud = sheet[first]
    assert [cell.value for cell in glud] == ["Glud", 1234, 1000, 0.75, 4.5]
    assert [cell.number_format for cell in glud[1:]] == ["#,##0", "#,##0", "0%", "0.0"]


def test_a_date_column_is_a_date_shown_day_month_year():
    sheet = read_back()["Frister Påskejul 2026"]
    due = sheet.cell(header_row(sheet, "Henvendelse") + 1, 2)
    assert due.value == datetime.datetime(2026, 4, 8) and due.number_format == "DD-MM-YYYY"


def test_the_header_row_is_bold_and_frozen_and_the_columns_fit_their_labels():
    sheet = read_back()["Henvendelser pr. område"]
    header = header_row(sheet, "Område")
    assert all(cell.font.bold for cell in sheet[header])
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.column_dimensions["E"].width >= len("Median dage til svar")
    assert sheet.column_dimensions["A"].width >= len("Hornsyld-Ølholm")


def test_the_export_answers_with_a_file_for_each_format_and_nothing_else():
    report = sample_report()
    assert export_response(report, "xlsx")["Content-Disposition"] == 'attachment; filename="rapport.xlsx"'
    assert export_response(report, "html") is None


def test_the_key_figures_sheet_comes_first_each_figure_formatted_by_its_kind():
    report = sample_report()
    report.sections[0].figures.append(("Besvaret til tiden", 0.8, 0.5, "percent"))
    with translation.override("en"):
        sheet = read_back(report)["Key figures"]

    header = header_row(sheet, "Section")
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=header + 1)]
    assert rows == [["Henvendelser", "Henvendelser i alt", 1246, 1010],
                    ["Henvendelser", "Besvaret til tiden", 0.8, 0.5]]
    assert sheet.cell(header + 2, 3).number_format == "0%"
    assert sheet.cell(header + 1, 3).number_format == "#,##0"
