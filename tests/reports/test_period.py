# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import datetime

import pytest

from lokalkontakt.reports.period import Period, PeriodForm

D = datetime.date


def test_a_year_is_compared_with_the_year_before():
    assert Period.year(2026).previous() == Period.year(2025)


def test_the_first_quarter_is_compared_with_the_last_quarter_of_the_year_before():
    assert Period.quarter(2026, 1).previous() == Period(D(2025, 10, 1), D(2025, 12, 31), "quarter")


def test_march_is_compared_with_february_of_a_leap_year():
    assert Period.month(2028, 3).previous() == Period(D(2028, 2, 1), D(2028, 2, 29), "month")


def test_january_is_compared_with_december_before():
    assert Period.month(2026, 1).previous() == Period(D(2025, 12, 1), D(2025, 12, 31), "month")


def test_any_other_span_is_compared_with_as_many_days_just_before():
    period = Period(D(2026, 3, 10), D(2026, 3, 19))
    assert period.previous() == Period(D(2026, 2, 28), D(2026, 3, 9))


def test_a_period_that_ends_before_it_starts_is_refused_with_a_message():
    form = PeriodForm({"kind": "custom", "start": "2026-03-10", "end": "2026-03-01"})
    assert not form.is_valid()
    assert form.non_field_errors() == ["Perioden skal slutte samme dag eller efter den dag, den begynder."]


def test_a_quarter_is_read_from_the_query():
    form = PeriodForm({"kind": "quarter", "year": "2025", "quarter": "2"})
    assert form.is_valid()
    assert form.cleaned_data["period"] == Period(D(2025, 4, 1), D(2025, 6, 30), "quarter")


@pytest.mark.django_db
def test_days_outside_the_years_a_report_covers_are_refused_not_a_server_error(client):
    for start, end in [("0001-01-01", "0001-01-05"), ("9999-12-25", "9999-12-31")]:
        form = PeriodForm({"kind": "custom", "start": start, "end": end})
        assert not form.is_valid()
        assert form.non_field_errors() == ["Vælg dage mellem årene 2000 og 2100."]
        response = client.get("/rapporter/offentlig/", {"kind": "custom", "start": start, "end": end})
        assert response.status_code == 200
