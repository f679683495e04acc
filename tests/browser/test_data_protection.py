# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The access log and a person's data, in Chromium as the coordinator: reached from the coverage
overview, used without JavaScript, no serious axe findings, and they fit 320 px."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.inquiries.models import Inquiry
from tests.browser.helpers import expect, log_in, message, read_plural, t
from tests.browser.test_accessibility import assert_accessible
from tests.inquiries.factories import InquiryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def mette(hedensted):
    """Mette Borger's closed inquiry about Korning (the demo contact's area), which the contact
    has opened."""
    return InquiryFactory(area=LocalArea.objects.get(slug="korning"), subject="Stien ved skolen",
                          submitter_name="Mette Borger", submitter_email="mette@example.dk",
                          status=Inquiry.Status.CLOSED, closed_at=timezone.now())


def test_the_coordinator_finds_who_has_seen_a_citizens_data_without_javascript(new_page, mette):
    contact = new_page(javascript=False)
    log_in(contact, "lokalkontakt")
    contact.goto(mette.get_absolute_url())
    expect(contact.get_by_text("mette@example.dk")).to_be_visible()

    page = new_page(javascript=False)
    log_in(page, "koordinator")
    page.goto(reverse("coordination:overview"))
    page.get_by_role("link", name=t("Access log")).click()
    page.get_by_label(t("Whose data")).fill("Mette Borger")
    page.get_by_role("button", name=t("Show")).click()

    # The contact's look, and the coordinator's own reading of the log a moment ago (the log's
    # first page showed it): reading the log is logged.
    expect(page.get_by_role("heading", level=2)).to_have_text(
        read_plural("%(counter)s entry", "%(counter)s entries", 2))
    rows = page.get_by_role("row").filter(has_text="Mette Borger, mette@example.dk")
    expect(rows.filter(has_text="Demo Lokalkontakt (lokalkontakt)")).to_contain_text(t("Page"))
    expect(rows.filter(has_text="Demo Koordinator (koordinator)")).to_contain_text(t("Access log"))


def test_the_coordinator_erases_a_citizens_data_without_javascript(new_page, mette):
    page = new_page(javascript=False)
    log_in(page, "koordinator")
    page.goto(reverse("coordination:overview"))
    page.get_by_role("link", name=t("A person's data")).click()
    page.get_by_label(t("Name or e-mail address")).fill("mette@example.dk")
    page.get_by_role("button", name=t("Show")).click()
    page.get_by_role("link", name=t("Erase…")).click()
    page.get_by_role("button", name=t("Erase the data ticked")).click()

    with translation.override("da"):
        erased = translation.ngettext("The personal data in %(count)d object has been erased.",
                                      "The personal data in %(count)d objects have been erased.",
                                      1) % {"count": 1}
    expect(message(page, erased)).to_be_visible()
    mette.refresh_from_db()
    assert (mette.submitter_name, mette.submitter_email, mette.subject) == ("", "", "Stien ved skolen")


@pytest.mark.parametrize("url", ["accesslog:list", "personaldata:search", "personaldata:erase"])
def test_the_pages_have_no_serious_axe_findings_and_fit_a_narrow_phone(new_page, mette, url):
    page = new_page()
    log_in(page, "koordinator")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(reverse(url) + ("?person=Mette" if url == "accesslog:list" else "?q=Mette"))
    page.wait_for_load_state("networkidle")

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
