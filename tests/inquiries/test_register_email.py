# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What a registration by staff sends, as it arrives at a real SMTP server (aiosmtpd on loopback)
through the worker: with an e-mail address the citizen gets the public form's receipt and its
tracking link works; without one only the handler hears of it."""

import pytest

from lokalkontakt.inquiries.models import Inquiry
from tests.inquiries.conftest import deliver, detail_url, english_client, tracking_path

pytestmark = pytest.mark.django_db(transaction=True)

REGISTER_URL = "/henvendelser/registrer/"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"


def letter(area, **overrides) -> dict:
    return {"channel": "letter", "received_on": "2026-12-03", "area": str(area.pk),
            "submitter_kind": "association", "submitter_name": "Glud Borgerforening",
            "submitter_email": "", "submitter_phone": "", "subject": "Juletræ på torvet",
            "text": "Brev om juletræet.", **overrides}


def test_with_an_e_mail_the_citizen_gets_the_receipt_and_can_follow_the_inquiry(setting, smtp_server):
    client = english_client(setting.contact)
    client.post(REGISTER_URL, letter(setting.area, submitter_email="forening@example.dk"))
    inquiry = Inquiry.objects.get()

    messages = {tuple(to): body for to, _message, body in deliver(smtp_server)}

    assert set(messages) == {("forening@example.dk",), (setting.contact.employee.email,)}
    receipt = messages[("forening@example.dk",)]
    assert "3. december 2026" in receipt
    assert "https://lokalkontakt.example.dk/privatliv/" in receipt
    page = english_client().get(tracking_path(receipt))
    assert page.status_code == 200 and "Juletræ på torvet" in page.content.decode()
    assert f"https://lokalkontakt.example.dk{detail_url(inquiry)}" in messages[
        (setting.contact.employee.email,)]


def test_without_an_e_mail_only_the_handler_hears_of_it(setting, smtp_server):
    english_client(setting.contact).post(REGISTER_URL, letter(setting.area))

    assert [to for to, _message, _body in deliver(smtp_server)] == [[setting.contact.employee.email]]
