# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meeting pages as a browser uses them: the list, a meeting's page, planning a series, moving
and cancelling a meeting, proposing, editing and arranging items, attendance, minutes, and the
coordinator's buttons that send the agenda and the minutes. English pages, so the assertions do not
depend on the state of the Danish translation."""

import datetime
import html
import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.meetings.models import ActionItem, AgendaItem, Attendance, Meeting, MeetingSeries
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.factories import InquiryFactory
from tests.meetings.conftest import english_client
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttendanceFactory,
    MeetingFactory,
    at,
)
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def text(response) -> str:
    """The page as a person reads it (entities such as &#x27; decoded)."""
    return html.unescape(response.content.decode())


def in_days(days: int) -> datetime.date:
    return TODAY() + datetime.timedelta(days=days)


def next_month() -> datetime.date:
    return (TODAY().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


# The list


def test_the_list_shows_coming_and_held_meetings_apart(setting):
    MeetingFactory(title="Spring meeting")
    MeetingFactory(title="Autumn meeting", held=True)

    response = english_client(setting.contact).get(reverse("meetings:list"))

    assert response.status_code == 200
    content = text(response)
    assert (content.index("Coming meetings") < content.index("Spring meeting")
            < content.index("Held meetings") < content.index("Autumn meeting"))


def test_the_list_says_when_nothing_is_planned(setting):
    content = text(english_client(setting.contact).get(reverse("meetings:list")))

    assert "No meetings are planned." in content
    assert "No meetings have been held yet." in content


def test_a_meeting_on_a_public_holiday_is_flagged_in_the_list(setting):
    MeetingFactory(starts_at=at(datetime.date(TODAY().year + 1, 1, 1)))

    content = text(english_client(setting.contact).get(reverse("meetings:list")))

    assert "Holiday: New Year's Day" in content


def test_the_coordinator_sees_the_buttons_to_plan_and_write(setting):
    content = text(english_client(setting.coordinator).get(reverse("meetings:list")))

    assert "Plan a series of meetings" in content
    assert "Write a bulletin" in content


def test_a_contact_does_not_see_the_coordinators_buttons(setting):
    content = text(english_client(setting.contact).get(reverse("meetings:list")))

    assert "Plan a series of meetings" not in content
    assert "Write a bulletin" not in content
    assert "My action items" in content


def test_the_list_shows_my_open_action_items(setting):
    ActionItemFactory(owner=setting.contact.employee, title="Book the village hall")
    ActionItemFactory(owner=setting.colleague.employee, title="Ask the school")

    content = text(english_client(setting.contact).get(reverse("meetings:list")))

    assert "My open action items" in content
    assert "Book the village hall" in content
    assert "Ask the school" not in content


# A meeting's page


def test_the_agenda_lists_the_accepted_items_in_their_order_then_the_follow_up(setting):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, title="Second: the hall", position=2)
    AgendaItemFactory(meeting=meeting, title="First: welcome", position=1)
    AgendaItemFactory(meeting=meeting, title="Third: broadband", position=3)

    response = english_client(setting.contact).get(meeting.get_absolute_url())

    assert response.status_code == 200
    content = text(response)
    assert (content.index("First: welcome") < content.index("Second: the hall")
            < content.index("Third: broadband") < content.index("<h3>Follow-up</h3>"))


def test_the_follow_up_lists_the_open_action_items_of_earlier_meetings(setting):
    meeting = MeetingFactory()
    ActionItemFactory(title="Find a hall for the market", owner=setting.contact.employee)
    ActionItemFactory(title="Already done", status=ActionItem.Status.DONE,
                      closed_at=timezone.now() - datetime.timedelta(days=3))
    ActionItemFactory(meeting=meeting, title="Decided at this meeting")

    content = text(english_client(setting.contact).get(meeting.get_absolute_url()))

    follow_up = content[content.index("<h3>Follow-up</h3>"):content.index("Participants")]
    assert "Find a hall for the market" in follow_up
    assert "Lise Lokal" in follow_up
    assert "Already done" not in content
    decided = content[content.index("Action items decided at this meeting"):]
    assert "Decided at this meeting" in decided
    assert "Decided at this meeting" not in content[:content.index("Action items decided")]


def test_the_follow_up_lists_overdue_inquiries_by_reference_without_the_submitter(setting):
    meeting = MeetingFactory()
    inquiry = InquiryFactory(area=setting.area, subject="Huller i vejen", submitter_name="Bo Borger",
                             answer_due=in_days(-3))
    InquiryFactory(area=setting.area, answer_due=in_days(5), subject="Ikke forsinket")

    content = text(english_client(setting.contact).get(meeting.get_absolute_url()))

    assert "1 inquiry is past its answer date." in content
    assert f">{inquiry.reference}</a>" in content
    assert "Huller i vejen" not in content
    assert "Bo Borger" not in content
    assert "Ikke forsinket" not in content


def test_a_held_meeting_does_not_list_todays_overdue_inquiries(setting):
    meeting = MeetingFactory(held=True)
    InquiryFactory(answer_due=in_days(-3))

    content = text(english_client(setting.contact).get(meeting.get_absolute_url()))

    assert "Overdue inquiries" not in content


def test_proposed_and_deferred_items_are_listed_apart_from_the_agenda(setting):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, title="On the agenda")
    AgendaItemFactory(meeting=meeting, title="Only proposed", status=AgendaItem.Status.PROPOSED,
                      proposed_by=setting.contact.employee)
    AgendaItemFactory(meeting=meeting, title="Put off", status=AgendaItem.Status.DEFERRED)

    content = text(english_client(setting.colleague).get(meeting.get_absolute_url()))

    assert (content.index("On the agenda") < content.index("<h3>Follow-up</h3>")
            < content.index("Proposed items") < content.index("Only proposed")
            < content.index("Deferred items") < content.index("Put off"))
    assert "Proposed by Lise Lokal" in content


