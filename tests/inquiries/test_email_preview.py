# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Staff see the e-mail before it goes: "Show the e-mail" on the reply and close forms shows it
as the citizen will receive it, which the tests compare with what a real SMTP server on loopback
receives. Without an address, or after anonymisation, nothing is sent and the page says so."""

import html
import re
from email.header import decode_header, make_header

import pytest

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.emails import personal_link_marker
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.tracking import tracking_url_of
from tests.conftest import site_text
from tests.inquiries.conftest import (
    TRACKING_LINK,
    deliver,
    detail_url,
    english_client,
    pdf,
    stored_files,
    submit,
    tracking_path,
)
from tests.inquiries.factories import InquiryFactory

# The worker runs in the test and commits, as in test_email.py.
pytestmark = pytest.mark.django_db(transaction=True)
Kind = InquiryEvent.Kind

# E-mails are written in the site's language, whoever sends them.
DEAR = site_text("Dear %(name)s,", name="Bo Borger")
REPLY = "Vi sætter et vejbump op i maj.\r\nSkolen får besked inden."
OUTCOME = "Vejbumpet er bestilt og kommer i maj."


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"


@pytest.fixture
def submitted(setting, smtp_server):
    """An inquiry sent through the public form (with its tracking salt), the receipt delivered."""
    submit(english_client(), setting.area)
    deliver(smtp_server)
    return Inquiry.objects.get()


def shown_preview(page: str) -> dict:
    """The preview as the page shows it: to, subject, files and the body, unescaped."""
    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", page, re.S))
    [body] = re.findall(r'<pre class="email-preview__body">(.*?)</pre>', page, re.S)
    return {"to": html.unescape(facts["To"]), "subject": html.unescape(facts["Subject"]),
            "files": re.findall(r"<li>([^<]+)</li>", facts.get(
                "Files (the citizen opens them through the personal link)", "")),
            "body": html.unescape(body)}


def subject_of(message) -> str:
    """The Subject header as the citizen's mail program shows it (decoded, one line)."""
    return " ".join(str(make_header(decode_header(message["Subject"]))).split())


def kept_tokens(page: str) -> list[str]:
    return re.findall(r'name="reply-kept" value="([^"]+)"', page)


def as_previewed(body: str) -> str:
    """A delivered body with the personal link where the preview marks it, and the line breaks
    as the mail program shows them (SMTP carries them as CRLF)."""
    return TRACKING_LINK.sub(personal_link_marker(), body.replace("\r\n", "\n"))


def test_the_reply_preview_is_exactly_the_email_the_citizen_receives(setting, submitted,
                                                                      smtp_server, media_root):
    staff = english_client(setting.contact)
    url = f"{detail_url(submitted)}svar/"

    response = staff.post(url, {"reply-text": REPLY, "reply-files": [pdf("tilladelse.pdf")],
                                "preview": "1"})

    assert response.status_code == 200
    page = response.content.decode()
    preview = shown_preview(page)
    assert preview["to"] == "bo.borger@example.dk"
    assert preview["files"] == ["tilladelse.pdf"]
    assert preview["body"].startswith(
        f"{DEAR}\n\nVi sætter et vejbump op i maj.\nSkolen får besked inden.\n")
    assert personal_link_marker() in preview["body"]
    assert "/spor/" not in page, "staff do not get the citizen's personal link"
    # Nothing has happened yet.
    assert not submitted.events.filter(kind=Kind.REPLY).exists()
    assert not OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).exists()
    assert 'name="edit"' in page

    response = staff.post(url, {"reply-text": REPLY, "reply-kept": kept_tokens(page)},
                          follow=True)

    assert ("The reply is saved on the inquiry. An e-mail with the reply is on its way to "
            "bo.borger@example.dk.") in response.content.decode()
    [(recipients, message, body)] = deliver(smtp_server)
    assert recipients == [preview["to"]]
    assert subject_of(message) == preview["subject"]
    assert as_previewed(body) == preview["body"]
    assert TRACKING_LINK.findall(body) == [tracking_url_of(submitted)]
    assert [a.name for a in submitted.events.get(kind=Kind.REPLY).attachments.all()] == [
        "tilladelse.pdf"]
    assert not [path for path in stored_files(media_root) if "kept" in path.parts]


def test_the_outcome_preview_is_exactly_the_email_the_citizen_receives(setting, submitted,
                                                                        smtp_server, browser):
    staff = english_client(setting.contact)
    url = f"{detail_url(submitted)}afslut/"

    page = staff.post(url, {"outcome": OUTCOME, "preview": "1"}).content.decode()
    preview = shown_preview(page)
    assert Inquiry.objects.get().is_open

    response = staff.post(url, {"outcome": OUTCOME}, follow=True)

    assert ("The inquiry is closed. An e-mail with the outcome is on its way to "
            "bo.borger@example.dk.") in response.content.decode()
    [(recipients, message, body)] = deliver(smtp_server)
    assert recipients == ["bo.borger@example.dk"] == [preview["to"]]
    assert subject_of(message) == preview["subject"]
    assert submitted.reference in preview["subject"]
    assert as_previewed(body) == preview["body"]
    assert OUTCOME in body
    # The citizen's page records that the outcome was e-mailed.
    event = submitted.events.get(kind=Kind.OUTCOME_EMAILED)
    assert event.public and event.actor == setting.contact
    tracking = browser.get(tracking_path(body)).content.decode()
    assert "<strong>Outcome sent by e-mail</strong>" in tracking
    assert "bo.borger@example.dk" not in tracking


