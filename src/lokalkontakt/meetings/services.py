"""Every write about coordination meetings: series, changes, participants, the agenda, attendance
and minutes. Each runs in one transaction, saves a version with its author (simple_history) and
queues its e-mails (core.mail), which the worker sends after commit."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.roles import is_coordinator
from lokalkontakt.core.text import short_date
from lokalkontakt.meetings import ical, selectors
from lokalkontakt.meetings.models import AgendaItem, Attendance, Meeting, MeetingSeries
from lokalkontakt.meetings.permissions import can_edit_item, can_propose
from lokalkontakt.meetings.schedule import local_datetime, series_dates
from lokalkontakt.meetings.services_minutes import experience_notes

Status = AgendaItem.Status


def _require_coordinator(actor) -> None:
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only the coordinator may do this."))


def _proposal_deadline(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=settings.MEETING_PROPOSAL_DAYS)


def _save(obj, actor) -> None:
    obj._history_user = actor
    obj.save()


@transaction.atomic
def series_create(*, actor, title: str, interval_months: int, weekday: int, ordinal: int,
                  start_time: datetime.time, end_time: datetime.time, first_month: datetime.date,
                  location: str = "", online_url: str = "", months: int | None = None
                  ) -> MeetingSeries:
    """Plan a series and generate its meetings for `months` months (settings.MEETING_SERIES_MONTHS)
    from `first_month`; invite today's contacts and coordinators with one e-mail each that holds
    every meeting in an .ics attachment. Only the coordinator may."""
    _require_coordinator(actor)
    if end_time <= start_time:
        raise ValidationError({"end_time": _("The meeting must end after it starts.")})
    series = MeetingSeries(
        title=title.strip(), interval_months=interval_months, weekday=weekday, ordinal=ordinal,
        start_time=start_time, end_time=end_time, location=location.strip(),
        online_url=online_url, first_month=first_month.replace(day=1), created_by=actor)
    series.full_clean()
    _save(series, actor)
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
        _save(meeting, actor)
        meetings.append(meeting)
    participants = list(selectors.default_participants())
    for meeting in meetings:
        Attendance.objects.bulk_create([Attendance(meeting=meeting, employee=employee)
                                        for employee in participants])
    for employee in participants:
        _invite(employee, meetings, template="meetings/email/invitation.txt", series=series)
    return series


def _invite(employee, meetings, *, template: str, cancel: bool = False, **context) -> None:
    if not employee.email or not employee.is_active:
        return
    email_queue_template(template, to=[employee.email], context={
        "employee": employee, "meetings": [(m, site_url(m.get_absolute_url())) for m in meetings],
        **context}, attachments=[ical.invitation(meetings, attendee=employee, cancel=cancel)])


def _participants(meeting):
    return [a.employee for a in selectors.attendances(meeting=meeting)]


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor, title: str, starts_at: datetime.datetime,
                   ends_at: datetime.datetime, location: str = "", online_url: str = "",
                   proposal_deadline: datetime.date | None = None) -> Meeting:
    """Change a meeting. When its time or place changed, the participants get the new time with an
    .ics that replaces the old one in their calendars (a higher SEQUENCE)."""
    _require_coordinator(actor)
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
    _save(meeting, actor)
    if moved:
        for employee in _participants(meeting):
            _invite(employee, [meeting], template="meetings/email/changed.txt")
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor, reason: str) -> Meeting:
    """Cancel a meeting with a reason; the participants' calendars are told (METHOD:CANCEL). Its
    open proposals stay on it and can be moved on by deferring them."""
    _require_coordinator(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("The meeting is already cancelled."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason; the participants are told it.")})
    meeting.status, meeting.cancel_reason = Meeting.Status.CANCELLED, reason.strip()
    meeting.sequence += 1
    _save(meeting, actor)
    for employee in _participants(meeting):
        _invite(employee, [meeting], template="meetings/email/cancelled.txt", cancel=True)
    return meeting


@transaction.atomic
def participants_add_new(*, meeting: Meeting, actor) -> int:
    """Invite the contacts and coordinators who are not yet on the meeting (new since it was
    planned); the number invited."""
    _require_coordinator(actor)
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting cannot be changed."))
    present = set(meeting.attendances.values_list("employee_id", flat=True))
    new = [e for e in selectors.default_participants() if e.pk not in present]
    Attendance.objects.bulk_create([Attendance(meeting=meeting, employee=e) for e in new])
    for employee in new:
        _invite(employee, [meeting], template="meetings/email/changed.txt", added=True)
    return len(new)


def _locked(item: AgendaItem) -> AgendaItem:
    """The item as stored now, locked: a stale copy must not undo another write (such as the
    note link that sending the minutes sets)."""
    return AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)


def _next_position(meeting) -> int:
    return (meeting.items.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def item_propose(*, meeting: Meeting, actor, title: str, text: str = "", area=None,
                 focus_areas=()) -> AgendaItem:
    """Propose an agenda item. Any active employee may until the meeting's cut-off; the
    coordinator at any time, and the coordinator's own items go straight on the agenda."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("The meeting is cancelled."))
    if not can_propose(actor, meeting):
        raise ValidationError(_("The deadline for proposals to this meeting has passed. Ask the "
                                "coordinator, or propose the item for the next meeting."))
    item = AgendaItem(meeting=meeting, title=title.strip(), text=text.strip(), area=area,
                      proposed_by=getattr(actor, "employee", None),
                      status=Status.ACCEPTED if is_coordinator(actor) else Status.PROPOSED,
                      position=_next_position(meeting))
    item.full_clean()
    _save(item, actor)
    item.focus_areas.set(list(focus_areas))
    return item


