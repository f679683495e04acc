# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The minutes of a meeting: written per item and sent to the participants. Their experiences
become knowledge notes: staff find them by search and on the area's page. Written through the
knowledge services, so they are versioned, indexed and announced as any note is."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lokalkontakt.core.text import short_date
from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.services import note_create, note_update
from lokalkontakt.meetings import selectors
from lokalkontakt.meetings.models import AgendaItem, Meeting
from lokalkontakt.meetings.services.common import (
    email_participants,
    locked_item,
    require_coordinator,
    save,
)
from lokalkontakt.people.permissions import active_employee

Status = AgendaItem.Status


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


@transaction.atomic
def item_minutes(*, item: AgendaItem, actor, decisions: str, experiences: str,
                 challenges: str) -> AgendaItem:
    """Write the minutes of an item: decisions, experiences, challenges."""
    require_coordinator(actor)
    item = locked_item(item)
    item.decisions, item.experiences = decisions.strip(), experiences.strip()
    item.challenges = challenges.strip()
    item.full_clean()
    save(item, actor)
    return item



@transaction.atomic
def minutes_publish(*, meeting: Meeting, actor) -> Meeting:
    """Send the minutes to the participants and share every item's experiences as a knowledge
    note (kind "experience", staff only, searchable); sending again updates those notes."""
    require_coordinator(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting has no minutes."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("The minutes can be sent once the meeting has begun."))
    items = list(selectors.agenda_items(meeting=meeting, statuses=[Status.ACCEPTED]))
    experience_notes(meeting=meeting, items=items, actor=actor)
    again = meeting.minutes_published_at is not None
    meeting.minutes_published_at = timezone.now()
    save(meeting, actor)
    meeting.reach = email_participants(meeting, "meetings/email/minutes.txt", {
        "again": again, "items": items,
        "attendances": selectors.attendances(meeting=meeting),
        "actions": meeting.action_items.select_related("owner").order_by("due_on", "pk")})
    return meeting
