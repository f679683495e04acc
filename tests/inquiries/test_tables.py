# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The list's and the waiting list's rows, written by inquiries.tables (issue 20): each cell as
the templates wrote it (_deadline.html, _waiting_reason.html), in Danish and English, escaped."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from lokalkontakt.inquiries import selectors
from lokalkontakt.inquiries.models import Inquiry
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_state(db):
    """One inquiry of each deadline state and status, with and without an area and a handler,
    and a subject that needs escaping."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    left = EmployeeFactory(name="Ole <Gået>", is_active=False)
    no_email = EmployeeFactory(name="Ida Uden", email="")
    return [
        InquiryFactory(subject='Vej & "sti" <b>', acknowledge_due=today - day, assignee=None),
        InquiryFactory(acknowledge_due=today, assignee=left, area=None),
        InquiryFactory(status=Inquiry.Status.ACKNOWLEDGED, answer_due=today - day,
                       assignee=no_email),
        InquiryFactory(status=Inquiry.Status.ACKNOWLEDGED, answer_due=today + day),
        InquiryFactory(status=Inquiry.Status.ANSWERED),
        InquiryFactory(status=Inquiry.Status.CLOSED),
    ]


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_deadline_cell_is_as_the_template_wrote_it(coordinator_client, every_state,
                                                        language):
    response = coordinator_client.get(reverse("inquiries:list"), {"scope": "all", "status": "any"},
                                      headers={"accept-language": language})
    html = response.content.decode()
    with translation.override(language):
        for inquiry in every_state:
            inquiry.deadline_state = selectors.deadline_state(inquiry)
            cell = render_to_string("inquiries/_deadline.html", {"inquiry": inquiry})
            assert f'<a href="/henvendelser/{inquiry.pk}/">{inquiry.reference}</a>' in html
            assert f'data-title="{"Frist" if language == "da" else "Deadline"}">{cell}</td>' in html
    assert "Vej &amp; &quot;sti&quot; &lt;b&gt;" in html and "<b>" not in html
    assert html.count("<tr>") == 1 + 6  # the header and one row each


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_waiting_reason_is_as_the_template_wrote_it(coordinator_client, every_state,
                                                         language):
    html = coordinator_client.get(reverse("inquiries:waiting"),
                                  headers={"accept-language": language}).content.decode()
    waiting = list(selectors.inquiries_waiting_for_coordinator())
    assert len(waiting) == 4  # no handler, a handler who left, without e-mail, without login
    with translation.override(language):
        for inquiry in waiting:
            inquiry.deadline_state = selectors.deadline_state(inquiry)
            reason = render_to_string("inquiries/_waiting_reason.html", {"inquiry": inquiry})
            deadline = render_to_string("inquiries/_deadline.html", {"inquiry": inquiry})
            assert f">{reason}</td>" in html and f">{deadline}</td>" in html
    assert "Ole &lt;Gået&gt;" in html


# Session, user, roles, the count, the page's keys, its rows, the employee of the user (menu).
WAITING_QUERIES = 7


def test_the_waiting_list_pages_in_deadline_order_in_a_fixed_number_of_queries(
        coordinator_client, django_assert_num_queries):
    """The keys of a page come from the index, then its rows: the same queries with 3 waiting as
    with 55, and the pages follow the answer dates across the page break."""
    today = timezone.localdate()
    for n in range(3):
        InquiryFactory(assignee=None, subject=f"Venter {n:02d}",
                       answer_due=today + datetime.timedelta(days=n))
    with django_assert_num_queries(WAITING_QUERIES):
        first = coordinator_client.get(reverse("inquiries:waiting")).content.decode()
    assert [f"Venter {n:02d}" in first for n in range(3)] == [True] * 3
    for n in range(3, 55):
        InquiryFactory(assignee=None, subject=f"Venter {n:02d}",
                       answer_due=today + datetime.timedelta(days=n))
    with django_assert_num_queries(WAITING_QUERIES):
        first = coordinator_client.get(reverse("inquiries:waiting")).content.decode()
    second = coordinator_client.get(reverse("inquiries:waiting"), {"side": 2}).content.decode()
    order = [int(n) for n in re.findall(r">Venter (\d\d)</td>", first + second)]
    assert order == list(range(55))
    assert "side=2" in first and "55" in first
