# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open the start page, Mine områder and the briefing pack, by role; see tests/permissions.py."""

import pytest
from django.urls import reverse

from tests.permissions import STAFF_ROLES, check_get_by_role, routes_ruled_by

RULES = {
    "home": "public",
    "mine": "staff",
    "areas:briefing": "staff",
    "areas:briefing_pdf": "staff",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    **{("home", role): 302 for role in STAFF_ROLES},  # staff land on "Mine områder"
    # Council members land on their council's page.
    ("home", "council"): 302,
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


def test_home_sends_staff_to_mine_and_shows_visitors_the_directory(world):
    response = world.clients["contact"].get(reverse("home"))
    assert response["Location"] == reverse("mine")
    response = world.clients["anonymous"].get(reverse("home"))
    assert response.status_code == 200
    assert world.area.name in response.content.decode()
