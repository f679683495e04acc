# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A long meeting pages its lists instead of drawing every row: the agenda, the proposals, the
participants on the meeting's page, and the items on the arrange page. Each page's links lead to
the rest as plain links (no JavaScript), and the lists page apart."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from lokalkontakt.meetings.models import ActionItem, AgendaItem, Attendance
from lokalkontakt.people.models import Employee
from tests.meetings.conftest import english_client
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

Status = AgendaItem.Status


def items(meeting, count: int, status=Status.ACCEPTED, title="Punkt") -> list[AgendaItem]:
    return AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, title=f"{title} {n:02d}", position=n, status=status)
        for n in range(1, count + 1))


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def link(content: str, name: str) -> str:
    """The address of the link named `name` (the first one)."""
    return html.unescape(re.search(rf'href="([^"]*)">{re.escape(name)}</a>', content).group(1))


def titles(content: str, prefix: str) -> list[str]:
    return re.findall(rf"<h3>({prefix} \d\d)</h3>", content)


def test_a_long_agenda_shows_thirty_items_and_the_next_page_the_rest_with_the_follow_up(setting):
    meeting = MeetingFactory()
    items(meeting, 35)
    client = english_client(setting.contact)

    first = page(client, meeting.get_absolute_url())

    assert titles(first, "Punkt") == [f"Punkt {n:02d}" for n in range(1, 31)]
    assert "<h3>Follow-up</h3>" not in first
    assert "1–30 of 35 are shown." in first and "Page 1 of 2" in first
    follow_up = link(first, "The follow-up comes after the last item")
    assert follow_up == link(first, "Next") == "?side=2#agenda-heading"

    second = page(client, meeting.get_absolute_url() + follow_up.split("#")[0])

    assert titles(second, "Punkt") == [f"Punkt {n:02d}" for n in range(31, 36)]
    assert '<ol class="agenda" start="31">' in second
    assert second.index("Punkt 35") < second.index("<h3>Follow-up</h3>")
    assert link(second, "Previous") == "?side=1#agenda-heading"


def test_the_proposals_page_apart_from_the_agenda(setting):
    meeting = MeetingFactory()
    items(meeting, 3)
    items(meeting, 25, status=Status.PROPOSED, title="Forslag")
    client = english_client(setting.contact)

    first = page(client, meeting.get_absolute_url())
    assert titles(first, "Forslag") == [f"Forslag {n:02d}" for n in range(1, 21)]
    assert "1–20 of 25 are shown." in first
    following = link(first, "Next")
    assert following == "?forslag=2#proposed-heading"

    second = page(client, meeting.get_absolute_url() + following.split("#")[0])

    assert titles(second, "Forslag") == [f"Forslag {n:02d}" for n in range(21, 26)]
    assert titles(second, "Punkt") == ["Punkt 01", "Punkt 02", "Punkt 03"]
    assert "<h3>Follow-up</h3>" in second


def test_many_participants_are_counted_and_paged(setting):
    meeting = MeetingFactory()
    people = Employee.objects.bulk_create(
        Employee(name=f"Deltager {n:02d}", sort_name=f"deltager {n:02d}", email=f"d{n}@example.dk")
        for n in range(60))
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, employee=person,
                   status=Attendance.Status.EXCUSED if n < 4 else Attendance.Status.INVITED)
        for n, person in enumerate(people))
    client = english_client(setting.contact)

    first = page(client, meeting.get_absolute_url())

    assert "Invited: <strong>56</strong>" in first
    assert "Sent apologies: <strong>4</strong>" in first
    assert "<td>Deltager 49</td>" in first and "Deltager 50" not in first
    following = link(first, "Next")
    assert following == "?deltagere=2#attendance-heading"
    second = page(client, meeting.get_absolute_url() + "?deltagere=2")
    assert "<td>Deltager 50</td><td>Invited</td>" in second and "Deltager 49" not in second


def test_a_page_past_the_end_or_not_a_number_shows_a_page_that_exists(setting):
    meeting = MeetingFactory()
    items(meeting, 35)
    client = english_client(setting.contact)

    assert titles(page(client, meeting.get_absolute_url() + "?side=99"), "Punkt")[0] == "Punkt 31"
    assert titles(page(client, meeting.get_absolute_url() + "?side=x"), "Punkt")[0] == "Punkt 01"


def test_the_arrange_page_shows_a_page_of_items_and_saves_the_page_it_was_sent_from(setting):
    meeting = MeetingFactory()
    proposals = items(meeting, 35, status=Status.PROPOSED)
    client = english_client(setting.coordinator)
    url = reverse("meetings:arrange", args=[meeting.pk])

    first = page(client, url)
    assert first.count('name="status_') == 30
    assert "Items 1–30 of 35." in first
    second = page(client, url + "?side=2")
    assert [int(pk) for pk in re.findall(r'name="status_(\d+)"', second)] == [
        item.pk for item in proposals[30:]]

    response = client.post(url + "?side=2", {
        **{f"position_{item.pk}": item.position for item in proposals[30:]},
        **{f"status_{item.pk}": "accepted" for item in proposals[30:]}})

    assert response.status_code == 302
    accepted = AgendaItem.objects.filter(meeting=meeting, status=Status.ACCEPTED)
    assert sorted(accepted.values_list("pk", flat=True)) == [item.pk for item in proposals[30:]]


def test_attendance_is_recorded_a_page_of_participants_at_a_time(setting):
    meeting = MeetingFactory(held=True)
    people = Employee.objects.bulk_create(
        Employee(name=f"Deltager {n:02d}", sort_name=f"deltager {n:02d}", email=f"d{n}@example.dk")
        for n in range(60))
    invitations = Attendance.objects.bulk_create(Attendance(meeting=meeting, employee=person)
                                                 for person in people)
    client = english_client(setting.coordinator)
    url = reverse("meetings:attendance", args=[meeting.pk])

    first = page(client, url)
    assert first.count('name="attendance_') == 50
    assert "Participants 1–50 of 60." in first
    assert link(first, "Next") == "?side=2"
    second = page(client, url + "?side=2")
    assert [int(pk) for pk in re.findall(r'name="attendance_(\d+)"', second)] == [
        invitation.pk for invitation in invitations[50:]]

    response = client.post(url + "?side=2", {f"attendance_{invitation.pk}": "present"
                                             for invitation in invitations[50:]})

    assert response.status_code == 302
    present = Attendance.objects.filter(meeting=meeting, status=Attendance.Status.PRESENT)
    assert sorted(present.values_list("pk", flat=True)) == [i.pk for i in invitations[50:]]


def test_the_follow_up_pages_the_open_action_items_of_earlier_meetings(setting):
    meeting = MeetingFactory()
    earlier = MeetingFactory(held=True)
    ActionItem.objects.bulk_create(
        ActionItem(meeting=earlier, title=f"Opfølgning {n:02d}", owner=setting.contact.employee,
                   due_on=earlier.starts_at.date() + datetime.timedelta(days=n))
        for n in range(30))
    client = english_client(setting.contact)

    first = page(client, meeting.get_absolute_url())
    assert re.findall(r">(Opfølgning \d\d)</a>", first) == [f"Opfølgning {n:02d}" for n in range(25)]
    assert "1–25 of 30 are shown." in first
    following = link(first, "Next")
    assert following == "?opfoelgning=2#follow-up-actions-heading"
    second = page(client, meeting.get_absolute_url() + "?opfoelgning=2")
    assert re.findall(r">(Opfølgning \d\d)</a>", second) == [
        f"Opfølgning {n:02d}" for n in range(25, 30)]
