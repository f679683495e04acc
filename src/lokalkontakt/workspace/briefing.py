"""The area briefing pack (introduktionspakke): what a new contact, or anyone on the staff, should
know about an area, read in a fixed number of queries whatever the data (9, and the reader's
permission checks).

Each part applies the visibility rules of its app for the reader: the open inquiries the reader
may see (all for the coordinator and the area's contacts), the consultation tasks likewise, the
notes staff may read. No submitter's name or contact details: inquiries are listed by reference,
subject, kind of submitter, dates and handler.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lokalkontakt.areas.models import Assignment, AssignmentRole, LocalArea
from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.consultations.selectors import tasks_visible_to
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.selectors import inquiries_visible_to
from lokalkontakt.knowledge.selectors import notes_of_area
from lokalkontakt.meetings.models import AgendaItem, Meeting
from lokalkontakt.meetings.selectors import local_meetings_of_area
from lokalkontakt.projects.models import Milestone

NOTES = 10
INQUIRIES = 25
AGENDA_ITEMS = 15
AGENDA_MONTHS = 12
LOCAL_MEETINGS = 5


@dataclass
class BriefingPack:
    area: LocalArea
    contact: Assignment | None = None
    deputy: Assignment | None = None
    assignments: list = field(default_factory=list)  # every assignment, newest first
    notes: list = field(default_factory=list)
    inquiries: list = field(default_factory=list)
    inquiry_count: int = 0
    consultation_tasks: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    agenda_items: list = field(default_factory=list)
    local_meetings: list = field(default_factory=list)
    generated_at: datetime.datetime = field(default_factory=timezone.now)

    @property
    def earlier_assignments(self) -> list:
        return [assignment for assignment in self.assignments if assignment.ends_on is not None]

    @property
    def more_inquiries(self) -> int:
        return self.inquiry_count - len(self.inquiries)


def briefing_area_get(*, slug: str) -> LocalArea:
    """The area of a briefing pack, with its council; 404 if unknown."""
    return get_object_or_404(LocalArea.objects.select_related("council"), slug=slug)


def briefing_pack(*, area: LocalArea, user) -> BriefingPack:
    """Everything in the area's briefing pack that `user` may see."""
    assignments = list(area.assignments.select_related("employee__core_area")
                       .order_by("-starts_on", "-pk"))
    current = {a.role: a for a in assignments if a.ends_on is None}
    open_inquiries = (inquiries_visible_to(user=user).filter(area=area)
                      .exclude(status=Inquiry.Status.CLOSED))
    return BriefingPack(
        area=area, assignments=assignments,
        contact=current.get(AssignmentRole.PRIMARY), deputy=current.get(AssignmentRole.DEPUTY),
        notes=notes_of_area(user=user, area=area, limit=NOTES),
        inquiries=list(open_inquiries.order_by("answer_due", "pk")[:INQUIRIES]),
        inquiry_count=open_inquiries.count(),
        consultation_tasks=_waiting_consultations(area=area, user=user),
        projects=_projects(area=area),
        agenda_items=_agenda_items(area=area),
        local_meetings=local_meetings_of_area(area=area, limit=LOCAL_MEETINGS),
    )


def _waiting_consultations(*, area: LocalArea, user) -> list:
    """The area's tasks still waiting for a response in open consultations, by deadline."""
    return list(tasks_visible_to(user=user)
                .filter(area=area, status=ConsultationTask.Status.WAITING,
                        consultation__status=Consultation.Status.OPEN)
                .select_related("consultation__requested_by", "handler")
                .order_by("consultation__deadline", "pk"))


def _projects(*, area: LocalArea) -> list:
    """The area's development projects with their lead and next open milestone."""
    next_milestone = (Milestone.objects.filter(project=OuterRef("pk"), done_on__isnull=True)
                      .order_by(F("due_on").asc(nulls_last=True), "pk"))
    return list(area.projects.select_related("lead")
                .annotate(next_milestone=Subquery(next_milestone.values("title")[:1]),
                          next_milestone_due=Subquery(next_milestone.values("due_on")[:1]))
                .order_by("sort_title", "pk"))


def _agenda_items(*, area: LocalArea) -> list:
    """Items about the area on coordination meetings of the last twelve months (and planned
    ones), newest meeting first; deferred items and cancelled meetings left out."""
    since = timezone.now() - datetime.timedelta(days=365 * AGENDA_MONTHS // 12)
    return list(AgendaItem.objects.filter(area=area, meeting__starts_at__gte=since)
                .exclude(status=AgendaItem.Status.DEFERRED)
                .exclude(meeting__status=Meeting.Status.CANCELLED)
                .select_related("meeting")
                .order_by("-meeting__starts_at", "position", "pk")[:AGENDA_ITEMS])
