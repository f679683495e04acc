# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's start page after a citizen writes to an area whose contact has no e-mail
address: the inquiry waits in "Inquiries waiting for you", with the reason, at 1280 and 320 px."""

import re

import pytest

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.inquiries.models import Inquiry
from tests.browser.helpers import expect, log_in, read, screenshot, t
from tests.browser.test_accessibility import assert_accessible
from tests.browser.test_reflow import WIDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NARROW = {"width": 320, "height": 640}
SUBJECT = "Legepladsen mangler en gynge"
# What in the page's content sticks out to the right of the window, outside a box that scrolls
# (test_reflow's rule, for the content: the header's menu is rebuilt elsewhere, issue 17 item 4).
WIDE_CONTENT = WIDE.replace("document.body.querySelectorAll('*')",
                            "document.querySelector('main').querySelectorAll('*')")


def area_with_a_contact_without_email() -> LocalArea:
    """The first area (Danish order) with a primary contact; their e-mail address removed."""
    area = (LocalArea.objects.filter(assignments__role="primary", assignments__ends_on__isnull=True)
            .order_by("sort_name").first())
    contact = area.primary_assignment.employee
    contact.email = ""
    contact.save()
    return area


def send_inquiry(page, area: LocalArea):
    page.goto(area.get_absolute_url())
    page.get_by_role("link", name=t("Send an inquiry about %(name)s") % {"name": area.name}).click()
    page.get_by_label(t("Citizen"), exact=True).check()
    page.get_by_label(t("Subject")).fill(SUBJECT)
    page.get_by_label(t("Your inquiry")).fill("Den gamle gynge blev taget ned i foråret.")
    page.get_by_label(t("Your name")).fill("Birthe Borger")
    page.get_by_label(t("Your e-mail")).fill("birthe@example.dk")
    page.get_by_label(t("I have read how the municipality processes my personal data")).check()
    page.get_by_role("button", name=t("Send inquiry")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Your inquiry has been sent"))


def waiting_block(page):
    heading = page.get_by_role("heading", name=re.compile(re.escape(t("Inquiries waiting for you"))))
    return page.get_by_role("region").filter(has=heading)


def test_the_coordinator_sees_an_inquiry_whose_contact_has_no_email(new_page, hedensted):
    area = area_with_a_contact_without_email()
    contact = area.primary_assignment.employee
    send_inquiry(new_page(), area)
    inquiry = Inquiry.objects.get(subject=SUBJECT)
    assert inquiry.assignee == contact  # routed to the contact, who was never told

    page = new_page()
    log_in(page, "koordinator")  # lands on the start page

    expect(page.get_by_role("heading", level=1)).to_have_text(t("My overview"))
    expect(page.get_by_role("link", name=t("My overview"), exact=True)).to_have_attribute(
        "aria-current", "page")
    block = waiting_block(page)
    expect(block).to_contain_text(f"{inquiry.reference}: {SUBJECT}")
    expect(block).to_contain_text(read("%(name)s has no e-mail address", name=contact.name))
    assert_accessible(page)
    screenshot(page, "start-coordinator")

    page.set_viewport_size(NARROW)
    page.reload()
    expect(waiting_block(page)).to_contain_text(SUBJECT)
    assert not page.evaluate(WIDE_CONTENT)
    assert_accessible(page)
    screenshot(page, "start-coordinator-320")

    waiting_block(page).get_by_role("link", name=t("All inquiries waiting for the coordinator")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t("Inquiries waiting for the coordinator"))
    row = page.get_by_role("row").filter(has_text=SUBJECT)
    expect(row).to_contain_text(read("%(name)s has no e-mail address", name=contact.name))
    assert not page.evaluate(WIDE_CONTENT)
    assert_accessible(page)

    row.get_by_role("link", name=inquiry.reference).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(SUBJECT)


def test_a_colleague_lands_on_their_own_work(new_page, hedensted):
    page = new_page()
    log_in(page, "kollega")

    expect(page.get_by_role("heading", level=1)).to_have_text(t("My overview"))
    expect(page.get_by_role("heading", name=re.compile(re.escape(t("Inquiries you handle"))))
           ).to_be_visible()
    expect(page.get_by_text(t("You do not cover any local area at the moment."))).to_have_count(0)
    assert_accessible(page)
    page.set_viewport_size(NARROW)
    page.reload()
    assert not page.evaluate(WIDE_CONTENT)
    assert_accessible(page)
