# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coming coordination meetings follow the contacts (issue 17): an employee who becomes a
contact or deputy is invited to the rest of the series; one whose last assignment ends is taken
off the coming meetings, and the meetings already held keep them."""

import datetime

import pytest
from django.db import transaction

from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.areas.services import assignment_create, assignment_end
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.meetings.models import Attendance, Meeting
from lokalkontakt.meetings.services.participants import participants_follow
from lokalkontakt.meetings.services.series import meeting_cancel, series_create
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.conftest import site_text
from tests.meetings.factories import AttendanceFactory, MeetingFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(setting):
    """Six meetings from January 2027 (every other month), planned with Lise Lokal and the
    coordinator; the second is cancelled. And a meeting held last week, which Lise attended."""
    planned = series_create(
        actor=setting.coordinator, title="Koordinerende møde", interval_months=2, weekday=1,
        ordinal=1, start_time=datetime.time(14), end_time=datetime.time(16),
        first_month=datetime.date(2027, 1, 1), location="Rådhuset")
    meeting_cancel(meeting=planned.meetings.order_by("starts_at")[1], actor=setting.coordinator,
                   reason="Sygdom")
    held = MeetingFactory(held=True)
    AttendanceFactory(meeting=held, employee=setting.contact.employee,
                      status=Attendance.Status.PRESENT)
    OutgoingEmail.objects.all().delete()
    return planned


def coming_planned(series):
    return list(series.meetings.filter(status=Meeting.Status.PLANNED).order_by("starts_at"))


def meetings_of(employee) -> list:
    return list(employee.meetings.order_by("starts_at"))


def test_a_new_contact_is_invited_to_the_rest_of_the_series_with_one_email(
        setting, series, django_capture_on_commit_callbacks):
    nanna = EmployeeFactory(name="Nanna Ny", email="nanna@example.dk")

    with django_capture_on_commit_callbacks(execute=True):
        assignment_create(area=LocalAreaFactory(name="Snaptun"), employee=nanna,
                          role=AssignmentRole.PRIMARY, actor=setting.coordinator)

    assert meetings_of(nanna) == coming_planned(series)  # not the cancelled one, not the held one
    assert set(nanna.attendances.values_list("status", flat=True)) == {Attendance.Status.INVITED}
    [mail] = OutgoingEmail.objects.filter(to=["nanna@example.dk"],
                                          subject=site_text("Invitation: %(title)s",
                                                            title="Koordinerende møde"))
    assert site_text("You are now a local contact, so you are invited to the coordination "
                     "meetings that are already planned.") in mail.body
    [attachment] = mail.attachments
    assert attachment["content"].count("BEGIN:VEVENT") == 5
    assert "METHOD:REQUEST" in attachment["content"]


def test_a_new_deputy_and_an_imported_contact_are_invited_too(setting, series,
                                                              django_capture_on_commit_callbacks):
    dorte, ib = EmployeeFactory(name="Dorte Deputy"), EmployeeFactory(name="Ib Importeret")

    with django_capture_on_commit_callbacks(execute=True):
        assignment_create(area=setting.area, employee=dorte, role=AssignmentRole.DEPUTY)
        assignment_create(area=LocalAreaFactory(name="Hjarnø"), employee=ib,
                          role=AssignmentRole.PRIMARY, onboard=False)

    assert meetings_of(dorte) == meetings_of(ib) == coming_planned(series)


def test_a_contact_whose_last_assignment_ends_is_taken_off_the_coming_meetings_only(
        setting, series, django_capture_on_commit_callbacks):
    lise = setting.contact.employee
    Attendance.objects.filter(employee=lise, meeting=coming_planned(series)[0]).update(
        status=Attendance.Status.EXCUSED)
    cancelled = series.meetings.get(status=Meeting.Status.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        assignment_end(assignment=lise.assignments.get(), actor=setting.coordinator)

    held = Meeting.objects.exclude(series=series).get()
    assert meetings_of(lise) == sorted([held, cancelled], key=lambda m: m.starts_at)
    assert held.attendances.get(employee=lise).status == Attendance.Status.PRESENT
    [mail] = OutgoingEmail.objects.filter(to=[lise.email])
    assert mail.subject == site_text("No longer invited: %(title)s", title="Koordinerende møde")
    [attachment] = mail.attachments
    assert "METHOD:CANCEL" in attachment["content"]
    assert attachment["content"].count("BEGIN:VEVENT") == 5
    record = Attendance.history.filter(history_type="-").latest("history_date")
    assert record.history_user == setting.coordinator


def test_a_contact_who_still_covers_another_area_stays_invited(setting, series,
                                                               django_capture_on_commit_callbacks):
    lise = setting.contact.employee
    AssignmentFactory(employee=lise, area=LocalAreaFactory(name="Snaptun"))

    with django_capture_on_commit_callbacks(execute=True):
        assignment_end(assignment=lise.assignments.get(area=setting.area))

    # the held meeting and the series' six (the cancelled one keeps its participants)
    assert len(meetings_of(lise)) == 7
    assert not OutgoingEmail.objects.exists()


def test_a_coordinator_whose_assignment_ends_stays_invited(setting, series,
                                                          django_capture_on_commit_callbacks):
    karin = setting.coordinator.employee
    with django_capture_on_commit_callbacks(execute=True):
        assignment = assignment_create(area=LocalAreaFactory(name="Snaptun"), employee=karin,
                                       role=AssignmentRole.PRIMARY, onboard=False)
    with django_capture_on_commit_callbacks(execute=True):
        assignment_end(assignment=assignment)

    assert meetings_of(karin) == list(series.meetings.order_by("starts_at"))
    assert not OutgoingEmail.objects.filter(to=[karin.email]).exists()


def test_a_deputy_who_takes_over_in_one_transaction_is_neither_removed_nor_invited_again(
        setting, series, django_capture_on_commit_callbacks):
    dorte = EmployeeFactory(name="Dorte Deputy")
    deputy = AssignmentFactory(area=setting.area, employee=dorte, deputy=True)
    participants_follow(employee_id=dorte.pk)
    OutgoingEmail.objects.all().delete()
    before = list(dorte.attendances.values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        # As handovers' switch does it: the deputyship and the old contact end, she takes over.
        assignment_end(assignment=deputy)
        assignment_create(area=setting.area, employee=dorte, role=AssignmentRole.PRIMARY,
                          replace=True, onboard=False)

    assert list(dorte.attendances.values_list("pk", flat=True)) == before
    assert not OutgoingEmail.objects.filter(to=[dorte.email]).exists()
    # Lise, replaced, keeps the held meeting and the cancelled one
    assert setting.contact.employee.meetings.count() == 2


def test_following_again_changes_nothing(setting, series):
    nanna = AssignmentFactory(employee=EmployeeFactory(name="Nanna Ny")).employee

    first = participants_follow(employee_id=nanna.pk)
    second = participants_follow(employee_id=nanna.pk)

    assert (len(first[0]), second) == (5, ([], []))
    assert OutgoingEmail.objects.count() == 1
