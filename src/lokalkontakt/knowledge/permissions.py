# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may see, change and delete a note, stated once. A note the user may not see answers 404, as
a missing one does; one they may see but not change answers 403.

Seeing:
- staff (core.view_internal) see every note;
- a council member sees their own area's notes shared with the council, and public notes;
- everyone else (signed in or not) sees public notes only.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from lokalkontakt.areas.permissions import is_area_contact
from lokalkontakt.core.roles import council_area_of
from lokalkontakt.knowledge.models import Note, NoteAttachment
from lokalkontakt.people.permissions import active_employee

Visibility = Note.Visibility


def _visible_filter(user) -> Q | None:
    """The notes the user may see as a Q; None for staff, who see all."""
    if user.has_perm("core.view_internal"):
        return None
    visible = Q(visibility=Visibility.PUBLIC)
    if area := council_area_of(user):
        visible |= Q(area=area, visibility=Visibility.COUNCIL)
    return visible


def notes_visible_to_staff():
    """The notes any member of staff may read: all of them. For a reader acting for staff
    without being a user (an API key with notes:read)."""
    return Note.objects.all()


def notes_visible_to(*, user):
    visible = _visible_filter(user)
    return notes_visible_to_staff() if visible is None else Note.objects.filter(visible)


def attachments_visible_to(*, user):
    """The files of the notes the user may see."""
    if _visible_filter(user) is None:
        return NoteAttachment.objects.all()
    return NoteAttachment.objects.filter(note__in=notes_visible_to(user=user))


def can_read_history(user) -> bool:
    """Staff see a note's saved versions and who saved them (the version page is theirs)."""
    return user.has_perm("core.view_internal")


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


def access_note(*, user, pk: int) -> Note:
    """One note with area, author, focus areas and files; 404 when missing or not visible."""
    return get_object_or_404(notes_visible_to(user=user).select_related("area", "author")
                             .prefetch_related("focus_areas", "attachments"), pk=pk)


def access_note_to_edit(*, user, pk: int) -> Note:
    """A note the user may edit; 404 when they may not see it, 403 when they may only read it."""
    note = access_note(user=user, pk=pk)
    if not can_edit_note(user, note):
        raise PermissionDenied
    return note


def access_note_to_delete(*, user, pk: int) -> Note:
    """A note the user may delete; 404 when they may not see it, 403 when they may only read it."""
    note = access_note(user=user, pk=pk)
    if not can_delete_note(user, note):
        raise PermissionDenied
    return note


def access_follower(user):
    """The active employee whose follows these are (the daily digest is an employee's); 403 for
    anyone else, the coordinator without an employee record included."""
    employee = active_employee(user)
    if employee is None:
        raise PermissionDenied
    return employee
