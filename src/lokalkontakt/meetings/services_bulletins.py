"""Bulletins from the coordinator, the local meetings contacts attend, and calendar feeds."""

import re
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Assignment
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.markdown import plain_text
from lokalkontakt.core.roles import is_coordinator
from lokalkontakt.meetings.models import Bulletin, CalendarFeed, LocalMeeting
from lokalkontakt.meetings.permissions import can_edit_local_meeting, can_record_local_meeting
from lokalkontakt.people.models import Employee
from lokalkontakt.people.permissions import active_employee


def bulletin_recipients(*, core_areas=(), areas=()):
    """The active contacts (and deputies) a bulletin reaches: all of them; or those in the chosen
    core areas and those who cover the chosen local areas."""
    current = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    # Exists, not an isnull lookup across the assignments: that also matches employees with none.
    contacts = Employee.objects.filter(Exists(current), is_active=True)
    if core_areas or areas:
        contacts = contacts.filter(Q(core_area__in=list(core_areas))
                                   | Exists(current.filter(area__in=list(areas))))
    return contacts.order_by("sort_name", "pk")


@transaction.atomic
def bulletin_send(*, actor, title: str, text: str, core_areas=(), areas=()) -> Bulletin:
    """Send a bulletin: kept with its recipients as they are now, shown on their front page and
    e-mailed to each of them through the queue. Only the coordinator may."""
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only the coordinator may do this."))
    recipients = list(bulletin_recipients(core_areas=core_areas, areas=areas))
    if not recipients:
        raise ValidationError(_("No active contact is in the chosen core areas or covers the "
                                "chosen local areas. Choose others, or none to reach all."))
    bulletin = Bulletin(title=title.strip(), text=text.strip(), author=actor,
                        sent_at=timezone.now())
    bulletin.full_clean()
    bulletin.save()
    bulletin.core_areas.set(list(core_areas))
    bulletin.areas.set(list(areas))
    bulletin.recipients.set(recipients)
    body = email_text(bulletin.text)
    for employee in recipients:
        if employee.email:
            email_queue_template("meetings/email/bulletin.txt", to=[employee.email], context={
                "bulletin": bulletin, "body": body,
                "url": site_url(bulletin.get_absolute_url())})
    return bulletin


MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")


def email_text(markdown: str) -> str:
    """A bulletin as a plain-text e-mail: the words without Markdown, each link's address kept
    after its text ("Læs mere (https://…)"), which plain text would otherwise lose."""
    return plain_text(MARKDOWN_LINK.sub(lambda m: f"{m[1]} ({m[2]})", markdown))


def _fill_local(local_meeting, *, kind, held_on, note) -> None:
    local_meeting.kind, local_meeting.held_on, local_meeting.note = kind, held_on, note.strip()
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Record a meeting once it has been held.")})
    local_meeting.full_clean()


@transaction.atomic
def local_meeting_create(*, actor, area, kind: str, held_on, note: str = "") -> LocalMeeting:
    """Record a meeting the contact attended in their area (the coordinator may for any area)."""
    employee = active_employee(actor)
    if employee is None or not can_record_local_meeting(actor, area):
        raise PermissionDenied(_("Only the area's contact or the coordinator may record its "
                                 "meetings."))
    local_meeting = LocalMeeting(area=area, recorded_by=employee)
    _fill_local(local_meeting, kind=kind, held_on=held_on, note=note)
    local_meeting._history_user = actor
    local_meeting.save()
    return local_meeting


@transaction.atomic
def local_meeting_update(*, local_meeting: LocalMeeting, actor, kind: str, held_on,
                         note: str = "") -> LocalMeeting:
    if not can_edit_local_meeting(actor, local_meeting):
        raise PermissionDenied(_("Only who recorded the meeting or the coordinator may change it."))
    _fill_local(local_meeting, kind=kind, held_on=held_on, note=note)
    local_meeting._history_user = actor
    local_meeting.save()
    return local_meeting


@transaction.atomic
def local_meeting_delete(*, local_meeting: LocalMeeting, actor) -> None:
    if not can_edit_local_meeting(actor, local_meeting):
        raise PermissionDenied(_("Only who recorded the meeting or the coordinator may change it."))
    local_meeting._history_user = actor
    local_meeting.delete()


@transaction.atomic
def calendar_feed_get_or_reset(*, user, reset: bool = False) -> CalendarFeed:
    """The user's calendar feed, made on first use; `reset` gives it a new key, which ends the old
    address."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(
        user=user, defaults={"key": secrets.token_hex(32)})
    if reset and not created:
        feed.key = secrets.token_hex(32)
        feed.save(update_fields=["key"])
    return feed
