# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator plans a series: the meetings of the coming year, their participants, and the
invitations with an .ics that calendars read; a meeting moved or cancelled on its own."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import dateformat, timezone, translation
from icalendar import Calendar

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.meetings.models import Attendance, Meeting, MeetingSeries, Ordinal, Weekday
from lokalkontakt.meetings.schedule import local_datetime
from lokalkontakt.meetings.services.series import (
    meeting_cancel,
    meeting_update,
    participants_add_new,
    series_create,
)
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.conftest import site_text
from tests.core.test_mail import run_worker
from tests.meetings.factories import AttendanceFactory, MeetingFactory, at
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

JANUARY = datetime.date(2027, 1, 1)
COPENHAGEN = "Europe/Copenhagen"


def plan(actor, **overrides) -> MeetingSeries:
    """Every other month on the first Tuesday, 14–16, from January 2027 (the coming year)."""
    arguments = {
        "title": "Koordinerende møde", "interval_months": 2, "weekday": Weekday.TUESDAY,
        "ordinal": Ordinal.FIRST, "start_time": datetime.time(14), "end_time": datetime.time(16),
        "first_month": JANUARY, "location": "Rådhuset, mødelokale 1",
        "online_url": "https://moede.example.dk/lokal", **overrides}
    return series_create(actor=actor, **arguments)


def mails_to(employee) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(to=[employee.email]).order_by("pk"))


def calendar_of(mail: OutgoingEmail) -> Calendar:
    [attachment] = mail.attachments
    return Calendar.from_ical(attachment["content"])


def local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).isoformat()


def danish_date(moment: datetime.datetime, format_string: str = "j. F Y") -> str:
    with translation.override("da"):
        return dateformat.format(timezone.localtime(moment), format_string)


# --- the series ---------------------------------------------------------------------------------


def test_the_meetings_of_the_coming_year_are_generated(setting):
    series = plan(setting.coordinator)

    meetings = list(series.meetings.order_by("starts_at"))
    assert [local(m.starts_at) for m in meetings] == [
        "2027-01-05T14:00:00+01:00", "2027-03-02T14:00:00+01:00", "2027-05-04T14:00:00+02:00",
        "2027-07-06T14:00:00+02:00", "2027-09-07T14:00:00+02:00", "2027-11-02T14:00:00+01:00"]
    assert [local(m.ends_at)[11:] for m in meetings] == ["16:00:00+01:00"] * 2 + [
        "16:00:00+02:00"] * 3 + ["16:00:00+01:00"]
    assert {(m.title, m.location, m.online_url, m.status) for m in meetings} == {
        ("Koordinerende møde", "Rådhuset, mødelokale 1", "https://moede.example.dk/lokal",
         Meeting.Status.PLANNED)}


def test_two_pm_is_one_pm_utc_in_winter_and_noon_utc_in_summer(setting):
    series = plan(setting.coordinator)

    utc = [m.starts_at.astimezone(datetime.UTC).time() for m in series.meetings.order_by("starts_at")]
    assert utc == [datetime.time(13), datetime.time(13), datetime.time(12), datetime.time(12),
                   datetime.time(12), datetime.time(13)]


def test_the_series_is_stored_with_its_plan(setting):
    series = plan(setting.coordinator, first_month=datetime.date(2027, 1, 19))

    series.refresh_from_db()
    assert (series.interval_months, series.weekday, series.ordinal) == (2, Weekday.TUESDAY,
                                                                        Ordinal.FIRST)
    assert series.first_month == JANUARY  # the month, whatever day was given
    assert series.created_by == setting.coordinator
    assert series.history.get().history_user == setting.coordinator


def test_a_monthly_series_on_the_last_friday_has_twelve_meetings(setting):
    series = plan(setting.coordinator, interval_months=1, weekday=Weekday.FRIDAY,
                  ordinal=Ordinal.LAST)

    days = [timezone.localdate(m.starts_at) for m in series.meetings.order_by("starts_at")]
    assert len(days) == 12
    assert days[0] == datetime.date(2027, 1, 29) and days[-1] == datetime.date(2027, 12, 31)


