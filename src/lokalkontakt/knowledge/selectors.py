# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about notes, with the visibility rule of knowledge.permissions applied (404 for
"missing" and "not yours")."""

from django.shortcuts import get_object_or_404

from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.permissions import attachments_visible_to, notes_visible_to


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


def note_history(*, note: Note):
    """The note's saved versions, newest first, with who saved them."""
    return note.history.select_related("history_user__employee").order_by("-history_date",
                                                                           "-history_id")


def note_version_get(*, note: Note, history_id: int):
    """One saved version of the note (its history record); 404 when it is not this note's."""
    return get_object_or_404(note_history(note=note), history_id=history_id)


def attachment_get(*, user, pk: int):
    """A file of a note the user may see; 404 otherwise."""
    return get_object_or_404(attachments_visible_to(user=user), pk=pk)


def tagged_texts():
    """Each tagged note's title and text with its focus areas' ids, for the suggestions
    (core.registry.tagged_texts)."""
    notes = Note.objects.filter(focus_areas__isnull=False).distinct().only(
        "title", "text").prefetch_related("focus_areas").order_by("pk")
    for note in notes.iterator(chunk_size=2000):
        yield f"{note.title}\n{note.text}", [f.pk for f in note.focus_areas.all()]
