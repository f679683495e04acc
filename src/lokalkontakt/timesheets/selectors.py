# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about time registration: a contact's week and year, and the overview by contact, area and
core area that the coordinator (all) and core-area leaders (their own core areas' staff) see."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.people.models import Employee
from lokalkontakt.people.permissions import core_areas_overseen_by
from lokalkontakt.timesheets.capacity import Band, Week, monday_of
from lokalkontakt.timesheets.models import TimeEntry
from lokalkontakt.timesheets.totals import grouped_sum, grouped_sums, period_sum


def my_week(*, employee, monday: datetime.date) -> Week:
    """The employee's entries of the week beginning `monday`, with its total and band."""
    sunday = monday + datetime.timedelta(days=6)
    entries = list(employee.time_entries.filter(day__range=(monday, sunday))
                   .select_related("area").order_by("day", "pk"))
    return Week(monday=monday, minutes=sum(e.minutes for e in entries),
                band=Band.of(monday, sunday), entries=entries)


def my_year(*, employee, year: int) -> list[Week]:
    """Every ISO week of `year` with the employee's total and band, in one query."""
    first = datetime.date.fromisocalendar(year, 1, 1)
    last = datetime.date.fromisocalendar(year + 1, 1, 1) - datetime.timedelta(days=1)
    totals: dict[datetime.date, int] = {}
    for day, minutes in employee.time_entries.filter(day__range=(first, last)).values_list(
            "day", "minutes"):
        totals[monday_of(day)] = totals.get(monday_of(day), 0) + minutes
    weeks, monday = [], first
    while monday <= last:
        weeks.append(Week(monday=monday, minutes=totals.get(monday, 0),
                          band=Band.of(monday, monday + datetime.timedelta(days=6))))
        monday += datetime.timedelta(days=7)
    return weeks


@dataclass
class Overview:
    start: datetime.date
    end: datetime.date
    band: Band
    contacts: object  # a queryset of Employee with minutes, outside_minutes, area_count
    areas: list
    core_areas: list
    # The contacts' rows for a sheet, as contacts gives them: (pk, name, core area's name, area
    # count, minutes, outside-hours minutes), by name; read when called.
    contact_rows: object = None

    def status(self, minutes: int) -> str:
        return self.band.status(minutes)


def _scope(*, user, start, end, core_area):
    """The period's entries, the contacts (everyone with a current assignment or time in the
    period), limited to the core areas the user may see, or to the one chosen, and that limit as
    a condition on entries and totals (empty: no limit)."""
    core_areas = core_areas_overseen_by(user)
    if core_area is not None:
        core_areas = core_areas.filter(pk=core_area.pk)
    limited = not user.has_perm("core.coordinate") or core_area is not None
    condition = {"employee__core_area__in": core_areas} if limited else {}
    in_period = TimeEntry.objects.filter(day__range=(start, end), **condition)
    covers = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    contacts = Employee.objects.filter(Exists(covers) | Exists(in_period.filter(
        employee=OuterRef("pk"))))
    if limited:
        contacts = contacts.filter(core_area__in=core_areas)
    return in_period, contacts, condition


def _contact_rows(contacts, start, end, *, sums: bool = True, minutes=None):
    # Subqueries, not aggregates over joins: without a GROUP BY the page walks the name index and
    # stops at its 50 rows, and the paginator's count leaves the sums out. `minutes`: the
    # period's period_sum when the caller has built it already.
    current = (Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
               .values("employee").annotate(count=Count("pk")).values("count"))
    minutes = ({"minutes": minutes if minutes is not None else period_sum(start, end),
                "outside_minutes": period_sum(start, end, field="outside_minutes")}
               if sums else {})
    return (contacts.select_related("core_area")
            .annotate(**minutes, area_count=Coalesce(Subquery(current, output_field=IntegerField()),
                                                     Value(0)))
            .order_by("sort_name", "pk"))


def overview(*, user, start: datetime.date, end: datetime.date, core_area=None) -> Overview:
    """Time per contact (everyone with a current assignment or time in the period), per area and
    per core area (the contacts with time in the period), limited to the core areas the user may
    see: every row, for the export. Four queries however many: the contacts with their sums (from
    the monthly totals, timesheets.totals, and the entries of partial months); the minutes per
    core area and per area, each grouped in SQL (totals.grouped_sum), not summed per row; the
    contacts with time counted per core area. The areas' names are read for the areas with time."""
    in_period, contacts, condition = _scope(user=user, start=start, end=end, core_area=core_area)
    with_time = Employee.objects.filter(Exists(in_period.filter(employee=OuterRef("pk"))))
    if condition:
        with_time = with_time.filter(core_area__in=condition["employee__core_area__in"])
    minutes = grouped_sum(start, end, by="employee__core_area", **condition)
    # By name in SQL (the database's order, an empty name where it puts NULLs), then by minutes:
    # the sort is stable, so equal minutes keep the names' order, as ORDER BY -minutes, name.
    by_core_area = sorted(
        ({"employee__core_area__name": row["core_area__name"],
          "minutes": minutes.get(row["core_area"], 0), "contacts": row["contacts"]}
         for row in with_time.values("core_area", "core_area__name")
         .annotate(contacts=Count("pk")).order_by("core_area__name")),
        key=lambda row: -row["minutes"])
    on_area = grouped_sum(start, end, by="area", **condition)
    on_no_area = on_area.pop(None, 0)
    areas = sorted(
        ({"area__name": name, "area__slug": slug, "minutes": on_area[pk]}
         for pk, name, slug in LocalArea.objects.filter(pk__in=list(on_area)).order_by("name")
         .values_list("pk", "name", "slug")),
        key=lambda row: -row["minutes"]) if on_area else []
    return Overview(start=start, end=end, band=Band.of(start, end),
                    contacts=_contact_rows(contacts, start, end),
                    areas=_with_no_area(areas, on_no_area), core_areas=by_core_area,
                    contact_rows=lambda: _sheet_rows(contacts, start, end, condition))


def _sheet_rows(contacts, start, end, condition):
    """Every contact's row for the export, streamed by name: the sums of all of them grouped in
    one query (totals.grouped_sums; a pair of numbers a contact with time), not two subqueries
    a contact for the minutes and two for the outside-hours minutes."""
    sums = grouped_sums(start, end, by="employee", **condition)
    rows = (_contact_rows(contacts, start, end, sums=False)
            .values_list("pk", "name", "core_area__name", "area_count")
            .iterator(chunk_size=2000))
    for pk, name, core_area, area_count in rows:
        yield (pk, name, core_area, area_count, *sums.get(pk, (0, 0)))


def _with_no_area(areas: list, minutes: int) -> list:
    """The areas' rows with the time on no area placed as the database orders an empty name
    among equal minutes (first on SQLite, last on PostgreSQL), as when it was grouped there."""
    if not minutes:
        return areas
    nulls_last = connection.features.nulls_order_largest
    at = next((index for index, row in enumerate(areas)
               if row["minutes"] < minutes or (row["minutes"] == minutes and not nulls_last)),
              len(areas))
    return [*areas[:at], {"area__name": None, "area__slug": None, "minutes": minutes},
            *areas[at:]]


# The overview's pages: what a person reads at once, summed in SQL (issue 20). The export reads
# every row through overview() above.


@dataclass
class Summary:
    start: datetime.date
    end: datetime.date
    band: Band
    core_areas: list  # dicts: core_area__name, contacts, minutes
    total_minutes: int
    contacts: object  # a queryset of Employee with minutes, outside_minutes, area_count, by name
    contact_count: int  # how many contacts there are in all (the paginator's count)

    def status(self, minutes: int) -> str:
        return self.band.status(minutes)


def overview_summary(*, user, start: datetime.date, end: datetime.date,
                     core_area=None) -> Summary:
    """The overview's page, limited as overview(): per core area first (its contacts, counted in
    SQL, and their minutes; no core area last) and the period's total, then the contacts by name
    for the view to page (the paginator's count is the total of contacts). One query, plus the
    page's, however many contacts and entries: the contacts counted per core area with the sum
    of their minutes, each contact's from the monthly totals and the entries of partial months
    (timesheets.totals.period_sum), the same expression the page's rows read."""
    _in_period, contacts, _condition = _scope(user=user, start=start, end=end,
                                              core_area=core_area)
    # Every entry of the period (in the scope) is a contact's, so the minutes per core area are
    # its contacts' sums, and their total the period's. (One query, not a count and a grouped
    # sum apart: a query's building cost this page as much as the reading, issue 20.)
    minutes = period_sum(start, end)
    rows = [{"core_area__name": row["core_area__name"],
             "core_area__sort_name": row["core_area__sort_name"], "contacts": row["contacts"],
             "minutes": row["minutes"] or 0}
            for row in contacts.values("core_area", "core_area__name", "core_area__sort_name")
            .annotate(contacts=Count("pk"), minutes=Sum(minutes))
            .order_by(F("core_area__sort_name").asc(nulls_last=True))]
    return Summary(start=start, end=end, band=Band.of(start, end), core_areas=rows,
                   total_minutes=sum(row["minutes"] for row in rows),
                   contacts=_contact_rows(contacts, start, end, minutes=minutes),
                   contact_count=sum(row["contacts"] for row in rows))


def overview_contacts(*, user, start: datetime.date, end: datetime.date, core_area=None):
    """The contacts of overview_summary() alone, by name, for a page of them (timesheets.kept:
    the summary kept, a page of rows drawn)."""
    _in_period, contacts, _condition = _scope(user=user, start=start, end=end,
                                              core_area=core_area)
    return _contact_rows(contacts, start, end)


@dataclass
class AreaTime:
    start: datetime.date
    end: datetime.date
    areas: object  # a queryset of LocalArea with minutes, by name
    without_area: int  # minutes on the scheme in general


def overview_areas(*, user, start: datetime.date, end: datetime.date,
                   core_area=None) -> AreaTime:
    """Time per local area in the period, limited as overview(): the areas someone spent time on,
    by name, for the view to page, and the time on no area. One query, plus the paginator's count
    and its page: each area's sum is read from the (area, day, minutes) index."""
    in_period, _contacts, _condition = _scope(user=user, start=start, end=end,
                                              core_area=core_area)
    on_area = in_period.filter(area=OuterRef("pk"))
    total = on_area.values("area").annotate(total=Sum("minutes")).values("total")
    areas = (LocalArea.objects.filter(Exists(on_area)).only("name", "slug", "sort_name")
             .annotate(minutes=Subquery(total, output_field=IntegerField()))
             .order_by("sort_name", "pk"))
    without_area = in_period.filter(area__isnull=True).aggregate(
        minutes=Coalesce(Sum("minutes"), Value(0)))["minutes"]
    return AreaTime(start=start, end=end, areas=areas, without_area=without_area)
