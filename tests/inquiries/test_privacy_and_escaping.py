# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the submitter wrote is shown escaped; their contact details are seen only by staff who
may see the inquiry."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.services.handling import inquiry_comment
from lokalkontakt.inquiries.services.replies import inquiry_reply
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import detail_url, english_client, submit, track_url
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
]


def _submit(area, **fields):
    data = {"area": area, "submitter_kind": "citizen", "subject": "Et emne", "text": "En tekst",
            "submitter_name": "Bo Borger", "submitter_email": "bo@example.dk",
            "client": "192.0.2.30", **fields}
    return inquiry_submit(**data)


def assert_shown_escaped(html: str, payload: str) -> None:
    if escape(payload) != payload:
        assert payload not in html, f"{payload!r} is in the page unescaped"
        assert escape(payload) in html, f"{payload!r} is not shown (escaped) at all"
    else:  # nothing to escape: it must at least never become a link or a source
        assert payload in html
    assert not re.search(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", html, re.I)
    assert not re.search(r"<(?:script|img|svg)[^>]*(?:alert|onerror|onload)", html, re.I)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_escaped_on_the_staff_and_tracking_pages(payload, setting):
    inquiry, token = _submit(setting.area, subject=f"Emne {payload}", text=f"Tekst {payload}",
                             submitter_name=f"Navn {payload}")
    staff = english_client(setting.coordinator)
    inquiry_reply(inquiry=inquiry, text=f"Svar {payload}", actor=setting.coordinator)
    inquiry_comment(inquiry=inquiry, text=f"Note {payload}", actor=setting.coordinator)

    detail = staff.get(detail_url(inquiry))
    assert detail.status_code == 200
    assert_shown_escaped(detail.content.decode(), payload)

    listing = staff.get(reverse("inquiries:list"), {"scope": "all", "status": "any"})
    assert_shown_escaped(listing.content.decode(), payload)

    tracking = english_client().get(track_url(token))
    assert tracking.status_code == 200
    assert_shown_escaped(tracking.content.decode(), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_the_public_form_are_echoed_escaped(payload, browser, setting):
    response = submit(browser, setting.area, subject=payload, text=payload,
                      submitter_name=payload, submitter_email="ikke en adresse")
    assert response.status_code == 400
    assert_shown_escaped(response.content.decode(), payload)


# --- personal data ----------------------------------------------------------------------------


@pytest.fixture
def two_inquiries(setting):
    mine = _submit(setting.area, submitter_email="bo@example.dk", submitter_phone="+45 11 11 11 11")
    other_area = LocalAreaFactory(name="Bjerre")
    AssignmentFactory(area=other_area)
    other = _submit(other_area, subject="Andet emne", submitter_name="Anna Anden",
                    submitter_email="anna.anden@example.dk", submitter_phone="+45 99 99 99 99")
    return mine, other


def test_contact_details_are_shown_to_the_handler_and_the_coordinator(setting, two_inquiries):
    (inquiry, _token), _other = two_inquiries
    for user in [setting.contact, setting.coordinator]:
        html = english_client(user).get(detail_url(inquiry)).content.decode()
        assert "bo@example.dk" in html, user
        assert "+45 11 11 11 11" in html, user


def test_a_deputy_of_the_area_sees_the_inquiry(setting, two_inquiries):
    (inquiry, _token), _other = two_inquiries
    deputy = UserFactory(username="stedfortraeder")
    AssignmentFactory(area=setting.area, employee=EmployeeFactory(user=deputy), deputy=True)
    assert english_client(deputy).get(detail_url(inquiry)).status_code == 200


def test_staff_who_do_not_cover_the_area_get_404(setting, two_inquiries):
    (inquiry, _token), (other, _other_token) = two_inquiries
    # The colleague has no areas; the contact does not cover Bjerre; an ended assignment is
    # no longer cover.
    former = UserFactory(username="tidligere-kontakt")
    AssignmentFactory(area=setting.area, employee=EmployeeFactory(user=former), deputy=True,
                      ended=True)
    for user, target in [(setting.colleague, inquiry), (setting.contact, other), (former, inquiry)]:
        response = english_client(user).get(detail_url(target))
        assert response.status_code == 404, user
        html = response.content.decode()
        assert target.submitter_email not in html and target.subject not in html


def test_the_tracking_page_never_shows_contact_details(setting, two_inquiries):
    (inquiry, token), (other, other_token) = two_inquiries
    for shown, hidden, page_token in [(inquiry, other, token), (other, inquiry, other_token)]:
        html = english_client().get(track_url(page_token)).content.decode()
        assert shown.subject in html
        for secret in [hidden.submitter_email, hidden.submitter_phone, hidden.submitter_name,
                       hidden.subject, shown.submitter_email, shown.submitter_phone]:
            assert secret not in html, f"{secret!r} on the tracking page of {shown.reference}"


def test_the_tracking_token_is_not_stored(setting, two_inquiries):
    (inquiry, token), _other = two_inquiries
    row = Inquiry.objects.filter(pk=inquiry.pk).values().get()
    assert token not in {str(value) for value in row.values()}


def test_the_tracking_page_keeps_its_link_on_this_site_and_out_of_caches(setting):
    """same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with the
    follow-up form, and Django's CSRF check refuses it (tests/browser/test_inquiry_path.py)."""
    _inquiry, token = _submit(setting.area)
    client = english_client()

    for response, status in [(client.get(track_url(token)), 200),
                             (client.post(track_url(token), {"text": ""}), 400)]:
        assert response.status_code == status
        assert response["Referrer-Policy"] == "same-origin"
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= cache_control
