# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The agenda of a meeting: proposing and changing items, ordering, accepting and deferring them,
and sending the agenda to the participants."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.core.roles import is_coordinator
from lokalkontakt.meetings import selectors
from lokalkontakt.meetings.models import AgendaItem, Meeting
from lokalkontakt.meetings.permissions import can_edit_item, can_propose
from lokalkontakt.meetings.services.common import (
    email_participants,
    locked_item,
    require_coordinator,
    save,
)

Status = AgendaItem.Status


def _next_position(meeting) -> int:
    return (meeting.items.aggregate(last=Max("position"))["last"] or 0) + 1



@transaction.atomic
def item_propose(*, meeting: Meeting, actor, title: str, text: str = "", area=None,
                 focus_areas=()) -> AgendaItem:
    """Propose an agenda item. Any active employee may until the meeting's cut-off; the
    coordinator at any time, and the coordinator's own items go straight on the agenda."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("The meeting is cancelled."))
    if not can_propose(actor, meeting):
        raise ValidationError(_("The deadline for proposals to this meeting has passed. Ask the "
                                "coordinator, or propose the item for the next meeting."))
    item = AgendaItem(meeting=meeting, title=title.strip(), text=text.strip(), area=area,
                      proposed_by=getattr(actor, "employee", None),
                      status=Status.ACCEPTED if is_coordinator(actor) else Status.PROPOSED,
                      position=_next_position(meeting))
    item.full_clean()
    save(item, actor)
    item.focus_areas.set(list(focus_areas))
    return item



@transaction.atomic
def item_update(*, item: AgendaItem, actor, title: str, text: str = "", area=None,
                focus_areas=()) -> AgendaItem:
    """Change an item's title, text, area and focus areas (the proposer until the cut-off while
    the item is proposed; the coordinator always)."""
    item = locked_item(item)
    if not can_edit_item(actor, item):
        raise PermissionDenied(_("You may not change this item."))
    item.title, item.text, item.area = title.strip(), text.strip(), area
    item.full_clean()
    save(item, actor)
    item.focus_areas.set(list(focus_areas))
    return item



@transaction.atomic
def agenda_arrange(*, meeting: Meeting, actor, changes: dict[int, tuple[int, str]]) -> int:
    """Order the items and accept or defer them: `changes` maps an item's id to its (position,
    status). A deferred item moves to the next planned meeting as a proposal; with no later
    meeting it stays here, deferred. The number of items moved on."""
    require_coordinator(actor)
    later = (Meeting.objects.filter(status=Meeting.Status.PLANNED, starts_at__gt=meeting.starts_at)
             .order_by("starts_at", "pk").first())
    moved = 0
    for item in meeting.items.select_for_update().filter(pk__in=changes):
        position, status = changes[item.pk]
        item.position, item.status = position, status
        if status == Status.DEFERRED and later is not None:
            item.meeting, item.status = later, Status.PROPOSED
            item.position = _next_position(later)
            moved += 1
        item.full_clean()
        save(item, actor)
    return moved



@transaction.atomic
def agenda_publish(*, meeting: Meeting, actor) -> Meeting:
    """Send the agenda to the participants: the accepted items in order and the fixed item
    "Opfølgning" (open action items of earlier meetings and overdue inquiries). Sending again
    sends the updated agenda."""
    require_coordinator(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting has no agenda to send."))
    again = meeting.agenda_published_at is not None
    meeting.agenda_published_at = timezone.now()
    save(meeting, actor)
    inquiries, inquiry_count = selectors.overdue_inquiries()
    actions, action_count = selectors.follow_up(meeting=meeting)
    meeting.reach = email_participants(meeting, "meetings/email/agenda.txt", {
        "again": again, "items": selectors.agenda_items(meeting=meeting, statuses=[Status.ACCEPTED]),
        "actions": actions, "action_count": action_count,
        "inquiries": inquiries, "inquiry_count": inquiry_count})
    return meeting
