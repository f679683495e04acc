"""Experiences from the minutes become knowledge notes: staff find them by search and on the area's
page. Written through the knowledge services, so they are versioned, indexed and announced as any
note is."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lokalkontakt.core.text import short_date
from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.services import note_create, note_update
from lokalkontakt.people.permissions import active_employee


def _note_title(meeting, item) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        day = short_date(timezone.localdate(meeting.starts_at))
        return _("Experience from the coordination meeting %(date)s: %(title)s") % {
            "date": day, "title": item.title}


def _differs(note, fields) -> bool:
    """Whether the note no longer says what the item does (its experiences, title, area or
    focus areas changed since the minutes were last sent)."""
    return ((note.title, note.text, note.area_id, {f.pk for f in note.focus_areas.all()})
            != (fields["title"].strip(), fields["text"], getattr(fields["area"], "pk", None),
                {f.pk for f in fields["focus_areas"]}))


def experience_notes(*, meeting, items, actor) -> int:
    """Write (or update) a staff note of kind "experience" for every item with experiences in its
    minutes; the number written. The coordinator writes them, so needs an employee record."""
    written = 0
    for item in items:
        if not item.experiences:
            continue
        if active_employee(actor) is None:
            raise ValidationError(_("Your user account is not tied to an employee, so the "
                                    "experiences cannot be shared as notes. Ask an administrator "
                                    "to tie it."))
        fields = {"title": _note_title(meeting, item)[:200], "text": item.experiences,
                  "kind": Note.Kind.EXPERIENCE, "visibility": Note.Visibility.STAFF,
                  "area": item.area, "focus_areas": list(item.focus_areas.all())}
        if item.note_id is None:
            item.note = note_create(actor=actor, **fields)
            item._history_user = actor
            item.save(update_fields=["note", "updated_at"])
        elif _differs(item.note, fields):
            note_update(note=item.note, actor=actor, version=item.note.version, **fields)
        written += 1
    return written
