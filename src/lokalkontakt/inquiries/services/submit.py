# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Receiving an inquiry: stored with its attachments, routed to the area's contact (or the
coordinator), with a receipt to the submitter and a notice to whoever handles it."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.files import atomic_with_files, attachments_store, checked_uploads
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.search.index import index_update
from lokalkontakt.core.tokens import client_hash, token_hash
from lokalkontakt.core.workdays import add_working_days
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from lokalkontakt.inquiries.services.common import (
    email_handler,
    inquiry_changed,
    inquiry_event_add,
)
from lokalkontakt.inquiries.tracking import (
    new_tracking_salt,
    tracking_token_for_salt,
    tracking_url,
)

Kind = InquiryEvent.Kind


def inquiry_submit(*, area: LocalArea | None, submitter_kind: str, subject: str, text: str,
                   submitter_name: str, submitter_email: str, submitter_phone: str = "",
                   shared_with_council: bool = False, client: str, files=(),
                   channel: str = Inquiry.Channel.WEB_FORM,
                   received_on: datetime.date | None = None,
                   registered_by=None, focus_areas=(), api_system: str = "",
                   external_reference: str = "") -> tuple[Inquiry, str]:
    """Receive an inquiry with its attachments, route it to the area's contact (or the
    coordinator) and queue the receipt to the submitter and the notice to whoever handles it.

    The area's local council may read it only when the submitter chose to share it, or when the
    council wrote it (submitter_kind COUNCIL: always shared).

    An inquiry that reached a member of staff by phone, e-mail, letter, at a meeting or in person
    is registered by them (`registered_by`, the actor of its first step) with its `channel` and
    the day it was `received_on` (not in the future; default today), from which the deadlines
    count in working days. The submitter's e-mail address may then be unknown: without one, no
    receipt and no tracking link is sent. Staff registrations are not rate-limited.

    Another system sends one through the API (`api_system`, its key's system name, with its own
    `external_reference` if it has one; see inquiry_receive_from_system): its first step says so,
    and it is not rate-limited either (a self-service form sends for many citizens). It may give
    the `focus_areas` at once.

    Refuses more than settings.INQUIRY_RATE_LIMIT inquiries per client per hour from the public,
    and any attachment core.files refuses; a refusal stores nothing (no row, no file, no e-mail).
    Returns the inquiry and its tracking token (derived from the inquiry's salt and SECRET_KEY,
    see inquiries.tracking; only the salt and the token's hash are stored).
    """
    files = checked_uploads(files, field="files")
    today = timezone.localdate()
    received_on = received_on or today
    if received_on > today:
        raise ValidationError({"received_on": _("The date received cannot be in the future.")})
    with atomic_with_files() as stored:
        return _submit(area=area, submitter_kind=submitter_kind, subject=subject, text=text,
                       submitter_name=submitter_name, submitter_email=submitter_email,
                       submitter_phone=submitter_phone,
                       shared_with_council=(shared_with_council
                                            or submitter_kind == Inquiry.SubmitterKind.COUNCIL),
                       client=client, files=files, stored=stored, channel=channel,
                       received_on=received_on, registered_by=registered_by,
                       focus_areas=focus_areas, api_system=api_system,
                       external_reference=external_reference)


