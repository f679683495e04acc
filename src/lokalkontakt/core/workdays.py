# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Danish working days: weekends, Danish public holidays (the `holidays` package) and the days
the municipality closes besides (settings.WORKDAY_CLOSED_DAYS, "MM-DD", by default
Grundlovsdag, juleaftensdag and nytårsaftensdag) are not working days."""

import datetime
from functools import lru_cache

import holidays
from django.conf import settings


@lru_cache(maxsize=64)
def _closed_days(year: int, extra: tuple[str, ...]) -> frozenset[datetime.date]:
    days = set(holidays.Denmark(years=year))
    for month_day in extra:
        month, day = (int(part) for part in month_day.split("-"))
        days.add(datetime.date(year, month, day))
    return frozenset(days)


def is_working_day(day: datetime.date) -> bool:
    """True on Monday–Friday unless a Danish public holiday or a configured closing day."""
    if day.weekday() >= 5:
        return False
    return day not in _closed_days(day.year, tuple(settings.WORKDAY_CLOSED_DAYS))


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (start itself is not counted).

    With days=0 the result is start, or the next working day when start is not one.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    if days == 0:
        while not is_working_day(current):
            current += datetime.timedelta(days=1)
        return current
    while days:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            days -= 1
    return current


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (negative when end is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    return sum(
        1 for offset in range(1, (end - start).days + 1)
        if is_working_day(start + datetime.timedelta(days=offset))
    )
