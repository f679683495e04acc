# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The list of handovers kept in the cache (handovers.kept): a change of what it shows (a
handover planned, done or cancelled, an area or a contact renamed, a contact marked handover
due) shows on the next request, as an empty cache would draw it; each page is its own."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.handovers.models import Handover
from tests.handovers.test_queries import handovers
from tests.kept_pages import drawn, unkept

pytestmark = pytest.mark.django_db

LIST = reverse("handovers:list")


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def test_a_change_of_a_handover_an_area_or_a_contact_shows_at_once(coordinator_client):
    [first, second] = handovers(2, status="planned")
    page = drawn(coordinator_client, LIST)
    assert "Område 0000" in page and "Område 0001" in page

    first.status = Handover.Status.DONE
    first.finished_at = timezone.now()
    first.save()
    page = drawn(coordinator_client, LIST)
    assert page.count("badge badge-") == 1  # only the second is planned
    assert page == unkept(coordinator_client, LIST)

    second.area.name = "Øster Snede"
    second.area.save()
    page = drawn(coordinator_client, LIST)
    assert "Øster Snede" in page
    assert page == unkept(coordinator_client, LIST)

    second.to_employee.name = "Ulla Udskiftet"
    second.to_employee.save()
    page = drawn(coordinator_client, LIST)
    assert "Ulla Udskiftet" in page
    assert page == unkept(coordinator_client, LIST)

    second.from_assignment.ends_on = timezone.localdate() + datetime.timedelta(days=3)
    second.from_assignment.save()
    assert drawn(coordinator_client, LIST) == unkept(coordinator_client, LIST)

    second.delete()
    page = drawn(coordinator_client, LIST)
    assert "Øster Snede" not in page.split("Completed and cancelled")[0].split("Afsluttede")[0]
    assert page == unkept(coordinator_client, LIST)


def test_each_page_is_kept_apart(coordinator_client):
    handovers(60, status="planned")
    first = drawn(coordinator_client, LIST)
    second = drawn(coordinator_client, LIST + "?side=2")
    assert "Område 0000" in first and "Område 0000" not in second
    assert "Område 0059" in second and "Område 0059" not in first
    assert drawn(coordinator_client, LIST) == first
    assert drawn(coordinator_client, LIST + "?side=2") == unkept(coordinator_client, LIST + "?side=2")


def test_a_later_day_draws_the_list_again(coordinator_client, monkeypatch):
    handovers(1, status="planned")  # to be switched today
    today = drawn(coordinator_client, LIST)

    real, later = timezone.localdate, timezone.localdate() + datetime.timedelta(days=40)
    monkeypatch.setattr(timezone, "localdate", lambda value=None, zone=None: (
        later if value is None else real(value, zone)))

    assert drawn(coordinator_client, LIST) != today  # the handover is overdue now
    assert drawn(coordinator_client, LIST) == unkept(coordinator_client, LIST)
