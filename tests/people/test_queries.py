# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Mine områder and the employee list cost the same number of queries whatever the data."""

import pytest
from django.urls import reverse

from tests.areas.factories import AssignmentFactory, CouncilFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

MINE = 16  # session, user, employee, group, 2 x permissions; areas with councils; active
# assignments; open inquiries and the overdue ones; waiting consultation tasks and the first deadline;
# the next coordination meeting, the open action items' count and the latest bulletins; the
# unfinished onboarding checklists; the planned handovers the employee gives or receives; the areas
# to register time on
EMPLOYEE_LIST = 7  # session, user, employee, group, 2 x permissions; employees with counts


@pytest.mark.parametrize("areas", [2, 25])
def test_mine_omraader_has_a_fixed_number_of_queries(client, contact_user, areas,
                                                      django_assert_num_queries):
    for _ in range(areas):
        assignment = AssignmentFactory(employee=contact_user.employee)
        CouncilFactory(area=assignment.area)
        AssignmentFactory(area=assignment.area, deputy=True)
    client.force_login(contact_user)

    with django_assert_num_queries(MINE):
        response = client.get(reverse("mine"))

    assert response.status_code == 200
    assert response.content.decode().count('class="area-card"') == areas


@pytest.mark.parametrize("employees", [3, 40])
def test_employee_list_has_a_fixed_number_of_queries(client, colleague, employees,
                                                     django_assert_num_queries):
    for _ in range(employees):
        AssignmentFactory(employee=EmployeeFactory())
    client.force_login(colleague)

    with django_assert_num_queries(EMPLOYEE_LIST):
        response = client.get(reverse("people:employee_list"))

    assert response.status_code == 200


CORE_AREA_LIST = 7  # session, user, employee, group, 2 x permissions; core areas with counts
EMPLOYEE_DETAIL = 8  # session, user, employee, group, 2 x permissions; the employee; assignments


@pytest.mark.parametrize("core_areas", [2, 30])
def test_core_area_list_has_a_fixed_number_of_queries(client, colleague, core_areas,
                                                      django_assert_num_queries):
    for _ in range(core_areas):
        EmployeeFactory()  # each with its own core area
    client.force_login(colleague)

    with django_assert_num_queries(CORE_AREA_LIST):
        response = client.get(reverse("people:core_area_list"))

    assert response.status_code == 200


@pytest.mark.parametrize("assignments", [1, 30])
def test_employee_page_has_a_fixed_number_of_queries(client, colleague, assignments,
                                                     django_assert_num_queries):
    employee = EmployeeFactory()
    for _ in range(assignments):
        AssignmentFactory(employee=employee)
    client.force_login(colleague)

    with django_assert_num_queries(EMPLOYEE_DETAIL):
        response = client.get(reverse("people:employee_detail", kwargs={"pk": employee.pk}))

    assert response.status_code == 200
    assert response.content.decode().count("<tr>") == assignments + 1
