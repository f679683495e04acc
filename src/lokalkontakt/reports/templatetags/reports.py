# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import template
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

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


@register.simple_tag
def report_row(row, columns, pdf=False, public=False):
    """A table's row as report_body.html drew it cell by cell (written here once a row: a
    report's ~200 cells were most of its page's template time). The first cell heads the row;
    numbers are right-aligned; a cell's link is shown to staff on the page, never in the PDF or
    the public summary."""
    links = not pdf and not public
    parts = ["<tr>"]
    for index, (cell, column) in enumerate(zip(row, columns, strict=True)):
        label = conditional_escape(column.label)
        if index == 0:
            parts.append(f'<th scope="row" data-title="{label}">')
        else:
            right = ' class="text-align-right"' if column.kind != "text" else ""
            parts.append(f'<td data-title="{label}"{right}>')
        value, url = conditional_escape(report_value(cell, column.kind)), cell_url(cell)
        parts.append(f'<a href="{conditional_escape(url)}">{value}</a>' if url and links else value)
        parts.append("</th>" if index == 0 else "</td>")
    parts.append("</tr>")
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above