def test_the_participants_are_listed_with_their_attendance(setting):
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee,
                      status=Attendance.Status.PRESENT)
    AttendanceFactory(meeting=meeting, employee=setting.colleague.employee,
                      status=Attendance.Status.EXCUSED)

    content = text(english_client(setting.contact).get(meeting.get_absolute_url()))

    assert "<td>Lise Lokal</td><td>Present</td>" in content
    assert "<td>Kalle Kollega</td><td>Sent apologies</td>" in content


def test_the_coordinators_buttons_show_only_for_the_coordinator(setting):
    meeting = MeetingFactory()

    as_contact = text(english_client(setting.contact).get(meeting.get_absolute_url()))
    as_coordinator = text(english_client(setting.coordinator).get(meeting.get_absolute_url()))

    buttons = ["Arrange the agenda", "Send the agenda", "Record attendance", "Move or change",
               "Invite new contacts", "Cancel the meeting"]
    assert all(button in as_coordinator for button in buttons)
    assert not any(button in as_contact for button in buttons)
    assert "Propose an item" in as_contact


def test_send_the_minutes_is_offered_once_the_meeting_has_begun(setting):
    coming, held = MeetingFactory(), MeetingFactory(held=True)
    client = english_client(setting.coordinator)

    assert "Send the minutes" not in text(client.get(coming.get_absolute_url()))
    assert "Send the minutes" in text(client.get(held.get_absolute_url()))


