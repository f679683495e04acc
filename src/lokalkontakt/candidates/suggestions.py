# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Suggestions for an area without a contact (issue 7, item 3): who could take it, ranked, each with
the reasons in words.

Candidates are the employees with an open nomination for the area or for no particular area, and
the current contacts (who may take a neighbouring area) — never arbitrary staff, as the role is
voluntary. Someone who already covers the area (e.g. its deputy) is left out, and so is a contact
who is handing an area over (a handover is due or planned: planning one marks it due), as she is
leaving the role rather than taking on more.

The score adds four parts, each between 0 and 1, weighted by WEIGHTS:
- nomination: 1 when nominated for this very area, ½ when nominated without a particular area;
- capacity: the share of the band's upper end left over by the minutes a week registered on
  average over the last WEEKS weeks; with no time registered, 1 / (1 + the areas covered);
- distance: 1 when the nearest area the candidate covers is within the neighbour distance
  (settings.SUGGESTION_NEIGHBOUR_KM, default 8 km), falling as neighbour / distance beyond it;
  0 when the candidate covers no area or a location is unknown;
- balance: a core area with fewer contacts than the average core area scores higher
  (average / (average + its contacts)); ½ without a core area.
Equal scores are ordered by name in Danish order.

`rank` is pure (it only formats the reasons in the active language); `suggestions_for` gathers
its data in five queries however many employees, areas and entries there are."""

import datetime
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lokalkontakt.areas.models import Assignment, AssignmentRole
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.core.roles import person_name
from lokalkontakt.core.text import short_date
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.timesheets.models import TimeEntry

WEEKS = 12
WEIGHTS = {"nomination": 3.0, "capacity": 2.0, "distance": 2.0, "balance": 1.0}
EARTH_RADIUS_KM = 6371.0


def neighbour_km() -> float:
    return float(settings.SUGGESTION_NEIGHBOUR_KM)


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float | None = None
    longitude: float | None = None

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class NominationFact:
    by: str  # who nominated
    on: datetime.date
    for_area: bool  # names this very area (else: no particular area)
    pk: int | None = None


@dataclass(frozen=True)
class Candidate:
    employee_id: int
    name: str
    sort_name: str
    core_area_id: int | None = None
    core_area: str = ""
    covers: tuple = ()  # Places
    minutes: int = 0  # registered in the last WEEKS weeks
    has_time: bool = False
    nomination: NominationFact | None = None


@dataclass(frozen=True)
class Setting:
    area: Place
    contacts_per_core_area: dict = field(default_factory=dict)  # core area id (or None) -> count
    core_area_count: int = 0
    band: tuple = (60, 90)  # minutes a week
    weeks: int = WEEKS
    neighbour_km: float = 8.0

    @property
    def total_contacts(self) -> int:
        return sum(self.contacts_per_core_area.values())

    @property
    def average_contacts(self) -> float:
        in_core_areas = sum(n for key, n in self.contacts_per_core_area.items() if key is not None)
        return in_core_areas / self.core_area_count if self.core_area_count else 0.0


@dataclass
class Suggestion:
    candidate: Candidate
    score: float
    parts: dict
    reasons: list
    nearest: Place | None = None
    distance_km: float | None = None


def haversine_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (float(a.latitude), float(a.longitude),
                                                float(b.latitude), float(b.longitude)))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _nearest(candidate: Candidate, area: Place) -> tuple[Place | None, float | None]:
    if not area.located:
        return None, None
    distances = [(haversine_km(area, place), place.name, place)
                 for place in candidate.covers if place.located]
    if not distances:
        return None, None
    km, _name, place = min(distances, key=lambda found: found[:2])
    return place, km


def _nomination(candidate: Candidate, setting: Setting) -> tuple[float, str | None]:
    nomination = candidate.nomination
    if nomination is None:
        return 0.0, None
    values = {"name": nomination.by, "area": setting.area.name,
              "date": short_date(nomination.on)}
    if nomination.for_area:
        return 1.0, _("Nominated for %(area)s by %(name)s %(date)s") % values
    return 0.5, _("Nominated without a particular area by %(name)s %(date)s") % values


def _distance(candidate: Candidate, setting: Setting, nearest, km) -> tuple[float, str]:
    if not candidate.covers:
        return 0.0, _("Covers no local area yet")
    if km is None:
        names = ", ".join(place.name for place in candidate.covers)
        return 0.0, _("Covers %(areas)s; the distance is unknown") % {"areas": names}
    score = 1.0 if km <= setting.neighbour_km else setting.neighbour_km / km
    return score, _("Covers %(area)s %(km)s km away") % {
        "area": nearest.name, "km": formats.number_format(round(km))}


def _capacity(candidate: Candidate, setting: Setting) -> tuple[float, str]:
    low, high = setting.band
    if candidate.has_time:
        weekly = candidate.minutes / setting.weeks
        score = min(max((high - weekly) / high, 0.0), 1.0) if high else 0.0
        return score, _("Registers %(minutes)s min. a week on average; the band is "
                        "%(low)s–%(high)s") % {"minutes": formats.number_format(round(weekly)),
                                               "low": low, "high": high}
    count = len(candidate.covers)
    if not count:
        return 1.0, _("No time registered in the last %(weeks)d weeks; covers no area") % {
            "weeks": setting.weeks}
    return 1.0 / (1 + count), ngettext(
        "No time registered in the last %(weeks)d weeks; covers %(count)d area",
        "No time registered in the last %(weeks)d weeks; covers %(count)d areas", count) % {
        "weeks": setting.weeks, "count": count}


def _balance(candidate: Candidate, setting: Setting) -> tuple[float, str]:
    if candidate.core_area_id is None:
        return 0.5, _("No core area registered")
    count = setting.contacts_per_core_area.get(candidate.core_area_id, 0)
    average = setting.average_contacts
    score = average / (average + count) if average + count else 1.0
    total = setting.total_contacts
    return score, ngettext(
        "%(core_area)s has %(count)d of the %(total)d local contact",
        "%(core_area)s has %(count)d of the %(total)d local contacts", total) % {
        "core_area": candidate.core_area, "count": count, "total": total}


def score_of(candidate: Candidate, setting: Setting) -> Suggestion:
    nearest, km = _nearest(candidate, setting.area)
    parts, reasons = {}, []
    for name, part in [("nomination", lambda: _nomination(candidate, setting)),
                       ("distance", lambda: _distance(candidate, setting, nearest, km)),
                       ("capacity", lambda: _capacity(candidate, setting)),
                       ("balance", lambda: _balance(candidate, setting))]:
        parts[name], reason = part()
        if reason:
            reasons.append(reason)
    score = round(sum(WEIGHTS[name] * value for name, value in parts.items()), 6)
    return Suggestion(candidate=candidate, score=score, parts=parts, reasons=reasons,
                      nearest=nearest, distance_km=km)


def rank(candidates, setting: Setting) -> list[Suggestion]:
    """The candidates, best first (ties in Danish name order), each with its reasons."""
    suggestions = [score_of(candidate, setting) for candidate in candidates]
    return sorted(suggestions, key=lambda s: (-s.score, s.candidate.sort_name,
                                              s.candidate.employee_id))


# --- gathering the data -------------------------------------------------------------------------


def _place(area) -> Place:
    return Place(name=area.name,
                 latitude=float(area.latitude) if area.latitude is not None else None,
                 longitude=float(area.longitude) if area.longitude is not None else None)


def _open_nominations(area) -> dict:
    """Open nominations for the area or for no particular area, by employee (one each)."""
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
    """The area and the contacts per core area (two queries)."""
    current = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    counts = (Employee.objects.filter(Exists(current)).order_by().values("core_area")
              .annotate(count=Count("pk")))
    return Setting(area=_place(area),
                   contacts_per_core_area={row["core_area"]: row["count"] for row in counts},
                   core_area_count=CoreArea.objects.count(),
                   band=tuple(settings.TIME_BAND_MINUTES), neighbour_km=neighbour_km())


def candidates_for(area, *, today: datetime.date | None = None) -> list[Candidate]:
    """The nominees and current contacts who do not cover the area yet and are not handing an
    area over (three queries)."""
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
                      covers=tuple(_place(a.area) for a in e.current), minutes=e.minutes,
                      has_time=e.has_time, nomination=nominations.get(e.pk))
            for e in employees]


def suggestions_for(*, area, today: datetime.date | None = None) -> list[Suggestion]:
    """The ranked suggestions for an area, in five queries."""
    return rank(candidates_for(area, today=today), setting_for(area))
