"""Who may do what with an area's council members."""

import rules

from lokalkontakt.core.roles import is_coordinator, is_employee


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