def test_the_ics_download_is_a_calendar_with_the_meeting(setting):
    meeting = MeetingFactory(title="Coordination meeting", starts_at=at(in_days(20), 14))

    response = english_client(setting.contact).get(reverse("meetings:ics", args=[meeting.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="moede-{meeting.pk}.ics"' in response["Content-Disposition"]
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Coordination meeting"
    assert event.decoded("dtstart") == at(in_days(20), 14)
    assert str(event["location"]) == "Rådhuset, mødelokale 1"


def test_a_script_in_an_item_is_shown_as_text(setting):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, title="<script>alert(1)</script>", text="<b>bold</b>",
                      status=AgendaItem.Status.PROPOSED, proposed_by=setting.contact.employee)
    client = english_client(setting.coordinator)

    for url in [meeting.get_absolute_url(), reverse("meetings:arrange", args=[meeting.pk])]:
        content = client.get(url).content.decode()
        assert "<script>alert(1)" not in content, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content, url


# Planning a series


def series_data(**overrides) -> dict:
    return {"title": "Coordination meeting", "interval_months": "2", "ordinal": "1",
            "weekday": "1", "start_time": "14:00", "end_time": "16:00",
            "first_month": next_month().strftime("%Y-%m"), "location": "Town hall",
            "online_url": "", **overrides}


def test_planning_a_series_makes_its_meetings_and_invites_the_participants(setting):
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:series_new"), series_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:list")
    assert Meeting.objects.count() == 6
    assert all(timezone.localtime(m.starts_at).time() == datetime.time(14)
               and timezone.localtime(m.starts_at).weekday() == 1 for m in Meeting.objects.all())
    assert ("6 meetings are planned. E-mail sent to Karin Koordinator and Lise Lokal."
            in text(client.get(response["Location"])))
    # the contact who covers Glud and the coordinator, one e-mail each with every meeting
    assert OutgoingEmail.objects.count() == 2
    assert Attendance.objects.count() == 12


def test_the_series_form_offers_the_usual_plan(setting):
    response = english_client(setting.coordinator).get(reverse("meetings:series_new"))

    assert response.status_code == 200
    content = text(response)
    assert '<option value="2" selected>Every other month</option>' in content
    assert '<option value="1" selected>Tuesday</option>' in content
    assert 'value="14:00"' in content


@pytest.mark.parametrize(("field", "value", "message"), [
    ("end_time", "13:00", "The meeting must end after it starts."),
    ("first_month", "2020-01", "Choose this month or a later one."),
    ("interval_months", "often", "Select a valid choice. often is not one of the available choices."),
    ("start_time", "two o'clock", "Enter a valid time."),
], ids=["end-before-start", "past-month", "interval-not-a-number", "time-not-a-time"])
def test_a_bad_series_is_refused_with_the_fields_message(setting, field, value, message):
    response = english_client(setting.coordinator).post(reverse("meetings:series_new"),
                                                        series_data(**{field: value}))

    assert response.status_code == 400
    assert message in text(response)
    assert not MeetingSeries.objects.exists()
    assert not Meeting.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_a_series_whose_first_meeting_day_this_month_has_passed_is_refused(setting):
    past = [TODAY().replace(day=day) for day in range(1, TODAY().day)]
    past = [day for day in past if day.weekday() < 5]
    if not past:
        pytest.skip("no weekday of this month has passed yet")
    day = past[-1]
    ordinal = (day.day - 1) // 7 + 1

    response = english_client(setting.coordinator).post(reverse("meetings:series_new"), series_data(
        first_month=TODAY().strftime("%Y-%m"), weekday=str(day.weekday()),
        ordinal=str(ordinal if ordinal <= 4 else -1)))

    assert response.status_code == 400
    with translation.override("en"):
        shown = formats.date_format(day, "SHORT_DATE_FORMAT")
    assert (f"The first meeting would be on {shown}, which has passed. Choose a later month."
            in text(response))
    assert not Meeting.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_a_contact_may_not_plan_a_series(setting):
    response = english_client(setting.contact).post(reverse("meetings:series_new"), series_data())

    assert response.status_code == 403
    assert not Meeting.objects.exists()


# Moving and cancelling


def meeting_data(meeting, **overrides) -> dict:
    start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    return {"title": meeting.title, "date": start.date().isoformat(),
            "start_time": start.strftime("%H:%M"), "end_time": end.strftime("%H:%M"),
            "location": meeting.location, "online_url": meeting.online_url,
            "proposal_deadline": meeting.proposal_deadline.isoformat(), **overrides}


def test_moving_a_meeting_shows_the_new_time(setting):
    meeting = MeetingFactory(starts_at=at(in_days(30), 14))
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:edit", args=[meeting.pk]), meeting_data(
        meeting, date=in_days(31).isoformat(), start_time="09:30", end_time="11:00"), follow=True)

    assert response.redirect_chain == [(meeting.get_absolute_url(), 302)]
    content = text(response)
    assert "The meeting is saved." in content
    assert "09:30–11:00" in content
    meeting.refresh_from_db()
    assert meeting.starts_at == at(in_days(31), 9) + datetime.timedelta(minutes=30)
    assert meeting.sequence == 1
    assert OutgoingEmail.objects.filter(to=[setting.contact.employee.email]).count() == 1


def test_the_move_form_shows_the_meeting_as_it_is(setting):
    meeting = MeetingFactory(starts_at=at(in_days(30), 14))

    content = text(english_client(setting.coordinator).get(reverse("meetings:edit",
                                                                   args=[meeting.pk])))

    assert f'value="{in_days(30).isoformat()}"' in content
    assert 'value="14:00"' in content and 'value="16:00"' in content


def test_a_proposal_deadline_after_the_meeting_is_refused(setting):
    meeting = MeetingFactory(starts_at=at(in_days(30), 14))

    response = english_client(setting.coordinator).post(
        reverse("meetings:edit", args=[meeting.pk]),
        meeting_data(meeting, proposal_deadline=in_days(31).isoformat()))

    assert response.status_code == 400
    assert "The deadline must be on or before the meeting." in text(response)
    meeting.refresh_from_db()
    assert meeting.proposal_deadline == in_days(23)
    assert meeting.sequence == 0


