# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the consultation URLs, by role; the machinery is in tests/permissions.py."""

import datetime

import pytest
from django.utils import timezone

from tests.permissions import (
    CONSULTATION_PAGES,
    STAFF_ROLES,
    check_get_by_role,
    check_refused_post,
    routes_ruled_by,
)

RULES = {
    "consultations:list": "staff",
    "consultations:tasks": "staff",
    "consultations:new": "staff",
    "consultations:detail": "staff",
    "consultations:export": "staff",
    "consultations:print": "staff",
    "consultations:close": "staff",
    "consultations:task": "staff|council",
    "consultations:attachment": "staff|council",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # The status page with every area's response is for the requester and the coordinator.
    **{(f"consultations:{name}", role): 404
       for name in CONSULTATION_PAGES for role in ["colleague", "contact"]},
    **{("consultations:close", role): 405 for role in STAFF_ROLES},
    # The Glud task and the consultation's file: Glud's contact, its council and the coordinator.
    ("consultations:task", "colleague"): 404,
    ("consultations:attachment", "colleague"): 404,
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


def _in_two_weeks() -> str:
    return (timezone.localdate() + datetime.timedelta(days=14)).isoformat()


# name -> (kwargs, form data, the role whose request goes through, {refused role: status})
NEW_POSTS = {
    "consultations:new": (
        lambda w: {}, {"title": "Trafikplan", "description": "Hvad mener I?",
                       "deadline": _in_two_weeks(), "all_areas": "on"},
        "colleague", {"council": 403, "outsider": 403}),
    "consultations:close": (
        lambda w: {"pk": w.consultation.pk}, {},
        "coordinator", {"colleague": 404, "contact": 404, "council": 403, "outsider": 403}),
    "consultations:task": (
        lambda w: {"pk": w.consultation.tasks.get().pk}, {"kind": "no_comments"},
        "council", {"colleague": 404, "outsider": 403}),
}


@pytest.mark.parametrize("name", sorted(NEW_POSTS))
def test_consultation_actions_refuse_everyone_else(name, world):
    check_refused_post(name, NEW_POSTS[name], world)
