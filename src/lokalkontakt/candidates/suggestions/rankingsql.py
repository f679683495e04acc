# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The ranking query of suggestions.ranking as SQL with parameters, for SQLite and PostgreSQL.

The float operations are scoring's, in its order, as the ORM expressions wrote them before
(Cast to float, Greatest/Least, Power, Round): SQLite's SIN, COS, ASIN, SQRT and POWER are the
functions Django registers on every connection (Python's math), PostgreSQL's call the C library;
PostgreSQL rounds a float to six decimals only as numeric, as Django's Round does. Table names
are the models' own (given by suggestions.ranking), every value a parameter."""
# ruff: noqa: S608 - the SQL is built from the models' table names; every value is a parameter

import datetime
import math
import re

from django.db import connection

from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.candidates.suggestions.scoring import (
    EARTH_RADIUS_KM,
    FOR_THE_AREA,
    WEIGHTS,
    WITHOUT_AN_AREA,
    Setting,
    balance_of,
    balance_with,
)

ROUND_TO = 6  # decimals, as scoring.score_of rounds
RADIAN = math.radians(1.0)  # math.radians multiplies by pi/180 (SQL's RADIANS may divide)


def _vendor() -> dict:
    if connection.vendor == "postgresql":
        return {"float": "double precision", "max": "GREATEST", "min": "LEAST",
                "round": "ROUND(({})::numeric, {})"}
    return {"float": "real", "max": "MAX", "min": "MIN", "round": "ROUND({}, {})"}


class _Sql:
    """Parameters by a marker in the text (fragments are built in any order), then the text
    with %s placeholders and its parameters in the text's order."""

    MARKER = re.compile("\x01(\\d+)\x01")

    def __init__(self):
        self.values = []

    def p(self, value) -> str:
        self.values.append(value)
        return f"\x01{len(self.values) - 1}\x01"

    def final(self, sql: str) -> tuple[str, list]:
        params = [self.values[int(n)] for n in self.MARKER.findall(sql)]
        return self.MARKER.sub("%s", sql), params


def _km(q: _Sql, setting: Setting, v: dict) -> str:
    """scoring.haversine_km(the area, l's area) for a located l."""
    lat1, lon1 = math.radians(setting.area.latitude), math.radians(setting.area.longitude)
    lat2 = f"(CAST(l.latitude AS {v['float']}) * {q.p(RADIAN)})"
    lon2_a = f"(CAST(l.longitude AS {v['float']}) * {q.p(RADIAN)})"
    h = (f"(POWER(SIN((({lat2} - {q.p(lat1)}) / {q.p(2.0)})), 2)"
         f" + (({q.p(math.cos(lat1))} * COS((CAST(l.latitude AS {v['float']}) * {q.p(RADIAN)})))"
         f" * POWER(SIN((({lon2_a} - {q.p(lon1)}) / {q.p(2.0)})), 2)))")
    return f"({q.p(2 * EARTH_RADIUS_KM)} * ASIN(SQRT({h})))"


def _distance(q: _Sql, setting: Setting, t: dict, v: dict) -> str:
    """nk / the nearest km when beyond the neighbour distance nk, else 1; 0 without a located
    area covered (or without the area's location)."""
    if not setting.area.located:
        return q.p(0.0)
    located = (f"FROM {t['assignment']} a INNER JOIN {t['area']} l ON (a.area_id = l.id)"
               " WHERE a.employee_id = e.id AND a.ends_on IS NULL"
               " AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL")
    nk = setting.neighbour_km
    if nk <= 0:  # only the same place is a neighbour (and nk / km would divide by 0)
        here = f"EXISTS(SELECT 1 {located} AND {_km(q, setting, v)} <= {q.p(float(nk))})"
        return f"CASE WHEN {here} THEN {q.p(1.0)} ELSE {q.p(0.0)} END"
    nearest = f"MIN({v['max']}({_km(q, setting, v)}, {q.p(float(nk))}))"
    return (f"COALESCE((SELECT ({q.p(float(nk))} / {nearest}) {located}"
            f" GROUP BY a.employee_id), {q.p(0.0)})")


def _capacity(q: _Sql, setting: Setting, t: dict, v: dict, start, today) -> str:
    """The share of the band's upper end left by the minutes a week; without time
    1 / (1 + the areas covered)."""
    high = setting.band[1]
    weekly = f"(CAST(SUM(x.minutes) AS {v['float']}) / {q.p(float(setting.weeks))})"
    if high:
        spare = (f"{v['min']}({v['max']}((({q.p(float(high))} - {weekly}) / {q.p(float(high))}),"
                 f" {q.p(0.0)}), {q.p(1.0)})")
    else:
        spare = f"({q.p(0.0)} * {weekly})"
    day = connection.ops.adapt_datefield_value
    with_time = (f"(SELECT {spare} FROM {t['entry']} x WHERE x.employee_id = e.id"
                 f" AND x.day BETWEEN {q.p(day(start))} AND {q.p(day(today))}"
                 " GROUP BY x.employee_id)")
    areas = (f"(SELECT COUNT(a.id) FROM {t['assignment']} a WHERE a.employee_id = e.id"
             " AND a.ends_on IS NULL GROUP BY a.employee_id)")
    without = f"({q.p(1.0)} / (CAST(COALESCE({areas}, 0) AS {v['float']}) + {q.p(1.0)}))"
    return f"COALESCE({with_time}, {without})"


def _nomination(q: _Sql, area_id: int, t: dict) -> str:
    named = f"SELECT 1 FROM {t['named']} m WHERE m.nomination_id = n.id"
    part = (f"CASE WHEN EXISTS({named} AND m.localarea_id = {q.p(area_id)})"
            f" THEN {q.p(FOR_THE_AREA)} WHEN NOT EXISTS({named}) THEN {q.p(WITHOUT_AN_AREA)}"
            f" ELSE {q.p(0.0)} END")
    return (f"COALESCE((SELECT {part} FROM {t['nomination']} n WHERE n.employee_id = e.id"
            f" AND n.status = {q.p(Nomination.Status.PROPOSED.value)} LIMIT 1), {q.p(0.0)})")


def _balance(q: _Sql, setting: Setting) -> str:
    whens = [f"WHEN e.core_area_id IS NULL THEN {q.p(balance_of(None, setting))}"]
    whens += [f"WHEN e.core_area_id = {q.p(key)} THEN {q.p(balance_of(key, setting))}"
              for key in setting.contacts_per_core_area if key is not None]
    return f"CASE {' '.join(whens)} ELSE {q.p(balance_with(0, setting))} END"


def _candidates(q: _Sql, area_id: int, t: dict) -> str:
    """The nominees (for the area or for no particular area) and the current contacts, active,
    who do not cover the area yet and are not handing an area over."""
    current = f"SELECT 1 FROM {t['assignment']} a WHERE a.employee_id = e.id AND a.ends_on IS NULL"
    named = f"SELECT 1 FROM {t['named']} m WHERE m.nomination_id = n.id"
    status = Nomination.Status.PROPOSED.value
    nominated = (f"EXISTS(SELECT 1 FROM {t['nomination']} n WHERE n.employee_id = e.id"
                 f" AND n.status = {q.p(status)} AND (EXISTS({named} AND m.localarea_id ="
                 f" {q.p(area_id)}) OR NOT EXISTS({named})))")
    return (f"e.is_active AND (EXISTS({current}) OR {nominated})"
            f" AND NOT EXISTS({current} AND a.area_id = {q.p(area_id)})"
            f" AND NOT EXISTS({current} AND a.role = {q.p(AssignmentRole.PRIMARY.value)}"
            " AND a.handover_due)")


def ranking_sql(area_id: int, setting: Setting, *, tables: dict, start: datetime.date,
                today: datetime.date, limit: int | None) -> tuple[str, list]:
    """SELECT id, the count of all candidates: the best `limit` (every one with None), best
    first, then in Danish name order and by id. `tables`: the quoted table names of employee,
    assignment, area, nomination, named (the nomination's areas) and entry (time)."""
    q, t, v = _Sql(), tables, _vendor()
    parts = {"nomination": lambda: _nomination(q, area_id, t),
             "distance": lambda: _distance(q, setting, t, v),
             "capacity": lambda: _capacity(q, setting, t, v, start, today),
             "balance": lambda: _balance(q, setting)}
    total = ""
    for name, part in parts.items():  # added left to right, as Python's sum() in score_of
        weighted = f"({q.p(WEIGHTS[name])} * {part()})"
        total = f"({total} + {weighted})" if total else weighted
    sql = (f"SELECT e.id, COUNT(*) OVER () FROM {t['employee']} e"
           f" WHERE {_candidates(q, area_id, t)}"
           f" ORDER BY {v['round'].format(total, ROUND_TO)} DESC, e.sort_name ASC, e.id ASC")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return q.final(sql)
