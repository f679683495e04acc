# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may see and act on a handover. The coordinator sees and steers every handover; the two
employees it concerns see it (while active employees); everyone else finds no such handover."""

from django.db.models import Q
from django.utils.translation import gettext as _

from lokalkontakt.handovers.models import Handover
from lokalkontakt.people.permissions import active_employee


def handovers_visible_to(user, queryset=None):
    """The handovers the user may open: all for the coordinator, their own for an employee."""
    queryset = Handover.objects.all() if queryset is None else queryset
    if user.has_perm("core.coordinate"):
        return queryset
    employee = active_employee(user)
    if employee is None:
        return queryset.none()
    return queryset.filter(Q(from_employee=employee) | Q(to_employee=employee))


def can_write_handover_note(user, handover: Handover) -> bool:
    """The leaving contact or the coordinator, while the handover is planned."""
    if handover.status != Handover.Status.PLANNED:
        return False
    if user.has_perm("core.coordinate"):
        return True
    employee = active_employee(user)
    return employee is not None and employee.pk == handover.from_employee_id


def can_confirm_handover(user, handover: Handover) -> bool:
    """Only the new contact confirms, while the handover is planned."""
    employee = active_employee(user)
    return (handover.status == Handover.Status.PLANNED and employee is not None
            and employee.pk == handover.to_employee_id)


def handover_blocked_reason(handover: Handover) -> str:
    """Why a planned handover cannot be switched, or "" (needs from_assignment and
    to_employee loaded)."""
    if handover.status != Handover.Status.PLANNED:
        return ""
    if handover.from_assignment.ends_on is not None:
        return _("%(name)s's assignment has already ended, so there is nothing to hand over. "
                 "Cancel the handover and assign the new contact instead.") % {
            "name": handover.from_employee}
    if not handover.to_employee.is_active:
        return _("%(name)s is no longer active. Cancel the handover and plan a new "
                 "one.") % {"name": handover.to_employee}
    return ""
