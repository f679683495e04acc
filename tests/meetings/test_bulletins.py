# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Bulletins from the coordinator (to whom, and the e-mails as a real SMTP server receives them),
the local meetings contacts record, and the private calendar feed with meetings and deadlines."""

import datetime
from email.header import decode_header, make_header

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.meetings import ical, selectors
from lokalkontakt.meetings.models import Bulletin, CalendarFeed, LocalMeeting, Meeting
from lokalkontakt.meetings.services.attendance import attendance_respond
from lokalkontakt.meetings.services.bulletins import bulletin_recipients, bulletin_send
from lokalkontakt.meetings.services.calendar_feeds import calendar_feed_get_or_reset
from lokalkontakt.meetings.services.local_meetings import (
    local_meeting_create,
    local_meeting_delete,
    local_meeting_update,
)
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.conftest import site_text
from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
from tests.core.test_mail import run_worker
from tests.inquiries.factories import InquiryFactory
from tests.meetings.conftest import english_client
from tests.meetings.factories import AttendanceFactory, MeetingFactory, at
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

COUNCIL = LocalMeeting.Kind.COUNCIL
TEXT = """# Landsbypuljen 2027

**Husk** fristen for *ansøgninger*:

- Ansøgning senest 1. marts
- Svar i april
"""


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def names(employees) -> list[str]:
    return [e.name for e in employees]


@pytest.fixture
def contacts(setting):
    """Lise covers Glud (core area Teknik); Sofie is deputy in Stouby (core area Kultur); Per
    covers Hornsyld (Kultur); the colleague Kalle is in Teknik and covers nothing; Ib covers
    Juelsminde but has left; Erik's assignment has ended."""
    teknik, kultur = CoreAreaFactory(name="Teknik"), CoreAreaFactory(name="Kultur")
    setting.contact.employee.core_area = teknik
    setting.contact.employee.save()
    setting.colleague.employee.core_area = teknik
    setting.colleague.employee.save()
    stouby, hornsyld = LocalAreaFactory(name="Stouby"), LocalAreaFactory(name="Hornsyld")
    AssignmentFactory(area=stouby, employee=EmployeeFactory(name="Sofie Stedfortræder",
                                                            core_area=kultur), deputy=True)
    AssignmentFactory(area=hornsyld, employee=EmployeeFactory(name="Per Pedersen",
                                                              core_area=kultur))
    AssignmentFactory(area=LocalAreaFactory(name="Juelsminde"),
                      employee=EmployeeFactory(name="Ib Inaktiv", core_area=teknik,
                                               is_active=False))
    AssignmentFactory(area=setting.area, employee=EmployeeFactory(name="Erik Ekskontakt",
                                                                  core_area=teknik), ended=True)
    return {"teknik": teknik, "kultur": kultur, "stouby": stouby, "hornsyld": hornsyld}


# --- recipients ---------------------------------------------------------------------------------


def test_a_bulletin_to_all_reaches_every_active_contact(contacts):
    assert names(bulletin_recipients()) == ["Lise Lokal", "Per Pedersen", "Sofie Stedfortræder"]


def test_a_bulletin_to_a_core_area_reaches_its_contacts(contacts):
    assert names(bulletin_recipients(core_areas=[contacts["kultur"]])) == [
        "Per Pedersen", "Sofie Stedfortræder"]


def test_a_colleague_in_the_core_area_who_covers_no_area_is_not_reached(contacts):
    assert names(bulletin_recipients(core_areas=[contacts["teknik"]])) == ["Lise Lokal"]


def test_a_bulletin_to_a_local_area_reaches_its_contact_and_deputy(setting, contacts):
    AssignmentFactory(area=setting.area, employee=EmployeeFactory(name="Dorte Deputy"),
                      deputy=True)

    assert names(bulletin_recipients(areas=[setting.area])) == ["Dorte Deputy", "Lise Lokal"]
    assert names(bulletin_recipients(areas=[contacts["stouby"]])) == ["Sofie Stedfortræder"]


def test_core_areas_and_local_areas_together_reach_either(setting, contacts):
    chosen = bulletin_recipients(core_areas=[contacts["teknik"]], areas=[contacts["hornsyld"]])

    assert names(chosen) == ["Lise Lokal", "Per Pedersen"]


