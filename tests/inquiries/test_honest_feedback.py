# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Inquiries tell who got the e-mail and who did not (issue 17, item 3): forwarding to a colleague
or a core area names who was e-mailed, and the coordinator gets what was meant for someone who
cannot receive it, with a line saying for whom; so does an inquiry routed to a contact without an
address. English pages."""
# ruff: noqa: F811

import re

import pytest

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.conftest import site_text
from tests.inquiries.conftest import deliver, detail_url, smtp_server  # noqa: F401 - fixture
from tests.inquiries.test_handling import act, handler, submitted  # noqa: F401 - fixtures
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


def meant_for(name: str, reason: str = "no e-mail address") -> str:
    return site_text("This e-mail was meant for %(name)s, who cannot receive it (%(reason)s).",
                     name=name, reason=site_text(reason)) + " " + site_text(
        "You get it as the coordinator, so that it is not lost.")


def flat(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def forward_to(client, inquiry, employee) -> str:
    return act(client, inquiry, "videresend", {
        "forward-employee": employee.pk, "forward-action": "forward", "forward-note": "Hjælp"})


def test_forwarding_to_a_colleague_with_an_address_names_them(setting, submitted, handler):
    inquiry, _token = submitted

    html = forward_to(handler, inquiry, setting.colleague.employee)

    assert "The inquiry is forwarded to Kalle Kollega. E-mail sent to Kalle Kollega." in html
    assert OutgoingEmail.objects.get().to == [setting.colleague.employee.email]


def test_forwarding_to_a_colleague_without_an_address_tells_the_coordinator(
        setting, submitted, handler):
    inquiry, _token = submitted
    carl = EmployeeFactory(name="Carl Nielsen", email="", user=UserFactory(username="carl"))

    html = forward_to(handler, inquiry, carl)

    assert ("The inquiry is forwarded to Carl Nielsen. No e-mail to Carl Nielsen: no e-mail "
            "address. The coordinator got it instead.") in flat(html)
    assert 'class="alert alert-warning"' in html
    notice = OutgoingEmail.objects.get()
    assert notice.to == [setting.coordinator.employee.email]
    assert notice.body.startswith(meant_for("Carl Nielsen"))
    assert "Hjælp" in notice.body


def test_the_colleagues_to_choose_from_say_who_cannot_get_the_email(setting, submitted, handler):
    inquiry, _token = submitted
    EmployeeFactory(name="Carl Nielsen", email="", core_area=None)
    EmployeeFactory(name="Vera Vikar", core_area=None)

    html = handler.get(detail_url(inquiry)).content.decode()

    options = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", html)
    assert "Carl Nielsen – no e-mail address" in options
    assert "Vera Vikar – no login to open the link" in options


def test_a_core_area_without_a_mailbox_names_its_employees(setting, submitted, handler):
    inquiry, _token = submitted
    teknik = CoreAreaFactory(name="Teknik", email="")
    EmployeeFactory(name="Bo Holm", core_area=teknik, email="bo@example.dk")
    EmployeeFactory(name="Anne Jensen", core_area=teknik, email="anne@example.dk")

    html = act(handler, inquiry, "videresend-kerneomraade",
               {"corearea-core_area": teknik.pk, "corearea-note": ""})

    assert "The inquiry is forwarded to Teknik. E-mail sent to Anne Jensen and Bo Holm." in html
    assert OutgoingEmail.objects.get().to == ["anne@example.dk", "bo@example.dk"]


def test_a_core_area_nobody_can_be_emailed_at_tells_the_coordinator(setting, submitted, handler):
    inquiry, _token = submitted
    tomt = CoreAreaFactory(name="Tomt", email="")
    EmployeeFactory(name="Uden Adresse", core_area=tomt, email="")

    html = act(handler, inquiry, "videresend-kerneomraade",
               {"corearea-core_area": tomt.pk, "corearea-note": ""})

    assert ("The inquiry is forwarded to Tomt. No e-mail to Tomt: no e-mail address. The "
            "coordinator got it instead.") in flat(html)
    notice = OutgoingEmail.objects.get()
    assert notice.to == [setting.coordinator.employee.email]
    assert notice.body.startswith(site_text(
        "This e-mail was meant for %(name)s, which has no shared mailbox and no employee with an "
        "e-mail address. You get it as the coordinator, so that it is not lost.", name="Tomt"))


@pytest.mark.django_db(transaction=True)
def test_an_inquiry_for_a_contact_without_an_address_reaches_the_coordinator_saying_for_whom(
        coordinator, smtp_server):
    area = LocalAreaFactory(name="Snaptun")
    AssignmentFactory(area=area, employee=EmployeeFactory(name="Carl Nielsen", email=""))

    inquiry, _token = inquiry_submit(
        area=area, submitter_kind="citizen", subject="Bænken", text="Bænken er væk.",
        submitter_name="Borger", submitter_email="borger@example.dk", submitter_phone="",
        client="192.0.2.30")

    received = {tuple(to): body for to, _message, body in deliver(smtp_server)}
    assert set(received) == {("borger@example.dk",), (coordinator.employee.email,)}
    notice = received[(coordinator.employee.email,)]
    assert notice.startswith(meant_for("Carl Nielsen"))
    assert detail_url(inquiry) in notice


def test_an_inquiry_for_a_contact_with_an_address_reaches_them_as_before(setting):
    inquiry, _token = inquiry_submit(
        area=setting.area, submitter_kind="citizen", subject="Bænken", text="Bænken er væk.",
        submitter_name="Borger", submitter_email="borger@example.dk", submitter_phone="",
        client="192.0.2.31")

    notice = OutgoingEmail.objects.get(to=[setting.contact.employee.email])
    assert site_text("You get it as the coordinator, so that it is not lost.") not in notice.body
    assert inquiry.get_absolute_url() in notice.body
