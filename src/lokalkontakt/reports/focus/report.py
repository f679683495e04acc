# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""One focus area's report for the committee that owns it: what the local areas raised about it
in the period, against the period before: counts by local area and by month, then the items."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from lokalkontakt.core.models import FocusArea
from lokalkontakt.reports.focus import counts, items
from lokalkontakt.reports.focus.overview import comparison_columns, kind_labels
from lokalkontakt.reports.focus.sections import item_sections
from lokalkontakt.reports.period import Period
from lokalkontakt.reports.structure import Cell, Chart, Column, Report, Section, Table

BY_AREA = ("inquiries", "answers", "notes", "projects")
MAX_AREAS = 100  # the areas with the most items, when more than this have any


def choices() -> list[tuple[str, str, str]]:
    """The focus areas a scheduled report may be about: ("focus_area", slug, name)."""
    return [("focus_area", slug, name)
            for slug, name in FocusArea.objects.order_by("number").values_list("slug", "name")]


def build_focus_report(period: Period, *, focus_area: str, reader=None) -> Report:
    """The report on the focus area with slug `focus_area` (FocusArea.DoesNotExist if none)."""
    return focus_report(period, FocusArea.objects.get(slug=focus_area), reader=reader)


def focus_report(period: Period, focus: FocusArea, *, reader=None) -> Report:
    """The report on `focus` for the period. The counts are of all the work (notes: those `reader`
    may see); the items listed are those `reader` may open, and none without a reader (a report
    sent by e-mail, whose readers may have no login)."""
    sources = counts.sources(reader)
    monthly = {kind: counts.by_month(sources[kind], focus, period) for kind in BY_AREA}
    totals = {kind: tuple(sum(pair[i] for pair in monthly[kind].values()) for i in (0, 1))
              for kind in BY_AREA}
    summary = Section(
        key="by-area", title=_("What the local areas raised"),
        figures=[(kind_labels()[kind], *totals[kind]) for kind in BY_AREA],
        tables=[_area_table(sources, focus, period)])
    trend = Section(key="trend", title=_("Month by month"),
                    tables=[_trend_table(monthly, counts.months(period))])
    # The items only for a reader, and only those the reader may open; an e-mailed report
    # (no reader) holds the counts alone.
    listed = counts.item_sources(sources, reader) if reader is not None else {}
    shown = {kind: listed[kind] for kind in BY_AREA if kind in listed}
    item_rows = {kind: getattr(items, kind)(source, focus, period) for kind, source in shown.items()}
    item_totals = {kind: (items.total(shown[kind], focus, period, rows=item_rows[kind]),)
                   for kind in item_rows}
    return Report(
        title=_("Focus area: %(name)s") % {"name": focus.name}, period=period,
        compared_with=period.previous(),
        sections=[summary, trend, *item_sections(
            item_rows, item_totals, limited=not reader.has_perm("core.coordinate") if reader else False)],
        filters=[(_("Focus area"), focus.name)], filename=f"fokusomraade-{focus.number}")


def _area_table(sources, focus, period: Period) -> Table:
    areas: dict = {}
    for kind in BY_AREA:
        for row in counts.by_area(sources[kind], focus, period):
            entry = areas.setdefault(row["area_key"], {"row": row, "counts": {}})
            entry["counts"][kind] = (row["now"], row["before"])
    shown = sorted(areas.values(), key=lambda entry: -sum(n for n, _b in entry["counts"].values()))
    left_out = len(shown) - MAX_AREAS
    shown = sorted(shown[:MAX_AREAS], key=lambda entry: (entry["row"]["area_key"] is None,
                                                         entry["row"]["sort"] or ""))
    rows = [[_area_cell(entry["row"]),
             *(value for kind in BY_AREA for value in entry["counts"].get(kind, (0, 0)))]
            for entry in shown]
    note = _("An inquiry or a note without a local area counts under “No local area”; a project "
             "in several areas counts in each.")
    if left_out > 0:
        note += " " + _("The %(shown)d areas with the most are shown; %(more)d more are left "
                        "out.") % {"shown": MAX_AREAS, "more": left_out}
    return Table(key="by-area", title=_("By local area"), rows=rows, note=note,
                 columns=[Column("area", _("Local area")), *comparison_columns(period, BY_AREA)])


def _area_cell(row) -> Cell | str:
    if row["area_key"] is None:
        return _("No local area")
    return Cell(row["name"], reverse("areas:detail", args=[row["slug"]]))


def _trend_table(monthly, all_months) -> Table:
    labels = kind_labels()
    rows = [[formats.date_format(month, "YEAR_MONTH_FORMAT"),
             *(sum(monthly[kind].get(month, (0, 0))) for kind in BY_AREA)]
            for month in all_months]
    return Table(
        key="trend", title=_("By month, this period and the one before"),
        columns=[Column("month", _("Month")),
                 *(Column(kind, labels[kind], "number") for kind in BY_AREA)],
        rows=rows, chart=Chart("line", label="month", values=BY_AREA,
                               title=_("By month")))

