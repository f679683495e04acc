# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The candidate pages cost the same number of queries with 5 as with 300 employees, areas,
nominations and requests.

The counts are pinned, measured once. Every signed-in page starts with the session, the user, the
user's employee record and whether the user is the coordinator (its group); a leader, who is not
the coordinator, costs two more (Django's own user and group permissions, asked once by the
permission backend before django-rules says no to core.coordinate) and one to find that they lead
a core area (core.see_capacity).
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from lokalkontakt.areas.models import Assignment, AssignmentRole, LocalArea
from lokalkontakt.candidates.models import CandidateRequest, Nomination
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.timesheets.models import TimeEntry
from tests.inquiries.conftest import english_client
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

SIZES = [5, 300]

# 6 (session, user, employee, coordinator group and leads a core area in one, user and group
# permissions);
# the core areas led (the overview's and the filter's choices: one core area, no filter shown);
# the paginator's count; the page of staff; their minutes; which of them are nominated; their
# first current assignments with how many they have; the first nominations; their first areas
# with how many; how many nominations; the requests to the leader; their first areas with how
# many.
STAFF_LEADER = 17
# 4; the core areas (once: the overview's and the filter's choices); the count; the page; the minutes; the
# nominated; the assignments; the nominations; their areas; their number; the requests.
STAFF_COORDINATOR = 14
# 4; the count; the nominations with who and where; their first areas.
LIST_COORDINATOR = 7
# 6 (as the staff page's); the count; the nominations; their first areas.
LIST_LEADER = 9
# 4; the count; the requests with the nomination counts; their areas; their leaders.
REQUESTS = 8
# 4; the area; the data's version; the suggestions (4), drawn with an empty cache (kept: 6,
# test_suggestions_kept).
SUGGESTIONS = 10
# 7; the staff one may nominate; the areas, uncovered first.
NOMINATE_LEADER = 8
# 4; the default areas and leaders (2); the core areas without a leader; the areas; the leaders
# with the core areas they lead (2).
REQUEST_FORM = 10


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture(params=SIZES, ids=[f"{size}-each" for size in SIZES])
def size(request):
    return request.param


def named(model, prefix: str, count: int, **fields) -> list:
    return model.objects.bulk_create(
        model(name=f"{prefix} {n:04d}", sort_name=danish_sort_key(f"{prefix} {n:04d}"), **fields)
        for n in range(count))


def named_areas(size: int) -> int:
    """How many areas each nomination and request names: 2 with 5 of everything, 14 with 300."""
    return 2 + size // 25


def world(size: int):
    """A leader of Teknik og Miljø with `size` staff: each covering two of 2×`size` areas with time
    this year, every other one nominated for named_areas(size) areas; `size` more employees in other
    core areas; `size` requests for candidates, each to the leader with named_areas(size) areas.
    Returns the leader's user and an area without a contact."""
    teknik = CoreAreaFactory(name="Teknik og Miljø")
    others = named(CoreArea, "Kerneområde", 3)
    user = UserFactory(username="leder")
    leader = EmployeeFactory(user=user, name="Lene Leder", core_area=teknik)
    teknik.leaders.add(leader)
    areas = LocalArea.objects.bulk_create(
        LocalArea(name=f"Område {n:04d}", sort_name=danish_sort_key(f"Område {n:04d}"),
                  slug=f"omraade-{n:04d}", latitude=55 + n / 1000, longitude=9.6)
        for n in range(2 * size + 1))
    staff = named(Employee, "Medarbejder", size, core_area=teknik)
    named(Employee, "Anden", size, core_area=others[0])
    Assignment.objects.bulk_create(
        Assignment(employee=employee, area=areas[1 + 2 * n + k], starts_on=datetime.date(2025, 1, 2),
                   role=AssignmentRole.DEPUTY if k else AssignmentRole.PRIMARY)
        for n, employee in enumerate(staff) for k in range(2))
    today = timezone.localdate()
    TimeEntry.objects.bulk_create(
        TimeEntry(employee=employee, area=areas[1 + 2 * n], day=today, minutes=30,
                  kind=TimeEntry.Kind.COUNCIL) for n, employee in enumerate(staff))
    nominations = Nomination.objects.bulk_create(
        Nomination(employee=employee, core_area=teknik, nominated_by=user,
                   status="proposed" if n % 4 else "declined")
        for n, employee in enumerate(staff) if n % 2 == 0)
    Nomination.areas.through.objects.bulk_create(
        Nomination.areas.through(nomination=nomination, localarea=areas[k])
        for nomination in nominations for k in range(named_areas(size)))
    requests = CandidateRequest.objects.bulk_create(CandidateRequest(message="Hej")
                                                    for _n in range(size))
    CandidateRequest.areas.through.objects.bulk_create(
        CandidateRequest.areas.through(candidaterequest=request, localarea=areas[k])
        for request in requests for k in range(named_areas(size)))
    CandidateRequest.leaders.through.objects.bulk_create(
        CandidateRequest.leaders.through(candidaterequest=request, employee=leader)
        for request in requests)
    return user, areas[0]


