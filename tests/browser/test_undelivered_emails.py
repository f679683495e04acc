# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's page of e-mails that were not delivered, in Chromium: reached from the
coverage overview, "Send again" without JavaScript, no serious axe findings, and it fits 320 px."""

import pytest
from django.urls import reverse

from lokalkontakt.core.models import OutgoingEmail
from tests.browser.helpers import expect, log_in, message, read, t
from tests.browser.test_accessibility import assert_accessible
from tests.core.factories import OutgoingEmailFactory, minutes_ago

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUBJECT = "Kvittering for din henvendelse"
# An SMTP server's answer quotes the address: one long word that must not widen the page.
REFUSED = ("SMTPRecipientsRefused: {'bo.borger.med.et.meget.langt.navn@eksempel-kommune.dk': "
           "(550, b'5.1.1 <bo.borger.med.et.meget.langt.navn@eksempel-kommune.dk>: Recipient "
           "address rejected: User unknown in virtual mailbox table')}")


@pytest.fixture
def undelivered(hedensted):
    failed = OutgoingEmailFactory(failed=True, subject=SUBJECT, last_error=REFUSED,
                                  to=["bo.borger.med.et.meget.langt.navn@eksempel-kommune.dk"])
    OutgoingEmailFactory(subject="Ny henvendelse i Hedensted", attempts=4, created_at=minutes_ago(50),
                         last_error="ConnectionRefusedError: [Errno 111] Connection refused")
    return failed


def test_the_coordinator_sends_a_failed_email_again_without_javascript(new_page, undelivered):
    page = new_page(javascript=False)
    log_in(page, "koordinator")
    page.goto(reverse("coordination:overview"))

    page.get_by_role("link", name=t("E-mails that were not delivered")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("E-mails that were not delivered"))
    expect(page.get_by_role("row").filter(has_text=SUBJECT)).to_contain_text(REFUSED)
    page.get_by_role("button", name=read('Send again <span class="sr-only">“%(subject)s”</span>',
                                         subject=SUBJECT)).click()

    expect(message(page, read("“%(subject)s” to %(to)s is back in the queue and will be sent "
                              "again in a moment.", subject=SUBJECT, to=undelivered.to[0]))
           ).to_be_visible()
    expect(page.get_by_role("cell", name=t("No e-mails have failed."))).to_be_visible()
    undelivered.refresh_from_db()
    assert (undelivered.status, undelivered.resent_by.username) == (OutgoingEmail.Status.QUEUED,
                                                                    "koordinator")


def test_the_page_has_no_serious_axe_findings_and_fits_a_narrow_phone(new_page, undelivered):
    page = new_page()
    log_in(page, "koordinator")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(reverse("emails:undelivered"))
    page.wait_for_load_state("networkidle")

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
