# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The scheme report's inquiry figures against the hand-counted world of scheme_world."""

import pytest

from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.reports.period import Period
from lokalkontakt.reports.scheme import build_scheme_report
from tests.reports.scheme_world import D, build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def report():
    build_world()
    return build_scheme_report(Period.year(2024))


def section(report, key):
    return next(s for s in report.sections if s.key == key)


def table(report, key):
    return next(t for t in report.tables() if t.key == key)


def figures(report, key):
    return {f.label: (f.value, f.before) for f in section(report, key).key_figures()}


def rows(report, key):
    return {str(row[0]): row[1:] for row in table(report, key).rows}


def test_deadlines_across_easter_and_christmas_are_counted_in_working_days():
    build_world()
    easter = Inquiry.objects.get(received_on=D(2024, 3, 26))
    christmas = Inquiry.objects.get(received_on=D(2023, 12, 22))
    assert (easter.acknowledge_due, easter.answer_due) == (D(2024, 4, 2), D(2024, 4, 12))
    assert (christmas.acknowledge_due, christmas.answer_due) == (D(2023, 12, 28), D(2024, 1, 10))


def test_inquiries_received_are_counted_in_the_period_and_the_one_before(report):
    assert figures(report, "inquiries")["Inquiries received"] == (4, 1)


def test_inquiries_on_the_last_working_day_before_the_deadline_count_as_in_time(report):
    assert rows(report, "inquiries_in_time") == {
        "Acknowledged in time": [0.75, 1.0], "Answered in time": [0.5, 1.0]}


def test_the_median_days_to_answer_is_the_middle_of_those_answered(report):
    assert figures(report, "inquiries")["Median days to answer"] == (17, 19)


def test_open_and_overdue_are_counted_at_the_end_of_each_period(report):
    found = figures(report, "inquiries")
    assert found["Open at the end of the period"] == (1, 1)
    assert found["Overdue at the end of the period"] == (1, 0)


def test_untagged_inquiries_have_their_own_row_and_share(report):
    by_focus = rows(report, "inquiries_by_focus_area")
    assert by_focus["Kultur"] == [2, 0]
    assert by_focus["Smidige processer"] == [1, 0]
    assert by_focus["Without a focus area"] == [2, 1]
    assert figures(report, "inquiries")["Without a focus area"] == (0.5, 1.0)


def test_inquiries_are_counted_by_area_with_a_row_for_those_without_one(report):
    assert rows(report, "inquiries_by_area") == {"Glud": [2, 1], "Hvirring": [1, 0],
                                                  "No area": [1, 0]}


def test_inquiries_are_counted_by_who_wrote_and_by_channel(report):
    assert rows(report, "inquiries_by_submitter") == {
        "Citizen": [2, 1], "Association": [1, 0], "Business": [0, 0], "Local council": [1, 0]}
    by_channel = rows(report, "inquiries_by_channel")
    assert [by_channel[name] for name in ["Web form", "Phone", "E-mail", "Letter"]] == [
        [1, 1], [1, 0], [1, 0], [1, 0]]
