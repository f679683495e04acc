# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""When an inquiry counts as answered: closing it sends the outcome to the submitter, so an
inquiry closed without a reply of its own was answered (and acknowledged) when it was closed.
The median of an even number of answers is the mean of the two middle ones."""

import pytest

from lokalkontakt.reports.period import Period
from lokalkontakt.reports.scheme import build_scheme_report
from tests.reports.scheme_world import D, inquiry
from tests.reports.test_scheme_inquiries import figures, rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
YEAR = Period.year(2025)


def test_an_inquiry_closed_without_a_reply_was_acknowledged_and_answered_when_closed():
    inquiry(received_on=D(2025, 3, 3), closed=D(2025, 3, 4))  # Monday; closed on Tuesday

    report = build_scheme_report(YEAR)

    assert rows(report, "inquiries_in_time") == {
        "Acknowledged in time": [1.0, None], "Answered in time": [1.0, None]}
    assert figures(report, "inquiries")["Median days to answer"] == (1, None)


def test_the_median_of_an_even_number_is_the_mean_of_the_two_middle_ones():
    inquiry(received_on=D(2025, 3, 3), acknowledged=D(2025, 3, 3), answered=D(2025, 3, 4))  # 1
    inquiry(received_on=D(2025, 3, 3), acknowledged=D(2025, 3, 3), answered=D(2025, 3, 12))  # 9

    assert figures(build_scheme_report(YEAR), "inquiries")["Median days to answer"] == (5, None)
