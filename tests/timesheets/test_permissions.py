# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the time registration URLs, by role; see tests/permissions.py."""

import pytest

from tests.permissions import (
    STAFF_ROLES,
    check_get_by_role,
    check_post_to_an_unseen_object,
    routes_ruled_by,
)

RULES = {
    "time:mine": "staff",
    "time:new": "staff",
    "time:edit": "staff",
    "time:delete": "staff",
    "time:overview": "staff",
    "time:overview_areas": "staff",
    "time:export": "staff",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # Time: the entry is the contact's; others find no such entry. The overview and its export are
    # for the coordinator and core-area leaders (none of the roles here leads one).
    ("time:edit", "colleague"): 404,
    **{("time:delete", role): 405 for role in STAFF_ROLES},
    **{(f"time:{name}", role): 403 for name in ["overview", "overview_areas", "export"]
       for role in ["colleague", "contact"]},
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# Time entries are fetched through timesheets' *_visible_to: a POST on one the user may not see
# answers 404 and changes nothing.
OTHERS_OBJECTS = {
    "time:delete": lambda w: {"pk": w.time_entry.pk},
}


@pytest.mark.parametrize("name", sorted(OTHERS_OBJECTS))
def test_posting_to_an_object_one_may_not_see_answers_404(name, world):
    check_post_to_an_unseen_object(name, OTHERS_OBJECTS[name], world)
