# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handovers' parts of Mine områder and the coordinator's start page (registered in apps.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.registry import start_block
from lokalkontakt.handovers.selectors import (
    areas_due_without_handover,
    handover_state,
    handovers_planned_by_date,
    handovers_to_act_on,
)


def mine_handovers(request, *, employee):
    handovers = handovers_to_act_on(employee=employee)
    return {"handovers": handovers} if handovers else None


# --- the coordinator's start page (workspace): StartBlocks ---------------------------------------


# What a start page's row and its state (handover_state) read of a planned handover.
START_ROW_FIELDS = ("status", "switch_on", "confirmed_at", "area__name", "from_employee__name",
                    "to_employee__name", "to_employee__is_active", "from_assignment__ends_on")


def coordinator_planned(request, *, employee):
    context = start_block(handovers_planned_by_date().only(*START_ROW_FIELDS), title=_("Planned handovers"),
                          url=reverse("handovers:list"), link_text=_("All handovers"))
    today = timezone.localdate()
    for handover in context["block"].rows:
        handover.state = handover_state(handover, today=today)
    return context


def coordinator_due(request, *, employee):
    return start_block(areas_due_without_handover(), title=_("Handover due, not planned yet"),
                       url=reverse("handovers:list"), link_text=_("All handovers"))