def test_proposals_close_seven_days_before_each_meeting(setting):
    series = plan(setting.coordinator)

    for meeting in series.meetings.all():
        assert meeting.proposal_deadline == (timezone.localdate(meeting.starts_at)
                                             - datetime.timedelta(days=7))


def test_the_series_must_end_after_it_starts(setting):
    with pytest.raises(ValidationError) as error:
        plan(setting.coordinator, start_time=datetime.time(16), end_time=datetime.time(14))

    assert error.value.message_dict == {"end_time": [site_text(
        "The meeting must end after it starts.")]}
    assert not MeetingSeries.objects.exists() and not Meeting.objects.exists()


def test_the_active_contacts_and_the_coordinators_are_the_participants(setting):
    deputy = AssignmentFactory(area=setting.area, employee=EmployeeFactory(name="Dorte Deputy"),
                               deputy=True).employee
    AssignmentFactory(employee=EmployeeFactory(name="Ib Inaktiv", is_active=False))
    AssignmentFactory(employee=EmployeeFactory(name="Erik Ekskontakt"), ended=True)

    series = plan(setting.coordinator)

    for meeting in series.meetings.all():
        assert sorted(a.employee.name for a in meeting.attendances.all()) == [
            "Dorte Deputy", "Karin Koordinator", "Lise Lokal"]
        assert set(meeting.attendances.values_list("status", flat=True)) == {
            Attendance.Status.INVITED}
    assert deputy.meetings.count() == 6


def test_a_colleague_without_assignments_is_not_invited(setting):
    plan(setting.coordinator)

    assert not setting.colleague.employee.attendances.exists()
    assert mails_to(setting.colleague.employee) == []


def test_a_contact_whose_assignment_ended_is_not_invited(setting):
    former = AssignmentFactory(employee=EmployeeFactory(name="Erik Ekskontakt"), ended=True).employee

    plan(setting.coordinator)

    assert not former.attendances.exists()
    assert mails_to(former) == []


def test_an_inactive_employee_is_not_invited(setting):
    inactive = AssignmentFactory(employee=EmployeeFactory(name="Ib Inaktiv", is_active=False)).employee

    plan(setting.coordinator)

    assert not inactive.attendances.exists()
    assert mails_to(inactive) == []


def test_each_participant_gets_one_invitation_listing_every_meeting(setting):
    series = plan(setting.coordinator)

    for employee in (setting.contact.employee, setting.coordinator.employee):
        [mail] = mails_to(employee)
        assert mail.subject == site_text("Invitation: %(title)s", title="Koordinerende møde")
        assert site_text("Dear %(name)s,", name=employee.name) in mail.body
        for meeting in series.meetings.all():
            assert danish_date(meeting.starts_at, "l j. F Y") + ", 14:00–16:00" in mail.body
            assert meeting.get_absolute_url() in mail.body
        assert "Rådhuset, mødelokale 1" in mail.body
        assert "https://moede.example.dk/lokal" in mail.body
    assert OutgoingEmail.objects.count() == 2


def test_the_invitation_is_an_ics_request_with_one_event_per_meeting(setting):
    series = plan(setting.coordinator)

    [mail] = mails_to(setting.contact.employee)
    [attachment] = mail.attachments
    assert attachment["filename"] == "invitation.ics"
    assert attachment["mimetype"] == "text/calendar; method=REQUEST; charset=utf-8"
    calendar = Calendar.from_ical(attachment["content"])
    assert calendar["METHOD"] == "REQUEST"
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [m.uid for m in series.meetings.order_by("starts_at")]
    assert {str(e["SUMMARY"]) for e in events} == {"Koordinerende møde"}
    assert {e["STATUS"] for e in events} == {"CONFIRMED"}
    assert {int(e["SEQUENCE"]) for e in events} == {0}


