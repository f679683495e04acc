# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A visitor switches the interface to English in the header, and back to Danish."""

from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import expect, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADING = "Local areas and their contacts"


def switch(page, *, to: str, javascript: bool):
    current = page.evaluate("document.documentElement.lang")
    select = page.get_by_label(t("Language", current), exact=True)
    button = page.get_by_role("button", name=t("Change language", current), exact=True)
    expect(button).to_be_visible()
    if javascript:
        # app.js submits the form as soon as a language is chosen.
        with page.expect_navigation():
            select.select_option(to)
    else:
        select.select_option(to)
        with page.expect_navigation():
            button.click()
    expect(page.locator("html")).to_have_attribute("lang", to)
    expect(page.get_by_role("heading", level=1)).to_have_text(t(HEADING, to))
    expect(page.get_by_label(t("Language", to), exact=True)).to_have_value(to)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_switch_to_english_and_back(new_page, hedensted, javascript):
    page = new_page(javascript=javascript)
    page.goto("/omraader/")
    expect(page.locator("html")).to_have_attribute("lang", "da")

    switch(page, to="en", javascript=javascript)
    assert page.get_by_role("heading", level=1).inner_text() == HEADING
    assert urlsplit(page.url).path == "/omraader/"
    # The choice sticks on the next page.
    page.get_by_role("link", name="Hjarnø", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Facts", exact=True)).to_be_visible()
    page.go_back()

    switch(page, to="da", javascript=javascript)
