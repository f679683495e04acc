"""The list and the inquiry page take a fixed number of queries, however many rows there are."""

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services import token_hash
from tests.factories import AssignmentFactory, EmployeeFactory, LocalAreaFactory, UserFactory
from tests.inquiries.conftest import detail_url, english_client

pytestmark = pytest.mark.django_db

# Pinned: session, user, the user's employee record, coordinator group, the count and the page
# of inquiries (with area and assignee joined). A change here is a change in how the page reads
# the database.
LIST_QUERIES = 6
# Session, user, employee record, coordinator group, the inquiry (with area and assignee), its
# events, their actors and the actors' employee records, the colleagues it was forwarded to and its
# focus areas (prefetched); the employee and focus-area choices of the forward and tag forms.
DETAIL_QUERIES = 12


def make_inquiries(count: int) -> list[Inquiry]:
    today = timezone.localdate()
    areas = [LocalAreaFactory(name=f"Område {n}") for n in range(5)]
    employees = [AssignmentFactory(area=area).employee for area in areas]
    rows = [
        Inquiry(area=area, assignee=employee if n % 3 else None, subject=f"Henvendelse {n}",
                text="Tekst", submitter_kind="citizen", submitter_name="Bo",
                submitter_email=f"bo{n}@example.dk", token_hash=f"{n:064d}",
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


@pytest.mark.parametrize("count", [10, 300])
def test_the_list_takes_a_fixed_number_of_queries(count, coordinator, django_assert_num_queries):
    make_inquiries(count)
    client = english_client(coordinator)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("inquiries:list"), {"scope": "all", "status": "any"})

    assert response.status_code == 200
    assert response.content.decode().count('<a href="/henvendelser/') >= min(count, 50)


@pytest.mark.parametrize("count", [10, 300])
def test_the_open_list_of_all_takes_the_same(count, coordinator, django_assert_num_queries):
    make_inquiries(count)
    client = english_client(coordinator)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(reverse("inquiries:list"), {"scope": "all"}).status_code == 200


@pytest.mark.parametrize("inquiries", [10, 300])
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


# The inquiry (with area and assignee) and its public events with actors and their employee
# records (joined); the anonymous visitor has no session to read.
TRACK_QUERIES = 2


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
