# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""GET /api/v1/areas/lookup/?address=…: the municipality's website finds a citizen's local area
from an address, through the national address service (on loopback) or postcode and town."""

import pytest
from rest_framework.test import APIClient

from lokalkontakt.areas.models import LocalArea
from tests.areas.dar_server import (
    dar_service,  # noqa: F401 - a fixture
    house_number,
)

pytestmark = pytest.mark.django_db
URL = "/api/v1/areas/lookup/"


@pytest.fixture
def hedensted(hedensted_outlines_of_the_class, db):
    """Hedensted's areas and outlines, loaded once for the class (tests/conftest.py)."""
    return hedensted_outlines_of_the_class


class TestHedenstedLoaded:
    """Hedensted's areas and outlines loaded once for the class (tests/conftest.py); each test
    reads them in a transaction of its own."""

    def test_an_address_is_placed_in_its_area_by_the_outline(self, hedensted, dar_service):  # noqa: F811
        glud = LocalArea.objects.get(name="Glud")
        lon, lat = hedensted["Glud"]
        dar_service.house_numbers.append(house_number(
            street="Gludvej", number="12", postcode="7130", district="Juelsminde", lon=lon, lat=lat,
            dar_id="0a3f50a0-1111-32b8-e044-0003ba298018"))

        response = APIClient().get(URL, {"address": "Gludvej 12, 7130 Juelsminde"})

        assert response.status_code == 200
        body = response.json()
        assert (body["method"], body["service"]) == ("outline", "used")
        assert body["dar_id"] == "0a3f50a0-1111-32b8-e044-0003ba298018"
        assert [area["slug"] for area in body["areas"]] == [glud.slug]
        assert glud.slug in body["areas"][0]["inquiry_url"]

    def test_without_the_service_the_postcode_and_town_decide(self, hedensted):
        hjarnoe = LocalArea.objects.get(name="Hjarnø")

        body = APIClient().get(URL, {"address": "Strandvejen 3, Hjarnø, 7130 Juelsminde"}).json()

        assert (body["method"], body["service"]) == ("postcode", "off")
        assert [area["slug"] for area in body["areas"]] == [hjarnoe.slug]

    def test_an_address_in_no_area_finds_none(self, hedensted):
        body = APIClient().get(URL, {"address": "Rådhuspladsen 1, 1550 København V"}).json()

        assert body == {"method": "none", "service": "off", "dar_id": "", "areas": []}

    def test_the_lookup_costs_a_fixed_number_of_queries(self, hedensted, django_assert_max_num_queries):
        with django_assert_max_num_queries(4):
            APIClient().get(URL, {"address": "7130 Juelsminde"})


def test_an_empty_address_is_refused_in_danish():
    response = APIClient().get(URL, {"address": ""})

    assert response.status_code == 400
    assert "address" in response.json()
