# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The monthly time totals (issue 20) give the overview and its export exactly the figures that
summing every entry of the period gives (the oracle: the queries the overview ran before, over
the entries), whatever entries are registered, corrected and deleted through the services,
across a handover in the middle of the period and for periods that start and end on any day."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Sum
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lokalkontakt.people.models import Employee
from lokalkontakt.timesheets import selectors
from lokalkontakt.timesheets.models import EmployeeMonth, TimeEntry, TimeTotal
from lokalkontakt.timesheets.services import (
    time_entry_create,
    time_entry_delete,
    time_entry_update,
)
from lokalkontakt.timesheets.totals import recompute, split
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
FIRST = TODAY - datetime.timedelta(days=220)
HANDOVER = TODAY - datetime.timedelta(days=100)  # Bo's last day in Barrit; Cai's first is the next


@pytest.fixture
def world(coordinator):
    """Ann covers Glud throughout; Bo covered Barrit until HANDOVER, Cai since and covers Ørum;
    Dan is a leader of Ann's core area with no areas. Bo has no core area."""
    sundhed, laering = CoreAreaFactory(name="Sundhed"), CoreAreaFactory(name="Læring")
    people = {}
    for name, core_area in (("Ann", sundhed), ("Bo", None), ("Cai", laering), ("Dan", sundhed)):
        people[name] = EmployeeFactory(user=UserFactory(username=name.lower()), name=name,
                                       core_area=core_area)
    sundhed.leaders.add(people["Dan"])
    glud, barrit, orum = (LocalAreaFactory(name=name) for name in ("Glud", "Barrit", "Ørum"))
    start = FIRST - datetime.timedelta(days=30)
    AssignmentFactory(employee=people["Ann"], area=glud, starts_on=start)
    AssignmentFactory(employee=people["Bo"], area=barrit, starts_on=start, ends_on=HANDOVER)
    AssignmentFactory(employee=people["Cai"], area=barrit,
                      starts_on=HANDOVER + datetime.timedelta(days=1))
    AssignmentFactory(employee=people["Cai"], area=orum, starts_on=start)
    return {"people": people, "areas": [glud, barrit, orum, None], "coordinator": coordinator}


def _covered_area(employee, area, day):
    """The area if the employee covered it that day, else no area (the services refuse it)."""
    if area is None or not employee.assignments.filter(area=area, starts_on__lte=day).exclude(
            ends_on__lt=day).exists():
        return None
    return area


SPAN = (TODAY - FIRST).days


def _month_end(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) \
        - datetime.timedelta(days=1)


# Days anywhere in the span, and (more often than by chance) on and next to month boundaries,
# where a period's whole months end and its partial months begin.
any_day = st.integers(0, SPAN).map(lambda offset: FIRST + datetime.timedelta(days=offset))
some_day = st.one_of(
    any_day, any_day.map(lambda d: d.replace(day=1)), any_day.map(_month_end),
    any_day.map(lambda d: d.replace(day=2)),
    any_day.map(lambda d: _month_end(d) - datetime.timedelta(days=1)),
).map(lambda d: min(max(d, FIRST), TODAY))
entry_fields = st.tuples(some_day, st.integers(1, 240), st.booleans(), st.integers(0, 3))
operations = st.lists(st.one_of(
    st.tuples(st.just("create"), st.sampled_from(["Ann", "Bo", "Cai"]), entry_fields),
    st.tuples(st.just("create"), st.sampled_from(["Ann", "Bo", "Cai"]), entry_fields),
    st.tuples(st.just("update"), st.integers(0, 50), entry_fields),
    st.tuples(st.just("delete"), st.integers(0, 50), st.none())), min_size=1, max_size=30)


def _apply(world, ops) -> None:
    entries = []
    for kind, which, fields in ops:
        if kind == "create":
            employee = world["people"][which]
            day, minutes, outside, area = fields
            entries.append(time_entry_create(
                actor=employee.user, day=day, minutes=minutes, kind=TimeEntry.Kind.COUNCIL,
                outside_hours=outside,
                area=_covered_area(employee, world["areas"][area], day)))
        elif entries and kind == "update":
            entry = entries[which % len(entries)]
            day, minutes, outside, area = fields
            entries[which % len(entries)] = time_entry_update(
                entry=entry, actor=world["coordinator"], day=day, minutes=minutes,
                kind=TimeEntry.Kind.OTHER, outside_hours=outside,
                area=_covered_area(entry.employee, world["areas"][area], day))
        elif entries and kind == "delete":
            time_entry_delete(entry=entries.pop(which % len(entries)), actor=world["coordinator"])


