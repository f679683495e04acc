# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Coordination meetings for the areas case: a year of held meetings and the coming ones, every
active employee invited, and agenda items and action items that grow with the municipality
(5 items a meeting at 30 areas, 500 at 3,000). Two open action items per item, so the next
meeting's follow-up lists every open one of the held meetings. Deterministic per seed."""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from lokalkontakt.meetings.models import ActionItem, AgendaItem, Attendance, Meeting
from lokalkontakt.meetings.schedule import local_datetime
from lokalkontakt.people.models import Employee

BATCH = 500
HELD, COMING = 6, 6


@dataclass
class GeneratedMeetings:
    meetings: int = 0
    items: int = 0
    action_items: int = 0
    attendances: int = 0
    next_pk: int = 0


def _meetings() -> list[Meeting]:
    today = timezone.localdate()
    days = [today + datetime.timedelta(days=60 * offset) for offset in range(-HELD, COMING + 1)
            if offset]
    return Meeting.objects.bulk_create([
        Meeting(title="Koordinerende møde", starts_at=local_datetime(day, datetime.time(14)),
                ends_at=local_datetime(day, datetime.time(16)), location="Rådhuset",
                proposal_deadline=day - datetime.timedelta(days=7),
                minutes_published_at=local_datetime(day, datetime.time(17)) if day < today
                else None)
        for day in days])


def generate_meetings(areas: int, seed: int = 1) -> GeneratedMeetings:
    rng = random.Random(seed)
    summary = GeneratedMeetings()
    staff = list(Employee.objects.filter(is_active=True))
    meetings = _meetings()
    per_meeting = min(500, max(5, areas // 6))
    Attendance.objects.bulk_create(
        [Attendance(meeting=m, employee=e) for m in meetings for e in staff], batch_size=BATCH)
    items = AgendaItem.objects.bulk_create(
        [AgendaItem(meeting=m, title=f"Punkt {n} om lokalområderne", text="Drøftelse " * 20,
                    status=AgendaItem.Status.ACCEPTED, position=n, proposed_by=rng.choice(staff),
                    decisions="Besluttet." if m.minutes_published_at else "")
         for m in meetings for n in range(1, per_meeting + 1)], batch_size=BATCH)
    today = timezone.localdate()
    actions = ActionItem.objects.bulk_create(
        [ActionItem(meeting=item.meeting, agenda_item=item, title=f"Opfølgning {n} på {item.title}",
                    owner=rng.choice(staff), due_on=today + datetime.timedelta(days=rng.randint(-30, 90)))
         for item in items if item.meeting.minutes_published_at for n in (1, 2)], batch_size=BATCH)
    summary.meetings, summary.items, summary.action_items = len(meetings), len(items), len(actions)
    summary.attendances = len(meetings) * len(staff)
    summary.next_pk = next(m.pk for m in meetings if m.starts_at > timezone.now())
    return summary
