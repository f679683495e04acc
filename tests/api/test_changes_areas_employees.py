# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The change feed follows the areas' public facts and the employees' details: the services
write a change of kind "area" or "employee" in the change's own transaction, listed with the
object's API address; a save that changes nothing writes none."""

import datetime

import pytest
from django.db import transaction

from lokalkontakt.api.scopes import Scope
from lokalkontakt.areas.models import Participation
from lokalkontakt.areas.services import area_create, area_update, participation_record
from lokalkontakt.core.changes import Change
from lokalkontakt.people.services import employee_save
from tests.api.factories import keyed_client
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/changes/"


@pytest.fixture
def feed():
    return keyed_client(scopes=[Scope.CHANGES_READ])


def rows(client):
    return [(c["kind"], c["action"], c["object_id"], c["reference"], c["url"])
            for c in client.get(URL).json()["results"]]


def test_an_areas_facts_are_in_the_feed_with_its_api_address(feed, coordinator):
    glud = area_create(name="Glud", towns="Glud", actor=coordinator)
    area_update(area=glud, towns="Glud; Snaptun", population=310, actor=coordinator)
    area_update(area=glud, towns="Glud; Snaptun", actor=coordinator)  # nothing changed

    url = "http://testserver/api/v1/areas/glud/"
    assert rows(feed) == [("area", "created", glud.pk, "glud", url),
                          ("area", "changed", glud.pk, "glud", url)]
    assert feed.get(url).status_code == 200


def test_a_councils_answer_changes_the_area_in_the_feed(feed, coordinator):
    """The API's area shows the council's answer (participation and its date)."""
    glud = area_create(name="Glud", actor=coordinator)
    answer = {"area": glud, "answer": Participation.INTERESTED,
              "answered_on": datetime.date(2026, 1, 5), "actor": coordinator}
    participation_record(**answer)
    participation_record(**answer)  # the same answer again: nothing changed

    assert [(kind, action) for kind, action, *_ in rows(feed)] == [
        ("area", "created"), ("area", "changed")]


def test_an_employees_details_are_in_the_feed_with_its_api_address(feed, coordinator):
    tove = employee_save(name="Tove Teknik", email="tove@example.dk", actor=coordinator)
    values = {"employee": tove, "name": "Tove Teknik", "email": "tove@example.dk",
              "actor": coordinator}
    employee_save(**values, title="Ingeniør")
    employee_save(**values, title="Ingeniør")  # nothing changed
    employee_save(**values, title="Ingeniør", is_active=False)
    employee_save(**values, title="Ingeniør", is_active=True)

    url = f"http://testserver/api/v1/employees/{tove.pk}/"
    assert rows(feed) == [("employee", action, tove.pk, "", url) for action in
                          ["created", "changed", "deactivated", "reactivated"]]
    assert "Tove" not in str(feed.get(URL).json())  # no personal data in the feed itself


def test_the_change_row_commits_with_the_change_or_not_at_all(coordinator):
    tove = EmployeeFactory(name="Tove Teknik")

    with pytest.raises(RuntimeError), transaction.atomic():
        employee_save(employee=tove, name="Tove Tekniker", actor=coordinator)
        raise RuntimeError  # the change is rolled back, its row too

    assert not Change.objects.exists()
