# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The database ranks the candidates as the Python scoring did (issue 20): on a varied
municipality — contacts near and far, with and without coordinates, with time in and before the
12 weeks, nominations for the area, for no area and for other areas, withdrawn, core areas large,
small, without contacts and none, inactive staff, handovers, and many equal scores — the best 20
are the same people in the same order with the same score and reasons as the old scorer
(tests/candidates/old_suggestions.py) gives; and the count is everyone's."""

import datetime
import random

import pytest
from django.db import connection
from django.utils import timezone

from lokalkontakt.areas.models import Assignment, AssignmentRole, LocalArea
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.candidates.suggestions import suggestions_for
from lokalkontakt.candidates.suggestions.rankingsql import _Sql
from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.people.models import Employee
from lokalkontakt.timesheets.models import TimeEntry
from tests.areas.factories import LocalAreaFactory
from tests.candidates.old_suggestions import old_suggestions_for
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

FIRST = ["Aase", "Anders", "Åse", "Ærø", "Ødis", "Bent", "Birthe", "Carl", "Dorte", "Else",
         "Frede", "Gitte", "Hans", "Ib", "Jens", "Karen", "Lise", "Mette", "Niels", "Ole"]
LAST = ["Aabye", "Andersen", "Ørsted", "Ærbo", "Bak", "Holm", "Møller", "Nielsen", "Åby"]


def _employees(rng, count, core_areas):
    return Employee.objects.bulk_create(
        Employee(name=(name := f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]}"),
                 sort_name=danish_sort_key(name), is_active=rng.random() > 0.08,
                 core_area=rng.choice(core_areas + [None]))
        for n in range(count))


def _areas(rng, count):
    return [LocalAreaFactory(name=f"Område {n:03d}",
                             latitude=None if n % 7 == 3 else round(rng.uniform(55.6, 55.9), 5),
                             longitude=None if n % 7 == 3 else round(rng.uniform(9.5, 10.1), 5))
            for n in range(count)]


