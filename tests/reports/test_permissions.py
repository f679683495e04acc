# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the reports' URLs, by role; the machinery is in tests/permissions.py.
The reports are for the coordinator and the leaders of core areas (none of the roles here leads
one: a leader's access is tested in the reports' own tests); the public summary is for anyone."""

import pytest

from tests.permissions import (
    check_coordinator_action,
    check_get_by_role,
    report_subscription,
    routes_ruled_by,
)
from tests.reports import kinds

REPORTS = ["reports:scheme", "reports:focus_list", "reports:focus"]
RULES = {
    "reports:public": "public",
    **dict.fromkeys(REPORTS, "staff"),
    "reports:subscriptions": "coordinator",
    "reports:subscription_new": "coordinator",
    "reports:subscription_edit": "coordinator",
    "reports:subscription_active": "coordinator",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    **{(name, role): 403 for name in REPORTS for role in ["colleague", "contact"]},
    ("reports:subscription_active", "coordinator"): 405,  # the list's Stop / Start again button
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


GET_ONLY = {"reports:subscriptions"}

SUBSCRIPTION = {"report": "test|focus_area=smidige-processer", "frequency": "quarterly",
                "recipients": "udvalg@example.dk"}

# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "reports:subscription_new": lambda w: ({}, SUBSCRIPTION),
    "reports:subscription_edit": lambda w: ({"pk": report_subscription(w).pk}, SUBSCRIPTION),
    "reports:subscription_active": lambda w: ({"pk": report_subscription(w).pk}, {"active": "0"}),
}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    with kinds.registered():
        check_coordinator_action(name, POST_ACTIONS[name], world)
