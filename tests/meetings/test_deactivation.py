# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""An employee who is deactivated is taken off the coming coordination meetings, whatever their
answer; the meetings held and the cancelled ones keep them. The coordinator is told how many
meetings on the page the deactivation leads to, and each removal is a version by the coordinator."""

import pytest

from lokalkontakt.meetings.models import Attendance, Meeting
from tests.areas.pages import page_text
from tests.meetings.factories import AttendanceFactory, MeetingFactory
from tests.people.factories import EmployeeFactory
from tests.people.test_accounts import english

pytestmark = pytest.mark.django_db


def deactivate(coordinator, employee):
    response = english(coordinator).post(f"/medarbejdere/{employee.pk}/rediger/",
                                         {"name": employee.name, "email": employee.email},
                                         follow=True)
    assert response.status_code == 200
    return page_text(response)


@pytest.fixture
def bodil(db):
    """Bodil Bygning (no area, added to meetings by hand): invited to two coming meetings (one
    answered with apologies), on a cancelled one, and present at one held last week."""
    bodil = EmployeeFactory(name="Bodil Bygning", email="bodil@example.dk")
    for status in (Attendance.Status.INVITED, Attendance.Status.EXCUSED):
        AttendanceFactory(employee=bodil, status=status)
    AttendanceFactory(employee=bodil, meeting=MeetingFactory(status=Meeting.Status.CANCELLED))
    AttendanceFactory(employee=bodil, meeting=MeetingFactory(held=True),
                      status=Attendance.Status.PRESENT)
    return bodil


def test_deactivating_takes_the_employee_off_the_coming_meetings(coordinator, bodil):
    text = deactivate(coordinator, bodil)

    assert "Bodil Bygning is saved. Bodil Bygning is taken off 2 coming coordination meetings." \
        in text
    left = bodil.attendances.order_by("pk")
    assert [(a.meeting.status, a.status) for a in left] == [
        (Meeting.Status.CANCELLED, Attendance.Status.INVITED),
        (Meeting.Status.PLANNED, Attendance.Status.PRESENT)]  # the one held last week
    assert left[1].meeting.starts_at < left[0].meeting.starts_at


def test_each_removal_is_a_version_by_the_coordinator(coordinator, bodil):
    deactivate(coordinator, bodil)

    removed = Attendance.history.filter(employee_id=bodil.pk, history_type="-")
    assert removed.count() == 2
    assert {version.history_user for version in removed} == {coordinator}


def test_the_page_says_nothing_of_meetings_when_there_were_none(coordinator, db):
    frida = EmployeeFactory(name="Frida Fri", email="frida@example.dk")

    text = deactivate(coordinator, frida)

    assert "Frida Fri is saved." in text
    assert "coordination meeting" not in text


def test_saving_an_inactive_employee_again_takes_nothing_off(coordinator, bodil):
    deactivate(coordinator, bodil)
    AttendanceFactory(employee=bodil)  # put back by hand on a coming meeting

    text = deactivate(coordinator, bodil)

    assert "taken off" not in text
    assert bodil.attendances.count() == 3
