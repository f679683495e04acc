# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The days of a meeting series, wall-clock times across the changes to and from summer time, and
the Danish public holidays and closing days a meeting can fall on."""

import datetime

from django.utils import translation

from lokalkontakt.meetings.models import Ordinal, Weekday
from lokalkontakt.meetings.schedule import holiday_name, local_datetime, series_dates
from tests.conftest import site_text

TWO_PM = datetime.time(14)


def test_every_other_month_on_the_first_tuesday():
    days = series_dates(first_month=datetime.date(2027, 1, 1), interval_months=2,
                        weekday=Weekday.TUESDAY, ordinal=Ordinal.FIRST, months=12)

    assert days == [datetime.date(2027, 1, 5), datetime.date(2027, 3, 2),
                    datetime.date(2027, 5, 4), datetime.date(2027, 7, 6),
                    datetime.date(2027, 9, 7), datetime.date(2027, 11, 2)]
    assert {day.weekday() for day in days} == {Weekday.TUESDAY}


def test_a_series_runs_on_into_the_next_year():
    days = series_dates(first_month=datetime.date(2026, 11, 1), interval_months=2,
                        weekday=Weekday.TUESDAY, ordinal=Ordinal.FIRST, months=6)

    assert days == [datetime.date(2026, 11, 3), datetime.date(2027, 1, 5),
                    datetime.date(2027, 3, 2)]


def test_ordinal_minus_one_is_the_last_weekday_of_the_month():
    days = series_dates(first_month=datetime.date(2027, 1, 1), interval_months=3,
                        weekday=Weekday.FRIDAY, ordinal=Ordinal.LAST, months=12)

    # January and April 2027 have five Fridays, July and October four: the last one each time.
    assert days == [datetime.date(2027, 1, 29), datetime.date(2027, 4, 30),
                    datetime.date(2027, 7, 30), datetime.date(2027, 10, 29)]


def test_the_third_wednesday_of_every_month():
    days = series_dates(first_month=datetime.date(2027, 1, 1), interval_months=1,
                        weekday=Weekday.WEDNESDAY, ordinal=Ordinal.THIRD, months=12)

    assert len(days) == 12
    assert [day.month for day in days] == list(range(1, 13))
    assert all(15 <= day.day <= 21 and day.weekday() == Weekday.WEDNESDAY for day in days)
    assert days[0] == datetime.date(2027, 1, 20)


def test_every_six_months_gives_two_meetings_a_year():
    days = series_dates(first_month=datetime.date(2027, 2, 1), interval_months=6,
                        weekday=Weekday.MONDAY, ordinal=Ordinal.SECOND, months=12)

    assert days == [datetime.date(2027, 2, 8), datetime.date(2027, 8, 9)]


def test_the_fourth_weekday_exists_in_every_month():
    days = series_dates(first_month=datetime.date(2027, 1, 1), interval_months=1,
                        weekday=Weekday.THURSDAY, ordinal=Ordinal.FOURTH, months=12)

    assert len(days) == 12
    assert all(22 <= day.day <= 28 for day in days)


def test_two_pm_in_march_before_summer_time_is_one_hour_ahead_of_utc():
    moment = local_datetime(datetime.date(2027, 3, 23), TWO_PM)  # summer time starts 28 March

    assert moment.isoformat() == "2027-03-23T14:00:00+01:00"
    assert moment.astimezone(datetime.UTC).time() == datetime.time(13)


def test_two_pm_in_march_after_summer_time_began_is_two_hours_ahead_of_utc():
    moment = local_datetime(datetime.date(2027, 3, 30), TWO_PM)

    assert moment.isoformat() == "2027-03-30T14:00:00+02:00"
    assert moment.astimezone(datetime.UTC).time() == datetime.time(12)


def test_two_pm_in_october_before_and_after_summer_time_ends():
    before = local_datetime(datetime.date(2027, 10, 26), TWO_PM)  # summer time ends 31 October
    after = local_datetime(datetime.date(2027, 11, 2), TWO_PM)

    assert before.isoformat() == "2027-10-26T14:00:00+02:00"
    assert after.isoformat() == "2027-11-02T14:00:00+01:00"
    # a week and the hour given back: the same wall clock, one more hour of real time
    assert after.astimezone(datetime.UTC) - before.astimezone(datetime.UTC) == datetime.timedelta(
        days=7, hours=1)


def test_ascension_day_is_a_holiday():
    with translation.override("da"):
        assert holiday_name(datetime.date(2027, 5, 6)) == "Kristi himmelfartsdag"


def test_whit_monday_is_a_holiday():
    with translation.override("da"):
        assert holiday_name(datetime.date(2027, 5, 17)) == "Anden pinsedag"


def test_the_holiday_is_named_in_english_for_an_english_page():
    with translation.override("en"):
        assert holiday_name(datetime.date(2027, 5, 6)) == "Ascension Day"


def test_christmas_eve_is_a_closing_day_of_the_municipality(settings):
    assert "12-24" in settings.WORKDAY_CLOSED_DAYS

    with translation.override("da"):
        name = holiday_name(datetime.date(2027, 12, 24))

    assert name == site_text("a day the municipality is closed")


def test_a_closing_day_comes_from_the_settings(settings):
    settings.WORKDAY_CLOSED_DAYS = ["08-13"]

    with translation.override("en"):
        assert holiday_name(datetime.date(2027, 8, 13)) == "a day the municipality is closed"
        assert holiday_name(datetime.date(2027, 12, 24)) == ""


def test_an_ordinary_tuesday_is_no_holiday():
    with translation.override("da"):
        assert holiday_name(datetime.date(2027, 3, 2)) == ""
