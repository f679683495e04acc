# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The values a spreadsheet cell may hold, made safe (core.xlsx explains why)."""

import datetime
import re

from django.utils import timezone
from openpyxl.cell import Cell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# What neutralise() drops, and what XML 1.0 cannot hold at all (lone surrogates, U+FFFE/FFFF).
_NOT_IN_XML = re.compile("[\000-\010\013\014\016-\037\ud800-\udfff\ufffe\uffff]")
MAX_TEXT = 32767  # Excel's longest cell text; openpyxl cuts longer ones there too


class StyledCell:
    """A value with a style (its index in the workbook's cell formats) for a row of a streamed
    sheet (core.xlsx.stream); core.xlsx.styled makes them."""

    __slots__ = ("value", "style")

    def __init__(self, value, style: int):
        self.value = value
        self.style = style


def neutralise(text: str) -> str:
    """The text as a harmless cell value: prefixed with ' when it could start a formula."""
    text = _ILLEGAL.sub("", text)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def safe_text(text: str) -> str:
    """neutralise(text) that XML can hold, at most MAX_TEXT characters (a streamed sheet's
    texts; a text already neutralised stays as it is)."""
    if _NOT_IN_XML.search(text):
        text = _NOT_IN_XML.sub("", text)
    if text.startswith(FORMULA_PREFIXES):
        text = f"'{text}"
    return text[:MAX_TEXT]


def cell_value(value):
    """A value openpyxl writes as data: texts neutralised, datetimes in local time without a zone,
    None as an empty cell; numbers, dates and booleans as they are."""
    if value is None or isinstance(value, Cell | StyledCell):  # a styled cell's value is safe
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if isinstance(value, bool | int | float | datetime.date):
        return value
    return neutralise(str(value))
