# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the focus-area reports count, aggregated in SQL: one query per kind of work and per view
(by focus area, by local area, by month), whatever the amount of data.

Each kind is a `Source`: the rows that count (one per item), the day that places an item in a
period, and the paths to its focus areas and its local area. An item counts in the period it was
received (inquiries), sent (consultations), answered (consultation answers), written (notes) or
registered (development projects).
"""

import datetime
from dataclasses import dataclass, replace

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth

from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.knowledge.permissions import notes_visible_to
from lokalkontakt.projects.models import Project
from lokalkontakt.reports.period import Period

KINDS = ("inquiries", "consultations", "answers", "notes", "projects")


@dataclass(frozen=True)
class Source:
    rows: QuerySet
    day: str  # the field that places an item in a period
    focus: str  # the path to its focus areas
    area: str = ""  # the path to its local area(s); empty: not by area
    timestamp: bool = True  # `day` is a datetime (else a date)

    def within(self, period: Period) -> Q:
        if not self.timestamp:
            return Q(**{f"{self.day}__range": (period.start, period.end)})
        start, end = period.aware_bounds()
        return Q(**{f"{self.day}__gte": start, f"{self.day}__lt": end})


def sources(reader) -> dict[str, Source]:
    """The kinds of work counted; notes are those `reader` may see (None: public notes only, as
    for a report sent by e-mail to addresses outside the system)."""
    from django.contrib.auth.models import AnonymousUser

    answered = ConsultationTask.objects.exclude(status=ConsultationTask.Status.WAITING)
    return {
        "inquiries": Source(Inquiry.objects.all(), "received_on", "focus_areas", "area",
                            timestamp=False),
        "consultations": Source(Consultation.objects.all(), "created_at", "focus_areas"),
        "answers": Source(answered, "responded_at", "consultation__focus_areas", "area"),
        "notes": Source(notes_visible_to(user=reader or AnonymousUser()), "created_at",
                        "focus_areas", "area"),
        "projects": Source(Project.objects.all(), "created_at", "focus_areas", "areas"),
    }


def item_sources(sources: dict[str, Source], reader) -> dict[str, Source]:
    """The sources of the items listed to `reader`: the inquiries and the consultation answers
    they may open (the notes are already theirs; projects are open to all staff)."""
    from lokalkontakt.consultations.permissions import tasks_visible_to
    from lokalkontakt.inquiries.permissions import inquiries_visible_to

    answered = tasks_visible_to(user=reader).exclude(status=ConsultationTask.Status.WAITING)
    return {**sources,
            "inquiries": replace(sources["inquiries"], rows=inquiries_visible_to(user=reader)),
            "answers": replace(sources["answers"], rows=answered)}


def _split(source: Source, period: Period) -> dict:
    """Count this period's and the period before's items in one pass."""
    return {"now": Count("pk", filter=source.within(period), distinct=True),
            "before": Count("pk", filter=source.within(period.previous()), distinct=True)}


def _span(source: Source, period: Period) -> Q:
    return source.within(period) | source.within(period.previous())


def by_focus_area(source: Source, period: Period) -> dict[int | None, tuple[int, int]]:
    """{focus area id (None: untagged): (count in the period, count in the period before)}."""
    rows = (source.rows.filter(_span(source, period)).order_by().values(source.focus)
            .annotate(**_split(source, period)))
    return {row[source.focus]: (row["now"], row["before"]) for row in rows}


def by_area(source: Source, focus, period: Period) -> list[dict]:
    """Rows of area id, name, slug and sort name (None: no area) with the two counts."""
    area = source.area
    rows = (source.rows.filter(_span(source, period), **{source.focus: focus}).order_by()
            .values(area_key=F(f"{area}__id"), name=F(f"{area}__name"),
                    slug=F(f"{area}__slug"), sort=F(f"{area}__sort_name"))
            .annotate(**_split(source, period)))
    return list(rows)


def by_month(source: Source, focus, period: Period) -> dict[datetime.date, tuple[int, int]]:
    """{first day of a month: (count in the period, count in the period before)}."""
    rows = (source.rows.filter(_span(source, period), **{source.focus: focus}).order_by()
            .annotate(month=TruncMonth(source.day)).values("month")
            .annotate(**_split(source, period)))
    return {_as_date(row["month"]): (row["now"], row["before"]) for row in rows}


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def months(period: Period) -> list[datetime.date]:
    """The first day of every month from the start of the period before to the end of this one."""
    day, found = period.previous().start.replace(day=1), []
    while day <= period.end:
        found.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return found
