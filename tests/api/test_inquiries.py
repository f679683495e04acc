# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Inquiries through the API: a system sends one (inquiries:write) and reads them back
(inquiries:read) with their public timeline, never the internal one."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from lokalkontakt.api.scopes import Scope
from lokalkontakt.core.models import AccessLogEntry, FocusArea
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services.handling import inquiry_comment
from lokalkontakt.inquiries.services.replies import inquiry_reply
from tests.api.factories import keyed_client, make_key
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/inquiries/"


def sent(area="glud", **overrides) -> dict:
    return {"area": area, "subject": "Vejbump på Skolevej", "text": "Bilerne kører for stærkt.",
            "submitter_kind": "citizen", "submitter_name": "Bo Borger",
            "submitter_email": "bo@example.dk", "submitter_phone": "+45 20 30 40 50",
            "channel": "web_form", **overrides}


@pytest.fixture
def glud(contact_user):
    area = LocalAreaFactory(name="Glud", slug="glud")
    AssignmentFactory(area=area, employee=contact_user.employee)
    return area


def writer(name="OS2forms"):
    return keyed_client(scopes=[Scope.INQUIRIES_WRITE, Scope.INQUIRIES_READ], name=name)


def test_an_inquiry_sent_is_routed_to_the_areas_contact_with_deadlines(glud, contact_user):
    response = writer().post(URL, sent(focus_areas=["smidige-processer"]), format="json")

    assert response.status_code == 201
    inquiry = Inquiry.objects.get()
    body = response.json()
    assert body["reference"] == inquiry.reference
    assert body["status"] == "received"
    assert body["area"] == {"slug": "glud", "name": "Glud"}
    assert body["handled_by"] == {"name": contact_user.employee.name,
                                  "email": contact_user.employee.email}
    assert body["answer_due"] == inquiry.answer_due.isoformat()
    assert body["focus_areas"] == ["smidige-processer"]
    assert body["received_through_api_from"] == "OS2forms"
    assert "token" not in str(body) and "spor" not in str(body)


def test_the_first_step_says_it_came_through_the_api_from_the_system(glud):
    writer("Selvbetjening").post(URL, sent(), format="json", HTTP_ACCEPT_LANGUAGE="en")

    first = Inquiry.objects.get().events.order_by("pk").first()
    assert first.kind == InquiryEvent.Kind.SUBMITTED and first.public
    assert first.text == "Received through the API from Selvbetjening."


