# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the guides' URLs, by role; the machinery is in tests/permissions.py."""

import pytest

from tests.permissions import check_coordinator_action, check_get_by_role, routes_ruled_by

RULES = {
    "guides:public": "public",
    "guides:staff": "staff",
    **{f"guides:{audience}_{page}": "coordinator"
       for audience in ("public", "staff") for page in ("edit", "history", "version")},
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, {})


POST_ACTIONS = {
    f"guides:{audience}_edit": lambda w: ({}, {
        "title": "Sådan bruger du Lokalkontakten", "body": "En ny tekst om **Lokalkontakten**.",
        "note": "Omskrevet"})
    for audience in ("public", "staff")
}
# The history and its versions are read, not changed.
GET_ONLY = {f"guides:{audience}_{page}" for audience in ("public", "staff")
            for page in ("history", "version")}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)