def test_cancelling_needs_a_reason(setting):
    meeting = MeetingFactory()

    response = english_client(setting.coordinator).post(reverse("meetings:cancel",
                                                                args=[meeting.pk]), {"reason": " "})

    assert response.status_code == 400
    assert "This field is required." in text(response)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_a_cancelled_meeting_says_so_on_its_page(setting):
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)

    response = english_client(setting.coordinator).post(
        reverse("meetings:cancel", args=[meeting.pk]),
        {"reason": "Too few can come."}, follow=True)

    content = text(response)
    assert "The meeting is cancelled. E-mail sent to Lise Lokal." in content
    assert "The meeting is cancelled" in content and "Too few can come." in content
    assert "Send the agenda" not in content and "Move or change" not in content
    assert "Propose an item" not in content
    assert Meeting.objects.get().status == Meeting.Status.CANCELLED
    assert OutgoingEmail.objects.filter(to=[setting.contact.employee.email]).count() == 1


def test_the_proposals_of_a_cancelled_meeting_can_be_deferred_to_the_next(setting):
    meeting = MeetingFactory(starts_at=at(in_days(10)), status=Meeting.Status.CANCELLED,
                             cancel_reason="Snow")
    later = MeetingFactory(starts_at=at(in_days(70)))
    item = AgendaItemFactory(meeting=meeting, title="Not now", status=AgendaItem.Status.PROPOSED)
    client = english_client(setting.coordinator)
    assert reverse("meetings:arrange", args=[meeting.pk]) in text(
        client.get(meeting.get_absolute_url()))

    response = client.post(reverse("meetings:arrange", args=[meeting.pk]),
                           arrangement((item, 1, "deferred")), follow=True)

    assert "1 item is moved to the next meeting." in text(response)
    item.refresh_from_db()
    assert item.meeting == later


def test_a_contact_cannot_propose_to_a_cancelled_meeting(setting):
    meeting = MeetingFactory(status=Meeting.Status.CANCELLED, cancel_reason="Snow")

    response = english_client(setting.contact).post(reverse("meetings:propose", args=[meeting.pk]),
                                                    item_data())

    assert response.status_code == 403
    assert "The meeting is cancelled." in text(response)
    assert not AgendaItem.objects.exists()


def test_a_cancelled_meeting_cannot_be_moved(setting):
    meeting = MeetingFactory(status=Meeting.Status.CANCELLED, cancel_reason="Snow")

    response = english_client(setting.coordinator).post(
        reverse("meetings:edit", args=[meeting.pk]), meeting_data(meeting, start_time="10:00"))

    assert response.status_code == 400
    assert "A cancelled meeting cannot be changed." in text(response)


# Proposing and editing items


def item_data(**overrides) -> dict:
    return {"title": "Broadband in Glud", "text": "Who knows the provider?", "area": "", **overrides}


def test_the_propose_form_says_until_when(setting):
    meeting = MeetingFactory(proposal_deadline=in_days(10))

    response = english_client(setting.contact).get(reverse("meetings:propose", args=[meeting.pk]))

    assert response.status_code == 200
    content = text(response)
    assert "Propose an item" in content
    assert "Proposals are open until" in content


def test_the_propose_form_is_prefilled_with_the_area_of_the_link(setting):
    meeting = MeetingFactory()

    response = english_client(setting.contact).get(reverse("meetings:propose", args=[meeting.pk]),
                                                   {"omraade": setting.area.slug})

    assert f'<option value="{setting.area.pk}" selected>Glud</option>' in text(response)


def test_a_contact_proposes_an_item(setting):
    meeting = MeetingFactory()
    client = english_client(setting.contact)

    response = client.post(reverse("meetings:propose", args=[meeting.pk]),
                           item_data(area=setting.area.pk))

    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert (item.meeting, item.status, item.proposed_by, item.area) == (
        meeting, AgendaItem.Status.PROPOSED, setting.contact.employee, setting.area)
    content = text(client.get(response["Location"]))
    assert "Your item is proposed. The coordinator puts it on the agenda." in content
    assert content.index("Proposed items") < content.index("Broadband in Glud")


def test_the_coordinators_own_item_goes_straight_on_the_agenda(setting):
    meeting = MeetingFactory()

    english_client(setting.coordinator).post(reverse("meetings:propose", args=[meeting.pk]),
                                             item_data())

    assert AgendaItem.objects.get().status == AgendaItem.Status.ACCEPTED


