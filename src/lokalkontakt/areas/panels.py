"""Handovers' and onboarding's parts of Mine områder (registered in apps.py)."""

from lokalkontakt.areas.selectors_handover import handovers_to_act_on
from lokalkontakt.areas.selectors_onboarding import unfinished_checklists


def mine_handovers(request, *, employee):
    handovers = handovers_to_act_on(employee=employee)
    return {"handovers": handovers} if handovers else None


def mine_onboarding(request, *, employee):
    checklists = unfinished_checklists(employee=employee)
    return {"onboarding": checklists} if checklists else None
