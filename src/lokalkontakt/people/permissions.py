# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who a user is as a member of staff, and whose staff they oversee."""

from lokalkontakt.people.models import CoreArea


def active_employee(user):
    """The user's employee record while it is active, else None (also for anonymous users and
    council members)."""
    employee = getattr(user, "employee", None)
    return employee if employee is not None and employee.is_active else None


def core_areas_overseen_by(user):
    """The core areas whose staff the user oversees (their time, their nominations): all for the
    coordinator, the ones they lead for a leader, none for anyone else."""
    if user.has_perm("core.coordinate"):
        return CoreArea.objects.all()
    employee = active_employee(user)
    return employee.led_core_areas.all() if employee else CoreArea.objects.none()
