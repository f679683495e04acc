# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time registration's part of Mine områder (registered in apps.py)."""

from lokalkontakt.timesheets.forms import TimeEntryForm


def mine_time(request, *, employee):
    return {"time_form": TimeEntryForm(employee=employee)} if employee.is_active else None
