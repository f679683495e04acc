# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""GET /api/v1/employees/, /core-areas/ and /assignments/ for a key with organisation:read:
who works where, who leads what, and who covered which area when."""

import datetime
import uuid

import pytest

from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope
from lokalkontakt.core.models import AccessLogEntry
from tests.api.factories import keyed_client, make_key
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory

pytestmark = pytest.mark.django_db
ORGANISATION = [Scope.ORGANISATION_READ]
OS2MO = uuid.UUID("5f0e3c0a-6a2b-4c59-9d0e-0a1b2c3d4e5f")


def results(response) -> list:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def logged() -> list[tuple[str, int]]:
    return sorted(AccessLogEntry.objects.filter(how="api").values_list("object_type", "object_id"))


# --- employees -------------------------------------------------------------------------------


def test_an_employee_is_given_with_work_contact_details_and_core_area():
    teknik = CoreAreaFactory(name="Teknik og Miljø")
    employee = EmployeeFactory(name="Lise Lokal", email="lise@hedensted.dk", phone="+45 79 75 50 00",
                               title="Planlægger", core_area=teknik, external_uuid=OS2MO)

    response = keyed_client(scopes=ORGANISATION).get(f"/api/v1/employees/{employee.pk}/")

    assert response.json() == {
        "id": employee.pk, "name": "Lise Lokal", "email": "lise@hedensted.dk",
        "phone": "+45 79 75 50 00", "title": "Planlægger",
        "core_area": {"id": teknik.pk, "name": "Teknik og Miljø"}, "active": True,
        "external_uuid": str(OS2MO)}
    assert logged() == [("people.employee", employee.pk)]


def test_employees_are_in_danish_order_and_every_one_given_is_logged():
    names = ["Åse Aagaard", "Ærø Nielsen", "Øjvind Holm", "Anders And", "Zenia Berg"]
    employees = [EmployeeFactory(name=name) for name in names]

    response = keyed_client(scopes=ORGANISATION).get("/api/v1/employees/")

    assert [e["name"] for e in results(response)] == [
        "Anders And", "Zenia Berg", "Ærø Nielsen", "Øjvind Holm", "Åse Aagaard"]
    assert logged() == sorted(("people.employee", e.pk) for e in employees)


def test_employees_are_filtered_by_active_and_core_area():
    teknik = CoreAreaFactory(name="Teknik")
    EmployeeFactory(name="Aktiv i Teknik", core_area=teknik)
    EmployeeFactory(name="Tidligere i Teknik", core_area=teknik, is_active=False)
    EmployeeFactory(name="Aktiv andetsteds")
    client = keyed_client(scopes=ORGANISATION)

    active = results(client.get("/api/v1/employees/", {"active": "true", "core_area": teknik.pk}))
    former = results(client.get("/api/v1/employees/", {"active": "false"}))

    assert [e["name"] for e in active] == ["Aktiv i Teknik"]
    assert [(e["name"], e["active"]) for e in former] == [("Tidligere i Teknik", False)]


def test_a_bad_filter_is_refused_in_danish_and_nothing_is_logged():
    EmployeeFactory()

    response = keyed_client(scopes=ORGANISATION).get("/api/v1/employees/", {"core_area": "x"})

    assert response.status_code == 400
    assert response.json() == {"core_area": ["Et gyldigt heltal er påkrævet."]}
    assert logged() == []


def test_the_employee_list_takes_a_fixed_number_of_queries(django_assert_num_queries):
    client = keyed_client(scopes=ORGANISATION)
    for _number in range(8):
        EmployeeFactory(core_area=CoreAreaFactory())
    client.get("/api/v1/employees/")

    with django_assert_num_queries(4):  # the key, the count, the employees, the access log
        assert len(results(client.get("/api/v1/employees/"))) == 8


# --- core areas ------------------------------------------------------------------------------


def test_core_areas_with_their_leaders_and_the_leaders_are_logged():
    leader = EmployeeFactory(name="Lene Leder", core_area=None)
    teknik = CoreAreaFactory(name="Teknik og Miljø", external_uuid=OS2MO, email="teknik@example.dk")
    teknik.leaders.add(leader)
    børn = CoreAreaFactory(name="Børn og Familie")

    response = keyed_client(scopes=ORGANISATION).get("/api/v1/core-areas/")

    assert results(response) == [
        {"id": børn.pk, "name": "Børn og Familie", "description": "", "email": "",
         "leaders": [], "external_uuid": None},
        {"id": teknik.pk, "name": "Teknik og Miljø", "description": "",
         "email": "teknik@example.dk", "leaders": [{"id": leader.pk, "name": "Lene Leder"}],
         "external_uuid": str(OS2MO)}]
    assert logged() == [("people.employee", leader.pk)]


def test_the_core_area_list_takes_a_fixed_number_of_queries(django_assert_num_queries):
    client = keyed_client(scopes=ORGANISATION)
    for _number in range(5):
        CoreAreaFactory().leaders.add(*EmployeeFactory.create_batch(2, core_area=None))
    client.get("/api/v1/core-areas/")

    with django_assert_num_queries(5):  # key, count, core areas, leaders, access log
        assert len(results(client.get("/api/v1/core-areas/"))) == 5


# --- assignments -----------------------------------------------------------------------------


@pytest.fixture
def glud_history():
    """Glud covered by Anne until March 2021, then by Bo; Carl deputy from 2022."""
    glud = LocalAreaFactory(name="Glud")
    anne, bo, carl = (EmployeeFactory(name=name) for name in ["Anne", "Bo", "Carl"])
    return {
        "anne": AssignmentFactory(area=glud, employee=anne, starts_on=datetime.date(2019, 5, 1),
                                  ends_on=datetime.date(2021, 3, 10)),
        "bo": AssignmentFactory(area=glud, employee=bo, starts_on=datetime.date(2021, 3, 11)),
        "carl": AssignmentFactory(area=glud, employee=carl, deputy=True,
                                  starts_on=datetime.date(2022, 1, 1)),
        "other": AssignmentFactory(area=LocalAreaFactory(name="Juelsminde"), employee=anne,
                                   starts_on=datetime.date(2020, 1, 1)),
    }


def test_an_assignment_is_given_with_its_dates(glud_history):
    anne = glud_history["anne"]

    rows = results(keyed_client(scopes=ORGANISATION).get("/api/v1/assignments/",
                                                         {"employee": anne.employee_id,
                                                          "area": "glud"}))

    assert rows == [{"id": anne.pk, "area": "glud", "employee": anne.employee_id,
                     "role": "primary", "starts_on": "2019-05-01", "ends_on": "2021-03-10",
                     "active": False, "handover_due": False}]
    assert logged() == []  # employees by id only: their names are read (and logged) elsewhere


@pytest.mark.parametrize("query, expected", [
    ({"area": "glud", "on": "2021-03-01"}, ["anne"]),
    ({"area": "glud", "on": "2021-03-10"}, ["anne"]),  # the last day is included
    ({"area": "glud", "on": "2021-03-15"}, ["bo"]),
    ({"area": "glud", "on": "2023-06-01"}, ["carl", "bo"]),
    ({"area": "glud", "on": "2019-01-01"}, []),
    ({"area": "glud"}, ["carl", "bo", "anne"]),
    ({"area": "glud", "active": "true"}, ["carl", "bo"]),
    ({"active": "false"}, ["anne"]),
    ({"area": "glud", "role": "deputy"}, ["carl"]),
    ({"on": "2020-06-01"}, ["other", "anne"]),
])
def test_who_covered_an_area_on_a_day(query, expected, glud_history):
    names = {a.pk: name for name, a in glud_history.items()}

    rows = results(keyed_client(scopes=ORGANISATION).get("/api/v1/assignments/", query))

    assert [names[row["id"]] for row in rows] == expected


def test_a_day_that_is_not_a_date_is_refused(glud_history):
    response = keyed_client(scopes=ORGANISATION).get("/api/v1/assignments/", {"on": "marts 2021"},
                                                     HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert list(response.json()) == ["on"]
    assert "Date has wrong format" in response.json()["on"][0]


def test_the_assignment_list_takes_a_fixed_number_of_queries(glud_history,
                                                             django_assert_num_queries):
    client = keyed_client(scopes=ORGANISATION)
    client.get("/api/v1/assignments/")

    with django_assert_num_queries(3):  # the key, the count, the assignments with their areas
        assert len(results(client.get("/api/v1/assignments/"))) == 4


# --- who may call --------------------------------------------------------------------------


@pytest.fixture
def urls(glud_history):
    employee = glud_history["anne"].employee
    return ["/api/v1/employees/", f"/api/v1/employees/{employee.pk}/", "/api/v1/core-areas/",
            f"/api/v1/core-areas/{employee.core_area_id}/", "/api/v1/assignments/"]


@pytest.mark.parametrize("scopes, status", [
    (None, 401),
    ([Scope.NOTES_READ, Scope.INQUIRIES_READ, Scope.INQUIRIES_WRITE], 403),
    (ORGANISATION, 200),
])
def test_the_scope_matrix(scopes, status, urls):
    client = keyed_client(scopes=scopes or ORGANISATION)
    if scopes is None:
        client.credentials()

    assert [client.get(url).status_code for url in urls] == [status] * len(urls)
    if status != 200:
        assert logged() == []


@pytest.mark.parametrize("change", [
    {"expires_on": datetime.date(2020, 1, 1)},
    {"revoked_at": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)}])
def test_an_expired_or_revoked_key_is_refused(change, urls):
    row, key = make_key(scopes=ORGANISATION)
    ApiKey.objects.filter(pk=row.pk).update(**change)

    assert [keyed_client(key).get(url).status_code for url in urls] == [401] * len(urls)
    assert logged() == []


@pytest.mark.parametrize("url", ["/api/v1/employees/999999/", "/api/v1/core-areas/999999/",
                                 "/api/v1/employees/99999999999999999999/",
                                 "/api/v1/assignments/1/"])
def test_what_does_not_exist_answers_404(url):
    assert keyed_client(scopes=ORGANISATION).get(url).status_code == 404
