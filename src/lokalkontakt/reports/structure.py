# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A report as data, drawn the same way on the page, in the PDF and in the XLSX.

A `Report` has sections; a section has tables; a table has columns and rows, and may name a
chart drawn from its own rows (so the chart's data is always the table beside it). A cell is a
plain value or a `Cell` with a link, which the page shows to staff and the PDF and XLSX leave out.
Numbers stay numbers (the XLSX keeps them as numbers); `Column.kind` says how to show them.
Nothing here may hold a citizen's personal data: reports show subjects, outcomes and counts.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from lokalkontakt.reports.period import Period


@dataclass(frozen=True)
class Cell:
    value: Any
    url: str = ""  # a link for staff; never shown in the public summary, the PDF or the XLSX

    def __str__(self):
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    # text, number, percent (a fraction 0–1, shown as %), days (a number of days), decimal
    # (one decimal, as hours), date
    kind: str = "text"


@dataclass(frozen=True)
class Chart:
    """A chart of a table's rows: `kind` is bar, line or pie; `label` names the column whose
    values label the bars (or points), `values` the columns drawn (one series each)."""

    kind: str
    label: str
    values: tuple[str, ...]
    title: str = ""


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[Any]]
    chart: Chart | None = None
    note: str = ""  # a sentence under the table (what is counted, what is left out)

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)

    def values(self, key: str) -> list:
        """The column's values, links taken off."""
        index = [column.key for column in self.columns].index(key)
        return [row[index].value if isinstance(row[index], Cell) else row[index] for row in self.rows]


@dataclass(frozen=True)
class Figure:
    """A key figure: its value this period and in the period before, shown as `kind` (as a
    column's kind: number, percent, days, decimal)."""

    label: str
    value: Any
    before: Any
    kind: str = "number"


def figure(item) -> Figure:
    """A Figure from a Figure or a (label, value, before[, kind]) tuple."""
    return item if isinstance(item, Figure) else Figure(*item)


@dataclass
class Section:
    key: str
    title: str
    tables: list[Table] = field(default_factory=list)
    intro: str = ""
    # key figures shown above the tables: Figures, or (label, value, value before[, kind]) tuples
    figures: list = field(default_factory=list)

    def key_figures(self) -> list[Figure]:
        return [figure(item) for item in self.figures]


@dataclass
class Report:
    title: str
    period: Period
    compared_with: Period | None
    sections: list[Section]
    filters: list[tuple[str, str]] = field(default_factory=list)  # (label, value) as chosen
    generated_at: datetime.datetime | None = None
    public: bool = False  # the public summary: no links, nothing but counts
    filename: str = "rapport"  # the exports' file name, without extension

    def tables(self):
        for section in self.sections:
            yield from section.tables
