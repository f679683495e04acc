# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time registration: who may register, correct and delete time, on which areas and days, and the
history each save leaves.

Messages are compared through gettext under the active language (the site's), so the tests hold
whatever the Danish translation says."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.timesheets.models import TimeEntry
from lokalkontakt.timesheets.services import (
    time_entry_create,
    time_entry_delete,
    time_entry_update,
)
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

COUNCIL = TimeEntry.Kind.COUNCIL


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def glud(contact_user):
    """Glud, covered by the contact from 30 days ago and still."""
    area = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=area, employee=contact_user.employee, starts_on=days_ago(30))
    return area


def not_covered(employee, area) -> dict:
    return {"area": [_("%(name)s did not cover %(area)s on that day.") % {
        "name": employee.name, "area": area.name}]}


def rows() -> list[tuple]:
    return list(TimeEntry.objects.order_by("pk").values_list(
        "employee__name", "area__name", "day", "minutes", "kind", "outside_hours", "note"))


# Registering


def test_a_contact_registers_time_on_an_area_they_cover(contact_user, glud):
    entry = time_entry_create(actor=contact_user, day=days_ago(2), minutes=45, kind=COUNCIL,
                              area=glud, outside_hours=True, note="  Møde i forsamlingshuset ")

    assert rows() == [("Lise Lokal", "Glud", days_ago(2), 45, "council", True,
                       "Møde i forsamlingshuset")]
    assert entry.employee == contact_user.employee


def test_a_contact_registers_time_on_the_first_day_of_their_assignment(contact_user, glud):
    time_entry_create(actor=contact_user, day=days_ago(30), minutes=30, kind=COUNCIL, area=glud)

    assert [row[2] for row in rows()] == [days_ago(30)]


def test_a_contact_registers_time_today(contact_user, glud):
    time_entry_create(actor=contact_user, day=timezone.localdate(), minutes=15, kind=COUNCIL,
                      area=glud)

    assert [row[2] for row in rows()] == [timezone.localdate()]


def test_a_contact_registers_time_with_no_area(contact_user, glud):
    time_entry_create(actor=contact_user, day=days_ago(1), minutes=120,
                      kind=TimeEntry.Kind.COORDINATION)

    assert rows() == [("Lise Lokal", None, days_ago(1), 120, "coordination", False, "")]


def test_time_with_no_area_needs_no_assignment_on_that_day(contact_user, glud):
    time_entry_create(actor=contact_user, day=days_ago(200), minutes=60,
                      kind=TimeEntry.Kind.COORDINATION)

    assert [row[1:4] for row in rows()] == [(None, days_ago(200), 60)]


def test_time_before_the_assignment_started_is_refused(contact_user, glud):
    with pytest.raises(ValidationError) as error:
        time_entry_create(actor=contact_user, day=days_ago(31), minutes=30, kind=COUNCIL,
                          area=glud)

    assert error.value.message_dict == not_covered(contact_user.employee, glud)
    assert not TimeEntry.objects.exists()


def test_time_on_the_last_day_of_an_ended_assignment_is_accepted(contact_user):
    area = LocalAreaFactory(name="Hornsyld")
    AssignmentFactory(area=area, employee=contact_user.employee, starts_on=days_ago(100),
                      ends_on=days_ago(10))

    time_entry_create(actor=contact_user, day=days_ago(10), minutes=30, kind=COUNCIL, area=area)

    assert [row[1:3] for row in rows()] == [("Hornsyld", days_ago(10))]


def test_time_after_the_assignment_ended_is_refused(contact_user):
    area = LocalAreaFactory(name="Hornsyld")
    AssignmentFactory(area=area, employee=contact_user.employee, starts_on=days_ago(100),
                      ends_on=days_ago(10))

    with pytest.raises(ValidationError) as error:
        time_entry_create(actor=contact_user, day=days_ago(9), minutes=30, kind=COUNCIL,
                          area=area)

    assert error.value.message_dict == not_covered(contact_user.employee, area)
    assert not TimeEntry.objects.exists()


def test_time_on_another_contacts_area_is_refused(contact_user, glud):
    others = AssignmentFactory(area__name="Juelsminde", employee__name="Ole Anden",
                               starts_on=days_ago(300)).area

    with pytest.raises(ValidationError) as error:
        time_entry_create(actor=contact_user, day=days_ago(2), minutes=30, kind=COUNCIL,
                          area=others)

    assert error.value.message_dict == not_covered(contact_user.employee, others)
    assert not TimeEntry.objects.exists()