@transaction.atomic
def item_update(*, item: AgendaItem, actor, title: str, text: str = "", area=None,
                focus_areas=()) -> AgendaItem:
    """Change an item's title, text, area and focus areas (the proposer until the cut-off while
    the item is proposed; the coordinator always)."""
    item = _locked(item)
    if not can_edit_item(actor, item):
        raise PermissionDenied(_("You may not change this item."))
    item.title, item.text, item.area = title.strip(), text.strip(), area
    item.full_clean()
    _save(item, actor)
    item.focus_areas.set(list(focus_areas))
    return item


@transaction.atomic
def agenda_arrange(*, meeting: Meeting, actor, changes: dict[int, tuple[int, str]]) -> int:
    """Order the items and accept or defer them: `changes` maps an item's id to its (position,
    status). A deferred item moves to the next planned meeting as a proposal; with no later
    meeting it stays here, deferred. The number of items moved on."""
    _require_coordinator(actor)
    later = (Meeting.objects.filter(status=Meeting.Status.PLANNED, starts_at__gt=meeting.starts_at)
             .order_by("starts_at", "pk").first())
    moved = 0
    for item in meeting.items.select_for_update().filter(pk__in=changes):
        position, status = changes[item.pk]
        item.position, item.status = position, status
        if status == Status.DEFERRED and later is not None:
            item.meeting, item.status = later, Status.PROPOSED
            item.position = _next_position(later)
            moved += 1
        item.full_clean()
        _save(item, actor)
    return moved


@transaction.atomic
def agenda_publish(*, meeting: Meeting, actor) -> Meeting:
    """Send the agenda to the participants: the accepted items in order and the fixed item
    "Opfølgning" (open action items of earlier meetings and overdue inquiries). Sending again
    sends the updated agenda."""
    _require_coordinator(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting has no agenda to send."))
    again = meeting.agenda_published_at is not None
    meeting.agenda_published_at = timezone.now()
    _save(meeting, actor)
    inquiries, inquiry_count = selectors.overdue_inquiries()
    actions, action_count = selectors.follow_up(meeting=meeting)
    _email_participants(meeting, "meetings/email/agenda.txt", {
        "again": again, "items": selectors.agenda_items(meeting=meeting, statuses=[Status.ACCEPTED]),
        "actions": actions, "action_count": action_count,
        "inquiries": inquiries, "inquiry_count": inquiry_count})
    return meeting


def _email_participants(meeting, template: str, context: dict) -> None:
    recipients = sorted({e.email for e in _participants(meeting) if e.is_active and e.email})
    for address in recipients:
        email_queue_template(template, to=[address], context={
            "meeting": meeting, "url": site_url(meeting.get_absolute_url()), **context})


@transaction.atomic
def attendance_record(*, meeting: Meeting, actor, statuses: dict[int, str]) -> None:
    """Record who was present, sent apologies or was absent (`statuses` maps an attendance's id
    to its status)."""
    _require_coordinator(actor)
    for attendance in meeting.attendances.select_for_update().filter(pk__in=statuses):
        if attendance.status != statuses[attendance.pk]:
            attendance.status = statuses[attendance.pk]
            attendance.full_clean()
            _save(attendance, actor)


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
    _save(attendance, actor)
    return attendance


@transaction.atomic
def item_minutes(*, item: AgendaItem, actor, decisions: str, experiences: str,
                 challenges: str) -> AgendaItem:
    """Write the minutes of an item: decisions, experiences, challenges."""
    _require_coordinator(actor)
    item = _locked(item)
    item.decisions, item.experiences = decisions.strip(), experiences.strip()
    item.challenges = challenges.strip()
    item.full_clean()
    _save(item, actor)
    return item


@transaction.atomic
def minutes_publish(*, meeting: Meeting, actor) -> Meeting:
    """Send the minutes to the participants and share every item's experiences as a knowledge
    note (kind "experience", staff only, searchable); sending again updates those notes."""
    _require_coordinator(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting has no minutes."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("The minutes can be sent once the meeting has begun."))
    items = list(selectors.agenda_items(meeting=meeting, statuses=[Status.ACCEPTED]))
    experience_notes(meeting=meeting, items=items, actor=actor)
    again = meeting.minutes_published_at is not None
    meeting.minutes_published_at = timezone.now()
    _save(meeting, actor)
    _email_participants(meeting, "meetings/email/minutes.txt", {
        "again": again, "items": items,
        "attendances": selectors.attendances(meeting=meeting),
        "actions": meeting.action_items.select_related("owner").order_by("due_on", "pk")})
    return meeting