def test_the_ics_events_start_at_two_pm_copenhagen_time_in_winter_and_summer(setting):
    plan(setting.coordinator)

    [mail] = mails_to(setting.contact.employee)
    calendar = calendar_of(mail)
    events = calendar.walk("VEVENT")
    assert {e["DTSTART"].params["TZID"] for e in events} == {COPENHAGEN}
    assert {e["DTEND"].params["TZID"] for e in events} == {COPENHAGEN}
    starts = [e["DTSTART"].dt for e in events]
    assert {(s.hour, s.minute) for s in starts} == {(14, 0)}
    january, may = starts[0], starts[2]
    assert january.astimezone(datetime.UTC) == datetime.datetime(2027, 1, 5, 13, tzinfo=datetime.UTC)
    assert may.astimezone(datetime.UTC) == datetime.datetime(2027, 5, 4, 12, tzinfo=datetime.UTC)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [COPENHAGEN]
    assert "DTSTART;TZID=Europe/Copenhagen:20270504T140000" in mail.attachments[0]["content"]


def test_the_ics_names_the_recipient_as_attendee(setting):
    plan(setting.coordinator)

    for employee in (setting.contact.employee, setting.coordinator.employee):
        [mail] = mails_to(employee)
        attendees = {str(e["ATTENDEE"]) for e in calendar_of(mail).walk("VEVENT")}
        assert attendees == {f"mailto:{employee.email}"}
        event = calendar_of(mail).walk("VEVENT")[0]
        assert event["ATTENDEE"].params["CN"] == employee.name


def test_a_meeting_on_a_public_holiday_is_flagged(setting):
    # The first Thursday of May 2027 is Ascension Day (Kristi himmelfartsdag).
    series = plan(setting.coordinator, interval_months=1, weekday=Weekday.THURSDAY)

    with translation.override("da"):
        flagged = {timezone.localdate(m.starts_at): m.holiday for m in series.meetings.all()
                   if m.holiday}
    assert flagged == {datetime.date(2027, 5, 6): "Kristi himmelfartsdag"}
    [mail] = mails_to(setting.contact.employee)
    assert site_text("public holiday: %(name)s", name="Kristi himmelfartsdag") in mail.body


def test_only_the_coordinator_plans_a_series(setting):
    for user in (setting.contact, setting.colleague):
        with pytest.raises(PermissionDenied):
            plan(user)

    assert not MeetingSeries.objects.exists()
    assert not Meeting.objects.exists()
    assert not OutgoingEmail.objects.exists()


# --- one meeting moved or cancelled -------------------------------------------------------------


@pytest.fixture
def meeting(setting):
    """A planned meeting in January 2027 with the contact and the coordinator invited."""
    meeting = MeetingFactory(starts_at=at(datetime.date(2027, 1, 5)))
    for user in (setting.contact, setting.coordinator):
        AttendanceFactory(meeting=meeting, employee=user.employee)
    return meeting


def move(meeting, actor, day: datetime.date, hour: int = 15, **overrides) -> Meeting:
    arguments = {"title": meeting.title, "starts_at": local_datetime(day, datetime.time(hour)),
                 "ends_at": local_datetime(day, datetime.time(hour + 2)),
                 "location": meeting.location, "online_url": meeting.online_url, **overrides}
    return meeting_update(meeting=meeting, actor=actor, **arguments)


def test_moving_a_meeting_raises_its_sequence(setting, meeting):
    moved = move(meeting, setting.coordinator, datetime.date(2027, 1, 12))

    meeting.refresh_from_db()
    assert meeting.sequence == 1 == moved.sequence
    assert local(meeting.starts_at) == "2027-01-12T15:00:00+01:00"
    assert meeting.proposal_deadline == datetime.date(2027, 1, 5)


def test_the_participants_are_told_the_new_time_with_a_replacing_ics(setting, meeting):
    move(meeting, setting.coordinator, datetime.date(2027, 4, 6))  # now in summer time

    meeting.refresh_from_db()
    for employee in (setting.contact.employee, setting.coordinator.employee):
        [mail] = mails_to(employee)
        assert mail.subject == site_text("Changed: %(title)s %(date)s", title=meeting.title,
                                         date=danish_date(meeting.starts_at))
        assert danish_date(meeting.starts_at, "l j. F Y") + ", 15:00–17:00" in mail.body
        calendar = calendar_of(mail)
        assert calendar["METHOD"] == "REQUEST"
        [event] = calendar.walk("VEVENT")
        assert (str(event["UID"]), int(event["SEQUENCE"])) == (meeting.uid, 1)
        assert event["DTSTART"].params["TZID"] == COPENHAGEN
        assert event["DTSTART"].dt.astimezone(datetime.UTC) == datetime.datetime(
            2027, 4, 6, 13, tzinfo=datetime.UTC)
        assert str(event["ATTENDEE"]) == f"mailto:{employee.email}"