def test_a_contact_who_left_is_never_reached(setting, contacts):
    for chosen in (bulletin_recipients(), bulletin_recipients(core_areas=[contacts["teknik"]]),
                   bulletin_recipients(areas=[LocalAreaFactory(name="Juelsminde")])):
        assert "Ib Inaktiv" not in names(chosen)
        assert "Erik Ekskontakt" not in names(chosen)


# --- sending ------------------------------------------------------------------------------------


def test_a_bulletin_is_kept_with_its_recipients_and_shown_on_their_front_page(setting, contacts):
    bulletin = bulletin_send(actor=setting.coordinator, title=" Landsbypuljen ", text=TEXT,
                             core_areas=[contacts["kultur"]])

    bulletin.refresh_from_db()
    assert (bulletin.title, bulletin.author) == ("Landsbypuljen", setting.coordinator)
    assert list(bulletin.core_areas.all()) == [contacts["kultur"]]
    assert names(bulletin.recipients.order_by("sort_name")) == ["Per Pedersen",
                                                                "Sofie Stedfortræder"]
    per = bulletin.recipients.get(name="Per Pedersen")
    assert selectors.bulletins_for(employee=per) == [bulletin]
    assert selectors.bulletins_for(employee=setting.contact.employee) == []


def test_each_recipient_gets_the_bulletin_queued(setting, contacts):
    bulletin = bulletin_send(actor=setting.coordinator, title="Landsbypuljen", text=TEXT)

    mails = OutgoingEmail.objects.order_by("pk")
    assert sorted(m.to[0] for m in mails) == sorted(e.email for e in bulletin.recipients.all())
    assert {m.subject for m in mails} == {"Landsbypuljen"}


def test_a_bulletin_nobody_would_receive_is_refused(setting, contacts):
    empty = CoreAreaFactory(name="Ingen kontakter")

    with pytest.raises(ValidationError) as error:
        bulletin_send(actor=setting.coordinator, title="Til ingen", text="Hej.", core_areas=[empty])

    assert error.value.messages == [site_text(
        "No active contact is in the chosen core areas or covers the chosen local areas. Choose "
        "others, or none to reach all.")]
    assert not Bulletin.objects.exists() and not OutgoingEmail.objects.exists()


def test_only_the_coordinator_sends_bulletins(setting, contacts):
    with pytest.raises(PermissionDenied):
        bulletin_send(actor=setting.contact, title="Fra mig", text="Hej alle.")

    assert not Bulletin.objects.exists() and not OutgoingEmail.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker needs committed rows (see tests/core/test_mail)
