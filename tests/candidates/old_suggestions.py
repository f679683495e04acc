# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The oracle: how the suggestions were gathered and ranked before issue 20 — every candidate
loaded as a model instance and scored in Python (scoring.rank). Kept only here, to show that the
database's ranking (candidates.suggestions.ranking) orders the candidates the same way."""

import datetime

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from lokalkontakt.areas.models import Assignment, AssignmentRole
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.candidates.suggestions import WEEKS, Candidate, NominationFact, Setting, rank
from lokalkontakt.candidates.suggestions.facts import place_of
from lokalkontakt.candidates.suggestions.scoring import neighbour_km
from lokalkontakt.core.roles import person_name
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.timesheets.models import TimeEntry


def _open_nominations(area) -> dict:
    named = Nomination.areas.through.objects.filter(nomination=OuterRef("pk"))
    for_area = Exists(named.filter(localarea=area))
    nominations = (Nomination.objects.filter(status=Nomination.Status.PROPOSED,
                                             employee__is_active=True)
                   .filter(for_area | ~Exists(named)).annotate(for_area=for_area)
                   .select_related("nominated_by__employee"))
    return {n.employee_id: NominationFact(by=person_name(n.nominated_by) or "–",
                                          on=timezone.localdate(n.created_at),
                                          for_area=n.for_area, pk=n.pk)
            for n in nominations}


def _minutes_since(start: datetime.date, end: datetime.date):
    entries = (TimeEntry.objects.filter(employee=OuterRef("pk"), day__range=(start, end))
               .values("employee").annotate(total=Sum("minutes")).values("total"))
    return Coalesce(Subquery(entries, output_field=IntegerField()), Value(0))


def setting_for(area) -> Setting:
    current = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    counts = (Employee.objects.filter(Exists(current)).order_by().values("core_area")
              .annotate(count=Count("pk")))
    return Setting(area=place_of(area),
                   contacts_per_core_area={row["core_area"]: row["count"] for row in counts},
                   core_area_count=CoreArea.objects.count(),
                   band=tuple(settings.TIME_BAND_MINUTES), neighbour_km=neighbour_km())


def candidates_for(area, *, today: datetime.date | None = None) -> list[Candidate]:
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=7 * WEEKS - 1)
    nominations = _open_nominations(area)
    current = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    employees = (
        Employee.objects.filter(is_active=True)
        .filter(Exists(current) | Q(pk__in=list(nominations)))
        .exclude(Exists(current.filter(area=area)))
        .exclude(Exists(current.filter(role=AssignmentRole.PRIMARY, handover_due=True)))
        .select_related("core_area")
        .annotate(minutes=_minutes_since(start, today),
                  has_time=Exists(TimeEntry.objects.filter(employee=OuterRef("pk"),
                                                           day__range=(start, today))))
        .prefetch_related(Prefetch(
            "assignments", to_attr="current",
            queryset=Assignment.objects.filter(ends_on__isnull=True).select_related("area")
            .order_by("area__sort_name", "pk"))))
    return [Candidate(employee_id=e.pk, name=e.name, sort_name=e.sort_name,
                      core_area_id=e.core_area_id, core_area=e.core_area.name if e.core_area else "",
                      covers=tuple(place_of(a.area) for a in e.current), minutes=e.minutes,
                      has_time=e.has_time, nomination=nominations.get(e.pk))
            for e in employees]


def old_suggestions_for(*, area, today: datetime.date | None = None) -> list:
    """Every candidate, ranked in Python."""
    return rank(candidates_for(area, today=today), setting_for(area))
