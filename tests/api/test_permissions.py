# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The API's URLs in the permission matrix of every page (tests/permissions.py): the public
endpoints answer everyone; a keyed endpoint answers no session, signed in or not (401), since
the API authenticates by key. What each scope may do is in test_keys.py and the endpoints' tests."""

import pytest

from tests.permissions import check_get_by_role, routes_ruled_by

RULES = {
    "api:schema": "public",
    "api:focus-area-list": "public",
    "api:focus-area-detail": "public",
    "api:key": "api_key",
    "api:journal-list": "api_key",
    "api:journal-case-package": "api_key",
    "api:journal-case-journalised": "api_key",
}

GET_STATUS = {}


class TestGetByRole:
    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)
