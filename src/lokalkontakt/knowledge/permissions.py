"""Who may change a note. Who may *see* one is decided by selectors.notes_visible_to."""

from lokalkontakt.areas.permissions import is_area_contact
from lokalkontakt.people.permissions import active_employee


def can_edit_note(user, note) -> bool:
    """The coordinator, the note's author (while an active employee) and the area's current
    contact or deputy."""
    if user.has_perm("core.coordinate"):
        return True
    employee = active_employee(user)
    if employee is None:
        return False
    return note.author_id == employee.pk or is_area_contact(employee, note.area_id)


def can_delete_note(user, note) -> bool:
    """The coordinator and the note's author (while an active employee)."""
    if user.has_perm("core.coordinate"):
        return True
    employee = active_employee(user)
    return employee is not None and note.author_id == employee.pk
