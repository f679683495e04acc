# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import template
from django.utils import formats

from lokalkontakt.reports.structure import Cell

register = template.Library()


@register.filter
def report_value(value, kind: str = "text") -> str:
    """A table cell's value as a reader sees it: numbers in the locale's format, fractions as a
    percentage, days with one decimal, an empty cell as a dash."""
    if isinstance(value, Cell):
        value = value.value
    if value is None or value == "":
        return "–"
    if kind == "percent":
        return f"{formats.number_format(round(value * 100), 0)} %"
    if kind in ("days", "decimal"):
        return formats.number_format(value, 1)
    if kind == "number":
        return formats.number_format(value, 0, force_grouping=True)
    if kind == "date":
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


@register.filter
def cell_url(value) -> str:
    return value.url if isinstance(value, Cell) else ""


@register.filter
def cells(row, columns):
    """(cell, column) pairs of a row, for the template."""
    return list(zip(row, columns, strict=True))


@register.simple_tag
def report_chart(table):
    """The table's chart as an inline SVG figure, or nothing when the table names no chart."""
    from lokalkontakt.reports.charts import chart_figure  # pygal is imported only when drawing

    return chart_figure(table) if table.chart else ""
