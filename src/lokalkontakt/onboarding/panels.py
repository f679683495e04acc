# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Onboarding's part of Mine områder (registered in apps.py)."""

from lokalkontakt.onboarding.selectors import unfinished_checklists


def mine_onboarding(request, *, employee):
    checklists = unfinished_checklists(employee=employee)
    return {"onboarding": checklists} if checklists else None
