# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The monthly totals (TimeTotal per employee and area, EmployeeMonth per employee) and how a
period is summed from them (issue 20).

The services call count() in the same transaction as each change of a time entry. A period sums
its whole months from the totals and its first and last partial months, if any, from the entries
(their covering indexes): so a year's sum per contact reads about a row per month and area, not
every entry. recompute() rebuilds the totals from the entries and says what differed."""

import datetime
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from lokalkontakt.people.models import Employee
from lokalkontakt.timesheets.models import EmployeeMonth, TimeEntry, TimeTotal


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def lock_employee(employee_id: int) -> None:
    """Serialise changes of one employee's entries (and so of their totals' rows, which a
    concurrent first entry of a month would otherwise create twice)."""
    list(Employee.objects.select_for_update().filter(pk=employee_id).values_list("pk"))


def _add(model, key: dict, entry: TimeEntry, sign: int) -> None:
    outside = entry.minutes if entry.outside_hours else 0
    rows = model.objects.filter(**key)
    if sign < 0:
        rows.filter(entries=1).delete()
    changed = rows.update(minutes=F("minutes") + sign * entry.minutes,
                          outside_minutes=F("outside_minutes") + sign * outside,
                          entries=F("entries") + sign)
    if not changed and sign > 0:
        model.objects.create(**key, minutes=entry.minutes, outside_minutes=outside, entries=1)


def count(entry: TimeEntry, sign: int) -> None:
    """Add (sign 1) or take away (sign -1) the entry from its month's totals (the employee's on
    the area, TimeTotal, and the employee's in all, EmployeeMonth); the caller holds
    lock_employee(entry.employee_id) in the same transaction."""
    month = month_of(entry.day)
    _add(TimeTotal, {"employee_id": entry.employee_id, "area_id": entry.area_id, "month": month},
         entry, sign)
    _add(EmployeeMonth, {"employee_id": entry.employee_id, "month": month}, entry, sign)


@dataclass(frozen=True)
class Split:
    """A period as whole months (first days of the first and last, or None) and the day ranges
    before and after them that the entries are summed for."""

    months: tuple[datetime.date, datetime.date] | None
    edges: tuple[tuple[datetime.date, datetime.date], ...]


def split(start: datetime.date, end: datetime.date) -> Split:
    first = start if start.day == 1 else _next_month(start)
    after = _next_month(end) if _next_month(end) - datetime.timedelta(days=1) == end \
        else month_of(end)  # the first day after the last whole month
    if first >= after:
        return Split(months=None, edges=((start, end),))
    last_day = after - datetime.timedelta(days=1)
    edges = tuple(edge for edge in ((start, first - datetime.timedelta(days=1)),
                                    (after, end)) if edge[0] <= edge[1])
    return Split(months=(first, month_of(last_day)), edges=edges)


def _sum(rows, field: str):
    # SUM as a plain function, not an aggregate: no GROUP BY in the subquery, which SQLite would
    # otherwise sort for each outer row.
    total = rows.order_by().values(total=Func(F(field), function="SUM"))
    return Coalesce(Subquery(total, output_field=IntegerField()), Value(0))


def _totals(by: str, condition: dict):
    """The monthly totals to read: an employee's months (EmployeeMonth, a row a month) when the
    rows are grouped by the employee or through them (their core area) and only the employee is
    filtered on, else the totals per area (TimeTotal)."""
    if by.split("__")[0] == "employee" and all(
            key.split("__")[0] == "employee" for key in condition):
        return EmployeeMonth.objects
    return TimeTotal.objects


def period_sum(start, end, *, field: str = "minutes", outer: str = "employee", **condition):
    """An expression: the minutes (field="minutes") or the outside-hours minutes
    ("outside_minutes") of the outer row (an employee: outer="employee", or an area: "area") from
    start to end, both included; `condition` filters the entries and the totals alike (e.g.
    employee__core_area__in=...)."""
    period = split(start, end)
    parts = []
    if period.months is not None:
        parts.append(_sum(_totals(outer, condition).filter(**{outer: OuterRef("pk")},
                                                   month__range=period.months, **condition),
                          field))
    entry_condition = ({"outside_hours": True} if field == "outside_minutes" else {})
    for edge in period.edges:
        parts.append(_sum(TimeEntry.objects.filter(**{outer: OuterRef("pk")}, day__range=edge,
                                                   **entry_condition, **condition), "minutes"))
    expression = parts[0]
    for part in parts[1:]:
        expression = expression + part
    return expression


def _grouped(start, end, by: str, condition: dict, *, outside: bool):
    """(key, minutes[, outside-hours minutes]) rows: the period's totals and entries grouped by
    `by` in SQL, whole months from the totals and partial months from the entries (a UNION ALL);
    a key may come twice (once a part)."""
    period = split(start, end)
    parts = []
    if period.months is not None:
        totals = {"outside": Sum("outside_minutes")} if outside else {}
        parts.append(_totals(by, condition).filter(month__range=period.months, **condition)
                     .order_by().values(key=F(by)).annotate(total=Sum("minutes"), **totals))
    if period.edges:
        days = Q()
        for edge in period.edges:
            days |= Q(day__range=edge)
        entries = ({"outside": Coalesce(Sum("minutes", filter=Q(outside_hours=True)), Value(0))}
                   if outside else {})
        parts.append(TimeEntry.objects.filter(days, **condition)
                     .order_by().values(key=F(by)).annotate(total=Sum("minutes"), **entries))
    fields = ("key", "total", "outside") if outside else ("key", "total")
    grouped = [part.values_list(*fields) for part in parts]
    return grouped[0].union(*grouped[1:], all=True) if len(grouped) > 1 else grouped[0]


def grouped_sum(start, end, *, by: str, **condition) -> dict:
    """The minutes from start to end (both included) grouped by `by` (a path from an entry and a
    total alike: "employee__core_area", "area"), as {value: minutes}, in one query however many
    rows: the whole months' totals and the partial months' entries, each grouped in SQL (a
    UNION ALL), added up here; `condition` as for period_sum. No value without time is in it."""
    sums: dict = {}
    for key, total in _grouped(start, end, by, condition, outside=False):
        sums[key] = sums.get(key, 0) + total
    return sums


def grouped_sums(start, end, *, by: str, **condition) -> dict:
    """As grouped_sum, with the outside-hours minutes: {value: (minutes, outside minutes)}."""
    sums: dict = {}
    for key, total, outside in _grouped(start, end, by, condition, outside=True):
        minutes, outside_minutes = sums.get(key, (0, 0))
        sums[key] = (minutes + total, outside_minutes + outside)
    return sums


def computed():
    """The totals as the entries give them: {(employee, area, month): (minutes, outside, n)}."""
    rows = (TimeEntry.objects.annotate(month=TruncMonth("day")).order_by()
            .values("employee_id", "area_id", "month")
            .annotate(total=Sum("minutes"), count=Count("pk"),
                      outside=Coalesce(Sum("minutes", filter=Q(outside_hours=True)), Value(0))))
    return {(row["employee_id"], row["area_id"], row["month"]):
            (row["total"], row["outside"], row["count"]) for row in rows}


def _per_employee(totals: dict) -> dict:
    """{(employee, month): (minutes, outside, n)}: the totals of each employee's areas added up."""
    months: dict = {}
    for (employee, _area, month), numbers in totals.items():
        before = months.get((employee, month), (0, 0, 0))
        months[(employee, month)] = tuple(a + b for a, b in zip(before, numbers, strict=True))
    return months


