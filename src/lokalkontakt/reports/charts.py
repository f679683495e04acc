# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A table's chart as an SVG drawn on the server with pygal, readable without JavaScript, under
the site's Content-Security-Policy, in WeasyPrint's PDF and by a screen reader.

pygal writes a <style> and a <script> into every chart and an inline style attribute on its
tooltip; the CSP (style-src 'self', scripts only with a nonce) blocks all three, and the PDF
would not need them. `_clean` (one of pygal's xml_filters) takes them out and gives every element
the presentation attributes (fill, stroke, font-size, text-anchor) pygal's CSS would have given
it: presentation attributes are not styles, so the CSP allows them, and WeasyPrint draws them.
reports.css may still override them on the page (CSS wins over presentation attributes).

The SVG is role="img" and named by its own <title> and <desc> (what it shows and its figures);
the table drawn beside it is the data. Values are printed on the chart and series are told apart
by their legend's labels and, for lines, their dash pattern: never by colour alone.
"""

import hashlib
import math

import pygal
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from pygal.style import Style

from lokalkontakt.areas.versions import kept_in
from lokalkontakt.reports.structure import Table
from lokalkontakt.reports.templatetags.reports import report_value

# Dark blue, orange-brown, green, purple: each ≥ 4.5:1 against white, so the bars and lines
# meet WCAG 1.4.11 (3:1) and the white-on-bar legend swatches stay distinct by lightness too.
COLOURS = ("#0059b3", "#a04000", "#1e6e3a", "#6b3fa0")
DASHES = ("", "8,4", "3,3", "10,3,3,3")
TEXT = "#1a1a1a"
SUBTLE = "#6b6b6b"
GUIDE = "#d6d6d6"
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
FONT_SIZE = 13
MAX_BARS = 25  # a longer table is drawn with its first rows; the table beside it has them all
BAR_HEIGHT = 30
# A drawn chart is kept in the cache under a digest of everything it is drawn from (see
# chart_svg): the same figures in the same language give the same SVG, so a report's charts are
# drawn once per change of their data, not on every request (pygal took about half the page's
# time). A change of the drawing code itself changes VERSION.
KEEP_SECONDS = 24 * 60 * 60
VERSION = 1


def _style() -> Style:
    return Style(
        font_family=FONT, label_font_size=FONT_SIZE, major_label_font_size=FONT_SIZE,
        value_font_size=FONT_SIZE, legend_font_size=FONT_SIZE, title_font_size=FONT_SIZE + 2,
        no_data_font_size=FONT_SIZE + 2, background="white", plot_background="white",
        foreground=TEXT, foreground_strong=TEXT, foreground_subtle=SUBTLE, colors=COLOURS)


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _walk(element, ancestors=frozenset()):
    """(element, classes of its ancestors) for the element and all below it."""
    yield element, ancestors
    below = ancestors | _classes(element)
    for child in element:
        yield from _walk(child, below)


def _series_index(classes: set[str]) -> int | None:
    for name in classes:
        if name.startswith("color-"):
            return int(name[len("color-"):])
    return None


def _paint(element, ancestors: set[str]) -> None:
    """The attributes pygal's stylesheet would have given the element."""
    classes = _classes(element)
    tag = element.tag.rpartition("}")[2]
    index = _series_index(classes | ancestors)
    colour = COLOURS[index % len(COLOURS)] if index is not None else None
    if tag == "text":
        element.set("fill", TEXT)
        element.set("font-size", str(FONT_SIZE + 2 if "title" in classes else FONT_SIZE))
        if "title" in classes or "centered" in classes or "no_data" in classes:
            element.set("text-anchor", "middle")
        elif "axis" in ancestors and "y" in ancestors:
            element.set("text-anchor", "end")
        elif "axis" in ancestors and "x" in ancestors:
            element.set("text-anchor", "middle")
        if "value" in classes and "text-overlay" in ancestors:
            element.set("font-weight", "bold")
            if "horizontal" in ancestors:  # printed after the bar's end, dark on white
                element.set("text-anchor", "start")
    elif tag == "rect" and "background" in classes:
        element.set("fill", "white")
    elif tag == "path" and "line" in classes and "axis" in ancestors:
        element.set("fill", "none")
        element.set("stroke", TEXT if "major" in classes and "guide" not in classes else GUIDE)
    elif colour and tag in ("rect", "circle"):
        element.set("fill", colour)
        if "legend" in ancestors and index:
            element.set("stroke", TEXT)
    elif colour and tag == "path":
        element.set("fill", "none")
        element.set("stroke", colour)
        element.set("stroke-width", "3")
        if DASHES[index % len(DASHES)]:
            element.set("stroke-dasharray", DASHES[index % len(DASHES)])


def _cleaner(*, key: str, title: str, description: str):
    def clean(root):
        for parent in list(root.iter()):
            for child in list(parent):
                tag = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else ""
                classes = _classes(child)
                # pygal's CSS and JS, its hidden tooltip, its per-point <desc>s and the <title>s
                # of its axis guides (fractions a browser would show on hover)
                if (not isinstance(child.tag, str) or tag in ("defs", "script", "style", "desc")
                        or (tag == "title" and parent is not root)
                        or "tooltip-overlay" in classes):
                    parent.remove(child)
        for element, ancestors in _walk(root):
            element.attrib.pop("style", None)
            if element is not root:  # pygal's ids (activate-serie-0) repeat in every chart
                element.attrib.pop("id", None)
            _paint(element, ancestors)
        for old in [child for child in root if child.tag == "title"]:
            root.remove(old)
        title_node = root.makeelement("title", {"id": f"chart-{key}-title"})
        title_node.text = title
        desc_node = root.makeelement("desc", {"id": f"chart-{key}-desc"})
        desc_node.text = description
        root.insert(0, desc_node)
        root.insert(0, title_node)
        root.set("id", f"chart-{key}")
        root.set("class", "report-chart__svg")
        root.set("role", "img")
        root.set("aria-labelledby", f"chart-{key}-title")
        root.set("aria-describedby", f"chart-{key}-desc")
        root.set("font-family", FONT)
        root.set("preserveAspectRatio", "xMinYMin meet")
        return root
    return clean


def _description(table: Table, labels: list[str], series: list[tuple[str, list]]) -> str:
    """What the chart shows, in words: the series and each label's values."""
    chart = table.chart
    kind = _("Line chart") if chart.kind == "line" else _("Bar chart")
    parts = []
    for name, values in series:
        figures = ", ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=False))
        parts.append(f"{name} – {figures}" if figures else name)
    text = f"{kind}. " + "; ".join(parts) + "."
    if len(table.rows) > len(labels):
        text += " " + _("The first %(shown)s of %(all)s rows are drawn; the table has them all.") % {
            "shown": len(labels), "all": len(table.rows)}
    return text


def _number(value):
    return 0 if value is None or value == "" else value


def chart_svg(table: Table) -> SafeString:
    """The SVG of the table's chart (inline, for the page and the PDF), or "" without a chart."""
    chart = table.chart
    if chart is None:
        return SafeString("")
    rows = table.rows if chart.kind == "line" else table.rows[:MAX_BARS]
    label_kind = table.column(chart.label).kind
    labels = [report_value(value, label_kind) for value in table.values(chart.label)[:len(rows)]]
    columns = [table.column(key) for key in chart.values]
    series = [(column.label, [_number(v) for v in table.values(column.key)[:len(rows)]], column.kind)
              for column in columns]
    title = chart.title or table.title
    description = _description(table, labels, [
        (name, [report_value(v, kind) for v in values]) for name, values, kind in series])
    value_kind = columns[0].kind if columns else "number"
    drawn = (VERSION, get_language(), table.key, chart.kind, title, description, value_kind,
             labels, series, len(table.rows))
    key = "reports:chart:" + hashlib.sha256(repr(drawn).encode()).hexdigest()
    cache = kept_in(chosen=True)  # the period is anyone's choice on the public summary
    svg = cache.get(key)
    if svg is None:
        svg = _draw(table, labels, series, title=title, description=description,
                    value_kind=value_kind)
        cache.set(key, svg, KEEP_SECONDS)
    # ElementTree escapes every text and attribute it serialises (labels are typed by staff)
    return mark_safe(svg)  # noqa: S308 - serialised as XML, escaped


def _draw(table: Table, labels, series, *, title: str, description: str, value_kind: str) -> str:
    chart = table.chart
    config = {
        "style": _style(), "js": [], "css": [], "no_prefix": True, "disable_xml_declaration": True,
        "explicit_size": False, "title": None, "print_values": chart.kind != "line",
        "formatter": lambda value: report_value(value, value_kind),
        "value_formatter": lambda value: report_value(value, value_kind),
        "show_legend": len(series) > 1, "legend_at_bottom": True,
        "truncate_label": 18, "truncate_legend": 30, "margin": 10, "spacing": 8,
        "no_data_text": _("Nothing in this period."),
    }
    if value_kind == "percent":
        config["range"] = (0, 1)
    # A pie is drawn as bars: shares read better as lengths than as angles, and fit at 320 px.
    drawing = (_line if chart.kind == "line" else _bar)(config, labels, series)
    drawing.add_xml_filter(_cleaner(key=table.key, title=title, description=description))
    return drawing.render(is_unicode=True)


BAR_LABEL = 22  # characters of a bar's label; the table beside it and the description have all


def _short(label: str) -> str:
    """A bar's label cut to fit beside the bars at 320 px (pygal's truncate_label leaves the
    labels of horizontal bars whole, and a long one pushes the bars out of the picture)."""
    return label if len(label) <= BAR_LABEL else label[:BAR_LABEL - 1].rstrip() + "…"


def _bar(config, labels, series):
    # pygal draws the first label at the bottom: reversed, the chart reads top-down like the table
    per_row = max(len(series), 1)
    height = 40 + max(len(labels), 1) * BAR_HEIGHT * (1 + 0.6 * (per_row - 1)) + (
        30 if len(series) > 1 else 0)
    # the values are printed after each bar, so the value axis and its guides are left out
    drawing = pygal.HorizontalBar(width=320, height=int(height), show_x_labels=False,
                                  show_x_guides=False, show_y_guides=False,
                                  print_values_position="top", margin_right=52, **config)
    drawing.x_labels = [_short(label) for label in reversed(labels)]
    for name, values, _kind in series:
        drawing.add(name, list(reversed(values)))
    return drawing


LINE_LABELS = 4


def _ticks(series) -> list:
    """Round values from 0 to the largest (steps of 1, 2 or 5 times a power of ten, at most
    five), for the value axis of a count: pygal would label every whole number."""
    top = max([value or 0 for _name, values, _kind in series for value in values] + [1])
    step = next(m * 10 ** k for k in range(12) for m in (1, 2, 5) if top / (m * 10 ** k) <= 5)
    return [step * n for n in range(math.ceil(top / step) + 1)]


def _line(config, labels, series):
    # About four labels fit under the line at 320 px; the rest are named in the table and desc.
    every = max(-(-len(labels) // LINE_LABELS), 1)
    drawing = pygal.Line(width=360, height=260, show_minor_x_labels=len(labels) <= LINE_LABELS,
                         x_labels_major_every=every, dots_size=4, include_x_axis=True, **config)
    drawing.x_labels = labels
    if "range" not in config:  # shares have their own axis, 0–100 %
        drawing.config.y_labels = _ticks(series)
    for name, values, _kind in series:
        drawing.add(name, values)
    return drawing


def chart_figure(table: Table) -> SafeString:
    """The chart for the page and the PDF: a figure captioned with the chart's title, so a
    sighted reader knows which table it draws (the SVG's own title and desc name it to a screen
    reader)."""
    svg = chart_svg(table)
    if not svg:
        return svg
    return format_html('<figure class="report-chart">'
                       '<figcaption class="report-chart__caption">{}</figcaption>{}</figure>',
                       table.chart.title or table.title, svg)
