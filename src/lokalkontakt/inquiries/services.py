"""Every write about inquiries. Each step is an InquiryEvent (public or internal) in the same
transaction; e-mail goes through the queue after commit (core.mail)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.files import atomic_with_files, attachments_store, checked_uploads
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.roles import coordinator_emails
from lokalkontakt.core.search.index import index_update
from lokalkontakt.core.tokens import client_hash, token_hash
from lokalkontakt.core.workdays import add_working_days
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from lokalkontakt.inquiries.tracking import (
    new_tracking_salt,
    tracking_token_for_salt,
    tracking_url,
    tracking_url_of,
)

Kind = InquiryEvent.Kind


def _locked(inquiry: Inquiry) -> Inquiry:
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




def handler_emails(inquiry: Inquiry) -> list[str]:
    """Whoever handles the inquiry; the coordinator when nobody does or they have no e-mail."""
    if inquiry.assignee and inquiry.assignee.email:
        return [inquiry.assignee.email]
    return coordinator_emails()


def inquiry_submit(*, area: LocalArea | None, submitter_kind: str, subject: str, text: str,
                   submitter_name: str, submitter_email: str, submitter_phone: str = "",
                   shared_with_council: bool = False, client: str,
                   files=()) -> tuple[Inquiry, str]:
    """Receive an inquiry with its attachments, route it to the area's contact (or the
    coordinator) and queue the receipt to the submitter and the notice to whoever handles it.

    The area's local council may read it only when the submitter chose to share it, or when the
    council wrote it (submitter_kind COUNCIL: always shared).

    Refuses more than settings.INQUIRY_RATE_LIMIT inquiries per client per hour, and any
    attachment core.files refuses; a refusal stores nothing (no row, no file, no e-mail).
    Returns the inquiry and its tracking token (derived from the inquiry's salt and SECRET_KEY,
    see inquiries.tracking; only the salt and the token's hash are stored).
    """
    files = checked_uploads(files, field="files")
    with atomic_with_files() as stored:
        return _submit(area=area, submitter_kind=submitter_kind, subject=subject, text=text,
                       submitter_name=submitter_name, submitter_email=submitter_email,
                       submitter_phone=submitter_phone,
                       shared_with_council=(shared_with_council
                                            or submitter_kind == Inquiry.SubmitterKind.COUNCIL),
                       client=client, files=files, stored=stored)


def _submit(*, area, submitter_kind, subject, text, submitter_name, submitter_email,
            submitter_phone, shared_with_council, client, files, stored) -> tuple[Inquiry, str]:
    hashed_client = client_hash(client)
    recent = Inquiry.objects.filter(client_hash=hashed_client,
                                    created_at__gte=timezone.now() - datetime.timedelta(hours=1))
    if recent.count() >= settings.INQUIRY_RATE_LIMIT:
        raise ValidationError(_("You have sent several inquiries within the last hour. "
                                "Please wait a little and try again."))
    primary = area.primary_assignment if area else None
    salt = new_tracking_salt()
    token = tracking_token_for_salt(salt)
    today = timezone.localdate()
    inquiry = Inquiry(
        area=area, submitter_kind=submitter_kind, subject=subject.strip(), text=text.strip(),
        submitter_name=submitter_name.strip(), submitter_email=submitter_email.strip(),
        submitter_phone=submitter_phone.strip(), shared_with_council=shared_with_council,
        token_hash=token_hash(token), tracking_salt=salt,
        client_hash=hashed_client, assignee=primary.employee if primary else None,
        acknowledge_due=add_working_days(today, settings.INQUIRY_ACKNOWLEDGE_DAYS),
        answer_due=add_working_days(today, settings.INQUIRY_ANSWER_DAYS),
    )
    inquiry.full_clean()
    inquiry.save()
    inquiry_event_add(inquiry, Kind.SUBMITTED, public=True)
    inquiry_event_add(inquiry, Kind.ROUTED, public=False,
           text=inquiry.assignee.name if inquiry.assignee else _("the coordinator"))
    # The submission's own files hang on the inquiry, not on a step: the submitter sees them.
    attachments_store(InquiryAttachment, files, stored=stored, inquiry=inquiry)
    index_update(inquiry)
    context = {"inquiry": inquiry, "tracking_url": tracking_url(token),
               "staff_url": site_url(inquiry.get_absolute_url())}
    email_queue_template("inquiries/email/receipt.txt", to=[inquiry.submitter_email], context=context)
    email_queue_template("inquiries/email/new_inquiry.txt", to=handler_emails(inquiry), context=context)
    return inquiry, token


@transaction.atomic
def inquiry_acknowledge(*, inquiry: Inquiry, actor) -> Inquiry:
    """Mark that the inquiry has been seen; the submitter sees it on the tracking page."""
    inquiry = _locked(inquiry)
    if inquiry.status != Inquiry.Status.RECEIVED:
        raise ValidationError(_("The inquiry has already been acknowledged."))
    inquiry.status, inquiry.acknowledged_at = Inquiry.Status.ACKNOWLEDGED, timezone.now()
    inquiry.save(update_fields=["status", "acknowledged_at", "updated_at"])
    inquiry_event_add(inquiry, Kind.ACKNOWLEDGED, public=True, actor=actor)
    return inquiry


def inquiry_reply(*, inquiry: Inquiry, text: str, actor, files=()) -> InquiryEvent:
    """Answer the submitter publicly: shown on the tracking page with its attachments and
    e-mailed to them with their tracking link (the e-mail names the files; they are downloaded
    from the tracking page). Without a derivable link (see inquiries.tracking) the e-mail
    points to the one in the receipt."""
    files = checked_uploads(files, field="files")
    with atomic_with_files() as stored:
        return _reply(inquiry=inquiry, text=text, actor=actor, files=files, stored=stored)


def _reply(*, inquiry, text, actor, files, stored) -> InquiryEvent:
    inquiry = _locked(inquiry)
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
    attachments_store(InquiryAttachment, files, stored=stored, inquiry=inquiry, event=event)
    index_update(inquiry)
    email_queue_template("inquiries/email/reply.txt", to=[inquiry.submitter_email],
          context={"inquiry": inquiry, "event": event, "files": stored,
                   "tracking_url": tracking_url_of(inquiry)})
    return event


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
def inquiry_close(*, inquiry: Inquiry, outcome: str, actor) -> Inquiry:
    """Close the inquiry with its outcome, which the submitter sees."""
    inquiry = _locked(inquiry)
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed."))
    if not outcome.strip():
        raise ValidationError({"outcome": _("Describe the outcome.")})
    inquiry.status, inquiry.closed_at, inquiry.outcome = (Inquiry.Status.CLOSED, timezone.now(),
                                                          outcome.strip())
    inquiry.save(update_fields=["status", "closed_at", "outcome", "updated_at"])
    inquiry_event_add(inquiry, Kind.CLOSED, public=True, text=inquiry.outcome, actor=actor)
    index_update(inquiry)
    return inquiry


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
    inquiry = _locked(inquiry)  # the limit counts messages sent at the same moment too
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed. Send a new inquiry instead."))
    recent = inquiry.events.filter(kind=Kind.FOLLOW_UP,
                                   at__gte=timezone.now() - datetime.timedelta(hours=1))
    if recent.count() >= settings.INQUIRY_FOLLOW_UP_LIMIT:
        raise ValidationError(_("You have sent many messages about this inquiry within the "
                                "last hour. Please wait a little and try again."))
    event = inquiry_event_add(inquiry, Kind.FOLLOW_UP, public=True, text=text.strip())
    attachments_store(InquiryAttachment, files, stored=stored, inquiry=inquiry, event=event)
    email_queue_template("inquiries/email/follow_up.txt", to=handler_emails(inquiry),
          context={"inquiry": inquiry, "event": event,
                   "staff_url": site_url(inquiry.get_absolute_url())})
    return event


def _check_recipient(inquiry: Inquiry, employee, *, already: bool) -> None:
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed."))
    if not employee.is_active:
        raise ValidationError({"employee": _("%(name)s is no longer active.") % {"name": employee}})
    if already:
        raise ValidationError({"employee": _("%(name)s already has the inquiry.") % {"name": employee}})


def _sender_name(actor) -> str:
    return getattr(getattr(actor, "employee", None), "name", "") or actor.get_username()


def _notify_employee(inquiry: Inquiry, employee, *, actor, note: str) -> None:
    to = [employee.email] if employee.email else coordinator_emails()
    email_queue_template("inquiries/email/forwarded.txt", to=to, context={
        "inquiry": inquiry, "employee": employee, "note": note,
        "sender": _sender_name(actor),
        "staff_url": site_url(inquiry.get_absolute_url())})


@transaction.atomic
def inquiry_forward(*, inquiry: Inquiry, employee, note: str = "", actor) -> Inquiry:
    """Ask a colleague for help: they are e-mailed, may open the inquiry and reply too.
    The handler stays the same."""
    inquiry = _locked(inquiry)
    _check_recipient(inquiry, employee, already=employee == inquiry.assignee
                     or inquiry.participants.filter(pk=employee.pk).exists())
    inquiry.participants.add(employee)
    inquiry_event_add(inquiry, Kind.FORWARDED, public=False, actor=actor,
           text=f"{employee.name}: {note.strip()}" if note.strip() else employee.name)
    index_update(inquiry)
    _notify_employee(inquiry, employee, actor=actor, note=note.strip())
    return inquiry


@transaction.atomic
def inquiry_reassign(*, inquiry: Inquiry, employee, note: str = "", actor) -> Inquiry:
    """Make another employee responsible for the inquiry; they are e-mailed."""
    inquiry = _locked(inquiry)
    _check_recipient(inquiry, employee, already=employee == inquiry.assignee)
    inquiry.assignee = employee
    inquiry.save(update_fields=["assignee", "updated_at"])
    inquiry.participants.remove(employee)
    inquiry_event_add(inquiry, Kind.REASSIGNED, public=False, actor=actor,
           text=f"{employee.name}: {note.strip()}" if note.strip() else employee.name)
    index_update(inquiry)
    _notify_employee(inquiry, employee, actor=actor, note=note.strip())
    return inquiry


def core_area_emails(core_area) -> list[str]:
    """The core area's shared mailbox; without one its active employees' e-mails; without any,
    the coordinator, so that a forwarded inquiry is never silently lost."""
    if core_area.email:
        return [core_area.email]
    emails = sorted({e.email for e in core_area.employees.filter(is_active=True) if e.email})
    return emails or coordinator_emails()


@transaction.atomic
def inquiry_forward_to_core_area(*, inquiry: Inquiry, core_area, note: str = "",
                                 actor) -> Inquiry:
    """Ask a core area (kerneområde) for help: its mailbox (or its employees) is e-mailed, and
    its active employees may open the inquiry and reply. The handler stays the same."""
    inquiry = _locked(inquiry)
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed."))
    if inquiry.core_areas.filter(pk=core_area.pk).exists():
        raise ValidationError({"core_area": _("%(name)s already has the inquiry.")
                               % {"name": core_area}})
    inquiry.core_areas.add(core_area)
    note = note.strip()
    inquiry_event_add(inquiry, Kind.FORWARDED_CORE_AREA, public=False, actor=actor,
                      text=f"{core_area.name}: {note}" if note else core_area.name)
    email_queue_template("inquiries/email/forwarded_core_area.txt", to=core_area_emails(core_area),
                         context={"inquiry": inquiry, "core_area": core_area, "note": note,
                                  "sender": _sender_name(actor),
                                  "staff_url": site_url(inquiry.get_absolute_url())})
    return inquiry


@transaction.atomic
def inquiry_tag(*, inquiry: Inquiry, focus_areas, actor) -> Inquiry:
    """Set the focus areas (fokusområder) the inquiry concerns."""
    focus_areas = list(focus_areas)
    inquiry.focus_areas.set(focus_areas)
    inquiry_event_add(inquiry, Kind.TAGGED, public=False, actor=actor,
           text=", ".join(f.name for f in focus_areas) or "–")
    index_update(inquiry)
    return inquiry
