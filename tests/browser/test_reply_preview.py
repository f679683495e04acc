# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Staff see the e-mail before it goes, in Chromium without JavaScript: the coordinator writes a
reply with a file, shows the e-mail, sends it, and the SMTP server on loopback receives exactly
what was shown; closing with an outcome e-mails it to the citizen the same way. No axe findings
on the page with a preview (axe needs JavaScript), and the preview fits a 320 px phone."""

import re

import pytest
from django.urls import reverse

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.inquiries.emails import personal_link_marker
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.browser.helpers import expect, log_in, message, screenshot, t
from tests.browser.test_accessibility import assert_accessible
from tests.core.test_mail import run_worker
from tests.inquiries.conftest import TRACKING_LINK, smtp_server  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
REPLY = "Tak for beskeden. Vi sender en tekniker i næste uge.\nBænken bliver skiftet."
OUTCOME = "Bænken er skiftet."


@pytest.fixture
def inquiry(hedensted, smtp_server, settings, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = "https://lokalkontakt.example.dk/"
    submitted, _token = inquiry_submit(
        area=LocalArea.objects.get(name="Korning"), submitter_kind="citizen",
        subject="Bænken ved gadekæret", text="Bænken er knækket.", submitter_name="Birthe Borger",
        submitter_email="birthe@example.dk", client="192.0.2.30")
    run_worker()  # the receipt and the notice
    return submitted


def received(smtp_server) -> list[tuple[list[str], str, str]]:  # noqa: F811
    """(recipients, subject, body as a mail program shows it) of what the server got, in order."""
    from email.header import decode_header, make_header

    return [(recipients, " ".join(str(make_header(decode_header(m["Subject"]))).split()),
             m.get_payload(decode=True).decode().replace("\r\n", "\n"))
            for recipients, m in smtp_server.messages]


def shown_email(page) -> tuple[str, str]:
    """The subject and the text of the e-mail the page shows."""
    preview = page.get_by_role("region", name=t("The e-mail the citizen will receive"))
    expect(preview).to_be_visible()
    subject = preview.locator("dd").nth(1).inner_text()
    return subject, preview.locator("pre").inner_text()


def test_the_citizen_receives_exactly_the_previewed_reply_and_outcome(new_page, inquiry,
                                                                      smtp_server):  # noqa: F811
    page = new_page(javascript=False)
    log_in(page, "koordinator")
    page.goto(reverse("inquiries:detail", kwargs={"pk": inquiry.pk}))
    before = len(smtp_server.messages)

    page.get_by_label(t("Message")).first.fill(REPLY)
    page.get_by_label(t("Attachments")).first.set_input_files(
        files=[{"name": "tilbud.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_role("button", name=t("Show the e-mail"), exact=True).click()

    subject, body = shown_email(page)
    expect(page.get_by_role("region").get_by_text("tilbud.pdf", exact=True)).to_be_visible()
    screenshot(page, "inquiry-reply-preview")
    page.get_by_role("button", name=t("Send the e-mail")).click()
    expect(message(page, t("An e-mail with the reply is on its way to %(email)s.")
                   % {"email": "birthe@example.dk"})).to_be_visible()
    run_worker()

    [(recipients, got_subject, got_body)] = received(smtp_server)[before:]
    assert recipients == ["birthe@example.dk"]
    assert got_subject == subject
    assert TRACKING_LINK.sub(personal_link_marker(), got_body).strip() == body.strip()
    assert "tilbud.pdf" in got_body and REPLY in got_body
    tracking_path = re.search(r"https?://[^/]+(/henvendelser/spor/[\w-]+/)", got_body).group(1)

    page.get_by_label(t("Outcome")).fill(OUTCOME)
    page.get_by_role("button", name=t("Show the outcome e-mail")).click()
    subject, body = shown_email(page)
    page.get_by_role("button", name=t("Close and send the e-mail")).click()
    expect(message(page, t("An e-mail with the outcome is on its way to %(email)s.")
                   % {"email": "birthe@example.dk"})).to_be_visible()
    run_worker()

    [(recipients, got_subject, got_body)] = received(smtp_server)[before + 1:]
    assert recipients == ["birthe@example.dk"]
    assert got_subject == subject
    assert TRACKING_LINK.sub(personal_link_marker(), got_body).strip() == body.strip()
    assert OUTCOME in got_body
    assert Inquiry.objects.get(pk=inquiry.pk).status == Inquiry.Status.CLOSED

    citizen = new_page()
    citizen.goto(tracking_path)
    expect(citizen.get_by_text(t("Outcome sent by e-mail"), exact=True)).to_be_visible()
    expect(citizen.get_by_text(OUTCOME).first).to_be_visible()


def test_the_preview_fits_a_narrow_phone(new_page, inquiry):
    page = new_page()
    log_in(page, "koordinator")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(reverse("inquiries:detail", kwargs={"pk": inquiry.pk}))
    page.get_by_label(t("Message")).first.fill("Et langt ord: " + "x" * 120)
    page.get_by_role("button", name=t("Show the e-mail"), exact=True).click()
    shown_email(page)

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
