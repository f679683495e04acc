# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A period that is still running (this year, this quarter) is counted up to today: nothing is
overdue or covered "at the end of the period" on a day still to come."""

import datetime

import pytest
from django.utils import timezone

from lokalkontakt.reports.period import Period
from lokalkontakt.reports.scheme import build_scheme_report
from tests.reports.scheme_world import build_areas, inquiry
from tests.reports.test_scheme_inquiries import figures, rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def running() -> Period:
    today = timezone.localdate()
    return Period(today - datetime.timedelta(days=40), today + datetime.timedelta(days=60))


def test_an_inquiry_whose_deadline_is_still_ahead_is_open_but_not_overdue():
    today = timezone.localdate()
    late = inquiry(received_on=today - datetime.timedelta(days=30))  # its deadline has passed
    ahead = inquiry(received_on=today)  # answer due in ten working days
    assert late.answer_due < today < ahead.answer_due

    found = figures(build_scheme_report(running()), "inquiries")

    assert found["Open at the end of the period"][0] == 2
    assert found["Overdue at the end of the period"][0] == 1


def test_coverage_month_by_month_stops_at_today():
    build_areas()
    today = timezone.localdate()

    months = rows(build_scheme_report(running()), "coverage_by_month")

    assert len(months) in (2, 3)  # the months from 40 days ago up to this one, none to come
    assert list(months)[-1] == f"{today:%B} {today.year}"


def test_a_running_periods_time_band_counts_the_weeks_up_to_today(settings):
    from lokalkontakt.timesheets.capacity import Band
    from tests.areas.factories import AssignmentFactory
    from tests.people.factories import CoreAreaFactory, EmployeeFactory

    AssignmentFactory(employee=EmployeeFactory(core_area=CoreAreaFactory(name="Kultur")),
                      starts_on=timezone.localdate() - datetime.timedelta(days=100))
    period = running()

    [row] = rows(build_scheme_report(period), "time").values()

    so_far = Band.of(period.start, timezone.localdate())
    assert row[0] == 1  # the contact counts today
    assert row[3] == round(so_far.low / 60, 1) < round(Band.of(period.start, period.end).low / 60, 1)
