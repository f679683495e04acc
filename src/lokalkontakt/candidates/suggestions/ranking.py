# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The candidates for an area and their score, in SQL, so that the database ranks them all and
only the best few are loaded (issue 20: a large municipality has a thousand candidates).

Each part is the expression of scoring's rule, computed in the same floating-point operations in
the same order (the same libm functions: SQLite's and PostgreSQL's call the C library as Python
does), so the score equals scoring.score_of's and the order is the same: rounded to six
decimals, best first, then Danish name order (sort_name) and pk. The balance part depends only on
the core area: it is computed by scoring.balance_of for each core area and given as constants.

Each part reads its table once per candidate (one subquery); the query returns the ids of the
best and the count, and only those are loaded with the facts their reasons need."""

import datetime
import math

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    Min,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import (
    ASin,
    Cast,
    Coalesce,
    Cos,
    Greatest,
    Least,
    Power,
    Round,
    Sin,
    Sqrt,
)

from lokalkontakt.areas.models import Assignment, AssignmentRole
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.candidates.suggestions.scoring import (
    EARTH_RADIUS_KM,
    FOR_THE_AREA,
    WEIGHTS,
    WITHOUT_AN_AREA,
    Place,
    Setting,
    balance_of,
    balance_with,
)
from lokalkontakt.people.models import Employee
from lokalkontakt.timesheets.models import TimeEntry

ROUND_TO = 6  # decimals, as scoring.score_of rounds


def _float(value) -> Value:
    return Value(float(value), output_field=FloatField())


def _radians(field: str):
    # math.radians multiplies by pi/180 (SQL's RADIANS may divide instead: not the same bits)
    return Cast(field, FloatField()) * _float(math.radians(1.0))


def _km_from(area: Place):
    """scoring.haversine_km(area, the assignment's area), for a located assignment's area."""
    lat1, lon1 = math.radians(area.latitude), math.radians(area.longitude)
    lat2, lon2 = _radians("area__latitude"), _radians("area__longitude")
    h = (Power(Sin((lat2 - _float(lat1)) / _float(2)), 2)
         + _float(math.cos(lat1)) * Cos(lat2) * Power(Sin((lon2 - _float(lon1)) / _float(2)), 2))
    return _float(2 * EARTH_RADIUS_KM) * ASin(Sqrt(h))


def _distance_part(setting: Setting, current):
    """nk / the nearest km when beyond the neighbour distance nk, else 1 (nk / max(km, nk)):
    one subquery over the located areas the employee covers; 0 without any."""
    area, neighbour = setting.area, setting.neighbour_km
    if not area.located:
        return _float(0)
    located = (current.filter(area__latitude__isnull=False, area__longitude__isnull=False)
               .order_by().values("employee"))
    if neighbour <= 0:  # only the same place is a neighbour (and nk / km would divide by 0)
        here = located.annotate(km=_km_from(area)).filter(km__lte=neighbour)
        return Case(When(Exists(here), then=_float(1)), default=_float(0))
    nearest = Min(Greatest(_km_from(area), _float(neighbour)))
    return Coalesce(Subquery(located.annotate(part=_float(neighbour) / nearest).values("part"),
                             output_field=FloatField()), _float(0))


def _capacity_part(setting: Setting, current, entries):
    """The share of the band's upper end left by the minutes a week, from the entries (one
    subquery: no row without time); without time 1 / (1 + the areas covered)."""
    _low, high = setting.band
    weekly = Cast(Sum("minutes"), FloatField()) / _float(setting.weeks)
    if high:
        spare = Least(Greatest((_float(high) - weekly) / _float(high), _float(0)), _float(1))
    else:
        spare = _float(0) * weekly
    with_time = Subquery(entries.order_by().values("employee").annotate(part=spare)
                         .values("part"), output_field=FloatField())
    areas = Subquery(current.order_by().values("employee").annotate(n=Count("pk")).values("n"),
                     output_field=IntegerField())
    without_time = _float(1) / (Cast(Coalesce(areas, Value(0)), FloatField()) + _float(1))
    return Coalesce(with_time, without_time)


def _nomination_part(area, open_nomination, named):
    part = Case(When(Exists(named.filter(localarea=area)), then=_float(FOR_THE_AREA)),
                When(~Exists(named), then=_float(WITHOUT_AN_AREA)), default=_float(0))
    return Coalesce(Subquery(open_nomination.annotate(part=part).values("part")[:1],
                             output_field=FloatField()), _float(0))


def _balance_part(setting: Setting):
    """Constants per core area: scoring.balance_of's."""
    core_areas = [key for key in setting.contacts_per_core_area if key is not None]
    return Case(When(core_area__isnull=True, then=_float(balance_of(None, setting))),
                *[When(core_area=key, then=_float(balance_of(key, setting)))
                  for key in core_areas],
                default=_float(balance_with(0, setting)))  # a core area without contacts


