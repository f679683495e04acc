"""Who covers an area, and who may do what with its council members."""

import rules

from lokalkontakt.areas.models import Assignment
from lokalkontakt.core.roles import is_coordinator, is_employee


def is_area_contact(employee, area) -> bool:
    """Whether the employee covers the area now (primary contact or deputy)."""
    if employee is None or area is None:
        return False
    return Assignment.objects.filter(area=area, employee=employee, ends_on__isnull=True).exists()


@rules.predicate
def can_manage_council(user, area) -> bool:
    """The coordinator, and the employee who is the area's current contact or deputy, invite and
    deactivate the council's members. Uses `area.active_assignments` when prefetched."""
    if is_coordinator(user):
        return True
    if area is None or not is_employee(user):
        return False
    employee_id = user.employee.pk
    assignments = getattr(area, "active_assignments", None)
    if assignments is not None:
        return any(a.employee_id == employee_id for a in assignments)
    return area.assignments.filter(ends_on__isnull=True, employee_id=employee_id).exists()
