# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The local meetings contacts attend in their areas (lokalrådsmøder, borgermøder)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.meetings.models import LocalMeeting
from lokalkontakt.meetings.permissions import can_edit_local_meeting, can_record_local_meeting
from lokalkontakt.people.permissions import active_employee


def _fill_local(local_meeting, *, kind, held_on, note) -> None:
    local_meeting.kind, local_meeting.held_on, local_meeting.note = kind, held_on, note.strip()
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Record a meeting once it has been held.")})
    local_meeting.full_clean()


@transaction.atomic
def local_meeting_create(*, actor, area, kind: str, held_on, note: str = "") -> LocalMeeting:
    """Record a meeting the contact attended in their area (the coordinator may for any area)."""
    employee = active_employee(actor)
    if employee is None or not can_record_local_meeting(actor, area):
        raise PermissionDenied(_("Only the area's contact or the coordinator may record its "
                                 "meetings."))
    local_meeting = LocalMeeting(area=area, recorded_by=employee)
    _fill_local(local_meeting, kind=kind, held_on=held_on, note=note)
    local_meeting._history_user = actor
    local_meeting.save()
    return local_meeting


@transaction.atomic
def local_meeting_update(*, local_meeting: LocalMeeting, actor, kind: str, held_on,
                         note: str = "") -> LocalMeeting:
    if not can_edit_local_meeting(actor, local_meeting):
        raise PermissionDenied(_("Only who recorded the meeting or the coordinator may change it."))
    _fill_local(local_meeting, kind=kind, held_on=held_on, note=note)
    local_meeting._history_user = actor
    local_meeting.save()
    return local_meeting


@transaction.atomic
def local_meeting_delete(*, local_meeting: LocalMeeting, actor) -> None:
    if not can_edit_local_meeting(actor, local_meeting):
        raise PermissionDenied(_("Only who recorded the meeting or the coordinator may change it."))
    local_meeting._history_user = actor
    local_meeting.delete()
