# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The facts a suggestion is scored from, read from the database: the setting (the area and the
contacts per core area, one query) and the facts of the few candidates shown beyond what the
ranking gives (their names, core areas and open nominations, one query, and the places of
their current areas, one query). The queries are written as SQL, rows without model
instances: building them from the ORM cost more than running them (issue 20)."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.candidates.suggestions.scoring import (
    FOR_THE_AREA,
    Candidate,
    NominationFact,
    Place,
    Setting,
    neighbour_km,
)
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
    employee, assignment, core_area = _tables(Employee, Assignment, CoreArea)
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


def _rows(sql: str, params) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _tables(*models) -> tuple:
    return tuple(connection.ops.quote_name(model._meta.db_table) for model in models)


def covers_of(ids) -> dict:
    """The places of the areas each of these employees covers now, in name order (one query,
    no model instances: a contact may cover many; written as SQL, as setting_for)."""
    assignment, area = _tables(Assignment, LocalArea)
    marks = ", ".join(["%s"] * len(ids))
    rows = _rows(f"SELECT a.employee_id, l.name, l.latitude, l.longitude FROM {assignment} a"  # noqa: S608
                 f" INNER JOIN {area} l ON (a.area_id = l.id) WHERE a.ends_on IS NULL"
                 f" AND a.employee_id IN ({marks}) ORDER BY l.sort_name, a.id", list(ids))
    covers = {}
    for employee, name, latitude, longitude in rows:
        covers.setdefault(employee, []).append(_place(name, latitude, longitude))
    return covers


def _nominator(user_id, employee_name, first_name, last_name, username) -> str:
    """core.roles.person_name of the user who nominated, from its row: the employee's name,
    else the account's full name or username ("–" without a user)."""
    if user_id is None:
        return "–"
    return employee_name or f"{first_name} {last_name}".strip() or username or "–"


def _created_on(value) -> datetime.date:
    """The local date of a nomination's created_at as read by SQL, converted as the ORM does
    (SQLite gives text)."""
    column = Nomination._meta.get_field("created_at").get_col("n")
    for convert in (connection.ops.get_db_converters(column)
                    + column.get_db_converters(connection)):
        value = convert(value, column, connection)
    return timezone.localdate(value)


def candidates_of(ids, facts: dict, covers: dict) -> dict:
    """{id: Candidate} of these employees, from the ranking's facts (suggestions.ranking), the
    places they cover (covers_of) and their names, core areas and open nominations (one query
    of SQL, at most one open nomination each: a constraint). An open nomination counts when
    the ranking gave it a part: for the area or for no particular area, not one naming other
    areas only."""
    employee, core_area, nomination, user = _tables(Employee, CoreArea, Nomination,
                                                    get_user_model())
    marks = ", ".join(["%s"] * len(ids))
    rows = _rows(f"SELECT e.id, e.name, e.sort_name, e.core_area_id, k.name, n.id, n.created_at,"  # noqa: S608
                 f" u.id, ue.name, u.first_name, u.last_name, u.username FROM {employee} e"
                 f" LEFT JOIN {core_area} k ON (e.core_area_id = k.id)"
                 f" LEFT JOIN {nomination} n ON (n.employee_id = e.id AND n.status = %s)"
                 f" LEFT JOIN {user} u ON (n.nominated_by_id = u.id)"
                 f" LEFT JOIN {employee} ue ON (ue.user_id = u.id)"
                 f" WHERE e.id IN ({marks})", [Nomination.Status.PROPOSED.value, *ids])
    candidates = {}
    for pk, name, sort_name, core_area_id, core_area, nomination_id, created_at, *by in rows:
        minutes, part = facts[pk].minutes, facts[pk].part
        counts = nomination_id is not None and part
        candidates[pk] = Candidate(
            employee_id=pk, name=name, sort_name=sort_name, core_area_id=core_area_id,
            core_area=core_area or "", covers=tuple(covers.get(pk, [])),
            minutes=minutes or 0, has_time=minutes is not None,
            nomination=NominationFact(by=_nominator(*by), on=_created_on(created_at),
                                      for_area=part == FOR_THE_AREA, pk=nomination_id)
            if counts else None)
    return candidates
