"""Reads about notes, with the visibility rules applied (404 for "missing" and "not yours"):

- staff (core.view_internal) see every note;
- a council member sees their own area's notes shared with the council, and public notes;
- everyone else (signed in or not) sees public notes only.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from lokalkontakt.core.roles import council_area_of
from lokalkontakt.knowledge.models import Note, NoteAttachment

Visibility = Note.Visibility


def _visible_filter(user) -> Q | None:
    """The notes the user may see as a Q; None for staff, who see all."""
    if user.has_perm("core.view_internal"):
        return None
    visible = Q(visibility=Visibility.PUBLIC)
    if area := council_area_of(user):
        visible |= Q(area=area, visibility=Visibility.COUNCIL)
    return visible


def notes_visible_to(*, user):
    visible = _visible_filter(user)
    return Note.objects.all() if visible is None else Note.objects.filter(visible)


def note_list(*, user, area=None, kind: str = "", focus_area=None):
    """The notes the user may see, newest first, filtered by area, kind and focus area."""
    notes = notes_visible_to(user=user).select_related("area", "author")
    if area is not None:
        notes = notes.filter(area=area)
    if kind:
        notes = notes.filter(kind=kind)
    if focus_area is not None:
        notes = notes.filter(focus_areas=focus_area)
    return notes.order_by("-created_at", "-pk")


def notes_of_area(*, user, area, limit: int = 5):
    """The latest notes about an area that the user may see (the area page)."""
    return list(notes_visible_to(user=user).filter(area=area).select_related("author")
                .order_by("-created_at", "-pk")[:limit])


def note_get(*, user, pk: int) -> Note:
    """One note with area, author, focus areas and files; 404 when missing or not visible."""
    return get_object_or_404(notes_visible_to(user=user).select_related("area", "author")
                             .prefetch_related("focus_areas", "attachments"), pk=pk)


def note_history(*, note: Note):
    """The note's saved versions, newest first, with who saved them."""
    return note.history.select_related("history_user__employee").order_by("-history_date",
                                                                           "-history_id")


def note_version_get(*, note: Note, history_id: int):
    """One saved version of the note (its history record); 404 when it is not this note's."""
    return get_object_or_404(note_history(note=note), history_id=history_id)


def attachment_get(*, user, pk: int) -> NoteAttachment:
    """A file of a note the user may see; 404 otherwise."""
    visible = _visible_filter(user)
    files = NoteAttachment.objects.all()
    if visible is not None:
        files = files.filter(note__in=notes_visible_to(user=user))
    return get_object_or_404(files, pk=pk)
