# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about meetings. Meetings, agendas and minutes are internal: every member of staff may read
them (the views require core.view_internal); nobody else sees any. Bulletins with the rule of
meetings.permissions applied."""

import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lokalkontakt.areas.models import Assignment
from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Bulletin,
    LocalMeeting,
    Meeting,
)
from lokalkontakt.meetings.permissions import bulletins_visible_to
from lokalkontakt.meetings.rows import ItemRow, agenda_pages, with_focus_and_actions  # noqa: F401
from lokalkontakt.people.models import Employee

FOLLOW_UP_INQUIRIES = 50
FOLLOW_UP_ACTIONS = 100


def default_participants():
    """Who is invited to coordination meetings: every active employee who covers an area now (as
    contact or deputy), and the coordinators. (An isnull lookup across the assignments would
    also match an employee who has none.)"""
    covers = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    return (Employee.objects.filter(is_active=True)
            .filter(Exists(covers) | Q(user__groups__name=COORDINATOR_GROUP)
                    | Q(user__is_superuser=True))
            .distinct().order_by("sort_name", "pk"))


def meeting_list(*, upcoming: bool, today: datetime.date | None = None):
    """Coming meetings, soonest first; or held ones, latest first, with their item counts."""
    start_of_today = timezone.make_aware(
        datetime.datetime.combine(today or timezone.localdate(), datetime.time.min))
    meetings = Meeting.objects.annotate(
        item_count=Count("items", filter=Q(items__status=AgendaItem.Status.ACCEPTED)))
    if upcoming:
        return meetings.filter(starts_at__gte=start_of_today).order_by("starts_at", "pk")
    return meetings.filter(starts_at__lt=start_of_today).order_by("-starts_at", "-pk")


def meeting_get(*, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("series"), pk=pk)


def item_get(*, pk: int) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.select_related("meeting", "area"), pk=pk)


def agenda_items(*, meeting: Meeting, statuses=None):
    """The meeting's items in their order, with area, proposer, focus areas and action items."""
    items = (meeting.items.select_related("area", "proposed_by", "note")
             .prefetch_related("focus_areas", Prefetch(
                 "action_items", queryset=ActionItem.objects.select_related("owner"))))
    if statuses:
        items = items.filter(status__in=statuses)
    return items.order_by("position", "pk")


def item_counts(*, meeting: Meeting) -> dict[str, int]:
    """How many items the meeting has of each status (every status present, 0 when none)."""
    counts = dict.fromkeys(AgendaItem.Status.values, 0)
    counts.update(meeting.items.order_by().values_list("status").annotate(n=Count("pk")))
    return counts


def page_of(count: int, size: int, number) -> Page:
    """The page `number` (1 when missing or bad, the last when past the end) of `count` rows:
    its object_list is the range of the rows' indexes, for the caller to fetch."""
    return Paginator(range(count), size).get_page(number)


def attendances(*, meeting: Meeting):
    return meeting.attendances.select_related("employee").order_by("employee__sort_name", "pk")


def attendance_rows(*, meeting: Meeting, rows: range) -> list[dict]:
    """The participants `rows` (indexes in attendances' order): each one's `name` and `status`."""
    return list(attendances(meeting=meeting).values("status", name=F("employee__name"))
                [rows.start:rows.stop]) if rows else []


def attendance_counts(*, meeting: Meeting, employee=None,
                      without_email: bool = False) -> tuple[dict[str, int], Attendance | None, int, str]:
    """In one query: how many participants have each attendance status (every status present);
    the employee's own invitation, if any (its pk and status: what the page shows of it);
    `without_email`, how many participants cannot get e-mail (no longer active, or no address;
    0 when not asked), so that their names are only looked up when there are some; and the
    participants' version (each status's count, latest change and highest id: an invitation
    added, answered, recorded or removed changes it) for what is kept of them (meetings.kept)."""
    counts = dict.fromkeys(Attendance.Status.values, 0)
    own = Q(employee_id=employee.pk) if employee is not None else Q(pk__in=[])
    figures = {"n": Count("pk"), "own": Max("pk", filter=own), "changed": Max("updated_at"),
               "last": Max("pk")}
    if without_email:
        figures["unreachable"] = Count("pk", filter=Q(employee__is_active=False)
                                       | Q(employee__email=""))
    mine, unreachable, version = None, 0, []
    for row in meeting.attendances.order_by("status").values("status").annotate(**figures):
        counts[row["status"]] = row["n"]
        unreachable += row.get("unreachable", 0)
        version.append(f"{row['status']}:{row['n']}:{row['changed']}:{row['last']}")
        if row["own"] is not None:
            mine = Attendance(pk=row["own"], meeting=meeting, employee=employee,
                              status=row["status"])
    return counts, mine, unreachable, "/".join(version)


def participants_without_email(*, meeting: Meeting, limit: int) -> list[Employee]:
    """The participants who cannot get the meeting's e-mails (no longer active, or no address),
    the first `limit` of each kind by name, each with `without_email`: how many of its kind
    there are in all (one query however many). The coordinator is warned of them by name."""
    kind = [F("is_active")]
    return list(Employee.objects.filter(attendances__meeting=meeting)
                .filter(Q(is_active=False) | Q(email=""))
                .annotate(number=Window(RowNumber(), partition_by=kind,
                                        order_by=[F("sort_name").asc(), F("pk").asc()]),
                          without_email=Window(Count("pk"), partition_by=kind))
                .filter(number__lte=limit).order_by("sort_name", "pk"))


