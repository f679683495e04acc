# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the project URLs, by role; the machinery is in tests/permissions.py."""

import pytest

from tests.permissions import STAFF_ROLES, check_coordinator_action, check_get_by_role, routes_ruled_by

RULES = {
    "projects:list": "staff",
    "projects:new": "coordinator",
    "projects:detail": "staff",
    "projects:edit": "staff",
    "projects:milestone_new": "staff",
    "projects:milestone_done": "staff",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # The project is led by the contact; another employee may read it but not change it (403,
    # not 404: an object a user may see but not act on).
    ("projects:edit", "colleague"): 403,
    **{(f"projects:{name}", role): 405 for name in ["milestone_new", "milestone_done"]
       for role in STAFF_ROLES},
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "projects:new": lambda w: ({}, {"title": "Nyt projekt", "status": "active",
                                    "areas": [w.area.pk]}),
}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)
