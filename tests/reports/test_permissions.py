# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open the reports' URLs, by role; the machinery is in tests/permissions.py. The reports
are for the coordinator and the leaders of core areas (none of the roles here leads one: a
leader's access is tested in the reports' own tests)."""

import pytest

from tests.permissions import check_get_by_role, routes_ruled_by

REPORTS = ["reports:scheme", "reports:focus_list", "reports:focus"]
RULES = {"reports:public": "public", **dict.fromkeys(REPORTS, "staff")}
GET_STATUS = {(name, role): 403 for name in REPORTS for role in ["colleague", "contact"]}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)
