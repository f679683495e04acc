# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Inquiries registered by staff: the channel, the date received from which the deadlines count,
the registrant as the actor, and no receipt without an e-mail address."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.workdays import add_working_days
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services.handling import inquiry_close
from lokalkontakt.inquiries.services.replies import inquiry_reply
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.inquiries.conftest import pdf, submit

pytestmark = pytest.mark.django_db


def register(setting, **overrides):
    """A phone call to the contact, registered by them."""
    values = {
        "area": setting.area, "submitter_kind": Inquiry.SubmitterKind.CITIZEN,
        "subject": "Hul i fortovet", "text": "Ringede om et hul i fortovet ved kirken.",
        "submitter_name": "Hans Hansen", "submitter_email": "", "submitter_phone": "75 00 00 00",
        "client": "192.0.2.20", "channel": Inquiry.Channel.PHONE,
        "registered_by": setting.contact, **overrides}
    return inquiry_submit(**values)[0]


def test_the_public_form_records_the_web_form_as_channel(browser, setting):
    submit(browser, setting.area)

    inquiry = Inquiry.objects.get()
    assert inquiry.channel == Inquiry.Channel.WEB_FORM
    assert inquiry.get_channel_display() == "Web form"
    assert inquiry.received_on == timezone.localdate()
    assert inquiry.registered_by is None


def test_a_registered_inquiry_keeps_its_channel_and_is_routed_like_any_other(setting):
    inquiry = register(setting, channel=Inquiry.Channel.LETTER)

    assert inquiry.channel == Inquiry.Channel.LETTER
    assert inquiry.assignee == setting.contact.employee
    assert list(inquiry.events.values_list("kind", flat=True)) == [
        InquiryEvent.Kind.SUBMITTED, InquiryEvent.Kind.ROUTED]


def test_the_deadlines_count_in_working_days_from_the_date_received(setting):
    # Thursday 3 December: acknowledge by Monday 7th, answer by Thursday 17th, whatever today is.
    received = datetime.date(2026, 12, 3)

    inquiry = register(setting, received_on=received)

    assert inquiry.received_on == received
    assert inquiry.acknowledge_due == add_working_days(received, 2) == datetime.date(2026, 12, 7)
    assert inquiry.answer_due == add_working_days(received, 10) == datetime.date(2026, 12, 17)


def test_without_a_date_the_inquiry_was_received_today(setting):
    today = timezone.localdate()

    inquiry = register(setting)

    assert inquiry.received_on == today
    assert inquiry.answer_due == add_working_days(today, 10)


def test_a_date_received_in_the_future_is_refused_and_nothing_is_stored(setting, media_root):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as refused, translation.override("en"):
        register(setting, received_on=tomorrow, files=[pdf()])

    assert refused.value.message_dict == {
        "received_on": ["The date received cannot be in the future."]}
    assert not Inquiry.objects.exists() and not OutgoingEmail.objects.exists()
    assert not list(media_root.rglob("*.pdf"))


def test_the_member_of_staff_who_registered_it_is_the_actor_of_its_first_step(setting):
    inquiry = register(setting)

    first = inquiry.events.get(kind=InquiryEvent.Kind.SUBMITTED)
    assert first.actor == setting.contact
    assert first.public
    assert Inquiry.objects.get(pk=inquiry.pk).registered_by == setting.contact


def test_without_an_e_mail_no_receipt_is_sent_but_the_handler_is_told(setting):
    inquiry = register(setting, submitter_email="")

    assert inquiry.submitter_email == ""
    [notice] = OutgoingEmail.objects.all()
    assert notice.to == [setting.contact.employee.email]
    assert inquiry.reference in notice.subject
    assert "/spor/" not in notice.body


def test_with_an_e_mail_the_citizen_gets_the_receipt_with_the_tracking_link(setting, settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"
    register(setting, submitter_email="hans@example.dk", received_on=datetime.date(2026, 12, 3))

    receipt = OutgoingEmail.objects.get(to=["hans@example.dk"])
    assert "https://lokalkontakt.example.dk/henvendelser/spor/" in receipt.body
    # The citizen did not see the form: the receipt says how it was received and links to the
    # privacy notice.
    assert "3. december 2026 (telefon)" in receipt.body
    assert "https://lokalkontakt.example.dk/privatliv/" in receipt.body


def test_staff_registrations_are_not_held_back_by_the_public_rate_limit(setting, settings):
    settings.INQUIRY_RATE_LIMIT = 2

    for n in range(4):
        register(setting, subject=f"Opkald {n}", client="10.0.0.1")

    assert Inquiry.objects.count() == 4


def test_a_reply_and_the_closing_of_an_inquiry_without_e_mail_send_the_citizen_nothing(setting):
    inquiry = register(setting)
    OutgoingEmail.objects.all().delete()

    inquiry_reply(inquiry=inquiry, actor=setting.contact, text="Ringede tilbage: vi udbedrer hullet.")
    inquiry_close(inquiry=inquiry, actor=setting.contact, outcome="Hullet er lappet.")

    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.CLOSED
    assert not OutgoingEmail.objects.filter(to=[""]).exists()
    assert all(email.to for email in OutgoingEmail.objects.all())
