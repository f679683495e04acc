# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the knowledge URLs, by role; the machinery is in tests/permissions.py."""

import pytest

from tests.permissions import STAFF_ROLES, check_get_by_role, check_refused_post, routes_ruled_by

RULES = {
    "knowledge:list": "staff|council",
    "knowledge:new": "staff",
    "knowledge:detail": "public",
    "knowledge:edit": "staff",
    "knowledge:version": "staff",
    "knowledge:delete": "staff",
    "knowledge:attachment": "public",
    "knowledge:follows": "staff",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # The world's note is the contact's, about Glud, shared with Glud's council: the public (and a
    # former employee) cannot read it or its file; the colleague may read it but not edit it.
    **{(f"knowledge:{name}", role): 404
       for name in ["detail", "attachment"] for role in ["anonymous", "outsider"]},
    ("knowledge:edit", "colleague"): 403,
    **{("knowledge:delete", role): 405 for role in STAFF_ROLES},
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# name -> (kwargs, form data, the role whose request goes through, {refused role: status})
NEW_POSTS = {
    # The world's note is the contact's, about Glud: the colleague may read it, not change it.
    "knowledge:new": (
        lambda w: {}, {"title": "Hallen", "text": "Kan lejes.", "kind": "associations",
                       "visibility": "staff"},
        "colleague", {"council": 403, "outsider": 403}),
    "knowledge:edit": (
        lambda w: {"pk": w.note.pk}, {"title": "Rettet", "text": "Ny tekst", "kind": "events",
                                      "visibility": "staff", "version": 1},
        "contact", {"colleague": 403, "council": 403, "outsider": 403}),
    "knowledge:delete": (
        lambda w: {"pk": w.note.pk}, {},
        "contact", {"colleague": 403, "council": 403, "outsider": 403}),
}


@pytest.mark.parametrize("name", sorted(NEW_POSTS))
def test_note_actions_refuse_everyone_else(name, world):
    check_refused_post(name, NEW_POSTS[name], world)
