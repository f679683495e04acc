# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's start blocks are kept between requests (workspace.kept), and every change
shows on the next request: the page drawn from what was kept is the page drawn with an empty
cache, after each kind of change through the services (and the day passing)."""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.areas.services import area_update, assignment_create, assignment_end
from lokalkontakt.consultations.services import task_respond
from lokalkontakt.handovers.services import handover_start
from lokalkontakt.inquiries.services.handling import inquiry_acknowledge
from lokalkontakt.meetings.models import ActionItem
from lokalkontakt.meetings.services.actions import action_update
from lokalkontakt.people.services.accounts import login_deactivate
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.areas.pages import page_text
from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
from tests.inquiries.factories import InquiryFactory
from tests.meetings.factories import ActionItemFactory
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
# session, user, employee, the role flags; the versions of what the kept blocks are drawn from
# (one query); the failed e-mails' block, which is not kept.
KEPT = 6


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def page(client) -> str:
    response = client.get(reverse("start"), headers=ENGLISH)
    assert response.status_code == 200
    return re.sub(r'("X-CSRFToken": |csrfmiddlewaretoken" value=|nonce=)"[^"]*"', r'\1""',
                  response.content.decode())


def drawn_afresh(client) -> str:
    caches["default"].clear()
    return page(client)


@dataclass
class Work:
    area: object
    contact: object
    inquiry: object
    due_area: object
    due_assignment: object
    task: object
    action: object
    free_area: object


@pytest.fixture
def work(coordinator):
    area = LocalAreaFactory(name="Hornsyld")
    contact = EmployeeFactory(name="Hanne Hornsyld", user=UserFactory())
    AssignmentFactory(area=area, employee=contact)
    due_area = LocalAreaFactory(name="Barrit")
    return Work(
        area=area, contact=contact,
        inquiry=InquiryFactory(subject="For sent kvitteret", area=area, assignee=contact,
                               acknowledge_due=days(-1)),
        due_area=due_area,
        due_assignment=AssignmentFactory(area=due_area, handover=True,
                                         employee=EmployeeFactory(name="Bent Barrit")),
        task=ConsultationTaskFactory(area=area, consultation=ConsultationFactory(
            title="Ny skolestruktur", deadline=days(-3))),
        action=ActionItemFactory(title="Skaf nøgler", due_on=days(-2), owner=contact),
        free_area=LocalAreaFactory(name="Aale"))


def test_the_blocks_are_kept_the_same_for_every_coordinator(
        coordinator_client, work, django_assert_num_queries):
    first = page(coordinator_client)
    with django_assert_num_queries(KEPT):
        kept = page(coordinator_client)
    assert kept == first
    assert "Hornsyld" in kept and "Barrit" in kept and "Skaf nøgler" in kept


def test_the_kept_blocks_cost_the_same_queries_with_more_work(
        coordinator_client, coordinator, django_assert_num_queries):
    for more in (2, 20):
        for n in range(more):
            AssignmentFactory(handover=True, area=LocalAreaFactory(name=f"Område {more}-{n:02d}"))
            InquiryFactory(area=None, acknowledge_due=days(-1))
        page(coordinator_client)
        with django_assert_num_queries(KEPT):
            text = page_text(coordinator_client.get(reverse("start"), headers=ENGLISH))
        total = 2 if more == 2 else 22
        assert f"Handover due, not planned yet {total}" in text
        assert f"Inquiries waiting for you {total}" in text


def _acknowledge(work, coordinator):
    inquiry_acknowledge(inquiry=work.inquiry, actor=coordinator)


def _deactivate_login(work, coordinator):
    login_deactivate(employee=work.contact, actor=coordinator)


def _rename_area(work, coordinator):
    area_update(area=work.area, actor=coordinator, name="Hornsyld By")


def _rename_contact(work, coordinator):
    work.contact.name = "Hanne Hansen"
    work.contact.save()


def _end_assignment(work, coordinator):
    assignment_end(assignment=work.area.assignments.get(), actor=coordinator)


def _assign(work, coordinator):
    assignment_create(area=work.free_area, employee=work.contact, role="primary",
                      actor=coordinator, onboard=False)


def _plan_handover(work, coordinator):
    handover_start(area=work.due_area, to_employee=work.contact, switch_on=days(7),
                   actor=coordinator)


def _respond(work, coordinator):
    task_respond(task=work.task, actor=coordinator, no_comments=True)


def _close_action(work, coordinator):
    action_update(action=work.action, actor=coordinator, status=ActionItem.Status.DONE,
                  note="Nøglerne er skaffet")


def _new_inquiry(work, coordinator):
    InquiryFactory(subject="Ingen til at svare", area=None, acknowledge_due=days(-1))


def _delete_login(work, coordinator):
    work.contact.user.delete()


@pytest.mark.parametrize("change", [
    _acknowledge, _deactivate_login, _rename_area, _rename_contact, _end_assignment, _assign,
    _plan_handover, _respond, _close_action, _new_inquiry, _delete_login])
def test_every_change_shows_on_the_next_request(coordinator_client, coordinator, work, change):
    before = page(coordinator_client)

    change(work, coordinator)
    kept = page(coordinator_client)

    assert kept != before
    assert kept == drawn_afresh(coordinator_client)


def test_the_kept_blocks_follow_the_day(coordinator_client, work, monkeypatch):
    InquiryFactory(subject="Frist i dag", area=work.area, assignee=work.contact,
                   acknowledge_due=days(0))
    tomorrow = days(1)
    assert "Frist i dag" not in page_text(coordinator_client.get(reverse("start"),
                                                                 headers=ENGLISH))

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    kept = page(coordinator_client)

    assert "Frist i dag" in kept
    assert kept == drawn_afresh(coordinator_client)