def _oracle(*, start, end, core_areas=None):
    """What summing every entry of the period gives: the overview's queries before the totals."""
    in_period = TimeEntry.objects.filter(day__range=(start, end))
    contacts = Employee.objects.all()
    if core_areas is not None:
        in_period = in_period.filter(employee__core_area__in=core_areas)
        contacts = contacts.filter(core_area__in=core_areas)
    mine = {}
    for entry in in_period:
        minutes, outside = mine.get(entry.employee_id, (0, 0))
        mine[entry.employee_id] = (minutes + entry.minutes,
                                   outside + (entry.minutes if entry.outside_hours else 0))
    listed = [employee for employee in contacts.order_by("sort_name", "pk")
              if employee.pk in mine or employee.assignments.filter(ends_on__isnull=True)]
    by_core_area = {}
    for employee in listed:
        name = employee.core_area.name if employee.core_area else None
        count, minutes = by_core_area.get(name, (0, 0))
        by_core_area[name] = (count + 1, minutes + mine.get(employee.pk, (0, 0))[0])
    return {
        "contacts": [(e.pk, *mine.get(e.pk, (0, 0))) for e in listed],
        "by_core_area": by_core_area,
        "total": sum(minutes for minutes, _outside in mine.values()),
        "areas": list(in_period.values("area__name", "area__slug").annotate(
            minutes=Sum("minutes")).order_by("-minutes", "area__name")),
        "core_areas": list(in_period.values("employee__core_area__name").annotate(
            minutes=Sum("minutes"), contacts=Count("employee", distinct=True))
            .order_by("-minutes", "employee__core_area__name")),
    }


def _check(user, start, end, core_areas=None) -> None:
    want = _oracle(start=start, end=end, core_areas=core_areas)
    summary = selectors.overview_summary(user=user, start=start, end=end)
    assert [(c.pk, c.minutes, c.outside_minutes) for c in summary.contacts] == want["contacts"]
    assert {row["core_area__name"]: (row["contacts"], row["minutes"])
            for row in summary.core_areas} == want["by_core_area"]
    assert summary.total_minutes == want["total"]
    found = selectors.overview(user=user, start=start, end=end)
    assert [(c.pk, c.minutes, c.outside_minutes) for c in found.contacts] == want["contacts"]
    assert [(pk, minutes, outside) for pk, _name, _core, _areas, minutes, outside
            in found.contact_rows()] == want["contacts"]
    assert found.areas == want["areas"]
    assert found.core_areas == want["core_areas"]