def test_an_item_without_a_title_is_refused(setting):
    meeting = MeetingFactory()

    response = english_client(setting.contact).post(reverse("meetings:propose", args=[meeting.pk]),
                                                    item_data(title=""))

    assert response.status_code == 400
    assert "This field is required." in text(response)
    assert not AgendaItem.objects.exists()


def test_after_the_cut_off_a_contact_is_told_proposals_are_closed(setting):
    meeting = MeetingFactory(starts_at=at(in_days(5)), proposal_deadline=in_days(-1))
    client = english_client(setting.contact)

    page = client.get(reverse("meetings:propose", args=[meeting.pk]))
    response = client.post(reverse("meetings:propose", args=[meeting.pk]), item_data())

    assert page.status_code == 403
    assert "Proposals are closed" in text(page)
    assert "Ask the coordinator, or propose the item for the next meeting." in text(page)
    assert response.status_code == 403
    assert not AgendaItem.objects.exists()
    assert "Propose an item" not in text(client.get(meeting.get_absolute_url()))


def test_the_proposer_edits_their_item_before_the_cut_off(setting):
    item = AgendaItemFactory(status=AgendaItem.Status.PROPOSED, proposed_by=setting.contact.employee)
    client = english_client(setting.contact)
    assert "Edit" in text(client.get(item.meeting.get_absolute_url()))

    response = client.post(reverse("meetings:item_edit", args=[item.pk]),
                           item_data(title="Broadband, again"))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Broadband, again"
    assert "The item is saved." in text(client.get(response["Location"]))


def test_the_proposer_may_not_edit_after_the_cut_off(setting):
    meeting = MeetingFactory(starts_at=at(in_days(5)), proposal_deadline=in_days(-1))
    item = AgendaItemFactory(meeting=meeting, status=AgendaItem.Status.PROPOSED,
                             proposed_by=setting.contact.employee)

    response = english_client(setting.contact).post(reverse("meetings:item_edit", args=[item.pk]),
                                                    item_data(title="Too late"))

    assert response.status_code == 403
    item.refresh_from_db()
    assert item.title != "Too late"


def test_another_employee_may_not_edit_the_item(setting):
    item = AgendaItemFactory(status=AgendaItem.Status.PROPOSED, proposed_by=setting.contact.employee,
                             title="Mine")
    client = english_client(setting.colleague)

    page = client.get(reverse("meetings:item_edit", args=[item.pk]))
    response = client.post(reverse("meetings:item_edit", args=[item.pk]), item_data(title="Theirs"))

    assert page.status_code == 403
    assert response.status_code == 403
    assert "Access denied" in text(response)
    item.refresh_from_db()
    assert item.title == "Mine"


# Arranging the agenda


def arrangement(*rows) -> dict:
    data = {}
    for item, position, status in rows:
        data[f"position_{item.pk}"], data[f"status_{item.pk}"] = position, status
    return data


def test_arranging_orders_and_accepts_the_proposals(setting):
    meeting = MeetingFactory()
    hall = AgendaItemFactory(meeting=meeting, title="The hall", position=1,
                             status=AgendaItem.Status.PROPOSED)
    roads = AgendaItemFactory(meeting=meeting, title="The roads", position=2,
                              status=AgendaItem.Status.PROPOSED)
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:arrange", args=[meeting.pk]),
                           arrangement((hall, 2, "accepted"), (roads, 1, "accepted")))

    assert response.status_code == 302
    content = text(client.get(response["Location"]))
    assert "The agenda is saved." in content
    assert content.index("The roads") < content.index("The hall") < content.index("Follow-up")
    assert "Proposed items" not in content


def test_the_arrange_page_lists_every_item_with_its_decision(setting):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, title="The hall", status=AgendaItem.Status.PROPOSED,
                             proposed_by=setting.contact.employee)

    response = english_client(setting.coordinator).get(reverse("meetings:arrange",
                                                               args=[meeting.pk]))

    assert response.status_code == 200
    content = text(response)
    assert "The hall" in content and "Lise Lokal" in content
    assert f'name="position_{item.pk}"' in content
    assert 'Defer to the next meeting' in content


