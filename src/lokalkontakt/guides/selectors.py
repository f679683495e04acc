# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads of the guides and their history."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from lokalkontakt.guides.models import Guide

# The history page lists the latest versions; older ones stay in the database.
HISTORY_ROWS = 50

DEFAULT_TITLES = {
    Guide.Audience.STAFF: lambda: _("How colleagues use the local contacts"),
    Guide.Audience.PUBLIC: lambda: _("How to use the local contact"),
}


def guide_for(*, audience: str) -> Guide:
    """The audience's guide as saved, or an unsaved, empty one with a default title when none is
    (the data migration writes both; a database emptied since has none until the coordinator
    saves one)."""
    guide = Guide.objects.select_related("updated_by__employee").filter(audience=audience).first()
    return guide or Guide(audience=audience, title=DEFAULT_TITLES[audience](), body="")


def guide_history(*, guide: Guide):
    """The guide's latest versions, newest first, with who saved each and the change note."""
    if guide.pk is None:
        return []
    return list(guide.history.select_related("history_user__employee")
                .order_by("-history_date", "-history_id")[:HISTORY_ROWS])


def guide_version_get(*, audience: str, history_id: int):
    """One saved version of the audience's guide; 404 when it is not one."""
    return get_object_or_404(Guide.history.select_related("history_user__employee"),
                             audience=audience, history_id=history_id)
