# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The items of a focus area's report, newest first and at most ITEMS of each kind: inquiries
(reference, subject, status, outcome: never the submitter's name or contact details, which are
not even read), the areas' answers to consultations, notes and development projects. Each item
is a `Cell` linked to its page for staff."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.consultations.models import ConsultationTask
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.knowledge.models import Note
from lokalkontakt.projects.models import Project
from lokalkontakt.reports.focus.counts import Source
from lokalkontakt.reports.period import Period
from lokalkontakt.reports.structure import Cell

ITEMS = 50
ANSWER_CHARS = 600  # a long answer is cut (on a word) in the report; its page has it all


def _newest(source: Source, focus, period: Period):
    return (source.rows.filter(source.within(period), **{source.focus: focus})
            .order_by(f"-{source.day}", "-pk"))


def total(source: Source, focus, period: Period, *, rows: list) -> int:
    """How many items of the source there are in the period: the rows listed, or (when the list
    was cut at ITEMS) a count."""
    return len(rows) if len(rows) < ITEMS else _newest(source, focus, period).count()


def _day(moment):
    return timezone.localtime(moment).date()


def inquiries(source: Source, focus, period: Period) -> list[list]:
    statuses = dict(Inquiry.Status.choices)
    rows = _newest(source, focus, period).values(
        "pk", "subject", "status", "outcome", "received_on", "area__name")[:ITEMS]
    return [[Cell(f"H-{row['pk']:05d}", reverse("inquiries:detail", args=[row["pk"]])),
             row["received_on"], row["area__name"] or "", row["subject"],
             str(statuses.get(row["status"], row["status"])), row["outcome"]] for row in rows]


def answers(source: Source, focus, period: Period) -> list[list]:
    statuses = dict(ConsultationTask.Status.choices)
    rows = _newest(source, focus, period).values(
        "pk", "consultation_id", "consultation__title", "area__name", "status", "response",
        "responded_at")[:ITEMS]
    return [[Cell(row["consultation__title"],
                  reverse("consultations:detail", args=[row["consultation_id"]])),
             _day(row["responded_at"]), Cell(row["area__name"],
                                              reverse("consultations:task", args=[row["pk"]])),
             str(statuses.get(row["status"], row["status"])),
             Truncator(row["response"]).chars(ANSWER_CHARS)] for row in rows]


def notes(source: Source, focus, period: Period) -> list[list]:
    kinds = dict(Note.Kind.choices)
    rows = _newest(source, focus, period).values(
        "pk", "title", "kind", "area__name", "created_at")[:ITEMS]
    return [[Cell(row["title"], reverse("knowledge:detail", args=[row["pk"]])),
             _day(row["created_at"]), row["area__name"] or "",
             str(kinds.get(row["kind"], row["kind"]))] for row in rows]


def projects(source: Source, focus, period: Period) -> list[list]:
    statuses = dict(Project.Status.choices)
    areas = Prefetch("areas", queryset=LocalArea.objects.order_by("sort_name").only("name"))
    found = _newest(source, focus, period).only("pk", "title", "status", "created_at") \
        .prefetch_related(areas)[:ITEMS]
    return [[Cell(project.title, project.get_absolute_url()), _day(project.created_at),
             ", ".join(area.name for area in project.areas.all()),
             str(statuses.get(project.status, project.status))] for project in found]
