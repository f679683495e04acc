# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the council URLs, by role; the machinery is in tests/permissions.py."""

import pytest

from tests.permissions import STAFF_ROLES, check_get_by_role, check_refused_post, routes_ruled_by

RULES = {
    "council:members": "staff",
    "council:member_reinvite": "staff",
    "council:member_deactivate": "staff",
    "council:home": "council",
    "council:login": "public",
    "council:confirm": "public",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # Only the coordinator and the area's contact or deputy manage its council members; to other
    # staff the members page is missing (councils.permissions.access_managed_area).
    ("council:members", "colleague"): 404,
    **{(f"council:member_{name}", role): 405
       for name in ["reinvite", "deactivate"] for role in STAFF_ROLES},
}

# Where anonymous visitors are sent instead of the staff login.
LOGIN_PAGE = {"council:home": "council:login"}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS, LOGIN_PAGE)


# name -> (kwargs, form data, the role whose request goes through, {refused role: status})
NEW_POSTS = {
    "council:members": (
        lambda w: {"slug": w.area.slug}, {"name": "Niels Ny", "email": "niels@example.dk"},
        "contact", {"colleague": 404, "council": 403, "outsider": 403}),
    "council:member_reinvite": (
        lambda w: {"slug": w.area.slug, "pk": w.council_member.pk}, {},
        "coordinator", {"colleague": 404, "council": 403, "outsider": 403}),
    "council:member_deactivate": (
        lambda w: {"slug": w.area.slug, "pk": w.council_member.pk}, {},
        "contact", {"colleague": 404, "council": 403, "outsider": 403}),
}


@pytest.mark.parametrize("name", sorted(NEW_POSTS))
def test_council_member_actions_refuse_everyone_else(name, world):
    check_refused_post(name, NEW_POSTS[name], world)
