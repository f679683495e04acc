# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A council member writes to their area's contact from their home page, with their details
filled in and the area fixed to their own (English UI)."""

import pytest
from django.urls import reverse

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from tests.areas.factories import CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.conftest import english_client, pdf

pytestmark = pytest.mark.django_db

URL = reverse("inquiries:council_new")


@pytest.fixture
def member(setting):
    """The chair of Glud's local council."""
    council = CouncilFactory(area=setting.area, chair_email="rita@example.dk",
                             chair_phone="+45 21 22 23 24")
    return CouncilMemberFactory(council=council, name="Rita Rådsformand",
                                email="rita@example.dk").user


def letter(**overrides) -> dict:
    return {"submitter_name": "Rita Rådsformand", "submitter_email": "rita@example.dk",
            "submitter_phone": "", "subject": "Ny legeplads", "text": "Må vi søge om tilskud?",
            "consent": "on", **overrides}


def test_the_home_page_links_to_the_form(member):
    html = english_client(member).get(reverse("council:home")).content.decode()
    assert f'href="{URL}"' in html
    assert "Write to your local contact" in html


def test_the_form_is_filled_in_with_the_members_details_and_names_the_area(member):
    html = english_client(member).get(URL).content.decode()

    assert "Write to the local contact for Glud" in html
    assert 'value="Rita Rådsformand"' in html
    assert 'value="rita@example.dk"' in html
    assert 'value="+45 21 22 23 24"' in html
    for absent in ['name="area"', 'name="address"', 'name="submitter_kind"', 'name="shared_with_council"',
                   "---------"]:
        assert absent not in html


def test_the_inquiry_is_the_councils_about_its_own_area_and_goes_to_the_contact(member, setting):
    LocalAreaFactory(name="Snaptun")
    client = english_client(member)

    response = client.post(URL, {**letter(), "area": "999"})

    assert response.status_code == 302 and response["Location"] == reverse("inquiries:submitted")
    inquiry = Inquiry.objects.get()
    assert (inquiry.area, inquiry.submitter_kind, inquiry.channel) == (
        setting.area, Inquiry.SubmitterKind.COUNCIL, Inquiry.Channel.WEB_FORM)
    assert inquiry.shared_with_council
    assert inquiry.assignee == setting.contact.employee
    assert OutgoingEmail.objects.filter(to=["rita@example.dk"]).exists()
    # The council follows it on its own list.
    assert "Ny legeplads" in client.get(reverse("inquiries:council_list")).content.decode()


def test_a_missing_subject_is_refused_and_the_files_are_asked_for_again(member):
    response = english_client(member).post(URL, {**letter(subject=""), "files": [pdf("skitse.pdf")]})

    assert response.status_code == 400
    assert ("Your files were not sent because the form had errors: choose them again "
            "(skitse.pdf).") in response.content.decode()
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize("role", ["contact", "anonymous"])
def test_only_council_members_may_use_the_form(setting, role):
    client = english_client(setting.contact if role == "contact" else None)

    response = client.post(URL, letter())

    assert response.status_code == (403 if role == "contact" else 302)
    assert not Inquiry.objects.exists()