def test_the_staff_page_for_a_leader(size, django_assert_num_queries):
    user, _area = world(size)
    client = english_client(user)

    with django_assert_num_queries(STAFF_LEADER):
        response = client.get("/kandidater/")

    assert response.status_code == 200
    table = response.content.decode().split('id="staff-table-heading"')[1].split("</table>")[0]
    assert table.count("<tr><td>") == min(size + 1, 50)  # the staff and the leader, 50 a page
    nominations = response.content.decode().split('id="nominations-heading"')[1]
    assert nominations.count("<tr><td>") == min(len(range(0, size, 2)), 10)  # the first ten
    # A request or nomination names at most five areas, and says how many there are.
    assert (f"{named_areas(size)} areas in all" in nominations) == (named_areas(size) > 5)


def test_the_staff_page_for_the_coordinator(coordinator, size, django_assert_num_queries):
    world(size)
    client = english_client(coordinator)

    with django_assert_num_queries(STAFF_COORDINATOR):
        response = client.get("/kandidater/")

    assert response.status_code == 200


def test_the_nominations_for_the_coordinator(coordinator, size, django_assert_num_queries):
    world(size)
    client = english_client(coordinator)

    with django_assert_num_queries(LIST_COORDINATOR):
        response = client.get("/kandidater/indstillinger/")

    assert response.status_code == 200


def test_the_nominations_for_a_leader(size, django_assert_num_queries):
    user, _area = world(size)
    client = english_client(user)

    with django_assert_num_queries(LIST_LEADER):
        response = client.get("/kandidater/indstillinger/")

    assert response.status_code == 200
    assert response.content.decode().count("<tr><td>") == min(len(range(0, size, 2)), 50)


def test_the_requests_for_the_coordinator(coordinator, size, django_assert_num_queries):
    world(size)
    client = english_client(coordinator)

    with django_assert_num_queries(REQUESTS):
        response = client.get("/kandidater/anmodninger/")

    assert response.status_code == 200


def test_the_suggestions_for_the_coordinator(coordinator, size, django_assert_num_queries):
    _user, area = world(size)
    client = english_client(coordinator)

    with django_assert_num_queries(SUGGESTIONS):
        response = client.get(f"/kandidater/forslag/{area.slug}/")

    assert response.status_code == 200
    # The best 20 are shown, whatever the number of candidates (all of them were ranked).
    assert response.content.decode().count('class="button button-primary" href="') == min(size, 20)


def test_the_nomination_form_for_a_leader(size, django_assert_num_queries):
    user, _area = world(size)
    client = english_client(user)

    with django_assert_num_queries(NOMINATE_LEADER):
        response = client.get("/kandidater/indstil/")

    assert response.status_code == 200


def test_the_request_form_for_the_coordinator(coordinator, size, django_assert_num_queries):
    world(size)
    client = english_client(coordinator)

    with django_assert_num_queries(REQUEST_FORM):
        response = client.get("/kandidater/anmodninger/ny/")

    assert response.status_code == 200
