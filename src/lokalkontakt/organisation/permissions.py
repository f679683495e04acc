# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may do what with the organisation's synchronisation. It has no pages: it runs as a command
(`sync_os2mo`) and from the periodic jobs; what it changes is shown on the employees' and the
areas' own pages, under their rules."""


def can_run_sync(user) -> bool:
    """Only the coordinator steers the organisation (the command itself needs shell access)."""
    return user.has_perm("core.coordinate")