def test_a_retry_with_the_same_external_reference_returns_the_inquiry_made(glud):
    client = writer()
    first = client.post(URL, sent(external_reference="os2forms-77"), format="json")
    again = client.post(URL, sent(external_reference="os2forms-77"), format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Inquiry.objects.count() == 1


def test_another_system_may_use_the_same_external_reference(glud):
    writer("A").post(URL, sent(external_reference="77"), format="json")
    response = writer("B").post(URL, sent(external_reference="77"), format="json")

    assert response.status_code == 201
    assert Inquiry.objects.count() == 2


def test_the_api_is_not_rate_limited_like_the_public_form(glud, settings):
    settings.INQUIRY_RATE_LIMIT = 1
    client = writer()

    statuses = [client.post(URL, sent(), format="json").status_code for _ in range(3)]

    assert statuses == [201, 201, 201]


@pytest.mark.parametrize("overrides, field, message", [
    ({"area": "atlantis"}, "area", "Object with slug=atlantis does not exist."),
    ({"subject": ""}, "subject", "This field may not be blank."),
    ({"submitter_email": "bo"}, "submitter_email", "Enter a valid email address."),
    ({"channel": "fax"}, "channel", "\"fax\" is not a valid choice."),
    ({"received_on": "2999-01-01"}, "received_on", "The date received cannot be in the future."),
    ({"focus_areas": ["nope"]}, "focus_areas", "Object with slug=nope does not exist."),
])
def test_bad_input_is_refused_with_the_fields_messages_and_nothing_is_made(
        glud, overrides, field, message):
    response = writer().post(URL, sent(**overrides), format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert not Inquiry.objects.exists()


def test_the_refusal_is_in_danish_by_default(glud):
    response = writer().post(URL, sent(received_on="2999-01-01"), format="json")

    assert response.json() == {"received_on": ["Datoen for modtagelse kan ikke ligge i fremtiden."]}


def test_the_detail_shows_the_public_timeline_only(glud, contact_user):
    inquiry = InquiryFactory(area=glud)
    inquiry_comment(inquiry=inquiry, text="Intern note om naboen", actor=contact_user)
    inquiry_reply(inquiry=inquiry, text="Vi kigger på det.", actor=contact_user)

    body = keyed_client(scopes=[Scope.INQUIRIES_READ]).get(f"{URL}{inquiry.reference}/").json()

    assert [(e["kind"], e["text"]) for e in body["events"]] == [("reply", "Vi kigger på det.")]
    assert "Intern note" not in str(body)
    assert body["status"] == "answered"


def test_the_detail_answers_by_id_too_and_404_for_anything_else(glud):
    inquiry = InquiryFactory(area=glud)
    client = keyed_client(scopes=[Scope.INQUIRIES_READ])

    assert client.get(f"{URL}{inquiry.pk}/").json()["id"] == inquiry.pk
    assert client.get(f"{URL}H-99999/").status_code == 404
    assert client.get(f"{URL}x-1/").status_code == 404


def test_a_read_of_the_submitters_data_is_in_the_access_log(glud):
    inquiry = InquiryFactory(area=glud)
    row, key = make_key(scopes=[Scope.INQUIRIES_READ], name="ESDH")

    keyed_client(key).get(f"{URL}{inquiry.pk}/")
    keyed_client(key).get(URL)

    entries = AccessLogEntry.objects.filter(object_type="inquiries.inquiry", object_id=inquiry.pk)
    assert [e.username for e in entries] == [f"API: ESDH ({row.prefix})"] * 2


def test_the_employee_named_as_handling_it_is_in_the_access_log(glud, contact_user):
    inquiry = InquiryFactory(area=glud, assignee=contact_user.employee)
    row, key = make_key(scopes=[Scope.INQUIRIES_READ], name="ESDH")

    keyed_client(key).get(f"{URL}{inquiry.pk}/")
    keyed_client(key).get(URL)

    entries = AccessLogEntry.objects.filter(object_type="people.employee",
                                            object_id=contact_user.employee.pk)
    assert [e.username for e in entries] == [f"API: ESDH ({row.prefix})"] * 2


def test_an_anonymised_inquiry_shows_no_personal_data(glud):
    inquiry = InquiryFactory(area=glud, submitter_name="", submitter_email="",
                             anonymised_at=timezone.now())

    body = keyed_client(scopes=[Scope.INQUIRIES_READ]).get(f"{URL}{inquiry.pk}/").json()

    assert body["submitter"] is None
    assert body["anonymised_at"] is not None


def test_the_list_is_newest_received_first_and_filters(glud):
    today = timezone.localdate()
    old = InquiryFactory(area=glud, received_on=today - datetime.timedelta(days=9))
    new = InquiryFactory(area=glud, received_on=today)
    closed = InquiryFactory(received_on=today - datetime.timedelta(days=3), status="closed")
    client = keyed_client(scopes=[Scope.INQUIRIES_READ])

    def ids(**params):
        return [i["id"] for i in client.get(URL, params).json()["results"]]

    assert ids() == [new.pk, closed.pk, old.pk]
    assert ids(area="glud") == [new.pk, old.pk]
    assert ids(status="closed") == [closed.pk]
    assert ids(received_since=(today - datetime.timedelta(days=4)).isoformat()) == [new.pk, closed.pk]
    assert ids(received_until=(today - datetime.timedelta(days=4)).isoformat()) == [old.pk]


def test_a_bad_filter_is_refused(glud):
    response = keyed_client(scopes=[Scope.INQUIRIES_READ]).get(
        URL, {"status": "lost"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json() == {"status": ["\"lost\" is not a valid choice."]}


def test_the_list_is_followed_page_by_page(glud):
    made = [InquiryFactory(area=glud).pk for _ in range(5)]
    client = keyed_client(scopes=[Scope.INQUIRIES_READ])

    seen, url = [], f"{URL}?page_size=2"
    while url:
        page = client.get(url).json()
        seen += [i["id"] for i in page["results"]]
        url = page["next"]

    assert seen == sorted(made, reverse=True)


@pytest.mark.parametrize("count", [2, 40])
def test_the_list_costs_the_same_number_of_queries_for_2_or_40(glud, count,
                                                               django_assert_num_queries):
    focus = FocusArea.objects.first()
    for _ in range(count):
        InquiryFactory(area=glud, assignee=glud.assignments.get().employee).focus_areas.add(focus)
    client = keyed_client(scopes=[Scope.INQUIRIES_READ])
    client.get("/api/v1/key/")  # the key's last use is recorded once a minute, not on each call

    # The key; the page; its focus areas; the access log.
    with django_assert_num_queries(4):
        response = client.get(URL)

    assert len(response.json()["results"]) == count


def test_the_detail_costs_a_fixed_number_of_queries(glud, contact_user, django_assert_num_queries):
    inquiry = InquiryFactory(area=glud)
    for n in range(3):
        inquiry_reply(inquiry=inquiry, text=f"Svar {n}", actor=contact_user)
    client = keyed_client(scopes=[Scope.INQUIRIES_READ])
    client.get("/api/v1/key/")

    # The key; the inquiry; its focus areas; its public steps; the access log.
    with django_assert_num_queries(5):
        client.get(f"{URL}{inquiry.pk}/")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions")
def test_two_retries_at_the_same_moment_make_one_inquiry():
    LocalAreaFactory(name="Glud", slug="glud")
    _row, key = make_key(scopes=[Scope.INQUIRIES_WRITE])
    start, statuses = threading.Barrier(2), []

    def post():
        start.wait(5)
        statuses.append(keyed_client(key).post(URL, sent(external_reference="os2forms-5"),
                                               format="json").status_code)
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(statuses) == [200, 201]
    assert Inquiry.objects.count() == 1
