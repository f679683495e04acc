# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The work of the scheme: coordination meetings held and attendance, action items, knowledge
notes, development projects and their milestones (one query each), and time per core area
(time.py)."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.knowledge.models import Note
from lokalkontakt.meetings.models import ActionItem, Attendance, Meeting
from lokalkontakt.projects.models import Milestone, Project
from lokalkontakt.reports.scheme.common import day_end, in_days, in_time
from lokalkontakt.reports.scheme.time import time_table
from lokalkontakt.reports.structure import Column, Section, Table

SPANS = ("now", "before")


def _spans(period):
    return zip(SPANS, (period, period.previous()), strict=True)


def meeting_counts(period) -> dict:
    """Meetings held (not cancelled, begun by now) and their attendance."""
    held = Q(meeting__status=Meeting.Status.PLANNED, meeting__starts_at__lt=timezone.now())
    counts = {}
    for key, span in _spans(period):
        inside = held & in_time("meeting__starts_at", span)
        counts[f"meetings_{key}"] = Count("meeting", distinct=True, filter=inside)
        counts[f"invited_{key}"] = Count("pk", filter=inside)
        counts[f"present_{key}"] = Count("pk", filter=inside & Q(status=Attendance.Status.PRESENT))
    # Every count is of a meeting held in one of the two spans: only their invitations are read
    # (through the meetings' index on status and start), not every invitation there is.
    first, _end = period.previous().aware_bounds()
    return Attendance.objects.filter(held, meeting__starts_at__gte=first,
                                     meeting__starts_at__lt=period.aware_bounds()[1]) \
        .aggregate(**counts)


def action_counts(period) -> dict:
    counts = {}
    for key, span in _spans(period):
        end = day_end(span.end)
        counts[f"done_{key}"] = Count("pk", filter=in_time("closed_at", span)
                                      & Q(status=ActionItem.Status.DONE))
        counts[f"open_{key}"] = Count("pk", filter=Q(created_at__lt=end)
                                      & (Q(closed_at__isnull=True) | Q(closed_at__gte=end)))
    return ActionItem.objects.aggregate(**counts)


def project_counts(period) -> dict:
    found = Note.objects.aggregate(**{f"notes_{key}": Count("pk", filter=in_time("created_at", span))
                                      for key, span in _spans(period)})
    found |= Project.objects.aggregate(**{
        f"projects_{key}": Count("pk", filter=Q(created_at__lt=day_end(span.end))
                                 & ~Q(status=Project.Status.DONE)) for key, span in _spans(period)})
    milestones = {}
    for key, span in _spans(period):
        milestones[f"due_{key}"] = Count("pk", filter=in_days("due_on", span))
        milestones[f"reached_{key}"] = Count("pk", filter=in_days("done_on", span))
    return found | Milestone.objects.aggregate(**milestones)


def _row(label, found, name):
    return [label, found[f"{name}_now"], found[f"{name}_before"]]


def work_section(period, *, public: bool = False) -> Section:
    found = meeting_counts(period) | action_counts(period) | project_counts(period)
    rows = [_row(_("Coordination meetings held"), found, "meetings"),
            _row(_("Participants invited"), found, "invited"),
            _row(_("Participants present"), found, "present"),
            _row(_("Action items done"), found, "done"),
            _row(_("Action items open at the end of the period"), found, "open"),
            _row(_("Knowledge notes written"), found, "notes"),
            _row(_("Development projects under way"), found, "projects"),
            _row(_("Project milestones planned in the period"), found, "due"),
            _row(_("Project milestones reached"), found, "reached")]
    tables = [Table("work", _("The work of the scheme"), [
        Column("what", _("What")), Column("now", _("This period"), "number"),
        Column("before", _("The period before"), "number")], rows,
        note=_("Development projects under way: created by the end of the period and not "
               "completed."))]
    if not public:
        tables.append(time_table(period))
    return Section("work", _("The work of the scheme"), tables, figures=[tuple(row) for row in [
        _row(_("Coordination meetings held"), found, "meetings"),
        _row(_("Knowledge notes written"), found, "notes")]])
