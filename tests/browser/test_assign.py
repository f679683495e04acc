# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator gives As, an area without a contact, a local contact; the public sees it."""

import pytest

from tests.browser.helpers import DANISH_CATALOGUE, expect, log_in, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMPLOYEE = "Demo Kollega (Sagsbehandler, Læring)"  # the option's text: name (title, core area)


def choose_language(page, language: str):
    """Pick a language in the header and press the change button (works without JavaScript)."""
    current = page.evaluate("document.documentElement.lang")
    page.get_by_label(t("Language", current), exact=True).select_option(language)
    if page.evaluate("document.documentElement.lang") == current:
        with page.expect_navigation():
            page.get_by_role("button", name=t("Change language", current), exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", ["da", "en"])
def test_coordinator_assigns_a_contact_to_an_uncovered_area(new_page, hedensted, language):
    # The page's own JavaScript submits the language form on change; this page goes without it,
    # so the change button is what a person presses.
    page = new_page(javascript=False)
    log_in(page, "koordinator", "demo", "da")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("My overview", "da"))
    if language == "en" or not DANISH_CATALOGUE.exists():
        # Without a Danish catalogue the pages are a mix of languages: use English throughout.
        language = "en"
        choose_language(page, language)

    page.get_by_role("navigation", name=t("Main menu", language)).get_by_role(
        "link", name=t("Local areas", language), exact=True).click()
    with page.expect_navigation():
        page.get_by_role("link", name="As", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("As")
    expect(page.get_by_text(t("The area has no local contact yet.", language))).to_be_visible()

    with page.expect_navigation():
        page.get_by_role("link", name=t("Assign contact or deputy", language), exact=True).click()
    page.get_by_label(t("Employee", language), exact=True).select_option(label=EMPLOYEE)
    page.get_by_role("radio", name=t("Contact", language), exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name=t("Assign", language), exact=True).click()

    # As's council has not answered: nothing is assigned until the coordinator confirms.
    warning = t("The local council has not said yes to having a local contact. Assign anyway?",
                language)
    expect(page.get_by_text(warning, exact=True)).to_be_visible()
    # (axe needs JavaScript, which this page goes without: tests/browser/test_nominations.py
    # checks the assign form with the warning)
    page.get_by_label(t("Assign anyway", language), exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name=t("Assign", language), exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("As")
    message = t("%(name)s is now %(role)s for %(area)s.", language) % {
        "name": "Demo Kollega", "role": t("Contact", language).lower(), "area": "As"}
    expect(page.get_by_role("status")).to_have_text(message)
    expect(page.get_by_role("cell", name="Demo Kollega", exact=True)).to_be_visible()  # history

    citizen = new_page()
    citizen.goto("/omraader/")
    row = citizen.get_by_role("row").filter(has=citizen.get_by_role("link", name="As", exact=True))
    expect(row).to_have_count(1)
    expect(row.get_by_text("Demo Kollega", exact=True)).to_be_visible()
    expect(row).not_to_contain_text(t("No contact yet"))
