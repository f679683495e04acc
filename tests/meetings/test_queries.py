# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meeting pages cost the same number of queries with 5 as with 500 agenda items, action items,
participants, meetings and bulletins.

The counts are pinned: a change that adds a query per item, per participant or per meeting, or one
more per page, fails here. Every page starts with the same four: the session, the user, the
user's employee record and whether the user is the coordinator. A member of staff who is not the
coordinator costs two more (Django's user and group permissions, asked once by the permission
backend before django-rules says no to core.coordinate).
"""

import datetime
import html
import itertools
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import FocusArea
from lokalkontakt.knowledge.models import Note
from lokalkontakt.meetings.models import ActionItem, AgendaItem, Attendance, Bulletin, Meeting
from lokalkontakt.meetings.paging import (
    AGENDA_PAGE_SIZE,
    ARRANGE_PAGE_SIZE,
    DECIDED_PAGE_SIZE,
    DEFERRED_PAGE_SIZE,
    FOLLOW_UP_PAGE_SIZE,
    PARTICIPANTS_PAGE_SIZE,
    PROPOSED_PAGE_SIZE,
)
from lokalkontakt.meetings.selectors import FOLLOW_UP_ACTIONS, FOLLOW_UP_INQUIRIES
from lokalkontakt.people.models import Employee
from tests.inquiries.factories import InquiryFactory
from tests.meetings.conftest import english_client
from tests.meetings.factories import at

pytestmark = pytest.mark.django_db

SIZES = [5, 500]
IDS = [f"{size}-each" for size in SIZES]

# 4 (session, user, employee, coordinator); the meeting; the version of what is kept of the
# meetings (meetings.kept: with an empty cache, as in these tests, the rest follows); its items
# counted by status; a page of
# each status's items (area, proposer, note), their focus areas, their action items (with
# owners; each only when an item on the page has some); the participants counted by attendance
# with the viewer's own invitation and how many have no e-mail address (their names only when
# there are some: here everyone has one), a page of them; the count and a page of this
# meeting's action items; on the agenda's last page the follow-up: the count and a page of the
# open action items of earlier meetings, the overdue inquiries and their count (the list is
# full).
FOLLOW_UP_QUERIES = 4
MEETING_PAGE_COORDINATOR = 18
# the same, and Django's user and group permissions
MEETING_PAGE_CONTACT = 20
# Kept (the same page asked again): 4; the meeting; the version; the participants counted
# (the page of them is kept while their version, read in the same query, is unchanged); on the
# agenda's last page the overdue inquiries and their count.
MEETING_PAGE_KEPT = 7
FOLLOW_UP_KEPT = 2
# 4; the meeting; its items counted, a page of them with their proposers.
ARRANGE_PAGE = 7
# 4; the version (meetings.kept); the coming and the held meetings (each with its count of
# items); the viewer's open action items. Kept: the meetings' tables are not read.
LIST_PAGE = 8
LIST_PAGE_KEPT = 6
# 4 (and 2 for permissions); the version; the count; the page of action items (with owner and
# meeting). Kept: the count and the page's table are not read.
ACTIONS_PAGE = 9
ACTIONS_PAGE_KEPT = 7
# 4 (and 2 for permissions); the inquiries' and the consultation tasks' counts; the next
# meeting; the open action items' count; the latest three bulletins; the viewer's areas and
# their assignments; the areas offered by the time registration form; the onboarding checklists
# and the handovers to act on (as tests/people/test_queries.MINE).
MINE_PAGE = 16
# 4; the count; the page of bulletins (with author and recipient count).
BULLETINS_PAGE = 6
# 4; per audience its count and those without an address; the core areas and the local areas to
# choose from.
BULLETIN_FORM = 10


def participants(count: int) -> list[Employee]:
    return Employee.objects.bulk_create(
        Employee(name=f"Deltager {n:03d}", sort_name=f"deltager {n:03d}",
                 email=f"deltager{n}@example.dk") for n in range(count))


def full_meeting(setting, size: int) -> Meeting:
    """A coming meeting with `size` items (accepted, proposed, deferred; a third proposed by the
    contact), `size` action items decided at it, `size` open ones from an earlier meeting,
    `size` participants besides the contact, and a full list of overdue inquiries."""
    meeting = Meeting.objects.create(title="Koordinerende møde", starts_at=at(_in_days(20)),
                                     ends_at=at(_in_days(20), 16), proposal_deadline=_in_days(13))
    earlier = Meeting.objects.create(title="Forrige møde", starts_at=at(_in_days(-40)),
                                     ends_at=at(_in_days(-40), 16), proposal_deadline=_in_days(-47))
    people = [setting.contact.employee, *participants(size)]
    note = Note.objects.create(title="Erfaring", text="Tekst", kind=Note.Kind.EXPERIENCE,
                               author=setting.coordinator.employee, visibility="staff")
    statuses = itertools.cycle(AgendaItem.Status.values)
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, title=f"Punkt {n:03d}", text="Tekst", position=n + 1,
                   status=next(statuses), area=setting.area if n % 2 else None,
                   proposed_by=people[n % len(people)], decisions="Besluttet" if n % 3 else "",
                   note=note if n == 0 else None)
        for n in range(size))
    through = AgendaItem.focus_areas.through
    focus = list(FocusArea.objects.order_by("number")[:2])
    through.objects.bulk_create(through(agendaitem=item, focusarea=area)
                                for item in items for area in focus)
    ActionItem.objects.bulk_create(
        ActionItem(meeting=meeting, agenda_item=items[n], title=f"Beslutning {n}",
                   owner=people[n % len(people)], due_on=_in_days(n % 30 - 10))
        for n in range(size))
    # More than the follow-up shows, in both sizes: the page then also counts them.
    ActionItem.objects.bulk_create(
        ActionItem(meeting=earlier, title=f"Opfølgning {n}", owner=people[n % len(people)],
                   due_on=_in_days(n % 30 - 10)) for n in range(size + FOLLOW_UP_ACTIONS + 1))
    Attendance.objects.bulk_create(Attendance(meeting=meeting, employee=person)
                                   for person in people)
    for _ in range(FOLLOW_UP_INQUIRIES + 1):
        InquiryFactory(area=setting.area, assignee=people[1], answer_due=_in_days(-3))
    return meeting


def _same(response, first) -> bool:
    """The page asked again (kept) says what it said first (its forms' tokens and its scripts'
    nonces aside)."""
    def text(page):
        return re.sub(r'(name="csrfmiddlewaretoken" value=|"X-CSRFToken": |nonce=)"[^"]*"', "",
                      page.content.decode())
    return response.status_code == 200 and text(response) == text(first)


def _in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture(params=SIZES, ids=IDS)
def size(request):
    return request.param


def shown_items(meeting) -> dict[str, int]:
    """How many items of each status the meeting page shows on its first pages."""
    counts = {status: AgendaItem.objects.filter(meeting=meeting, status=status).count()
              for status in AgendaItem.Status.values}
    return {"accepted": min(counts["accepted"], AGENDA_PAGE_SIZE),
            "proposed": min(counts["proposed"], PROPOSED_PAGE_SIZE),
            "deferred": min(counts["deferred"], DEFERRED_PAGE_SIZE), "all": sum(counts.values()),
            "agenda_pages": -(-counts["accepted"] // AGENDA_PAGE_SIZE)}


def test_the_meeting_page_for_the_coordinator(setting, size, django_assert_num_queries):
    meeting = full_meeting(setting, size)
    client = english_client(setting.coordinator)
    shown = shown_items(meeting)

    with django_assert_num_queries(MEETING_PAGE_COORDINATOR):
        response = client.get(meeting.get_absolute_url(), {"side": shown["agenda_pages"]})
    with django_assert_num_queries(MEETING_PAGE_KEPT + FOLLOW_UP_KEPT):
        again = client.get(meeting.get_absolute_url(), {"side": shown["agenda_pages"]})
    assert _same(again, response)

    assert response.status_code == 200
    content = response.content.decode()
    last_page = shown["accepted"] if size < AGENDA_PAGE_SIZE else \
        (size // 3 + (size % 3 > 1)) - AGENDA_PAGE_SIZE * (shown["agenda_pages"] - 1)
    # the agenda's last page with the follow-up, the first pages of the other lists
    assert content.count('class="agenda-item"') == (
        last_page + 1 + shown["proposed"] + shown["deferred"])
    assert content.count("Minutes <span class=\"sr-only\">") == last_page
    assert f"{FOLLOW_UP_INQUIRIES + 1} inquiries are past their answer date." in content
    # the follow-up's and its "see all", a page of those decided, one of each item shown
    assert content.count('<a href="/moeder/opfoelgning/') == (
        FOLLOW_UP_PAGE_SIZE + 1 + min(size, DECIDED_PAGE_SIZE)
        + last_page + shown["proposed"] + shown["deferred"])


def test_the_first_page_of_a_long_agenda_leaves_the_follow_up_to_the_last(
        setting, django_assert_num_queries):
    meeting = full_meeting(setting, 500)
    client = english_client(setting.coordinator)

    with django_assert_num_queries(MEETING_PAGE_COORDINATOR - FOLLOW_UP_QUERIES):
        response = client.get(meeting.get_absolute_url())
    with django_assert_num_queries(MEETING_PAGE_KEPT):
        assert _same(client.get(meeting.get_absolute_url()), response)

    content = html.unescape(response.content.decode())
    assert content.count('class="agenda-item"') == (
        AGENDA_PAGE_SIZE + PROPOSED_PAGE_SIZE + DEFERRED_PAGE_SIZE)
    assert "<h3>Follow-up</h3>" not in content
    assert '<a href="?side=6#agenda-heading">The follow-up comes after the last item</a>' in content
    assert '<a class="button button-secondary" href="?side=2#agenda-heading">Next</a>' in content
    assert "1–30 of 167 are shown." in content and "Page 1 of 6" in content


def test_the_meeting_page_for_a_contact(setting, size, django_assert_num_queries):
    meeting = full_meeting(setting, size)
    client = english_client(setting.contact)
    shown = shown_items(meeting)

    with django_assert_num_queries(MEETING_PAGE_CONTACT):
        response = client.get(meeting.get_absolute_url(), {"side": shown["agenda_pages"]})
    with django_assert_num_queries(MEETING_PAGE_KEPT + 2 + FOLLOW_UP_KEPT):
        again = client.get(meeting.get_absolute_url(), {"side": shown["agenda_pages"]})
    assert _same(again, response)

    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    proposed_by_contact = AgendaItem.objects.filter(
        pk__in=AgendaItem.objects.filter(meeting=meeting, status=AgendaItem.Status.PROPOSED)
        .order_by("position", "pk")[:PROPOSED_PAGE_SIZE],
        proposed_by=setting.contact.employee).count()
    assert content.count("/ret/\">Edit") == proposed_by_contact
    assert content.count("</td><td>Invited</td>") == min(size + 1, PARTICIPANTS_PAGE_SIZE)
    assert f"Invited: <strong>{size + 1}</strong>" in content
    assert "Present: <strong>0</strong>" in content


def test_the_arrange_page(setting, size, django_assert_num_queries):
    meeting = full_meeting(setting, size)
    client = english_client(setting.coordinator)

    with django_assert_num_queries(ARRANGE_PAGE):
        response = client.get(reverse("meetings:arrange", args=[meeting.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('name="position_') == min(size, ARRANGE_PAGE_SIZE)
    assert content.count('name="status_') == min(size, ARRANGE_PAGE_SIZE)
    assert ('href="?side=2">Next</a>' in content) == (size > ARRANGE_PAGE_SIZE)


def many_meetings(setting, size: int) -> None:
    """`size` coming and `size` held meetings, each with two items; `size` action items of the
    contact's."""
    meetings = Meeting.objects.bulk_create(
        Meeting(title=f"Møde {n}", starts_at=at(_in_days(days)), ends_at=at(_in_days(days), 16),
                proposal_deadline=_in_days(days - 7))
        for n in range(size) for days in [n + 1, -n - 1])
    AgendaItem.objects.bulk_create(AgendaItem(meeting=meeting, title="Punkt", position=position,
                                              status=AgendaItem.Status.ACCEPTED)
                                   for meeting in meetings for position in [1, 2])
    ActionItem.objects.bulk_create(
        ActionItem(meeting=meeting, title=f"Opfølgning {n}", owner=setting.contact.employee,
                   due_on=_in_days(n % 30 - 10))
        for n, meeting in enumerate(meetings[:size]))


