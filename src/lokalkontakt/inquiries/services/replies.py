# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The conversation with the submitter: the handler's public replies and the submitter's messages
from the tracking page, each with attachments and an e-mail."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.core.files import atomic_with_files, attachments_store, checked_uploads
from lokalkontakt.core.mail import email_queue, site_url
from lokalkontakt.core.search.index import index_update
from lokalkontakt.inquiries.emails import reply_email, submitter_address
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from lokalkontakt.inquiries.services.common import (
    email_handler,
    inquiry_changed,
    inquiry_event_add,
    locked_inquiry,
)

Kind = InquiryEvent.Kind


def inquiry_reply(*, inquiry: Inquiry, text: str, actor, files=()) -> InquiryEvent:
    """Answer the submitter publicly: shown on the tracking page with its attachments and
    e-mailed to them with their tracking link (the e-mail names the files; they are downloaded
    from the tracking page). Without a derivable link (see inquiries.tracking) the e-mail
    points to the one in the receipt. The e-mail is inquiries.emails.reply_email, which the
    preview shows; without an address (inquiries.emails.submitter_address) none is sent."""
    files = checked_uploads(files, field="files")
    with atomic_with_files() as stored:
        return _reply(inquiry=inquiry, text=text, actor=actor, files=files, stored=stored)



def _reply(*, inquiry, text, actor, files, stored) -> InquiryEvent:
    inquiry = locked_inquiry(inquiry)
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed."))
    if not text.strip():
        raise ValidationError({"text": _("Write the reply.")})
    now = timezone.now()
    inquiry.acknowledged_at = inquiry.acknowledged_at or now
    inquiry.answered_at = inquiry.answered_at or now
    inquiry.status = Inquiry.Status.ANSWERED
    inquiry.save(update_fields=["status", "acknowledged_at", "answered_at", "updated_at"])
    event = inquiry_event_add(inquiry, Kind.REPLY, public=True, text=text.strip(), actor=actor)
    inquiry_changed(inquiry, "answered")
    attachments_store(InquiryAttachment, files, stored=stored, inquiry=inquiry, event=event)
    index_update(inquiry)
    if to := submitter_address(inquiry):
        email = reply_email(inquiry=inquiry, text=text, actor=actor,
                            file_names=[attachment.name for attachment in stored])
        email_queue(to=[to], subject=email.subject, body=email.body)
    return event



def inquiry_follow_up(*, inquiry: Inquiry, text: str, files=()) -> InquiryEvent:
    """A message from the submitter on the tracking page, with attachments; the handler is told
    by e-mail.

    Refuses a closed inquiry and more than settings.INQUIRY_FOLLOW_UP_LIMIT messages on the
    inquiry per hour; a refusal stores nothing (no step, no file, no e-mail)."""
    files = checked_uploads(files, field="files")
    if not text.strip():
        raise ValidationError({"text": _("Write your message.")})
    with atomic_with_files() as stored:
        return _follow_up(inquiry=inquiry, text=text, files=files, stored=stored)



def _follow_up(*, inquiry, text, files, stored) -> InquiryEvent:
    inquiry = locked_inquiry(inquiry)  # the limit counts messages sent at the same moment too
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed. Send a new inquiry instead."))
    recent = inquiry.events.filter(kind=Kind.FOLLOW_UP,
                                   at__gte=timezone.now() - datetime.timedelta(hours=1))
    if recent.count() >= settings.INQUIRY_FOLLOW_UP_LIMIT:
        raise ValidationError(_("You have sent many messages about this inquiry within the "
                                "last hour. Please wait a little and try again."))
    event = inquiry_event_add(inquiry, Kind.FOLLOW_UP, public=True, text=text.strip())
    attachments_store(InquiryAttachment, files, stored=stored, inquiry=inquiry, event=event)
    inquiry_changed(inquiry, "followed_up")
    email_handler("inquiries/email/follow_up.txt", inquiry=inquiry,
          context={"inquiry": inquiry, "event": event,
                   "staff_url": site_url(inquiry.get_absolute_url())})
    return event
