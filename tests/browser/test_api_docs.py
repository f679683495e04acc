# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The API's documentation page in Chromium, at 320 and 1,280 px: without JavaScript the
server-rendered overview of every operation; with it, Swagger UI from the vendored files under
the site's CSP (no inline style or script allowed). Axe clean and no wider than the window."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import t
from tests.browser.test_accessibility import assert_accessible
from tests.browser.test_reflow import WIDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

URL = "/api/v1/docs/"
SIZES = {"narrow": {"width": 320, "height": 640}, "wide": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("size", SIZES)
def test_the_overview_reads_without_javascript(new_page, live_server, size):
    page = new_page(javascript=False)
    page.set_viewport_size(SIZES[size])
    page.goto(URL)

    expect(page.get_by_role("heading", level=1, name=t("The API for other systems"))).to_be_visible()
    operations = page.get_by_role("region", name="Public")
    expect(operations.get_by_role("row", name="/api/v1/focus-areas/{slug}/")).to_contain_text(
        t("Public, no key"))
    expect(page.get_by_role("row", name="/api/v1/key/")).to_contain_text(t("Any valid key"))
    expect(page.get_by_role("link", name=t("Download the schema (JSON)"))).to_be_visible()
    # The interactive part needs JavaScript, and is not offered without it.
    expect(page.get_by_role("heading", name=t("Try the API"))).to_be_hidden()
    assert page.evaluate(WIDE) == []
    # axe needs JavaScript: the next test runs it on the same overview with Swagger UI below.


@pytest.mark.parametrize("size", SIZES)
def test_swagger_ui_shows_the_operations_under_the_csp(new_page, live_server, size):
    page = new_page()
    page.set_viewport_size(SIZES[size])
    page.goto(URL)

    interactive = page.locator("#swagger-ui")
    expect(page.get_by_role("heading", name=t("Try the API"))).to_be_visible()
    expect(interactive.get_by_text("/api/v1/focus-areas/{slug}/", exact=True)).to_be_visible()
    interactive.get_by_text("/api/v1/key/", exact=True).click()
    expect(interactive.get_by_text("The API key does not hold the scope this operation needs.")
           ).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate(WIDE) == []
    assert_accessible(page)