def test_the_meeting_list(setting, size, django_assert_num_queries):
    many_meetings(setting, size)
    client = english_client(setting.coordinator)
    ActionItem.objects.update(owner=setting.coordinator.employee)

    with django_assert_num_queries(LIST_PAGE):
        response = client.get(reverse("meetings:list"))
    with django_assert_num_queries(LIST_PAGE_KEPT):
        assert _same(client.get(reverse("meetings:list")), response)

    assert response.status_code == 200
    assert response.content.decode().count('data-title="Items">2</td>') == min(size, 12) * 2


@pytest.mark.parametrize("scope", ["mine", "all"])
def test_my_action_items(setting, size, scope, django_assert_num_queries):
    many_meetings(setting, size)
    viewer = setting.contact if scope == "mine" else setting.coordinator
    client = english_client(viewer)
    permissions = 0 if scope == "mine" else 2

    with django_assert_num_queries(ACTIONS_PAGE - permissions):
        response = client.get(reverse("meetings:actions"), {"scope": scope, "status": "all"})
    with django_assert_num_queries(ACTIONS_PAGE_KEPT - permissions):
        again = client.get(reverse("meetings:actions"), {"scope": scope, "status": "all"})
    assert _same(again, response)

    assert response.status_code == 200
    assert response.content.decode().count('<a href="/moeder/opfoelgning/') == min(size, 50)


