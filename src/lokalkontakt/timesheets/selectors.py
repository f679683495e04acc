# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about time registration: a contact's week and year, and the overview by contact, area and
core area that the coordinator (all) and core-area leaders (their own core areas' staff) see."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from lokalkontakt.areas.models import Assignment
from lokalkontakt.people.models import Employee
from lokalkontakt.people.permissions import core_areas_overseen_by
from lokalkontakt.timesheets.capacity import Band, Week, monday_of
from lokalkontakt.timesheets.models import TimeEntry


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


def _period_sum(start, end, **condition):
    entries = (TimeEntry.objects.filter(employee=OuterRef("pk"), day__range=(start, end), **condition)
               .values("employee").annotate(total=Sum("minutes")).values("total"))
    return Coalesce(Subquery(entries, output_field=IntegerField()), Value(0))


@dataclass
class Overview:
    start: datetime.date
    end: datetime.date
    band: Band
    contacts: object  # a queryset of Employee with minutes, outside_minutes, area_count
    areas: list
    core_areas: list

    def status(self, minutes: int) -> str:
        return self.band.status(minutes)


def overview(*, user, start: datetime.date, end: datetime.date, core_area=None) -> Overview:
    """Time per contact (everyone with a current assignment or time in the period), per area and
    per core area, limited to the core areas the user may see. Three queries however many."""
    core_areas = core_areas_overseen_by(user)
    if core_area is not None:
        core_areas = core_areas.filter(pk=core_area.pk)
    in_period = TimeEntry.objects.filter(day__range=(start, end))
    if not user.has_perm("core.coordinate") or core_area is not None:
        in_period = in_period.filter(employee__core_area__in=core_areas)
    covers = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    contacts = Employee.objects.filter(Exists(covers) | Exists(in_period.filter(
        employee=OuterRef("pk"))))
    if not user.has_perm("core.coordinate") or core_area is not None:
        contacts = contacts.filter(core_area__in=core_areas)
    # Subqueries, not aggregates over joins: without a GROUP BY the page walks the name index and
    # stops at its 50 rows, and the paginator's count leaves the sums out.
    current = (Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
               .values("employee").annotate(count=Count("pk")).values("count"))
    contacts = (contacts.select_related("core_area")
                .annotate(minutes=_period_sum(start, end),
                          outside_minutes=_period_sum(start, end, outside_hours=True),
                          area_count=Coalesce(Subquery(current, output_field=IntegerField()),
                                              Value(0)))
                .order_by("sort_name", "pk"))
    areas = list(in_period.values("area__name", "area__slug").annotate(minutes=Sum("minutes"))
                 .order_by("-minutes", "area__name"))
    by_core_area = list(in_period.values("employee__core_area__name")
                        .annotate(minutes=Sum("minutes"), contacts=Count("employee", distinct=True))
                        .order_by("-minutes", "employee__core_area__name"))
    return Overview(start=start, end=end, band=Band.of(start, end), contacts=contacts,
                    areas=areas, core_areas=by_core_area)
