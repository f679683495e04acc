# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Coordination meetings (koordinerende møder) and what runs between them: the agenda and its
items, attendance, minutes, action items that carry over until closed, the coordinator's
bulletins, the local meetings contacts attend in their areas, and private calendar feeds. One
module per subject; every model is imported here, as Django finds an app's models in
`models`."""

from lokalkontakt.meetings.models.actions import ActionItem
from lokalkontakt.meetings.models.agenda import AgendaItem
from lokalkontakt.meetings.models.bulletins import Bulletin
from lokalkontakt.meetings.models.calendar_feeds import CalendarFeed
from lokalkontakt.meetings.models.local_meetings import LocalMeeting
from lokalkontakt.meetings.models.meetings import (
    Attendance,
    Meeting,
    MeetingSeries,
    Ordinal,
    Weekday,
)

__all__ = ["ActionItem", "AgendaItem", "Attendance", "Bulletin", "CalendarFeed", "LocalMeeting",
           "Meeting", "MeetingSeries", "Ordinal", "Weekday"]
