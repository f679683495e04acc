# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the employee and core-area URLs, by role; see tests/permissions.py."""

import pytest

from lokalkontakt.people.models import Employee
from tests.permissions import check_coordinator_action, check_get_by_role, routes_ruled_by

RULES = {
    "people:employee_list": "staff",
    "people:employee_create": "coordinator",
    "people:employee_detail": "staff",
    # Names for the typed employee field (people.fields) as a member of staff types.
    "people:suggestions": "staff",
    "people:employee_edit": "coordinator",
    "people:core_area_list": "staff",
    "people:core_area_create": "coordinator",
    "people:core_area_edit": "coordinator",
    # Buttons on the employee's page (POST only).
    "people:employee_login_create": "coordinator",
    "people:employee_login_send": "coordinator",
    # "Forgot password?" and the page its link (or a new login's) opens.
    "account:password_reset": "public",
    "account:password_set": "public",
}

GET_STATUS = {
    ("people:employee_login_create", "coordinator"): 405,
    ("people:employee_login_send", "coordinator"): 405,
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "people:employee_create": lambda w: ({}, {"name": "Nina Ny", "is_active": "on"}),
    "people:employee_edit": lambda w: ({"pk": w.employee.pk}, {
        "name": "Kalle Omdøbt", "is_active": "on"}),
    "people:core_area_create": lambda w: ({}, {"name": "Nyt kerneområde"}),
    "people:core_area_edit": lambda w: ({"pk": w.core_area.pk}, {"name": "Omdøbt kerneområde"}),
    # The colleague has a login: the e-mail to set its password again (an outgoing e-mail row).
    "people:employee_login_send": lambda w: ({"pk": w.employee.pk}, {}),
    # An employee without a login gets one (and the e-mail to set its password).
    "people:employee_login_create": lambda w: ({"pk": Employee.objects.get_or_create(
        name="Nora Ny", defaults={"email": "nora@example.dk"})[0].pk}, {}),
}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)
