# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Forwarding an inquiry to a core area (kerneområde): its mailbox or its employees are e-mailed,
and its active employees can open the inquiry, find it under "mine" and reply."""

from email.header import decode_header, make_header

import pytest
from django.urls import reverse

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import InquiryEvent
from lokalkontakt.inquiries.services.forwarding import inquiry_forward_to_core_area
from lokalkontakt.inquiries.services.handling import inquiry_close
from lokalkontakt.people.models import CoreArea
from tests.conftest import site_text
from tests.inquiries.conftest import deliver, detail_url, english_client, track_url
from tests.inquiries.test_handling import act, handler, submitted  # noqa: F401 - fixtures
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

Kind = InquiryEvent.Kind


@pytest.fixture
def laering():
    """Læring with a shared mailbox and one signed-in employee."""
    core_area = CoreAreaFactory(name="Læring", email="laering@example.dk")
    user = UserFactory(username="laerer")
    EmployeeFactory(user=user, name="Lærke Lærer", core_area=core_area, email="laerke@example.dk")
    return core_area


def forward(client, inquiry, core_area, note=""):
    return client.post(f"{detail_url(inquiry)}videresend-kerneomraade/",
                       {"corearea-core_area": core_area.pk if core_area else "",
                        "corearea-note": note})


def test_the_inquiry_page_offers_the_core_areas(submitted, handler, laering):  # noqa: F811
    inquiry, _token = submitted

    html = handler.get(detail_url(inquiry)).content.decode()

    assert "Forward to a core area" in html
    assert f'<option value="{laering.pk}">Læring</option>' in html


def test_forwarding_is_an_internal_event_and_mails_the_mailbox(
        setting, submitted, handler, laering):  # noqa: F811
    inquiry, _token = submitted

    response = forward(handler, inquiry, laering, note="Skolens legeplads")

    assert response.status_code == 302
    html = handler.get(detail_url(inquiry)).content.decode()
    assert "The inquiry is forwarded to Læring. E-mail sent to Læring." in html
    event = inquiry.events.get(kind=Kind.FORWARDED_CORE_AREA)
    assert (event.public, event.actor, event.text) == (False, setting.contact,
                                                       "Læring: Skolens legeplads")
    assert list(inquiry.core_areas.all()) == [laering]
    [email] = OutgoingEmail.objects.all()
    assert email.to == ["laering@example.dk"]
    assert "Skolens legeplads" in email.body
    assert inquiry.get_absolute_url() in email.body


def test_without_a_mailbox_the_active_employees_with_an_email_are_mailed(setting, submitted):  # noqa: F811
    inquiry, _token = submitted
    core_area = CoreAreaFactory(name="Sundhed og Omsorg")
    EmployeeFactory(core_area=core_area, email="sofie@example.dk")
    EmployeeFactory(core_area=core_area, email="anders@example.dk")
    EmployeeFactory(core_area=core_area, email="stoppet@example.dk", is_active=False)
    EmployeeFactory(core_area=core_area, email="")

    inquiry_forward_to_core_area(inquiry=inquiry, core_area=core_area,
                                 actor=setting.contact)

    [email] = OutgoingEmail.objects.all()
    assert email.to == ["anders@example.dk", "sofie@example.dk"]


def test_the_core_areas_employee_opens_finds_and_answers_it(submitted, handler, laering, browser):  # noqa: F811
    inquiry, token = submitted
    teacher = english_client(UserFactory(username="laerer"))
    assert teacher.get(detail_url(inquiry)).status_code == 404

    forward(handler, inquiry, laering)

    assert teacher.get(detail_url(inquiry)).status_code == 200
    mine = teacher.get(reverse("inquiries:list")).content.decode()
    assert inquiry.reference in mine
    act(teacher, inquiry, "svar", {"reply-text": "Legepladsen bliver repareret i maj."})
    assert "Legepladsen bliver repareret i maj." in browser.get(track_url(token)).content.decode()


def test_other_core_areas_and_former_employees_do_not_see_it(setting, submitted, laering):  # noqa: F811
    inquiry, _token = submitted
    inquiry_forward_to_core_area(inquiry=inquiry, core_area=laering,
                                 actor=setting.contact)
    former = UserFactory(username="tidligere")
    EmployeeFactory(user=former, core_area=laering, is_active=False)
    elsewhere = UserFactory(username="andetsteds")
    EmployeeFactory(user=elsewhere, core_area=CoreAreaFactory(name="Job og Velfærd"))

    assert english_client(former).get(detail_url(inquiry)).status_code == 403
    assert english_client(elsewhere).get(detail_url(inquiry)).status_code == 404


def test_forwarding_without_a_core_area_is_refused_on_the_field(submitted, handler):  # noqa: F811
    inquiry, _token = submitted

    response = forward(handler, inquiry, None)

    assert response.status_code == 400
    assert 'id="id_corearea-core_area-error"' in response.content.decode()
    assert not inquiry.events.filter(kind=Kind.FORWARDED_CORE_AREA).exists()
    assert not OutgoingEmail.objects.exists()


def test_forwarding_twice_to_the_same_core_area_is_refused(submitted, handler, laering):  # noqa: F811
    inquiry, _token = submitted
    forward(handler, inquiry, laering)
    OutgoingEmail.objects.all().delete()

    response = forward(handler, inquiry, laering)

    assert response.status_code == 400
    assert "Læring already has the inquiry." in response.content.decode()
    assert inquiry.events.filter(kind=Kind.FORWARDED_CORE_AREA).count() == 1
    assert not OutgoingEmail.objects.exists()


def test_a_closed_inquiry_is_not_forwarded(setting, submitted, handler, laering):  # noqa: F811
    inquiry, _token = submitted
    inquiry_close(inquiry=inquiry, outcome="Færdig", actor=setting.contact)

    response = forward(handler, inquiry, laering)

    assert response.status_code == 302
    assert not inquiry.core_areas.exists()
    assert "The inquiry is closed." in handler.get(detail_url(inquiry)).content.decode()


def test_the_coordinator_sets_the_core_areas_mailbox(coordinator_client, laering):
    url = reverse("people:core_area_edit", kwargs={"pk": laering.pk})
    assert 'value="laering@example.dk"' in coordinator_client.get(url).content.decode()

    response = coordinator_client.post(url, {"name": "Læring", "email": "skole@example.dk"})

    assert response.status_code == 302
    assert CoreArea.objects.get(pk=laering.pk).email == "skole@example.dk"


@pytest.mark.django_db(transaction=True)
def test_the_mailbox_receives_the_email(
        setting, submitted, handler, laering, smtp_server, settings):  # noqa: F811
    settings.SITE_URL = "https://lokalkontakt.example.dk/"
    inquiry, _token = submitted
    deliver(smtp_server)  # the intake's e-mails

    forward(handler, inquiry, laering, note="Kan I svare?")

    [(recipients, message, body)] = deliver(smtp_server)
    assert recipients == ["laering@example.dk"]
    subject = str(make_header(decode_header(message["Subject"])))
    assert inquiry.reference in subject and "Læring" in subject
    assert "Kan I svare?" in body
    assert site_text("To the staff of %(name)s,", name="Læring") in body
    assert site_text("Dear %(name)s,", name="Læring") not in body
    assert f"https://lokalkontakt.example.dk{detail_url(inquiry)}" in body
    assert "formand@glud.example.dk" not in body  # no personal data in the notice
