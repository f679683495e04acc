# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may see and tick a checklist step. The coordinator sees and ticks every checklist; an
employee their own current assignments'; everyone else finds no such step."""

from lokalkontakt.onboarding.models import OnboardingTask
from lokalkontakt.people.permissions import active_employee


def tasks_visible_to(user, queryset=None):
    """The checklist steps the user may open and tick: all for the coordinator, those of their
    own current assignments for an active employee."""
    queryset = OnboardingTask.objects.all() if queryset is None else queryset
    if user.has_perm("core.coordinate"):
        return queryset
    employee = active_employee(user)
    if employee is None:
        return queryset.none()
    return queryset.filter(assignment__employee=employee, assignment__ends_on__isnull=True)


def can_tick_task(user, task: OnboardingTask) -> bool:
    """The coordinator, and the active employee whose current assignment the checklist is."""
    if user.has_perm("core.coordinate"):
        return True
    employee = active_employee(user)
    return (employee is not None and task.assignment.employee_id == employee.pk
            and task.assignment.ends_on is None)
