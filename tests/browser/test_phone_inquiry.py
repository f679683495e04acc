# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A citizen calls Korning's deputy contact (demo login `lokalkontakt`) and gives no e-mail
address: the contact registers the call from the area page, the inquiry page says that no receipt
was sent, and the contact acknowledges, answers (by phone; the answer is kept on the timeline)
and closes it. Nothing is e-mailed to the citizen. axe on each page."""

import pytest

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from tests.browser.helpers import expect, log_in, message, screenshot, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUBJECT = "Gadelyset på Møllevej er gået ud"
NO_EMAIL = ("The citizen has not given an e-mail address, so no receipt or link to follow the "
            "inquiry was sent, and replies are not e-mailed: give the answer another way (phone, "
            "letter or in person).")


def test_a_phone_inquiry_without_e_mail_is_registered_handled_and_closed(page, hedensted):
    log_in(page, "lokalkontakt")
    page.goto("/omraader/korning/")
    page.get_by_role("link", name=t("Register an inquiry received by phone, letter or in person")
                     ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Register an inquiry"))
    assert_accessible(page)
    screenshot(page, "inquiry-register")
    # The phone and the citizen are the defaults, the area is the page's, the date today's.
    expect(page.get_by_label(t("Phone"), exact=True)).to_be_checked()
    expect(page.get_by_label(t("Citizen"), exact=True)).to_be_checked()
    expect(page.get_by_label(t("Local area"))).to_have_value(
        str(hedensted_area_pk("Korning")))

    # A first try without the subject: the form says what is missing and keeps what was typed.
    page.get_by_label(t("Name"), exact=True).fill("Henning Hansen")
    page.get_by_label(t("Phone number")).fill("75 12 34 56")
    page.get_by_label(t("The inquiry"), exact=True).fill("Ringede: gadelyset har været slukket i en uge.")
    page.get_by_role("button", name=t("Register inquiry")).click()
    expect(page.get_by_role("textbox", name=t("Name"), exact=True)).to_have_value("Henning Hansen")
    assert Inquiry.objects.count() == 0
    assert_accessible(page)
    page.get_by_label(t("Subject")).fill(SUBJECT)
    page.get_by_role("button", name=t("Register inquiry")).click()

    inquiry = Inquiry.objects.get(subject=SUBJECT)
    expect(page.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    handler = inquiry.assignee.name if inquiry.assignee else t("the coordinator")
    expect(message(page, t("%(reference)s is registered and sent to %(handler)s. No receipt was "
                           "sent: the citizen has not given an e-mail address.")
                   % {"reference": inquiry.reference, "handler": handler})).to_be_visible()
    expect(page.get_by_role("note")).to_contain_text(t(NO_EMAIL))
    expect(page.get_by_text(t("Registered by"), exact=True)).to_be_visible()
    assert (inquiry.channel, inquiry.submitter_email) == (Inquiry.Channel.PHONE, "")
    assert_accessible(page)
    screenshot(page, "inquiry-registered-by-phone")

    page.get_by_role("button", name=t("Acknowledge")).click()
    expect(page.get_by_text(t("The inquiry is acknowledged."))).to_be_visible()
    page.get_by_label(t("Message")).first.fill("Ringet tilbage: lampen skiftes torsdag.")
    page.get_by_role("button", name=t("Save the reply")).click()
    expect(page.get_by_text(t("The reply is saved on the inquiry.") + " " + t(
        "There is no e-mail address: give the citizen the reply another way."))).to_be_visible()
    page.get_by_label(t("Outcome")).fill("Lampen er skiftet.")
    page.get_by_role("button", name=t("Close"), exact=True).click()
    expect(page.get_by_text(t("The inquiry is closed.") + " " + t(
        "There is no e-mail address: tell the citizen about the outcome another way."))).to_be_visible()
    expect(page.get_by_text("Ringet tilbage: lampen skiftes torsdag.")).to_be_visible()
    assert_accessible(page)

    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.CLOSED
    # The handler was told of the new inquiry; the citizen, who has no address, got nothing.
    assert all(email.to and "" not in email.to for email in OutgoingEmail.objects.all())
    assert not OutgoingEmail.objects.filter(body__contains="/henvendelser/spor/").exists()


def hedensted_area_pk(name: str) -> int:
    from lokalkontakt.areas.models import LocalArea

    return LocalArea.objects.get(name=name).pk
