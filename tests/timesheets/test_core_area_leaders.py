# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Core-area leaders (issue 7, item 2): the coordinator names them on the core area's form, and a
leader then reaches the time overview with their core area's staff. English pages, so the
assertions do not depend on the state of the Danish translation."""

import datetime
import html

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.people import services
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import english_client
from tests.people.factories import CoreAreaFactory, EmployeeFactory
from tests.timesheets.factories import TimeEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    """The group comes from a data migration, which a transactional test's flush removes."""
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture
def teknik(contact_user):
    """The contact's core area, "Teknik og Miljø", with Glud covered and time in it."""
    core_area = CoreAreaFactory(name="Teknik og Miljø", description="Veje og natur")
    employee = contact_user.employee
    employee.core_area = core_area
    employee.save()
    area = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=area, employee=employee)
    TimeEntryFactory(employee=employee, area=area, day=datetime.date(2026, 11, 24))
    return core_area


def text(response) -> str:
    return html.unescape(response.content.decode())


def form_data(core_area, leaders) -> dict:
    return {"name": core_area.name, "description": core_area.description, "email": "",
            "external_uuid": "", "leaders": [leader.pk for leader in leaders]}


def test_the_core_area_form_offers_the_active_employees_as_leaders(coordinator, colleague,
                                                                   teknik):
    EmployeeFactory(name="Inge Inaktiv", is_active=False)

    response = english_client(coordinator).get(reverse("people:core_area_edit", args=[teknik.pk]))

    content = text(response)
    assert response.status_code == 200
    select = content.split('name="leaders"')[1].split("</select>")[0]
    assert "Kalle Kollega" in select
    assert "Lise Lokal" in select
    assert "Inge Inaktiv" not in select
    assert "They see which of the core area's staff are contacts and the time it costs." in content
    assert "Leaders" in content


def test_the_form_shows_the_leaders_already_named(coordinator, colleague, teknik):
    teknik.leaders.add(colleague.employee)

    content = text(english_client(coordinator).get(
        reverse("people:core_area_edit", args=[teknik.pk])))

    assert f'<option value="{colleague.employee.pk}" selected>' in content


def test_a_named_leader_reaches_the_time_overview_with_the_staff(coordinator, colleague, teknik):
    leader = english_client(colleague)
    assert leader.get(reverse("time:overview")).status_code == 403

    response = english_client(coordinator).post(
        reverse("people:core_area_edit", args=[teknik.pk]),
        form_data(teknik, [colleague.employee]), follow=True)

    assert response.redirect_chain == [(reverse("people:core_area_list"), 302)]
    assert "Teknik og Miljø is saved." in text(response)
    assert list(teknik.leaders.all()) == [colleague.employee]
    overview = leader.get(reverse("time:overview"), {"start": "2026-11-23", "end": "2026-11-29"})
    assert overview.status_code == 200
    assert "Lise Lokal" in text(overview)
    assert leader.get(reverse("time:export")).status_code == 200
    assert "Time overview" in text(leader.get(reverse("time:mine")))


def test_taking_a_leader_off_closes_the_overview(coordinator, colleague, teknik):
    teknik.leaders.add(colleague.employee)
    leader = english_client(colleague)
    assert leader.get(reverse("time:overview")).status_code == 200

    english_client(coordinator).post(reverse("people:core_area_edit", args=[teknik.pk]),
                                     form_data(teknik, []))

    assert not teknik.leaders.exists()
    assert leader.get(reverse("time:overview")).status_code == 403


def test_a_new_core_area_can_have_leaders_from_the_start(coordinator, colleague):
    response = english_client(coordinator).post(reverse("people:core_area_create"), {
        "name": "Job og Velfærd", "leaders": [colleague.employee.pk]})

    assert response.status_code == 302
    assert list(colleague.employee.led_core_areas.values_list("name", flat=True)) == [
        "Job og Velfærd"]


def test_an_inactive_employee_cannot_be_named(coordinator, teknik):
    inactive = EmployeeFactory(name="Inge Inaktiv", is_active=False)

    response = english_client(coordinator).post(
        reverse("people:core_area_edit", args=[teknik.pk]), form_data(teknik, [inactive]))

    assert response.status_code == 200  # the older apps answer an invalid form with 200
    assert (f"Leaders: Select a valid choice. {inactive.pk} is not one of the available choices."
            in text(response))
    assert not teknik.leaders.exists()


def test_only_the_coordinator_names_leaders(colleague, contact_user, teknik):
    for user in (colleague, contact_user):
        response = english_client(user).post(reverse("people:core_area_edit", args=[teknik.pk]),
                                             form_data(teknik, [user.employee]))
        assert response.status_code == 403
    assert not teknik.leaders.exists()


def test_a_leader_whose_employee_record_is_deactivated_loses_the_overview(colleague, teknik):
    teknik.leaders.add(colleague.employee)
    colleague.employee.is_active = False
    colleague.employee.save()

    assert english_client(colleague).get(reverse("time:overview")).status_code == 403


def test_a_leader_of_two_core_areas_sees_both(colleague, teknik):
    laering = CoreAreaFactory(name="Læring")
    other = EmployeeFactory(name="Ole Anden", core_area=laering)
    AssignmentFactory(area=LocalAreaFactory(name="Hornsyld"), employee=other)
    stranger = EmployeeFactory(name="Sara Fremmed", core_area=CoreAreaFactory(name="Ældre"))
    AssignmentFactory(area=LocalAreaFactory(name="Stouby"), employee=stranger)
    teknik.leaders.add(colleague.employee)
    laering.leaders.add(colleague.employee)

    content = text(english_client(colleague).get(reverse("time:overview")))

    assert "Lise Lokal" in content
    assert "Ole Anden" in content
    assert "Sara Fremmed" not in content


# The service


def test_core_area_save_replaces_the_leaders(colleague, contact_user, teknik):
    teknik.leaders.add(contact_user.employee)

    services.core_area_save(core_area=teknik, name=teknik.name, leaders=[colleague.employee])

    assert list(teknik.leaders.all()) == [colleague.employee]


def test_core_area_save_without_leaders_keeps_them(colleague, teknik):
    teknik.leaders.add(colleague.employee)

    services.core_area_save(core_area=teknik, name=teknik.name, description="Ny beskrivelse")

    assert list(teknik.leaders.all()) == [colleague.employee]


def test_core_area_save_with_no_leaders_takes_them_off(colleague, teknik):
    teknik.leaders.add(colleague.employee)

    services.core_area_save(core_area=teknik, name=teknik.name, leaders=[])

    assert not teknik.leaders.exists()
