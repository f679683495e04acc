# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open the pages that gather several apps. Mine områder and the briefing pack are for
staff; each section inside applies its own app's visibility rules for the reader."""

from django.db.models import QuerySet

from lokalkontakt.areas.models import LocalArea


def may_use_workspace(user) -> bool:
    """Mine områder and the briefing pack: every member of staff."""
    return user.has_perm("core.view_internal")


def briefing_areas_visible_to(user) -> QuerySet[LocalArea]:
    """The areas whose briefing pack `user` may read, with their councils: every area for staff,
    none for anyone else (so a council member asking for a pack gets 404, not a hint)."""
    areas = LocalArea.objects.select_related("council")
    return areas if may_use_workspace(user) else areas.none()
