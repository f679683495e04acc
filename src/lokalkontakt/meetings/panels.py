"""The meetings' parts of shared pages (registered in apps.py)."""

from lokalkontakt.meetings.permissions import can_record_local_meeting
from lokalkontakt.meetings.selectors import (
    action_items,
    bulletins_for,
    local_meetings_of_area,
    next_meeting_for,
)


def mine_actions(request, *, employee):
    return {"open_actions": action_items(owner=employee).count()}


def mine_next_meeting(request, *, employee):
    meeting = next_meeting_for(employee=employee)
    return {"next_meeting": meeting} if meeting else None


def mine_bulletins(request, *, employee):
    bulletins = bulletins_for(employee=employee)
    return {"bulletins": bulletins} if bulletins else None


def area_local_meetings(request, *, area):
    """Staff see the local meetings contacts attended in the area."""
    if not request.user.has_perm("core.view_internal"):
        return None
    return {"local_meetings": local_meetings_of_area(area=area),
            "can_record_meeting": can_record_local_meeting(request.user, area)}
