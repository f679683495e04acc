# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The facts a suggestion is scored from, read from the database: the setting (the area and the
contacts per core area, one query) and the facts of the few candidates shown beyond what the
ranking gives (their names and core areas, one query of values, their open nomination, one
query, and the places of their current areas, one query of values)."""

from django.conf import settings
from django.db import connection
from django.utils import timezone

from lokalkontakt.areas.models import Assignment
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.candidates.suggestions.scoring import (
    FOR_THE_AREA,
    Candidate,
    NominationFact,
    Place,
    Setting,
    neighbour_km,
)
from lokalkontakt.core.roles import person_name
from lokalkontakt.people.models import CoreArea, Employee


def _place(name, latitude, longitude) -> Place:
    return Place(name=name, latitude=float(latitude) if latitude is not None else None,
                 longitude=float(longitude) if longitude is not None else None)


def place_of(area) -> Place:
    return _place(area.name, area.latitude, area.longitude)


def setting_for(area) -> Setting:
    """The area, the contacts per core area and the number of core areas on each row (one
    query; without contacts the number does not matter: the average is 0). Written as SQL:
    building it from ORM expressions cost twice what it takes to run (issue 20)."""
    quote = connection.ops.quote_name
    employee, assignment, core_area = (quote(model._meta.db_table)
                                       for model in (Employee, Assignment, CoreArea))
    sql = (f"SELECT e.core_area_id, COUNT(*), (SELECT COUNT(*) FROM {core_area})"  # noqa: S608
           f" FROM {employee} e WHERE EXISTS(SELECT 1 FROM {assignment} a"
           " WHERE a.employee_id = e.id AND a.ends_on IS NULL) GROUP BY e.core_area_id")
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return Setting(area=place_of(area),
                   contacts_per_core_area={key: count for key, count, _n in rows},
                   core_area_count=rows[0][2] if rows else 0,
                   band=tuple(settings.TIME_BAND_MINUTES), neighbour_km=neighbour_km())


def covers_of(ids) -> dict:
    """The places of the areas each of these employees covers now, in name order (one query,
    no model instances: a contact may cover many)."""
    rows = (Assignment.objects.filter(employee__in=ids, ends_on__isnull=True)
            .order_by("area__sort_name", "pk")
            .values_list("employee", "area__name", "area__latitude", "area__longitude"))
    covers = {}
    for employee, name, latitude, longitude in rows:
        covers.setdefault(employee, []).append(_place(name, latitude, longitude))
    return covers


def _nomination_of(nomination, part: float) -> NominationFact | None:
    """The open nomination if it counts (the ranking's part): for the area or for no particular
    area; one naming other areas only does not."""
    if nomination is None or not part:
        return None
    return NominationFact(by=person_name(nomination.nominated_by) or "–",
                          on=timezone.localdate(nomination.created_at),
                          for_area=part == FOR_THE_AREA, pk=nomination.pk)


def candidates_of(ids, facts: dict, covers: dict) -> dict:
    """{id: Candidate} of these employees, from the ranking's facts (suggestions.ranking), the
    places they cover (covers_of) and their names, core areas and open nominations (two
    queries, the employees as values, at most one open nomination each: a constraint)."""
    nominations = {nomination.employee_id: nomination for nomination in Nomination.objects
                   .filter(employee__in=ids, status=Nomination.Status.PROPOSED)
                   .select_related("nominated_by__employee").order_by()}
    rows = (Employee.objects.filter(pk__in=ids).order_by()
            .values_list("pk", "name", "sort_name", "core_area", "core_area__name"))
    candidates = {}
    for pk, name, sort_name, core_area_id, core_area in rows:
        minutes, part = facts[pk].minutes, facts[pk].part
        candidates[pk] = Candidate(
            employee_id=pk, name=name, sort_name=sort_name, core_area_id=core_area_id,
            core_area=core_area or "", covers=tuple(covers.get(pk, [])),
            minutes=minutes or 0, has_time=minutes is not None,
            nomination=_nomination_of(nominations.get(pk), part))
    return candidates
