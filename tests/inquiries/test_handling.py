# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handling an inquiry as staff and following it as the submitter: the timeline, what is public
and what is internal, and what a closed inquiry refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import override

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services.forwarding import inquiry_reassign
from lokalkontakt.inquiries.services.handling import inquiry_acknowledge, inquiry_close
from lokalkontakt.inquiries.services.replies import inquiry_follow_up, inquiry_reply
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.inquiries.conftest import detail_url, english_client, pdf, stored_files, track_url

pytestmark = pytest.mark.django_db

Kind = InquiryEvent.Kind


@pytest.fixture
def submitted(setting):
    """An inquiry about Glud (handled by the contact) and its tracking token."""
    inquiry, token = inquiry_submit(
        area=setting.area, submitter_kind="association", subject="Shelter ved stranden",
        text="Må vi bygge et shelter?", submitter_name="Glud Borgerforening",
        submitter_email="formand@glud.example.dk", submitter_phone="+45 21 22 23 24",
        client="192.0.2.20")
    OutgoingEmail.objects.all().delete()  # the intake's e-mails are tested elsewhere
    return inquiry, token


@pytest.fixture
def handler(setting):
    return english_client(setting.contact)


def act(client, inquiry, action, data=None):
    """POST an action from the detail page and follow the redirect back to it."""
    response = client.post(f"{detail_url(inquiry)}{action}/", data or {}, follow=True)
    assert response.redirect_chain == [(detail_url(inquiry), 302)]
    return response.content.decode()


def test_the_handler_sees_the_inquiry_and_its_timeline(setting, submitted, handler):
    inquiry, _token = submitted

    response = handler.get(detail_url(inquiry))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Shelter ved stranden" in html and "Må vi bygge et shelter?" in html
    assert inquiry.reference in html
    assert "Routed" in html and setting.contact.employee.name in html
    assert "formand@glud.example.dk" in html
    assert "Acknowledge" in html


def test_acknowledge(setting, submitted, handler):
    inquiry, token = submitted

    html = act(handler, inquiry, "kvitter")

    assert "The inquiry is acknowledged." in html
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ACKNOWLEDGED and inquiry.acknowledged_at
    event = inquiry.events.get(kind=Kind.ACKNOWLEDGED)
    assert event.public and event.actor == setting.contact
    assert "<strong>Acknowledged</strong>" in english_client().get(track_url(token)).content.decode()

    # Twice is refused with a message, and nothing is added.
    html = act(handler, inquiry, "kvitter")
    assert "The inquiry has already been acknowledged." in html
    assert inquiry.events.filter(kind=Kind.ACKNOWLEDGED).count() == 1


def test_reply_is_public_and_mailed_to_the_submitter(setting, submitted, handler):
    inquiry, token = submitted

    html = act(handler, inquiry, "svar", {"reply-text": "I er velkomne. Søg via kommunens side."})

    assert ("The reply is saved on the inquiry. An e-mail with the reply is on its way to "
            "formand@glud.example.dk.") in html
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ANSWERED
    assert inquiry.acknowledged_at and inquiry.answered_at
    event = inquiry.events.get(kind=Kind.REPLY)
    assert event.public and event.text == "I er velkomne. Søg via kommunens side."
    [email] = OutgoingEmail.objects.all()
    assert email.to == ["formand@glud.example.dk"]
    assert inquiry.reference in email.subject
    assert "I er velkomne. Søg via kommunens side." in email.body
    tracking = english_client().get(track_url(token)).content.decode()
    assert "I er velkomne. Søg via kommunens side." in tracking
    assert setting.contact.employee.name in tracking  # who answered


def test_an_empty_reply_is_refused(submitted, handler):
    inquiry, _token = submitted

    response = handler.post(f"{detail_url(inquiry)}svar/", {"reply-text": "   "})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_reply-text-error"' in html
    assert "The form has errors" in html
    assert not inquiry.events.filter(kind=Kind.REPLY).exists()
    assert OutgoingEmail.objects.count() == 0


def test_an_internal_comment_is_never_shown_to_the_submitter(submitted, handler):
    inquiry, token = submitted

    html = act(handler, inquiry, "kommentar", {"comment-text": "Ring til Teknik og Miljø først."})

    assert "The comment is saved." in html
    assert "Ring til Teknik og Miljø først." in html
    event = inquiry.events.get(kind=Kind.COMMENT)
    assert not event.public
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.RECEIVED
    assert OutgoingEmail.objects.count() == 0
    tracking = english_client().get(track_url(token)).content.decode()
    assert "Ring til Teknik og Miljø" not in tracking
    assert "Internal comment" not in tracking
    assert "Routed" not in tracking  # the routing step is internal too


