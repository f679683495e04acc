# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads for the council's pages: its members and the council member's area."""

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.selectors import areas_with_contacts
from lokalkontakt.councils.models import CouncilMember


def council_members(*, area: LocalArea):
    """The area's council members, active first, with their accounts (for the status)."""
    return (CouncilMember.objects.filter(council__area=area)
            .select_related("user", "invited_by__employee")
            .order_by("-is_active", "name", "pk"))


def council_area(*, area_id: int) -> LocalArea:
    """The area of a council member's home page, with council, contact and deputy."""
    return areas_with_contacts().get(pk=area_id)
