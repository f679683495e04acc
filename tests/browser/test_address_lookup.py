# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A citizen finds their local area and its contact from their address on the directory, with
and without JavaScript; the page passes axe."""


import pytest

from tests.areas.dar_server import house_number
from tests.areas.outlines import import_demo_outlines
from tests.browser.helpers import expect, read, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def find_address(page, address: str, *, navigates: bool):
    page.goto("/omraader/")
    page.get_by_label(t("Your address"), exact=True).fill(address)
    button = page.get_by_role("button", name=t("Find area"), exact=True)
    if navigates:
        with page.expect_navigation():
            button.click()
    else:
        button.click()
    return page.locator("#address-result")


def test_citizen_finds_hjarnoe_by_postcode_and_town_without_javascript(new_page, hedensted,
                                                                     settings):
    settings.ADDRESS_SERVICE_URL = ""
    page = new_page(javascript=False)
    result = find_address(page, "Strandvejen 3, Hjarnø, 7130 Juelsminde", navigates=True)
    expect(result.get_by_role("status")).to_contain_text(read(
        "By its postcode and town the address belongs to the local area %(name)s.", name="Hjarnø"))
    expect(result.get_by_text("Susanne Ernst", exact=True)).to_be_visible()
    with page.expect_navigation():
        result.get_by_role("link", name=read("Write to the local contact for %(name)s",
                                             name="Hjarnø")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Send an inquiry"))


def test_citizen_finds_the_area_by_its_outline_with_javascript(page, hedensted, dar_service):
    points = import_demo_outlines()
    lon, lat = points["Hjarnø"]
    dar_service.house_numbers.append(house_number(
        street="Strandvejen", number="3", postcode="7130", district="Juelsminde", lon=lon, lat=lat))
    result = find_address(page, "Strandvejen 3, 7130 Juelsminde", navigates=False)
    expect(result.get_by_role("status")).to_contain_text(read(
        "The address lies in the local area %(name)s.", name="Hjarnø"))
    # The address is a person's: with JavaScript it stays out of the address bar and history.
    assert "adresse=" not in page.url
    assert_accessible(page)


def test_a_shared_postcode_offers_the_candidates_and_passes_axe(page, hedensted, settings):
    settings.ADDRESS_SERVICE_URL = "http://127.0.0.1:9/DAR/DAR/2.0.0/rest/husnummer"  # down
    result = find_address(page, "Havnevej 1, 7130", navigates=False)
    expect(result.get_by_role("link", name="Hjarnø", exact=True)).to_be_visible()
    expect(result.get_by_role("link", name="Juelsminde", exact=True)).to_be_visible()
    expect(result).to_contain_text(read("The national address register does not answer at the "
                                        "moment, so the area was looked up by postcode and town."))
    assert_accessible(page)