def test_close_with_an_outcome_the_submitter_sees(submitted, handler):
    inquiry, token = submitted

    html = act(handler, inquiry, "afslut", {"outcome": "Shelteret er godkendt."})

    assert "The inquiry is closed." in html
    assert "Send reply" not in html  # no more forms on a closed inquiry
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.CLOSED and inquiry.closed_at
    assert inquiry.outcome == "Shelteret er godkendt."
    tracking = english_client().get(track_url(token)).content.decode()
    assert "Shelteret er godkendt." in tracking
    assert "<strong>Closed</strong>" in tracking
    assert "Send message" not in tracking


def test_a_closed_inquiry_refuses_replies_and_a_second_close(submitted, handler):
    inquiry, _token = submitted
    act(handler, inquiry, "afslut", {"outcome": "Afsluttet."})
    before = list(inquiry.events.values_list("pk", flat=True))

    html = act(handler, inquiry, "svar", {"reply-text": "Et svar for sent"})
    assert "The inquiry is closed." in html
    html = act(handler, inquiry, "afslut", {"outcome": "Igen"})
    assert "The inquiry is closed." in html

    assert list(inquiry.events.values_list("pk", flat=True)) == before
    inquiry.refresh_from_db()
    assert inquiry.outcome == "Afsluttet."
    assert OutgoingEmail.objects.count() == 1  # the outcome, to the submitter, once


# --- the tracking page ------------------------------------------------------------------------


def test_a_follow_up_is_a_public_event_and_mailed_to_the_handler(setting, submitted, browser):
    inquiry, token = submitted

    response = browser.post(track_url(token), {"text": "Vi har tegninger klar."}, follow=True)

    assert response.redirect_chain == [(track_url(token), 302)]
    html = response.content.decode()
    assert "Your message has been sent." in html
    assert "Vi har tegninger klar." in html
    event = inquiry.events.get(kind=Kind.FOLLOW_UP)
    assert event.public and event.actor is None
    [email] = OutgoingEmail.objects.all()
    assert email.to == [setting.contact.employee.email]
    assert "Vi har tegninger klar." in email.body
    staff_html = english_client(setting.contact).get(detail_url(inquiry)).content.decode()
    assert "Vi har tegninger klar." in staff_html


def test_the_submitter_sees_their_follow_up_as_their_own_message(setting, submitted, browser):
    inquiry, token = submitted
    inquiry_follow_up(inquiry=inquiry, text="Vi har tegninger klar.")

    tracking = browser.get(track_url(token)).content.decode()
    staff_html = english_client(setting.contact).get(detail_url(inquiry)).content.decode()

    assert "<strong>Your message</strong>" in tracking
    assert "Message from the submitter" not in tracking
    assert "<strong>Message from the submitter</strong>" in staff_html


@pytest.mark.parametrize("step", ["reply", "close"])
def test_the_expected_answer_date_goes_once_answered_or_closed(step, setting, submitted,
                                                               browser):
    inquiry, token = submitted
    assert "Expected answer" in browser.get(track_url(token)).content.decode()

    if step == "reply":
        inquiry_reply(inquiry=inquiry, text="Svar", actor=setting.contact)
    else:
        inquiry_close(inquiry=inquiry, outcome="Færdig", actor=setting.contact)

    assert "Expected answer" not in browser.get(track_url(token)).content.decode()


def test_an_empty_follow_up_is_refused(submitted, browser):
    inquiry, token = submitted

    response = browser.post(track_url(token), {"text": ""})

    assert response.status_code == 400
    assert 'id="id_text-error"' in response.content.decode()
    assert not inquiry.events.filter(kind=Kind.FOLLOW_UP).exists()


def test_a_closed_inquiry_refuses_follow_ups(setting, submitted, browser):
    inquiry, token = submitted
    inquiry_close(inquiry=inquiry, outcome="Færdig", actor=setting.contact)
    OutgoingEmail.objects.all().delete()  # the outcome's e-mail is tested elsewhere

    page = browser.get(track_url(token)).content.decode()
    assert 'name="text"' not in page  # no form to write in

    response = browser.post(track_url(token), {"text": "Én ting mere"})

    html = response.content.decode()
    assert escape("The inquiry is closed. Send a new inquiry instead.") in html
    assert "Én ting mere" not in html
    assert not inquiry.events.filter(kind=Kind.FOLLOW_UP).exists()
    assert OutgoingEmail.objects.count() == 0


