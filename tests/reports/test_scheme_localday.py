# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The local day of a timestamp in SQL (reports.scheme.localday) against Python's localdate, at
the hours around local midnight, across the changes to and from summer time, and in time zones
east and west of UTC; and the median of the days to answer counted from their histogram."""

import datetime

import pytest
from django.utils import timezone

from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.reports.scheme.inquiries import median_days
from lokalkontakt.reports.scheme.localday import DaysFrom, LocalDayOnOrBefore, offset_bounds
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
DAYS = [datetime.date(2024, 1, 15), datetime.date(2024, 3, 30), datetime.date(2024, 3, 31),
        datetime.date(2024, 7, 1), datetime.date(2024, 10, 26), datetime.date(2024, 10, 27)]
CLOCKS = [datetime.time(0, 0), datetime.time(12, 0), datetime.time(21, 59, 59),
          datetime.time(22, 0), datetime.time(22, 30), datetime.time(22, 59, 59, 500000),
          datetime.time(23, 0), datetime.time(23, 30), datetime.time(23, 59, 59, 999999)]


def _world():
    """For each day and clock an inquiry answered then (UTC), due that day and the day before,
    and one never answered."""
    made = []
    for day in DAYS:
        for clock in CLOCKS:
            at = datetime.datetime.combine(day, clock, tzinfo=UTC)
            for due in (day, day - datetime.timedelta(days=1)):
                made.append(InquiryFactory(area=None, answered_at=at, answer_due=due,
                                           received_on=day - datetime.timedelta(days=3)))
    made.append(InquiryFactory(area=None, answered_at=None))
    return made


def _drawn():
    return {row["pk"]: (row["in_time"], row["days"]) for row in Inquiry.objects.annotate(
        in_time=LocalDayOnOrBefore("answered_at", "answer_due"),
        days=DaysFrom("answered_at", "received_on")).values("pk", "in_time", "days")}


@pytest.mark.parametrize("zone", ["Europe/Copenhagen", "UTC", "Asia/Kolkata", "America/New_York"])
def test_the_local_day_in_sql_is_the_local_day_in_python(zone):
    made = _world()
    with timezone.override(zone):
        drawn = _drawn()
        for inquiry in made:
            if inquiry.answered_at is None:
                assert drawn[inquiry.pk] == (None, None)
                continue
            local = timezone.localtime(inquiry.answered_at).date()
            in_time, days = drawn[inquiry.pk]
            assert (bool(in_time), days) == (local <= inquiry.answer_due,
                                             (local - inquiry.received_on).days), \
                (zone, inquiry.answered_at, inquiry.answer_due)


def test_only_time_zones_east_of_utc_take_the_short_way():
    assert offset_bounds("Europe/Copenhagen") == (datetime.timedelta(hours=1),
                                                  datetime.timedelta(hours=2))
    assert offset_bounds("UTC") == (datetime.timedelta(0), datetime.timedelta(0))
    assert offset_bounds("America/New_York") is None


@pytest.mark.parametrize(("counts", "median"), [
    ({}, None), ({4: 1}, 4), ({1: 1, 9: 1}, 5), ({0: 2, 3: 1}, 0), ({2: 1, 3: 1, 7: 2}, 5),
    ({5: 3, 1: 2}, 5), ({1: 2, 4: 2}, 2.5)])
def test_the_median_days_come_from_their_counts(counts, median):
    assert median_days(counts) == median
