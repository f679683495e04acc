# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handling an inquiry: acknowledging it, internal comments, focus areas and closing it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lokalkontakt.core.files import atomic_with_files, attachments_store, checked_uploads
from lokalkontakt.core.mail import email_queue
from lokalkontakt.core.search.index import index_update
from lokalkontakt.core.suggest import focus_terms_learn
from lokalkontakt.inquiries.emails import outcome_email, submitter_address
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from lokalkontakt.inquiries.services.common import (
    inquiry_changed,
    inquiry_event_add,
    locked_inquiry,
)

Kind = InquiryEvent.Kind


@transaction.atomic
def inquiry_acknowledge(*, inquiry: Inquiry, actor) -> Inquiry:
    """Mark that the inquiry has been seen; the submitter sees it on the tracking page."""
    inquiry = locked_inquiry(inquiry)
    if inquiry.status != Inquiry.Status.RECEIVED:
        raise ValidationError(_("The inquiry has already been acknowledged."))
    inquiry.status, inquiry.acknowledged_at = Inquiry.Status.ACKNOWLEDGED, timezone.now()
    inquiry.save(update_fields=["status", "acknowledged_at", "updated_at"])
    inquiry_event_add(inquiry, Kind.ACKNOWLEDGED, public=True, actor=actor)
    inquiry_changed(inquiry, "acknowledged")
    return inquiry



def inquiry_comment(*, inquiry: Inquiry, text: str, actor, files=()) -> InquiryEvent:
    """An internal note on the timeline, with internal attachments; never shown to the
    submitter or the local council."""
    files = checked_uploads(files, field="files")
    if not text.strip():
        raise ValidationError({"text": _("Write the comment.")})
    with atomic_with_files() as stored:
        event = inquiry_event_add(inquiry, Kind.COMMENT, public=False, text=text.strip(),
                                  actor=actor)
        attachments_store(InquiryAttachment, files, stored=stored, inquiry=inquiry, event=event)
    return event



@transaction.atomic
def inquiry_tag(*, inquiry: Inquiry, focus_areas, actor) -> Inquiry:
    """Set the focus areas (fokusområder) the inquiry concerns; the suggestions learn from those
    added."""
    focus_areas = list(focus_areas)
    before = set(inquiry.focus_areas.values_list("pk", flat=True))
    inquiry.focus_areas.set(focus_areas)
    # The suggestions learn from the focus areas staff added (core.suggest).
    focus_terms_learn(text=f"{inquiry.subject}\n{inquiry.text}",
                      focus_area_ids=[f.pk for f in focus_areas if f.pk not in before])
    inquiry_event_add(inquiry, Kind.TAGGED, public=False, actor=actor,
           text=", ".join(f.name for f in focus_areas) or "–")
    inquiry_changed(inquiry, "tagged")
    index_update(inquiry)
    return inquiry



@transaction.atomic
def inquiry_close(*, inquiry: Inquiry, outcome: str, actor) -> Inquiry:
    """Close the inquiry with its outcome, which the submitter sees on the tracking page and,
    when they have an address (inquiries.emails.submitter_address; never after anonymisation),
    gets by e-mail (inquiries.emails.outcome_email, as previewed); a public step records that
    it was sent."""
    inquiry = locked_inquiry(inquiry)
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed."))
    if not outcome.strip():
        raise ValidationError({"outcome": _("Describe the outcome.")})
    inquiry.status, inquiry.closed_at, inquiry.outcome = (Inquiry.Status.CLOSED, timezone.now(),
                                                          outcome.strip())
    inquiry.save(update_fields=["status", "closed_at", "outcome", "updated_at"])
    inquiry_event_add(inquiry, Kind.CLOSED, public=True, text=inquiry.outcome, actor=actor)
    inquiry_changed(inquiry, "closed")
    if to := submitter_address(inquiry):
        email = outcome_email(inquiry=inquiry, outcome=inquiry.outcome, actor=actor)
        email_queue(to=[to], subject=email.subject, body=email.body)
        inquiry_event_add(inquiry, Kind.OUTCOME_EMAILED, public=True, actor=actor)
    index_update(inquiry)
    return inquiry


@transaction.atomic
def inquiry_record_journalised(*, inquiry: Inquiry, case_number: str, actor,
                               actor_label: str = "") -> InquiryEvent:
    """The internal step "Journaliseret som <case_number>" on the inquiry's timeline, called by
    the journalisation (journal.services.journalise) in its transaction; the submitter does not
    see it. The text is in the site's language, as the record it is; an integration (no actor)
    is named by `actor_label`."""
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Journalised as %(case_number)s") % {"case_number": case_number}
        if not getattr(actor, "is_authenticated", False) and actor_label:
            text += " " + _("(recorded by %(system)s)") % {"system": actor_label}
    return inquiry_event_add(inquiry, Kind.JOURNALISED, public=False, text=text, actor=actor)
