# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The exports' own XLSX writer (core.xlsx.stream) against openpyxl's write-only mode, which
wrote them before: every registered export, written both ways from the same data and read back
with openpyxl, holds the same sheets, cells, types, number formats, fonts, alignments, column
widths and frozen panes. Texts stay neutralised; the file stays a valid package."""

import copy
import datetime
import decimal
import io
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import openpyxl
import pytest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from openpyxl.styles import Font

from lokalkontakt.areas.models import Participation
from lokalkontakt.core.exports.registry import exports
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.xlsx import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    TOP,
    WRAP,
    append_row,
    styled,
    write_only_workbook,
)
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.factories import InquiryFactory
from tests.timesheets.factories import TimeEntryFactory

pytestmark = pytest.mark.django_db
STYLE = ("number_format", "font", "alignment", "fill", "border", "protection")


def _read(workbook) -> openpyxl.Workbook:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return openpyxl.load_workbook(buffer)


def _both(write):
    """What `write(workbook)` writes, read back: with openpyxl's write-only mode (as before) and
    with ours."""
    old, new = openpyxl.Workbook(write_only=True), write_only_workbook()
    first, second = write(old), write(new)
    assert first == second  # the writer's result (references, shown) does not change either
    return _read(old), _read(new)


def _style(cell, attribute):
    value = getattr(cell, attribute)
    return value if isinstance(value, str) else copy.copy(value)  # the style, not its proxy


def _assert_same(old, new) -> int:
    """Every sheet and cell alike; the number of cells with a value compared."""
    assert new.sheetnames == old.sheetnames
    compared = 0
    for before, after in zip(old.worksheets, new.worksheets, strict=True):
        assert after.freeze_panes == before.freeze_panes, before.title
        letters = set(before.column_dimensions) | set(after.column_dimensions)
        assert {letter: after.column_dimensions[letter].width for letter in letters} == {
            letter: before.column_dimensions[letter].width for letter in letters}, before.title
        assert (after.max_row, after.max_column) == (before.max_row, before.max_column)
        for old_row, new_row in zip(before.iter_rows(), after.iter_rows(), strict=True):
            for was, now in zip(old_row, new_row, strict=True):
                where = f"{before.title}!{was.coordinate}"
                assert (now.value, now.data_type) == (was.value, was.data_type), where
                assert type(now.value) is type(was.value), where
                for attribute in STYLE:
                    assert _style(now, attribute) == _style(was, attribute), (where, attribute)
                compared += was.value is not None
    return compared


def test_every_kind_of_value_and_style_reads_back_as_openpyxl_wrote_it():
    aware = timezone.make_aware(datetime.datetime(2026, 3, 29, 1, 30))  # the night DST starts
    bold = Font(bold=True, size=14)

    def write(workbook):
        sheet = workbook.create_sheet("Værdier & <mere>")
        sheet.column_dimensions["A"].width = 17
        sheet.column_dimensions["AD"].width = 40.5
        sheet.freeze_panes = "B3"
        append_row(sheet, ["Tekst", "Tal", "Kommatal", "Sandt", "Dato", "Tidspunkt", "Intet"])
        append_row(sheet, [" mellemrum ", 0, 1.1, True, datetime.date(2026, 1, 2), aware, None])
        append_row(sheet, ["Æble & <pære> \"citat\" 'x'", -12, 1e-7, False,
                           datetime.date(1900, 1, 1), datetime.datetime(2026, 1, 2, 3, 4, 5)])
        append_row(sheet, ["=1+1", "+45 70 00 00 00", "-x", "@SUM(A1)", "\tformel", "\rx",
                           "før\x00\x07efter\x1f", "linje 1\nlinje 2", "🙂 ærø"])
        append_row(sheet, [])
        append_row(sheet, [decimal.Decimal("1.50"), gettext_lazy("Status"), 10**15, 2**40 + 0.5,
                           datetime.time(12, 30), "x" * 40_000])
        append_row(sheet, [styled(sheet, datetime.date(2026, 5, 1), number_format=DATE_FORMAT),
                           styled(sheet, aware, number_format=DATETIME_FORMAT),
                           styled(sheet, None, number_format=DATE_FORMAT),
                           styled(sheet, "=ikke en formel", alignment=WRAP),
                           styled(sheet, "Overskrift", font=bold, alignment=TOP),
                           styled(sheet, 0.25, number_format="0%"),
                           styled(sheet, 1234567, number_format="#,##0"),
                           styled(sheet, 3.14159, number_format="0.0"),
                           styled(sheet, "fed", font=Font(bold=True)),
                           styled(sheet, None)])
        append_row(sheet, [f"kolonne {number}" for number in range(30)])
        other = workbook.create_sheet("Værdier & <mere>")  # a second sheet of the same name
        other.freeze_panes = "A2"
        append_row(other, ["Kun ét ark mere"])
        workbook.create_sheet("Tom")
        return []

    old, new = _both(write)
    assert new.sheetnames == ["Værdier & <mere>", "Værdier & <mere>1", "Tom"]
    assert _assert_same(old, new) > 40
    sheet = new.worksheets[0]
    assert sheet["A4"].value == "'=1+1" and sheet["G4"].value == "førefter"
    assert len(sheet["F6"].value) == 32767 and sheet["A2"].value == " mellemrum "
    assert sheet["B7"].value == datetime.datetime(2026, 3, 29, 1, 30)  # local time, no zone


def test_many_rows_go_through_the_temporary_file_in_order():
    def write(workbook):
        first, second = workbook.create_sheet("Første"), workbook.create_sheet("Anden")
        first.column_dimensions["B"].width = 12
        for number in range(1_201):  # rows of both sheets in turn, several flushes each
            append_row(first, [f"Område {number}", number, number / 7,
                               styled(first, datetime.date(2026, 1, 1 + number % 28),
                                      number_format=DATE_FORMAT)])
            append_row(second, [number % 3 == 0, f"=række {number}"])
        return []

    old, new = _both(write)
    assert _assert_same(old, new) == 1_201 * 6
    assert new["Første"]["A1201"].value == "Område 1200"


def test_a_workbook_is_saved_once_and_widths_may_come_after_the_rows():
    workbook = write_only_workbook()
    sheet = workbook.create_sheet("Ark")
    append_row(sheet, ["en"])
    sheet.column_dimensions["A"].width = 30  # openpyxl's write-only mode ignored this one
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    read = openpyxl.load_workbook(buffer).active
    assert (read.column_dimensions["A"].width, read.freeze_panes) == (30, "A2")
    with pytest.raises(RuntimeError):
        workbook.save(io.BytesIO())


def test_characters_xml_cannot_hold_are_dropped():
    """openpyxl failed on these (a lone surrogate cannot even be encoded); the rest stays."""
    workbook = write_only_workbook()
    append_row(workbook.create_sheet("Ark"), ["a\ud800b\ufffec\uffffd\x0be", "\ud800=1"])
    assert [cell.value for cell in list(_read(workbook).active.iter_rows())[0]] == [
        "abcde", "'=1"]


def test_a_text_like_an_excel_error_stays_text():
    """openpyxl made "#N/A" an error cell; a text someone typed is a text."""
    workbook = write_only_workbook()
    append_row(workbook.create_sheet("Ark"), ["#N/A", "#DIV/0!"])
    cells = list(_read(workbook).active.iter_rows())[0]
    assert [(cell.value, cell.data_type) for cell in cells] == [("#N/A", "s"), ("#DIV/0!", "s")]


def _data(coordinator):
    today = timezone.localdate()
    contact = AssignmentFactory(area__name="Øster Snede & Omegn",
                                area__invited_on=datetime.date(2025, 2, 3),
                                area__participation=Participation.INTERESTED,
                                area__participation_date=datetime.date(2025, 3, 4),
                                area__participation_note="=lang note\nmed to linjer").employee
    AssignmentFactory(area__name="Glud")
    LocalAreaFactory(name="Uden kontakt")
    for minutes in (30, 45):
        TimeEntryFactory(employee=contact, minutes=minutes, day=today.replace(day=1))
    for subject in ["Vejen", "=HYPERLINK(\"x\")", "Lys & <lamper>"]:
        InquiryFactory(subject=subject)
    inquiry = InquiryFactory(subject="Set af nogen")
    AccessLogEntry.objects.bulk_create([AccessLogEntry(
        at=timezone.now() - datetime.timedelta(hours=hours), how="page", path=f"/h/{hours}/",
        object_type="inquiries.inquiry", object_id=inquiry.pk, user_id=coordinator.pk,
        username=coordinator.username, address="127.0.0.1") for hours in range(3)])


def _params(name: str) -> dict:
    today = timezone.localdate()
    return {
        "core.access_log": {},
        "inquiries.list": {"scope": "all", "status": "any"},
        "rollout.areas": {},
        "timesheets.overview": {"start": (today - datetime.timedelta(days=400)).isoformat(),
                                "end": today.isoformat()},
    }[name]


NAMES = ["core.access_log", "inquiries.list", "rollout.areas", "timesheets.overview"]


def test_every_registered_export_writes_the_same_workbook_as_before(coordinator):
    _data(coordinator)
    workbooks = {name for name, export in exports.items() if export.is_workbook}
    assert workbooks == set(NAMES)  # a new export: add it here
    for name in NAMES:
        export, params = exports.get(name), _params(name)
        old, new = _both(lambda workbook, export=export, params=params: export.write(
            workbook, user=coordinator, params=params))
        assert _assert_same(old, new) >= 6, name


def test_the_file_is_a_valid_package(coordinator):
    """Every XML part parses; the parts Excel needs are there and the sheets are listed."""
    _data(coordinator)
    workbook = write_only_workbook()
    exports.get("timesheets.overview").write(workbook, user=coordinator,
                                             params=_params("timesheets.overview"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        for name in names:
            ElementTree.fromstring(archive.read(name))
    assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml",
            "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet3.xml"} <= set(names)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_opens_the_file(coordinator, tmp_path):
    _data(coordinator)
    workbook = write_only_workbook()
    exports.get("rollout.areas").write(workbook, user=coordinator, params={})
    workbook.save(tmp_path / "udrulning.xlsx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path),
                    str(tmp_path / "udrulning.xlsx")], check=True, timeout=120,
                   capture_output=True)
    text = (tmp_path / "udrulning.csv").read_text()
    assert "Øster Snede & Omegn" in text and "'=lang note" in text
    assert "03-02-2025" in text  # a date, shown in its Danish number format
