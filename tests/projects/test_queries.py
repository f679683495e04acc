# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The development-project pages cost the same number of queries with 5 as with 500 projects on
the list, and with 5 as with 500 milestones and saved versions on a project's page.

The counts are pinned, measured once: a change that adds a query per project, per area, per lead,
per milestone or per version, or one more per page, fails here. Every signed-in page starts with
the session, the user, the user's employee record and whether the user is the coordinator (its
group); a member of staff who is not the coordinator costs two more, Django's own user and group
permissions, asked once by the permission backend before django-rules says no to
core.coordinate.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.people.models import Employee
from lokalkontakt.projects.models import Milestone, Project
from lokalkontakt.projects.services import project_save
from tests.meetings.conftest import english_client
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

SIZES = [5, 500]
IDS = [f"{size}-each" for size in SIZES]

# 4 (session, user, employee, coordinator group); the projects with their leads and their open
# milestones' count; their areas.
LIST_COORDINATOR = 6
# the same, and Django's user and group permissions for a colleague.
LIST_COLLEAGUE = 8
# 4; the project with its lead; its areas, focus areas and milestones; its last 20 versions with
# who saved them.
DETAIL_COORDINATOR = 9
# the same, and Django's user and group permissions for a colleague (who may not edit).
DETAIL_COLLEAGUE = 11
# the same as for a colleague: the lead is not the coordinator either.
DETAIL_LEAD = 11


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture(params=SIZES, ids=IDS)
def size(request):
    return request.param


def employees(count: int) -> list[Employee]:
    return Employee.objects.bulk_create(
        Employee(name=f"Leder {n:03d}", sort_name=danish_sort_key(f"Leder {n:03d}"),
                 email=f"leder{n}@example.dk") for n in range(count))


def areas(count: int) -> list[LocalArea]:
    return LocalArea.objects.bulk_create(
        LocalArea(name=f"Område {n:03d}", sort_name=danish_sort_key(f"Område {n:03d}"),
                  slug=f"omraade-{n:03d}") for n in range(count))


def many_projects(size: int) -> list[Project]:
    """`size` projects, each with its own lead (every fifth without), two areas, a focus area and
    three milestones, one of them done."""
    leads, places = employees(size), areas(size + 1)
    projects = Project.objects.bulk_create(
        Project(title=f"Projekt {n:03d}", sort_title=danish_sort_key(f"Projekt {n:03d}"),
                lead=leads[n] if n % 5 else None, notes="Internt",
                status=Project.Status.values[n % 3]) for n in range(size))
    through = Project.areas.through
    through.objects.bulk_create(through(project=project, localarea=place)
                                for n, project in enumerate(projects)
                                for place in places[n:n + 2])
    focus = FocusArea.objects.order_by("number").first()
    Project.focus_areas.through.objects.bulk_create(
        Project.focus_areas.through(project=project, focusarea=focus) for project in projects)
    today = timezone.localdate()
    Milestone.objects.bulk_create(
        Milestone(project=project, title=f"Skridt {step}", done_on=today if step == 0 else None)
        for project in projects for step in range(3))
    return projects


def full_project(coordinator, size: int) -> Project:
    """A project in `size` areas with `size` milestones (every other done) and `size` more saved
    versions, each saved by a different employee."""
    places = areas(size)
    leads = employees(size)
    project = project_save(actor=coordinator, title="Stort projekt", status="active",
                           areas=places, lead=leads[0],
                           focus_areas=FocusArea.objects.order_by("number"),
                           coordinator_part="Koordinerer", notes="Internt")
    first = datetime.date(2026, 1, 1)
    Milestone.objects.bulk_create(
        Milestone(project=project, title=f"Skridt {n:03d}",
                  due_on=first + datetime.timedelta(days=n),
                  done_on=first + datetime.timedelta(days=n) if n % 2 else None)
        for n in range(size))
    users = [UserFactory(username=f"leder{n:03d}") for n in range(min(size, 25))]
    for user, lead in zip(users, leads, strict=False):
        lead.user = user
    Employee.objects.bulk_update(leads[:len(users)], ["user"])
    record = project.history.first()
    versions = []
    for n in range(size):
        version = project.history.model(**{
            field.attname: getattr(record, field.attname)
            for field in project.history.model._meta.fields if field.attname != "history_id"})
        version.history_user = users[n % len(users)]
        version.history_type = "~"
        version.history_date = record.history_date + datetime.timedelta(minutes=n + 1)
        versions.append(version)
    project.history.model.objects.bulk_create(versions)
    return project


def test_the_list_for_the_coordinator(coordinator, size, django_assert_num_queries):
    many_projects(size)
    client = english_client(coordinator)

    with django_assert_num_queries(LIST_COORDINATOR):
        response = client.get("/projekter/")

    assert response.status_code == 200
    assert response.content.decode().count('<tr><td data-title=""><a href="/projekter/') == size


def test_the_list_for_a_colleague(colleague, size, django_assert_num_queries):
    many_projects(size)
    client = english_client(colleague)

    with django_assert_num_queries(LIST_COLLEAGUE):
        response = client.get("/projekter/", {"status": "active"})

    assert response.status_code == 200
    assert response.content.decode().count('<tr><td data-title=""><a href="/projekter/') == len(
        range(0, size, 3))


def test_the_project_page_for_the_coordinator(coordinator, size, django_assert_num_queries):
    project = full_project(coordinator, size)
    client = english_client(coordinator)

    with django_assert_num_queries(DETAIL_COORDINATOR):
        response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<tr><td>Skridt ") == size
    assert content.count("Mark done <span") == len(range(0, size, 2))
    assert content.count("Open again <span") == size // 2
    history = content[content.index('id="project-history-heading"'):]
    assert history.count("</td><td>Leder ") == min(size, 20)  # the latest 20 versions


def test_the_project_page_for_a_colleague(coordinator, colleague, size,
                                          django_assert_num_queries):
    project = full_project(coordinator, size)
    client = english_client(colleague)

    with django_assert_num_queries(DETAIL_COLLEAGUE):
        response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<tr><td>Skridt ") == size
    assert "Mark done <span" not in content


def test_the_project_page_for_its_lead(coordinator, contact_user, size,
                                       django_assert_num_queries):
    project = full_project(coordinator, size)
    project.lead = contact_user.employee
    project.save()
    client = english_client(contact_user)

    with django_assert_num_queries(DETAIL_LEAD):
        response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count("<tr><td>Skridt ") == size