def test_a_new_place_is_a_change_too(setting, meeting):
    meeting_update(meeting=meeting, actor=setting.coordinator, title=meeting.title,
                   starts_at=meeting.starts_at, ends_at=meeting.ends_at,
                   location="Biblioteket, Hedensted")

    meeting.refresh_from_db()
    assert meeting.sequence == 1
    [mail] = mails_to(setting.contact.employee)
    assert "Biblioteket, Hedensted" in mail.body
    assert str(calendar_of(mail).walk("VEVENT")[0]["LOCATION"]) == "Biblioteket, Hedensted"


def test_a_new_title_alone_sends_nothing(setting, meeting):
    meeting_update(meeting=meeting, actor=setting.coordinator, title="Temamøde",
                   starts_at=meeting.starts_at, ends_at=meeting.ends_at,
                   location=meeting.location)

    meeting.refresh_from_db()
    assert (meeting.title, meeting.sequence) == ("Temamøde", 0)
    assert not OutgoingEmail.objects.exists()


def test_a_meeting_must_end_after_it_starts(setting, meeting):
    before = (meeting.starts_at, meeting.sequence)

    with pytest.raises(ValidationError) as error:
        move(meeting, setting.coordinator, datetime.date(2027, 1, 12),
             ends_at=local_datetime(datetime.date(2027, 1, 12), datetime.time(13)))

    assert error.value.message_dict == {"ends_at": [site_text(
        "The meeting must end after it starts.")]}
    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.sequence) == before
    assert not OutgoingEmail.objects.exists()


def test_only_the_coordinator_moves_a_meeting(setting, meeting):
    with pytest.raises(PermissionDenied):
        move(meeting, setting.contact, datetime.date(2027, 1, 12))

    meeting.refresh_from_db()
    assert (local(meeting.starts_at), meeting.sequence) == ("2027-01-05T14:00:00+01:00", 0)
    assert not OutgoingEmail.objects.exists()


def test_cancelling_tells_the_participants_calendars(setting, meeting):
    meeting_cancel(meeting=meeting, actor=setting.coordinator,
                   reason="For få kan deltage.")

    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancel_reason, meeting.sequence) == (
        Meeting.Status.CANCELLED, "For få kan deltage.", 1)
    for employee in (setting.contact.employee, setting.coordinator.employee):
        [mail] = mails_to(employee)
        assert mail.subject == site_text("Cancelled: %(title)s %(date)s", title=meeting.title,
                                         date=danish_date(meeting.starts_at))
        assert "For få kan deltage." in mail.body
        [attachment] = mail.attachments
        assert attachment["filename"] == "aflysning.ics"
        assert attachment["mimetype"] == "text/calendar; method=CANCEL; charset=utf-8"
        calendar = Calendar.from_ical(attachment["content"])
        assert calendar["METHOD"] == "CANCEL"
        [event] = calendar.walk("VEVENT")
        assert (str(event["UID"]), event["STATUS"], int(event["SEQUENCE"])) == (
            meeting.uid, "CANCELLED", 1)


def test_cancelling_needs_a_reason(setting, meeting):
    with pytest.raises(ValidationError) as error:
        meeting_cancel(meeting=meeting, actor=setting.coordinator, reason="  ")

    assert error.value.message_dict == {"reason": [site_text(
        "Give a reason; the participants are told it.")]}
    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancel_reason, meeting.sequence) == (
        Meeting.Status.PLANNED, "", 0)
    assert not OutgoingEmail.objects.exists()


def test_a_cancelled_meeting_is_not_cancelled_again(setting, meeting):
    meeting_cancel(meeting=meeting, actor=setting.coordinator, reason="Sygdom.")
    OutgoingEmail.objects.all().delete()

    with pytest.raises(ValidationError) as error:
        meeting_cancel(meeting=meeting, actor=setting.coordinator, reason="Igen.")

    assert error.value.messages == [site_text("The meeting is already cancelled.")]
    meeting.refresh_from_db()
    assert (meeting.cancel_reason, meeting.sequence) == ("Sygdom.", 1)
    assert not OutgoingEmail.objects.exists()