def test_deferring_moves_the_item_to_the_next_meeting(setting):
    meeting = MeetingFactory(starts_at=at(in_days(10)))
    later = MeetingFactory(starts_at=at(in_days(70)))
    item = AgendaItemFactory(meeting=meeting, title="Not now", status=AgendaItem.Status.PROPOSED)
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:arrange", args=[meeting.pk]),
                           arrangement((item, 1, "deferred")), follow=True)

    assert "The agenda is saved. 1 item is moved to the next meeting." in text(response)
    item.refresh_from_db()
    assert (item.meeting, item.status) == (later, AgendaItem.Status.PROPOSED)
    later_page = text(client.get(later.get_absolute_url()))
    assert later_page.index("Proposed items") < later_page.index("Not now")


@pytest.mark.parametrize(("position", "message"), [
    ("0", "Ensure this value is greater than or equal to 1."),
    ("first", "Enter a whole number."),
])
def test_a_bad_position_is_refused(setting, position, message):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, position=3, status=AgendaItem.Status.PROPOSED)

    response = english_client(setting.coordinator).post(
        reverse("meetings:arrange", args=[meeting.pk]), arrangement((item, position, "accepted")))

    assert response.status_code == 400
    assert message in text(response)
    item.refresh_from_db()
    assert (item.position, item.status) == (3, AgendaItem.Status.PROPOSED)


def test_a_contact_may_not_arrange_the_agenda(setting):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, status=AgendaItem.Status.PROPOSED)

    response = english_client(setting.contact).post(reverse("meetings:arrange", args=[meeting.pk]),
                                                    arrangement((item, 1, "accepted")))

    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == AgendaItem.Status.PROPOSED


# Attendance and minutes


def test_recording_attendance(setting):
    meeting = MeetingFactory(held=True)
    lise = AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    kalle = AttendanceFactory(meeting=meeting, employee=setting.colleague.employee)
    client = english_client(setting.coordinator)
    form = text(client.get(reverse("meetings:attendance", args=[meeting.pk])))
    assert "Lise Lokal" in form and "Kalle Kollega" in form

    response = client.post(reverse("meetings:attendance", args=[meeting.pk]), {
        f"attendance_{lise.pk}": "present", f"attendance_{kalle.pk}": "excused"}, follow=True)

    content = text(response)
    assert "The attendance is saved." in content
    assert "<td>Lise Lokal</td><td>Present</td>" in content
    assert "<td>Kalle Kollega</td><td>Sent apologies</td>" in content


def test_an_unknown_attendance_is_refused(setting):
    meeting = MeetingFactory(held=True)
    lise = AttendanceFactory(meeting=meeting, employee=setting.contact.employee)

    response = english_client(setting.coordinator).post(
        reverse("meetings:attendance", args=[meeting.pk]), {f"attendance_{lise.pk}": "asleep"})

    assert response.status_code == 400
    assert "Select a valid choice." in text(response)
    lise.refresh_from_db()
    assert lise.status == Attendance.Status.INVITED


def test_writing_the_minutes_of_an_item(setting):
    item = AgendaItemFactory(meeting=MeetingFactory(held=True), title="The hall")
    client = english_client(setting.coordinator)
    assert "Minutes of “The hall”" in text(client.get(reverse("meetings:minutes", args=[item.pk])))

    response = client.post(reverse("meetings:minutes", args=[item.pk]), {
        "decisions": "We rent it.", "experiences": "Ask early.", "challenges": "The price."},
        follow=True)

    assert response.redirect_chain == [(item.get_absolute_url(), 302)]
    content = text(response)
    assert "The minutes of the item are saved." in content
    assert "<dt>Decisions</dt><dd class=\"pre-line\">We rent it.</dd>" in content
    assert "Ask early." in content and "The price." in content
    item.refresh_from_db()
    assert (item.decisions, item.experiences, item.challenges) == (
        "We rent it.", "Ask early.", "The price.")


def test_a_contact_may_not_write_minutes(setting):
    item = AgendaItemFactory(meeting=MeetingFactory(held=True))

    response = english_client(setting.contact).post(reverse("meetings:minutes", args=[item.pk]),
                                                    {"decisions": "Mine"})

    assert response.status_code == 403
    item.refresh_from_db()
    assert item.decisions == ""


# Sending the agenda and the minutes; inviting new contacts


@pytest.mark.parametrize("name", ["publish_agenda", "publish_minutes", "invite_new"])
def test_the_buttons_only_take_a_post(setting, name):
    meeting = MeetingFactory(held=True)

    response = english_client(setting.coordinator).get(reverse(f"meetings:{name}",
                                                               args=[meeting.pk]))

    assert response.status_code == 405
    assert not OutgoingEmail.objects.exists()


