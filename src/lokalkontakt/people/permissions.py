"""Who a user is as a member of staff."""


def active_employee(user):
    """The user's employee record while it is active, else None (also for anonymous users and
    council members)."""
    employee = getattr(user, "employee", None)
    return employee if employee is not None and employee.is_active else None