def test_follow_ups_over_the_hourly_limit_are_refused(setting, submitted, browser, settings,
                                                      media_root):
    inquiry, token = submitted
    assert settings.INQUIRY_FOLLOW_UP_LIMIT == 10
    settings.INQUIRY_FOLLOW_UP_LIMIT = 3
    for n in range(3):
        assert browser.post(track_url(token), {"text": f"Besked {n}"}).status_code == 302
    OutgoingEmail.objects.all().delete()

    response = browser.post(track_url(token), {"text": "Besked nr. 4", "files": [pdf()]})

    assert response.status_code == 400
    html = response.content.decode()
    assert escape("You have sent many messages about this inquiry within the last hour. "
                  "Please wait a little and try again.") in html
    assert "Besked nr. 4" in html  # what was written is kept in the form
    assert inquiry.events.filter(kind=Kind.FOLLOW_UP).count() == 3
    assert not inquiry.attachments.exists()
    assert stored_files(media_root) == []
    assert OutgoingEmail.objects.count() == 0


def test_follow_ups_older_than_an_hour_do_not_count(submitted, browser, settings):
    inquiry, token = submitted
    settings.INQUIRY_FOLLOW_UP_LIMIT = 2
    for n in range(2):
        browser.post(track_url(token), {"text": f"Besked {n}"})
    inquiry.events.filter(kind=Kind.FOLLOW_UP).update(
        at=timezone.now() - datetime.timedelta(minutes=61))

    assert browser.post(track_url(token), {"text": "Ny besked"}).status_code == 302
    assert inquiry.events.filter(kind=Kind.FOLLOW_UP).count() == 3


def test_the_limit_counts_per_inquiry(setting, submitted, browser, settings):
    _inquiry, token = submitted
    other, other_token = inquiry_submit(
        area=setting.area, submitter_kind="citizen", subject="Andet", text="Noget andet",
        submitter_name="Bo", submitter_email="bo@example.dk", client="192.0.2.21")
    settings.INQUIRY_FOLLOW_UP_LIMIT = 1
    browser.post(track_url(token), {"text": "Første"})

    assert browser.post(track_url(other_token), {"text": "Til den anden"}).status_code == 302
    assert other.events.filter(kind=Kind.FOLLOW_UP).count() == 1


def test_the_tracking_page_says_whether_the_council_can_read_along(setting, submitted, browser):
    inquiry, token = submitted
    notice = ("The area's local council can read this inquiry and your messages, but not your "
              "name, contact details or files.")

    assert notice not in browser.get(track_url(token)).content.decode()
    Inquiry.objects.filter(pk=inquiry.pk).update(shared_with_council=True)
    assert notice in browser.get(track_url(token)).content.decode()


# --- two requests at once -----------------------------------------------------------------------


def test_acknowledging_with_a_stale_copy_is_refused_and_adds_nothing(setting, submitted):
    inquiry, _token = submitted
    # Two requests load the inquiry before either acts on it.
    first = Inquiry.objects.get(pk=inquiry.pk)
    second = Inquiry.objects.get(pk=inquiry.pk)
    inquiry_acknowledge(inquiry=first, actor=setting.contact)

    with pytest.raises(ValidationError) as refusal, override("en"):
        inquiry_acknowledge(inquiry=second, actor=setting.contact)

    assert refusal.value.messages == ["The inquiry has already been acknowledged."]
    assert inquiry.events.filter(kind=Kind.ACKNOWLEDGED).count() == 1
    assert second.status == Inquiry.Status.ACKNOWLEDGED  # re-read under the lock


def test_closing_with_a_stale_copy_is_refused_and_adds_nothing(setting, submitted):
    inquiry, _token = submitted
    first = Inquiry.objects.get(pk=inquiry.pk)
    second = Inquiry.objects.get(pk=inquiry.pk)
    inquiry_close(inquiry=first, outcome="Færdig", actor=setting.contact)

    with pytest.raises(ValidationError) as refusal, override("en"):
        inquiry_close(inquiry=second, outcome="Igen", actor=setting.contact)

    assert refusal.value.messages == ["The inquiry is closed."]
    assert inquiry.events.filter(kind=Kind.CLOSED).count() == 1
    inquiry.refresh_from_db()
    assert inquiry.outcome == "Færdig"


def test_reassigning_with_a_stale_copy_is_refused_and_sends_nothing(setting, submitted):
    inquiry, _token = submitted
    first = Inquiry.objects.get(pk=inquiry.pk)
    second = Inquiry.objects.get(pk=inquiry.pk)
    colleague = setting.colleague.employee
    inquiry_reassign(inquiry=first, employee=colleague, actor=setting.contact)

    with pytest.raises(ValidationError):
        inquiry_reassign(inquiry=second, employee=colleague, actor=setting.contact)

    assert inquiry.events.filter(kind=Kind.REASSIGNED).count() == 1
    assert OutgoingEmail.objects.count() == 1
