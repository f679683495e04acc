# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the scheme report's sections share: the span a day ends at, shares and the
(this period, the period before) pair of filters every count is made with."""

import datetime

from django.db.models import Q
from django.utils import timezone

from lokalkontakt.reports.period import Period


def day_end(day: datetime.date) -> datetime.datetime:
    """The first moment after `day` in the local time zone: a timestamp before it is on or
    before the day."""
    tz = timezone.get_current_timezone()
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min,
                                     tzinfo=tz)


def last_day(period: Period) -> datetime.date:
    """The period's last day, or today while the period is still running: what is open, overdue
    or covered "at the end of the period" is never counted at a day still to come."""
    return min(period.end, timezone.localdate())


def in_days(field: str, period: Period) -> Q:
    """A date field within the period, both ends included."""
    return Q(**{f"{field}__range": (period.start, period.end)})


def in_time(field: str, period: Period) -> Q:
    """A timestamp within the period's local days."""
    start, end = period.aware_bounds()
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def share(part, whole):
    """part / whole as a fraction, or None when there is nothing to share."""
    return part / whole if whole else None


def pairs(period: Period) -> tuple[Period, Period]:
    """The period and the one it is compared with."""
    return period, period.previous()
