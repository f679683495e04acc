# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meetings' parts of shared pages (registered in apps.py)."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.registry import start_block
from lokalkontakt.meetings.models import AgendaItem, Meeting
from lokalkontakt.meetings.models.agenda import rank_in_list
from lokalkontakt.meetings.permissions import can_record_local_meeting
from lokalkontakt.meetings.selectors import (
    action_items,
    action_items_overdue,
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


BRIEFING_AGENDA_ITEMS = 15
BRIEFING_AGENDA_MONTHS = 12
BRIEFING_LOCAL_MEETINGS = 5


def briefing_agenda(user, *, area):
    """Items about the area on coordination meetings of the last twelve months (and planned
    ones), newest meeting first; deferred items and cancelled meetings left out."""
    since = timezone.now() - datetime.timedelta(days=365 * BRIEFING_AGENDA_MONTHS // 12)
    return {"agenda_items": list(
        AgendaItem.objects.filter(area=area, meeting__starts_at__gte=since)
        .exclude(status=AgendaItem.Status.DEFERRED)
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .select_related("meeting").annotate(rank_in_list=rank_in_list())
        .order_by("-meeting__starts_at", "position", "pk")[:BRIEFING_AGENDA_ITEMS])}


def briefing_local_meetings(user, *, area):
    """The latest local meetings a contact attended in the area."""
    return {"local_meetings": local_meetings_of_area(area=area, limit=BRIEFING_LOCAL_MEETINGS)}


# --- the start pages (workspace): each a StartBlock, rows rendered by _start_row.html ----------


def _start_rows(actions):
    """Only what a start page's row shows (meetings/_start_row.html): not the meeting."""
    return actions.select_related(None).select_related("owner").only(
        "title", "status", "due_on", "owner__name")


def coordinator_overdue_actions(request, *, employee):
    return start_block(_start_rows(action_items_overdue()), title=_("Overdue action items"),
                       url=reverse("meetings:actions") + "?scope=all&status=open",
                       link_text=_("Everyone's open action items"))


def colleague_actions(request, *, employee):
    return start_block(_start_rows(action_items(owner=employee)), title=_("Your action items"),
                       url=reverse("meetings:actions"), link_text=_("All your action items"))
