# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The handover pages cost the same number of queries with 5 as with 500 handovers (and as many
saved versions of one handover), and "Mine områder" the same with 2 as with 25 handovers to act on.

Every signed-in page starts with the session, the user, the user's employee record and whether the
user is the coordinator (its group); a member of staff who is not the coordinator costs two more,
Django's own user and group permissions."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.handovers.models import Handover
from lokalkontakt.people.models import Employee
from tests.kept_pages import tokenless
from tests.meetings.conftest import english_client
from tests.people.test_queries import MINE

pytestmark = pytest.mark.django_db

SIZES = [5, 500]
IDS = [f"{size}-each" for size in SIZES]

# 4; the version of the list's data (handovers.kept: one query); the planned and the finished
# handovers counted; a page of handovers with their areas, employees and assignments; the first
# areas due without a handover with their count. Kept (the same page again, nothing changed): 4
# and the version.
LIST = 8
LIST_KEPT = 5
# 4; the handover with its area, council, employees, assignments and starter; its versions with
# who saved them.
DETAIL_COORDINATOR = 6
# the same, and Django's user and group permissions for the leaving contact (not the coordinator).
DETAIL_CONTACT = 8


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture(params=SIZES, ids=IDS)
def size(request):
    return request.param


def handovers(count: int, *, status: str, start: int = 0, from_employee=None,
              to_employee=None) -> list[Handover]:
    """`count` areas, each with a contact (marked handover due) and a handover in `status`."""
    areas = LocalArea.objects.bulk_create(
        LocalArea(name=f"Område {n:04d}", slug=f"omraade-{n:04d}",
                  sort_name=danish_sort_key(f"Område {n:04d}")) for n in range(start, start + count))
    people = Employee.objects.bulk_create(
        Employee(name=f"Kontakt {n:04d}", sort_name=danish_sort_key(f"Kontakt {n:04d}"))
        for n in range(start, start + count))
    assignments = Assignment.objects.bulk_create(
        Assignment(area=area, employee=from_employee or person, role="primary",
                   starts_on=datetime.date(2024, 1, 2), handover_due=True)
        for area, person in zip(areas, people, strict=True))
    return Handover.objects.bulk_create(
        Handover(area=assignment.area, from_assignment=assignment,
                 from_employee=assignment.employee, to_employee=to_employee or people[-1],
                 switch_on=timezone.localdate() + datetime.timedelta(days=n % 30), status=status,
                 handover_note="Noter" if n % 2 else "")
        for n, assignment in enumerate(assignments))


def test_the_list_costs_the_same_however_many_handovers(coordinator_client, size,
                                                        django_assert_num_queries):
    handovers(size, status="planned")
    handovers(size, status="done", start=size)
    handovers(size, status="cancelled", start=2 * size)
    # The finished ones' areas are still marked "handover due": listed as not planned yet.

    with django_assert_num_queries(LIST):
        response = coordinator_client.get(reverse("handovers:list"))
    with django_assert_num_queries(LIST_KEPT):
        kept = coordinator_client.get(reverse("handovers:list"))

    assert response.status_code == 200
    page = response.content.decode()
    assert tokenless(kept.content.decode()) == tokenless(page)
    # A page shows at most 50 handovers, the planned ones (with a state badge) first.
    assert len(re.findall(r'href="/overdragelser/\d+/"', page)) == min(3 * size, 50)
    assert page.count('badge badge-') == min(size, 50)
    assert "Område 0000" in page
    # At most 20 areas due without a handover, and how many more there are, counted in SQL.
    # (the areas of the completed and the cancelled ones are still marked due).
    assert page.count(') – <a href="/overdragelser/ny/') == min(2 * size, 20)
    assert (f"… og {2 * size - 20} mere" in page) == (2 * size > 20)


def _with_versions(handover: Handover, count: int) -> None:
    for n in range(count):
        handover.handover_note = f"Udgave {n}"
        handover.save()


def test_the_handover_page_costs_the_same_however_many_versions(coordinator_client, size,
                                                               django_assert_num_queries):
    [handover] = handovers(1, status="planned")
    _with_versions(handover, size)

    with django_assert_num_queries(DETAIL_COORDINATOR):
        response = coordinator_client.get(reverse("handovers:detail", kwargs={"pk": handover.pk}))

    assert response.status_code == 200


def test_the_handover_page_costs_the_same_for_the_leaving_contact(contact_user, size,
                                                                  django_assert_num_queries):
    [handover] = handovers(1, status="planned", from_employee=contact_user.employee)
    _with_versions(handover, size)
    client = english_client(contact_user)

    with django_assert_num_queries(DETAIL_CONTACT):
        response = client.get(reverse("handovers:detail", kwargs={"pk": handover.pk}))

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Udgave {size - 1}" in page
    # At most the latest 50 versions are shown.
    assert page.count("Handover note changed.") == min(size - 1, 50)


@pytest.mark.parametrize("count", [2, 25])
def test_mine_omraader_costs_the_same_with_more_handovers(client, contact_user, count,
                                                          django_assert_num_queries):
    handovers(count, status="planned", from_employee=contact_user.employee)
    handovers(count, status="planned", start=count, to_employee=contact_user.employee)
    client.force_login(contact_user)

    with django_assert_num_queries(MINE):
        response = client.get(reverse("mine"))

    assert response.status_code == 200
    assert response.content.decode().count('href="/overdragelser/') == 2 * count