def _assignments(rng, employees, areas, target):
    slots = [(area, role) for area in areas if area != target for role in AssignmentRole.values]
    rng.shuffle(slots)
    rows = []
    for employee in employees[: len(employees) * 2 // 3]:
        for _ in range(min(rng.choice([0, 1, 1, 1, 2, 3]), len(slots))):
            area, role = slots.pop()
            rows.append(Assignment(employee=employee, area=area, role=role,
                                   starts_on=datetime.date(2024, 1, 1),
                                   handover_due=role == AssignmentRole.PRIMARY
                                   and rng.random() < 0.05))
        if rng.random() < 0.1:  # an ended assignment counts for nothing
            rows.append(Assignment(employee=employee, area=rng.choice(areas),
                                   role=AssignmentRole.PRIMARY, starts_on=datetime.date(2022, 1, 1),
                                   ends_on=datetime.date(2023, 1, 1)))
    if rng.random() < 0.5:  # the target's deputy is no candidate
        rows.append(Assignment(employee=employees[1], area=target, role=AssignmentRole.DEPUTY,
                               starts_on=datetime.date(2024, 1, 1)))
    Assignment.objects.bulk_create(rows)


def _time(rng, employees):
    today = timezone.localdate()
    TimeEntry.objects.bulk_create(
        TimeEntry(employee=employee, day=today - datetime.timedelta(days=rng.choice([0, 30, 83,
                                                                                     84, 200])),
                  minutes=rng.choice([15, 30, 45, 60, 90, 120, 600]), kind=TimeEntry.Kind.OTHER)
        for employee in employees if rng.random() < 0.5 for _ in range(rng.randint(1, 4)))


def _nominations(rng, employees, areas, target, core_areas, by):
    kinds = ["none", "none", "here", "here-and-more", "free", "free", "elsewhere", "withdrawn"]
    for employee in employees[len(employees) // 2:]:
        kind = rng.choice(kinds)
        if kind == "none":
            continue
        nomination = Nomination.objects.create(
            employee=employee, core_area=employee.core_area or core_areas[0],
            nominated_by=rng.choice(by),
            status="withdrawn" if kind == "withdrawn" else Nomination.Status.PROPOSED)
        named = {"here": [target], "here-and-more": [target, rng.choice(areas)],
                 "elsewhere": [rng.choice(areas)]}.get(kind, [])
        nomination.areas.set(named)


TWINS_BY_PK = ["Åse Tvilling", "Ødis Tvilling", "Aase Tvilling", "Bent Tvilling", "Ærø Tvilling"]
# Danish order: æ, ø, å last ("Aa" is Å); Åse and Aase sort alike, so the first made comes first
TWINS_IN_ORDER = ["Bent Tvilling", "Ærø Tvilling", "Ødis Tvilling", "Åse Tvilling",
                  "Aase Tvilling"]


def municipality(seed: int, *, located: bool = True):
    """About 120 employees in five core areas (one without contacts), 60 areas; the target."""
    rng = random.Random(seed)
    core_areas = [CoreAreaFactory(name=name) for name in
                  ["Teknik og Miljø", "Læring", "Sundhed og Omsorg", "Kultur", "Økonomi"]]
    areas = _areas(rng, 60)
    target = areas[0] if located else areas[3]
    employees = _employees(rng, 120, core_areas[:3] + core_areas[4:])
    Employee.objects.filter(core_area=core_areas[3]).update(core_area=core_areas[4])
    EmployeeFactory(name="Kaj Kultur", core_area=core_areas[3])  # nominated below, no contact
    employees = list(Employee.objects.order_by("pk"))
    by = [UserFactory(username="lene", first_name="Lene", last_name="Holm"),
          EmployeeFactory(name="Ole Olsen", user=UserFactory(username="ole")).user, None]
    _assignments(rng, employees, areas, target)
    _time(rng, employees)
    _nominations(rng, employees, areas, target, core_areas, by)
    for name in TWINS_BY_PK:  # equal in every part: nominated here, free, in a small core area
        twin = EmployeeFactory(name=name, core_area=core_areas[3])
        Nomination.objects.create(employee=twin, core_area=core_areas[3],
                                  nominated_by=by[0]).areas.set([target])
    return target


def _shown(suggestions):
    return [(s.candidate, s.score, s.parts, s.reasons, s.nearest, s.distance_km)
            for s in suggestions]


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_best_twenty_are_those_the_python_scoring_ranks_first(seed):
    target = municipality(seed)

    ranking = suggestions_for(area=target, limit=20)
    oracle = old_suggestions_for(area=target)

    assert ranking.total == len(oracle) > 40
    assert _shown(ranking.suggestions) == _shown(oracle[:20])
    twins = [s for s in ranking.suggestions if s.candidate.name.endswith("Tvilling")]
    assert [s.candidate.name for s in twins] == TWINS_IN_ORDER
    assert {s.score for s in twins} == {6.0}  # 3 × 1 + 2 × 1 (no time, no area) + 1 × 1


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [5, 6])
def test_every_candidate_is_ranked_as_the_python_scoring_ranks_them(seed):
    target = municipality(seed)

    ranked = suggestions_for(area=target).suggestions
    oracle = old_suggestions_for(area=target)

    assert [s.candidate.employee_id for s in ranked] == [s.candidate.employee_id for s in oracle]
    assert [s.score for s in ranked] == [s.score for s in oracle]
    # equal scores are many, beyond the twins (e.g. nominees covering nothing in one core area)
    scores = [s.score for s in oracle]
    assert len(scores) - len(set(scores)) > len(TWINS_BY_PK)


@pytest.mark.django_db
def test_an_area_without_a_location_is_ranked_without_distance_as_before():
    target = municipality(7, located=False)

    ranking = suggestions_for(area=target, limit=20)
    oracle = old_suggestions_for(area=target)

    assert all(s.parts["distance"] == 0.0 for s in ranking.suggestions)
    assert _shown(ranking.suggestions) == _shown(oracle[:20])


@pytest.mark.django_db
@pytest.mark.parametrize(("neighbour_km", "band"), [(0, (60, 90)), (3, (30, 45)), (8, (0, 0))])
def test_the_settings_rank_as_the_python_scoring_ranks(settings, neighbour_km, band):
    """The distance to count as a neighbour (0: the same place only) and the band (an upper
    end of 0: no spare time) change the SQL as they change the Python scoring."""
    settings.SUGGESTION_NEIGHBOUR_KM, settings.TIME_BAND_MINUTES = neighbour_km, band
    target = municipality(8)
    # a contact's area at the very same place: a neighbour even at 0 km
    LocalArea.objects.filter(pk__in=Assignment.objects.filter(ends_on__isnull=True)
                             .exclude(area=target).values("area")[:1]).update(
        latitude=target.latitude, longitude=target.longitude)

    ranked = suggestions_for(area=target).suggestions
    oracle = old_suggestions_for(area=target)

    assert _shown(ranked) == _shown(oracle)
    assert any(s.parts["distance"] == 1.0 for s in ranked)


@pytest.mark.django_db
def test_the_ranking_s_numbers_are_floating_point_on_every_database():
    """PostgreSQL reads a float that Django's psycopg binds on the client as a numeric literal;
    the ranking's float parameters are cast to double precision, so the parts are computed in
    floating point as Python's scoring computes them (0.1 + 0.2 is not 0.3 there)."""
    q = _Sql()
    sql, params = q.final(f"SELECT {q.p(0.1)} + {q.p(0.2)}, {q.p(3)}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        total, count = cursor.fetchone()

    assert (total, count) == (0.1 + 0.2, 3)
    assert isinstance(total, float) and total != 0.3