def test_a_deputy_registers_time_on_the_area_they_stand_in_for(contact_user, glud):
    area = AssignmentFactory(area__name="Juelsminde", starts_on=days_ago(300)).area
    AssignmentFactory(area=area, employee=contact_user.employee, deputy=True,
                      starts_on=days_ago(20))

    time_entry_create(actor=contact_user, day=days_ago(5), minutes=20, kind=COUNCIL, area=area)

    assert [row[:2] for row in rows()] == [("Lise Lokal", "Juelsminde")]


def test_a_day_in_the_future_is_refused(contact_user, glud):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as error:
        time_entry_create(actor=contact_user, day=tomorrow, minutes=30, kind=COUNCIL, area=glud)

    assert error.value.message_dict == {"day": [_("Register time once it has been spent.")]}
    assert not TimeEntry.objects.exists()


@pytest.mark.parametrize(("minutes", "message", "limit"), [
    (0, "Ensure this value is greater than or equal to %(limit_value)s.", 1),
    (24 * 60 + 1, "Ensure this value is less than or equal to %(limit_value)s.", 24 * 60),
])
def test_minutes_outside_one_to_a_whole_day_are_refused(contact_user, glud, minutes, message,
                                                        limit):
    with pytest.raises(ValidationError) as error:
        time_entry_create(actor=contact_user, day=days_ago(1), minutes=minutes, kind=COUNCIL,
                          area=glud)

    assert error.value.message_dict == {"minutes": [_(message) % {"limit_value": limit}]}
    assert not TimeEntry.objects.exists()


@pytest.mark.parametrize("minutes", [1, 24 * 60])
def test_one_minute_and_a_whole_day_are_accepted(contact_user, glud, minutes):
    time_entry_create(actor=contact_user, day=days_ago(1), minutes=minutes, kind=COUNCIL,
                      area=glud)

    assert [row[3] for row in rows()] == [minutes]


def test_an_unknown_kind_is_refused(contact_user, glud):
    with pytest.raises(ValidationError) as error:
        time_entry_create(actor=contact_user, day=days_ago(1), minutes=30, kind="coffee",
                          area=glud)

    assert error.value.message_dict == {"kind": [
        _("Value %(value)r is not a valid choice.") % {"value": "coffee"}]}
    assert not TimeEntry.objects.exists()


def test_a_user_who_is_not_an_employee_may_not_register_time():
    with pytest.raises(PermissionDenied) as error:
        time_entry_create(actor=UserFactory(), day=days_ago(1), minutes=30,
                          kind=TimeEntry.Kind.OTHER)

    assert str(error.value) == _("Only employees can register time.")
    assert not TimeEntry.objects.exists()


def test_an_inactive_employee_may_not_register_time():
    user = UserFactory()
    EmployeeFactory(user=user, is_active=False)

    with pytest.raises(PermissionDenied) as error:
        time_entry_create(actor=user, day=days_ago(1), minutes=30, kind=TimeEntry.Kind.OTHER)

    assert str(error.value) == _("Only employees can register time.")
    assert not TimeEntry.objects.exists()


# Correcting and deleting


@pytest.fixture
def entry(contact_user, glud):
    return time_entry_create(actor=contact_user, day=days_ago(3), minutes=45, kind=COUNCIL,
                             area=glud, note="Bestyrelsesmøde")


def test_the_owner_corrects_their_entry(contact_user, entry):
    time_entry_update(entry=entry, actor=contact_user, day=days_ago(4), minutes=60,
                      kind=TimeEntry.Kind.COORDINATION, area=None, outside_hours=True,
                      note=" Flyttet ")

    assert rows() == [("Lise Lokal", None, days_ago(4), 60, "coordination", True, "Flyttet")]


def test_the_coordinator_corrects_a_contacts_entry(coordinator, entry, glud):
    time_entry_update(entry=entry, actor=coordinator, day=days_ago(3), minutes=30, kind=COUNCIL,
                      area=glud, note="Rettet af koordinatoren")

    assert rows() == [("Lise Lokal", "Glud", days_ago(3), 30, "council", False,
                       "Rettet af koordinatoren")]


