# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lokalkontakt.core.workdays import add_working_days, is_working_day, working_days_between

D = datetime.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 11, 23), True),  # a Monday
        (D(2026, 11, 28), False),  # Saturday
        (D(2026, 4, 2), False),  # Skærtorsdag
        (D(2026, 4, 3), False),  # Langfredag
        (D(2026, 4, 6), False),  # 2. påskedag
        (D(2026, 5, 14), False),  # Kristi himmelfartsdag
        (D(2026, 5, 25), False),  # 2. pinsedag
        (D(2026, 6, 5), False),  # Grundlovsdag (configured closing day)
        (D(2026, 12, 24), False),  # Juleaftensdag (configured closing day)
        (D(2026, 5, 1), True),  # 1 May is not a public holiday
        (D(2024, 4, 26), True),  # Store bededag, abolished from 2024
        (D(2023, 5, 5), False),  # Store bededag in 2023
    ],
)
def test_danish_working_days(day, expected):
    assert is_working_day(day) is expected


def test_two_working_days_over_easter_skip_the_holidays():
    assert add_working_days(D(2026, 4, 1), 2) == D(2026, 4, 8)


def test_ten_working_days_over_christmas_and_new_year():
    # 18 Dec 2026 is a Friday; 24, 25, 26 (Sat) Dec, 31 Dec and 1 Jan are closed.
    assert add_working_days(D(2026, 12, 18), 10) == D(2027, 1, 7)


def test_zero_days_from_a_holiday_is_the_next_working_day():
    assert add_working_days(D(2026, 12, 25), 0) == D(2026, 12, 28)


def test_closing_days_are_configurable(settings):
    settings.WORKDAY_CLOSED_DAYS = []

    assert is_working_day(D(2026, 12, 24)) is True


@given(st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31)), st.integers(0, 40))
def test_adding_n_working_days_counts_n_between(start, days):
    end = add_working_days(start, days)

    assert is_working_day(end)
    assert working_days_between(start, end) == days or (days == 0 and not is_working_day(start))
