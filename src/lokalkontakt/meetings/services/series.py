# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Series of coordination meetings and the meetings they generate: planning a series, changing
or cancelling a meeting, inviting those who are new since it was planned. The participants'
calendars follow through .ics attachments."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.core.mail import site_url
from lokalkontakt.core.recipients import Reach, email_person
from lokalkontakt.core.text import short_date
from lokalkontakt.meetings import ical, selectors
from lokalkontakt.meetings.models import Attendance, Meeting, MeetingSeries
from lokalkontakt.meetings.schedule import local_datetime, series_dates
from lokalkontakt.meetings.services.common import participants, require_coordinator, save


def _proposal_deadline(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=settings.MEETING_PROPOSAL_DAYS)



@transaction.atomic
def series_create(*, actor, title: str, interval_months: int, weekday: int, ordinal: int,
                  start_time: datetime.time, end_time: datetime.time, first_month: datetime.date,
                  location: str = "", online_url: str = "", months: int | None = None
                  ) -> MeetingSeries:
    """Plan a series and generate its meetings for `months` months (settings.MEETING_SERIES_MONTHS)
    from `first_month`; invite today's contacts and coordinators with one e-mail each that holds
    every meeting in an .ics attachment. Only the coordinator may."""
    require_coordinator(actor)
    if end_time <= start_time:
        raise ValidationError({"end_time": _("The meeting must end after it starts.")})
    series = MeetingSeries(
        title=title.strip(), interval_months=interval_months, weekday=weekday, ordinal=ordinal,
        start_time=start_time, end_time=end_time, location=location.strip(),
        online_url=online_url, first_month=first_month.replace(day=1), created_by=actor)
    series.full_clean()
    save(series, actor)
    days = series_dates(first_month=series.first_month, interval_months=interval_months,
                        weekday=weekday, ordinal=ordinal,
                        months=months or settings.MEETING_SERIES_MONTHS)
    if days and days[0] < timezone.localdate():
        raise ValidationError({"first_month": _(
            "The first meeting would be on %(date)s, which has passed. Choose a later month.")
            % {"date": short_date(days[0])}})
    meetings = []
    for day in days:
        meeting = Meeting(series=series, title=series.title, location=series.location,
                          online_url=series.online_url, starts_at=local_datetime(day, start_time),
                          ends_at=local_datetime(day, end_time),
                          proposal_deadline=_proposal_deadline(day))
        save(meeting, actor)
        meetings.append(meeting)
    participants = list(selectors.default_participants())
    for meeting in meetings:
        Attendance.objects.bulk_create([Attendance(meeting=meeting, employee=employee)
                                        for employee in participants])
    series.reach = Reach()
    for employee in participants:
        _invite(employee, meetings, template="meetings/email/invitation.txt", reach=series.reach,
                series=series)
    return series



def _invite(employee, meetings, *, template: str, reach: Reach, cancel: bool = False,
            **context) -> None:
    """To the participant; to the coordinator when they cannot get it (core.recipients)."""
    email_person(template, person=employee, reach=reach, context={
        "employee": employee, "meetings": [(m, site_url(m.get_absolute_url())) for m in meetings],
        **context}, attachments=[ical.invitation(meetings, attendee=employee, cancel=cancel)])



@transaction.atomic
def meeting_update(*, meeting: Meeting, actor, title: str, starts_at: datetime.datetime,
                   ends_at: datetime.datetime, location: str = "", online_url: str = "",
                   proposal_deadline: datetime.date | None = None) -> Meeting:
    """Change a meeting. When its time or place changed, the participants get the new time with an
    .ics that replaces the old one in their calendars (a higher SEQUENCE)."""
    require_coordinator(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting cannot be changed."))
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
    moved = (meeting.starts_at, meeting.ends_at, meeting.location, meeting.online_url) != (
        starts_at, ends_at, location.strip(), online_url)
    meeting.title, meeting.starts_at, meeting.ends_at = title.strip(), starts_at, ends_at
    meeting.location, meeting.online_url = location.strip(), online_url
    meeting.proposal_deadline = proposal_deadline or _proposal_deadline(
        timezone.localdate(starts_at))
    meeting.full_clean()
    if moved:
        meeting.sequence += 1
    save(meeting, actor)
    meeting.reach = Reach()
    if moved:
        for employee in participants(meeting):
            _invite(employee, [meeting], template="meetings/email/changed.txt", reach=meeting.reach)
    return meeting



@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor, reason: str) -> Meeting:
    """Cancel a meeting with a reason; the participants' calendars are told (METHOD:CANCEL). Its
    open proposals stay on it and can be moved on by deferring them."""
    require_coordinator(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("The meeting is already cancelled."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason; the participants are told it.")})
    meeting.status, meeting.cancel_reason = Meeting.Status.CANCELLED, reason.strip()
    meeting.sequence += 1
    save(meeting, actor)
    meeting.reach = Reach()
    for employee in participants(meeting):
        _invite(employee, [meeting], template="meetings/email/cancelled.txt", reach=meeting.reach,
                cancel=True)
    return meeting



@transaction.atomic
def participants_add_new(*, meeting: Meeting, actor) -> int:
    """Invite the contacts and coordinators who are not yet on the meeting (new since it was
    planned); the number invited (`meeting.reach`: who got the e-mail)."""
    require_coordinator(actor)
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting cannot be changed."))
    present = set(meeting.attendances.values_list("employee_id", flat=True))
    new = [e for e in selectors.default_participants() if e.pk not in present]
    Attendance.objects.bulk_create([Attendance(meeting=meeting, employee=e) for e in new])
    meeting.reach = Reach()
    for employee in new:
        _invite(employee, [meeting], template="meetings/email/changed.txt", reach=meeting.reach,
                added=True)
    return len(new)
