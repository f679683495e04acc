# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meetings' pages kept in the cache (meetings.kept): every kind of change of what they read
shows on the next request, the same as the page drawn with an empty cache; a meeting passing
into the past and the day changing show without any write; readers never get each other's copy."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import FocusArea
from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.services import note_delete
from lokalkontakt.meetings.models import ActionItem, AgendaItem, Attendance, Meeting
from lokalkontakt.meetings.services.actions import action_update
from lokalkontakt.meetings.services.agenda import agenda_arrange, item_propose, item_update
from lokalkontakt.meetings.services.attendance import attendance_respond
from lokalkontakt.meetings.services.series import meeting_update
from tests.kept_pages import drawn, unkept
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


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def world(setting):
    """A coming meeting with an accepted item, one proposed by the contact and an action item
    decided at an earlier meeting (on the follow-up), the contact invited."""
    earlier = MeetingFactory(held=True, title="Forrige møde")
    meeting = MeetingFactory(starts_at=at(days(20)), ends_at=at(days(20), 16))
    contact = setting.contact.employee
    accepted = AgendaItemFactory(meeting=meeting, title="Veje", area=setting.area)
    proposed = AgendaItemFactory(meeting=meeting, title="Bænke", proposed_by=contact,
                                 status=AgendaItem.Status.PROPOSED)
    action = ActionItemFactory(meeting=earlier, title="Skriv til vejafdelingen", owner=contact,
                               due_on=days(5))
    AttendanceFactory(meeting=meeting, employee=contact)
    return {"meeting": meeting, "accepted": accepted, "proposed": proposed, "action": action,
            "setting": setting, "earlier": earlier}


def _item_added(w):
    item_propose(meeting=w["meeting"], actor=w["setting"].coordinator, title="Ny sti")


def _item_edited(w):
    item_update(item=w["accepted"], actor=w["setting"].coordinator, title="Veje og stier",
                focus_areas=FocusArea.objects.order_by("number")[:1])


def _item_deleted(w):
    w["accepted"].delete()


def _item_moved(w):
    agenda_arrange(meeting=w["meeting"], actor=w["setting"].coordinator, changes={
        w["accepted"].pk: (5, "accepted"), w["proposed"].pk: (1, "accepted")})


def _minutes(w):
    item = w["accepted"]
    item.decisions = "Vi skriver til vejafdelingen."
    item.save()


def _answered(w):
    attendance_respond(meeting=w["meeting"], actor=w["setting"].contact, attending=False)


def _invited(w):
    AttendanceFactory(meeting=w["meeting"], employee=EmployeeFactory(name="Ny Deltager"))


def _uninvited(w):
    Attendance.objects.get(meeting=w["meeting"]).delete()


def _action_done(w):
    action_update(action=w["action"], actor=w["setting"].coordinator, status="done",
                  note="Sendt.")


def _action_added(w):
    ActionItemFactory(meeting=w["meeting"], title="Ring til lokalrådet",
                      owner=w["setting"].contact.employee, due_on=days(3))


def _owner_renamed(w):
    owner = w["setting"].contact.employee
    owner.name = "Omdøbt Kontakt"
    owner.save()


def _moved(w):
    meeting = w["meeting"]
    meeting_update(meeting=meeting, actor=w["setting"].coordinator, title="Flyttet møde",
                   starts_at=at(days(21), 10), ends_at=at(days(21), 12),
                   location=meeting.location)


def _area_renamed(w):
    area = w["setting"].area
    area.name = "Glud By"
    area.save()


CHANGES = [_item_added, _item_edited, _item_deleted, _item_moved, _minutes, _answered, _invited,
           _uninvited, _action_done, _action_added, _owner_renamed, _moved, _area_renamed]


def paths(w) -> list[str]:
    meeting = w["meeting"].get_absolute_url()
    return [meeting, f"{meeting}?side=1&deltagere=1", reverse("meetings:list"),
            reverse("meetings:actions") + "?scope=all", reverse("meetings:actions")]


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__.strip("_") for c in CHANGES])
@pytest.mark.parametrize("reader", ["coordinator", "contact"])
def test_each_change_shows_on_the_next_request_as_drawn_afresh(world, change, reader):
    client = english_client(getattr(world["setting"], reader))
    before = {path: drawn(client, path) for path in paths(world)}
    assert {path: drawn(client, path) for path in before} == before  # kept

    change(world)

    after = {path: drawn(client, path) for path in before}
    assert after == {path: unkept(client, path) for path in before}
    assert after != before


