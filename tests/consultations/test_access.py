# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open what. The consultation (status page, export, printable page, closing) is the
requester's and the coordinator's; an area's task is also its contact's and its council members'.
What is not yours answers 404, like what does not exist; council members never reach the staff
pages (403); anonymous visitors are sent to the login page."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from lokalkontakt.consultations import services
from lokalkontakt.consultations.models import Consultation, ConsultationTask
from tests.consultations.conftest import create, english_client, pdf, task_of
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "requester", "contact", "other_contact", "coordinator", "council",
         "other_council", "colleague"]


@pytest.fixture
def world(setting):
    consultation = create(setting)
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Svar",
                          attachments=[pdf("svar.pdf")])
    bystander = UserFactory(username="tilskuer")
    EmployeeFactory(user=bystander, name="Tine Tilskuer")
    users = {"anonymous": None, "requester": setting.requester, "contact": setting.contact,
             "other_contact": setting.other_contact, "coordinator": setting.coordinator,
             "council": setting.council_member, "other_council": setting.other_council_member,
             "colleague": bystander}
    return consultation, task, users


def _urls(consultation, task):
    pk = {"pk": consultation.pk}
    return {
        "list": reverse("consultations:list"),
        "tasks": reverse("consultations:tasks"),
        "new": reverse("consultations:new"),
        "detail": reverse("consultations:detail", kwargs=pk),
        "export": reverse("consultations:export", kwargs=pk),
        "print": reverse("consultations:print", kwargs=pk),
        "close": reverse("consultations:close", kwargs=pk),
        "task": reverse("consultations:task", kwargs={"pk": task.pk}),
        "attachment": task.attachments.get().get_absolute_url(),
    }


STAFF_PAGE = {"requester": 200, "contact": 200, "other_contact": 200, "coordinator": 200,
              "council": 403, "other_council": 403, "colleague": 200}
CONSULTATION = {"requester": 200, "contact": 404, "other_contact": 404, "coordinator": 200,
                "council": 403, "other_council": 403, "colleague": 404}
GLUD_TASK = {"requester": 200, "contact": 200, "other_contact": 404, "coordinator": 200,
             "council": 200, "other_council": 404, "colleague": 404}
EXPECTED_GET = {
    "list": STAFF_PAGE, "tasks": STAFF_PAGE, "new": STAFF_PAGE,
    "detail": CONSULTATION, "export": CONSULTATION, "print": CONSULTATION,
    # POST only: require_POST answers 405 after the role check.
    "close": {**dict.fromkeys(STAFF_PAGE, 405), "council": 403, "other_council": 403},
    "task": GLUD_TASK, "attachment": GLUD_TASK,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(EXPECTED_GET))
def test_get(world, name, role):
    consultation, task, users = world
    url = _urls(consultation, task)[name]
    client = english_client(users[role])

    response = client.get(url)

    if role == "anonymous":
        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert location.path == reverse("login") and f"next={url}" in response["Location"]
    else:
        assert response.status_code == EXPECTED_GET[name][role], (name, role)
    if response.status_code == 404:
        assert "Ny trafikplan" not in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [
    ("requester", 404), ("contact", 302), ("other_contact", 404), ("coordinator", 302),
    ("council", 302), ("other_council", 404), ("colleague", 404)])
def test_who_may_respond(world, role, status):
    consultation, task, users = world

    response = english_client(users[role]).post(
        reverse("consultations:task", kwargs={"pk": task.pk}),
        {"kind": "response", "response": f"Svar fra {role}"})

    assert response.status_code == status
    task.refresh_from_db()
    assert (task.response == f"Svar fra {role}") == (status == 302)


@pytest.mark.parametrize(("role", "status"), [
    ("requester", 302), ("coordinator", 302), ("contact", 404), ("other_contact", 404),
    ("council", 403), ("colleague", 404)])
def test_who_may_close(world, role, status):
    consultation, _task, users = world

    response = english_client(users[role]).post(
        reverse("consultations:close", kwargs={"pk": consultation.pk}))

    assert response.status_code == status
    consultation.refresh_from_db()
    assert (consultation.status == Consultation.Status.CLOSED) == (status == 302)


def test_the_requester_reads_the_task_without_the_form(world):
    _consultation, task, users = world
    html = english_client(users["requester"]).get(
        reverse("consultations:task", kwargs={"pk": task.pk})).content.decode()
    assert "Svar" in html and "Save the response" not in html


def test_the_council_member_sees_no_list_of_all_areas(world, setting):
    consultation, task, users = world
    html = english_client(users["council"]).get(
        reverse("consultations:task", kwargs={"pk": task.pk})).content.decode()
    assert "Glud" in html
    assert "Juelsminde" not in html and "Rårup" not in html
    assert reverse("consultations:detail", kwargs={"pk": consultation.pk}) not in html


def test_a_missing_task_is_404_for_everyone(world):
    _consultation, _task, users = world
    missing = ConsultationTask.objects.order_by("-pk").first().pk + 100
    for role in ROLES[1:]:
        response = english_client(users[role]).get(
            reverse("consultations:task", kwargs={"pk": missing}))
        assert response.status_code == 404


def test_the_consultations_own_files_are_shown_to_every_area_asked(setting):
    consultation = create(setting, areas=[setting.glud], attachments=[pdf("plan.pdf")])
    own = consultation.attachments.get()
    url = own.get_absolute_url()

    for user in [setting.requester, setting.contact, setting.council_member, setting.coordinator]:
        response = english_client(user).get(url)
        assert response.status_code == 200, user
        assert response["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    for user in [setting.other_contact, setting.other_council_member]:
        assert english_client(user).get(url).status_code == 404, user


def test_an_ended_membership_ends_access(world, setting):
    _consultation, task, _users = world
    member = setting.council_member.council_member
    member.is_active = False
    member.save()

    response = english_client(setting.council_member).get(
        reverse("consultations:task", kwargs={"pk": task.pk}))

    assert response.status_code == 403