def test_the_reply_email_greets_once_and_signs_with_the_handlers_name(setting, submitted,
                                                                      smtp_server):
    english_client(setting.contact).post(f"{detail_url(submitted)}svar/",
                                         {"reply-text": "Vi kommer forbi på tirsdag."})

    [(_recipients, _message, body)] = deliver(smtp_server)
    body = body.replace("\r\n", "\n")

    assert body.startswith(f"{DEAR}\n\nVi kommer forbi på tirsdag.\n")
    assert body.count(DEAR) == 1
    assert site_text("Kind regards\n%(sender)s", sender=setting.contact.employee.name) in body


def test_edit_shows_the_form_again_with_the_text_and_the_kept_files(setting, submitted):
    staff = english_client(setting.contact)
    url = f"{detail_url(submitted)}svar/"
    page = staff.post(url, {"reply-text": REPLY, "reply-files": [pdf("tegning.pdf")],
                            "preview": "1"}).content.decode()

    response = staff.post(url, {"reply-text": REPLY, "reply-kept": kept_tokens(page),
                                "edit": "1"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Vi sætter et vejbump op i maj." in page
    assert '<textarea name="reply-text"' in page
    assert "Files already chosen (they are sent with the reply):" in page
    assert "<li>tegning.pdf</li>" in page
    assert 'class="email-preview__body"' not in page
    assert not submitted.events.filter(kind=Kind.REPLY).exists()


def test_an_empty_reply_cannot_be_previewed(setting, submitted):
    response = english_client(setting.contact).post(f"{detail_url(submitted)}svar/",
                                                    {"reply-text": "  ", "preview": "1"})

    assert response.status_code == 400
    assert 'id="id_reply-text-error"' in response.content.decode()
    assert 'class="email-preview__body"' not in response.content.decode()


def test_anothers_kept_file_is_not_sent(setting, submitted, smtp_server):
    coordinator = english_client(setting.coordinator)
    page = coordinator.post(f"{detail_url(submitted)}svar/", {
        "reply-text": "Udkast", "reply-files": [pdf("hemmelig.pdf")], "preview": "1"}
    ).content.decode()

    english_client(setting.contact).post(f"{detail_url(submitted)}svar/", {
        "reply-text": "Svar", "reply-kept": [*kept_tokens(page), "forged"]})

    assert not submitted.events.get(kind=Kind.REPLY).attachments.exists()
    [(_recipients, _message, body)] = deliver(smtp_server)
    assert "hemmelig.pdf" not in body


# --- without an address ------------------------------------------------------------------------


@pytest.fixture
def phoned_in(setting):
    """An inquiry staff registered from a phone call: no e-mail address."""
    return InquiryFactory(area=setting.area, assignee=setting.contact.employee,
                          submitter_email="", submitter_name="Bo Borger")


NO_ADDRESS_REPLY = "There is no e-mail address: give the citizen the reply another way."
NO_ADDRESS_OUTCOME = "There is no e-mail address: tell the citizen about the outcome another way."


def test_without_an_address_the_page_says_no_email_will_be_sent(setting, phoned_in):
    page = english_client(setting.contact).get(detail_url(phoned_in)).content.decode()

    assert NO_ADDRESS_REPLY in page
    assert NO_ADDRESS_OUTCOME in page
    assert 'name="preview"' not in page
    assert "Save the reply" in page


def test_a_reply_without_an_address_is_saved_and_nobody_is_emailed(setting, phoned_in):
    response = english_client(setting.contact).post(f"{detail_url(phoned_in)}svar/",
                                                    {"reply-text": "Svar"}, follow=True)

    assert f"The reply is saved on the inquiry. {NO_ADDRESS_REPLY}" in response.content.decode()
    assert phoned_in.events.filter(kind=Kind.REPLY).exists()
    assert not OutgoingEmail.objects.exists()


def test_closing_without_an_address_emails_nobody_and_says_so(setting, phoned_in):
    response = english_client(setting.contact).post(f"{detail_url(phoned_in)}afslut/",
                                                    {"outcome": OUTCOME}, follow=True)

    assert f"The inquiry is closed. {NO_ADDRESS_OUTCOME}" in response.content.decode()
    assert Inquiry.objects.get().status == Inquiry.Status.CLOSED
    assert not OutgoingEmail.objects.exists()
    assert not phoned_in.events.filter(kind=Kind.OUTCOME_EMAILED).exists()


def test_an_anonymised_inquiry_never_gets_mail(setting):
    # As anonymise leaves it, but with an address left over: the flag alone stops the mail.
    inquiry = InquiryFactory(area=setting.area, assignee=setting.contact.employee,
                             submitter_name="", submitter_email="rest@example.dk",
                             anonymised_at="2026-01-01T00:00:00Z")
    staff = english_client(setting.contact)

    reply = staff.post(f"{detail_url(inquiry)}svar/", {"reply-text": "Svar"}, follow=True)
    close = staff.post(f"{detail_url(inquiry)}afslut/", {"outcome": "Slut"}, follow=True)

    deleted = "The citizen's personal data has been deleted, so nobody is e-mailed."
    assert html.escape(f"The reply is saved on the inquiry. {deleted}") in reply.content.decode()
    assert html.escape(f"The inquiry is closed. {deleted}") in close.content.decode()
    assert not OutgoingEmail.objects.exists()
