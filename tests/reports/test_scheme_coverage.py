# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The scheme report's coverage, consultations and work against the hand-counted world."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lokalkontakt.areas.models import Participation
from lokalkontakt.consultations.models import Consultation
from lokalkontakt.meetings.models import ActionItem, Attendance, Meeting
from lokalkontakt.reports.period import Period
from lokalkontakt.reports.scheme import build_scheme_report
from tests.areas.factories import AssignmentFactory
from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
from tests.meetings.factories import AttendanceFactory, MeetingFactory
from tests.people.factories import EmployeeFactory
from tests.reports.scheme_world import D, at, build_areas
from tests.reports.test_scheme_inquiries import rows
from tests.timesheets.factories import TimeEntryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def report_2024():
    return build_scheme_report(Period.year(2024))


def test_coverage_counts_areas_today_at_the_end_and_at_the_end_before():
    build_areas()
    assert rows(report_2024(), "coverage") == {
        "With a contact": [2, 2, 1], "Without a contact": [1, 1, 2], "Handover due": [1, 1, 0]}


def test_an_area_that_changed_contact_counts_once_with_its_handover():
    build_areas()
    handovers = rows(report_2024(), "handovers")
    assert handovers["Areas that changed contact"] == [1, 0]
    assert handovers["Completed"] == [1, 0]
    assert handovers["Planned"] == [0, 0]


def test_coverage_month_by_month_follows_the_assignments():
    build_areas()
    months = rows(report_2024(), "coverage_by_month")
    assert list(months)[0] == "January 2024" and list(months)[-1] == "December 2024"
    assert [row[0] for row in months.values()] == [1] * 8 + [2] * 4
    assert months["January 2024"][1] == 2


def test_the_councils_answers_count_from_the_day_they_were_given():
    build_areas()
    assert rows(report_2024(), "answers") == {
        "Not answered": [1, 1, 2], "Interested": [1, 1, 1], "Declined": [1, 1, 0]}


def test_consultations_count_areas_asked_and_answers_by_the_deadline():
    world = build_areas()
    consultation = ConsultationFactory(deadline=D(2024, 2, 20))
    Consultation.objects.filter(pk=consultation.pk).update(created_at=at(D(2024, 2, 1)))
    ConsultationTaskFactory(consultation=consultation, area=world.glud, responded=True,
                            responded_at=at(D(2024, 2, 20), 23))
    ConsultationTaskFactory(consultation=consultation, area=world.hvirring, responded=True,
                            responded_at=at(D(2024, 2, 25)))
    ConsultationTaskFactory(consultation=consultation, area=world.stouby)
    report = report_2024()
    assert rows(report, "consultations") == {"Consultations sent": [1, 0],
                                             "Local areas asked": [3, 0]}
    assert rows(report, "consultations_in_time")["Areas' answers by the deadline"][0] == 1 / 3


def test_the_work_counts_meetings_held_attendance_and_action_items():
    meeting = MeetingFactory(starts_at=at(D(2024, 3, 5), 14))
    for status in ["present", "present", "excused"]:
        AttendanceFactory(meeting=meeting, status=status)
    MeetingFactory(starts_at=at(D(2024, 5, 1), 14), status=Meeting.Status.CANCELLED)
    owner = EmployeeFactory()
    done = ActionItem.objects.create(meeting=meeting, title="Gjort", owner=owner,
                                     due_on=D(2024, 4, 1), status="done",
                                     closed_at=at(D(2024, 4, 1)))
    ActionItem.objects.create(meeting=meeting, title="Åben", owner=owner, due_on=D(2024, 4, 1))
    ActionItem.objects.filter(pk__gte=done.pk).update(created_at=at(D(2024, 3, 5)))
    work = rows(report_2024(), "work")
    assert work["Coordination meetings held"] == [1, 0]
    assert (work["Participants invited"], work["Participants present"]) == ([3, 0], [2, 0])
    assert work["Action items done"] == [1, 0]
    assert work["Action items open at the end of the period"] == [1, 0]
    assert Attendance.objects.count() == 3


def test_time_is_summed_per_core_area_against_the_band_of_its_contacts():
    world = build_areas()
    TimeEntryFactory(employee=world.new_contact, day=D(2024, 6, 10), minutes=90)
    TimeEntryFactory(employee=world.new_contact, day=D(2024, 7, 1), minutes=30)
    TimeEntryFactory(employee=world.new_contact, day=D(2023, 7, 3), minutes=60)
    # Two contacts on 31 December 2024. 2024 has 262 weekdays, 11 of them closed (1 Jan, Easter's
    # 28 Mar, 29 Mar and 1 Apr, 9 May, 20 May, 5 Jun, 24–26 and 31 Dec): 251 working days, so
    # 60–90 min a week expects 50.2–75.3 hours of each.
    assert rows(report_2024(), "time")["Kultur og Fritid"] == [2, 2.0, 1.0, 100.4, 150.6]


def test_time_of_a_period_cutting_through_months_counts_each_entry_in_its_own_span():
    """The hours come from the monthly totals for whole months and from the entries for the
    partial months at either end; an entry just outside either span counts in neither."""
    world = build_areas()
    for day, minutes in ((D(2024, 3, 14), 600), (D(2024, 3, 15), 60), (D(2024, 4, 20), 120),
                         (D(2024, 5, 10), 30), (D(2024, 5, 11), 900), (D(2024, 2, 20), 90)):
        TimeEntryFactory(employee=world.new_contact, day=day, minutes=minutes)
    # 15 March–10 May 2024 (57 days) against 18 January–14 March 2024
    report = build_scheme_report(Period(D(2024, 3, 15), D(2024, 5, 10)))
    assert rows(report, "time")["Kultur og Fritid"][1:3] == [3.5, 11.5]


def test_the_kept_area_counts_are_counted_again_when_an_area_or_an_assignment_changes():
    world = build_areas()
    with CaptureQueriesContext(connection) as first:
        report = report_2024()
    with CaptureQueriesContext(connection) as again:
        assert rows(report_2024(), "coverage") == rows(report, "coverage")
    assert len(again) == len(first) - 2  # the version alone, without the two counts
    AssignmentFactory(area=world.hvirring, starts_on=D(2024, 10, 1))
    assert rows(report_2024(), "coverage")["With a contact"] == [3, 3, 1]
    world.hvirring.participation = Participation.INTERESTED
    world.hvirring.save()
    assert rows(report_2024(), "answers")["Interested"] == [2, 2, 1]
