# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may read the scheme's reports. The full reports (with subjects, outcomes and links) are for
the coordinator and the leaders of core areas; the public summary holds counts only and is open
to anyone."""

from lokalkontakt.core.permissions import capacity_required


def may_read_reports(user) -> bool:
    """The coordinator and the leaders of core areas (core.see_capacity)."""
    return user.has_perm("core.see_capacity")


def reports_required(view):
    """A view decorator: the reports' pages for may_read_reports users; 403 for other staff."""
    return capacity_required(view)
