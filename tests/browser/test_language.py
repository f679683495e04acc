# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A visitor switches the interface to English in the header, and back to Danish."""

from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import expect, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADING = "Local areas and their contacts"


def switch(page, *, to: str):
    current = page.evaluate("document.documentElement.lang")
    select = page.get_by_label(t("Language", current), exact=True)
    button = page.get_by_role("button", name=t("Change language", current), exact=True)
    expect(button).to_be_visible()
    # Choosing a language changes nothing yet (WCAG 3.2.2): the button does.
    select.select_option(to)
    page.wait_for_timeout(300)
    expect(page.locator("html")).to_have_attribute("lang", current)
    with page.expect_navigation():
        button.click()
    expect(page.locator("html")).to_have_attribute("lang", to)
    expect(page.get_by_role("heading", level=1)).to_have_text(t(HEADING, to))
    expect(page.get_by_label(t("Language", to), exact=True)).to_have_value(to)


def test_arrow_keys_in_the_language_menu_do_not_reload_the_page(page, hedensted):
    page.goto("/omraader/")
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    select = page.get_by_label(t("Language"), exact=True)
    select.focus()

    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(500)

    assert navigations == []
    expect(select).to_have_value("en")
    expect(page.locator("html")).to_have_attribute("lang", "da")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_switch_to_english_and_back(new_page, hedensted, javascript):
    page = new_page(javascript=javascript)
    page.goto("/omraader/")
    expect(page.locator("html")).to_have_attribute("lang", "da")

    switch(page, to="en")
    assert page.get_by_role("heading", level=1).inner_text() == HEADING
    assert urlsplit(page.url).path == "/omraader/"
    # The choice sticks on the next page.
    page.get_by_role("link", name="Hjarnø", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Facts", exact=True)).to_be_visible()
    page.go_back()

    switch(page, to="da")
