# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Action items (opfølgningspunkter): created at a meeting, moved on by their owner or the
coordinator, closed as done or dropped with a reason; their owners are reminded before the due
date by the periodic job."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.recipients import Reach, email_person
from lokalkontakt.core.roles import is_coordinator
from lokalkontakt.meetings.models import ActionItem, AgendaItem, Meeting
from lokalkontakt.meetings.permissions import can_change_action, can_reassign_action

Status = ActionItem.Status


def _notify_owner(action: ActionItem, template: str, actor=None) -> None:
    """The owner is e-mailed unless they made the change; `action.reach` says whether. The
    coordinator set the owner, so nobody else gets the e-mail of an owner without an address."""
    owner, action.reach = action.owner, Reach()
    if getattr(actor, "employee", None) == owner:
        return
    email_person(template, person=owner, reach=action.reach, fallback=False, context={
        "action": action, "url": site_url(action.get_absolute_url())})


@transaction.atomic
def action_create(*, meeting: Meeting, actor, title: str, owner, due_on: datetime.date,
                  description: str = "", agenda_item: AgendaItem | None = None) -> ActionItem:
    """Record an action item decided at the meeting; its owner is told by e-mail. Only the
    coordinator may."""
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only the coordinator may do this."))
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting cannot be changed."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Choose an item of this meeting.")})
    if not owner.is_active:
        raise ValidationError({"owner": _("The owner must be an active employee.")})
    action = ActionItem(meeting=meeting, agenda_item=agenda_item, title=title.strip(),
                        description=description.strip(), owner=owner, due_on=due_on)
    action.full_clean()
    action._history_user = actor
    action.save()
    _notify_owner(action, "meetings/email/action_assigned.txt", actor)
    return action


@transaction.atomic
def action_update(*, action: ActionItem, actor, status: str, note: str = "",
                  due_on: datetime.date | None = None, owner=None) -> ActionItem:
    """Change the status (with a comment; dropping needs the reason), and for the coordinator
    also the due date and the owner. Done and dropped items leave the next agendas; reopening
    brings them back. A new due date re-arms the reminder. A new owner is e-mailed
    (`action.reach` says whether)."""
    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    if not can_change_action(actor, action):
        raise PermissionDenied(_("Only the owner or the coordinator may change this action item."))
    if status == Status.DROPPED and not note.strip():
        raise ValidationError({"note": _("Give the reason for dropping the action item.")})
    if (due_on and due_on != action.due_on or owner and owner != action.owner) \
            and not can_reassign_action(actor):
        raise PermissionDenied(_("Only the coordinator may change the owner or the due date."))
    new_owner = owner is not None and owner != action.owner
    if owner is not None and not owner.is_active:
        raise ValidationError({"owner": _("The owner must be an active employee.")})
    was_open = action.is_open
    action.status, action.status_note = status, note.strip()
    action.due_on, action.owner = due_on or action.due_on, owner or action.owner
    if was_open and not action.is_open:
        action.closed_at = timezone.now()
    elif action.is_open:
        action.closed_at = None
    action.full_clean()
    action._history_user = actor
    action.save()
    action.reach = Reach()
    if new_owner:
        _notify_owner(action, "meetings/email/action_assigned.txt", actor)
    return action


def remind_action_items(*, today: datetime.date | None = None) -> int:
    """Remind the owners of open action items due within settings.ACTION_ITEM_REMINDER_DAYS (or
    overdue and never reminded of this date): one e-mail per item and due date, however often the
    job runs. The claim (reminded_for) and the e-mail commit together."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.ACTION_ITEM_REMINDER_DAYS)
    due = (ActionItem.objects.filter(status__in=ActionItem.OPEN_STATUSES, due_on__lte=horizon,
                                     owner__is_active=True)
           .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("due_on")))
           .values_list("pk", flat=True))
    return sum(_remind(pk, today=today) for pk in list(due))


@transaction.atomic
def _remind(pk: int, *, today: datetime.date) -> bool:
    claimed = (ActionItem.objects.filter(pk=pk, status__in=ActionItem.OPEN_STATUSES)
               .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("due_on")))
               .update(reminded_for=F("due_on")))
    if not claimed:  # another run reminded it, or it was closed meanwhile
        return False
    action = ActionItem.objects.select_related("owner", "meeting").get(pk=pk)
    if action.owner.email:
        email_queue_template("meetings/email/action_reminder.txt", to=[action.owner.email], context={
            "action": action, "overdue": action.due_on < today,
            "url": site_url(action.get_absolute_url())})
    return True
