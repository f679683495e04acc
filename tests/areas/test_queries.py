# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Each page costs the same number of queries with Hedensted's 28 areas as with 1,000.

The counts are pinned: a change that adds a query per area, or one more per page, fails here.
"""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from lokalkontakt.areas.models import AreaEvent, Assignment, AssignmentRole, Council, LocalArea
from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.knowledge.models import Note
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.projects.models import Project

pytestmark = pytest.mark.django_db

SIZES = [28, 1000]
PAGE_AREA = 12  # has a council, a contact, a deputy, an ended assignment, events, a project, notes

# Pinned counts, measured once; the same for both sizes. Signed-in requests add the session and the
# user, and the role checks add the employee, the coordinator group and (for a non-coordinator)
# Django's own user and group permissions.
DIRECTORY_ANONYMOUS = 6  # the directory's version; as no content of that version is kept yet:
# count, the page of areas with councils, their active assignments; the map's version and, as
# no map of it is cached yet, the map's areas (all of them, with their coverage);
# tests/areas/test_map.py: one query fewer once the map is cached
DIRECTORY_KEPT = 1  # the directory's version: its content of that version is kept (the cache)
DIRECTORY_STAFF = 12  # + session, user, employee, group, 2 x permissions
ADDRESS_DIRECTORY = 5  # with an address nothing is kept: DIRECTORY_ANONYMOUS without the version
# The area of an address (without the address service): the areas with its postcode, the areas
# found with councils, their active assignments.
ADDRESS_LOOKUP = 3
AREA_PAGE_ANONYMOUS = 6  # the area page's version (areas.views.area_page); as nothing of that
# version is kept yet: area with council, active assignments, projects, project leads; notes
AREA_PAGE_KEPT = 3  # the version, the area's name and position (the rest is kept), notes
AREA_PAGE_STAFF = 15  # + session, user, employee, group, 2 x permissions, assignment history, events,
# the local meetings attended and whether the viewer covers the area (may record one)
# The coverage overview: session, user, employee, group; its version (areas.overview); the planned
# handovers of the areas due one; failed e-mails (the link to them). Kept: what it draws from the
# areas' data is in the cache at that version (areas.views.overview).
OVERVIEW_KEPT = 7
# Drawn (no kept parts of that version): + the areas counted by list, the first rows of each of the
# four lists of areas; the contacts counted per core area, the core areas, the first contacts; the
# sources' first conflicts with their count; latest events
OVERVIEW = OVERVIEW_KEPT + 10
# session, user, employee, group; the map's version; every area with its coverage only when the
# map of that version is not in the cache (areas.maps.cached)
OVERVIEW_MAP = 5
OVERVIEW_LIST = 7  # session, user, employee, group; count, the page's rows, their planned handovers


def main_of(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>")[0]


def build_areas(count: int, *, actor) -> LocalArea:
    """`count` areas written with bulk_create, as varied as Hedensted's; returns area PAGE_AREA."""
    core_areas = CoreArea.objects.bulk_create([
        CoreArea(name=name, sort_name=danish_sort_key(name))
        for name in ["Fritid og Fællesskab", "Læring", "Sundhed og Omsorg", "Teknik og Miljø"]])
    employees = Employee.objects.bulk_create([
        Employee(name=f"Medarbejder {n:04d}", sort_name=danish_sort_key(f"Medarbejder {n:04d}"),
                 title="Konsulent", core_area=core_areas[n % 4] if n % 6 else None,
                 email=f"medarbejder{n}@example.dk", phone="+45 70 00 00 00")
        for n in range(count // 4 + 4)])
    areas = []
    for n in range(count):
        area = LocalArea(name=f"Område {n:04d}", slug=f"omraade-{n:04d}", towns=f"By {n}; Torp {n}",
                         postcodes="7130" if n % 3 else "7130 8722", parish=f"Sogn {n}",
                         population=100 + n, population_year=2024, participation_note="Note")
        area.sort_name = danish_sort_key(area.name)
        area.search_text = area.build_search_text()
        areas.append(area)
    areas = LocalArea.objects.bulk_create(areas)
    Council.objects.bulk_create([
        Council(area=area, name=f"{area.name} Lokalråd", email=f"lokalraad{n}@example.dk",
                chair_name="Formand Fiktiv", chair_phone="+45 70 00 00 01")
        for n, area in enumerate(areas) if n % 4 != 1])
    assignments = []
    for n, area in enumerate(areas):
        employee = employees[n % len(employees)]
        if n % 5:
            assignments.append(Assignment(area=area, employee=employee, role=AssignmentRole.PRIMARY,
                                          starts_on=datetime.date(2024, 1, 2),
                                          handover_due=n % 7 == 0))
        if n % 3 == 0:
            assignments.append(Assignment(area=area, employee=employees[(n + 1) % len(employees)],
                                          role=AssignmentRole.DEPUTY,
                                          starts_on=datetime.date(2024, 6, 1)))
        if n % 4 == 0:
            assignments.append(Assignment(area=area, employee=employees[(n + 2) % len(employees)],
                                          role=AssignmentRole.PRIMARY,
                                          starts_on=datetime.date(2020, 4, 1),
                                          ends_on=datetime.date(2023, 12, 31)))
    Assignment.objects.bulk_create(assignments)
    AreaEvent.objects.bulk_create([
        event for n, area in enumerate(areas) for event in (
            AreaEvent(area=area, kind=AreaEvent.Kind.IMPORTED, data={"source": "bilag.csv"}),
            AreaEvent(area=area, kind=AreaEvent.Kind.ASSIGNED, actor=actor if n % 2 else None,
                      data={"employee": "Medarbejder", "role": "primary", "date": "2024-01-02"}),
            AreaEvent(area=area, kind=AreaEvent.Kind.UPDATED, actor=actor,
                      data={"fields": ["population", "council_email"]}),
        )])
    page_area = areas[PAGE_AREA]
    project = Project.objects.create(title="Udviklingsprojekt", lead=employees[0])
    project.areas.add(page_area, areas[PAGE_AREA + 1])
    Note.objects.bulk_create([
        Note(area=page_area, title=f"Viden {n}", text="Tekst", kind=Note.Kind.EVENTS,
             visibility=Note.Visibility.PUBLIC if n % 2 else Note.Visibility.STAFF,
             author=employees[n % len(employees)]) for n in range(8)])
    return page_area


@pytest.fixture(params=SIZES, ids=[f"{size}-areas" for size in SIZES])
def page_area(request, coordinator):
    return build_areas(request.param, actor=coordinator)


def test_the_built_data_has_every_kind_of_row(page_area):
    assert page_area.council.name == "Område 0012 Lokalråd"
    assert {a.role for a in page_area.assignments.filter(ends_on__isnull=True)} == {
        "primary", "deputy"}
    assert page_area.assignments.filter(ends_on__isnull=False).exists()
    assert page_area.events.count() == 3 and page_area.projects.count() == 1


def test_the_directory_costs_the_same_for_anonymous_visitors(client, page_area,
                                                             django_assert_num_queries):
    with django_assert_num_queries(DIRECTORY_ANONYMOUS):
        first = client.get(reverse("areas:directory"))
    with django_assert_num_queries(DIRECTORY_KEPT):
        again = client.get(reverse("areas:directory"))

    assert first.status_code == again.status_code == 200
    assert main_of(first) == main_of(again)  # the layout's nonces and CSRF token are new each time
    assert "Område 0000" in again.content.decode()


def test_the_directory_costs_the_same_for_staff(colleague_client, page_area, django_assert_num_queries):
    with django_assert_num_queries(DIRECTORY_STAFF):
        colleague_client.get(reverse("areas:directory"))
    with django_assert_num_queries(DIRECTORY_STAFF - DIRECTORY_ANONYMOUS + DIRECTORY_KEPT):
        response = colleague_client.get(reverse("areas:directory"))

    assert response.status_code == 200
    assert "Medarbejder 0001" in response.content.decode()


def test_a_directory_search_costs_the_same(client, page_area, django_assert_num_queries):
    search = {"q": "8722", "coverage": "covered"}
    with django_assert_num_queries(DIRECTORY_ANONYMOUS):
        client.get(reverse("areas:directory"), search)
    with django_assert_num_queries(DIRECTORY_KEPT):
        response = client.get(reverse("areas:directory"), search)

    assert response.status_code == 200
    assert "Område 0003" in response.content.decode()


@pytest.mark.parametrize("address", ["Vestergade 1, Torp 0, 8722", "Vestergade 1, 8722"])
def test_finding_the_area_of_an_address_costs_the_same(address, client, page_area, settings,
                                                       django_assert_num_queries):
    settings.ADDRESS_SERVICE_URL = ""
    with django_assert_num_queries(ADDRESS_DIRECTORY + ADDRESS_LOOKUP):
        response = client.get(reverse("areas:directory"), {"adresse": address})

    assert response.status_code == 200
    assert "Område 0000" in response.content.decode()


def test_the_area_page_costs_the_same_for_anonymous_visitors(client, page_area,
                                                             django_assert_num_queries):
    with django_assert_num_queries(AREA_PAGE_ANONYMOUS):
        drawn = client.get(page_area.get_absolute_url())
    with django_assert_num_queries(AREA_PAGE_KEPT):
        response = client.get(page_area.get_absolute_url())

    assert response.status_code == 200
    assert main_of(response) == main_of(drawn)  # the same page (the nonce aside)
    assert "Udviklingsprojekt" in response.content.decode()
    assert "Viden 7" in response.content.decode()  # public
    assert "Viden 6" not in response.content.decode()  # staff only


def test_the_area_page_costs_the_same_for_staff(colleague_client, page_area, django_assert_num_queries):
    with django_assert_num_queries(AREA_PAGE_STAFF):
        response = colleague_client.get(page_area.get_absolute_url())

    assert response.status_code == 200
    assert "Karin Koordinator" in response.content.decode()
    assert "Viden 6" in response.content.decode()  # staff see the staff-only note


def test_the_coverage_overview_costs_the_same(coordinator_client, page_area,
                                              django_assert_num_queries):
    url = reverse("coordination:overview")
    with django_assert_num_queries(OVERVIEW):
        drawn = coordinator_client.get(url)
    with django_assert_num_queries(OVERVIEW_KEPT):
        kept = coordinator_client.get(url)

    assert drawn.status_code == kept.status_code == 200
    assert "Område 0005" in kept.content.decode()
    assert main_of(kept) == main_of(drawn)


def test_the_coverage_overview_renders_at_most_ten_rows_a_list(coordinator_client, page_area):
    html = coordinator_client.get(reverse("coordination:overview")).content.decode()

    large = LocalArea.objects.count() > 100
    for heading in ["uncovered-heading", "handover-heading", "unanswered-heading"]:
        rows = html.split(f'id="{heading}"')[1].split("</section>")[0].count("<li>")
        assert rows == 10 if large or heading == "unanswered-heading" else rows < 10, heading
    contacts = html.split('id="contacts-heading"')[1].split("</table>")[0]
    assert contacts.count("<tr>") == 1 + 10  # the header and ten contacts
    for name in ["ikke-svaret", "lokalkontakter"] + (["uden-kontakt", "overdragelse"] if large else []):
        assert reverse("coordination:overview_list", args=[name]) in html


def test_the_coordinators_map_costs_the_same(coordinator_client, page_area,
                                             django_assert_num_queries):
    cache.clear()
    url = reverse("coordination:map")
    with django_assert_num_queries(OVERVIEW_MAP + 1):
        coordinator_client.get(url, headers={"Accept-Language": "en"})
    with django_assert_num_queries(OVERVIEW_MAP):
        response = coordinator_client.get(url, headers={"Accept-Language": "en"})

    assert response.status_code == 200
    assert "areas have no position and are only in the list" in response.content.decode()


@pytest.mark.parametrize("name", ["uden-kontakt", "overdragelse", "lokalkontakter"])
def test_a_list_of_the_coverage_overview_costs_the_same(name, coordinator_client, page_area,
                                                         django_assert_num_queries):
    url = reverse("coordination:overview_list", args=[name])
    expected = OVERVIEW_LIST if name == "overdragelse" else OVERVIEW_LIST - 1

    with django_assert_num_queries(expected):
        response = coordinator_client.get(url)

    assert response.status_code == 200
    rows = response.content.decode().split('id="list-heading"')[1].split('class="pagination"')[0]
    assert 0 < rows.count("<li>") + rows.count("<tr>") <= 50 + 1  # a table has its header row
