# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handovers' part of Mine områder (registered in apps.py)."""

from lokalkontakt.handovers.selectors import handovers_to_act_on


def mine_handovers(request, *, employee):
    handovers = handovers_to_act_on(employee=employee)
    return {"handovers": handovers} if handovers else None
