# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may see and change what about meetings. Every member of staff may read meetings, agendas,
minutes, action items and local meetings (the views require core.view_internal); a bulletin only
the coordinator and those it was sent to. The coordinator runs the meetings.

What a user may not see answers 404, as a missing one does; what they may read but not change
answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.areas.permissions import is_area_contact
from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.core.roles import is_coordinator
from lokalkontakt.meetings.models import ActionItem, AgendaItem, Bulletin, LocalMeeting
from lokalkontakt.people.permissions import active_employee


def can_propose(user, meeting) -> bool:
    """The coordinator always; any active employee until the meeting's cut-off."""
    if meeting.is_cancelled:
        return False
    if is_coordinator(user):
        return True
    return active_employee(user) is not None and meeting.accepts_proposals


def can_edit_item(user, item) -> bool:
    """The coordinator; the proposer while the item is only proposed and before the cut-off."""
    if is_coordinator(user):
        return True
    employee = active_employee(user)
    return (employee is not None and item.proposed_by_id == employee.pk
            and item.status == AgendaItem.Status.PROPOSED and item.meeting.accepts_proposals)


def can_change_action(user, action) -> bool:
    """The coordinator and the action item's owner."""
    if is_coordinator(user):
        return True
    employee = active_employee(user)
    return employee is not None and action.owner_id == employee.pk


def can_see_everyones_actions(user) -> bool:
    """Only the coordinator lists everyone's action items; others list their own."""
    return is_coordinator(user)


def can_reassign_action(user) -> bool:
    """Only the coordinator changes an action item's owner or due date."""
    return is_coordinator(user)


def can_record_local_meeting(user, area) -> bool:
    """The coordinator and the area's current contact or deputy."""
    return is_coordinator(user) or is_area_contact(active_employee(user), area)


def can_edit_local_meeting(user, local_meeting) -> bool:
    """The coordinator and whoever recorded it (while an active employee)."""
    if is_coordinator(user):
        return True
    employee = active_employee(user)
    return employee is not None and local_meeting.recorded_by_id == employee.pk


def bulletins_visible_to(*, user):
    """The coordinator sees every bulletin; others those sent to them. (An Exists, not a join
    through the recipients, so a count of the recipients stays whole.)"""
    if user.has_perm("core.coordinate"):
        return Bulletin.objects.all()
    employee = getattr(user, "employee", None)
    if employee is None:
        return Bulletin.objects.none()
    sent_to = Bulletin.recipients.through.objects.filter(bulletin=OuterRef("pk"),
                                                         employee=employee)
    return Bulletin.objects.filter(Exists(sent_to))


def areas_to_record_for(*, user):
    """The areas whose local meetings the user may record (can_record_local_meeting): every area
    for the coordinator, the areas an employee covers now."""
    if user.has_perm("core.coordinate"):
        return area_choices()
    covers = Assignment.objects.filter(area=OuterRef("pk"), employee__user=user,
                                       employee__is_active=True, ends_on__isnull=True)
    return LocalArea.objects.filter(Exists(covers)).order_by("sort_name")


def access_areas_to_record_for(*, user):
    """The areas the user may record local meetings for; 403 when there are none."""
    areas = areas_to_record_for(user=user)
    if not areas.exists():
        raise PermissionDenied
    return areas


def access_item_to_edit(*, user, pk: int) -> AgendaItem:
    """An agenda item the user may edit; 403 for one they may only read."""
    item = get_object_or_404(AgendaItem.objects.select_related("meeting", "area"), pk=pk)
    if not can_edit_item(user, item):
        raise PermissionDenied
    return item


def access_action(*, user, pk: int, to_change: bool = False) -> ActionItem:
    """An action item (staff read every one); with `to_change`, 403 unless the user may change
    it."""
    action = get_object_or_404(ActionItem.objects.select_related("owner", "meeting",
                                                                 "agenda_item"), pk=pk)
    if to_change and not can_change_action(user, action):
        raise PermissionDenied
    return action


def access_local_meeting_to_change(*, user, pk: int) -> LocalMeeting:
    """A local meeting the user may edit or delete; 403 for one they may only read."""
    local_meeting = get_object_or_404(LocalMeeting.objects.select_related("area", "recorded_by"),
                                      pk=pk)
    if not can_edit_local_meeting(user, local_meeting):
        raise PermissionDenied
    return local_meeting
