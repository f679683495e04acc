# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Coordination meetings tell the coordinator who got the e-mail and who did not (issue 17, item
3): a warning on the meeting's page and the cancel form, the message after, and the coordinator
gets the copy meant for a participant without an address. English pages."""

import html
import re

import pytest
from django.urls import reverse

from lokalkontakt.core.models import OutgoingEmail
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.conftest import site_text
from tests.meetings.conftest import english_client
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttendanceFactory,
    MeetingFactory,
)
from tests.meetings.test_views_actions import in_days
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

WARNING = ("Carl Nielsen has no e-mail address and gets no e-mail. The coordinator gets it "
           "instead.")


def text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def meeting(setting):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, title="The hall")
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)
    return meeting


@pytest.fixture
def carl(meeting):
    carl = EmployeeFactory(name="Carl Nielsen", email="")
    AttendanceFactory(meeting=meeting, employee=carl)
    return carl


def test_the_meeting_page_warns_the_coordinator_of_a_participant_without_an_address(
        setting, meeting, carl):
    page = text(english_client(setting.coordinator).get(meeting.get_absolute_url()))

    assert WARNING in page


def test_the_meeting_page_has_no_warning_when_everyone_has_an_address(setting, meeting):
    page = text(english_client(setting.coordinator).get(meeting.get_absolute_url()))

    assert "Not everyone can get the e-mail" not in page


def test_a_contact_sees_no_warning(setting, meeting, carl):
    page = text(english_client(setting.contact).get(meeting.get_absolute_url()))

    assert "Carl Nielsen has no e-mail address" not in page


def test_the_agenda_names_who_got_no_email_and_the_coordinator_gets_their_copy(
        setting, meeting, carl):
    response = english_client(setting.coordinator).post(
        reverse("meetings:publish_agenda", args=[meeting.pk]), follow=True)

    assert ("The agenda is sent. E-mail sent to Lise Lokal. No e-mail to Carl Nielsen: no e-mail "
            "address. The coordinator got it instead.") in text(response)
    copy = OutgoingEmail.objects.get(to=[setting.coordinator.employee.email])
    assert copy.body.startswith(site_text(
        "This e-mail was meant for %(name)s, who cannot receive it (%(reason)s).",
        name="Carl Nielsen", reason=site_text("no e-mail address")))
    assert "The hall" in copy.body
    assert OutgoingEmail.objects.count() == 2


def test_an_inactive_participant_is_named_but_nobody_gets_their_copy(setting, meeting):
    AttendanceFactory(meeting=meeting, employee=EmployeeFactory(name="Ib Inaktiv",
                                                                is_active=False))

    response = english_client(setting.coordinator).post(
        reverse("meetings:publish_agenda", args=[meeting.pk]), follow=True)

    assert ("The agenda is sent. E-mail sent to Lise Lokal. No e-mail to Ib Inaktiv: no longer "
            "active.") in text(response)
    assert OutgoingEmail.objects.count() == 1


def test_cancelling_warns_and_names_who_was_told(setting, meeting, carl):
    client = english_client(setting.coordinator)
    url = reverse("meetings:cancel", args=[meeting.pk])

    form = text(client.get(url))
    response = client.post(url, {"reason": "Too few can come."}, follow=True)

    assert WARNING in form
    assert ("The meeting is cancelled. E-mail sent to Lise Lokal. No e-mail to Carl Nielsen: no "
            "e-mail address. The coordinator got it instead.") in text(response)
    assert sorted(m.to[0] for m in OutgoingEmail.objects.all()) == sorted([
        setting.contact.employee.email, setting.coordinator.employee.email])


def test_an_action_items_owner_without_an_address_is_named(setting, carl):
    meeting = MeetingFactory(held=True)

    response = english_client(setting.coordinator).post(
        reverse("meetings:action_new", args=[meeting.pk]), {
            "title": "Book the village hall", "description": "", "owner": carl.pk,
            "due_on": in_days(14).isoformat()}, follow=True)

    assert ("The action item is saved. No e-mail to Carl Nielsen: no e-mail address."
            in text(response))
    assert "got it instead" not in text(response)  # the coordinator set the owner: no copy
    assert list(OutgoingEmail.objects.values_list("to", "subject")) == []


def test_giving_an_action_item_to_an_owner_without_an_address_names_them(setting, carl):
    action = ActionItemFactory(owner=setting.contact.employee)

    response = english_client(setting.coordinator).post(action.get_absolute_url(), {
        "status": "open", "note": "", "due_on": in_days(20).isoformat(), "owner": carl.pk},
        follow=True)

    assert ("The action item is saved. No e-mail to Carl Nielsen: no e-mail address."
            in text(response))
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize("url", ["meetings:series_new", "meetings:bulletin_new"])
def test_the_series_and_bulletin_forms_warn_of_contacts_without_an_address(setting, url):
    AssignmentFactory(area=LocalAreaFactory(name="Snaptun"),
                      employee=EmployeeFactory(name="Carl Nielsen", email=""))

    page = text(english_client(setting.coordinator).get(reverse(url)))

    assert WARNING in page
    assert "Lise Lokal has no e-mail address" not in page
