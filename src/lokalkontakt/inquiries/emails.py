# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The e-mails to the submitter that staff see before they go: the reply and the outcome. Each is
made by one function, which the preview on the inquiry page and the service that queues it both
call, so what staff see is what the citizen receives."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from lokalkontakt.core.files import clean_name
from lokalkontakt.core.mail import RenderedEmail, email_render, site_url
from lokalkontakt.core.retention import secret_link_patterns
from lokalkontakt.inquiries.tracking import tracking_url_of


def submitter_address(inquiry) -> str:
    """Where e-mails to the submitter go, or "" when nobody can get one: no address was given
    (an inquiry staff registered from a call or a letter) or the personal data has been deleted
    (anonymised inquiries never get mail)."""
    if inquiry.anonymised_at:
        return ""
    return (inquiry.submitter_email or "").strip()


def _sender(actor) -> str:
    employee = getattr(actor, "employee", None)
    return (employee.name if employee else "") or getattr(actor, "get_username", lambda: "")()


def _context(inquiry, actor) -> dict:
    return {"inquiry": inquiry, "sender": _sender(actor), "tracking_url": tracking_url_of(inquiry),
            "new_inquiry_url": site_url(reverse("inquiries:new"))}


def _lines(text: str) -> str:
    """The text as typed, with the browser's line breaks (CRLF) made plain ones."""
    return "\n".join(text.strip().splitlines())


def reply_email(*, inquiry, text: str, actor, file_names=()) -> RenderedEmail:
    """The reply e-mail: the greeting, the handler's message as written, the files named, the
    handler's name and the tracking link. Staff write only the message."""
    return email_render("inquiries/email/reply.txt", context={
        **_context(inquiry, actor), "text": _lines(text), "file_names": list(file_names)})


def outcome_email(*, inquiry, outcome: str, actor) -> RenderedEmail:
    """The e-mail that tells the submitter the inquiry is closed, with its outcome."""
    return email_render("inquiries/email/outcome.txt", context={
        **_context(inquiry, actor), "outcome": _lines(outcome)})


def upload_names(files) -> list[str]:
    """The names the uploads get as attachments (and in the e-mail)."""
    return [clean_name(upload.name) for upload in files if upload]


@dataclass(frozen=True)
class EmailPreview:
    """What staff see before an e-mail goes: to whom (empty: nobody), subject, body, files."""

    to: str
    subject: str
    body: str
    file_names: tuple = ()


def personal_link_marker() -> str:
    """What stands in a preview where the submitter's private link will be: staff do not get
    the link that lets its holder act as the citizen (in the site's language, as the e-mail is)."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("[the citizen's personal link]")


def email_preview(inquiry, rendered: RenderedEmail, file_names=()) -> EmailPreview:
    """The rendered e-mail as staff see it: unchanged except that private links are marked."""
    body = rendered.body
    for pattern in secret_link_patterns():
        body = pattern.sub(personal_link_marker(), body)
    return EmailPreview(to=submitter_address(inquiry), subject=rendered.subject, body=body,
                        file_names=tuple(file_names))
