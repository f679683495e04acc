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
        # PostgreSQL reads a float bound on the client (Django's psycopg binds so) as a numeric
        # literal: the float parameters are cast to double precision there, so that every part
        # is computed in floating point as Python's scoring does, not partly in numeric.
        self.float_cast = ("CAST({} AS double precision)" if connection.vendor == "postgresql"
                           else "{}")

    def p(self, value) -> str:
        self.values.append(value)
        marker = f"\x01{len(self.values) - 1}\x01"
        return self.float_cast.format(marker) if isinstance(value, float) else marker

    def final(self, sql: str) -> tuple[str, list]:
        params = [self.values[int(n)] for n in self.MARKER.findall(sql)]
        return self.MARKER.sub("%s", sql), params


def _h(q: _Sql, setting: Setting, v: dict) -> str:
    """The h of scoring.haversine_km(the area, l's area) for a located l."""
    lat1, lon1 = math.radians(setting.area.latitude), math.radians(setting.area.longitude)
    lat2 = f"(CAST(l.latitude AS {v['float']}) * {q.p(RADIAN)})"
    lon2_a = f"(CAST(l.longitude AS {v['float']}) * {q.p(RADIAN)})"
    return (f"(POWER(SIN((({lat2} - {q.p(lat1)}) / {q.p(2.0)})), 2)"
            f" + (({q.p(math.cos(lat1))} * COS((CAST(l.latitude AS {v['float']}) * {q.p(RADIAN)})))"
            f" * POWER(SIN((({lon2_a} - {q.p(lon1)}) / {q.p(2.0)})), 2)))")


def _km(q: _Sql, h: str) -> str:
    """scoring.haversine_km from its h."""
    return f"({q.p(2 * EARTH_RADIUS_KM)} * ASIN(SQRT({h})))"


def _nearest(q: _Sql, setting: Setting, v: dict) -> str:
    """Per employee (in `current`, over a's areas l), with the neighbour distance nk > 0: the
    least h (_h) of a located area (NULL without one), as the km grow with h (nearest_km makes
    it the km, once per employee rather than per area); with nk <= 0: 1 when one is at the same
    place, else 0."""
    if not setting.area.located:
        return "NULL"
    located = "l.latitude IS NOT NULL AND l.longitude IS NOT NULL"
    if setting.neighbour_km <= 0:  # only the same place is a neighbour (nk / km would divide by 0)
        km = _km(q, _h(q, setting, v))
        return (f"MAX(CASE WHEN {located} AND {km} <= {q.p(float(setting.neighbour_km))}"
                " THEN 1 ELSE 0 END)")
    return f"MIN(CASE WHEN {located} THEN {_h(q, setting, v)} END)"


def _nearest_km(q: _Sql, setting: Setting, v: dict) -> str:
    """Per candidate: the nearest km, at least nk, of a located area covered (NULL without
    one): f(min h) = min f(h) as f (2R asin(sqrt(h))) does not fall, max(min, nk) = min(max)
    likewise; with nk <= 0, _nearest's flag."""
    if not setting.area.located or setting.neighbour_km <= 0:
        return "c.nearest"
    return (f"CASE WHEN c.nearest IS NOT NULL THEN {v['max']}({_km(q, 'c.nearest')},"
            f" {q.p(float(setting.neighbour_km))}) END")


def _distance(q: _Sql, setting: Setting) -> str:
    """nk / the nearest km when beyond the neighbour distance nk, else 1; 0 without a located
    area covered (or without the area's location)."""
    if not setting.area.located:
        return q.p(0.0)
    if setting.neighbour_km <= 0:
        return f"CASE WHEN r.nearest = 1 THEN {q.p(1.0)} ELSE {q.p(0.0)} END"
    return f"COALESCE(({q.p(float(setting.neighbour_km))} / r.nearest), {q.p(0.0)})"


def _minutes(q: _Sql, t: dict, start, today) -> str:
    """Per candidate e: the minutes registered from start to today, NULL without an entry."""
    day = connection.ops.adapt_datefield_value
    return (f"(SELECT SUM(x.minutes) FROM {t['entry']} x WHERE x.employee_id = e.id"
            f" AND x.day BETWEEN {q.p(day(start))} AND {q.p(day(today))})")


def _capacity(q: _Sql, setting: Setting, v: dict) -> str:
    """The share of the band's upper end left by the minutes a week (r.minutes); without time
    1 / (1 + the areas covered)."""
    high = setting.band[1]
    weekly = f"(CAST(r.minutes AS {v['float']}) / {q.p(float(setting.weeks))})"
    if high:
        spare = (f"{v['min']}({v['max']}((({q.p(float(high))} - {weekly}) / {q.p(float(high))}),"
                 f" {q.p(0.0)}), {q.p(1.0)})")
    else:
        spare = f"({q.p(0.0)} * {weekly})"
    without = f"({q.p(1.0)} / (CAST(COALESCE(r.n, 0) AS {v['float']}) + {q.p(1.0)}))"
    return f"CASE WHEN r.minutes IS NULL THEN {without} ELSE {spare} END"


