# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coming coordination meetings follow the contacts: an employee who becomes a contact or
deputy is invited to every coming meeting, one whose last assignment ended is taken off them,
and so is one who is deactivated. Registered in core.registry.assignments_changed and
employee_deactivated, so areas and people need not know about meetings."""

from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.meetings import ical, selectors
from lokalkontakt.meetings.models import Attendance, Meeting
from lokalkontakt.meetings.services.common import save
from lokalkontakt.people.models import Employee

PENDING = [Attendance.Status.INVITED, Attendance.Status.EXCUSED]


def assignments_changed(*, employee: Employee, actor=None) -> None:
    """After the assignment's transaction commits, bring the employee's place on the coming
    meetings in line. Deferred, so that a change within one transaction that leaves the employee
    a contact (a deputy who takes over the area in a handover) invites and removes nothing."""
    transaction.on_commit(partial(participants_follow, employee_id=employee.pk, actor=actor))


def coming_meetings():
    return Meeting.objects.filter(status=Meeting.Status.PLANNED, starts_at__gt=timezone.now())


@transaction.atomic
def participants_follow(*, employee_id: int, actor=None) -> tuple[list, list]:
    """Invite the employee to the coming meetings they are not on when they are a participant
    (selectors.default_participants: a contact or deputy now, or a coordinator), with one e-mail
    holding every meeting in an .ics; otherwise take their pending invitations (invited, sent
    apologies) off the coming meetings and tell their calendar. Past meetings stay as they were.
    Returns the meetings invited to and removed from. Running it again changes nothing."""
    employee = Employee.objects.get(pk=employee_id)
    if selectors.default_participants().filter(pk=employee_id).exists():
        new = list(coming_meetings().exclude(attendances__employee=employee)
                   .order_by("starts_at", "pk"))
        for meeting in new:
            save(Attendance(meeting=meeting, employee=employee), actor)
        _tell(employee, new, template="meetings/email/invitation_new_contact.txt")
        return new, []
    pending = list(Attendance.objects.filter(employee=employee, status__in=PENDING,
                                             meeting__in=coming_meetings())
                   .select_related("meeting").order_by("meeting__starts_at", "pk"))
    for attendance in pending:
        attendance._history_user = actor
        attendance.delete()
    removed = [attendance.meeting for attendance in pending]
    _tell(employee, removed, template="meetings/email/removed.txt", cancel=True)
    return [], removed


def employee_deactivated(*, employee: Employee, actor=None) -> str:
    """Within the deactivation's transaction: take the employee off every coming planned meeting
    whatever their answer (each removal a version by `actor`); the meetings held, and the
    cancelled ones, keep them as they were. No e-mail: they have left. Returns the sentence that
    tells the coordinator how many meetings, or "" for none."""
    coming = list(Attendance.objects.filter(employee=employee, meeting__in=coming_meetings())
                  .order_by("pk"))
    for attendance in coming:
        attendance._history_user = actor
        attendance.delete()
    if not coming:
        return ""
    return ngettext("%(name)s is taken off %(count)d coming coordination meeting.",
                    "%(name)s is taken off %(count)d coming coordination meetings.",
                    len(coming)) % {"name": employee.name, "count": len(coming)}


def _tell(employee: Employee, meetings: list, *, template: str, cancel: bool = False) -> None:
    if not meetings or not employee.email or not employee.is_active:
        return
    email_queue_template(template, to=[employee.email], context={
        "employee": employee, "meetings": [(m, site_url(m.get_absolute_url())) for m in meetings]},
        attachments=[ical.invitation(meetings, attendee=employee, cancel=cancel)])
