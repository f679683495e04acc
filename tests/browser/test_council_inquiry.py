# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A member of Glud's council, signed in with their link, writes to the area's contact from the
council's page: their name and address are filled in, the area is their own. axe on the form."""

import re

import pytest
from django.contrib.auth import get_user_model

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.councils.services import council_member_invite
from lokalkontakt.inquiries.models import Inquiry
from tests.browser.helpers import expect, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_council_member_writes_to_the_contact_from_the_councils_page(page, hedensted):
    glud = LocalArea.objects.get(name="Glud")
    council_member_invite(area=glud, name="Grethe Glud", email="grethe@example.dk",
                          council_name="Glud Lokalråd",
                          actor=get_user_model().objects.get(username="koordinator"))
    invitation = OutgoingEmail.objects.get(to=["grethe@example.dk"])
    page.goto(re.search(r"https?://[^/\s]+(/lokalraad/log-ind/[\w-]+/)", invitation.body).group(1))
    page.get_by_role("button", name=t("Log in"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Glud")

    page.get_by_role("link", name=t("Write to your local contact")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t("Write to the local contact for %(name)s") % {"name": "Glud"})
    expect(page.get_by_label(t("Your name"))).to_have_value("Grethe Glud")
    expect(page.get_by_label(t("Your e-mail"))).to_have_value("grethe@example.dk")
    assert_accessible(page)
    page.get_by_label(t("Subject")).fill("Ny bålhytte ved stranden")
    page.get_by_label(t("Your inquiry")).fill("Vi vil bygge en bålhytte. Hvem taler vi med?")
    page.get_by_label(t("I have read how the municipality processes my personal data")).check()
    page.get_by_role("button", name=t("Send inquiry")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Your inquiry has been sent"))

    inquiry = Inquiry.objects.get(subject="Ny bålhytte ved stranden")
    assert (inquiry.area, inquiry.submitter_kind, inquiry.submitter_name) == (
        glud, Inquiry.SubmitterKind.COUNCIL, "Grethe Glud")
    assert inquiry.shared_with_council