def test_a_meeting_passing_into_the_past_shows_without_any_write(world):
    """Whether the meeting is to come is worked out from the clock on every request. Its
    passing is played by moving it into the past with a plain UPDATE, which no updated_at and no
    history row sees, as the clock sees none."""
    client = english_client(world["setting"].coordinator)
    path = world["meeting"].get_absolute_url()
    before = drawn(client, path)
    assert "Overdue inquiries" in before and "Send the agenda" in before

    now = timezone.now()
    Meeting.objects.filter(pk=world["meeting"].pk).update(
        starts_at=now - datetime.timedelta(hours=3), ends_at=now - datetime.timedelta(hours=1))

    after = drawn(client, path)
    assert "Overdue inquiries" not in after and "Send the minutes" in after
    assert after == unkept(client, path)


def test_the_kept_pages_follow_the_day(world, monkeypatch):
    """The action item due today is overdue tomorrow; a meeting of today is among the coming
    ones until the day is over, among the held ones tomorrow."""
    ActionItem.objects.filter(pk=world["action"].pk).update(due_on=days(0))
    MeetingFactory(title="Dagens møde", starts_at=timezone.now() - datetime.timedelta(minutes=5),
                   ends_at=timezone.now() + datetime.timedelta(hours=1))
    client = english_client(world["setting"].coordinator)
    actions, meetings = reverse("meetings:actions") + "?scope=all", reverse("meetings:list")
    before = {path: drawn(client, path) for path in (actions, meetings)}
    assert "Overdue" not in before[actions]
    coming = before[meetings].split('id="past-heading"')[0]
    assert "Dagens møde" in coming

    real, tomorrow = timezone.localdate, days(1)
    monkeypatch.setattr(timezone, "localdate", lambda value=None, zone=None: (
        tomorrow if value is None else real(value, zone)))

    after = {path: drawn(client, path) for path in before}
    assert "Overdue" in after[actions]
    assert "Dagens møde" in after[meetings].split('id="past-heading"')[1]
    assert after == {path: unkept(client, path) for path in before}


def test_readers_never_get_each_others_copy(world, colleague):
    """The proposer's own item has its edit link for them alone; the coordinator's copy offers
    minutes and action items; each reader's own invitation and action items are their own."""
    setting, path = world["setting"], world["meeting"].get_absolute_url()
    clients = {"coordinator": english_client(setting.coordinator),
               "contact": english_client(setting.contact),
               "colleague": english_client(colleague)}
    # each reader draws the page in turn, the others' copies kept
    pages = {name: drawn(client, path) for name, client in clients.items()}
    lists = {name: drawn(client, reverse("meetings:actions")) for name, client in clients.items()}

    assert pages["contact"].count("/ret/\">Edit") == 1
    assert "/ret/\">Edit" not in pages["colleague"]
    assert pages["coordinator"].count("/ret/\">Edit") == 2
    assert "Minutes <span" in pages["coordinator"] and "Minutes <span" not in pages["colleague"]
    assert "Send apologies" in pages["contact"] and "Send apologies" not in pages["colleague"]
    assert "Skriv til vejafdelingen" in lists["contact"]
    assert "Skriv til vejafdelingen" not in lists["colleague"]
    for name, client in clients.items():
        assert pages[name] == unkept(client, path)
        assert lists[name] == unkept(client, reverse("meetings:actions"))


def test_a_deleted_knowledge_note_is_no_longer_linked(world):
    """Deleting a note empties the item's link to it by an UPDATE (on_delete=SET_NULL), which
    neither the item's updated_at nor its history sees: the kept page must not link to it."""
    setting, item = world["setting"], world["accepted"]
    note = Note.objects.create(area=setting.area, title="Erfaringer", text="Godt møde",
                               kind=Note.Kind.values[0], author=setting.contact.employee)
    item.note, item.experiences = note, "Det virkede"
    item.save()
    client = english_client(setting.coordinator)
    path = world["meeting"].get_absolute_url()
    link = note.get_absolute_url()
    assert link in drawn(client, path)

    note_delete(note=note, actor=setting.coordinator)

    after = drawn(client, path)
    assert link not in after
    assert after == unkept(client, path)