def test_sending_the_agenda_emails_the_participants(setting):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, title="The hall")
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    AttendanceFactory(meeting=meeting, employee=setting.coordinator.employee)
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:publish_agenda", args=[meeting.pk]), follow=True)

    content = text(response)
    assert "The agenda is sent. E-mail sent to Karin Koordinator and Lise Lokal." in content
    assert "Send the updated agenda" in content
    assert "Agenda sent" in content
    assert sorted(e.to[0] for e in OutgoingEmail.objects.all()) == sorted(
        [setting.contact.employee.email, setting.coordinator.employee.email])
    assert all("The hall" in e.body for e in OutgoingEmail.objects.all())


def test_the_minutes_of_a_meeting_that_has_not_begun_are_not_sent(setting):
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)

    response = english_client(setting.coordinator).post(
        reverse("meetings:publish_minutes", args=[meeting.pk]), follow=True)

    assert response.redirect_chain == [(meeting.get_absolute_url(), 302)]
    assert ('<div class="alert alert-error" role="alert">\n  <div class="alert-body"><p '
            'class="alert-text">The minutes can be sent once the meeting has begun.</p>'
            in text(response))
    assert not OutgoingEmail.objects.exists()
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is None


def test_sending_the_minutes_of_a_held_meeting(setting):
    meeting = MeetingFactory(held=True)
    AgendaItemFactory(meeting=meeting, title="The hall", decisions="We rent it.")
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)

    response = english_client(setting.coordinator).post(
        reverse("meetings:publish_minutes", args=[meeting.pk]), follow=True)

    content = text(response)
    assert ("The minutes are sent, and the experiences are shared as knowledge notes. E-mail "
            "sent to Lise Lokal.") in content
    assert "Minutes sent" in content
    [email] = OutgoingEmail.objects.all()
    assert email.to == [setting.contact.employee.email]
    assert "We rent it." in email.body


def test_inviting_the_contacts_who_are_new_since_the_meeting_was_planned(setting):
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, employee=setting.coordinator.employee)
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    newcomer = EmployeeFactory(name="Nina Ny")
    AssignmentFactory(area=LocalAreaFactory(name="Rårup"), employee=newcomer)
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:invite_new", args=[meeting.pk]), follow=True)

    content = text(response)
    assert "1 new participant is added. E-mail sent to Nina Ny." in content
    assert "<td>Nina Ny</td><td>Invited</td>" in content
    assert OutgoingEmail.objects.get().to == [newcomer.email]


def test_inviting_again_finds_nobody_new(setting):
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, employee=setting.coordinator.employee)
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)

    response = english_client(setting.coordinator).post(
        reverse("meetings:invite_new", args=[meeting.pk]), follow=True)

    assert "0 new participants are added." in text(response)
    assert not OutgoingEmail.objects.exists()


# Every page in English


DANISH = ["Møde", "møde", "Dagsorden", "dagsorden", "Opfølgning", "opfølgning", "Referat",
          "referat", "Deltager", "Fremmøde", "Aflys", "Forslag", "Gem ", "Annullér", "Annuller",
          "Udsæt", "Punkt", "Frist", "Ansvarlig", "Helligdag", "Tilbage", "Afsendt"]


