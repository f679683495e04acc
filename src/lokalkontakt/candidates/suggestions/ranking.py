# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The candidates for an area and their score, in SQL, so that the database ranks them all and
only the best few are loaded (issue 20: a large municipality has a thousand candidates).

Each part is the expression of scoring's rule, computed in the same floating-point operations in
the same order (the same libm functions: SQLite's and PostgreSQL's call the C library as Python
does), so the score equals scoring.score_of's and the order is the same: rounded to six
decimals, best first, then Danish name order (sort_name) and pk. The balance part depends only on
the core area: it is computed by scoring.balance_of for each core area and given as constants."""

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
    Q,
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


def _nearest_km(area: Place, current):
    """The distance to the nearest area the employee covers; NULL when none is located or the
    area is not."""
    if not area.located:
        return Value(None, output_field=FloatField())
    located = current.filter(area__latitude__isnull=False, area__longitude__isnull=False)
    return Subquery(located.order_by().values("employee").annotate(km=Min(_km_from(area)))
                    .values("km"), output_field=FloatField())


def _count(queryset):
    return Coalesce(Subquery(queryset.order_by().values("employee").annotate(n=Count("pk"))
                             .values("n"), output_field=IntegerField()), Value(0))


def _sum_of_minutes(entries):
    return Coalesce(Subquery(entries.order_by().values("employee").annotate(n=Sum("minutes"))
                             .values("n"), output_field=IntegerField()), Value(0))


def candidates(area, setting: Setting, *, start: datetime.date, today: datetime.date):
    """The nominees (for the area or for no particular area) and the current contacts, active,
    who do not cover the area yet and are not handing an area over; with the facts the score
    needs: `nominated_here`, `nominated_free`, `minutes` and `has_time` (from `start` to
    `today`), `covers` (their current areas) and `km` (to the nearest)."""
    current = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    open_nomination = Nomination.objects.filter(employee=OuterRef("pk"),
                                                status=Nomination.Status.PROPOSED)
    named = Nomination.areas.through.objects.filter(nomination=OuterRef("pk"))
    entries = TimeEntry.objects.filter(employee=OuterRef("pk"), day__range=(start, today))
    return (Employee.objects.filter(is_active=True)
            .annotate(nominated_here=Exists(open_nomination.filter(areas=area)),
                      nominated_free=Exists(open_nomination.exclude(Exists(named))))
            .filter(Exists(current) | Q(nominated_here=True) | Q(nominated_free=True))
            .exclude(Exists(current.filter(area=area)))
            .exclude(Exists(current.filter(role=AssignmentRole.PRIMARY, handover_due=True)))
            .annotate(minutes=_sum_of_minutes(entries), has_time=Exists(entries),
                      covers=_count(current), km=_nearest_km(setting.area, current)))


def _nomination_part():
    return Case(When(nominated_here=True, then=_float(FOR_THE_AREA)),
                When(nominated_free=True, then=_float(WITHOUT_AN_AREA)), default=_float(0))


def _distance_part(setting: Setting):
    neighbour = _float(setting.neighbour_km)
    return Case(When(km__lte=setting.neighbour_km, then=_float(1)),
                When(km__gt=setting.neighbour_km, then=neighbour / F("km")), default=_float(0))


def _capacity_part(setting: Setting):
    _low, high = setting.band
    if high:
        weekly = Cast("minutes", FloatField()) / _float(setting.weeks)
        spare = Least(Greatest((_float(high) - weekly) / _float(high), _float(0)), _float(1))
    else:
        spare = _float(0)
    without_time = _float(1) / (Cast("covers", FloatField()) + _float(1))
    return Case(When(has_time=True, then=spare), default=without_time)


def _balance_part(setting: Setting):
    """Constants per core area: scoring.balance_of's."""
    core_areas = [key for key in setting.contacts_per_core_area if key is not None]
    return Case(When(core_area__isnull=True, then=_float(balance_of(None, setting))),
                *[When(core_area=key, then=_float(balance_of(key, setting)))
                  for key in core_areas],
                default=_float(balance_with(0, setting)))  # a core area without contacts


def ranked(candidates_, setting: Setting):
    """The candidates, best first as scoring.rank orders them, with their `score` and how many
    there are in all (`total`)."""
    parts = {"nomination": _nomination_part(), "distance": _distance_part(setting),
             "capacity": _capacity_part(setting), "balance": _balance_part(setting)}
    weighted = [_float(WEIGHTS[name]) * part for name, part in parts.items()]
    total = weighted[0]
    for part in weighted[1:]:  # added left to right, as Python's sum() adds
        total = total + part
    return (candidates_.annotate(score=Round(total, ROUND_TO), total=Window(Count("pk")))
            .order_by(F("score").desc(), "sort_name", "pk"))
