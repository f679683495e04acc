# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A small write-only XLSX writer: each sheet's rows are written as XML text to a temporary
file as they are appended (constant memory however many rows), and `save` zips the sheets with
the package's fixed parts (core.xlsx.parts). It writes what the exports need and as openpyxl's
write-only mode wrote it: texts as inline strings (neutralised, core.xlsx), numbers, booleans,
dates and datetimes as Excel serial numbers with a date format, styled cells (number format,
font, alignment), column widths, frozen panes and several sheets. openpyxl's own writer spent
most of an export's time building an element tree per cell; this writes the text directly."""

import datetime
import shutil
import tempfile
import zipfile
from math import isfinite

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.child import INVALID_TITLE_REGEX, avoid_duplicate_name
from openpyxl.writer.theme import theme_xml

from lokalkontakt.core.xlsx import parts
from lokalkontakt.core.xlsx.values import StyledCell, cell_value, safe_text

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_LETTERS = [get_column_letter(number) for number in range(1, 703)]  # A to ZZ
FLUSH_ROWS = 500
# zlib's fastest level: half the time of its default for a file about a fifth larger
COMPRESS = 1
BIG = 10**16  # integers below this many digits are written whole
DATE_DEFAULT = "yyyy-mm-dd"  # openpyxl's formats for a date or datetime given no other
DATETIME_DEFAULT = "yyyy-mm-dd h:mm:ss"


class ColumnDimension:
    __slots__ = ("width",)

    def __init__(self):
        self.width = None


class ColumnDimensions(dict):
    """sheet.column_dimensions["B"].width = 17, as in openpyxl."""

    def __missing__(self, letter):
        dimension = self[letter] = ColumnDimension()
        return dimension


def _number(value) -> str:
    return format(value, ".16g") if isfinite(value) else ""


def _text_cell(reference: str, style: str, text: str) -> str:
    """A text cell as an inline string, made safe (core.xlsx.values.safe_text); an empty one
    without its string, as openpyxl wrote it."""
    text = safe_text(text)
    if not text:
        return f'<c r="{reference}"{style} t="inlineStr"/>'
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return (f'<c r="{reference}"{style} t="inlineStr"><is><t{space}>{text.translate(_ESCAPES)}'
            '</t></is></c>')


