# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the inquiries' services share: the inquiry locked for a write, a step on its timeline, and
who handles it."""

from django.utils import timezone

from lokalkontakt.core.changes import record_change
from lokalkontakt.core.mail import email_queue_template
from lokalkontakt.core.recipients import Reach, email_person
from lokalkontakt.core.roles import coordinator_emails
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent


def locked_inquiry(inquiry: Inquiry) -> Inquiry:
    """Re-read the inquiry under a row lock, in place (the caller's object is updated), inside
    the caller's transaction: two requests acting on the same inquiry then check its state one
    after the other, not both on what they loaded before (no duplicate events or e-mails)."""
    inquiry.refresh_from_db(from_queryset=Inquiry.objects.select_for_update())
    return inquiry


def inquiry_event_add(inquiry, kind, *, public, text="", actor=None) -> InquiryEvent:
    """A step on the timeline, in the caller's transaction."""
    actor = actor if getattr(actor, "is_authenticated", False) else None
    return InquiryEvent.objects.create(inquiry=inquiry, kind=kind, public=public, text=text,
                                       actor=actor)


def inquiry_changed(inquiry: Inquiry, action: str) -> None:
    """A row in the change feed (core.changes), in the caller's transaction; the inquiry's
    updated_at moves with it, so the API's `updated_since` finds what the feed announces."""
    Inquiry.objects.filter(pk=inquiry.pk).update(updated_at=timezone.now())
    record_change(kind="inquiry", object_id=inquiry.pk, reference=inquiry.reference, action=action)


def handler_emails(inquiry: Inquiry) -> list[str]:
    """Whoever handles the inquiry; the coordinator when nobody does or they have no e-mail."""
    if inquiry.assignee and inquiry.assignee.email:
        return [inquiry.assignee.email]
    return coordinator_emails()


def email_handler(template: str, *, inquiry: Inquiry, context: dict) -> Reach:
    """E-mail whoever handles the inquiry: nobody, the coordinator; a handler who cannot get it
    (no address, or left), the coordinator with a first line saying for whom it was meant and
    why (core.recipients). Who got it. A handler without a login still gets it (as before): the
    coordinator's start page lists their inquiries."""
    reach = Reach()
    if inquiry.assignee is None:
        email_queue_template(template, to=coordinator_emails(), context=context)
    else:
        email_person(template, person=inquiry.assignee, context=context, reach=reach)
    return reach
