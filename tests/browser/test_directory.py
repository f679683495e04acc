# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A citizen finds the local contact of Hjarnø by searching for a postcode."""

import re

import pytest

from lokalkontakt.areas.models import LocalArea
from tests.browser.helpers import expect, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def search_for_7130(page, *, press_search: bool):
    page.goto("/omraader/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Local areas and their contacts"))
    page.get_by_label(t("Search by area, town or postcode")).fill("7130")
    if press_search:
        with page.expect_navigation():
            page.get_by_role("button", name=t("Search"), exact=True).click()
    results = page.get_by_role("table")
    expect(results.get_by_role("link", name="Juelsminde", exact=True)).to_be_visible()
    expect(results.get_by_role("link", name="Hjarnø", exact=True)).to_be_visible()
    expect(results.get_by_role("link", name="Korning", exact=True)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"[?&]q=7130"))


def open_hjarnoe(page):
    with page.expect_navigation():
        page.get_by_role("link", name="Hjarnø", exact=True).click()
    hjarnoe = LocalArea.objects.get(name="Hjarnø")
    expect(page).to_have_url(re.compile(re.escape(hjarnoe.get_absolute_url()) + "$"))
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Hjarnø")
    expect(main.get_by_role("heading", name=t("Facts"), exact=True)).to_be_visible()
    # The facts: postcode, parish and population from hedensted-areas.csv.
    expect(main.get_by_role("definition").filter(has_text=re.compile(r"^\s*7130\s*$"))).to_have_count(1)
    expect(main.get_by_role("definition").filter(has_text="Hjarnø Sogn")).to_have_count(1)
    expect(main.get_by_role("definition").filter(has_text=re.compile(r"^\s*117\b"))).to_have_count(1)
    expect(main.get_by_role("heading", name=t("Local contact"), exact=True)).to_be_visible()
    expect(main.get_by_text("Susanne Ernst", exact=True)).to_be_visible()


def test_citizen_finds_hjarnoe_by_postcode(page, hedensted):
    search_for_7130(page, press_search=False)  # htmx updates the results while typing
    open_hjarnoe(page)
    assert not page.page_errors, page.page_errors


def test_citizen_finds_hjarnoe_without_javascript(new_page, hedensted):
    page = new_page(javascript=False)
    search_for_7130(page, press_search=True)
    open_hjarnoe(page)
