# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the nomination URLs, by role; the machinery is in tests/permissions.py."""

import pytest

from tests.areas.factories import LocalAreaFactory
from tests.permissions import (
    STAFF_ROLES,
    World,
    check_coordinator_action,
    check_get_by_role,
    check_post_to_an_unseen_object,
    nomination,
    routes_ruled_by,
)

RULES = {
    "nominations:staff": "staff",
    "nominations:new": "staff",
    "nominations:withdraw": "staff",
    "nominations:list": "staff",
    "nominations:decide": "coordinator",
    "nominations:requests": "coordinator",
    "nominations:request_new": "coordinator",
    "nominations:suggestions": "coordinator",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # A leader's staff and nominating are for core-area leaders and the coordinator (none of the
    # roles here leads a core area; tests/candidates/test_nomination_views.py has the leaders).
    # Withdrawing is a button (POST only).
    **{(f"nominations:{name}", role): 403 for name in ["staff", "new", "list"]
       for role in ["colleague", "contact"]},
    **{("nominations:withdraw", role): 405 for role in STAFF_ROLES},
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


def _candidate_request_data(world: World) -> dict:
    """A request for candidates for an area without a contact to the colleague, made a leader of
    the world's core area (both once, before the snapshot)."""
    world.core_area.leaders.add(world.employee)
    area = LocalAreaFactory(name="Uden kontakt")
    return {"areas": [area.pk], "leaders": [world.employee.pk], "message": "Kender I nogen?",
            "reply_by": ""}


# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "nominations:decide": lambda w: ({"pk": nomination(w).pk}, {
        "decision": "decline", "note": "Ikke denne gang"}),
    "nominations:request_new": lambda w: ({}, _candidate_request_data(w)),
}
# The coordinator's pages without a POST.
GET_ONLY = {"nominations:requests", "nominations:suggestions"}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)


# Nominations are fetched through candidates' *_visible_to: a POST on one the user may not see
# answers 404 and changes nothing.
OTHERS_OBJECTS = {
    "nominations:withdraw": lambda w: {"pk": nomination(w).pk},
}


@pytest.mark.parametrize("name", sorted(OTHERS_OBJECTS))
def test_posting_to_an_object_one_may_not_see_answers_404(name, world):
    check_post_to_an_unseen_object(name, OTHERS_OBJECTS[name], world)
