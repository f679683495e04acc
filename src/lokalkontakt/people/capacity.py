"""Reads about time registration: a contact's week and year, and the overview by contact, area and
core area that the coordinator (all) and core-area leaders (their own core areas' staff) see.

The band is settings.TIME_BAND_MINUTES per working week (the seed's 1–1½ hours). A period expects
the band times its working days / 5, so a week with public holidays expects its share."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from lokalkontakt.areas.models import Assignment
from lokalkontakt.core.workdays import is_working_day
from lokalkontakt.people.models import CoreArea, Employee, TimeEntry
from lokalkontakt.people.permissions import active_employee

BELOW, WITHIN, ABOVE = "below", "within", "above"


def working_days(start: datetime.date, end: datetime.date) -> int:
    """Danish working days from start to end, both included."""
    return sum(1 for offset in range((end - start).days + 1)
               if is_working_day(start + datetime.timedelta(days=offset)))


@dataclass
class Band:
    low: int  # minutes the period is expected to take at least
    high: int  # … and at most

    @classmethod
    def of(cls, start: datetime.date, end: datetime.date) -> "Band":
        days = working_days(start, end)
        low, high = settings.TIME_BAND_MINUTES
        return cls(low=round(low * days / 5), high=round(high * days / 5))

    def status(self, minutes: int) -> str:
        if minutes < self.low:
            return BELOW
        return ABOVE if minutes > self.high else WITHIN


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


@dataclass
class Week:
    monday: datetime.date
    minutes: int
    band: Band
    entries: list = field(default_factory=list)

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    @property
    def number(self) -> int:
        return self.monday.isocalendar().week

    @property
    def status(self) -> str:
        return self.band.status(self.minutes)


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


def visible_core_areas(*, user):
    """The core areas whose staff's time the user may see: all for the coordinator, the ones they
    lead for a leader, none for anyone else."""
    if user.has_perm("core.coordinate"):
        return CoreArea.objects.all()
    employee = active_employee(user)
    return employee.led_core_areas.all() if employee else CoreArea.objects.none()


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
    core_areas = visible_core_areas(user=user)
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


def entry_get(*, user, pk: int) -> TimeEntry:
    """One of the user's own entries (the coordinator: anyone's); 404 otherwise."""
    entries = TimeEntry.objects.select_related("area", "employee")
    if not user.has_perm("core.coordinate"):
        entries = entries.filter(employee__user=user)
    return get_object_or_404(entries, pk=pk)