def english_page(client, url) -> str:
    """The page as an English-speaking user reads it, without the data the test put in."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert '<html lang="en"' in response.content.decode()
    return text(response)


def danish_left(content: str, english: list[str]) -> list[str]:
    """The Danish words, and the Danish translations of the English texts, found in the page's
    and attributes (not in its addresses, which are Danish by design)."""
    content = re.sub(r'(href|action|src|value)="/[^"]*"', "", content)
    with translation.override("da"):
        translated = [translation.gettext(msgid) for msgid in english]
    danish = [da for da, en in zip(translated, english, strict=True) if da != en]
    return [word for word in DANISH + danish if word in content]


def test_every_meeting_page_is_in_english(setting):
    meeting = MeetingFactory(title="Coordination meeting", location="Town hall",
                             starts_at=at(in_days(30)))
    item = AgendaItemFactory(meeting=meeting, title="The hall", text="What do we do?",
                             decisions="We rent it.", proposed_by=setting.contact.employee)
    AgendaItemFactory(meeting=meeting, title="Roads", text="", status=AgendaItem.Status.PROPOSED)
    ActionItemFactory(meeting=MeetingFactory(title="Earlier", location="Hall", held=True),
                      title="Find a hall", owner=setting.contact.employee)
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    InquiryFactory(answer_due=in_days(-2))
    client = english_client(setting.coordinator)
    pages = {
        reverse("meetings:list"): ["Coordination meetings", "Coming meetings", "Held meetings"],
        meeting.get_absolute_url(): ["Agenda", "Follow-up", "Participants", "Proposed items",
                                     "Overdue inquiries", "Action items from earlier meetings",
                                     "Add to my calendar (.ics)", "Proposals until"],
        reverse("meetings:series_new"): ["Plan a series of meetings", "How often", "First month",
                                         "Every other month", "Tuesday"],
        reverse("meetings:edit", args=[meeting.pk]): ["Move or change the meeting",
                                                      "Proposals until", "Save the meeting"],
        reverse("meetings:cancel", args=[meeting.pk]): ["Cancel the meeting", "Reason"],
        reverse("meetings:propose", args=[meeting.pk]): ["Propose an item", "Description",
                                                         "Not about one area"],
        reverse("meetings:item_edit", args=[item.pk]): ["Edit the item", "Save the item"],
        reverse("meetings:arrange", args=[meeting.pk]): ["Arrange the agenda", "Decision",
                                                         "Defer to the next meeting",
                                                         "Save the agenda"],
        reverse("meetings:attendance", args=[meeting.pk]): ["Record attendance", "Invited",
                                                            "Sent apologies"],
        reverse("meetings:minutes", args=[item.pk]): ["Decisions", "Experiences", "Challenges",
                                                      "Save the minutes"],
    }
    for url, english in pages.items():
        content = english_page(client, url)
        assert [msgid for msgid in english if msgid not in content] == [], url
        assert danish_left(content, english) == [], url


def test_the_closed_page_is_in_english(setting):
    meeting = MeetingFactory(title="Coordination meeting", location="Town hall",
                             starts_at=at(in_days(5)), proposal_deadline=in_days(-1))

    response = english_client(setting.contact).get(reverse("meetings:propose", args=[meeting.pk]))

    content = text(response)
    assert "Proposals are closed" in content and "See the coming meetings" in content
    assert danish_left(content, ["Proposals are closed", "See the coming meetings"]) == []


# --- a participant's own answer ------------------------------------------------------------------


def test_a_participant_sends_apologies_and_takes_them_back(setting):
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    client = english_client(setting.contact)
    url = reverse("meetings:respond", args=[meeting.pk])

    page = text(client.post(url, {"attending": "0"}, follow=True))

    assert "Your apologies are noted. The coordinator can see them." in page
    assert "You have sent your apologies for this meeting." in page
    assert Attendance.objects.get(meeting=meeting).status == Attendance.Status.EXCUSED
    as_coordinator = text(english_client(setting.coordinator).get(meeting.get_absolute_url()))
    assert "Lise Lokal" in as_coordinator and "Sent apologies" in as_coordinator

    page = text(client.post(url, {"attending": "1"}, follow=True))

    assert "You are on the list of participants again." in page
    assert Attendance.objects.get(meeting=meeting).status == Attendance.Status.INVITED
    history = Attendance.objects.get(meeting=meeting).history.order_by("history_id")
    assert [h.history_user for h in history][-2:] == [setting.contact, setting.contact]


def test_only_a_participant_may_answer_and_only_before_the_meeting(setting):
    coming, held = MeetingFactory(), MeetingFactory(held=True)
    AttendanceFactory(meeting=held, employee=setting.contact.employee)

    outsider = english_client(setting.colleague).post(
        reverse("meetings:respond", args=[coming.pk]), {"attending": "0"})
    late = english_client(setting.contact).post(
        reverse("meetings:respond", args=[held.pk]), {"attending": "0"}, follow=True)

    assert outsider.status_code == 403
    assert "You can answer until the meeting begins." in text(late)
    assert Attendance.objects.get(meeting=held).status == Attendance.Status.INVITED
    assert not Attendance.objects.filter(meeting=coming).exists()


def test_the_answer_button_shows_only_to_participants_of_a_coming_meeting(setting):
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)

    assert "Send apologies" in text(english_client(setting.contact).get(meeting.get_absolute_url()))
    assert "Send apologies" not in text(
        english_client(setting.colleague).get(meeting.get_absolute_url()))


def test_answering_is_post_only(setting):
    meeting = MeetingFactory()

    response = english_client(setting.contact).get(reverse("meetings:respond", args=[meeting.pk]))

    assert response.status_code == 405