def test_my_areas_does_not_grow_with_bulletins(setting, size, django_assert_num_queries):
    many_meetings(setting, size)
    attend_every_meeting(setting.contact.employee)
    bulletins = Bulletin.objects.bulk_create(
        Bulletin(title=f"Orientering {n}", text="Tekst", author=setting.coordinator,
                 sent_at=timezone.now() - datetime.timedelta(hours=n)) for n in range(size))
    Bulletin.recipients.through.objects.bulk_create(
        Bulletin.recipients.through(bulletin=bulletin, employee=setting.contact.employee)
        for bulletin in bulletins)
    client = english_client(setting.contact)

    with django_assert_num_queries(MINE_PAGE):
        response = client.get(reverse("mine"))

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('">Orientering ') == 3
    assert f"{size} open action items" in content
    assert "Next coordination meeting:" in content


def attend_every_meeting(employee) -> None:
    Attendance.objects.bulk_create(Attendance(meeting=meeting, employee=employee)
                                   for meeting in Meeting.objects.all())


def test_the_bulletin_list(setting, size, django_assert_num_queries):
    bulletins = Bulletin.objects.bulk_create(
        Bulletin(title=f"Orientering {n}", text="Tekst", author=setting.coordinator,
                 sent_at=timezone.now() - datetime.timedelta(hours=n)) for n in range(size))
    people = [setting.contact.employee, *participants(size)]
    Bulletin.recipients.through.objects.bulk_create(
        Bulletin.recipients.through(bulletin=bulletin, employee=person)
        for bulletin in bulletins for person in people[:3])
    client = english_client(setting.coordinator)

    with django_assert_num_queries(BULLETINS_PAGE):
        response = client.get(reverse("meetings:bulletins"))

    assert response.status_code == 200
    assert response.content.decode().count("<td>3</td>") == min(size, 25)