class ScoredCandidates:
    """The candidates for an area and their score; `best(limit)` loads the best."""

    def __init__(self, area, setting: Setting, *, start: datetime.date, today: datetime.date):
        self.area, self.setting = area, setting
        self.current = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
        self.open_nomination = Nomination.objects.filter(employee=OuterRef("pk"),
                                                         status=Nomination.Status.PROPOSED)
        self.named = Nomination.areas.through.objects.filter(nomination=OuterRef("pk"))
        self.entries = TimeEntry.objects.filter(employee=OuterRef("pk"),
                                                day__range=(start, today))

    def nominated_here(self):
        return Exists(self.open_nomination.filter(Exists(self.named.filter(localarea=self.area))))

    def nominated_free(self):
        """Nominated without a particular area."""
        return Exists(self.open_nomination.exclude(Exists(self.named)))

    def candidates(self):
        """The nominees (for the area or for no particular area) and the current contacts,
        active, who do not cover the area yet and are not handing an area over."""
        current = self.current
        return (Employee.objects.filter(is_active=True)
                .filter(Exists(current) | self.nominated_here() | self.nominated_free())
                .exclude(Exists(current.filter(area=self.area)))
                .exclude(Exists(current.filter(role=AssignmentRole.PRIMARY, handover_due=True))))

    def score(self):
        """scoring.score_of's score: the weighted parts added left to right as Python's sum()
        adds them, rounded."""
        parts = {"nomination": _nomination_part(self.area, self.open_nomination, self.named),
                 "distance": _distance_part(self.setting, self.current),
                 "capacity": _capacity_part(self.setting, self.current, self.entries),
                 "balance": _balance_part(self.setting)}
        weighted = [_float(WEIGHTS[name]) * part for name, part in parts.items()]
        total = weighted[0]
        for part in weighted[1:]:
            total = total + part
        return Round(total, ROUND_TO)

    def ranked(self, limit: int | None) -> tuple[list[int], int]:
        """The ids of the best `limit` candidates (all with None), best first as scoring.rank
        orders them, and how many candidates there are in all."""
        rows = list(self.candidates().alias(score=self.score())
                    .annotate(total=Window(Count("pk")))
                    .order_by(F("score").desc(), "sort_name", "pk")
                    .values_list("pk", "total")[:limit])
        return [pk for pk, _total in rows], rows[0][1] if rows else 0

    def with_facts(self, ids):
        """The employees with the facts their reasons need: `minutes` and `has_time`,
        `nominated_here` and `nominated_free`."""
        minutes = Subquery(self.entries.order_by().values("employee").annotate(n=Sum("minutes"))
                           .values("n"), output_field=IntegerField())
        return Employee.objects.filter(pk__in=ids).annotate(
            minutes=Coalesce(minutes, Value(0)), has_time=Exists(self.entries),
            nominated_here=self.nominated_here(), nominated_free=self.nominated_free())
