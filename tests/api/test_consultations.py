# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Consultations through the API (consultations:read): the areas asked and their answers."""

import pytest

from lokalkontakt.api.scopes import Scope
from lokalkontakt.core.models import AccessLogEntry, FocusArea
from tests.api.factories import keyed_client
from tests.areas.factories import LocalAreaFactory
from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/consultations/"


def reader():
    return keyed_client(scopes=[Scope.CONSULTATIONS_READ])


def test_a_consultation_shows_each_areas_answer_and_who_asked():
    asker = EmployeeFactory(name="Kim Planlægger", email="kim@hedensted.dk")
    consultation = ConsultationFactory(title="Cykelsti", requested_by=asker)
    consultation.focus_areas.add(FocusArea.objects.get(slug="smidige-processer"))
    ConsultationTaskFactory(consultation=consultation, responded=True, heard="Bestyrelsen",
                            area=LocalAreaFactory(name="Glud", slug="glud"))
    ConsultationTaskFactory(consultation=consultation, area=LocalAreaFactory(name="Hornsyld",
                                                                             slug="hornsyld"))

    body = reader().get(f"{URL}{consultation.pk}/").json()

    assert body["reference"] == consultation.reference
    assert body["title"] == "Cykelsti"
    assert body["requested_by"] == {"name": "Kim Planlægger", "email": "kim@hedensted.dk"}
    assert body["focus_areas"] == ["smidige-processer"]
    assert [(a["area"]["slug"], a["status"], a["response"], a["heard"]) for a in body["areas"]] == [
        ("glud", "responded", "Vi støtter forslaget.", "Bestyrelsen"),
        ("hornsyld", "waiting", "", "")]
    assert body["areas"][0]["responded_at"] is not None


def test_the_list_is_newest_first_and_filters_by_status():
    older = ConsultationFactory()
    closed = ConsultationFactory(closed=True)

    def ids(**params):
        return [c["id"] for c in reader().get(URL, params).json()["results"]]

    assert ids() == [closed.pk, older.pk]
    assert ids(status="open") == [older.pk]


@pytest.mark.parametrize("count", [2, 40])
def test_the_list_costs_the_same_number_of_queries_for_2_or_40(count, django_assert_num_queries):
    for _ in range(count):
        consultation = ConsultationTaskFactory(responded=True).consultation
        ConsultationTaskFactory(consultation=consultation)
        consultation.focus_areas.add(FocusArea.objects.first())
    client = reader()
    client.get("/api/v1/key/")

    # The key; the count; the page; its areas asked; its focus areas; the access log (who asked).
    with django_assert_num_queries(6):
        response = client.get(URL)

    assert len(response.json()["results"]) == count


def test_the_employee_who_asked_is_in_the_access_log():
    asker = EmployeeFactory(name="Hanne Høring")
    consultation = ConsultationFactory(requested_by=asker)

    reader().get(f"{URL}{consultation.pk}/")
    reader().get(URL)

    entries = AccessLogEntry.objects.filter(object_type="people.employee", object_id=asker.pk)
    assert entries.count() == 2
    assert all(e.username.startswith("API: ") for e in entries)
