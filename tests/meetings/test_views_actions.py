# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Action items in the browser: "My action items" and its filters, an action item's page with its
history and the owner's update, and recording a new one from the meeting page."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.meetings.models import ActionItem
from lokalkontakt.meetings.services.actions import action_create, action_update
from tests.meetings.conftest import english_client
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory
from tests.meetings.test_views import danish_left, english_page
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

Status = ActionItem.Status


def text(response) -> str:
    return html.unescape(response.content.decode())


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


# My action items


def test_my_action_items_are_only_mine(setting):
    ActionItemFactory(owner=setting.contact.employee, title="Book the village hall")
    ActionItemFactory(owner=setting.colleague.employee, title="Ask the school")

    response = english_client(setting.contact).get(reverse("meetings:actions"))

    assert response.status_code == 200
    content = text(response)
    assert "<h1 id=\"actions-heading\">My action items</h1>" in content
    assert "1 action item" in content
    assert "Book the village hall" in content
    assert "Ask the school" not in content


def test_the_coordinator_can_choose_everyones(setting):
    ActionItemFactory(owner=setting.contact.employee, title="Book the village hall")
    ActionItemFactory(owner=setting.colleague.employee, title="Ask the school")

    response = english_client(setting.coordinator).get(reverse("meetings:actions"),
                                                       {"scope": "all"})

    content = text(response)
    assert "<h1 id=\"actions-heading\">Action items</h1>" in content
    assert "2 action items" in content
    assert "Book the village hall" in content and "Ask the school" in content
    assert "Lise Lokal" in content and "Kalle Kollega" in content


def test_a_contact_is_not_offered_everyones_and_asking_shows_their_own(setting):
    ActionItemFactory(owner=setting.contact.employee, title="Book the village hall")
    ActionItemFactory(owner=setting.colleague.employee, title="Ask the school")

    content = text(english_client(setting.contact).get(reverse("meetings:actions"),
                                                       {"scope": "all"}))

    assert 'name="scope"' not in content and "Everyone's" not in content
    assert "Book the village hall" in content
    assert "Ask the school" not in content


@pytest.mark.parametrize(("status", "shown"), [
    ("", {"Open one", "Started one"}),
    ("open", {"Open one", "Started one"}),
    ("closed", {"Done one", "Dropped one"}),
    ("all", {"Open one", "Started one", "Done one", "Dropped one"}),
])
def test_the_status_filter(setting, status, shown):
    for title, state in [("Open one", Status.OPEN), ("Started one", Status.IN_PROGRESS),
                         ("Done one", Status.DONE), ("Dropped one", Status.DROPPED)]:
        ActionItemFactory(owner=setting.contact.employee, title=title, status=state)

    content = text(english_client(setting.contact).get(reverse("meetings:actions"),
                                                       {"status": status}))

    listed = {title for title in ["Open one", "Started one", "Done one", "Dropped one"]
              if f">{title}</a>" in content}
    assert listed == shown


def test_a_bad_filter_value_shows_the_open_items_and_says_why(setting):
    ActionItemFactory(owner=setting.contact.employee, title="Open one")
    ActionItemFactory(owner=setting.contact.employee, title="Done one", status=Status.DONE)

    response = english_client(setting.contact).get(reverse("meetings:actions"),
                                                   {"status": "finished", "side": "x"})

    assert response.status_code == 200
    content = text(response)
    assert "Select a valid choice. finished is not one of the available choices." in content
    assert ">Open one</a>" in content
    assert ">Done one</a>" not in content


def test_an_overdue_action_item_is_marked(setting):
    ActionItemFactory(owner=setting.contact.employee, title="Late one", due_on=in_days(-1))

    content = text(english_client(setting.contact).get(reverse("meetings:actions")))

    assert "Overdue" in content


# An action item's page


@pytest.fixture
def action(setting):
    """An action item the coordinator gave the contact at a held meeting."""
    meeting = MeetingFactory(held=True)
    return action_create(meeting=meeting, actor=setting.coordinator, title="Book the village hall",
                         owner=setting.contact.employee, due_on=in_days(10),
                         description="For the spring market.")


def test_the_action_items_page_shows_its_history(setting, action):
    action_update(action=action, actor=setting.contact, status=Status.IN_PROGRESS,
                  note="Called the caretaker")

    response = english_client(setting.colleague).get(action.get_absolute_url())

    assert response.status_code == 200
    content = text(response)
    assert "For the spring market." in content
    history = content[content.index("History"):]
    assert history.index("Lise Lokal") < history.index("Karin Koordinator")  # newest first
    assert "<td>In progress</td>" in history and "<td>Open</td>" in history
    assert "Called the caretaker" in history


def test_the_owner_updates_the_status(setting, action):
    client = english_client(setting.contact)
    assert "Update the action item" in text(client.get(action.get_absolute_url()))

    response = client.post(action.get_absolute_url(), {"status": "done", "note": "Booked."},
                           follow=True)

    assert response.redirect_chain == [(action.get_absolute_url(), 302)]
    content = text(response)
    assert "The action item is saved." in content
    assert "Done: Booked." in content
    action.refresh_from_db()
    assert action.status == Status.DONE
    assert action.closed_at is not None


def test_dropping_without_a_reason_is_refused(setting, action):
    response = english_client(setting.contact).post(action.get_absolute_url(),
                                                    {"status": "dropped", "note": "  "})

    assert response.status_code == 400
    assert "Give the reason for dropping the action item." in text(response)
    action.refresh_from_db()
    assert action.status == Status.OPEN


def test_dropping_with_a_reason_closes_it(setting, action):
    english_client(setting.contact).post(action.get_absolute_url(),
                                         {"status": "dropped", "note": "The hall is gone."})

    action.refresh_from_db()
    assert (action.status, action.status_note) == (Status.DROPPED, "The hall is gone.")


