# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A focus area's report kept in the cache (reports.focus.kept): every kind of change shows on
the next request the same as a page drawn with an empty cache; a leader of a core area never
gets the coordinator's kept report nor the coordinator theirs; a kept report costs a fixed few
queries."""

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from lokalkontakt.inquiries.services.handling import inquiry_tag
from lokalkontakt.knowledge.models import Note
from tests.areas.factories import AssignmentFactory
from tests.people.factories import EmployeeFactory, UserFactory
from tests.reports.focus_world import build_world, inquiry, moment, note
from tests.reports.test_scheme_kept import drawn, unkept

pytestmark = pytest.mark.django_db
YEAR = "?kind=year&year=2025"


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def url(world):
    return reverse("reports:focus", args=[world.focus.slug]) + YEAR


@pytest.fixture
def leader(world):
    """A leader of a core area who covers Aale: may open its inquiries, not Bjerre's."""
    employee = EmployeeFactory(user=UserFactory(username="leder"))
    employee.core_area.leaders.add(employee)
    AssignmentFactory(area=world.aale, employee=employee)
    return employee


def client_of(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _note_added(world, coordinator, leader):
    note(world.bjerre, "Ny viden", Note.Visibility.STAFF, moment(2025, 6, 1), world.focus,
         author=world.staff_note.author)


def _note_renamed(world, coordinator, leader):
    world.staff_note.title = "Omdøbt note"
    world.staff_note.save()


def _tagged(world, coordinator, leader):
    found = inquiry(world.bjerre, moment(2025, 4, 1).date(), subject="Ny sag")
    inquiry_tag(inquiry=found, actor=coordinator, focus_areas=[world.focus])


def _untagged(world, coordinator, leader):
    inquiry_tag(inquiry=world.slow_case, actor=coordinator, focus_areas=[world.culture])


def _focus_renamed(world, coordinator, leader):
    world.focus.name = "Hurtige processer"
    world.focus.save()


def _project_area(world, coordinator, leader):
    world.project.areas.add(world.aale)


def _forwarded(world, coordinator, leader):
    world.slow_case.participants.add(leader)


def _covers_bjerre(world, coordinator, leader):
    AssignmentFactory(area=world.bjerre, employee=leader)


CHANGES = [_note_added, _note_renamed, _tagged, _untagged, _focus_renamed, _project_area,
           _forwarded, _covers_bjerre]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
@pytest.mark.parametrize("who", ["coordinator", "leader"])
def test_each_change_shows_on_the_next_request_as_drawn_afresh(world, url, coordinator, leader,
                                                                change, who):
    client = client_of(coordinator if who == "coordinator" else leader.user)
    before = drawn(client, url)
    assert drawn(client, url) == before  # kept

    change(world, coordinator, leader)

    after = drawn(client, url)
    assert after == unkept(client, url)
    # The coordinator sees every inquiry already: being forwarded one or covering an area
    # changes only what the leader may open.
    if who == "leader" or change not in (_forwarded, _covers_bjerre):
        assert after != before


def test_a_leader_never_gets_the_coordinators_kept_report_nor_the_other_way(world, url,
                                                                           coordinator, leader):
    coordinators, leaders = client_of(coordinator), client_of(leader.user)
    alone = {"coordinator": unkept(coordinators, url), "leader": unkept(leaders, url)}
    assert "Langsom byggesag" in alone["coordinator"] and "Langsom byggesag" not in alone["leader"]
    assert "Fortov ved skolen" in alone["leader"]
    assert "Only those you may open are listed" in alone["leader"]

    for cache in caches.all():
        cache.clear()
    assert drawn(coordinators, url) == alone["coordinator"]
    assert drawn(leaders, url) == alone["leader"]
    for cache in caches.all():
        cache.clear()
    assert drawn(leaders, url) == alone["leader"]
    assert drawn(coordinators, url) == alone["coordinator"]


def test_another_leader_has_a_report_of_their_own(world, url, leader):
    other = EmployeeFactory(user=UserFactory(username="leder2"))
    other.core_area.leaders.add(other)
    AssignmentFactory(area=world.bjerre, employee=other)
    first = drawn(client_of(leader.user), url)
    second = drawn(client_of(other.user), url)
    assert "Langsom byggesag" in second and "Langsom byggesag" not in first
    assert second == unkept(client_of(other.user), url)


def _more_data(world, n: int):
    for i in range(n):
        area = world.snede if i % 2 else world.aale
        inquiry(area, world.slow_case.received_on, world.focus, world.culture)
        note(area, f"Note {i}", "staff", world.staff_note.created_at, world.focus,
             author=world.staff_note.author)


@pytest.mark.parametrize(("who", "unkept_queries", "kept_queries"),
                         [("coordinator", 19, 6), ("leader", 22, 8)])
def test_kept_and_unkept_cost_a_fixed_number_of_queries(world, url, coordinator, leader, who,
                                                        unkept_queries, kept_queries,
                                                        django_assert_num_queries):
    """The same at two sizes of data; kept, the report's own queries are the version alone."""
    client = client_of(coordinator if who == "coordinator" else leader.user)
    for more in (0, 30):
        _more_data(world, more)
        for cache in caches.all():
            cache.clear()
        with django_assert_num_queries(unkept_queries):
            assert client.get(url).status_code == 200
        with django_assert_num_queries(kept_queries):
            assert client.get(url).status_code == 200
