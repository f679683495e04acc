# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The inquiry e-mails as they arrive at a real SMTP server (aiosmtpd on loopback), delivered by
the db_worker; the tracking links in the receipt and the reply are followed as the submitter
would."""

import re

import pytest
from django.conf import settings
from django.utils.translation import gettext, override

from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services.replies import inquiry_reply
from tests.conftest import site_text
from tests.inquiries.conftest import (
    TRACKING_LINK,
    deliver,
    detail_url,
    english_client,
    submit,
    track_url,
    tracking_path,
)
from tests.inquiries.factories import InquiryFactory

# The worker closes connections that are inside a transaction (close_old_connections), as the
# test-case transaction would be on PostgreSQL: these tests commit for real instead.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"


def by_recipient(messages) -> dict:
    return {tuple(recipients): (message, body) for recipients, message, body in messages}


def test_receipt_and_notice_arrive_and_the_tracking_link_works(setting, smtp_server, browser):
    response = submit(browser, setting.area)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert smtp_server.messages == []  # nothing is sent inside the request

    messages = by_recipient(deliver(smtp_server))

    handler_email = setting.contact.employee.email
    assert set(messages) == {("bo.borger@example.dk",), (handler_email,)}
    receipt, receipt_body = messages[("bo.borger@example.dk",)]
    assert inquiry.reference in receipt["Subject"]
    # At least five digits; PostgreSQL's sequences are not reset between tests.
    assert re.fullmatch(r"H-\d{5,}", inquiry.reference)
    assert "Vejbump på Skolevej" in receipt_body
    assert "https://lokalkontakt.example.dk/henvendelser/spor/" in receipt_body
    assert setting.contact.employee.name in receipt_body

    notice, notice_body = messages[(handler_email,)]
    assert inquiry.reference in notice["Subject"]
    assert f"https://lokalkontakt.example.dk{detail_url(inquiry)}" in notice_body
    assert "/spor/" not in notice_body, "the private tracking link is the submitter's only"

    # The submitter follows the link from the e-mail.
    page = browser.get(tracking_path(receipt_body))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vejbump på Skolevej" in html
    assert inquiry.reference in html
    assert "<strong>Received</strong>" in html  # the status
    assert page["Referrer-Policy"] == "same-origin"
    assert "no-cache" in page["Cache-Control"] or "no-store" in page["Cache-Control"]

    # Nothing is sent twice when the worker runs again.
    assert deliver(smtp_server) == []


def test_a_wrong_token_reveals_nothing(setting, smtp_server, browser):
    submit(browser, setting.area)
    [(_to, _message, body)] = [m for m in deliver(smtp_server) if m[0] == ["bo.borger@example.dk"]]
    path = tracking_path(body)
    token = path.rstrip("/").rsplit("/", 1)[1]
    inquiry = Inquiry.objects.get()

    one_off = token[:-1] + ("A" if token[-1] != "A" else "B")
    for wrong in [one_off, token[:20], "x" * 43]:
        response = browser.get(track_url(wrong))
        assert response.status_code == 404
        html = response.content.decode()
        for secret in ["Vejbump", inquiry.reference, "Bo Borger", "bo.borger@example.dk",
                       setting.contact.employee.name, "Glud"]:
            assert secret not in html, f"{secret!r} shown for a wrong token"

    response = browser.post(track_url(one_off), {"text": "Hej"})
    assert response.status_code == 404
    assert not InquiryEvent.objects.filter(kind=InquiryEvent.Kind.FOLLOW_UP).exists()


def test_without_a_contact_the_coordinator_is_notified(setting, smtp_server, browser):
    coordinator_email = setting.coordinator.employee.email
    assert coordinator_email and coordinator_email != setting.coordinator.email

    submit(browser, None)  # "I don't know"

    messages = by_recipient(deliver(smtp_server))
    assert set(messages) == {("bo.borger@example.dk",), (coordinator_email,)}
    inquiry = Inquiry.objects.get()
    assert inquiry.assignee is None
    assert inquiry.reference in messages[(coordinator_email,)][0]["Subject"]


def test_a_reply_is_mailed_to_the_submitter(setting, smtp_server, browser):
    submit(browser, setting.area)
    receipt_body = by_recipient(deliver(smtp_server))[("bo.borger@example.dk",)][1]
    inquiry = Inquiry.objects.get()
    staff = english_client(setting.contact)

    response = staff.post(f"{detail_url(inquiry)}svar/",
                          {"reply-text": "Vi sætter et vejbump op i maj.\nVenlig hilsen"})
    assert response.status_code == 302

    [(recipients, message, body)] = deliver(smtp_server)
    assert recipients == ["bo.borger@example.dk"]
    assert inquiry.reference in message["Subject"]
    assert "Vi sætter et vejbump op i maj." in body
    assert setting.contact.employee.name in body

    # The reply is on the tracking page too, and the status has changed.
    html = browser.get(tracking_path(receipt_body)).content.decode()
    assert "Vi sætter et vejbump op i maj." in html
    assert "<strong>Answered</strong>" in html


def test_the_reply_carries_the_tracking_link_and_it_opens_the_page(setting, smtp_server):
    submit(english_client(), setting.area)
    receipt_body = by_recipient(deliver(smtp_server))[("bo.borger@example.dk",)][1]
    inquiry = Inquiry.objects.get()
    english_client(setting.contact).post(f"{detail_url(inquiry)}svar/",
                                         {"reply-text": "Vi sætter et vejbump op i maj."})

    [(_recipients, _message, body)] = deliver(smtp_server)

    assert "https://lokalkontakt.example.dk/henvendelser/spor/" in body
    assert tracking_path(body) == tracking_path(receipt_body)  # the same personal link
    assert site_text("You can answer through the personal link in the receipt we sent you.") \
        not in body
    # Opened as the submitter would, in a browser that has never seen the site.
    page = english_client().get(tracking_path(body))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vi sætter et vejbump op i maj." in html
    assert inquiry.reference in html


def test_a_reply_on_an_inquiry_from_before_the_salt_points_to_the_receipt(setting, smtp_server):
    inquiry = InquiryFactory(area=setting.area, assignee=setting.contact.employee,
                             submitter_email="gammel@example.dk", token="an-old-random-token")
    assert inquiry.tracking_salt == ""

    inquiry_reply(inquiry=inquiry, text="Svar på en gammel sag.", actor=setting.contact)

    [(recipients, _message, body)] = deliver(smtp_server)
    assert recipients == ["gammel@example.dk"]
    assert "Svar på en gammel sag." in body
    with override(settings.LANGUAGE_CODE):  # e-mails are in the site's language
        assert gettext("You can answer through the personal link in the receipt we sent you.") in body
    assert TRACKING_LINK.findall(body) == []
    # The link from its receipt still works.
    assert english_client().get(track_url("an-old-random-token")).status_code == 200


def test_a_follow_up_from_the_tracking_page_is_mailed_to_the_handler(setting, smtp_server,
                                                                      browser):
    submit(browser, setting.area)
    receipt_body = by_recipient(deliver(smtp_server))[("bo.borger@example.dk",)][1]
    path = tracking_path(receipt_body)

    response = browser.post(path, {"text": "Det haster, der er skolestart på mandag."},
                            follow=True)

    assert response.redirect_chain == [(path, 302)]
    assert "Your message has been sent." in response.content.decode()
    assert "Det haster, der er skolestart på mandag." in response.content.decode()
    [(recipients, message, body)] = deliver(smtp_server)
    assert recipients == [setting.contact.employee.email]
    assert Inquiry.objects.get().reference in message["Subject"]
    assert "Det haster, der er skolestart på mandag." in body
    assert "Bo Borger" in body
