# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The band: time registration's expectation of a contact. settings.TIME_BAND_MINUTES per working
week (the seed's 1–1½ hours); a period expects the band times its working days / 5, so a week with
public holidays expects its share."""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.workdays import is_working_day

BELOW, WITHIN, ABOVE = "below", "within", "above"
# each status's badge modifier (badge-…) and label, as pages and exports show it
BADGES = {BELOW: ("warning", _("Below the band")), WITHIN: ("success", _("Within the band")),
          ABOVE: ("error", _("Above the band"))}


def working_days(start: datetime.date, end: datetime.date) -> int:
    """Danish working days from start to end, both included."""
    return _working_days(start, end, tuple(settings.WORKDAY_CLOSED_DAYS))


@lru_cache(maxsize=256)
def _working_days(start: datetime.date, end: datetime.date, _closed: tuple) -> int:
    # counted once a process for each period and set of closing days (the overview's band counted
    # the year's days on every request); the closing days are part of the key
    return sum(1 for offset in range((end - start).days + 1)
               if is_working_day(start + datetime.timedelta(days=offset)))


@dataclass
class Band:
    low: int  # minutes the period is expected to take at least
    high: int  # … and at most

    @classmethod
    def of(cls, start: datetime.date, end: datetime.date) -> "Band":
        days = working_days(start, end)
        low, high = settings.TIME_BAND_MINUTES
        return cls(low=round(low * days / 5), high=round(high * days / 5))

    def status(self, minutes: int) -> str:
        if minutes < self.low:
            return BELOW
        return ABOVE if minutes > self.high else WITHIN


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


@dataclass
class Week:
    monday: datetime.date
    minutes: int
    band: Band
    entries: list = field(default_factory=list)

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    @property
    def number(self) -> int:
        return self.monday.isocalendar().week

    @property
    def status(self) -> str:
        return self.band.status(self.minutes)
