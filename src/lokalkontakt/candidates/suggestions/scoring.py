# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The score of a candidate for an area and its reasons in words (pure: it only formats the
reasons in the active language). The database ranks every candidate by the same score
(suggestions.ranking); this module explains the few shown, and states the rules:

The score adds four parts, each between 0 and 1, weighted by WEIGHTS:
- nomination: 1 when nominated for this very area, ½ when nominated without a particular area;
- capacity: the share of the band's upper end left over by the minutes a week registered on
  average over the last WEEKS weeks; with no time registered, 1 / (1 + the areas covered);
- distance: 1 when the nearest area the candidate covers is within the neighbour distance
  (settings.SUGGESTION_NEIGHBOUR_KM, default 8 km), falling as neighbour / distance beyond it;
  0 when the candidate covers no area or a location is unknown;
- balance: a core area with fewer contacts than the average core area scores higher
  (average / (average + its contacts)); ½ without a core area.
The score is rounded to six decimals; equal scores are ordered by name in Danish order."""

import datetime
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lokalkontakt.core.text import short_date

WEEKS = 12
WEIGHTS = {"nomination": 3.0, "capacity": 2.0, "distance": 2.0, "balance": 1.0}
EARTH_RADIUS_KM = 6371.0
FOR_THE_AREA, WITHOUT_AN_AREA = 1.0, 0.5  # the nomination part
WITHOUT_A_CORE_AREA = 0.5  # the balance part


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
        return FOR_THE_AREA, _("Nominated for %(area)s by %(name)s %(date)s") % values
    return WITHOUT_AN_AREA, _("Nominated without a particular area by %(name)s %(date)s") % values


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


def balance_of(core_area_id: int | None, setting: Setting) -> float:
    """The balance part of a candidate in the core area (None: without one)."""
    if core_area_id is None:
        return WITHOUT_A_CORE_AREA
    return balance_with(setting.contacts_per_core_area.get(core_area_id, 0), setting)


def balance_with(contacts: int, setting: Setting) -> float:
    """The balance part of a core area with this many contacts."""
    average = setting.average_contacts
    return average / (average + contacts) if average + contacts else 1.0


def _balance(candidate: Candidate, setting: Setting) -> tuple[float, str]:
    score = balance_of(candidate.core_area_id, setting)
    if candidate.core_area_id is None:
        return score, _("No core area registered")
    count = setting.contacts_per_core_area.get(candidate.core_area_id, 0)
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
    """The candidates, best first (ties in Danish name order), each with its reasons: in Python,
    for a few (the database ranks the many: suggestions.ranking)."""
    suggestions = [score_of(candidate, setting) for candidate in candidates]
    return sorted(suggestions, key=lambda s: (-s.score, s.candidate.sort_name,
                                              s.candidate.employee_id))
