# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Every write about notes. Each save is a version in the note's history (simple_history) with its
author; e-mail is queued (core.mail) and delivered by the worker after commit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Assignment
from lokalkontakt.core.changes import record_change
from lokalkontakt.core.files import atomic_with_files, attachments_store, checked_uploads
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.search.index import index_remove, index_update
from lokalkontakt.core.suggest import focus_terms_learn
from lokalkontakt.knowledge.models import Follow, Note, NoteAttachment
from lokalkontakt.knowledge.permissions import can_delete_note, can_edit_note
from lokalkontakt.people.permissions import active_employee


def conflict_message() -> str:
    return _("Someone else saved this note while you were editing. Your text is kept below; "
             "compare it with the current note and save again.")


def _fill(note: Note, *, title, text, kind, visibility, area) -> None:
    note.title, note.text = title.strip(), text.strip()
    note.kind, note.visibility, note.area = kind, visibility, area
    if area is None and visibility == Note.Visibility.COUNCIL:
        raise ValidationError({"visibility": _(
            "A general note belongs to no area and so to no council: choose staff or public.")})
    note.full_clean()


def note_create(*, actor, title: str, text: str, kind: str, visibility: str, area=None,
                focus_areas=(), attachments=()) -> Note:
    """Write a note about an area (or, without one, about the whole scheme). Any active employee
    may. When the author does not cover the area, its contact and deputy are e-mailed a link.
    Attachments are checked before anything is stored, and removed again if the write fails."""
    employee = active_employee(actor)
    if employee is None:
        raise PermissionDenied(_("Only employees can write notes."))
    with atomic_with_files() as stored:
        files = checked_uploads(attachments, field="attachments")
        note = Note(author=employee)
        _fill(note, title=title, text=text, kind=kind, visibility=visibility, area=area)
        note._history_user = actor
        note.save()
        record_change(kind="note", object_id=note.pk, action="created")
        note.focus_areas.set(list(focus_areas))
        focus_terms_learn(text=f"{note.title}\n{note.text}",
                          focus_area_ids=[f.pk for f in focus_areas])
        attachments_store(NoteAttachment, files, stored=stored, note=note)
        index_update(note)
        _notify_contacts(note, author=employee)
    return note


def _notify_contacts(note: Note, *, author) -> None:
    """The area's contact and deputy hear of a colleague's note; not of their own."""
    if note.area_id is None:
        return
    contacts = [a.employee for a in Assignment.objects.filter(area=note.area_id, ends_on__isnull=True)
                .select_related("employee")]
    if any(employee.pk == author.pk for employee in contacts):
        return
    recipients = sorted({e.email for e in contacts if e.is_active and e.email})
    email_queue_template("knowledge/email/new_note.txt", to=recipients, context={
        "note": note, "author": author, "url": site_url(note.get_absolute_url())})


def note_update(*, note: Note, actor, version: int, title: str, text: str, kind: str,
                visibility: str, area=None, focus_areas=(), attachments=(),
                remove_attachments=()) -> Note:
    """Save a new version of the note, if `version` is the one stored: when someone else saved in
    between, nothing is changed and a ValidationError says so (the view keeps the user's text).
    Only the author, the area's current contact or deputy and the coordinator may edit. A note
    moved to another area tells that area's contacts, as a new note would."""
    with atomic_with_files() as stored:
        note = Note.objects.select_for_update().get(pk=note.pk)
        if not can_edit_note(actor, note):
            raise PermissionDenied(_("You may not edit this note."))
        if version != note.version:
            raise ValidationError(conflict_message(), code="conflict")
        remove = [a for a in remove_attachments if a.note_id == note.pk]
        files = checked_uploads(attachments, field="attachments",
                                already=note.attachments.count() - len(remove))
        moved = area is not None and note.area_id != area.pk
        _fill(note, title=title, text=text, kind=kind, visibility=visibility, area=area)
        note.version += 1
        note._history_user = actor
        note.save()
        record_change(kind="note", object_id=note.pk, action="changed")
        before = set(note.focus_areas.values_list("pk", flat=True))
        note.focus_areas.set(list(focus_areas))
        focus_terms_learn(text=f"{note.title}\n{note.text}",
                          focus_area_ids=[f.pk for f in focus_areas if f.pk not in before])
        _remove_files(remove)
        attachments_store(NoteAttachment, files, stored=stored, note=note)
        index_update(note)
        if moved and (employee := active_employee(actor)):
            _notify_contacts(note, author=employee)
    return note


def _remove_files(attachments) -> None:
    """Delete the rows now and the stored files once the transaction has committed."""
    for attachment in attachments:
        stored = attachment.file
        attachment.delete()
        transaction.on_commit(lambda stored=stored: stored.storage.delete(stored.name))


@transaction.atomic
def note_delete(*, note: Note, actor) -> None:
    """Delete the note and its files (the files after commit). Only the author and the
    coordinator may."""
    if not can_delete_note(actor, note):
        raise PermissionDenied(_("Only the author or the coordinator may delete this note."))
    attachments = list(note.attachments.all())
    _remove_files(attachments)
    index_remove(note)
    note._history_user = actor
    record_change(kind="note", object_id=note.pk, action="deleted")
    note.delete()


@transaction.atomic
def follow_toggle(*, employee, area=None, focus_area=None) -> bool:
    """Follow a local area or a focus area (exactly one), or stop following it when the employee
    already does. True when the employee follows it afterwards."""
    if (area is None) == (focus_area is None):
        raise ValidationError(_("Follow either a local area or a focus area."))
    target = {"area": area} if area is not None else {"focus_area": focus_area}
    deleted, _rows = Follow.objects.filter(employee=employee, **target).delete()
    if deleted:
        return False
    Follow.objects.create(employee=employee, **target)
    return True


@transaction.atomic
def follows_set(*, employee, areas, focus_areas) -> None:
    """Make the employee follow exactly these areas and focus areas (the follows page)."""
    current = list(Follow.objects.filter(employee=employee).select_related("area", "focus_area"))
    have = {f.area for f in current if f.area_id} | {f.focus_area for f in current
                                                     if f.focus_area_id}
    want = set(areas) | set(focus_areas)
    for target in have ^ want:
        if target._meta.model_name == "localarea":
            follow_toggle(employee=employee, area=target)
        else:
            follow_toggle(employee=employee, focus_area=target)
