# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The time pages cost the same number of queries whatever the data: the capacity overview with 30
as with 1,000 contacts, my week and my year with 5 as with 500 entries.

The counts are pinned, measured once: a change that adds a query per contact, per area, per core
area or per entry, or one more per page, fails here. Every signed-in page starts with the session,
the user, the user's employee record and whether the user is the coordinator (its group); a user who
is not the coordinator costs two more, Django's own user and group permissions, asked once by the
permission backend before django-rules answers.
"""

import datetime
import io
import re

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lokalkontakt.areas.models import Assignment, AssignmentRole, LocalArea
from lokalkontakt.core.text import danish_sort_key, format_duration
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.timesheets.capacity import monday_of
from lokalkontakt.timesheets.models import TimeEntry
from lokalkontakt.timesheets.totals import recompute
from lokalkontakt.timesheets.views import PAGE_SIZE
from tests.inquiries.conftest import english_client
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

CORE_AREAS = ["Fritid og Fællesskab", "Læring", "Sundhed og Omsorg"]
ENTRIES_EACH = 3
CONTACT_LINK = re.compile(r'<td><a href="/medarbejdere/\d+/">')
AREA_LINK = re.compile(r'<td><a href="/omraader/omraade-\d+/">')

# session, user, employee, coordinator group; the version of the data the page is kept by
# (timesheets.kept: one query); the contacts per core area with their minutes (the monthly totals
# and the entries of partial months, summed in SQL; the counts' sum is the count the pages show,
# the minutes' the period's total: no query of their own); the page of contacts with their core
# area, minutes, outside-hours minutes and areas; the filter's core areas.
OVERVIEW_COORDINATOR = 8
# session, user, employee, coordinator group, whether they lead a core area; Django's user and
# group permissions (asked when django-rules refuses core.coordinate); the core areas they lead
# (what they see: in the kept page's key); then as for the coordinator, each limited to the core
# areas they lead (a subquery, not a query of its own). Whether they are the coordinator or a
# leader is one query (core.roles._role_flags).
OVERVIEW_LEADER = 11
# Kept (the same page again, the data unchanged): the summary and the page of contacts are read
# from the cache, the version tells they are current.
OVERVIEW_COORDINATOR_KEPT = OVERVIEW_COORDINATOR - 2
OVERVIEW_LEADER_KEPT = OVERVIEW_LEADER - 2
# The time per local area: session, user, employee, coordinator group; the version of its data
# (timesheets.kept: one query); the minutes on no area; the count of areas with time (for the
# pages); the page of areas with their minutes; the filter's core areas. A leader: three more, as
# for the overview (with the core areas they lead, read for the key). Kept: the minutes on no
# area, the count and the page from the cache.
AREAS_COORDINATOR = 9
AREAS_LEADER = 12
AREAS_COORDINATOR_KEPT = AREAS_COORDINATOR - 3
AREAS_LEADER_KEPT = AREAS_LEADER - 3
# The export (built in the request below EXPORT_INLINE_ROWS): session, user, employee,
# coordinator group; the version of the data the file is kept by (timesheets.exports.KeptFile:
# one query); the minutes per core area, the contacts with time per core area, the minutes
# per local area (each grouped in SQL) and those areas' names; the contacts counted up to the
# inline limit; every contact's minutes and outside-hours minutes (grouped in SQL); the contacts
# with their core area and areas, streamed into the sheet.
EXPORT_COORDINATOR = 12
# Kept (the same file again, the data unchanged): the version tells it is current, the file's
# bytes come from the cache.
EXPORT_COORDINATOR_KEPT = 5
# session, user, employee; the week's entries with their areas; whether they are the coordinator
# or lead a core area (one query: the link to the overview, shown with core.see_capacity), Django's
# user and group permissions; the areas the quick form offers.
WEEK_PAGE = 8
# session, user, employee; the year's days and minutes (summed per week in Python); whether they
# are the coordinator or lead a core area (one query), Django's user and group permissions.
YEAR_PAGE = 7


def without_tokens(html: str) -> str:
    """The page without what differs each response (the scripts' nonce, the CSRF token)."""
    return re.sub(r'("X-CSRFToken": |csrfmiddlewaretoken" value=|nonce=)"[^"]*"', r'\1""', html)


def english_duration(minutes: int) -> str:
    with translation.override("en"):
        return format_duration(minutes)


def build_contacts(count: int) -> list[CoreArea]:
    """`count` contacts spread over three core areas (every seventh in none), each covering an
    area of their own since 2024 and with ENTRIES_EACH entries today (in the overview's default
    period, this year until today): one on their area, one outside hours, one with no area; the
    monthly totals computed from them."""
    core_areas = CoreArea.objects.bulk_create(
        CoreArea(name=name, sort_name=danish_sort_key(name)) for name in CORE_AREAS)
    employees = Employee.objects.bulk_create(
        Employee(name=f"Kontakt {n:04d}", sort_name=danish_sort_key(f"Kontakt {n:04d}"),
                 core_area=core_areas[n % 3] if n % 7 else None, email=f"kontakt{n}@example.dk")
        for n in range(count))
    areas = LocalArea.objects.bulk_create(
        LocalArea(name=f"Område {n:04d}", slug=f"omraade-{n:04d}",
                  sort_name=danish_sort_key(f"Område {n:04d}")) for n in range(count))
    Assignment.objects.bulk_create(
        Assignment(area=area, employee=employee, role=AssignmentRole.PRIMARY,
                   starts_on=datetime.date(2024, 1, 2))
        for area, employee in zip(areas, employees, strict=True))
    today = timezone.localdate()
    TimeEntry.objects.bulk_create(
        TimeEntry(employee=employee, area=area if n == 0 else None, day=today, minutes=15 + n * 15,
                  kind=TimeEntry.Kind.COUNCIL, outside_hours=n == 1)
        for area, employee in zip(areas, employees, strict=True) for n in range(ENTRIES_EACH))
    recompute(fix=True)
    return core_areas


def leader_of(core_area: CoreArea):
    user = UserFactory(username="leder")
    employee = EmployeeFactory(user=user, name="Lone Leder", core_area=core_area)
    core_area.leaders.add(employee)
    return user


@pytest.fixture(params=[30, 1000], ids=["30-contacts", "1000-contacts"])
def contacts(request):
    return request.param


def test_the_capacity_overview_for_the_coordinator(coordinator, contacts,
                                                   django_assert_num_queries):
    build_contacts(contacts)
    client = english_client(coordinator)

    with django_assert_num_queries(OVERVIEW_COORDINATOR):
        response = client.get(reverse("time:overview"))
    with django_assert_num_queries(OVERVIEW_COORDINATOR_KEPT):
        kept = client.get(reverse("time:overview"))

    assert response.status_code == 200
    content = response.content.decode()
    assert without_tokens(kept.content.decode()) == without_tokens(content)
    assert len(CONTACT_LINK.findall(content)) == min(contacts, PAGE_SIZE)
    assert not AREA_LINK.findall(content)  # the areas have a page of their own


def test_the_capacity_overview_for_a_leader(contacts, django_assert_num_queries):
    core_areas = build_contacts(contacts)
    client = english_client(leader_of(core_areas[1]))

    with django_assert_num_queries(OVERVIEW_LEADER):
        response = client.get(reverse("time:overview"))
    with django_assert_num_queries(OVERVIEW_LEADER_KEPT):
        kept = client.get(reverse("time:overview"))

    assert response.status_code == 200
    content = response.content.decode()
    assert without_tokens(kept.content.decode()) == without_tokens(content)
    staff = Employee.objects.filter(core_area=core_areas[1], assignments__isnull=False).count()
    assert len(CONTACT_LINK.findall(content)) == min(staff, PAGE_SIZE)
    assert not AREA_LINK.findall(content)


def test_the_time_per_local_area_for_the_coordinator(coordinator, contacts,
                                                    django_assert_num_queries):
    build_contacts(contacts)
    client = english_client(coordinator)

    with django_assert_num_queries(AREAS_COORDINATOR):
        response = client.get(reverse("time:overview_areas"))
    with django_assert_num_queries(AREAS_COORDINATOR_KEPT):
        kept = client.get(reverse("time:overview_areas"))

    assert response.status_code == 200
    assert len(AREA_LINK.findall(response.content.decode())) == min(contacts, PAGE_SIZE)
    assert without_tokens(kept.content.decode()) == without_tokens(response.content.decode())


def test_the_time_per_local_area_for_a_leader(contacts, django_assert_num_queries):
    core_areas = build_contacts(contacts)
    client = english_client(leader_of(core_areas[1]))

    with django_assert_num_queries(AREAS_LEADER):
        response = client.get(reverse("time:overview_areas"))
    with django_assert_num_queries(AREAS_LEADER_KEPT):
        kept = client.get(reverse("time:overview_areas"))

    assert response.status_code == 200
    assert without_tokens(kept.content.decode()) == without_tokens(response.content.decode())
    staff = Employee.objects.filter(core_area=core_areas[1], assignments__isnull=False).count()
    assert len(AREA_LINK.findall(response.content.decode())) == min(staff, PAGE_SIZE)


def test_the_export_for_the_coordinator(coordinator, contacts, django_assert_num_queries):
    build_contacts(contacts)
    client = english_client(coordinator)

    with django_assert_num_queries(EXPORT_COORDINATOR):
        response = client.get(reverse("time:export"))

    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    # A header and a row per contact; per area with time and the time on no area; per core area
    # (three and none).
    assert [len(list(sheet.iter_rows())) for sheet in book.worksheets] == [
        contacts + 1, contacts + 2, 5]


def test_the_export_kept_for_the_coordinator(coordinator, contacts, django_assert_num_queries):
    build_contacts(contacts)
    client = english_client(coordinator)
    built = client.get(reverse("time:export")).content

    with django_assert_num_queries(EXPORT_COORDINATOR_KEPT):
        response = client.get(reverse("time:export"))

    assert response.content == built
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert [len(list(sheet.iter_rows())) for sheet in book.worksheets] == [
        contacts + 1, contacts + 2, 5]


def every_page(client, url: str, link: re.Pattern) -> list[str]:
    """Follow the "Next" links from the first page; the links each page shows, in order."""
    found, query = [], ""
    for _ in range(100):  # bounded: 1,000 contacts are 20 pages
        content = client.get(f"{url}{query}").content.decode()
        found += link.findall(content)
        following = re.search(r'href="(\?[^"]*side=\d+)">Next', content)
        if following is None:
            return found
        query = following[1].replace("&amp;", "&")
    raise AssertionError("the pages do not end")


def test_paging_reaches_every_contact_and_every_area(coordinator):
    build_contacts(230)
    client = english_client(coordinator)

    contacts = every_page(client, reverse("time:overview"),
                          re.compile(r'<td><a href="/medarbejdere/(\d+)/">'))
    areas = every_page(client, reverse("time:overview_areas"),
                       re.compile(r'<td><a href="/omraader/(omraade-\d+)/">'))

    assert sorted(map(int, contacts)) == sorted(
        Employee.objects.filter(assignments__isnull=False).values_list("pk", flat=True))
    assert sorted(areas) == sorted(LocalArea.objects.values_list("slug", flat=True))


def test_the_totals_are_the_sums_of_every_contact(coordinator):
    build_contacts(230)

    content = english_client(coordinator).get(reverse("time:overview")).content.decode()

    # Each contact registered 15 + 30 + 45 minutes today.
    assert (f'<th scope="row">In all</th><td>230</td><td>{english_duration(230 * 90)}</td>'
            in content)


@pytest.fixture(params=[5, 500], ids=["5-entries", "500-entries"])
def entries(request):
    return request.param


def test_my_week(contact_user, entries, django_assert_num_queries):
    area = LocalArea.objects.create(name="Glud", slug="glud")
    Assignment.objects.create(area=area, employee=contact_user.employee,
                              role=AssignmentRole.PRIMARY, starts_on=datetime.date(2024, 1, 2))
    monday = monday_of(timezone.localdate())
    TimeEntry.objects.bulk_create(
        TimeEntry(employee=contact_user.employee, area=area if n % 2 else None,
                  day=monday + datetime.timedelta(days=n % 7), minutes=1,
                  kind=TimeEntry.Kind.COUNCIL) for n in range(entries))
    client = english_client(contact_user)

    with django_assert_num_queries(WEEK_PAGE):
        response = client.get(reverse("time:mine"))

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("/ret/") == entries
    assert f"{english_duration(entries)} registered" in content


def test_my_year(contact_user, entries, django_assert_num_queries):
    TimeEntry.objects.bulk_create(
        TimeEntry(employee=contact_user.employee, day=datetime.date(2026, 1, 1)
                  + datetime.timedelta(days=n % 365), minutes=2, kind=TimeEntry.Kind.COUNCIL)
        for n in range(entries))
    client = english_client(contact_user)

    with django_assert_num_queries(YEAR_PAGE):
        response = client.get(reverse("time:mine"), {"aar": "2026"})

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("?uge=") == 53  # a link to every ISO week of 2026
    assert f"{english_duration(2 * entries)} registered this year" in content