class StreamSheet:
    def __init__(self, workbook: "StreamWorkbook", title: str):
        self.title = title
        self.styles = workbook.styles
        self.column_dimensions = ColumnDimensions()
        self.freeze_panes: str | None = None
        self.max_row = 0
        self.max_column = 0
        self._file = None  # a temporary file, from the first FLUSH_ROWS rows on
        self._rows: list[str] = []
        self._date_style = self._datetime_style = None

    def append(self, values) -> None:
        """One row of values (anything core.xlsx.cell_value takes, or styled cells)."""
        self.max_row = row = self.max_row + 1
        cells = []
        letters = _LETTERS
        for column, value in enumerate(values):
            kind = type(value)
            if kind is not str and kind is not int and kind is not float:
                value = cell_value(value)
                kind = type(value)
            style = ""
            if kind is StyledCell:
                style = f' s="{value.style}"' if value.style else ""
                value = value.value
                kind = type(value)
            if value is None and not style:
                continue
            if column >= len(letters):
                letters = [get_column_letter(number) for number in range(1, column + 2)]
            reference = f"{letters[column]}{row}"
            if kind is str:
                cells.append(_text_cell(reference, style, value))
            elif kind is int and -BIG < value < BIG:  # as "%.16g" writes it, only faster
                cells.append(f'<c r="{reference}"{style} t="n"><v>{value}</v></c>')
            elif value is None:
                cells.append(f'<c r="{reference}"{style}/>')
            elif kind is bool:
                cells.append(f'<c r="{reference}"{style} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float):
                cells.append(f'<c r="{reference}"{style} t="n"><v>{_number(value)}</v></c>')
            elif isinstance(value, datetime.date):
                style = style or f' s="{self._default_style(value)}"'
                cells.append(
                    f'<c r="{reference}"{style} t="n"><v>{_number(to_excel(value))}</v></c>')
            else:  # what a styled cell holds beside these, as its text
                cells.append(_text_cell(reference, style, str(value)))
        if cells:
            self.max_column = max(self.max_column, column + 1)
        self._rows.append(f'<row r="{row}">{"".join(cells)}</row>')
        if len(self._rows) >= FLUSH_ROWS:
            self._flush()

    def _default_style(self, value) -> int:
        if isinstance(value, datetime.datetime):
            if self._datetime_style is None:
                self._datetime_style = self.styles.id(DATETIME_DEFAULT)
            return self._datetime_style
        if self._date_style is None:
            self._date_style = self.styles.id(DATE_DEFAULT)
        return self._date_style

    def _flush(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed once saved)
        self._file.write("".join(self._rows).encode())
        self._rows.clear()

    def _head(self) -> str:
        last = get_column_letter(max(self.max_column, 1))
        dimension = f"A1:{last}{self.max_row}" if self.max_row else "A1"
        view = '<selection activeCell="A1" sqref="A1"/>'
        if self.freeze_panes and self.freeze_panes != "A1":
            letters, row = coordinate_from_string(self.freeze_panes)
            column = column_index_from_string(letters)
            pane = "bottomRight" if column > 1 and row > 1 else (
                "bottomLeft" if row > 1 else "topRight")
            splits = (f' xSplit="{column - 1}"' if column > 1 else "") + (
                f' ySplit="{row - 1}"' if row > 1 else "")
            view = (f'<pane{splits} topLeftCell="{self.freeze_panes}" activePane="{pane}" '
                    f'state="frozen"/><selection pane="{pane}" activeCell="A1" sqref="A1"/>')
        widths = [
            f'<col min="{index}" max="{index}" width="{_number(dimension.width)}" customWidth="1"/>'
            for index, dimension in sorted(
                (column_index_from_string(letter), dimension)
                for letter, dimension in self.column_dimensions.items())
            if dimension.width is not None]
        cols = f'<cols>{"".join(widths)}</cols>' if widths else ""
        return (f'{parts.XML_HEAD}<worksheet xmlns="{parts.MAIN}"><dimension ref="{dimension}"/>'
                f'<sheetViews><sheetView workbookViewId="0">{view}</sheetView></sheetViews>'
                f'<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>{cols}<sheetData>')

    def write_to(self, archive: zipfile.ZipFile, name: str) -> None:
        """The sheet's XML into `archive` as `name`; the temporary file is closed after."""
        with archive.open(name, "w") as part:
            part.write(self._head().encode())
            if self._file is not None:
                self._file.seek(0)
                shutil.copyfileobj(self._file, part)
                self._file.close()
            part.write("".join(self._rows).encode())
            part.write(b'</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" '
                       b'header="0.5" footer="0.5"/></worksheet>')
        self._rows.clear()


class StreamWorkbook:
    """A write-only workbook: create_sheet(title), append rows, save(file) once."""

    def __init__(self):
        self.styles = parts.Styles()
        self.worksheets: list[StreamSheet] = []
        self.saved = False

    @property
    def sheetnames(self) -> list[str]:
        return [sheet.title for sheet in self.worksheets]

    def create_sheet(self, title: str | None = None) -> StreamSheet:
        title = title or "Sheet"
        if INVALID_TITLE_REGEX.search(title):
            raise ValueError("Invalid character found in sheet title")
        sheet = StreamSheet(self, avoid_duplicate_name(self.sheetnames, title))
        self.worksheets.append(sheet)
        return sheet

    def save(self, file) -> None:
        """The workbook as an XLSX file into `file` (a path or a binary file; need not seek)."""
        if self.saved:
            raise RuntimeError("A write-only workbook can be saved once only")
        self.saved = True
        if not self.worksheets:
            self.create_sheet()
        count = len(self.worksheets)
        now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS) as archive:
            archive.writestr("[Content_Types].xml", parts.content_types(count))
            archive.writestr("_rels/.rels", parts.ROOT_RELS)
            archive.writestr("docProps/app.xml", parts.APP)
            archive.writestr("docProps/core.xml", parts.core_properties(now))
            archive.writestr("xl/workbook.xml", parts.workbook(self.sheetnames))
            archive.writestr("xl/_rels/workbook.xml.rels", parts.workbook_rels(count))
            archive.writestr("xl/theme/theme1.xml", theme_xml)
            for number, sheet in enumerate(self.worksheets, start=1):
                sheet.write_to(archive, f"xl/worksheets/sheet{number}.xml")
            archive.writestr("xl/styles.xml", self.styles.xml())
