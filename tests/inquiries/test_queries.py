# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The list and the inquiry page take a fixed number of queries, however many rows there are."""

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.tokens import token_hash
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.conftest import detail_url, english_client, pdf
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

# Pinned: session, user, the user's employee record, coordinator group, the count and the page
# of inquiries (with area and assignee joined), and the choices of the area, focus-area and
# handler filters. A change here is a change in how the page reads the database.
LIST_QUERIES = 9
# Filtering by area, focus area and handler adds one look-up each to check the chosen value.
LIST_FILTERED_QUERIES = LIST_QUERIES + 3
# Session, user, employee record, coordinator group, the inquiry (with area and assignee), its
# events (actors and their employee records joined) with their files, the submission's files, the
# colleagues and core areas it was forwarded to and its focus areas (prefetched); the employee,
# core-area and focus-area choices of the forward and tag forms; the access log's entry; the
# focus-area suggestions (the focus areas with their totals, the terms of the text's stems).
DETAIL_QUERIES = 17
# Large enough that a query per row would show (make bench times the pages with 100,000).
MANY = 2_000


def make_inquiries(count: int, areas=None) -> list[Inquiry]:
    """Two in three (not every third from the first) shared with the local council."""
    today = timezone.localdate()
    areas = areas or [LocalAreaFactory(name=f"Område {n}") for n in range(5)]
    employees = [AssignmentFactory(area=area).employee for area in areas]
    rows = [
        Inquiry(area=area, assignee=employee if n % 3 else None, subject=f"Henvendelse {n}",
                text="Tekst", submitter_kind="citizen", submitter_name="Bo",
                submitter_email=f"bo{n}@example.dk", shared_with_council=n % 3 != 0,
                token_hash=f"{n:064d}",
                client_hash=f"c{n:063d}", status=list(Inquiry.Status.values)[n % 3],
                acknowledge_due=today + datetime.timedelta(days=n % 7 - 3),
                answer_due=today + datetime.timedelta(days=n % 11 - 2))
        for n, area, employee in zip(range(count), itertools.cycle(areas),
                                     itertools.cycle(employees), strict=False)
    ]
    return Inquiry.objects.bulk_create(rows)


def add_events(inquiry: Inquiry, count: int) -> None:
    actors = [UserFactory() for _n in range(4)]
    for user in actors:
        EmployeeFactory(user=user)
    actors.append(None)  # the submitter's follow-ups have no actor
    kinds = [InquiryEvent.Kind.REPLY, InquiryEvent.Kind.COMMENT, InquiryEvent.Kind.FOLLOW_UP]
    InquiryEvent.objects.bulk_create(
        InquiryEvent(inquiry=inquiry, kind=kind, public=kind != InquiryEvent.Kind.COMMENT,
                     text=f"Hændelse {n}", actor=actor)
        for n, kind, actor in zip(range(count), itertools.cycle(kinds), itertools.cycle(actors),
                                  strict=False))
    # A file on the submission and on every fifth step.
    events = list(inquiry.events.all()[::5])
    for event in [None, *events]:
        InquiryAttachment.objects.create(inquiry=inquiry, event=event, file=pdf(), name="bilag.pdf",
                                         size=10)


@pytest.mark.parametrize("count", [10, MANY])
def test_the_list_takes_a_fixed_number_of_queries(count, coordinator, django_assert_num_queries):
    make_inquiries(count)
    client = english_client(coordinator)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("inquiries:list"), {"scope": "all", "status": "any"})

    assert response.status_code == 200
    assert response.content.decode().count('<a href="/henvendelser/') >= min(count, 50)


@pytest.mark.parametrize("count", [10, MANY])
def test_the_open_list_of_all_takes_the_same(count, coordinator, django_assert_num_queries):
    make_inquiries(count)
    client = english_client(coordinator)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(reverse("inquiries:list"), {"scope": "all"}).status_code == 200


@pytest.mark.parametrize("count", [10, MANY])
@pytest.mark.parametrize("sort", ["due", "newest", "area", "subject"])
def test_the_filtered_and_sorted_list_takes_a_fixed_number_of_queries(
        count, sort, coordinator, django_assert_num_queries):
    inquiries = make_inquiries(count)
    focus = FocusArea.objects.get(number=1)
    tagged = inquiries[1::2]
    Inquiry.focus_areas.through.objects.bulk_create(
        Inquiry.focus_areas.through(inquiry=inquiry, focusarea=focus) for inquiry in tagged)
    area, assignee = inquiries[1].area, inquiries[1].assignee
    client = english_client(coordinator)

    with django_assert_num_queries(LIST_FILTERED_QUERIES):
        response = client.get(reverse("inquiries:list"), {
            "scope": "all", "status": "any", "area": area.pk, "focus_area": focus.pk,
            "assignee": assignee.pk, "sort": sort})

    assert response.status_code == 200
    expected = sum(1 for i in tagged if i.area == area and i.assignee == assignee)
    assert expected > 0
    assert f"{expected} inquir" in response.content.decode()


