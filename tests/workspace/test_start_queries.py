# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The start pages cost the same number of queries with a little as with a lot of work waiting,
and show at most START_ROWS rows a block."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.registry import START_ROWS
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.areas.pages import page_text
from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
from tests.inquiries.factories import InquiryFactory
from tests.meetings.factories import ActionItemFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}

# session, user, employee, the role flags (one query); the versions of what the kept blocks are
# drawn from (workspace.kept, one query); with an empty cache each of the eight blocks one query
# for its first rows and how many there are (core.registry.start_block): inquiries waiting for
# the coordinator, overdue inquiries, consultations past their deadline, overdue action items,
# planned handovers, handovers due, areas without a contact, failed e-mails (not kept). Once
# kept: tests/workspace/test_start_kept.py.
COORDINATOR = 13
# session, user, employee, the role flags, Django's user and group permissions; each of the four
# blocks one query: inquiries handled, forwarded, consultations asked for, action items.
COLLEAGUE = 10


def longest_block(response) -> int:
    """The most rows a block of the page shows."""
    lists = re.findall(r'<ul class="start-block__rows[^"]*">(.*?)</ul>', response.content.decode(),
                       flags=re.S)
    return max(block.count("<li>") for block in lists)


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def work(count: int, *, employee) -> None:
    """`count` of everything a start page shows, for the coordinator and for `employee`."""
    for n in range(count):
        area = LocalAreaFactory(name=f"Uden kontakt {n:03d}")
        InquiryFactory(area=area, acknowledge_due=days(-1))
        InquiryFactory(assignee=employee, acknowledge_due=days(-1))
        InquiryFactory(assignee=EmployeeFactory()).participants.add(employee)
        ConsultationTaskFactory(consultation=ConsultationFactory(deadline=days(-1),
                                                                 requested_by=employee))
        ActionItemFactory(due_on=days(-1), owner=employee)
        AssignmentFactory(handover=True)
        OutgoingEmail.objects.create(to=["x@example.dk"], subject=f"E-mail {n}", body="…",
                                     status=OutgoingEmail.Status.FAILED)


@pytest.mark.parametrize("count", [2, 20])
def test_the_coordinators_start_page_has_a_fixed_number_of_queries(
        coordinator_client, coordinator, count, django_assert_num_queries):
    work(count, employee=coordinator.employee)

    with django_assert_num_queries(COORDINATOR):
        response = coordinator_client.get(reverse("start"), headers=ENGLISH)

    assert response.status_code == 200
    assert longest_block(response) == START_ROWS  # the areas without a contact: many at both sizes
    page = page_text(response)
    # Each block counts all of its rows, not only those it shows.
    for title in ("Overdue action items", "Consultations past their deadline",
                  "Handover due, not planned yet", "E-mails that failed"):
        assert f"{title} {count}" in page
    assert (f"… and {count - START_ROWS} more" in page) == (count > START_ROWS)


@pytest.mark.parametrize("count", [2, 20])
def test_a_colleagues_start_page_has_a_fixed_number_of_queries(
        colleague_client, colleague, count, django_assert_num_queries):
    work(count, employee=colleague.employee)

    with django_assert_num_queries(COLLEAGUE):
        response = colleague_client.get(reverse("start"), headers=ENGLISH)

    assert response.status_code == 200
    assert longest_block(response) == min(count, START_ROWS)
    page = page_text(response)
    for title in ("Your action items", "Consultations you asked for"):
        assert f"{title} {count}" in page


def test_the_list_of_inquiries_waiting_for_the_coordinator_has_a_fixed_number_of_queries(
        coordinator_client, coordinator, django_assert_max_num_queries):
    """The same count with 2 waiting as with 60 (more than a page of 50), and one page shown."""
    counts, rows = [], []
    for more in (2, 58):
        for n in range(more):
            InquiryFactory(area=LocalAreaFactory(name=f"Venter {len(counts)}-{n:03d}"))
        with django_assert_max_num_queries(30) as captured:
            response = coordinator_client.get(reverse("inquiries:waiting"))
        assert response.status_code == 200
        counts.append(len(captured))
        rows.append(response.content.decode().count("<tr>") - 1)  # less the heading's row
    assert counts[0] == counts[1]
    assert rows == [2, 50]