def test_the_bulletin_reaches_each_recipient_through_a_real_smtp_server(setting, contacts,
                                                                       smtp_server, settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"

    bulletin = bulletin_send(actor=setting.coordinator, title="Landsbypuljen åbner", text=TEXT)
    assert smtp_server.messages == []  # queued, not sent by the request

    run_worker()

    received = {tuple(recipients): message for recipients, message in smtp_server.messages}
    assert sorted(received) == sorted((e.email,) for e in bulletin.recipients.all())
    assert len(received) == len(smtp_server.messages) == 3
    for message in received.values():
        assert str(make_header(decode_header(message["Subject"]))) == "Landsbypuljen åbner"
        assert message.get_content_type() == "text/plain"
        body = message.get_payload(decode=True).decode(message.get_content_charset()).replace(
            "\r\n", "\n")  # SMTP's line ends
        assert body.startswith("Landsbypuljen 2027\nHusk fristen for ansøgninger:\n")
        assert "Ansøgning senest 1. marts\nSvar i april" in body
        assert "**" not in body and "# " not in body
        assert (f"{site_text('Read it in Lokalkontakt:')} "
                f"https://lokalkontakt.example.dk{bulletin.get_absolute_url()}") in body
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {
        OutgoingEmail.Status.SENT}


# --- to all staff -------------------------------------------------------------------------------

STAFF = Bulletin.Audience.STAFF


def test_a_bulletin_to_all_staff_reaches_every_active_employee(contacts):
    assert names(bulletin_recipients(audience=STAFF)) == [
        "Erik Ekskontakt", "Kalle Kollega", "Karin Koordinator", "Lise Lokal", "Per Pedersen",
        "Sofie Stedfortræder"]


def test_a_bulletin_to_the_staff_of_a_core_area_reaches_them_contacts_or_not(contacts):
    assert names(bulletin_recipients(audience=STAFF, core_areas=[contacts["teknik"]])) == [
        "Erik Ekskontakt", "Kalle Kollega", "Lise Lokal"]


def test_a_bulletin_to_all_staff_is_kept_with_its_audience_and_recipients(setting, contacts):
    bulletin = bulletin_send(actor=setting.coordinator, title="Brug Lokalkontakterne", text=TEXT,
                             audience=STAFF)

    bulletin.refresh_from_db()
    assert bulletin.audience == STAFF
    assert bulletin.recipients.count() == 6
    assert list(selectors.bulletin_list(user=setting.colleague)) == [bulletin]


def test_local_areas_are_refused_for_a_bulletin_to_all_staff(setting, contacts):
    with pytest.raises(ValidationError) as error:
        bulletin_send(actor=setting.coordinator, title="Til alle", text="Hej.", audience=STAFF,
                      areas=[contacts["stouby"]])

    assert error.value.message_dict == {"areas": [site_text(
        "Local areas choose their contacts. To write to all staff, choose no local area (core "
        "areas narrow it to their staff).")]}
    assert not Bulletin.objects.exists() and not OutgoingEmail.objects.exists()


def test_a_bulletin_to_the_staff_of_an_empty_core_area_is_refused(setting, contacts):
    with pytest.raises(ValidationError) as error:
        bulletin_send(actor=setting.coordinator, title="Til ingen", text="Hej.", audience=STAFF,
                      core_areas=[CoreAreaFactory(name="Tom")])

    assert error.value.messages == [site_text(
        "No active employee is in the chosen core areas. Choose others, or none to reach all "
        "staff.")]
    assert not Bulletin.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker needs committed rows (see tests/core/test_mail)
def test_a_bulletin_to_all_staff_reaches_each_address_and_the_coordinator_names_the_rest(
        setting, contacts, smtp_server):
    EmployeeFactory(name="Bo Holm", email="")

    bulletin = bulletin_send(actor=setting.coordinator, title="Brug Lokalkontakterne", text=TEXT,
                             audience=STAFF)
    run_worker()

    with_address = [e for e in bulletin.recipients.all() if e.email]
    received = sorted(tuple(recipients) for recipients, _message in smtp_server.messages)
    coordinator = setting.coordinator.employee.email
    # each employee with an address once, and the coordinator a second copy for Bo Holm
    assert received == sorted([(e.email,) for e in with_address] + [(coordinator,)])
    assert bulletin.recipients.count() == 7
    assert bulletin.reach.missed[0].name == "Bo Holm"
    copies = [message for recipients, message in smtp_server.messages
              if recipients == [coordinator]]
    bodies = [m.get_payload(decode=True).decode(m.get_content_charset()) for m in copies]
    assert any(body.startswith(site_text(
        "This e-mail was meant for %(name)s, who cannot receive it (%(reason)s).",
        name="Bo Holm", reason=site_text("no e-mail address"))) for body in bodies)


# --- local meetings -----------------------------------------------------------------------------


def record(user, area, held_on=None, note="Lokalrådet drøftede stien til skolen.") -> LocalMeeting:
    return local_meeting_create(actor=user, area=area, kind=COUNCIL,
                                held_on=held_on or days(-2), note=note)


def test_the_area_s_contact_records_a_local_meeting(setting):
    local = record(setting.contact, setting.area)

    local.refresh_from_db()
    assert (local.area, local.kind, local.held_on, local.recorded_by) == (
        setting.area, COUNCIL, days(-2), setting.contact.employee)
    assert local.note == "Lokalrådet drøftede stien til skolen."
    assert selectors.local_meetings_of_area(area=setting.area) == [local]
    assert local.history.get().history_user == setting.contact


def test_the_contact_of_another_area_may_not_record_its_meetings(setting):
    stouby = AssignmentFactory(area=LocalAreaFactory(name="Stouby"),
                               employee=EmployeeFactory(name="Sofie")).area

    with pytest.raises(PermissionDenied):
        record(setting.contact, stouby)

    assert not LocalMeeting.objects.exists()


def test_a_colleague_who_covers_no_area_may_not_record_local_meetings(setting):
    with pytest.raises(PermissionDenied):
        record(setting.colleague, setting.area)

    assert not LocalMeeting.objects.exists()


def test_the_coordinator_records_a_local_meeting_in_any_area(setting):
    local = record(setting.coordinator, LocalAreaFactory(name="Stouby"))

    assert local.recorded_by == setting.coordinator.employee


def test_a_meeting_in_the_future_cannot_be_recorded(setting):
    with pytest.raises(ValidationError) as error:
        record(setting.contact, setting.area, held_on=days(1))

    assert error.value.message_dict == {"held_on": [site_text(
        "Record a meeting once it has been held.")]}
    assert not LocalMeeting.objects.exists()


def test_a_meeting_held_today_can_be_recorded(setting):
    assert record(setting.contact, setting.area, held_on=days(0)).held_on == days(0)


def test_who_recorded_it_changes_the_local_meeting(setting):
    local = record(setting.contact, setting.area)

    local_meeting_update(local_meeting=local, actor=setting.contact,
                         kind=LocalMeeting.Kind.CITIZENS, held_on=days(-3), note=" Borgermøde. ")

    local.refresh_from_db()
    assert (local.kind, local.held_on, local.note) == (LocalMeeting.Kind.CITIZENS, days(-3),
                                                       "Borgermøde.")


def test_another_contact_may_not_change_or_delete_the_local_meeting(setting):
    local = record(setting.contact, setting.area)
    other = EmployeeFactory(name="Sofie", user=UserFactory(username="sofie"))
    AssignmentFactory(area=LocalAreaFactory(name="Stouby"), employee=other)

    with pytest.raises(PermissionDenied):
        local_meeting_update(local_meeting=local, actor=other.user, kind=COUNCIL,
                             held_on=days(-2), note="Ændret.")
    with pytest.raises(PermissionDenied):
        local_meeting_delete(local_meeting=local, actor=other.user)

    local.refresh_from_db()
    assert local.note == "Lokalrådet drøftede stien til skolen."


def test_a_change_to_a_future_date_is_refused(setting):
    local = record(setting.contact, setting.area)

    with pytest.raises(ValidationError):
        local_meeting_update(local_meeting=local, actor=setting.contact, kind=COUNCIL,
                             held_on=days(5), note="Ændret.")

    local.refresh_from_db()
    assert (local.held_on, local.note) == (days(-2), "Lokalrådet drøftede stien til skolen.")


def test_the_coordinator_changes_and_deletes_any_local_meeting(setting):
    local = record(setting.contact, setting.area)

    local_meeting_update(local_meeting=local, actor=setting.coordinator, kind=COUNCIL,
                         held_on=days(-2), note="Rettet af koordinatoren.")
    pk = local.pk
    local_meeting_delete(local_meeting=local, actor=setting.coordinator)

    assert not LocalMeeting.objects.exists()
    rows = LocalMeeting.history.filter(id=pk).order_by("history_date", "history_id")
    assert [(row.history_type, row.history_user) for row in rows] == [
        ("+", setting.contact), ("~", setting.coordinator), ("-", setting.coordinator)]


def test_who_recorded_it_deletes_the_local_meeting(setting):
    local = record(setting.contact, setting.area)

    local_meeting_delete(local_meeting=local, actor=setting.contact)

    assert not LocalMeeting.objects.exists()


# --- the calendar feed's address ----------------------------------------------------------------


def test_the_feed_is_made_on_first_use_and_kept(setting):
    first = calendar_feed_get_or_reset(user=setting.contact)
    again = calendar_feed_get_or_reset(user=setting.contact)

    assert first.pk == again.pk and first.key == again.key
    assert len(first.key) == 64
    assert ical.feed_by_token(feed_id=first.pk, token=ical.feed_token(first)) == first


def test_a_new_address_ends_the_old_one(setting):
    feed = calendar_feed_get_or_reset(user=setting.contact)
    old_token = ical.feed_token(feed)

    renewed = calendar_feed_get_or_reset(user=setting.contact, reset=True)

    assert renewed.pk == feed.pk and renewed.key != feed.key
    assert ical.feed_token(renewed) != old_token
    assert ical.feed_by_token(feed_id=feed.pk, token=old_token) is None
    assert ical.feed_by_token(feed_id=feed.pk, token=ical.feed_token(renewed)) == renewed
    assert CalendarFeed.objects.count() == 1


def test_a_wrong_token_or_feed_opens_nothing(setting):
    feed = calendar_feed_get_or_reset(user=setting.contact)
    other = calendar_feed_get_or_reset(user=setting.colleague)

    assert ical.feed_by_token(feed_id=feed.pk, token="0" * 64) is None
    assert ical.feed_by_token(feed_id=feed.pk, token="") is None
    assert ical.feed_by_token(feed_id=other.pk, token=ical.feed_token(feed)) is None
    assert ical.feed_by_token(feed_id=other.pk + feed.pk + 1, token=ical.feed_token(feed)) is None


def test_a_feed_outlives_a_rotated_secret_key_while_the_old_key_is_a_fallback(setting, settings):
    feed = calendar_feed_get_or_reset(user=setting.contact)
    old_token = ical.feed_token(feed)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-after-rotation-" + "x" * 32

    assert ical.feed_by_token(feed_id=feed.pk, token=old_token) == feed
    assert ical.feed_by_token(feed_id=feed.pk, token=ical.feed_token(feed)) == feed
    settings.SECRET_KEY_FALLBACKS = []
    assert ical.feed_by_token(feed_id=feed.pk, token=old_token) is None


def test_the_feed_of_a_deactivated_user_opens_nothing(setting):
    feed = calendar_feed_get_or_reset(user=setting.contact)
    setting.contact.is_active = False
    setting.contact.save()

    assert ical.feed_by_token(feed_id=feed.pk, token=ical.feed_token(feed)) is None


# --- what the feed holds ------------------------------------------------------------------------


@pytest.fixture
def agenda(setting):
    """The contact's meetings and deadlines, and others' that must stay out of their feed."""
    contact = setting.contact.employee
    winter = MeetingFactory(title="Koordinerende møde", starts_at=at(days(20)))
    summer = MeetingFactory(title="Sommermøde", starts_at=at(datetime.date(days(20).year + 1, 7, 6)))
    cancelled = MeetingFactory(title="Aflyst møde", starts_at=at(days(40)),
                               status=Meeting.Status.CANCELLED, cancel_reason="Sygdom.")
    long_ago = MeetingFactory(title="Gammelt møde", starts_at=at(days(-200)))
    not_invited = MeetingFactory(title="Andres møde", starts_at=at(days(25)))
    for meeting in (winter, summer, cancelled, long_ago):
        AttendanceFactory(meeting=meeting, employee=contact)
    AttendanceFactory(meeting=not_invited, employee=setting.colleague.employee)
    inquiry = InquiryFactory(area=setting.area, assignee=contact, answer_due=days(9),
                             subject="Hul i vejen ved Birtes hus", submitter_name="Birte Borgersen",
                             submitter_email="birte.borgersen@example.dk")
    InquiryFactory(area=setting.area, assignee=contact, answer_due=days(4),
                   status=Inquiry.Status.CLOSED, submitter_name="Lukket Sag")
    InquiryFactory(area=setting.area, assignee=setting.colleague.employee, answer_due=days(6),
                   submitter_name="Anden Borger")
    task = ConsultationTaskFactory(area=setting.area, consultation=ConsultationFactory(
        title="Ny lokalplan for Glud", deadline=days(12)))
    ConsultationTaskFactory(area=setting.area, status=ConsultationTask.Status.RESPONDED,
                            consultation=ConsultationFactory(title="Besvaret høring",
                                                             deadline=days(13)))
    requested = ConsultationFactory(title="Stiplan", requested_by=contact, deadline=days(15))
    ConsultationFactory(title="Lukket høring", requested_by=contact, deadline=days(16),
                        status=Consultation.Status.CLOSED)
    return {"winter": winter, "summer": summer, "cancelled": cancelled, "inquiry": inquiry,
            "task": task, "requested": requested}


def test_the_feed_selects_the_employee_s_meetings_from_the_given_time_on(setting, agenda):
    since = timezone.now() - datetime.timedelta(days=90)

    meetings = selectors.feed_meetings(employee=setting.contact.employee, since=since)

    assert [m.title for m in meetings] == ["Koordinerende møde", "Aflyst møde", "Sommermøde"]


def test_the_feed_leaves_out_a_meeting_the_employee_sent_apologies_for(setting, agenda):
    attendance_respond(meeting=agenda["summer"], actor=setting.contact, attending=False)
    since = timezone.now() - datetime.timedelta(days=90)

    meetings = selectors.feed_meetings(employee=setting.contact.employee, since=since)

    assert [m.title for m in meetings] == ["Koordinerende møde", "Aflyst møde"]


def test_the_feed_selects_the_deadlines_the_employee_must_keep(setting, agenda):
    found = selectors.feed_deadlines(employee=setting.contact.employee, since=days(-90))

    assert found == {"inquiries": [agenda["inquiry"]], "tasks": [agenda["task"]],
                     "consultations": [agenda["requested"]]}


def test_a_consultation_task_handled_by_the_employee_is_theirs_in_any_area(setting):
    elsewhere = ConsultationTaskFactory(area=LocalAreaFactory(name="Stouby"),
                                        handler=setting.contact.employee)

    found = selectors.feed_deadlines(employee=setting.contact.employee, since=days(-90))

    assert found["tasks"] == [elsewhere]


def feed_calendar(user) -> tuple[Calendar, str]:
    """The feed as a calendar application fetches it: without signing in, by its address."""
    feed = calendar_feed_get_or_reset(user=user)
    response = english_client().get(reverse("meetings:feed", kwargs={
        "feed_id": feed.pk, "token": ical.feed_token(feed)}))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    return Calendar.from_ical(text), text


def events_by_uid(calendar) -> dict:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_holds_the_meetings_at_two_pm_copenhagen_time(setting, agenda):
    calendar, _text = feed_calendar(setting.contact)

    events = events_by_uid(calendar)
    winter, summer = events[agenda["winter"].uid], events[agenda["summer"].uid]
    for event in (winter, summer):
        assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
        assert (event["DTSTART"].dt.hour, event["DTEND"].dt.hour) == (14, 16)
    assert winter["DTSTART"].dt.astimezone(datetime.UTC) == agenda["winter"].starts_at
    assert summer["DTSTART"].dt.astimezone(datetime.UTC).hour == 12  # summer time: UTC+2
    assert events[agenda["cancelled"].uid]["STATUS"] == "CANCELLED"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Copenhagen"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]


def test_the_feed_holds_the_deadlines_as_all_day_events(setting, agenda):
    calendar, _text = feed_calendar(setting.contact)

    events = events_by_uid(calendar)
    inquiry = events[f"inquiry-{agenda['inquiry'].pk}@lokalkontakt"]
    task = events[f"consultation-task-{agenda['task'].pk}@lokalkontakt"]
    requested = events[f"consultation-{agenda['requested'].pk}@lokalkontakt"]
    for event, day in ((inquiry, days(9)), (task, days(12)), (requested, days(15))):
        assert event["DTSTART"].dt == day and not isinstance(event["DTSTART"].dt,
                                                             datetime.datetime)
        assert event["DTEND"].dt == day + datetime.timedelta(days=1)
        assert event["TRANSP"] == "TRANSPARENT"
    assert agenda["inquiry"].reference in str(inquiry["SUMMARY"])
    assert "Ny lokalplan for Glud" in str(task["SUMMARY"])
    assert "Stiplan" in str(requested["SUMMARY"])
    assert str(inquiry["URL"]).endswith(agenda["inquiry"].get_absolute_url())


def test_the_feed_leaves_out_what_is_not_the_employee_s(setting, agenda):
    calendar, text = feed_calendar(setting.contact)

    for absent in ("Gammelt møde", "Andres møde", "Besvaret høring", "Lukket høring"):
        assert absent not in text
    assert len(events_by_uid(calendar)) == 6


def test_the_feed_holds_no_citizen_s_name_or_e_mail(setting, agenda):
    _calendar, text = feed_calendar(setting.contact)

    unfolded = text.replace("\r\n ", "")
    for private in ("Birte", "Borgersen", "birte.borgersen@example.dk", "Hul i vejen",
                    "Lukket Sag", "Anden Borger"):
        assert private not in unfolded