def test_the_coordinator_may_not_move_an_entry_to_an_area_the_contact_did_not_cover(
        coordinator, contact_user, entry):
    # The coordinator covers Juelsminde; the entry stays the contact's, so it is their cover
    # that counts.
    juelsminde = AssignmentFactory(area__name="Juelsminde", employee=coordinator.employee,
                                   starts_on=days_ago(300)).area

    with pytest.raises(ValidationError) as error:
        time_entry_update(entry=entry, actor=coordinator, day=days_ago(3), minutes=45,
                          kind=COUNCIL, area=juelsminde)

    assert error.value.message_dict == not_covered(contact_user.employee, juelsminde)
    assert rows() == [("Lise Lokal", "Glud", days_ago(3), 45, "council", False, "Bestyrelsesmøde")]


def test_a_correction_follows_the_rules_of_registering(contact_user, entry, glud):
    with pytest.raises(ValidationError) as error:
        time_entry_update(entry=entry, actor=contact_user, day=days_ago(31), minutes=45,
                          kind=COUNCIL, area=glud)

    assert error.value.message_dict == not_covered(contact_user.employee, glud)
    entry.refresh_from_db()
    assert entry.day == days_ago(3)


def test_a_correction_into_the_future_is_refused(contact_user, entry, glud):
    with pytest.raises(ValidationError) as error:
        time_entry_update(entry=entry, actor=contact_user, minutes=45, kind=COUNCIL, area=glud,
                          day=timezone.localdate() + datetime.timedelta(days=1))

    assert error.value.message_dict == {"day": [_("Register time once it has been spent.")]}
    entry.refresh_from_db()
    assert entry.day == days_ago(3)


def test_another_employee_may_not_correct_the_entry(colleague, entry, glud):
    with pytest.raises(PermissionDenied) as error:
        time_entry_update(entry=entry, actor=colleague, day=days_ago(3), minutes=1, kind=COUNCIL,
                          area=glud)

    assert str(error.value) == _("Only the employee or the coordinator may change this entry.")
    assert [row[3] for row in rows()] == [45]


def test_the_contacts_leader_may_not_correct_or_delete_the_entry(contact_user, entry, glud):
    # A leader sees their staff's time in the overview; the entries stay the contact's.
    leader = UserFactory()
    contact_user.employee.core_area.leaders.add(EmployeeFactory(user=leader))

    with pytest.raises(PermissionDenied):
        time_entry_update(entry=entry, actor=leader, day=days_ago(3), minutes=1, kind=COUNCIL,
                          area=glud)
    with pytest.raises(PermissionDenied):
        time_entry_delete(entry=entry, actor=leader)

    assert [row[3] for row in rows()] == [45]


def test_the_owner_deletes_their_entry(contact_user, entry):
    time_entry_delete(entry=entry, actor=contact_user)

    assert not TimeEntry.objects.exists()


def test_the_coordinator_deletes_a_contacts_entry(coordinator, entry):
    time_entry_delete(entry=entry, actor=coordinator)

    assert not TimeEntry.objects.exists()


def test_another_employee_may_not_delete_the_entry(colleague, entry):
    with pytest.raises(PermissionDenied) as error:
        time_entry_delete(entry=entry, actor=colleague)

    assert str(error.value) == _("Only the employee or the coordinator may change this entry.")
    assert TimeEntry.objects.filter(pk=entry.pk).exists()


def test_the_history_names_who_registered_corrected_and_deleted(contact_user, coordinator, glud):
    entry = time_entry_create(actor=contact_user, day=days_ago(3), minutes=45, kind=COUNCIL,
                              area=glud)
    pk = entry.pk
    # The contact deletes from the copy they had before the coordinator's correction.
    time_entry_update(entry=entry, actor=coordinator, day=days_ago(3), minutes=30, kind=COUNCIL,
                      area=glud)
    time_entry_delete(entry=entry, actor=contact_user)

    history = TimeEntry.history.filter(id=pk).order_by("history_id")
    assert [(h.history_type, h.history_user, h.minutes) for h in history] == [
        ("+", contact_user, 45), ("~", coordinator, 30), ("-", contact_user, 30)]


def test_a_refused_correction_leaves_no_history(colleague, entry, glud):
    with pytest.raises(PermissionDenied):
        time_entry_update(entry=entry, actor=colleague, day=days_ago(3), minutes=1, kind=COUNCIL,
                          area=glud)

    assert TimeEntry.history.filter(id=entry.pk).count() == 1
