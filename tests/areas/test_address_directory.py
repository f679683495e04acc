# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The directory's "find your local area from an address": a GET form that works without
JavaScript, with the area and its contact, the candidates, or a clear message."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.areas.conftest import english_client
from tests.areas.dar_server import house_number

pytestmark = pytest.mark.django_db
URL = reverse("areas:directory")


@pytest.fixture
def hedensted(hedensted_outlines_of_the_class, db, settings):
    """Hedensted's areas and outlines, loaded once for the class (tests/conftest.py)."""
    settings.ADDRESS_SERVICE_URL = ""
    return hedensted_outlines_of_the_class


def find(address: str, **headers):
    return english_client().get(URL, {"adresse": address}, **headers)


class TestHedenstedLoaded:
    """Hedensted's areas and outlines loaded once for the class (tests/conftest.py); each test
    reads them in a transaction of its own."""

    def test_the_directory_offers_the_address_form(self, hedensted):
        html = english_client().get(URL).content.decode()
        assert "Find your local area from an address" in html
        assert 'name="adresse"' in html and 'autocomplete="street-address"' in html
        assert 'id="address-result"' in html

    def test_an_address_shows_its_area_and_contact(self, hedensted):
        response = find("Strandvejen 3, Hjarnø, 7130 Juelsminde")
        html = response.content.decode()
        assert response.status_code == 200
        assert escape("By its postcode and town the address belongs to the local area Hjarnø.") in html
        assert "Susanne Ernst" in html  # Hjarnø's contact in Bilag 1
        assert "/henvendelser/ny/?omraade=hjarno" in html

    def test_an_address_found_by_the_service_says_it_lies_in_the_area(self, hedensted, dar_service):
        lon, lat = hedensted["Hjarnø"]
        dar_service.house_numbers.append(house_number(
            street="Strandvejen", number="3", postcode="7130", district="Juelsminde", lon=lon, lat=lat))
        html = find("Strandvejen 3, 7130 Juelsminde").content.decode()
        assert "The address lies in the local area Hjarnø." in html

    def test_a_shared_postcode_lists_the_candidates(self, hedensted):
        html = find("Havnevej 1, 7130").content.decode()
        assert "The address may belong to several local areas. Choose yours:" in html
        assert html.index(">Hjarnø</a>") < html.index(">Juelsminde</a>")

    def test_an_unknown_address_gets_a_clear_message(self, hedensted):
        html = find("Rådhuspladsen 1, 1550 København V").content.decode()
        assert "We could not find a local area from the address." in html
        assert "28 local areas" in html  # the list is still there to choose from

    def test_an_empty_address_is_asked_for(self, hedensted):
        html = find("").content.decode()
        assert "This field is required." in html

    def test_the_service_down_is_said_and_the_area_still_found(self, hedensted, settings):
        settings.ADDRESS_SERVICE_URL = "http://127.0.0.1:9/DAR/DAR/2.0.0/rest/husnummer"
        response = find("Vestergade 3, 8722 Hedensted")
        html = response.content.decode()
        assert response.status_code == 200
        assert "The national address register does not answer at the moment" in html
        assert "belongs to the local area Hedensted." in html

    def test_htmx_gets_only_the_result(self, hedensted):
        response = find("8722 Hedensted", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="address-result")
        html = response.content.decode()
        assert html.lstrip().startswith('<div id="address-result"')
        assert "belongs to the local area Hedensted." in html
        assert "<table" not in html

    def test_htmx_with_an_empty_address_says_what_is_missing(self, hedensted):
        response = find("", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="address-result")
        assert "This field is required." in response.content.decode()
