# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who sees which nominations: the coordinator every one; a core-area leader those of the core areas
they lead (people.permissions.core_areas_overseen_by); nobody else any. Views fetch a nomination
through nominations_visible_to, so one the user may not see answers 404."""

from django.db.models import Case, Prefetch, Value, When

from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.people.permissions import active_employee, core_areas_overseen_by

OPEN = Nomination.Status.PROPOSED


def _nominations():
    return (Nomination.objects.select_related("employee", "core_area", "nominated_by__employee")
            .prefetch_related(Prefetch("areas", queryset=area_choices()))
            .annotate(open_first=Case(When(status=OPEN, then=Value(0)), default=Value(1)))
            .order_by("open_first", "-created_at", "-pk"))


def nominations_visible_to(user):
    """Every nomination for the coordinator; those of the core areas they lead for a leader;
    open ones first, then the newest."""
    nominations = _nominations()
    if user.has_perm("core.coordinate"):
        return nominations
    return nominations.filter(core_area__in=core_areas_overseen_by(user))


def leads(user, core_area_id) -> bool:
    """Whether the user, as an active employee, leads the core area."""
    employee = active_employee(user)
    return employee is not None and core_area_id is not None and employee.led_core_areas.filter(
        pk=core_area_id).exists()