def test_the_bulletin_form(setting, size, django_assert_num_queries):
    people = participants(size)
    Employee.objects.filter(pk__in=[person.pk for person in people[::2]]).update(email="")
    client = english_client(setting.coordinator)

    with django_assert_num_queries(BULLETIN_FORM):
        response = client.get(reverse("meetings:bulletin_new"))

    assert f"All staff – {size + 3} employees" in html.unescape(response.content.decode())


def test_the_meeting_page_asks_only_for_what_its_items_and_participants_have(
        setting, django_assert_num_queries):
    """Items without focus areas or action items need no query for them; participants without
    an e-mail address are looked up by name (one query) only when there are some."""
    meeting = full_meeting(setting, 5)
    AgendaItem.focus_areas.through.objects.filter(agendaitem__meeting=meeting).delete()
    ActionItem.objects.filter(meeting=meeting).update(agenda_item=None)
    Employee.objects.filter(name="Deltager 001").update(email="")
    client = english_client(setting.coordinator)

    with django_assert_num_queries(MEETING_PAGE_COORDINATOR - 2 + 1):
        response = client.get(meeting.get_absolute_url(), {"side": 1})

    content = html.unescape(response.content.decode())
    assert "Deltager 001 has no e-mail address" in content
    assert "Action items:" not in content and "Beslutning 0" in content
