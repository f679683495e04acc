# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Dates of a meeting series and what falls on them. Times are wall-clock times in the site's time
zone (Europe/Copenhagen): 14:00 stays 14:00 across the changes to and from summer time."""

import calendar
import datetime
import functools
import zoneinfo

import holidays
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> datetime.date | None:
    """The `ordinal`th (1–4, or -1 for the last) `weekday` (0 = Monday) of the month."""
    days = [day for day in calendar.Calendar().itermonthdates(year, month)
            if day.month == month and day.weekday() == weekday]
    if ordinal == -1:
        return days[-1]
    return days[ordinal - 1] if ordinal <= len(days) else None


def _add_months(day: datetime.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def series_dates(*, first_month: datetime.date, interval_months: int, weekday: int, ordinal: int,
                 months: int) -> list[datetime.date]:
    """The meeting days from `first_month` on, every `interval_months`, within `months` months."""
    dates = []
    for offset in range(0, months, interval_months):
        year, month = _add_months(first_month, offset)
        if (day := nth_weekday(year, month, weekday, ordinal)) is not None:
            dates.append(day)
    return dates


def local_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """The aware moment of a wall-clock time on a day in the site's time zone."""
    return datetime.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


@functools.lru_cache(maxsize=16)
def _holidays(year: int, language: str) -> dict:
    """The year's Danish public holidays named in the language, worked out once a process (a
    meeting's page asks each time: ~0.5 ms a year)."""
    return dict(holidays.Denmark(years=year, language=language))


def holiday_name(day: datetime.date) -> str:
    """The Danish public holiday on `day` in the active language, a closing day of the
    municipality's (settings.WORKDAY_CLOSED_DAYS), or "" on an ordinary day."""
    language = "da" if (get_language() or "da").startswith("da") else "en_US"
    name = _holidays(day.year, language).get(day)
    if name:
        return name
    if day.strftime("%m-%d") in settings.WORKDAY_CLOSED_DAYS:
        return _("a day the municipality is closed")
    return ""
