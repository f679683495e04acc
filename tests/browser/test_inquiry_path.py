# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A citizen sends an inquiry with an attachment from an area page; the contact forwards it, a
colleague answers it, the citizen reads the answer and writes back from the tracking page."""

import re

import pytest

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_citizen_inquiry_is_forwarded_answered_and_the_answer_shows_on_the_tracking_page(
        page, hedensted, new_page, settings, tmp_path):
    """Korning's deputy contact (demo login `lokalkontakt`) acknowledges and forwards to a
    colleague (`kollega`), who answers; the citizen reads the answer, opens the attachment and
    sends a follow-up message from the tracking page (a form POST that Chromium must let pass
    Django's CSRF check), which the colleague then reads."""
    settings.MEDIA_ROOT = tmp_path / "media"
    page.goto("/omraader/korning/")
    page.get_by_role("link", name=t("Send an inquiry about %(name)s") % {"name": "Korning"}).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Send an inquiry"))
    assert_accessible(page)
    page.get_by_label(t("Citizen"), exact=True).check()
    page.get_by_label(t("Subject")).fill("Bænken ved gadekæret er knækket")
    page.get_by_label(t("Your inquiry")).fill("Bænken ved gadekæret er knækket. Kan den repareres?")
    page.get_by_label(t("Attachments")).set_input_files(
        files=[{"name": "baenken.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_label(t("Your name")).fill("Birthe Borger")
    page.get_by_label(t("Your e-mail")).fill("birthe@example.dk")
    page.get_by_label(t("I have read how the municipality processes my personal data")).check()
    page.get_by_role("button", name=t("Send inquiry")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Your inquiry has been sent"))
    # The reference follows the primary key, which PostgreSQL does not reset between tests.
    inquiry = Inquiry.objects.get(subject="Bænken ved gadekæret er knækket")
    expect(page.get_by_text(inquiry.reference)).to_be_visible()
    assert_accessible(page)
    # The receipt page was reached by a redirect: reloading it sends nothing again.
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Your inquiry has been sent"))
    expect(page.get_by_text(inquiry.reference)).to_have_count(0)
    assert Inquiry.objects.filter(subject="Bænken ved gadekæret er knækket").count() == 1
    receipt = OutgoingEmail.objects.get(to=["birthe@example.dk"])
    tracking_path = re.search(r"https?://[^/]+(/henvendelser/spor/[\w-]+/)", receipt.body).group(1)
    assert inquiry.attachments.get().name == "baenken.pdf"

    contact = new_page()
    log_in(contact, "lokalkontakt")
    contact.goto("/henvendelser/?scope=areas")
    assert_accessible(contact)
    contact.get_by_role("link", name=inquiry.reference).click()
    expect(contact.get_by_role("link", name="baenken.pdf")).to_be_visible()
    assert_accessible(contact)
    contact.get_by_role("button", name=t("Acknowledge")).click()
    expect(contact.get_by_text(t("The inquiry is acknowledged."))).to_be_visible()
    contact.get_by_label(t("Employee")).select_option(label="Demo Kollega (Læring)")
    contact.get_by_label(t("Note to the colleague")).fill("Kan du tage denne?")
    contact.get_by_role("button", name=t("Send to colleague")).click()
    expect(contact.get_by_text(t("The inquiry is forwarded to %(name)s.") % {
        "name": "Demo Kollega"})).to_be_visible()

    colleague = new_page()
    log_in(colleague, "kollega")
    colleague.goto("/henvendelser/")
    colleague.get_by_role("link", name=inquiry.reference).click()
    expect(colleague.get_by_text("Kan du tage denne?")).to_be_visible()
    colleague.get_by_label(t("Message")).first.fill("Tak, vi sender en tekniker i næste uge.")
    colleague.get_by_role("button", name=t("Send reply")).click()
    expect(colleague.get_by_text(" ".join([
        t("The reply is saved on the inquiry."),
        t("An e-mail with the reply is on its way to %(email)s.") % {"email": "birthe@example.dk"}]))
    ).to_be_visible()

    page.goto(tracking_path)
    expect(page.get_by_text("Tak, vi sender en tekniker i næste uge.")).to_be_visible()
    expect(page.get_by_text(t("Answered"), exact=True)).to_be_visible()
    link = page.get_by_role("link", name="baenken.pdf")
    download = page.request.get(link.get_attribute("href"))
    assert download.ok and download.body() == PDF
    assert_accessible(page)

    # The follow-up: Chromium sends `Origin: null` under `Referrer-Policy: no-referrer`, which
    # Django's CSRF check refuses (403); the page must therefore not set that policy.
    page.get_by_label(t("Message")).fill("Tak! Teknikeren kan låne nøglen hos købmanden.")
    page.get_by_role("button", name=t("Send message")).click()
    expect(page.get_by_text(t("Your message has been sent."))).to_be_visible()
    expect(page.get_by_text("Tak! Teknikeren kan låne nøglen hos købmanden.")).to_be_visible()
    assert_accessible(page)

    colleague.reload()
    expect(colleague.get_by_text("Tak! Teknikeren kan låne nøglen hos købmanden.")).to_be_visible()
    expect(colleague.get_by_text(t("Message from the submitter"))).to_be_visible()
