# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Anonymisation reaches every copy of a citizen's data (issue 15): a citizen submits an inquiry
on the public form, staff reply, the citizen writes again from the tracking page, the e-mails go
out through the worker and a real SMTP server, staff close the inquiry; after the retention
period `run_jobs` runs, and no column of any table holds the citizen's name, e-mail address,
phone number, tracking token or link."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from tests.database_search import find_everywhere
from tests.inquiries.conftest import deliver, detail_url, english_client, submit, tracking_path

# The worker runs in the test's process and commits for real.
pytestmark = pytest.mark.django_db(transaction=True)

NAME, EMAIL, PHONE = "Zebulon Quixbury", "zebulon.quixbury@example.dk", "+45 61 73 29 84"


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"
    settings.INQUIRY_RETENTION_DAYS = 30


def citizen_traces(token: str) -> list[str]:
    return [NAME, "Zebulon", "Quixbury", EMAIL, PHONE, "61 73 29 84", token,
            f"/henvendelser/spor/{token}/"]


def handle_inquiry_through_the_site(setting, smtp_server) -> str:
    """The whole life of an inquiry, as its people would live it; returns the tracking token."""
    citizen = english_client()
    assert submit(citizen, setting.area, submitter_name=NAME, submitter_email=EMAIL,
                  submitter_phone=PHONE).status_code == 302
    receipt = [body for to, _message, body in deliver(smtp_server) if to == [EMAIL]][0]
    path = tracking_path(receipt)
    inquiry = Inquiry.objects.get()
    staff = english_client(setting.contact)
    assert staff.post(f"{detail_url(inquiry)}svar/",
                      {"reply-text": "Vi kigger på det i næste uge."}).status_code == 302
    assert citizen.post(path, {"text": "Tak, det haster lidt."}).status_code == 302
    assert staff.post(f"{detail_url(inquiry)}afslut/",
                      {"outcome": "Vejbumpet er bestilt."}).status_code == 302
    delivered = deliver(smtp_server)
    assert [EMAIL] in [to for to, _message, _body in delivered]
    assert Inquiry.objects.get().status == Inquiry.Status.CLOSED
    return path.rstrip("/").rsplit("/", 1)[1]


def test_a_sent_email_keeps_no_tracking_link_while_the_citizen_got_it(setting, smtp_server):
    token = handle_inquiry_through_the_site(setting, smtp_server)

    to_citizen = OutgoingEmail.objects.filter(to=[EMAIL])
    assert to_citizen.count() >= 2  # the receipt and the reply
    for email in to_citizen:
        assert email.status == OutgoingEmail.Status.SENT
        assert token not in email.body
        assert "[link fjernet]" in email.body
    assert any(token in message.get_payload(decode=True).decode()
               for _to, message in smtp_server.messages)


def test_after_the_retention_period_no_table_holds_the_citizens_data(setting, smtp_server):
    token = handle_inquiry_through_the_site(setting, smtp_server)
    # The search finds what is there: the inquiry and the e-mails (their JSON recipients too).
    before = {(table, column) for table, column, _needle in find_everywhere(NAME, EMAIL, PHONE)}
    assert {("inquiries_inquiry", "submitter_name"), ("core_outgoingemail", "to"),
            ("core_outgoingemail", "body")} <= before
    Inquiry.objects.update(closed_at=timezone.now() - datetime.timedelta(days=31))

    call_command("run_jobs", verbosity=0)
    deliver(smtp_server)

    assert find_everywhere(*citizen_traces(token)) == []
    inquiry = Inquiry.objects.get()
    assert inquiry.anonymised_at is not None
    assert inquiry.outcome == "Vejbumpet er bestilt."
    # The record of what was sent stays, without the address.
    assert OutgoingEmail.objects.filter(subject__contains=inquiry.reference).count() >= 4