def test_the_owner_cannot_move_the_due_date(setting, action):
    content = text(english_client(setting.contact).get(action.get_absolute_url()))
    assert 'name="due_on"' not in content and 'name="owner"' not in content

    english_client(setting.contact).post(action.get_absolute_url(), {
        "status": "open", "note": "", "due_on": in_days(60).isoformat(),
        "owner": setting.colleague.employee.pk})

    action.refresh_from_db()
    assert (action.due_on, action.owner) == (in_days(10), setting.contact.employee)


def test_the_coordinator_gives_the_item_to_another_owner(setting, action):
    response = english_client(setting.coordinator).post(action.get_absolute_url(), {
        "status": "open", "note": "", "due_on": in_days(20).isoformat(),
        "owner": setting.colleague.employee.pk})

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.due_on, action.owner) == (in_days(20), setting.colleague.employee)
    assert OutgoingEmail.objects.filter(to=[setting.colleague.employee.email]).count() == 1


def test_a_colleague_sees_the_page_but_may_not_change_it(setting, action):
    client = english_client(setting.colleague)

    page = client.get(action.get_absolute_url())
    response = client.post(action.get_absolute_url(), {"status": "done", "note": "Mine now"})

    assert page.status_code == 200
    assert "Book the village hall" in text(page)
    assert "Update the action item" not in text(page)
    assert "<form method=\"post\" novalidate>" not in text(page)
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.status == Status.OPEN


def test_an_unknown_action_item_is_not_found(setting):
    response = english_client(setting.contact).get(reverse("meetings:action", args=[999]))

    assert response.status_code == 404


# A new action item from the meeting page


def test_the_owner_list_holds_the_active_employees(setting):
    meeting = MeetingFactory(held=True)
    EmployeeFactory(name="Olga Old", is_active=False)

    response = english_client(setting.coordinator).get(reverse("meetings:action_new",
                                                               args=[meeting.pk]))

    assert response.status_code == 200
    content = text(response)
    for name in ["Karin Koordinator", "Kalle Kollega", "Lise Lokal"]:
        assert f">{name} (" in content  # and the core area
    assert "Olga Old" not in content


def test_the_agenda_item_of_the_link_is_preselected(setting):
    meeting = MeetingFactory(held=True)
    AgendaItemFactory(meeting=meeting, title="The roads")
    item = AgendaItemFactory(meeting=meeting, title="The hall")
    meeting_page = text(english_client(setting.coordinator).get(meeting.get_absolute_url()))
    assert f"{reverse('meetings:action_new', args=[meeting.pk])}?punkt={item.pk}" in meeting_page

    response = english_client(setting.coordinator).get(
        reverse("meetings:action_new", args=[meeting.pk]), {"punkt": item.pk})

    assert f'<option value="{item.pk}" selected>The hall</option>' in text(response)


def test_recording_an_action_item_at_the_meeting(setting):
    meeting = MeetingFactory(held=True)
    item = AgendaItemFactory(meeting=meeting, title="The hall")
    client = english_client(setting.coordinator)

    response = client.post(reverse("meetings:action_new", args=[meeting.pk]), {
        "title": "Book the village hall", "description": "", "owner": setting.contact.employee.pk,
        "due_on": in_days(14).isoformat(), "agenda_item": item.pk}, follow=True)

    assert response.redirect_chain == [(meeting.get_absolute_url(), 302)]
    content = text(response)
    assert "The action item is saved. E-mail sent to Lise Lokal." in content
    decided = content[content.index("Action items decided at this meeting"):]
    assert "Book the village hall" in decided and "Lise Lokal" in decided
    action = ActionItem.objects.get()
    assert (action.meeting, action.agenda_item, action.owner) == (
        meeting, item, setting.contact.employee)
    assert OutgoingEmail.objects.get().to == [setting.contact.employee.email]


def test_an_agenda_item_of_another_meeting_is_refused(setting):
    meeting = MeetingFactory(held=True)
    other = AgendaItemFactory(meeting=MeetingFactory())

    response = english_client(setting.coordinator).post(
        reverse("meetings:action_new", args=[meeting.pk]), {
            "title": "Book the village hall", "owner": setting.contact.employee.pk,
            "due_on": in_days(14).isoformat(), "agenda_item": other.pk})

    assert response.status_code == 400
    assert "Select a valid choice. That choice is not one of the available choices." in text(
        response)
    assert not ActionItem.objects.exists()


def test_a_contact_may_not_record_an_action_item(setting):
    meeting = MeetingFactory(held=True)

    response = english_client(setting.contact).post(
        reverse("meetings:action_new", args=[meeting.pk]), {
            "title": "Mine", "owner": setting.contact.employee.pk,
            "due_on": in_days(14).isoformat()})

    assert response.status_code == 403
    assert not ActionItem.objects.exists()


# In English


def test_the_action_item_pages_are_in_english(setting, action):
    action.meeting.title, action.meeting.location = "Coordination meeting", "Town hall"
    action.meeting.save()
    client = english_client(setting.coordinator)
    pages = {
        reverse("meetings:actions") + "?scope=all&status=all": [
            "Action items", "Whose", "Everyone's", "Open and in progress", "Done and dropped",
            "Owner", "Due", "Decided at", "Show"],
        action.get_absolute_url(): ["Update the action item", "History", "Comment", "Saved",
                                    "Required when you drop the action item: give the reason."],
        reverse("meetings:action_new", args=[action.meeting_id]): [
            "New action item", "Agenda item", "Not tied to an item", "Save the action item"],
    }
    for url, english in pages.items():
        content = english_page(client, url)
        assert [msgid for msgid in english if msgid not in content] == [], url
        assert danish_left(content, english) == [], url
