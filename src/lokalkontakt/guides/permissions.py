# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may do what with the guides. Anyone reads the guide for citizens and councils; staff
(core.view_internal) read the guide for staff; only the coordinator edits the guides and reads
their history (the views use core.permissions' decorators)."""


def may_edit(user) -> bool:
    """The coordinator writes and keeps both guides."""
    return user.has_perm("core.coordinate")