def stored():
    return {(row.employee_id, row.area_id, row.month): (row.minutes, row.outside_minutes,
                                                        row.entries)
            for row in TimeTotal.objects.order_by()}


def stored_months():
    return {(row.employee_id, row.month): (row.minutes, row.outside_minutes, row.entries)
            for row in EmployeeMonth.objects.order_by()}


def _differences(want: dict, have: dict, label) -> list[str]:
    return [f"{label(key)}: stored {have.get(key)}, entries {want.get(key)}"
            for key in sorted(want.keys() | have.keys(), key=str)
            if want.get(key) != have.get(key)]


@transaction.atomic
def recompute(*, fix: bool) -> list[str]:
    """The differences between the stored totals (per area, then per employee) and the entries,
    one line each; with fix, the stored totals are replaced by the computed ones. In one
    transaction (its own, or the caller's): with fix, nobody changes an entry from the reading
    to the replacing (on PostgreSQL the entries' table is locked against writes, which waits
    for those under way; on SQLite the transaction holds the database's write lock from its
    start)."""
    if fix and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {connection.ops.quote_name(TimeEntry._meta.db_table)} "
                           "IN SHARE MODE")
    want, have = computed(), stored()
    want_months = _per_employee(want)
    drift = _differences(want, have, lambda key: f"{key[0]}/{key[1]}/{key[2]:%Y-%m}") + \
        _differences(want_months, stored_months(), lambda key: f"{key[0]}/{key[1]:%Y-%m}")
    if fix and drift:
        TimeTotal.objects.all().delete()
        TimeTotal.objects.bulk_create(
            [TimeTotal(employee_id=employee, area_id=area, month=month, minutes=minutes,
                       outside_minutes=outside, entries=entries)
             for (employee, area, month), (minutes, outside, entries) in want.items()],
            batch_size=1000)
        EmployeeMonth.objects.all().delete()
        EmployeeMonth.objects.bulk_create(
            [EmployeeMonth(employee_id=employee, month=month, minutes=minutes,
                           outside_minutes=outside, entries=entries)
             for (employee, month), (minutes, outside, entries) in want_months.items()],
            batch_size=1000)
    return drift
