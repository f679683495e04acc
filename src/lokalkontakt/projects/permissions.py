"""Who may change a development project: the coordinator and the project's lead (while an active
employee). Every member of staff may read projects."""

from lokalkontakt.people.permissions import active_employee


def can_edit_project(user, project) -> bool:
    if user.has_perm("core.coordinate"):
        return True
    employee = active_employee(user)
    return employee is not None and project is not None and project.lead_id == employee.pk
