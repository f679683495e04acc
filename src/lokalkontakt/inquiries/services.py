"""Every write about inquiries. Each step is an InquiryEvent (public or internal) in the same
transaction; e-mail goes through the queue after commit (core.mail)."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.core.workdays import add_working_days
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent

Kind = InquiryEvent.Kind


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def client_hash(client: str) -> str:
    """A keyed hash of the client's address: enough to rate-limit, not to identify."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()


def tracking_url(token: str) -> str:
    return site_url(reverse("inquiries:track", kwargs={"token": token}))


def inquiry_event_add(inquiry, kind, *, public, text="", actor=None) -> InquiryEvent:
    """A step on the timeline, in the caller's transaction."""
    actor = actor if getattr(actor, "is_authenticated", False) else None
    return InquiryEvent.objects.create(inquiry=inquiry, kind=kind, public=public, text=text,
                                       actor=actor)


def coordinator_emails() -> list[str]:
    users = get_user_model().objects.filter(groups__name=COORDINATOR_GROUP, is_active=True)
    emails = []
    for user in users.select_related("employee"):
        employee = getattr(user, "employee", None)
        address = (employee.email if employee else "") or user.email
        if address:
            emails.append(address)
    return sorted(set(emails))


def handler_emails(inquiry: Inquiry) -> list[str]:
    """Whoever handles the inquiry; the coordinator when nobody does or they have no e-mail."""
    if inquiry.assignee and inquiry.assignee.email:
        return [inquiry.assignee.email]
    return coordinator_emails()


@transaction.atomic
def inquiry_submit(*, area: LocalArea | None, submitter_kind: str, subject: str, text: str,
                   submitter_name: str, submitter_email: str, submitter_phone: str = "",
                   client: str) -> tuple[Inquiry, str]:
    """Receive an inquiry, route it to the area's contact (or the coordinator) and queue the
    receipt to the submitter and the notice to whoever handles it.

    Refuses more than settings.INQUIRY_RATE_LIMIT inquiries per client per hour.
    Returns the inquiry and its tracking token (only its hash is stored).
    """
    hashed_client = client_hash(client)
    recent = Inquiry.objects.filter(client_hash=hashed_client,
                                    created_at__gte=timezone.now() - datetime.timedelta(hours=1))
    if recent.count() >= settings.INQUIRY_RATE_LIMIT:
        raise ValidationError(_("You have sent several inquiries within the last hour. "
                                "Please wait a little and try again."))
    primary = area.primary_assignment if area else None
    token = secrets.token_urlsafe(32)
    today = timezone.localdate()
    inquiry = Inquiry(
        area=area, submitter_kind=submitter_kind, subject=subject.strip(), text=text.strip(),
        submitter_name=submitter_name.strip(), submitter_email=submitter_email.strip(),
        submitter_phone=submitter_phone.strip(), token_hash=token_hash(token),
        client_hash=hashed_client, assignee=primary.employee if primary else None,
        acknowledge_due=add_working_days(today, settings.INQUIRY_ACKNOWLEDGE_DAYS),
        answer_due=add_working_days(today, settings.INQUIRY_ANSWER_DAYS),
    )
    inquiry.full_clean()
    inquiry.save()
    inquiry_event_add(inquiry, Kind.SUBMITTED, public=True)
    inquiry_event_add(inquiry, Kind.ROUTED, public=False,
           text=inquiry.assignee.name if inquiry.assignee else _("the coordinator"))
    context = {"inquiry": inquiry, "tracking_url": tracking_url(token),
               "staff_url": site_url(inquiry.get_absolute_url())}
    email_queue_template("inquiries/email/receipt.txt", to=[inquiry.submitter_email], context=context)
    email_queue_template("inquiries/email/new_inquiry.txt", to=handler_emails(inquiry), context=context)
    return inquiry, token


@transaction.atomic
def inquiry_acknowledge(*, inquiry: Inquiry, actor) -> Inquiry:
    """Mark that the inquiry has been seen; the submitter sees it on the tracking page."""
    if inquiry.status != Inquiry.Status.RECEIVED:
        raise ValidationError(_("The inquiry has already been acknowledged."))
    inquiry.status, inquiry.acknowledged_at = Inquiry.Status.ACKNOWLEDGED, timezone.now()
    inquiry.save(update_fields=["status", "acknowledged_at", "updated_at"])
    inquiry_event_add(inquiry, Kind.ACKNOWLEDGED, public=True, actor=actor)
    return inquiry


