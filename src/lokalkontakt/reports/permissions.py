# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may read the scheme's reports. The full reports (with subjects, outcomes and links) are for
the coordinator and the leaders of core areas; the public summary holds counts only and is open
to anyone."""


def may_read_reports(user) -> bool:
    """The coordinator and the leaders of core areas (core.see_capacity)."""
    return user.has_perm("core.see_capacity")
