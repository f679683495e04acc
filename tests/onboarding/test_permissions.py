# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the onboarding URLs, by role; the machinery is in tests/permissions.py."""

import pytest

from tests.permissions import STAFF_ROLES, check_coordinator_action, check_get_by_role, routes_ruled_by

RULES = {
    "onboarding:progress": "coordinator",
    "onboarding:steps": "coordinator",
    "onboarding:step_new": "coordinator",
    "onboarding:step_edit": "coordinator",
    "onboarding:task_done": "staff",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # Ticking a step of one's onboarding checklist is a button (POST only).
    **{("onboarding:task_done", role): 405 for role in STAFF_ROLES},
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "onboarding:step_new": lambda w: ({}, {"title": "Nyt trin", "position": "5",
                                           "is_active": "on"}),
    "onboarding:step_edit": lambda w: ({"pk": w.onboarding_step.pk}, {
        "title": "Mød lokalrådets formand", "position": "1", "is_active": "on"}),
}
# The coordinator's pages without a POST.
GET_ONLY = {"onboarding:progress", "onboarding:steps"}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)
