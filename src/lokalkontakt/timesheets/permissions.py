# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who sees which time: one's own entries (the coordinator: everyone's); the overview shows the
staff of the core areas one oversees (people.permissions.core_areas_overseen_by)."""

from lokalkontakt.timesheets.models import TimeEntry


def time_entries_visible_to(user):
    """The entries the user may open to correct or delete: their own; the coordinator's: all."""
    entries = TimeEntry.objects.select_related("area", "employee")
    if not user.has_perm("core.coordinate"):
        entries = entries.filter(employee__user=user)
    return entries
