# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Attendance at a meeting: the coordinator records who came; a participant sends apologies."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.meetings.models import Attendance, Meeting
from lokalkontakt.meetings.services.common import require_coordinator, save


@transaction.atomic
def attendance_record(*, meeting: Meeting, actor, statuses: dict[int, str]) -> None:
    """Record who was present, sent apologies or was absent (`statuses` maps an attendance's id
    to its status)."""
    require_coordinator(actor)
    for attendance in meeting.attendances.select_for_update().filter(pk__in=statuses):
        if attendance.status != statuses[attendance.pk]:
            attendance.status = statuses[attendance.pk]
            attendance.full_clean()
            save(attendance, actor)



@transaction.atomic
def attendance_respond(*, meeting: Meeting, actor, attending: bool) -> Attendance:
    """A participant sends their apologies for a coming meeting (meldt afbud), or takes them back;
    the coordinator sees it among the participants."""
    attendance = (Attendance.objects.select_for_update().select_related("meeting")
                  .filter(meeting=meeting, employee__user=actor, employee__is_active=True).first())
    if attendance is None:
        raise PermissionDenied(_("You are not invited to this meeting."))
    if attendance.meeting.is_cancelled or attendance.meeting.starts_at <= timezone.now():
        raise ValidationError(_("You can answer until the meeting begins."))
    attendance.status = Attendance.Status.INVITED if attending else Attendance.Status.EXCUSED
    save(attendance, actor)
    return attendance
