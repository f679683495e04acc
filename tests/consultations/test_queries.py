# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The lists, the status page and the task page take a fixed number of queries, however many
consultations, areas, tasks and responses there are (5 or 500)."""

import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.areas.models import Assignment, AssignmentRole, LocalArea
from lokalkontakt.consultations.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationEvent,
    ConsultationTask,
)
from lokalkontakt.core.text import danish_sort_key
from tests.consultations.conftest import english_client, in_days
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

COUNTS = [5, 500]
Status = ConsultationTask.Status

# Every page: session, user, the user's employee record, coordinator group. For a user who is not
# the coordinator, asking for core.coordinate also reaches Django's ModelBackend once (the user's and
# their groups' permissions, 2 queries, cached for the request).
#
# The coordinator: + the count and the page of consultations (requester joined, task counts
# annotated).
LIST_QUERIES = 6
# The contact: + permissions (2) + the count and the page of tasks (consultation, area, contact and
# responder with their employee and council-member records joined).
TASKS_QUERIES = 8
# The requester: + permissions (2) + the consultation (requester joined), its focus areas and own
# files (prefetched), the tasks (area, contact, responder joined), their files, the consultation's
# events (actors joined); the access log's entry for the council members named as responders.
DETAIL_QUERIES = 13
# The coordinator: + the task with its consultation, area, contact and responder joined, its files,
# the consultation's focus areas and own files, the task's events (actors joined); the response
# form's list of files that can be removed.
TASK_QUERIES = 10


def make_areas(count: int) -> list[LocalArea]:
    names = [f"Område {n:03d}" for n in range(count)]
    return LocalArea.objects.bulk_create(
        LocalArea(name=name, slug=f"omraade-{n:03d}", sort_name=danish_sort_key(name),
                  search_text=name.lower()) for n, name in enumerate(names))


def make_responders(setting) -> list:
    return [setting.contact, setting.council_member, setting.other_contact, None]


def make_consultation(setting, count: int) -> Consultation:
    """A consultation of `count` areas, two in three with a contact, in every state."""
    areas = make_areas(count)
    employees = [EmployeeFactory() for _n in range(5)]
    Assignment.objects.bulk_create(
        Assignment(area=area, employee=employee, role=AssignmentRole.PRIMARY,
                   starts_on=in_days(-400))
        for area, employee in zip(areas[::3], itertools.cycle(employees), strict=False))
    consultation = Consultation.objects.create(title="Stor høring", description="Tekst",
                                               requested_by=setting.requester.employee,
                                               deadline=in_days(-1))
    now = timezone.now()
    statuses = itertools.cycle([Status.WAITING, Status.RESPONDED, Status.NO_COMMENTS])
    responders = itertools.cycle(make_responders(setting))
    tasks = []
    for area, employee, status in zip(areas, itertools.cycle([None, *employees]), statuses,
                                      strict=False):
        answered = status != Status.WAITING
        tasks.append(ConsultationTask(
            consultation=consultation, area=area, handler=employee, status=status,
            response="Svar" if status == Status.RESPONDED else "", heard="Bestyrelsen",
            responded_by=next(responders) if answered else None,
            responded_at=now if answered else None))
    tasks = ConsultationTask.objects.bulk_create(tasks)
    ConsultationAttachment.objects.bulk_create(
        ConsultationAttachment(consultation=consultation, task=task, file=f"x/{n}.pdf",
                               name=f"bilag-{n}.pdf", size=100)
        for n, task in enumerate(tasks[::2]))
    ConsultationEvent.objects.bulk_create(
        ConsultationEvent(consultation=consultation, task=task, kind=ConsultationEvent.Kind.ROUTED,
                          actor=setting.requester) for task in tasks)
    ConsultationEvent.objects.create(consultation=consultation, kind="created",
                                     actor=setting.requester)
    return consultation


def make_consultations(setting, count: int) -> None:
    """`count` consultations, each asking Glud (the contact's area) and Rårup."""
    consultations = Consultation.objects.bulk_create(
        Consultation(title=f"Høring {n}", description="Tekst", requested_by=setting.requester.employee,
                     deadline=in_days(n % 20 - 5),
                     status=Consultation.Status.OPEN if n % 4 else Consultation.Status.CLOSED)
        for n in range(count))
    responders = itertools.cycle(make_responders(setting))
    ConsultationTask.objects.bulk_create(
        ConsultationTask(consultation=consultation, area=area,
                         handler=setting.contact.employee if area == setting.glud else None,
                         status=Status.RESPONDED if n % 2 else Status.WAITING,
                         responded_by=next(responders) if n % 2 else None)
        for n, consultation in enumerate(consultations)
        for area in [setting.glud, setting.raarup])


@pytest.mark.parametrize("count", COUNTS)
def test_the_consultation_list(count, setting, django_assert_num_queries):
    make_consultations(setting, count)
    client = english_client(setting.coordinator)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("consultations:list"), {"scope": "all", "status": "any"})

    assert response.status_code == 200
    assert response.content.decode().count('<a href="/hoeringer/') >= min(count, 50)


@pytest.mark.parametrize("count", COUNTS)
def test_my_tasks(count, setting, django_assert_num_queries):
    make_consultations(setting, count)
    client = english_client(setting.contact)

    with django_assert_num_queries(TASKS_QUERIES):
        response = client.get(reverse("consultations:tasks"), {"status": "any"})

    assert response.status_code == 200
    assert response.content.decode().count('<a href="/hoeringer/opgave/') == min(count, 50)


@pytest.mark.parametrize("count", COUNTS)
def test_the_status_page(count, setting, django_assert_num_queries):
    consultation = make_consultation(setting, count)
    client = english_client(setting.requester)

    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(consultation.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<a href="/hoeringer/opgave/') == count
    assert "No contact – with the coordinator" in html and "Gitte Glud (local council)" in html


@pytest.mark.parametrize("count", COUNTS)
def test_the_task_page(count, setting, django_assert_num_queries):
    consultation = make_consultation(setting, count)
    Consultation.objects.filter(pk=consultation.pk).update(deadline=in_days(7))  # the form shows
    task = consultation.tasks.filter(status=Status.RESPONDED, attachments__isnull=False).first()
    ConsultationEvent.objects.bulk_create(
        ConsultationEvent(consultation=consultation, task=task, kind=ConsultationEvent.Kind.CORRECTED,
                          text=f"Rettelse {n}", actor=actor)
        for n, actor in zip(range(count), itertools.cycle(make_responders(setting)), strict=False))
    client = english_client(setting.coordinator)

    with django_assert_num_queries(TASK_QUERIES):
        response = client.get(task.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Rettelse ") == count
    assert "Remove attachments" in html
