# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time registered per core area against the band (settings.TIME_BAND_MINUTES a working week
for each contact): the contacts are the core area's employees with a primary or deputy
assignment on the period's last day, or today while it runs; the band is that of the weeks
up to then. The hours are summed from the monthly totals (timesheets.totals: whole months from
each employee's month rows, partial months from the entries), not from every entry (three
queries)."""

from django.db.models import Count
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Assignment
from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.reports.scheme.common import last_day
from lokalkontakt.reports.scheme.coverage import held_on
from lokalkontakt.reports.structure import Column, Table
from lokalkontakt.timesheets.capacity import Band
from lokalkontakt.timesheets.totals import grouped_sum

CORE_AREA = "employee__core_area__name"


def _hours(minutes) -> float:
    return round((minutes or 0) / 60, 1)


def time_rows(period) -> list[list]:
    before = period.previous()
    now = grouped_sum(period.start, period.end, by=CORE_AREA)
    earlier = grouped_sum(before.start, before.end, by=CORE_AREA)
    spent = {name: {"now": now.get(name), "before": earlier.get(name)}
             for name in set(now) | set(earlier)}
    contacts = {row[CORE_AREA]: row["contacts"] for row in Assignment.objects
                .filter(held_on(last_day(period))).values(CORE_AREA)
                .annotate(contacts=Count("employee", distinct=True)).order_by(CORE_AREA)}
    band = Band.of(period.start, last_day(period))  # a running period's band: up to today
    rows = []
    for name in sorted(set(spent) | set(contacts), key=lambda n: danish_sort_key(n or "")):
        count, row = contacts.get(name, 0), spent.get(name, {})
        rows.append([name or _("No core area"), count, _hours(row.get("now")),
                     _hours(row.get("before")), _hours(band.low * count),
                     _hours(band.high * count)])
    return rows


def time_table(period) -> Table:
    return Table("time", _("Time registered per core area"), [
        Column("core_area", _("Core area")), Column("contacts", _("Contacts"), "number"),
        Column("hours", _("Hours this period"), "decimal"),
        Column("hours_before", _("Hours the period before"), "decimal"),
        Column("low", _("Expected at least (hours)"), "decimal"),
        Column("high", _("Expected at most (hours)"), "decimal")], time_rows(period),
        note=_("Expected: the band for each contact on the period's last day, for the working "
               "days of the period."))