def _nomination(q: _Sql, area_id: int, t: dict) -> str:
    """Per open nomination n: 1 naming the area, ½ naming none, else 0."""
    named = f"SELECT 1 FROM {t['named']} m WHERE m.nomination_id = n.id"
    return (f"CASE WHEN EXISTS({named} AND m.localarea_id = {q.p(area_id)})"
            f" THEN {q.p(FOR_THE_AREA)} WHEN NOT EXISTS({named}) THEN {q.p(WITHOUT_AN_AREA)}"
            f" ELSE {q.p(0.0)} END")


def _balance(q: _Sql, setting: Setting) -> str:
    whens = [f"WHEN r.core_area_id IS NULL THEN {q.p(balance_of(None, setting))}"]
    whens += [f"WHEN r.core_area_id = {q.p(key)} THEN {q.p(balance_of(key, setting))}"
              for key in setting.contacts_per_core_area if key is not None]
    return f"CASE {' '.join(whens)} ELSE {q.p(balance_with(0, setting))} END"


def _current(q: _Sql, area_id: int, setting: Setting, t: dict, v: dict) -> str:
    """Per employee with current assignments: how many, whether one is the area's or a
    primary's with a handover due, and the nearest located area (_nearest) (one pass)."""
    return (f"SELECT a.employee_id AS id, COUNT(a.id) AS n,"
            f" SUM(CASE WHEN a.area_id = {q.p(area_id)} THEN 1 ELSE 0 END) AS here,"
            f" SUM(CASE WHEN a.role = {q.p(AssignmentRole.PRIMARY.value)} AND a.handover_due"
            f" THEN 1 ELSE 0 END) AS leaving, {_nearest(q, setting, v)} AS nearest"
            f" FROM {t['assignment']} a INNER JOIN {t['area']} l ON (a.area_id = l.id)"
            " WHERE a.ends_on IS NULL GROUP BY a.employee_id")


def ranking_sql(area_id: int, setting: Setting, *, tables: dict, start: datetime.date,
                today: datetime.date, limit: int | None) -> tuple[str, list]:
    """SELECT id, the count of all candidates, the minutes from start to today (NULL without
    time), the nomination part (NULL without an open nomination that counts): the best `limit`
    (every one with None), best first, then in Danish name order and by id. `tables`: the
    quoted table names of employee, assignment, area, nomination, named (the nomination's
    areas) and entry (time).

    The candidates (r): active, a current contact (c) or nominated for the area or for no
    particular area, not covering the area yet and not handing an area over. The current
    contacts are read from c (in employee order, each employee by its key), those nominated
    without a current area after them; each part is read once per candidate: the minutes are
    both scored and returned (the reasons need them)."""
    q, t, v = _Sql(), tables, _vendor()
    proposed = Nomination.Status.PROPOSED.value
    contacts = (f"SELECT e.id, e.sort_name, e.core_area_id, c.n,"
                f" CASE WHEN n.id IS NOT NULL THEN {_nomination(q, area_id, t)} END AS part,"
                f" {_nearest_km(q, setting, v)} AS nearest,"
                f" {_minutes(q, t, start, today)} AS minutes"
                f" FROM c INNER JOIN {t['employee']} e ON (e.id = c.id)"
                f" LEFT JOIN {t['nomination']} n ON (n.employee_id = e.id AND n.status = {q.p(proposed)})"
                " WHERE e.is_active AND c.here = 0 AND c.leaving = 0")
    # (without a subquery: PostgreSQL gives its NULLs the types of the contacts' columns)
    nominated = (f"SELECT e.id, e.sort_name, e.core_area_id, NULL, {_nomination(q, area_id, t)},"
                 f" NULL, {_minutes(q, t, start, today)} FROM {t['nomination']} n"
                 f" INNER JOIN {t['employee']} e ON (e.id = n.employee_id)"
                 f" WHERE n.status = {q.p(proposed)} AND e.is_active"
                 f" AND NOT EXISTS(SELECT 1 FROM {t['assignment']} a WHERE a.employee_id = e.id"
                 f" AND a.ends_on IS NULL) AND {_nomination(q, area_id, t)} > {q.p(0.0)}")
    parts = {"nomination": lambda: f"COALESCE(r.part, {q.p(0.0)})",
             "distance": lambda: _distance(q, setting),
             "capacity": lambda: _capacity(q, setting, v),
             "balance": lambda: _balance(q, setting)}
    total = ""
    for name, part in parts.items():  # added left to right, as Python's sum() in score_of
        weighted = f"({q.p(WEIGHTS[name])} * {part()})"
        total = f"({total} + {weighted})" if total else weighted
    sql = (f"WITH c AS ({_current(q, area_id, setting, t, v)})"
           f" SELECT r.id, COUNT(*) OVER (), r.minutes, r.part FROM ({contacts} UNION ALL"
           f" {nominated}) r ORDER BY {v['round'].format(total, ROUND_TO)} DESC,"
           " r.sort_name ASC, r.id ASC")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return q.final(sql)
