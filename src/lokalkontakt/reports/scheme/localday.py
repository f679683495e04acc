# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The local day of a timestamp, compared with a date column or counted from one, without a
function call per row on SQLite.

TruncDate on SQLite calls a Python function for every row (django_datetime_cast_date): 1.9 s
of the scheme's report over two years of 100,000 inquiries (issue 20). Where the time zone's
offsets from UTC lie within [lo, hi] (0 <= lo <= hi < 24 h; Europe/Copenhagen: 1 h and 2 h),
the local day of a UTC timestamp is its UTC day when its UTC time is before 24 h - hi and the
next day from 24 h - lo; only timestamps in between (an hour a day in Denmark) need the exact
conversion, which stays Django's own. SQLite stores a timestamp as 'YYYY-MM-DD HH:MM:SS[.f]'
in UTC and a date as 'YYYY-MM-DD', so both tests are string comparisons. PostgreSQL (and a time
zone west of UTC) keeps TruncDate, which PostgreSQL converts natively."""

import datetime
import functools
import zoneinfo

from django.db.models import BooleanField, Func, IntegerField
from django.db.models.functions import TruncDate
from django.utils import timezone

FIRST_YEAR, LAST_YEAR = 1970, 2200


@functools.lru_cache(maxsize=8)
def offset_bounds(tzname: str) -> tuple[datetime.timedelta, datetime.timedelta] | None:
    """The least and greatest offset from UTC of the time zone (sampled every 12 hours from
    FIRST_YEAR to LAST_YEAR: no offset lasts shorter), or None unless both are within [0, 24 h)."""
    try:
        zone = zoneinfo.ZoneInfo(tzname)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    moment = datetime.datetime(FIRST_YEAR, 1, 1, tzinfo=datetime.UTC)
    last = datetime.datetime(LAST_YEAR, 1, 1, tzinfo=datetime.UTC)
    offsets = set()
    while moment < last:
        offsets.add(moment.astimezone(zone).utcoffset())
        moment += datetime.timedelta(hours=12)
    low, high = min(offsets), max(offsets)
    if low < datetime.timedelta(0) or high >= datetime.timedelta(days=1):
        return None
    return low, high


def _clock(offset: datetime.timedelta) -> str:
    """24 h - offset as 'HH:MM:SS' ('24:00:00', after every time of day, for no offset)."""
    seconds = int((datetime.timedelta(days=1) - offset).total_seconds())
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _thresholds():
    bounds = offset_bounds(timezone.get_current_timezone_name())
    return None if bounds is None else (_clock(bounds[1]), _clock(bounds[0]))


class LocalDayOnOrBefore(Func):
    """True when the local day of `moment` (a timestamp) is on or before `day` (a date); NULL
    (not counted) for no moment."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra):
        moment, day = self.source_expressions
        moment_sql, moment_params = compiler.compile(moment)
        day_sql, day_params = compiler.compile(day)
        exact_sql, exact_params = compiler.compile(TruncDate(moment))
        return f"({exact_sql} <= {day_sql})", (*exact_params, *day_params)

    def as_sqlite(self, compiler, connection, **extra):
        thresholds = _thresholds()
        if thresholds is None:
            return self.as_sql(compiler, connection, **extra)
        before, after = thresholds
        moment, day = self.source_expressions
        m, m_params = compiler.compile(moment)
        d, d_params = compiler.compile(day)
        exact, exact_params = compiler.compile(TruncDate(moment))
        # CASE, not OR: SQLite evaluates both sides of an OR in a selected column (as Django
        # selects an alias in an aggregate's subquery), but only the branch a CASE takes.
        sql = (f"CASE WHEN {m} IS NULL THEN NULL WHEN {m} < ({d} || ' {before}') THEN 1 "
               f"WHEN {m} >= ({d} || ' {after}') THEN 0 ELSE {exact} <= {d} END")
        return sql, (*m_params, *m_params, *d_params, *m_params, *d_params, *exact_params,
                     *d_params)


class DaysFrom(Func):
    """Calendar days from `day` (a date) to the local day of `moment` (a timestamp)."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra):  # PostgreSQL: date - date is whole days
        moment, day = self.source_expressions
        exact_sql, exact_params = compiler.compile(TruncDate(moment))
        day_sql, day_params = compiler.compile(day)
        return f"({exact_sql} - {day_sql})", (*exact_params, *day_params)

    def as_sqlite(self, compiler, connection, **extra):
        thresholds = _thresholds()
        moment, day = self.source_expressions
        m, m_params = compiler.compile(moment)
        d, d_params = compiler.compile(day)
        exact, exact_params = compiler.compile(TruncDate(moment))
        if thresholds is None:
            return (f"CAST(julianday({exact}) - julianday({d}) AS INTEGER)",
                    (*exact_params, *d_params))
        before, after = thresholds
        sql = (f"CAST(julianday(substr({m}, 1, 10)) - julianday({d}) + CASE "
               f"WHEN substr({m}, 12) < '{before}' THEN 0 WHEN substr({m}, 12) >= '{after}' THEN 1 "
               f"ELSE julianday({exact}) - julianday(substr({m}, 1, 10)) END AS INTEGER)")
        return sql, (*m_params, *d_params, *m_params, *m_params, *exact_params, *m_params)