@settings(max_examples=60, deadline=None, phases=[Phase.explicit, Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=operations, first=some_day, last=some_day)
def test_the_overview_sums_as_every_entry_does(world, ops, first, last):
    start, end = min(first, last), max(first, last)
    with transaction.atomic():
        _apply(world, ops)

        assert recompute(fix=False) == []
        _check(world["coordinator"], start, end)
        leader = world["people"]["Dan"].user
        _check(leader, start, end, core_areas=[world["people"]["Dan"].core_area])
        transaction.set_rollback(True)


@given(first=st.dates(datetime.date(2023, 1, 1), datetime.date(2028, 12, 31)),
       days=st.integers(0, 800))
def test_a_period_is_its_whole_months_and_the_days_around_them(first, days):
    last = first + datetime.timedelta(days=days)
    period = split(first, last)

    covered = [day for start, end in period.edges
               for day in (start + datetime.timedelta(n) for n in range((end - start).days + 1))]
    if period.months is not None:
        month, last_month = period.months
        assert month.day == 1 and last_month.day == 1
        while month <= last_month:
            following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            covered += [month + datetime.timedelta(n) for n in range((following - month).days)]
            month = following
    assert sorted(covered) == [first + datetime.timedelta(n) for n in range(days + 1)]
    assert len(period.edges) <= 2


def test_a_period_from_and_to_the_middle_of_months_counts_the_days_around_its_months(world):
    ann = world["people"]["Ann"]
    start = (FIRST + datetime.timedelta(days=40)).replace(day=10)
    end = (TODAY - datetime.timedelta(days=40)).replace(day=20)
    for day in (start - datetime.timedelta(days=1), start, start.replace(day=28),
                end.replace(day=1), end, end + datetime.timedelta(days=1)):
        time_entry_create(actor=ann.user, day=day, minutes=10, kind=TimeEntry.Kind.COUNCIL,
                          outside_hours=day == end)

    summary = selectors.overview_summary(user=world["coordinator"], start=start, end=end)

    assert split(start, end).months is not None and len(split(start, end).edges) == 2
    [contact] = [c for c in summary.contacts if c.pk == ann.pk]
    assert (contact.minutes, contact.outside_minutes, summary.total_minutes) == (40, 10, 40)
    _check(world["coordinator"], start, end)


def test_the_command_reports_a_drift_and_fixes_it(world):
    ann = world["people"]["Ann"]
    entry = time_entry_create(actor=ann.user, day=TODAY.replace(day=1), minutes=30,
                              kind=TimeEntry.Kind.COUNCIL)
    TimeEntry.objects.filter(pk=entry.pk).update(minutes=45)  # around the services

    with pytest.raises(CommandError, match="2 differ from the entries"):
        call_command("time_totals", stdout=StringIO())
    out = StringIO()
    call_command("time_totals", "--fix", stdout=out)

    assert "2 differed; rebuilt" in out.getvalue()  # the area's month and the employee's
    assert TimeTotal.objects.get(employee=ann).minutes == 45
    assert EmployeeMonth.objects.get(employee=ann).minutes == 45
    call_command("time_totals", stdout=(out := StringIO()))
    assert "as the entries give them" in out.getvalue()


def test_deleting_a_months_last_entry_deletes_its_total(world):
    ann = world["people"]["Ann"]
    entry = time_entry_create(actor=ann.user, day=TODAY, minutes=30, kind=TimeEntry.Kind.COUNCIL)
    assert TimeTotal.objects.filter(employee=ann).values_list("minutes", "entries")[0] == (30, 1)

    time_entry_delete(entry=entry, actor=ann.user)

    assert not TimeTotal.objects.exists()


def _months(employee) -> list[tuple]:
    return list(EmployeeMonth.objects.filter(employee=employee).order_by("month")
                .values_list("month", "minutes", "outside_minutes", "entries"))


def test_an_employees_months_follow_every_write_and_a_move_to_another_core_area(world):
    ann, cai = world["people"]["Ann"], world["people"]["Cai"]
    glud = world["areas"][0]
    this_month = TODAY.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    first = time_entry_create(actor=ann.user, day=this_month, minutes=30, area=glud,
                              kind=TimeEntry.Kind.COUNCIL)
    second = time_entry_create(actor=ann.user, day=this_month, minutes=45, outside_hours=True,
                               kind=TimeEntry.Kind.COORDINATION)
    assert _months(ann) == [(this_month, 75, 45, 2)]  # the area's and no area's, in one row

    time_entry_update(entry=second, actor=world["coordinator"], day=last_month, minutes=60,
                      kind=TimeEntry.Kind.COORDINATION)
    assert _months(ann) == [(last_month, 60, 0, 1), (this_month, 30, 0, 1)]

    time_entry_delete(entry=first, actor=ann.user)
    assert _months(ann) == [(last_month, 60, 0, 1)]
    assert recompute(fix=False) == []

    # Moved to Cai's core area: the time counts where the employee is now, before and after.
    start = last_month
    ann.core_area = cai.core_area
    ann.save()
    summary = selectors.overview_summary(user=world["coordinator"], start=start, end=TODAY)
    assert {row["core_area__name"]: (row["contacts"], row["minutes"])
            for row in summary.core_areas} == _oracle(start=start, end=TODAY)["by_core_area"]
    assert {row["core_area__name"]: row["minutes"]
            for row in summary.core_areas}["Læring"] == 60
    _check(world["coordinator"], start, TODAY)


def test_rebuilding_the_totals_keeps_the_entries_from_changing_until_it_is_done():
    """time_totals --fix reads the entries and replaces the totals: an entry saved in between
    would be missing from the rebuilt totals (or, on PostgreSQL, clash with the row the rebuild
    inserts). On PostgreSQL the rebuild locks the entries' table against writes until it
    commits; SQLite's transactions hold the write lock from their start."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite: the transaction holds the database's write lock from BEGIN IMMEDIATE")
    table = TimeEntry._meta.db_table
    with transaction.atomic():
        recompute(fix=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT mode FROM pg_locks WHERE relation = %s::regclass "
                           "AND pid = pg_backend_pid()", [table])
            modes = {row[0] for row in cursor.fetchall()}
    assert "ShareLock" in modes


@pytest.mark.django_db(transaction=True)
def test_rebuilding_outside_a_transaction_takes_its_own():
    """Entries written around the services (bulk_create, as the bench's generator does) are
    counted by a rebuild called without a transaction of the caller's: it opens its own (on
    PostgreSQL its table lock needs one)."""
    employee = EmployeeFactory(name="Ann")
    TimeEntry.objects.bulk_create([
        TimeEntry(employee=employee, day=TODAY, minutes=minutes, kind=TimeEntry.Kind.COUNCIL)
        for minutes in (30, 45)])
    assert recompute(fix=True)  # the totals differed
    assert list(EmployeeMonth.objects.values_list("employee", "minutes", "entries")) == [
        (employee.pk, 75, 2)]
    assert recompute(fix=False) == []