# A deputy contact's own list ("Mine") is empty: the page also counts what the same filters find
# in their areas, to point them there (the one query more than a list with rows would need).
# Session, user, employee record, coordinator group, the user's and groups' permissions (asked as
# has_perm), the count of theirs, the count in their areas, and the choices of the area,
# focus-area and handler filters; an empty page reads no rows.
DEPUTY_EMPTY_LIST_QUERIES = 11


@pytest.mark.parametrize("count", [10, MANY])
def test_an_empty_mine_with_a_pointer_to_the_areas_takes_a_fixed_number_of_queries(
        count, django_assert_num_queries):
    areas = [LocalAreaFactory(name=f"Område {n}") for n in range(5)]
    make_inquiries(count, areas=areas)
    deputy = UserFactory()
    EmployeeFactory(user=deputy)
    for area in areas:
        AssignmentFactory(area=area, employee=deputy.employee, deputy=True)
    client = english_client(deputy)

    with django_assert_num_queries(DEPUTY_EMPTY_LIST_QUERIES):
        response = client.get(reverse("inquiries:list"))

    assert response.status_code == 200
    open_count = Inquiry.objects.exclude(status=Inquiry.Status.CLOSED).count()
    assert f"No inquiries of your own match, but {open_count} inquiries in your areas do." in (
        response.content.decode())


@pytest.mark.parametrize("inquiries", [10, MANY])
@pytest.mark.parametrize("events", [5, 100])
def test_the_inquiry_page_takes_a_fixed_number_of_queries(inquiries, events, coordinator,
                                                          django_assert_num_queries):
    inquiry = make_inquiries(inquiries)[1]
    add_events(inquiry, events)
    client = english_client(coordinator)

    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(detail_url(inquiry))

    assert response.status_code == 200
    assert response.content.decode().count('class="event-text"') == events


# The inquiry (with area and assignee), its public events with actors and their employee
# records (joined), their files and the submission's files; the anonymous visitor has no
# session to read; the access log's entry (the submitter's own data, seen by the link's holder).
TRACK_QUERIES = 5


@pytest.mark.parametrize("events", [5, 100])
def test_the_tracking_page_takes_a_fixed_number_of_queries(events, django_assert_num_queries):
    inquiry = make_inquiries(10)[1]
    token = "a-token-for-counting-queries"
    Inquiry.objects.filter(pk=inquiry.pk).update(token_hash=token_hash(token))
    add_events(inquiry, events)

    with django_assert_num_queries(TRACK_QUERIES):
        response = english_client().get(reverse("inquiries:track", kwargs={"token": token}))

    assert response.status_code == 200
    public = inquiry.events.filter(public=True).count()
    assert response.content.decode().count('class="event-text"') == public


# Session, user, the council membership, its council and area, the count and the page; the base
# template's look-ups for a user without an employee record (employee, coordinator group, and the
# user's and groups' permissions, as the page asks has_perm).
COUNCIL_LIST_QUERIES = 11
# Session, user, the council membership, its council and area, the inquiry (with area and
# handler), its public events (actors joined) and their files staff attached (the submitter's
# files are not shown to the council); the base template's five look-ups as above; the access
# log's entry (the submitter's message).
COUNCIL_DETAIL_QUERIES = 13


@pytest.fixture
def council_member(db):
    area = LocalAreaFactory(name="Område 0")
    return CouncilMemberFactory(council=CouncilFactory(area=area))


@pytest.mark.parametrize("count", [10, MANY])
def test_the_council_list_takes_a_fixed_number_of_queries(count, council_member,
                                                          django_assert_num_queries):
    make_inquiries(count, areas=[council_member.council.area, LocalAreaFactory(name="Andet")])
    client = english_client(council_member.user)

    with django_assert_num_queries(COUNCIL_LIST_QUERIES):
        response = client.get(reverse("inquiries:council_list"))

    assert response.status_code == 200


@pytest.mark.parametrize("inquiries", [10, MANY])
@pytest.mark.parametrize("events", [5, 100])
def test_the_council_page_takes_a_fixed_number_of_queries(inquiries, events, council_member,
                                                          django_assert_num_queries):
    inquiry = make_inquiries(inquiries, areas=[council_member.council.area])[1]
    add_events(inquiry, events)
    client = english_client(council_member.user)

    with django_assert_num_queries(COUNCIL_DETAIL_QUERIES):
        response = client.get(reverse("inquiries:council_detail", kwargs={"pk": inquiry.pk}))

    assert response.status_code == 200
    public = inquiry.events.filter(public=True).count()
    assert response.content.decode().count('class="event-text"') == public


# The inquiry page with the reply's preview: the same reads as the page (the sender's name in the
# e-mail is the employee record the page has read already).
PREVIEW_QUERIES = DETAIL_QUERIES


@pytest.mark.parametrize("events", [5, 100])
def test_the_page_with_a_preview_takes_a_fixed_number_of_queries(events, coordinator,
                                                                 django_assert_num_queries):
    inquiry = make_inquiries(10)[1]
    add_events(inquiry, events)
    client = english_client(coordinator)

    with django_assert_num_queries(PREVIEW_QUERIES):
        response = client.post(f"{detail_url(inquiry)}svar/", {"reply-text": "Svar",
                                                                "preview": "1"})

    assert response.status_code == 200
    assert 'class="email-preview__body"' in response.content.decode()
