# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The Django admin shows an inquiry read-only and without the citizen: IT staff with admin access
see no name, contact details, text or messages, and change nothing outside the application."""

import pytest
from django.urls import reverse

from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db

CITIZEN = {"submitter_name": "Mette Borger", "submitter_email": "mette.borger@example.dk",
           "submitter_phone": "+45 29 99 12 34", "text": "Min nabo i nr. 7 larmer om natten."}


@pytest.fixture
def inquiry():
    inquiry = InquiryFactory(subject="Støj på Skolevej", **CITIZEN)
    InquiryEvent.objects.create(inquiry=inquiry, kind=InquiryEvent.Kind.FOLLOW_UP, public=True,
                                text="Det er stadig slemt, ring på 29 99 12 34.")
    return inquiry


def test_the_change_page_shows_the_case_but_not_the_citizen(admin_client, inquiry):
    html = admin_client.get(reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])).content.decode()

    assert "Støj på Skolevej" in html
    for private in [*CITIZEN.values(), "ring på 29 99 12 34"]:
        assert private not in html


def test_the_list_does_not_show_the_citizen(admin_client, inquiry):
    html = admin_client.get(reverse("admin:inquiries_inquiry_changelist")).content.decode()

    assert "Støj på Skolevej" in html
    assert "Mette Borger" not in html and "mette.borger@example.dk" not in html


def test_nothing_can_be_changed_added_or_deleted_in_the_admin(admin_client, inquiry):
    change = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])

    response = admin_client.post(change, {"subject": "Ændret", "status": "closed"})

    assert response.status_code == 403
    assert Inquiry.objects.get().subject == "Støj på Skolevej"
    assert admin_client.get(reverse("admin:inquiries_inquiry_add")).status_code == 403
    assert admin_client.get(reverse("admin:inquiries_inquiry_delete",
                                    args=[inquiry.pk])).status_code == 403
