# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The Python interface the API calls: the cases each user may see, or every case without one."""

import pytest
from django.http import Http404

from lokalkontakt.journal.selectors import case_for, pending_cases


def test_without_a_user_every_waiting_case_oldest_first(inquiry, consultation):
    cases = pending_cases()
    assert [(case.kind, case.pk) for case in cases] == [
        ("inquiry", inquiry.pk), ("consultation", consultation.pk)]
    assert [case.kind for case in pending_cases(kind="consultation")] == ["consultation"]


def test_a_user_gets_the_cases_the_apps_let_them_see(inquiry, consultation, contact_user,
                                                     colleague, coordinator):
    assert [case.reference for case in pending_cases(user=contact_user)] == [inquiry.reference]
    assert pending_cases(user=colleague) == []
    assert len(pending_cases(user=coordinator)) == 2
    with pytest.raises(Http404):
        case_for("inquiry", inquiry.pk, user=colleague)
    with pytest.raises(Http404):
        case_for("consultation", consultation.pk, user=contact_user)
    with pytest.raises(Http404):
        case_for("note", inquiry.pk)


def test_the_period_is_inclusive(inquiry):
    day = inquiry.received_on
    assert pending_cases(since=day, until=day)[0].pk == inquiry.pk
    assert pending_cases(until=day.replace(year=day.year - 1)) == []