def test_a_cancelled_meeting_cannot_be_moved(setting, meeting):
    meeting_cancel(meeting=meeting, actor=setting.coordinator, reason="Sygdom.")

    with pytest.raises(ValidationError) as error:
        move(meeting, setting.coordinator, datetime.date(2027, 1, 12))

    assert error.value.messages == [site_text("A cancelled meeting cannot be changed.")]
    meeting.refresh_from_db()
    assert local(meeting.starts_at) == "2027-01-05T14:00:00+01:00"


def test_only_the_coordinator_cancels_a_meeting(setting, meeting):
    with pytest.raises(PermissionDenied):
        meeting_cancel(meeting=meeting, actor=setting.contact, reason="Jeg kan ikke.")

    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (Meeting.Status.PLANNED, 0)
    assert not OutgoingEmail.objects.exists()


# --- contacts who came after the series was planned ---------------------------------------------


def test_a_contact_assigned_after_planning_is_invited_once(setting):
    series = plan(setting.coordinator)
    meeting = series.meetings.order_by("starts_at").last()
    newcomer = AssignmentFactory(area=LocalAreaFactory(name="Stouby"),
                                 employee=EmployeeFactory(name="Niels Ny")).employee
    OutgoingEmail.objects.all().delete()

    first = participants_add_new(meeting=meeting, actor=setting.coordinator)
    second = participants_add_new(meeting=meeting, actor=setting.coordinator)

    assert (first, second) == (1, 0)
    assert list(meeting.attendances.filter(employee=newcomer).values_list("status", flat=True)) == [
        Attendance.Status.INVITED]
    [mail] = OutgoingEmail.objects.all()
    assert mail.to == [newcomer.email]
    assert mail.subject == site_text("Invitation: %(title)s %(date)s", title=meeting.title,
                                     date=danish_date(meeting.starts_at))
    assert site_text("You are invited to the coordination meeting for the local contacts:") in (
        mail.body)
    [event] = calendar_of(mail).walk("VEVENT")
    assert (str(event["UID"]), str(event["ATTENDEE"])) == (meeting.uid, f"mailto:{newcomer.email}")


def test_adding_new_participants_to_one_meeting_leaves_the_others_alone(setting):
    series = plan(setting.coordinator)
    first, *others = series.meetings.order_by("starts_at")
    newcomer = AssignmentFactory(employee=EmployeeFactory(name="Niels Ny")).employee

    participants_add_new(meeting=first, actor=setting.coordinator)

    assert list(newcomer.meetings.all()) == [first]


def test_only_the_coordinator_adds_new_participants(setting, meeting):
    AssignmentFactory(employee=EmployeeFactory(name="Niels Ny"))

    with pytest.raises(PermissionDenied):
        participants_add_new(meeting=meeting, actor=setting.contact)

    assert meeting.attendances.count() == 2
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker needs committed rows (see tests/core/test_mail)
def test_the_invitation_arrives_with_its_calendar_through_a_real_smtp_server(setting, smtp_server):
    plan(setting.coordinator)
    assert smtp_server.messages == []  # queued, not sent by the request

    run_worker()

    received = {tuple(recipients): message for recipients, message in smtp_server.messages}
    assert sorted(received) == sorted([(setting.contact.employee.email,),
                                       (setting.coordinator.employee.email,)])
    message = received[(setting.contact.employee.email,)]
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "invitation.ics"
    calendar = Calendar.from_ical(part.get_payload(decode=True))
    assert len(calendar.walk("VEVENT")) == 6
    assert {str(e["ATTENDEE"]) for e in calendar.walk("VEVENT")} == {
        f"mailto:{setting.contact.employee.email}"}


def test_a_series_whose_first_meeting_has_passed_is_refused_and_nothing_is_stored(setting):
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)

    with pytest.raises(ValidationError) as refused:
        plan(setting.coordinator, first_month=last_month)

    assert list(refused.value.message_dict) == ["first_month"]
    assert not MeetingSeries.objects.exists() and not Meeting.objects.exists()
    assert not OutgoingEmail.objects.exists()
