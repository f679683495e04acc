# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reading a CSV (UTF-8 or Windows-1252, ; or ,) or XLSX file into rows of text."""

import csv
import io

from django.utils.translation import gettext as _

from lokalkontakt.areas.importer.columns import ALIASES, ImportRejected, RowError


def normalise_header(value) -> str:
    text = str(value or "").strip().casefold()
    for old, new in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("-", "_"), (" ", "_")):
        text = text.replace(old, new)
    return ALIASES.get(text, text)


def read_table(*, content: bytes, filename: str) -> list[list[str]]:
    """The file's rows as lists of strings, header first. Raises ImportRejected if unreadable."""
    try:
        if filename.lower().endswith(".xlsx"):
            return _read_xlsx(content)
        return _read_csv(content)
    except ImportRejected:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure is the user's file
        raise ImportRejected([RowError(0, "", _("The file could not be read (%(error)s).")
                                       % {"error": type(error).__name__})]) from error


def _read_csv(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252")
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text),
                                                                  delimiter=delimiter)]


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append(["" if v is None else _cell_text(v) for v in values])
    workbook.close()
    return rows


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
