# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the handover URLs, by role; the machinery is in tests/permissions.py."""

import datetime

import pytest
from django.utils import timezone

from tests.permissions import (
    STAFF_ROLES,
    check_coordinator_action,
    check_get_by_role,
    routes_ruled_by,
    today,
)

RULES = {
    "handovers:list": "coordinator",
    "handovers:new": "coordinator",
    "handovers:detail": "staff",
    "handovers:note": "staff",
    "handovers:confirm": "staff",
    "handovers:reschedule": "coordinator",
    "handovers:cancel": "coordinator",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # The world's handover gives the contact's Kontaktby to an employee without a login: the
    # colleague finds no such handover; confirming is a button (POST only).
    **{(f"handovers:{name}", "colleague"): 404 for name in ["detail", "note"]},
    **{("handovers:confirm", role): 405 for role in STAFF_ROLES},
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "handovers:new": lambda w: ({"slug": w.area.slug}, {
        "to_employee": w.employee.pk, "switch_on": today()}),
    "handovers:reschedule": lambda w: ({"pk": w.handover.pk}, {
        "switch_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat()}),
    "handovers:cancel": lambda w: ({"pk": w.handover.pk}, {"cancel_reason": "Ændrede planer"}),
}
# The coordinator's pages without a POST.
GET_ONLY = {"handovers:list"}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)
