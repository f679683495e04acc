# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator invites a member of Glud's council; the member follows the link from the
e-mail in their own browser, confirms and lands on the council's page. axe on each page."""

import re

import pytest

from lokalkontakt.core.models import OutgoingEmail
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_invited_council_member_logs_in_with_the_link(page, hedensted, new_page):
    log_in(page, "koordinator")
    page.goto("/omraader/glud/")
    page.get_by_role("link", name=t("Council members with access")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t("Council members in %(name)s") % {"name": "Glud"})
    assert_accessible(page)
    # Glud has no council in the demo data: the first invitation creates it.
    page.get_by_label(t("Name"), exact=True).fill("Grethe Glud")
    page.get_by_label(t("E-mail"), exact=True).fill("grethe@example.dk")
    page.get_by_label(t("Council's name"), exact=True).fill("Glud Lokalråd")
    page.get_by_role("button", name=t("Invite"), exact=True).click()
    expect(page.get_by_role("cell", name="grethe@example.dk")).to_be_visible()
    expect(page.get_by_role("cell", name=t("Invited"), exact=True)).to_be_visible()

    invitation = OutgoingEmail.objects.get(to=["grethe@example.dk"])
    link = re.search(r"https?://[^/\s]+(/lokalraad/log-ind/[\w-]+/)", invitation.body).group(1)

    member = new_page()
    member.goto(link)
    expect(member.get_by_role("heading", level=1)).to_have_text(t("Log in as a council member"))
    assert_accessible(member)
    member.get_by_role("button", name=t("Log in"), exact=True).click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Glud")
    expect(member.get_by_role("link", name=t("Our council"))).to_be_visible()
    assert_accessible(member)

    # The link has been used: opening it again says so.
    member.goto(link)
    expect(member.get_by_role("heading", level=1)).to_have_text(t("The link is no longer valid"))
    assert_accessible(member)
    page.reload()
    expect(page.get_by_role("cell", name=t("Has logged in"))).to_be_visible()


def test_council_login_page_is_accessible(page, hedensted):
    page.goto("/log-ind/")
    page.get_by_role("link", name=t("Log in with a link by e-mail")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Log in as a council member"))
    assert_accessible(page)
    page.get_by_label(t("Your e-mail"), exact=True).fill("nogen@example.dk")
    page.get_by_role("button", name=t("Send me a login link")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Check your e-mail"))
    assert_accessible(page)