@transaction.atomic
def inquiry_reply(*, inquiry: Inquiry, text: str, actor) -> InquiryEvent:
    """Answer the submitter publicly: shown on the tracking page and e-mailed to them."""
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
    email_queue_template("inquiries/email/reply.txt", to=[inquiry.submitter_email],
          context={"inquiry": inquiry, "event": event})
    return event


@transaction.atomic
def inquiry_comment(*, inquiry: Inquiry, text: str, actor) -> InquiryEvent:
    """An internal note on the timeline; never shown to the submitter."""
    if not text.strip():
        raise ValidationError({"text": _("Write the comment.")})
    return inquiry_event_add(inquiry, Kind.COMMENT, public=False, text=text.strip(), actor=actor)


@transaction.atomic
def inquiry_close(*, inquiry: Inquiry, outcome: str, actor) -> Inquiry:
    """Close the inquiry with its outcome, which the submitter sees."""
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed."))
    if not outcome.strip():
        raise ValidationError({"outcome": _("Describe the outcome.")})
    inquiry.status, inquiry.closed_at, inquiry.outcome = (Inquiry.Status.CLOSED, timezone.now(),
                                                          outcome.strip())
    inquiry.save(update_fields=["status", "closed_at", "outcome", "updated_at"])
    inquiry_event_add(inquiry, Kind.CLOSED, public=True, text=inquiry.outcome, actor=actor)
    return inquiry


@transaction.atomic
def inquiry_follow_up(*, inquiry: Inquiry, text: str) -> InquiryEvent:
    """A message from the submitter on the tracking page; the handler is told by e-mail."""
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed. Send a new inquiry instead."))
    if not text.strip():
        raise ValidationError({"text": _("Write your message.")})
    event = inquiry_event_add(inquiry, Kind.FOLLOW_UP, public=True, text=text.strip())
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


def _notify_employee(inquiry: Inquiry, employee, *, actor, note: str) -> None:
    to = [employee.email] if employee.email else coordinator_emails()
    email_queue_template("inquiries/email/forwarded.txt", to=to, context={
        "inquiry": inquiry, "employee": employee, "note": note,
        "sender": getattr(getattr(actor, "employee", None), "name", "") or actor.get_username(),
        "staff_url": site_url(inquiry.get_absolute_url())})


@transaction.atomic
def inquiry_forward(*, inquiry: Inquiry, employee, note: str = "", actor) -> Inquiry:
    """Ask a colleague for help: they are e-mailed, may open the inquiry and reply too.
    The handler stays the same."""
    _check_recipient(inquiry, employee, already=employee == inquiry.assignee
                     or inquiry.participants.filter(pk=employee.pk).exists())
    inquiry.participants.add(employee)
    inquiry_event_add(inquiry, Kind.FORWARDED, public=False, actor=actor,
           text=f"{employee.name}: {note.strip()}" if note.strip() else employee.name)
    _notify_employee(inquiry, employee, actor=actor, note=note.strip())
    return inquiry


@transaction.atomic
def inquiry_reassign(*, inquiry: Inquiry, employee, note: str = "", actor) -> Inquiry:
    """Make another employee responsible for the inquiry; they are e-mailed."""
    _check_recipient(inquiry, employee, already=employee == inquiry.assignee)
    inquiry.assignee = employee
    inquiry.save(update_fields=["assignee", "updated_at"])
    inquiry.participants.remove(employee)
    inquiry_event_add(inquiry, Kind.REASSIGNED, public=False, actor=actor,
           text=f"{employee.name}: {note.strip()}" if note.strip() else employee.name)
    _notify_employee(inquiry, employee, actor=actor, note=note.strip())
    return inquiry


@transaction.atomic
def inquiry_tag(*, inquiry: Inquiry, focus_areas, actor) -> Inquiry:
    """Set the focus areas (fokusområder) the inquiry concerns."""
    focus_areas = list(focus_areas)
    inquiry.focus_areas.set(focus_areas)
    inquiry_event_add(inquiry, Kind.TAGGED, public=False, actor=actor,
           text=", ".join(f.name for f in focus_areas) or "–")
    return inquiry
