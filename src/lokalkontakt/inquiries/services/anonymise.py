# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Deleting the submitter's personal data from an inquiry: after the retention period (jobs) and
when the person asks for it (art. 17, personal_data). The case itself (subject, text, outcome,
timeline, staff's files) stays: it is a document the municipality must keep (offentlighedsloven
§ 15, arkivloven)."""

import re

from django.utils.translation import gettext, ngettext

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.retention import emails_forget
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from lokalkontakt.inquiries.selectors import SUBMITTER_FILES
from lokalkontakt.inquiries.services.common import inquiry_changed, inquiry_event_add


def inquiry_anonymise(inquiry: Inquiry, *, now, actor=None, on_request: bool = False) -> bool:
    """Delete the submitter's name, contact details and files (those of the submission and of
    follow-ups) and the copies in the e-mail queue, from one inquiry locked by the caller inside
    its transaction; an event on the timeline says so, by `actor` (the retention job: nobody),
    and whether the person asked (`on_request`). False when there is nothing left to delete."""
    files = list(inquiry.attachments.filter(SUBMITTER_FILES))
    if inquiry.anonymised_at and not files:
        return False
    # Storage first, inside the transaction: if this fails, nothing is marked done and the next
    # run tries again (deleting a file that is already gone is harmless), so no file outlives its
    # row unnoticed.
    for attachment in files:
        attachment.file.storage.delete(attachment.file.name)
    InquiryAttachment.objects.filter(pk__in=[attachment.pk for attachment in files]).delete()
    _forget_emails(inquiry)
    inquiry.submitter_name, inquiry.submitter_email, inquiry.submitter_phone = "", "", ""
    inquiry.client_hash, inquiry.anonymised_at = "", inquiry.anonymised_at or now
    inquiry.save(update_fields=["submitter_name", "submitter_email", "submitter_phone",
                                "client_hash", "anonymised_at", "updated_at"])
    text = ngettext("%(count)d file deleted.", "%(count)d files deleted.", len(files)) % {
        "count": len(files)}
    if on_request:
        text = gettext("At the person's request (GDPR art. 17).") + " " + text
    inquiry_event_add(inquiry, InquiryEvent.Kind.ANONYMISED, public=False, text=text, actor=actor)
    inquiry_changed(inquiry, "anonymised")
    return True


def _forget_emails(inquiry: Inquiry) -> None:
    """The copies in the e-mail queue: every e-mail about the inquiry (its reference is in the
    subject) that has been dealt with loses its text, its attachments, its last error and the
    submitter's address (core.retention.emails_forget), so the name, the private tracking link
    and what was written live on nowhere."""
    reference = re.compile(rf"{re.escape(inquiry.reference)}(?!\d)")
    emails = OutgoingEmail.objects.filter(subject__contains=inquiry.reference)
    about = [email.pk for email in emails.only("pk", "subject") if reference.search(email.subject)]
    emails_forget(OutgoingEmail.objects.filter(pk__in=about), addresses=[inquiry.submitter_email])
