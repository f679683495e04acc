# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""An inquiry a self-service form sends through the API, end to end: routed to the area's
contact, the e-mails delivered by the worker to a real SMTP server on loopback, on the contact's
pages, and once in the change feed."""

import pytest

from lokalkontakt.api.scopes import Scope
from lokalkontakt.inquiries.models import Inquiry
from tests.api.factories import keyed_client
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import (  # noqa: F401 - fixtures
    _coordinator_group,
    deliver,
    english_client,
    smtp_server,
    tracking_path,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"


def test_an_inquiry_sent_through_the_api_reaches_its_contact_and_the_feed_once(
        contact_user, smtp_server):  # noqa: F811
    area = LocalAreaFactory(name="Glud", slug="glud")
    AssignmentFactory(area=area, employee=contact_user.employee)
    client = keyed_client(scopes=[Scope.INQUIRIES_WRITE, Scope.CHANGES_READ], name="OS2forms")

    response = client.post("/api/v1/inquiries/", {
        "area": "glud", "subject": "Legeplads ved hallen", "text": "Gyngen er i stykker.",
        "submitter_kind": "citizen", "submitter_name": "Bo Borger",
        "submitter_email": "bo@example.dk", "external_reference": "sub-1001"}, format="json")

    assert response.status_code == 201
    inquiry = Inquiry.objects.get()
    assert inquiry.assignee == contact_user.employee
    mail = {tuple(to): body for to, _message, body in deliver(smtp_server)}
    assert set(mail) == {("bo@example.dk",), (contact_user.employee.email,)}
    assert f"https://lokalkontakt.example.dk/henvendelser/{inquiry.pk}/" in mail[
        (contact_user.employee.email,)]
    tracking = english_client().get(tracking_path(mail[("bo@example.dk",)]))
    assert "Legeplads ved hallen" in tracking.content.decode()
    contact = english_client(contact_user)
    assert "Legeplads ved hallen" in contact.get("/henvendelser/").content.decode()
    assert "1 open inquiry" in contact.get("/mine-omraader/").content.decode()

    # A retry of the same submission makes nothing new and sends nothing.
    assert client.post("/api/v1/inquiries/", {
        "area": "glud", "subject": "Legeplads ved hallen", "text": "Gyngen er i stykker.",
        "submitter_kind": "citizen", "submitter_name": "Bo Borger",
        "external_reference": "sub-1001"}, format="json").status_code == 200
    assert deliver(smtp_server) == []

    first = client.get("/api/v1/changes/").json()
    second = client.get("/api/v1/changes/", {"after": first["last_id"]}).json()
    assert [(c["reference"], c["action"]) for c in first["results"]] == [
        (inquiry.reference, "created")]
    assert second["results"] == []
