# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open the start page, Mine områder and the briefing pack, by role; see tests/permissions.py."""

import pytest
from django.urls import reverse

from tests.permissions import STAFF_ROLES, check_get_by_role, routes_ruled_by

RULES = {
    "home": "public",
    "start": "staff",
    "mine": "staff",
    "areas:briefing": "staff",
    "areas:briefing_pdf": "staff",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # staff land on their start page: contacts on "Mine områder", the others on the overview
    **{("home", role): 302 for role in STAFF_ROLES},
    # Council members land on their council's page.
    ("home", "council"): 302,
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


def test_home_sends_staff_to_their_start_page_and_shows_visitors_the_directory(world):
    response = world.clients["contact"].get(reverse("home"))
    assert response["Location"] == reverse("mine")
    for role in ["coordinator", "colleague"]:
        assert world.clients[role].get(reverse("home"))["Location"] == reverse("start")
    response = world.clients["anonymous"].get(reverse("home"))
    assert response.status_code == 200
    assert world.area.name in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "outsider", "council"])
def test_nobody_but_staff_sees_a_start_page(world, role):
    """A council member or a signed-in user who is not staff gets 403, a visitor the login page;
    none of them sees what waits for the coordinator."""
    response = world.clients[role].get(reverse("start"))
    assert response.status_code in (302, 403)
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    assert b"Inquiries waiting" not in response.content


@pytest.mark.parametrize("role", ["anonymous", "outsider", "colleague", "contact", "council"])
def test_only_the_coordinator_lists_the_inquiries_waiting_for_the_coordinator(world, role):
    response = world.clients[role].get(reverse("inquiries:waiting"))
    assert response.status_code in (302, 403)
