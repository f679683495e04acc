"""Who may change what about meetings. Every member of staff may read meetings, agendas and
minutes; the coordinator runs them."""

from lokalkontakt.areas.permissions import is_area_contact
from lokalkontakt.core.roles import is_coordinator
from lokalkontakt.meetings.models import AgendaItem
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


def can_record_local_meeting(user, area) -> bool:
    """The coordinator and the area's current contact or deputy."""
    return is_coordinator(user) or is_area_contact(active_employee(user), area)


def can_edit_local_meeting(user, local_meeting) -> bool:
    """The coordinator and whoever recorded it (while an active employee)."""
    if is_coordinator(user):
        return True
    employee = active_employee(user)
    return employee is not None and local_meeting.recorded_by_id == employee.pk
