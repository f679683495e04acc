# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meetings' periodic job (registered in apps.py)."""

from lokalkontakt.meetings.services.actions import remind_action_items


def report() -> str:
    """run_jobs' line for the reminders of action items."""
    return f"Meetings: {remind_action_items()} action items reminded."
