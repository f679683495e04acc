# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Knowledge's parts of the area page and the briefing pack (registered in apps.py)."""

from lokalkontakt.knowledge.selectors import notes_of_area


def area_notes(request, *, area):
    """The latest notes about the area the visitor may read."""
    return {"notes": notes_of_area(user=request.user, area=area)}


BRIEFING_NOTES = 10


def briefing_notes(user, *, area):
    """The briefing pack's latest notes about the area that the reader may read."""
    return {"notes": notes_of_area(user=user, area=area, limit=BRIEFING_NOTES)}
