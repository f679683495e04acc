# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Bulletins, local meetings, the private calendar feed and the new lines of "Mine områder", as a
browser uses them."""

import datetime
import html
from urllib.parse import urlsplit

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.meetings.models import Bulletin, CalendarFeed, LocalMeeting
from lokalkontakt.meetings.services.bulletins import bulletin_send
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.conftest import site_text
from tests.inquiries.factories import InquiryFactory
from tests.meetings.conftest import english_client
from tests.meetings.factories import ActionItemFactory, AttendanceFactory, MeetingFactory, at
from tests.meetings.test_views import danish_left, english_page
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def other_contact(setting):
    """Anders covers Juelsminde."""
    user = UserFactory(username="anden-kontakt")
    EmployeeFactory(user=user, name="Anders Anden")
    AssignmentFactory(area=LocalAreaFactory(name="Juelsminde"), employee=user.employee)
    return user


# Bulletins


def bulletin_data(**overrides) -> dict:
    return {"title": "New bus times", "text": "The **bus** runs every hour.", **overrides}


def test_the_coordinator_sends_a_bulletin_to_one_areas_contacts(setting, other_contact):
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:bulletin_new"),
                           bulletin_data(areas=[setting.area.pk]), follow=True)

    bulletin = Bulletin.objects.get()
    assert response.redirect_chain == [(bulletin.get_absolute_url(), 302)]
    content = text(response)
    assert "The bulletin is on the front page of 1 contact. E-mail sent to Lise Lokal." in content
    assert "The <strong>bus</strong> runs every hour." in content
    assert list(bulletin.recipients.all()) == [setting.contact.employee]
    assert OutgoingEmail.objects.get().to == [setting.contact.employee.email]


def test_a_bulletin_to_everyone_counts_every_contact(setting, other_contact):
    response = english_client(setting.coordinator).post(reverse("meetings:bulletin_new"),
                                                        bulletin_data(), follow=True)

    assert ("The bulletin is on the front page of 2 contacts. E-mail sent to Anders Anden and "
            "Lise Lokal.") in text(response)
    assert "Every contact – 2 recipients" in text(response)


def test_a_bulletin_names_who_got_no_email_and_the_coordinator_gets_one_copy(setting,
                                                                            other_contact):
    for name in ["Carl Nielsen", "Bo Holm"]:
        AssignmentFactory(area=LocalAreaFactory(name=f"Område {name}"),
                          employee=EmployeeFactory(name=name, email=""))

    response = english_client(setting.coordinator).post(reverse("meetings:bulletin_new"),
                                                        bulletin_data(), follow=True)

    assert ("The bulletin is on the front page of 4 contacts. E-mail sent to Anders Anden and "
            "Lise Lokal. No e-mail to Bo Holm and Carl Nielsen: no e-mail address. The "
            "coordinator got it instead.") in text(response)
    assert 'class="alert alert-warning"' in text(response)
    emails = list(OutgoingEmail.objects.order_by("pk"))
    assert [e.to for e in emails] == [[other_contact.employee.email],
                                      [setting.contact.employee.email],
                                      [setting.coordinator.employee.email]]
    assert emails[-1].body.startswith(site_text(
        "This e-mail was meant for people who cannot receive it: %(names)s.",
        names=f"Bo Holm ({site_text('no e-mail address')}); Carl Nielsen "
              f"({site_text('no e-mail address')})"))


def test_the_form_shows_how_many_each_audience_reaches(setting, other_contact):
    page = text(english_client(setting.coordinator).get(reverse("meetings:bulletin_new")))

    # Lise and Anders cover areas; with Kalle and Karin they are the four employees.
    assert "The local contacts – 2 people" in page
    assert "All staff – 4 employees" in page


def test_the_form_warns_of_employees_without_an_address_for_all_staff(setting):
    EmployeeFactory(name="Bo Holm", email="")

    page = text(english_client(setting.coordinator).get(reverse("meetings:bulletin_new")))

    assert "If you write to all staff, also" in page
    assert "Bo Holm has no e-mail address and gets no e-mail. The coordinator gets it instead." in (
        page)


def test_a_contact_without_an_address_is_named_once_not_again_for_all_staff(setting):
    AssignmentFactory(area=LocalAreaFactory(name="Snaptun"),
                      employee=EmployeeFactory(name="Carl Nielsen", email=""))

    page = text(english_client(setting.coordinator).get(reverse("meetings:bulletin_new")))

    assert page.count("Carl Nielsen has no e-mail address") == 1
    assert "If you write to all staff, also" not in page


def test_the_coordinator_sends_a_bulletin_to_all_staff_and_is_told_who_got_no_email(
        setting, other_contact):
    EmployeeFactory(name="Bo Holm", email="")

    response = english_client(setting.coordinator).post(
        reverse("meetings:bulletin_new"), bulletin_data(audience="staff"), follow=True)

    bulletin = Bulletin.objects.get()
    content = text(response)
    assert ("The bulletin is sent to 5 employees. E-mail sent to Anders Anden, Kalle Kollega, "
            "Karin Koordinator and Lise Lokal. No e-mail to Bo Holm: no e-mail address. The "
            "coordinator got it instead.") in content
    assert "All staff – 5 recipients" in content
    assert bulletin.audience == Bulletin.Audience.STAFF
    coordinator = setting.coordinator.employee.email
    assert sorted(e.to[0] for e in OutgoingEmail.objects.all()) == sorted([
        other_contact.employee.email, setting.colleague.employee.email, coordinator,
        setting.contact.employee.email, coordinator])


def test_a_bulletin_without_a_chosen_audience_goes_to_the_contacts(setting, other_contact):
    english_client(setting.coordinator).post(reverse("meetings:bulletin_new"), bulletin_data())

    bulletin = Bulletin.objects.get()
    assert bulletin.audience == Bulletin.Audience.CONTACTS
    assert bulletin.recipients.count() == 2


def test_local_areas_with_all_staff_are_refused_on_the_form(setting):
    response = english_client(setting.coordinator).post(
        reverse("meetings:bulletin_new"), bulletin_data(audience="staff", areas=[setting.area.pk]))

    assert response.status_code == 400
    assert "Local areas choose their contacts." in text(response)
    assert not Bulletin.objects.exists()


def test_a_bulletin_that_reaches_nobody_is_refused(setting):
    empty = CoreAreaFactory(name="Ingen kontakter")

    response = english_client(setting.coordinator).post(reverse("meetings:bulletin_new"),
                                                        bulletin_data(core_areas=[empty.pk]))

    assert response.status_code == 400
    assert "No active contact is in the chosen core areas or covers the chosen local areas." in (
        text(response))
    assert not Bulletin.objects.exists()


def test_only_the_coordinator_writes_bulletins(setting):
    client = english_client(setting.contact)

    page = client.get(reverse("meetings:bulletin_new"))
    response = client.post(reverse("meetings:bulletin_new"), bulletin_data())

    assert (page.status_code, response.status_code) == (403, 403)
    assert not Bulletin.objects.exists()


def test_the_bulletin_shows_on_the_recipients_my_areas_page_only(setting, other_contact):
    english_client(setting.coordinator).post(reverse("meetings:bulletin_new"),
                                             bulletin_data(areas=[setting.area.pk]))

    recipient = text(english_client(setting.contact).get(reverse("mine")))
    other = text(english_client(other_contact).get(reverse("mine")))

    assert "From the coordinator" in recipient and "New bus times" in recipient
    assert "From the coordinator" not in other and "New bus times" not in other


def send(setting, title, **recipients) -> Bulletin:
    return bulletin_send(actor=setting.coordinator, title=title, text="Tekst", **recipients)


def test_a_recipient_lists_and_reads_their_bulletins(setting, other_contact):
    mine = send(setting, "For Glud", areas=[setting.area])
    send(setting, "For Juelsminde", areas=[other_contact.employee.assignments.get().area])
    client = english_client(setting.contact)

    listing = text(client.get(reverse("meetings:bulletins")))
    page = client.get(mine.get_absolute_url())

    assert "For Glud" in listing and "For Juelsminde" not in listing
    assert page.status_code == 200
    assert "For Glud" in text(page)
    assert "Sent to" not in text(page)  # whom it went to is the coordinator's


def test_a_recipients_list_counts_every_recipient_not_only_them(setting, other_contact):
    send(setting, "For everyone")

    listing = english_client(setting.contact).get(reverse("meetings:bulletins"))

    row = listing.content.decode().split("For everyone</a>")[1].split("</tr>")[0]
    assert row.endswith("<td>2</td>")


def test_a_non_recipient_gets_404_for_anothers_bulletin(setting, other_contact):
    bulletin = send(setting, "For Glud", areas=[setting.area])

    response = english_client(other_contact).get(bulletin.get_absolute_url())

    assert response.status_code == 404


def test_the_coordinator_sees_every_bulletin_and_whom_it_went_to(setting, other_contact):
    bulletin = send(setting, "For Glud", areas=[setting.area])
    client = english_client(setting.coordinator)

    listing = text(client.get(reverse("meetings:bulletins")))
    page = text(client.get(bulletin.get_absolute_url()))

    assert "For Glud" in listing
    assert "Local areas: Glud" in page and "1 recipient" in page


# Local meetings


def local_data(area, **overrides) -> dict:
    return {"area": area.pk, "kind": "council", "held_on": in_days(-2).isoformat(),
            "note": "The hall needs a new roof.", **overrides}


def test_the_area_page_links_to_recording_a_local_meeting(setting):
    content = text(english_client(setting.contact).get(setting.area.get_absolute_url()))

    assert f'href="{reverse("meetings:local_new")}?omraade=glud">Record a local meeting</a>' in (
        content)


def test_a_colleague_who_does_not_cover_the_area_is_not_offered_to_record(setting):
    content = text(english_client(setting.colleague).get(setting.area.get_absolute_url()))

    assert "Local meetings attended" in content
    assert "Record a local meeting" not in content


def test_the_form_from_the_link_has_the_area_chosen(setting):
    response = english_client(setting.contact).get(reverse("meetings:local_new"),
                                                   {"omraade": setting.area.slug})

    assert response.status_code == 200
    assert f'<option value="{setting.area.pk}" selected>Glud</option>' in text(response)


def test_recording_a_local_meeting_shows_it_on_the_area_page(setting):
    response = english_client(setting.contact).post(reverse("meetings:local_new"),
                                                    local_data(setting.area), follow=True)

    assert response.redirect_chain == [(setting.area.get_absolute_url(), 302)]
    content = text(response)
    assert "The meeting is recorded." in content
    section = content[content.index("Local meetings attended"):]
    assert "Local council meeting" in section
    assert "– Lise Lokal" in section
    assert "The hall needs a new roof." in section
    assert LocalMeeting.objects.get().recorded_by == setting.contact.employee


def test_colleagues_see_the_local_meeting_and_visitors_do_not(setting):
    LocalMeeting.objects.create(area=setting.area, held_on=in_days(-2), note="Roof",
                                recorded_by=setting.contact.employee)

    staff = text(english_client(setting.colleague).get(setting.area.get_absolute_url()))
    visitor = english_client().get(setting.area.get_absolute_url())

    assert "Local meetings attended" in staff and "Roof" in staff
    assert visitor.status_code == 200
    assert "Local meetings attended" not in text(visitor) and "Roof" not in text(visitor)


def test_a_local_meeting_in_the_future_is_refused(setting):
    response = english_client(setting.contact).post(
        reverse("meetings:local_new"), local_data(setting.area, held_on=in_days(1).isoformat()))

    assert response.status_code == 400
    assert "Record a meeting once it has been held." in text(response)
    assert not LocalMeeting.objects.exists()


def test_a_contact_records_only_for_their_own_areas(setting, other_contact):
    juelsminde = other_contact.employee.assignments.get().area

    response = english_client(setting.contact).post(reverse("meetings:local_new"),
                                                    local_data(juelsminde))

    assert response.status_code == 400
    assert "Select a valid choice." in text(response)
    assert not LocalMeeting.objects.exists()


def test_an_employee_without_areas_may_not_record(setting):
    response = english_client(setting.colleague).get(reverse("meetings:local_new"))

    assert response.status_code == 403


@pytest.fixture
def local_meeting(setting):
    return LocalMeeting.objects.create(area=setting.area, held_on=in_days(-2), note="Roof",
                                       recorded_by=setting.contact.employee)


@pytest.mark.parametrize("who", ["contact", "coordinator"])
def test_the_recorder_and_the_coordinator_edit_a_local_meeting(setting, local_meeting, who):
    client = english_client(getattr(setting, who))
    assert "Edit" in text(client.get(setting.area.get_absolute_url()))

    response = client.post(reverse("meetings:local_edit", args=[local_meeting.pk]),
                           local_data(setting.area, kind="citizens", note="New roof agreed"),
                           follow=True)

    assert response.redirect_chain == [(setting.area.get_absolute_url(), 302)]
    assert "The meeting is saved." in text(response)
    assert "Citizens' meeting" in text(response)
    local_meeting.refresh_from_db()
    assert (local_meeting.kind, local_meeting.note) == ("citizens", "New roof agreed")


@pytest.mark.parametrize("who", ["contact", "coordinator"])
def test_the_recorder_and_the_coordinator_delete_a_local_meeting(setting, local_meeting, who):
    client = english_client(getattr(setting, who))
    edit_page = text(client.get(reverse("meetings:local_edit", args=[local_meeting.pk])))
    assert reverse("meetings:local_delete", args=[local_meeting.pk]) in edit_page

    response = client.post(reverse("meetings:local_delete", args=[local_meeting.pk]), follow=True)

    assert response.redirect_chain == [(setting.area.get_absolute_url(), 302)]
    assert "The meeting is deleted." in text(response)
    assert "No local meetings are recorded." in text(response)
    assert not LocalMeeting.objects.exists()


def test_another_contact_may_not_change_a_local_meeting(setting, local_meeting, other_contact):
    client = english_client(other_contact)

    page = client.get(setting.area.get_absolute_url())
    edit = client.post(reverse("meetings:local_edit", args=[local_meeting.pk]),
                       local_data(setting.area, note="Mine"))
    delete = client.post(reverse("meetings:local_delete", args=[local_meeting.pk]))

    assert "Roof" in text(page)
    assert reverse("meetings:local_edit", args=[local_meeting.pk]) not in text(page)
    assert (edit.status_code, delete.status_code) == (403, 403)
    local_meeting.refresh_from_db()
    assert local_meeting.note == "Roof"


def test_deleting_a_local_meeting_needs_a_post(setting, local_meeting):
    response = english_client(setting.contact).get(reverse("meetings:local_delete",
                                                           args=[local_meeting.pk]))

    assert response.status_code == 405
    assert LocalMeeting.objects.exists()


# The calendar page and the feed


def feed_path(client) -> str:
    """The private address the calendar page shows, as a path on this site."""
    content = text(client.get(reverse("meetings:calendar")))
    start = content.index('id="feed-url" type="text" readonly value="') + len(
        'id="feed-url" type="text" readonly value="')
    return urlsplit(content[start:content.index('"', start)]).path


def test_the_calendar_page_gives_a_private_address(setting):
    response = english_client(setting.contact).get(reverse("meetings:calendar"))

    assert response.status_code == 200
    feed = CalendarFeed.objects.get(user=setting.contact)
    assert f"/moeder/kalender/{feed.pk}/" in text(response)
    assert "Your private calendar address" in text(response)


def test_the_feed_is_a_calendar_anyone_with_the_address_can_read(setting):
    meeting = MeetingFactory(title="Coordination meeting", starts_at=at(in_days(20), 14))
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    MeetingFactory(title="Not invited")
    inquiry = InquiryFactory(area=setting.area, assignee=setting.contact.employee,
                             answer_due=in_days(5))
    path = feed_path(english_client(setting.contact))

    response = Client().get(path)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    by_uid = {str(event["uid"]): event for event in events}
    assert set(by_uid) == {meeting.uid, f"inquiry-{inquiry.pk}@lokalkontakt"}
    assert by_uid[meeting.uid].decoded("dtstart") == at(in_days(20), 14)
    assert by_uid[f"inquiry-{inquiry.pk}@lokalkontakt"].decoded("dtstart") == in_days(5)


def test_a_wrong_token_is_not_found(setting):
    path = feed_path(english_client(setting.contact))

    response = Client().get(path.replace(".ics", "0.ics"))

    assert response.status_code == 404


def test_a_new_address_ends_the_old_one(setting):
    client = english_client(setting.contact)
    old = feed_path(client)

    response = client.post(reverse("meetings:calendar"), follow=True)

    assert "You have a new calendar address. The old one no longer works." in text(response)
    new = feed_path(client)
    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200


def test_an_inactive_employees_feed_is_not_found(setting):
    path = feed_path(english_client(setting.contact))
    setting.contact.employee.is_active = False
    setting.contact.employee.save()

    assert Client().get(path).status_code == 404


# The new lines of "Mine områder"


def test_my_areas_shows_the_next_meeting_with_a_propose_link(setting):
    meeting = MeetingFactory(starts_at=at(in_days(20), 14))
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    AttendanceFactory(meeting=MeetingFactory(starts_at=at(in_days(80), 14)),
                      employee=setting.contact.employee)

    content = text(english_client(setting.contact).get(reverse("mine")))

    assert f'Next coordination meeting: <a href="{meeting.get_absolute_url()}">' in content
    assert f'<a href="{reverse("meetings:propose", args=[meeting.pk])}">propose an item</a>' in (
        content)


def test_my_areas_offers_no_propose_link_after_the_cut_off(setting):
    meeting = MeetingFactory(starts_at=at(in_days(3), 14), proposal_deadline=in_days(-1))
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)

    content = text(english_client(setting.contact).get(reverse("mine")))

    assert "Next coordination meeting:" in content
    assert "propose an item" not in content


def test_my_areas_skips_a_cancelled_meeting(setting):
    cancelled = MeetingFactory(starts_at=at(in_days(10), 14), status="cancelled")
    meeting = MeetingFactory(starts_at=at(in_days(70), 14))
    for each in (cancelled, meeting):
        AttendanceFactory(meeting=each, employee=setting.contact.employee)

    content = text(english_client(setting.contact).get(reverse("mine")))

    assert f'Next coordination meeting: <a href="{meeting.get_absolute_url()}">' in content


def test_my_areas_counts_my_open_action_items(setting):
    ActionItemFactory.create_batch(2, owner=setting.contact.employee)
    ActionItemFactory(owner=setting.contact.employee, status="done")
    ActionItemFactory(owner=setting.colleague.employee)

    content = text(english_client(setting.contact).get(reverse("mine")))

    assert f'<a href="{reverse("meetings:actions")}">2 open action items</a>' in content


def test_my_areas_links_to_recording_a_local_meeting_in_each_area(setting):
    content = text(english_client(setting.contact).get(reverse("mine")))

    assert "Record a local meeting in Glud" in content


# In English


def test_the_bulletin_calendar_and_local_meeting_pages_are_in_english(setting, local_meeting):
    bulletin = send(setting, "New bus times", areas=[setting.area])
    meeting = MeetingFactory(title="Coordination meeting", location="Town hall")
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    contact, coordinator = english_client(setting.contact), english_client(setting.coordinator)
    pages = [
        (coordinator, reverse("meetings:bulletins"), ["Bulletins", "Write a bulletin", "Sent",
                                                      "Recipients"]),
        (coordinator, bulletin.get_absolute_url(), ["Sent to", "Local areas"]),
        (coordinator, reverse("meetings:bulletin_new"), [
            "Write a bulletin", "Only those in these core areas", "All staff",
            "Only the contacts of these local areas", "Send the bulletin"]),
        (contact, reverse("meetings:local_new"), ["Record a local meeting", "Kind",
                                                  "Local council meeting", "Note"]),
        (contact, reverse("meetings:local_edit", args=[local_meeting.pk]), [
            "Edit the local meeting", "Delete the meeting"]),
        (contact, reverse("meetings:calendar"), ["My calendar", "Your private calendar address",
                                                 "Make a new address"]),
        (contact, reverse("mine"), ["Next coordination meeting:", "propose an item",
                                    "From the coordinator", "All bulletins"]),
        (contact, setting.area.get_absolute_url(), ["Local meetings attended",
                                                    "Record a local meeting"]),
    ]
    for client, url, english in pages:
        content = english_page(client, url)
        assert [msgid for msgid in english if msgid not in content] == [], url
        assert danish_left(content, english) == [], url


def test_a_bulletins_links_keep_their_address_in_the_e_mail(setting):
    bulletin_send(actor=setting.coordinator, title="Puljen",
                  text="Læs [vejledningen](https://hedensted.dk/pulje) før du søger.")

    [mail] = OutgoingEmail.objects.filter(to=[setting.contact.employee.email])
    assert "Læs vejledningen (https://hedensted.dk/pulje) før du søger." in mail.body


def test_the_calendar_page_of_an_account_without_an_employee_offers_no_address(db, settings):
    user = UserFactory(username="superbruger", is_superuser=True)

    page = english_client(user).get(reverse("meetings:calendar"))

    assert page.status_code == 200
    assert "is not tied to an employee" in page.content.decode()
    assert "/moeder/kalender/" not in page.content.decode().split("<main", 1)[1].replace(
        'href="/moeder/kalender/"', "")
    assert not CalendarFeed.objects.exists()