def _submit(*, area, submitter_kind, subject, text, submitter_name, submitter_email,
            submitter_phone, shared_with_council, client, files, stored, channel, received_on,
            registered_by, focus_areas, api_system, external_reference) -> tuple[Inquiry, str]:
    hashed_client = client_hash(client)
    if registered_by is None and not api_system:
        _check_rate(hashed_client)
    primary = area.primary_assignment if area else None
    # A contact who has left (deactivated, e.g. by the OS2mo sync) but not yet been replaced
    # handles nothing new: the coordinator does, until the handover.
    assignee = primary.employee if primary and primary.employee.is_active else None
    salt = new_tracking_salt()
    token = tracking_token_for_salt(salt)
    inquiry = Inquiry(
        area=area, submitter_kind=submitter_kind, subject=subject.strip(), text=text.strip(),
        submitter_name=submitter_name.strip(), submitter_email=submitter_email.strip(),
        submitter_phone=submitter_phone.strip(), shared_with_council=shared_with_council,
        token_hash=token_hash(token), tracking_salt=salt,
        client_hash=hashed_client, assignee=assignee, channel=channel, received_on=received_on,
        api_system=api_system, external_reference=external_reference.strip(),
        **inquiry_deadlines(received_on),
    )
    inquiry.full_clean()
    inquiry.save()
    inquiry.focus_areas.set(list(focus_areas))
    inquiry_event_add(inquiry, Kind.SUBMITTED, public=True, actor=registered_by,
                      text=_("Received through the API from %(system)s.") % {"system": api_system}
                      if api_system else "")
    inquiry_changed(inquiry, "created")
    inquiry_event_add(inquiry, Kind.ROUTED, public=False,
           text=inquiry.assignee.name if inquiry.assignee else _("the coordinator"))
    # The submission's own files hang on the inquiry, not on a step: the submitter sees them.
    attachments_store(InquiryAttachment, files, stored=stored, inquiry=inquiry)
    index_update(inquiry)
    context = {"inquiry": inquiry, "tracking_url": tracking_url(token),
               "staff_url": site_url(inquiry.get_absolute_url())}
    if inquiry.submitter_email:  # a phone caller may have given none: then no receipt, no link
        email_queue_template("inquiries/email/receipt.txt", to=[inquiry.submitter_email],
                             context={**context, "privacy_url": site_url(reverse("privacy"))})
    email_handler("inquiries/email/new_inquiry.txt", inquiry=inquiry, context=context)
    return inquiry, token


def inquiry_deadlines(received_on: datetime.date) -> dict[str, datetime.date]:
    """The acknowledge and answer deadlines of an inquiry received that day: the configured
    numbers of Danish working days after it (settings.INQUIRY_ACKNOWLEDGE_DAYS, _ANSWER_DAYS)."""
    return {"acknowledge_due": add_working_days(received_on, settings.INQUIRY_ACKNOWLEDGE_DAYS),
            "answer_due": add_working_days(received_on, settings.INQUIRY_ANSWER_DAYS)}


def _check_rate(hashed_client: str) -> None:
    recent = Inquiry.objects.filter(client_hash=hashed_client,
                                    created_at__gte=timezone.now() - datetime.timedelta(hours=1))
    if recent.count() >= settings.INQUIRY_RATE_LIMIT:
        raise ValidationError(_("You have sent several inquiries within the last hour. "
                                "Please wait a little and try again."))


def inquiry_receive_from_system(*, api_system: str, external_reference: str = "",
                                **submission) -> tuple[Inquiry, bool]:
    """An inquiry another system sends through the API (inquiry_submit with `api_system`).

    Idempotent per system and `external_reference` (the system's own id for it, e.g. a form
    submission's): when that system already sent it, nothing new is made or sent and the
    existing inquiry is returned. Returns (the inquiry, whether it was made now)."""
    external_reference = external_reference.strip()
    if existing := _sent_before(api_system, external_reference):
        return existing, False
    try:
        inquiry, _token = inquiry_submit(api_system=api_system,
                                         external_reference=external_reference, **submission)
    except (IntegrityError, ValidationError):
        # The same call at the same moment made it first (the unique constraint said so: as
        # IntegrityError on PostgreSQL, as full_clean's ValidationError where writes are serial).
        if existing := _sent_before(api_system, external_reference):
            return existing, False
        raise
    return inquiry, True


def _sent_before(api_system: str, external_reference: str) -> Inquiry | None:
    if not external_reference:
        return None
    return Inquiry.objects.filter(api_system=api_system,
                                  external_reference=external_reference).first()
