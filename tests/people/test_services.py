# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writes about core areas and employees."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from lokalkontakt.people import selectors, services
from lokalkontakt.people.models import CoreArea, Employee
from tests.areas.factories import AssignmentFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_core_area_save_creates_a_core_area_with_a_trimmed_name():
    core_area = services.core_area_save(name="  Job og Velfærd ", description="Jobcenter")

    assert (core_area.name, core_area.description) == ("Job og Velfærd", "Jobcenter")


@pytest.mark.parametrize("name", ["Læring", "læring", "LÆRING"])
def test_core_area_save_refuses_a_name_in_use_whatever_the_case(name):
    CoreAreaFactory(name="Læring")

    with pytest.raises(ValidationError) as error:
        services.core_area_save(name=name)

    assert error.value.message_dict == {"name": ["A core area with this name already exists."]}
    assert CoreArea.objects.count() == 1


def test_core_area_save_lets_a_core_area_keep_its_own_name():
    core_area = CoreAreaFactory(name="Læring")

    services.core_area_save(core_area=core_area, name="Læring", description="Skoler")

    core_area.refresh_from_db()
    assert core_area.description == "Skoler"


def test_core_areas_list_in_danish_order_with_active_employee_counts():
    for name in ["Ældre", "Børn og Unge", "Sundhed og Omsorg"]:
        CoreAreaFactory(name=name)
    EmployeeFactory(core_area=CoreArea.objects.get(name="Ældre"))
    EmployeeFactory(core_area=CoreArea.objects.get(name="Ældre"), is_active=False)

    rows = [(c.name, c.employee_count) for c in selectors.core_areas_list()]

    assert rows == [("Børn og Unge", 0), ("Sundhed og Omsorg", 0), ("Ældre", 1)]


def test_employee_save_ties_an_existing_login_by_username():
    user = UserFactory(username="fkj")

    employee = services.employee_save(name="Frank Kjær", username="fkj")

    assert Employee.objects.get(user=user) == employee


def test_employee_save_refuses_an_unknown_username():
    with pytest.raises(ValidationError) as error:
        services.employee_save(name="Frank Kjær", username="findes-ikke")

    assert error.value.message_dict == {"username": ["No user account has this username."]}
    assert not Employee.objects.exists()


def test_employee_save_refuses_a_login_that_belongs_to_someone_else():
    EmployeeFactory(name="Lise Lokal", user=UserFactory(username="lise"))

    with pytest.raises(ValidationError) as error:
        services.employee_save(name="Frank Kjær", username="lise")

    assert error.value.message_dict == {"username": ["This user account belongs to Lise Lokal."]}


def test_employee_save_refuses_deactivating_someone_who_covers_areas():
    employee = AssignmentFactory(employee__name="Susanne Ernst").employee

    with pytest.raises(ValidationError) as error:
        services.employee_save(employee=employee, name="Susanne Ernst", is_active=False)

    assert error.value.message_dict == {"is_active": [
        "Susanne Ernst still covers local areas. End those assignments before deactivating."]}
    employee.refresh_from_db()
    assert employee.is_active is True


def test_employee_save_deactivates_someone_whose_assignments_have_ended():
    employee = AssignmentFactory(employee__name="Susanne Ernst", ended=True).employee

    services.employee_save(employee=employee, name="Susanne Ernst", is_active=False)

    employee.refresh_from_db()
    assert employee.is_active is False


def test_employees_list_leaves_out_inactive_employees_unless_asked():
    EmployeeFactory(name="Aktiv Ansat")
    EmployeeFactory(name="Tidligere Ansat", is_active=False)

    assert [e.name for e in selectors.employees_list()] == ["Aktiv Ansat"]
    assert [e.name for e in selectors.employees_list(include_inactive=True)] == [
        "Aktiv Ansat", "Tidligere Ansat"]
