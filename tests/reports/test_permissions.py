# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open the reports' URLs, by role; the machinery is in tests/permissions.py."""

import pytest

from tests.permissions import check_get_by_role, routes_ruled_by

RULES = {
    "reports:scheme": "staff",
    "reports:public": "public",
}

# The scheme's report is for the coordinator and the core-area leaders (none of the roles here
# leads a core area; tests/reports/test_scheme_views.py has a leader).
GET_STATUS = {("reports:scheme", role): 403 for role in ["colleague", "contact"]}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)
