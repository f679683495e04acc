# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The time overview kept in the cache (timesheets.kept): a change of what it shows (an entry
registered, corrected or deleted, a contact moved to another core area, a core area renamed)
shows on the next request, as an empty cache would draw it; what one viewer sees is not shown to
another who may see less."""

import datetime

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.timesheets.models import TimeEntry
from lokalkontakt.timesheets.services import (
    time_entry_create,
    time_entry_delete,
    time_entry_update,
)
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import english_client
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory
from tests.timesheets.test_time_queries import without_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme():
    """Two core areas, a contact in each with an entry today, and a leader of the first."""
    first, second = CoreAreaFactory(name="Fritid og Fællesskab"), CoreAreaFactory(name="Læring")
    anna = EmployeeFactory(name="Anna Andersen", core_area=first, user=UserFactory(username="anna"))
    bo = EmployeeFactory(name="Bo Berg", core_area=second, user=UserFactory(username="bo"))
    for employee, minutes in ((anna, 45), (bo, 30)):
        time_entry_create(actor=employee.user, day=timezone.localdate(), minutes=minutes,
                          kind=TimeEntry.Kind.COUNCIL)
    leader = EmployeeFactory(name="Lone Leder", core_area=first,
                             user=UserFactory(username="leder"))
    first.leaders.add(leader)
    return {"first": first, "second": second, "anna": anna, "bo": bo, "leader": leader}


def page(client, **params) -> str:
    response = client.get(reverse("time:overview"), params)
    assert response.status_code == 200
    return without_tokens(response.content.decode())


def drawn_afresh(client, **params) -> str:
    for cache in caches.all():
        cache.clear()
    return page(client, **params)


def contact_row(html: str, name: str) -> str:
    start = html.index(f">{name}</a>")
    return html[start:html.index("</tr>", start)]


def test_an_entry_registered_corrected_and_deleted_shows_at_once(coordinator, scheme):
    client = english_client(coordinator)
    assert "45 min" in contact_row(page(client), "Anna Andersen")

    entry = time_entry_create(actor=scheme["anna"].user, day=timezone.localdate(), minutes=60,
                              kind=TimeEntry.Kind.COUNCIL)
    shown = page(client)
    assert "1 h 45 min" in contact_row(shown, "Anna Andersen")
    assert shown == drawn_afresh(client)

    time_entry_update(entry=entry, actor=scheme["anna"].user, day=entry.day, minutes=120,
                      kind=entry.kind)
    shown = page(client)
    assert "2 h 45 min" in contact_row(shown, "Anna Andersen")
    assert shown == drawn_afresh(client)

    time_entry_delete(entry=entry, actor=scheme["anna"].user)
    shown = page(client)
    assert "1 h 45 min" not in shown and "45 min" in contact_row(shown, "Anna Andersen")
    assert shown == drawn_afresh(client)


def test_a_contact_moved_and_a_core_area_renamed_show_at_once(coordinator, scheme):
    client = english_client(coordinator)
    assert "<td>Fritid og Fællesskab</td>" in contact_row(page(client), "Anna Andersen")

    scheme["anna"].core_area = scheme["second"]
    scheme["anna"].save()
    shown = page(client)
    assert "<td>Læring</td>" in contact_row(shown, "Anna Andersen")
    assert "<td>Læring</td><td>2</td><td>1 h 15 min</td>" in shown  # the core area's row
    assert shown == drawn_afresh(client)

    scheme["second"].name = "Læring og Trivsel"
    scheme["second"].save()
    shown = page(client)
    assert "<td>Læring og Trivsel</td>" in contact_row(shown, "Anna Andersen")
    assert shown == drawn_afresh(client)


def test_a_period_and_a_core_area_chosen_are_kept_apart(coordinator, scheme):
    client = english_client(coordinator)
    chosen = page(client, core_area=scheme["second"].pk)
    last_year = timezone.localdate() - datetime.timedelta(days=366)
    earlier = page(client, start=last_year.replace(day=1), end=last_year)

    assert "Bo Berg" in chosen and "Anna Andersen" not in chosen
    assert "Anna Andersen" not in earlier and "Bo Berg" not in earlier  # no time then
    assert page(client) == drawn_afresh(client)


def test_a_leader_sees_only_their_core_area_after_the_coordinator(coordinator, scheme):
    everything = page(english_client(coordinator))
    leader = english_client(scheme["leader"].user)

    theirs = page(leader)

    assert "Bo Berg" in everything and "Bo Berg" not in theirs
    assert "Anna Andersen" in theirs
    scheme["second"].leaders.add(scheme["leader"])  # now they lead both (a through table)
    assert "Bo Berg" in page(leader)


def areas_page(client) -> str:
    response = client.get(reverse("time:overview_areas"))
    assert response.status_code == 200
    return without_tokens(response.content.decode())


def areas_drawn_afresh(client) -> str:
    for cache in caches.all():
        cache.clear()
    return areas_page(client)


def test_the_time_per_local_area_shows_an_entry_and_a_renamed_area_at_once(coordinator, scheme):
    area = LocalAreaFactory(name="Bjerre")
    AssignmentFactory(employee=scheme["anna"], area=area)
    client = english_client(coordinator)
    assert "Bjerre" not in areas_page(client)
    assert "Not one area (e.g. coordination meetings): 1 h 15 min." in areas_page(client)

    entry = time_entry_create(actor=scheme["anna"].user, day=timezone.localdate(), minutes=50,
                              kind=TimeEntry.Kind.COUNCIL, area=area)
    shown = areas_page(client)
    assert "Bjerre</a></td><td>50 min</td>" in shown
    assert shown == areas_drawn_afresh(client)

    area.name = "Bjerre Herred"
    area.save()
    shown = areas_page(client)
    assert "Bjerre Herred</a></td><td>50 min</td>" in shown
    assert shown == areas_drawn_afresh(client)

    time_entry_delete(entry=entry, actor=scheme["anna"].user)
    shown = areas_page(client)
    assert "Bjerre" not in shown
    assert shown == areas_drawn_afresh(client)


def test_the_time_per_local_area_of_a_leader_is_not_the_coordinator_s(coordinator, scheme):
    area = LocalAreaFactory(name="Bjerre")
    AssignmentFactory(employee=scheme["bo"], area=area)
    time_entry_create(actor=scheme["bo"].user, day=timezone.localdate(), minutes=50,
                      kind=TimeEntry.Kind.COUNCIL, area=area)
    assert "Bjerre</a>" in areas_page(english_client(coordinator))
    # The leader of the first core area: Bo works in the second.
    assert "Bjerre" not in areas_page(english_client(scheme["leader"].user))