def follow_up_actions(*, meeting: Meeting):
    """The fixed item "Opfølgning": the action items of earlier meetings that were still open when
    this meeting began, or are open now. An item closed at this meeting is on it one last time."""
    return (ActionItem.objects.filter(meeting__starts_at__lt=meeting.starts_at)
            .exclude(meeting__status=Meeting.Status.CANCELLED)
            .filter(Q(closed_at__isnull=True) | Q(closed_at__gt=meeting.starts_at))
            .select_related("owner", "meeting").order_by("due_on", "pk"))


def follow_up(*, meeting: Meeting, limit: int = FOLLOW_UP_ACTIONS) -> tuple[list, int]:
    """The follow-up's action items, soonest due first, at most `limit` of them, and how many
    there are (one more query only when there are more than `limit`)."""
    actions = follow_up_actions(meeting=meeting)
    rows = list(actions[:limit])
    return rows, (len(rows) if len(rows) < limit else actions.count())


def overdue_inquiries(*, today: datetime.date | None = None) -> tuple[list, int]:
    """The open inquiries past their answer date (at most FOLLOW_UP_INQUIRIES, oldest first) and
    how many there are: their reference, area, handler and date, never the submitter."""
    overdue = (Inquiry.objects.exclude(status=Inquiry.Status.CLOSED)
               .filter(answer_due__lt=today or timezone.localdate()))
    rows = list(overdue.select_related("area", "assignee")
                .only("pk", "answer_due", "status", "area__name", "area__slug", "assignee__name")
                .order_by("answer_due", "pk")[:FOLLOW_UP_INQUIRIES])
    count = len(rows) if len(rows) < FOLLOW_UP_INQUIRIES else overdue.count()
    return rows, count


def action_items(*, owner=None, status: str = "open"):
    """Action items, soonest due first: open (open or in progress), closed, or all."""
    items = ActionItem.objects.select_related("owner", "meeting")
    if owner is not None:
        items = items.filter(owner=owner)
    if status == "open":
        items = items.filter(status__in=ActionItem.OPEN_STATUSES)
    elif status == "closed":
        items = items.exclude(status__in=ActionItem.OPEN_STATUSES)
    return items.order_by("due_on", "pk")


def action_history(*, action: ActionItem):
    return action.history.select_related("history_user__employee").order_by("-history_date",
                                                                             "-history_id")


def bulletins_for(*, employee, limit: int = 3):
    """The latest bulletins sent to the employee (the front page)."""
    if employee is None:
        return []
    return list(Bulletin.objects.filter(recipients=employee).order_by("-sent_at", "-pk")[:limit])


def bulletin_list(*, user):
    """The bulletins the user may read (meetings.permissions), newest first."""
    return (bulletins_visible_to(user=user).select_related("author__employee")
            .annotate(recipient_count=Count("recipients")).order_by("-sent_at", "-pk"))


def bulletin_get(*, user, pk: int) -> Bulletin:
    """A bulletin the user may read (404 otherwise), with whom it was sent to."""
    bulletins = bulletin_list(user=user).prefetch_related("core_areas", "areas")
    return get_object_or_404(bulletins, pk=pk)


def local_meetings_of_area(*, area, limit: int = 10):
    return list(LocalMeeting.objects.filter(area=area).select_related("recorded_by")
                .order_by("-held_on", "-pk")[:limit])


def next_meeting_for(*, employee):
    """The employee's next planned meeting, for the front page."""
    if employee is None:
        return None
    return (Meeting.objects.filter(attendances__employee=employee, status=Meeting.Status.PLANNED,
                                   ends_at__gte=timezone.now())
            .order_by("starts_at", "pk").first())


def feed_meetings(*, employee, since: datetime.datetime):
    """The meetings the employee takes part in, from `since` on: cancelled ones too, marked so,
    and not those they sent apologies for or were absent from (calendars then drop them)."""
    return (Meeting.objects.filter(attendances__employee=employee, ends_at__gte=since,
                                   attendances__status__in=[Attendance.Status.INVITED,
                                                            Attendance.Status.PRESENT])
            .order_by("starts_at", "pk"))


def feed_deadlines(*, employee, since: datetime.date) -> dict:
    """The deadlines the employee must keep: answers to the open inquiries they handle, the
    consultation tasks waiting for them (handled by them or of an area they cover), and the
    open consultations they asked for."""
    inquiries = (Inquiry.objects.filter(assignee=employee, answer_due__gte=since)
                 .exclude(status=Inquiry.Status.CLOSED).select_related("area")
                 .only("pk", "answer_due", "area__name").order_by("answer_due", "pk"))
    covers = Assignment.objects.filter(area=OuterRef("area"), employee=employee,
                                       ends_on__isnull=True)
    tasks = (ConsultationTask.objects.filter(Q(handler=employee) | Exists(covers))
             .filter(status=ConsultationTask.Status.WAITING,
                     consultation__status=Consultation.Status.OPEN,
                     consultation__deadline__gte=since)
             .select_related("consultation", "area").order_by("consultation__deadline", "pk"))
    requested = (employee.consultations_requested.filter(deadline__gte=since,
                                                         status=Consultation.Status.OPEN)
                 .order_by("deadline", "pk"))
    return {"inquiries": list(inquiries), "tasks": list(tasks), "consultations": list(requested)}


def action_items_overdue():
    """Open action items (open or in progress) past their due date, whoever owns them, the
    longest overdue first (the coordinator's start page)."""
    return (ActionItem.objects.filter(status__in=ActionItem.OPEN_STATUSES,
                                      due_on__lt=timezone.localdate())
            .select_related("owner", "meeting").order_by("due_on", "pk"))
