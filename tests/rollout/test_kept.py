# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout overview's need kept in the cache (rollout.kept, issue 20): each change of what
the page shows (a step added, edited, done or deleted; an area's answer, invitation or name; a
contact assigned, due for a handover or ended; a handover planned or cancelled; a nomination made
or withdrawn; a candidate or core area renamed) shows on the next request as an empty cache draws
it; the coordinator's copy (who is nominated) never reaches other staff; languages are kept
apart. The query counts, kept and drawn afresh, are pinned in test_queries."""

import datetime

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from lokalkontakt.areas import services as areas_services
from lokalkontakt.areas.models import AssignmentRole, Participation
from lokalkontakt.candidates.services import nomination_create, nomination_withdraw
from lokalkontakt.handovers.services import handover_cancel, handover_start
from lokalkontakt.people.services import core_area_save, employee_save
from lokalkontakt.rollout import services
from lokalkontakt.rollout.models import RolloutMilestone
from tests.areas.factories import AssignmentFactory
from tests.people.factories import EmployeeFactory
from tests.timesheets.test_time_queries import without_tokens

pytestmark = pytest.mark.django_db

STEP = {"title": "Møde for alle lokalråd", "description": "",
        "planned_from": datetime.date(2019, 11, 1), "planned_to": datetime.date(2019, 11, 30),
        "status": RolloutMilestone.Status.PLANNED, "done_on": None}


def page(client, language="da") -> str:
    response = client.get(reverse("rollout:overview"), headers={"Accept-Language": language})
    assert response.status_code == 200
    return without_tokens(response.content.decode())


def drawn_afresh(client, language="da") -> str:
    for cache in caches.all():
        cache.clear()
    return page(client, language)


@pytest.fixture
def readers(coordinator, colleague):
    """A client each for the coordinator and another member of staff."""
    clients = []
    for user in (coordinator, colleague):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def assert_current(readers):
    """Each reader's next page (from the cache where it is current) is the page drawn afresh."""
    kept = [page(client) for client in readers]
    for cache in caches.all():  # once: each reader's copy drawn afresh stays for the next change
        cache.clear()
    assert kept == [page(client) for client in readers]
    return kept


def step(actor):
    return services.milestone_save(actor=actor, **STEP)


def test_the_need_is_kept_until_the_data_change(readers, need_world, coordinator):
    first = [page(client) for client in readers]
    assert [page(client) for client in readers] == first
    assert [drawn_afresh(client) for client in readers] == first


@pytest.mark.parametrize("change", [
    "step added", "step edited", "step done", "step deleted"])
def test_a_change_of_the_plan_shows_at_once(readers, need_world, coordinator, change):
    milestone = step(coordinator) if change != "step added" else None
    [page(client) for client in readers]

    if change == "step added":
        step(coordinator)
    elif change == "step edited":
        services.milestone_save(actor=coordinator, milestone=milestone,
                                **{**STEP, "title": "Møde i Glud"})
    elif change == "step done":
        services.milestone_set_status(milestone=milestone, status="done", actor=coordinator)
    else:
        services.milestone_delete(milestone=milestone, actor=coordinator)

    coordinators, staffs = assert_current(readers)
    assert ("Møde i Glud" in coordinators) == (change == "step edited")
    assert ("Møde for alle lokalråd" in staffs) == (change not in ("step edited", "step deleted"))


def test_an_answer_an_invitation_and_a_rename_show_at_once(readers, need_world, coordinator):
    [page(client) for client in readers]

    areas_services.participation_record(area=need_world["Ørum"], answer=Participation.INTERESTED,
                                        answered_on=datetime.date(2020, 1, 7), actor=coordinator)
    coordinators, _staffs = assert_current(readers)
    assert ">Ørum</a>" in coordinators

    services.invitations_record(areas=[need_world["Stouby"]],
                                invited_on=datetime.date(2019, 11, 19), actor=coordinator)
    assert_current(readers)

    glud = need_world["Glud"]
    glud.refresh_from_db()  # the world's answers are written with .update()
    areas_services.area_update(area=glud, name="Glud By", actor=coordinator)
    coordinators, staffs = assert_current(readers)
    assert ">Glud By</a>" in coordinators
    assert ">Glud By</a>" in staffs


def test_contacts_and_handovers_show_at_once(readers, need_world, coordinator):
    [page(client) for client in readers]

    assignment = areas_services.assignment_create(
        area=need_world["Glud"], employee=EmployeeFactory(name="Gitte Glud"),
        role=AssignmentRole.PRIMARY, actor=coordinator)
    coordinators, _staffs = assert_current(readers)
    assert ">Glud</a>" not in coordinators

    areas_services.handover_mark(assignment=assignment, due=True, actor=coordinator)
    coordinators, _staffs = assert_current(readers)
    assert ">Glud</a>" in coordinators

    handover = handover_start(area=need_world["Glud"], to_employee=EmployeeFactory(name="Lise Lokal"),
                              switch_on=datetime.date.today() + datetime.timedelta(weeks=3),
                              actor=coordinator)
    coordinators, staffs = assert_current(readers)
    assert "Lise Lokal" in coordinators
    assert "Lise Lokal" not in staffs

    handover_cancel(handover=handover, reason="Lise kan alligevel ikke", actor=coordinator)
    coordinators, _staffs = assert_current(readers)
    assert "Lise Lokal" not in coordinators

    areas_services.assignment_end(assignment=assignment, actor=coordinator)
    assert_current(readers)


def test_nominations_and_their_names_show_at_once(readers, need_world, coordinator):
    korning = AssignmentFactory._meta.model.objects.get(area=need_world["Korning"])
    [page(client) for client in readers]

    bent = EmployeeFactory._meta.model.objects.get(name="Bent Bro")
    nomination = nomination_create(actor=coordinator, employee=EmployeeFactory(
        name="Dorte Dam", core_area=bent.core_area), areas=[need_world["Glud"]])
    coordinators, staffs = assert_current(readers)
    assert "Dorte Dam" in coordinators
    assert "Dorte Dam" not in staffs

    employee_save(employee=bent, name="Bent Brolægger", core_area=bent.core_area)
    coordinators, _staffs = assert_current(readers)
    assert "Bent Brolægger" in coordinators

    core_area_save(core_area=bent.core_area, name="Teknik og Natur")
    coordinators, _staffs = assert_current(readers)
    assert "Teknik og Natur" in coordinators

    nomination_withdraw(actor=coordinator, nomination=nomination)
    coordinators, _staffs = assert_current(readers)
    assert "Dorte Dam" not in coordinators
    assert korning.area.name not in coordinators.split('id="need-areas"')[1]


def test_the_coordinators_copy_never_reaches_other_staff(readers, need_world):
    coordinator_client, colleague_client = readers
    assert "Bent Bro" in page(coordinator_client)

    staffs = page(colleague_client)

    assert "Bent Bro" not in staffs
    assert "Anna Andersen" not in staffs
    assert staffs == drawn_afresh(colleague_client)


def test_languages_are_kept_apart(readers, need_world):
    coordinator_client = readers[0]
    danish = page(coordinator_client, "da")

    english = page(coordinator_client, "en")

    assert "interested areas lack a local contact" in english
    assert danish != english
    assert english == drawn_afresh(coordinator_client, "en")
    assert danish == drawn_afresh(coordinator_client, "da")
