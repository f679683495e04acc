# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Capacity: the band a period expects (weeks with public holidays and the municipality's closing
days expect their share), a contact's week and year, and the overview the coordinator and the
core-area leaders see."""

import datetime

import pytest
from django.contrib.auth.models import Group

from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.people.models import CoreArea
from lokalkontakt.people.permissions import core_areas_overseen_by
from lokalkontakt.timesheets.capacity import ABOVE, BELOW, WITHIN, Band, working_days
from lokalkontakt.timesheets.permissions import time_entries_visible_to
from lokalkontakt.timesheets.selectors import my_week, my_year, overview
from tests.areas.factories import AssignmentFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory
from tests.timesheets.factories import TimeEntryFactory

D = datetime.date


@pytest.fixture(autouse=True)
def _danish_defaults(settings):
    """The seed's 1–1½ hours a week and the municipality's default closing days (Grundlovsdag,
    juleaftensdag, nytårsaftensdag), whatever the environment configures."""
    settings.TIME_BAND_MINUTES = (60, 90)
    settings.WORKDAY_CLOSED_DAYS = ["06-05", "12-24", "12-31"]


def week_of(monday: datetime.date) -> Band:
    return Band.of(monday, monday + datetime.timedelta(days=6))


def entry(employee, day, minutes, *, area=None, outside_hours=False, kind="council"):
    """An entry as stored (the service's rules about today and cover are tested elsewhere)."""
    return TimeEntryFactory(employee=employee, day=day, minutes=minutes, area=area,
                            outside_hours=outside_hours, kind=kind)


# The band


def test_an_ordinary_week_expects_one_to_one_and_a_half_hours():
    assert working_days(D(2026, 3, 2), D(2026, 3, 8)) == 5
    assert week_of(D(2026, 3, 2)) == Band(low=60, high=90)


def test_easter_week_2027_expects_three_fifths():
    # Monday 22 March 2027: Skærtorsdag 25th and Langfredag 26th are holidays.
    assert working_days(D(2027, 3, 22), D(2027, 3, 28)) == 3
    assert week_of(D(2027, 3, 22)) == Band(low=36, high=54)


def test_the_week_after_easter_2027_loses_second_easter_day():
    assert week_of(D(2027, 3, 29)) == Band(low=48, high=72)


def test_the_week_of_kristi_himmelfartsdag_expects_four_fifths():
    # Thursday 14 May 2026 and Thursday 6 May 2027.
    assert week_of(D(2026, 5, 11)) == Band(low=48, high=72)
    assert week_of(D(2027, 5, 3)) == Band(low=48, high=72)


def test_the_week_of_grundlovsdag_2026_expects_four_fifths():
    # Friday 5 June is a closing day of the municipality's, not a public holiday.
    assert week_of(D(2026, 6, 1)) == Band(low=48, high=72)


def test_christmas_week_2026_expects_three_fifths_with_juleaftensdag_closed():
    # Mon 21–Wed 23 December; 24th closed, 25th Juledag, 26th–27th weekend.
    assert working_days(D(2026, 12, 21), D(2026, 12, 27)) == 3
    assert week_of(D(2026, 12, 21)) == Band(low=36, high=54)


def test_the_week_over_new_year_2027_expects_three_fifths():
    # Mon 28–Wed 30 December; 31st closed, 1 January Nytårsdag, 2nd–3rd weekend.
    assert week_of(D(2026, 12, 28)) == Band(low=36, high=54)


def test_without_the_closing_days_christmas_weeks_expect_four_fifths(settings):
    settings.WORKDAY_CLOSED_DAYS = []

    assert week_of(D(2026, 12, 21)) == Band(low=48, high=72)
    assert week_of(D(2026, 12, 28)) == Band(low=48, high=72)


def test_a_whole_year_expects_its_working_days_share():
    # 2026: 261 weekdays less 7 public holidays on weekdays (1/1, 2/4, 3/4, 6/4, 14/5, 25/5,
    # 25/12) and 3 closing days (5/6, 24/12, 31/12).
    assert working_days(D(2026, 1, 1), D(2026, 12, 31)) == 251
    assert Band.of(D(2026, 1, 1), D(2026, 12, 31)) == Band(low=251 * 12, high=251 * 18)


def test_a_weekend_expects_nothing():
    assert Band.of(D(2026, 3, 7), D(2026, 3, 8)) == Band(low=0, high=0)


def test_the_band_follows_the_setting(settings):
    settings.TIME_BAND_MINUTES = (45, 75)

    assert week_of(D(2026, 3, 2)) == Band(low=45, high=75)
    assert week_of(D(2027, 3, 22)) == Band(low=27, high=45)


def test_a_band_that_does_not_divide_evenly_rounds_to_whole_minutes(settings):
    settings.TIME_BAND_MINUTES = (61, 91)

    assert week_of(D(2027, 3, 22)) == Band(low=37, high=55)  # 36.6 and 54.6


@pytest.mark.parametrize(("minutes", "status"), [
    (0, BELOW), (59, BELOW), (60, WITHIN), (75, WITHIN), (90, WITHIN), (91, ABOVE)])
def test_the_status_against_an_ordinary_week(minutes, status):
    assert week_of(D(2026, 3, 2)).status(minutes) == status


@pytest.mark.parametrize(("minutes", "status"), [
    (35, BELOW), (36, WITHIN), (54, WITHIN), (55, ABOVE)])
def test_the_status_against_easter_week(minutes, status):
    assert week_of(D(2027, 3, 22)).status(minutes) == status


@pytest.mark.parametrize(("minutes", "status"), [(0, WITHIN), (1, ABOVE)])
def test_the_status_of_a_weekend(minutes, status):
    assert Band.of(D(2026, 3, 7), D(2026, 3, 8)).status(minutes) == status


# My week and my year


@pytest.mark.django_db
def test_my_week_lists_the_weeks_entries_in_order_with_total_and_band(contact_user, colleague):
    me = contact_user.employee
    glud = AssignmentFactory(employee=me, area__name="Glud").area
    later = entry(me, D(2027, 3, 24), 30, area=glud)
    first = entry(me, D(2027, 3, 22), 20)
    same_day = entry(me, D(2027, 3, 24), 15, outside_hours=True)
    sunday = entry(me, D(2027, 3, 28), 5)
    entry(me, D(2027, 3, 21), 100)  # the Sunday before
    entry(me, D(2027, 3, 29), 100)  # the Monday after
    entry(colleague.employee, D(2027, 3, 23), 100)

    week = my_week(employee=me, monday=D(2027, 3, 22))

    assert week.entries == [first, later, same_day, sunday]
    assert (week.minutes, week.band, week.status) == (70, Band(low=36, high=54), ABOVE)
    assert (week.number, week.sunday) == (12, D(2027, 3, 28))


@pytest.mark.django_db
def test_my_week_without_entries_is_below_the_band(contact_user):
    week = my_week(employee=contact_user.employee, monday=D(2026, 3, 2))

    assert (week.entries, week.minutes, week.status) == ([], 0, BELOW)


@pytest.mark.django_db
@pytest.mark.parametrize(("year", "weeks", "first", "last"), [
    (2026, 53, D(2025, 12, 29), D(2026, 12, 28)),
    (2027, 52, D(2027, 1, 4), D(2027, 12, 27)),
])
def test_my_year_has_every_iso_week(contact_user, year, weeks, first, last):
    found = my_year(employee=contact_user.employee, year=year)

    assert [week.number for week in found] == list(range(1, weeks + 1))
    assert (found[0].monday, found[-1].monday) == (first, last)


@pytest.mark.django_db
def test_my_year_puts_entries_at_the_years_edge_in_their_iso_week(contact_user):
    me = contact_user.employee
    entry(me, D(2025, 12, 28), 1)  # Sunday: week 52 of 2025
    entry(me, D(2025, 12, 29), 10)  # Monday: week 1 of 2026
    entry(me, D(2026, 1, 1), 20)  # still week 1
    entry(me, D(2027, 1, 3), 30)  # Sunday: week 53 of 2026
    entry(me, D(2027, 1, 4), 40)  # Monday: week 1 of 2027

    year_2026 = my_year(employee=me, year=2026)
    year_2027 = my_year(employee=me, year=2027)

    assert {week.number: week.minutes for week in year_2026 if week.minutes} == {1: 30, 53: 30}
    assert sum(week.minutes for week in year_2026) == 60
    assert {week.number: week.minutes for week in year_2027 if week.minutes} == {1: 40}


@pytest.mark.django_db
def test_my_year_sums_each_week_and_gives_each_its_band(contact_user, colleague):
    me = contact_user.employee
    for day, minutes in [(D(2027, 3, 22), 30), (D(2027, 3, 24), 30), (D(2027, 3, 28), 10),
                         (D(2027, 5, 4), 50), (D(2027, 12, 31), 15)]:
        entry(me, day, minutes)
    entry(colleague.employee, D(2027, 3, 23), 500)

    weeks = {week.number: week for week in my_year(employee=me, year=2027)}

    assert (weeks[12].minutes, weeks[12].band, weeks[12].status) == (70, Band(36, 54), ABOVE)
    assert (weeks[18].minutes, weeks[18].band, weeks[18].status) == (50, Band(48, 72), WITHIN)
    # Friday 24 and Friday 31 December are closed; Juledag and Nytårsdag fall on Saturdays.
    assert (weeks[51].minutes, weeks[51].band) == (0, Band(48, 72))
    assert (weeks[52].minutes, weeks[52].band) == (15, Band(48, 72))
    assert (weeks[2].minutes, weeks[2].band, weeks[2].status) == (0, Band(60, 90), BELOW)
    assert sum(week.minutes for week in weeks.values()) == 135


@pytest.mark.django_db
def test_the_weeks_of_a_year_expect_what_the_whole_iso_year_expects(contact_user):
    weeks = my_year(employee=contact_user.employee, year=2026)

    whole = Band.of(D(2025, 12, 29), D(2027, 1, 3))
    assert (sum(w.band.low for w in weeks), sum(w.band.high for w in weeks)) == (
        whole.low, whole.high)


# The overview


def leader_of(*core_areas, name="Lone Leder", active=True):
    user = UserFactory()
    employee = EmployeeFactory(user=user, name=name, core_area=core_areas[0], is_active=active)
    for core_area in core_areas:
        core_area.leaders.add(employee)
    return user


@pytest.fixture
def scheme(db):
    """Two weeks, Monday 2 to Sunday 15 March 2026 (band 120–180), and who spent what in them.

    - Anna (Læring) covers Askov: 50 on Askov on the first day, 70 outside hours with no area;
      500 the day before and 500 outside hours the day after the period.
    - Bo (Teknik og Miljø) covers Bjert and Brejning: 100 and 81 on the last day (a Sunday).
    - Carl (Læring) covered Dons until 31 March and no longer: 20 on Dons.
    - Erik (no core area) covers Egtved: 15 with no area.
    - Dorte (Teknik og Miljø) covered an area until 2025 and spent time only before the period.
    - Frida (Læring) neither covers an area nor spent time.
    """
    laering = CoreAreaFactory(name="Læring")
    teknik = CoreAreaFactory(name="Teknik og Miljø")
    anna = EmployeeFactory(name="Anna Andersen", core_area=laering)
    bo = EmployeeFactory(name="Bo Bech", core_area=teknik)
    carl = EmployeeFactory(name="Carl Clausen", core_area=laering)
    erik = EmployeeFactory(name="Erik Eriksen", core_area=None)
    dorte = EmployeeFactory(name="Dorte Dam", core_area=teknik)
    EmployeeFactory(name="Frida Fisker", core_area=laering)
    askov = AssignmentFactory(employee=anna, area__name="Askov").area
    bjert = AssignmentFactory(employee=bo, area__name="Bjert").area
    brejning = AssignmentFactory(employee=bo, area__name="Brejning").area
    dons = AssignmentFactory(employee=carl, area__name="Dons", ends_on=D(2026, 3, 31)).area
    AssignmentFactory(employee=erik, area__name="Egtved")
    AssignmentFactory(employee=dorte, area__name="Daugård", ended=True)
    entry(anna, D(2026, 3, 2), 50, area=askov)
    entry(anna, D(2026, 3, 10), 70, outside_hours=True, kind="coordination")
    entry(anna, D(2026, 3, 1), 500, area=askov)
    entry(anna, D(2026, 3, 16), 500, outside_hours=True)
    entry(bo, D(2026, 3, 15), 100, area=bjert)
    entry(bo, D(2026, 3, 15), 81, area=brejning)
    entry(carl, D(2026, 3, 5), 20, area=dons)
    entry(erik, D(2026, 3, 6), 15, kind="coordination")
    entry(dorte, D(2026, 2, 27), 45)
    coordinator = UserFactory(username="koordinator")
    coordinator.groups.add(Group.objects.get(name=COORDINATOR_GROUP))
    return {"laering": laering, "teknik": teknik, "coordinator": coordinator,
            "start": D(2026, 3, 2), "end": D(2026, 3, 15)}


def contact_rows(found) -> list[tuple]:
    return [(c.name, c.minutes, c.outside_minutes, c.area_count, found.status(c.minutes))
            for c in found.contacts]


def area_rows(found) -> list[tuple]:
    return [(row["area__name"], row["minutes"]) for row in found.areas]


def core_area_rows(found) -> list[tuple]:
    return [(row["employee__core_area__name"], row["contacts"], row["minutes"])
            for row in found.core_areas]


def test_the_coordinator_sees_every_contact_with_time_in_the_period(scheme):
    found = overview(user=scheme["coordinator"], start=scheme["start"], end=scheme["end"])

    assert found.band == Band(low=120, high=180)
    assert contact_rows(found) == [
        ("Anna Andersen", 120, 70, 1, WITHIN),
        ("Bo Bech", 181, 0, 2, ABOVE),
        ("Carl Clausen", 20, 0, 0, BELOW),
        ("Erik Eriksen", 15, 0, 1, BELOW),
    ]


def test_the_coordinator_sees_the_time_per_local_area_with_a_row_for_no_area(scheme):
    found = overview(user=scheme["coordinator"], start=scheme["start"], end=scheme["end"])

    assert area_rows(found) == [("Bjert", 100), (None, 85), ("Brejning", 81), ("Askov", 50),
                                ("Dons", 20)]
    assert [row["area__slug"] for row in found.areas] == [
        "bjert", None, "brejning", "askov", "dons"]


def test_the_coordinator_sees_the_time_per_core_area_with_a_row_for_no_core_area(scheme):
    found = overview(user=scheme["coordinator"], start=scheme["start"], end=scheme["end"])

    assert core_area_rows(found) == [("Teknik og Miljø", 1, 181), ("Læring", 2, 140),
                                     (None, 1, 15)]


def test_the_coordinator_sees_a_contact_with_no_time_in_the_period(scheme):
    found = overview(user=scheme["coordinator"], start=D(2026, 4, 1), end=D(2026, 4, 30))

    # Carl's assignment ended on 31 March and he spent no time in April; Dorte's ended in 2025.
    assert contact_rows(found) == [
        ("Anna Andersen", 0, 0, 1, BELOW),
        ("Bo Bech", 0, 0, 2, BELOW),
        ("Erik Eriksen", 0, 0, 1, BELOW),
    ]
    assert (found.areas, found.core_areas) == ([], [])


def test_the_period_includes_its_first_and_last_day(scheme):
    found = overview(user=scheme["coordinator"], start=D(2026, 3, 1), end=D(2026, 3, 16))

    assert contact_rows(found)[0] == ("Anna Andersen", 1120, 570, 1, ABOVE)


def test_a_period_with_holidays_expects_its_share(scheme):
    # Easter 2026: Skærtorsdag 2 April, Langfredag 3 April.
    found = overview(user=scheme["coordinator"], start=D(2026, 3, 30), end=D(2026, 4, 5))

    assert found.band == Band(low=36, high=54)


def test_the_coordinator_filters_on_a_core_area(scheme):
    found = overview(user=scheme["coordinator"], start=scheme["start"], end=scheme["end"],
                     core_area=scheme["teknik"])

    assert contact_rows(found) == [("Bo Bech", 181, 0, 2, ABOVE)]
    assert area_rows(found) == [("Bjert", 100), ("Brejning", 81)]
    assert core_area_rows(found) == [("Teknik og Miljø", 1, 181)]


def test_a_leader_sees_only_the_staff_of_the_core_area_they_lead(scheme):
    leader = leader_of(scheme["laering"])

    found = overview(user=leader, start=scheme["start"], end=scheme["end"])

    assert contact_rows(found) == [
        ("Anna Andersen", 120, 70, 1, WITHIN),
        ("Carl Clausen", 20, 0, 0, BELOW),
    ]
    assert area_rows(found) == [(None, 70), ("Askov", 50), ("Dons", 20)]
    assert core_area_rows(found) == [("Læring", 2, 140)]


def test_a_leader_of_two_core_areas_sees_both(scheme):
    leader = leader_of(scheme["laering"], scheme["teknik"])

    found = overview(user=leader, start=scheme["start"], end=scheme["end"])

    assert [c.name for c in found.contacts] == ["Anna Andersen", "Bo Bech", "Carl Clausen"]
    assert core_area_rows(found) == [("Teknik og Miljø", 1, 181), ("Læring", 2, 140)]


def test_a_leader_filters_on_the_core_area_they_lead(scheme):
    leader = leader_of(scheme["laering"], scheme["teknik"])

    found = overview(user=leader, start=scheme["start"], end=scheme["end"],
                     core_area=scheme["laering"])

    assert [c.name for c in found.contacts] == ["Anna Andersen", "Carl Clausen"]
    assert area_rows(found) == [(None, 70), ("Askov", 50), ("Dons", 20)]


def test_a_leader_filtering_on_a_core_area_they_do_not_lead_sees_nothing(scheme):
    leader = leader_of(scheme["laering"])

    found = overview(user=leader, start=scheme["start"], end=scheme["end"],
                     core_area=scheme["teknik"])

    assert (list(found.contacts), found.areas, found.core_areas) == ([], [], [])


def test_an_employee_who_is_neither_coordinator_nor_leader_sees_nothing(scheme, colleague):
    found = overview(user=colleague, start=scheme["start"], end=scheme["end"])

    assert list(core_areas_overseen_by(colleague)) == []
    assert (list(found.contacts), found.areas, found.core_areas) == ([], [], [])


def test_an_inactive_leader_sees_nothing(scheme):
    leader = leader_of(scheme["laering"], active=False)

    found = overview(user=leader, start=scheme["start"], end=scheme["end"])

    assert list(core_areas_overseen_by(leader)) == []
    assert (list(found.contacts), found.areas, found.core_areas) == ([], [], [])


def test_the_core_areas_each_may_see(scheme, colleague):
    leader = leader_of(scheme["teknik"])

    assert set(core_areas_overseen_by(scheme["coordinator"])) == set(CoreArea.objects.all())
    assert list(core_areas_overseen_by(leader)) == [scheme["teknik"]]
    assert list(core_areas_overseen_by(colleague)) == []


# One entry


@pytest.fixture
def lises_entry(contact_user):
    return entry(contact_user.employee, D(2026, 3, 2), 30)


def test_a_contact_gets_their_own_entry(contact_user, lises_entry):
    assert time_entries_visible_to(contact_user).get(pk=lises_entry.pk) == lises_entry


def test_the_coordinator_gets_anyones_entry(coordinator, lises_entry):
    assert time_entries_visible_to(coordinator).get(pk=lises_entry.pk) == lises_entry


def test_another_employee_does_not_find_the_entry(colleague, lises_entry):
    assert not time_entries_visible_to(colleague).filter(pk=lises_entry.pk).exists()


def test_the_contacts_leader_does_not_find_the_entry(contact_user, lises_entry):
    # A leader sees the sums, not the entries.
    leader = leader_of(contact_user.employee.core_area)

    assert not time_entries_visible_to(leader).filter(pk=lises_entry.pk).exists()
