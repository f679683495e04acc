# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The reports (issue 18) in Chromium: the coordinator reads the scheme's report with its charts,
picks a quarter without JavaScript, downloads the PDF and the spreadsheet and follows a focus
area; anyone reads the public summary and the guide. Every page axe clean and CSP clean."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def with_history(hedensted):
    """Hedensted with the demo's inquiries and consultations of the last fifteen months."""
    from lokalkontakt.consultations.demo import load_demo_consultations
    from lokalkontakt.inquiries.demo import load_demo_inquiries

    assert load_demo_inquiries() > 30 and load_demo_consultations() >= 2
    return hedensted


def test_the_coordinator_reads_the_report_picks_a_quarter_and_downloads_it(new_page, with_history):
    page = new_page(javascript=False)
    log_in(page, "koordinator")
    page.goto("/rapporter/")
    expect(page.get_by_role("heading", level=1, name=t("The scheme's report"))).to_be_visible()
    # A chart is an image named by its title, with its table beside it.
    expect(page.get_by_role("img", name=t("Areas with and without a contact"))).to_be_visible()
    expect(page.get_by_role("table", name=t("Coverage month by month"))).to_be_visible()

    page.get_by_label(t("Period"), exact=True).select_option("quarter")
    page.get_by_label(t("Quarter"), exact=True).select_option("1")
    page.get_by_role("button", name=t("Show")).click()
    assert "kind=quarter" in page.url
    expect(page.get_by_text("1. kvartal")).to_be_visible()

    with page.expect_download() as pdf:
        page.get_by_role("link", name=t("Download as PDF")).click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    with page.expect_download() as xlsx:
        page.get_by_role("link", name=t("Download as a spreadsheet (XLSX)")).click()
    assert xlsx.value.suggested_filename.endswith(".xlsx")

    page.get_by_role("link", name=t("By focus area")).click()
    page.get_by_role("link", name="Smidige processer").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Smidige processer")


@pytest.mark.parametrize("path", ["/rapporter/", "/rapporter/fokusomraader/",
                                  "/rapporter/fokusomraader/smidige-processer/",
                                  "/rapporter/abonnementer/", "/vejledning/lokalkontakten/"])
def test_the_coordinators_report_pages_are_accessible(new_page, with_history, path):
    page = new_page()
    log_in(page, "koordinator")
    page.goto(path)
    page.wait_for_load_state("networkidle")

    assert_accessible(page)


@pytest.mark.parametrize("path", ["/rapporter/offentlig/", "/saadan-bruger-du-lokalkontakten/"])
def test_the_public_summary_and_the_guide_are_accessible(new_page, with_history, path):
    page = new_page()
    page.goto(path)
    page.wait_for_load_state("networkidle")

    assert_accessible(page)
