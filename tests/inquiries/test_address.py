# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public form finds the local area from the citizen's address when no area is chosen, asks
them to choose among candidates, and works when the national address service is down. The
address is not stored."""

import pytest

from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from tests.areas.dar_server import house_number
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import NEW_URL, submit

pytestmark = pytest.mark.django_db
SEVERAL = "The address may belong to several local areas: choose yours in the list."
NONE_FOUND = "We could not find your local area from the address."


@pytest.fixture
def areas(setting, settings):
    """Glud (7130, with the contact), Hjarnø and Juelsminde (7130 too) and Hedensted (8722),
    with outlines around their towns."""
    settings.ADDRESS_SERVICE_URL = ""
    setting.area.boundary = outline(9.95, 55.75)
    setting.area.save()
    for name, postcodes, (lon, lat) in [("Hjarnø", "7130", (10.08, 55.82)),
                                        ("Juelsminde", "7130", (10.02, 55.70)),
                                        ("Hedensted", "8722", (9.70, 55.77))]:
        area = LocalAreaFactory(name=name, postcodes=postcodes, boundary=outline(lon, lat))
        AssignmentFactory(area=area)
    return setting


def outline(lon: float, lat: float) -> dict:
    half = 0.02
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
            [lon - half, lat + half], [lon - half, lat - half]]
    return {"type": "MultiPolygon", "coordinates": [[ring]]}


def test_the_form_asks_for_the_address_and_says_what_it_is_for(browser, areas):
    html = browser.get(NEW_URL).content.decode()
    assert "Your address – used only to find your local area" in html
    assert 'name="address"' in html and 'autocomplete="street-address"' in html


def test_without_an_area_the_address_finds_it_and_is_not_stored(browser, areas):
    response = submit(browser, address="Skovvej 12, 8722 Hedensted")

    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.area.name == "Hedensted"
    stored = [str(value) for value in Inquiry.objects.values().get().values()]
    stored += list(InquiryEvent.objects.values_list("text", flat=True))
    assert not any("Skovvej" in value for value in stored)


def test_the_service_finds_the_area_by_its_outline(browser, areas, dar_service):
    dar_service.house_numbers.append(house_number(
        street="Gludvej", number="5", postcode="7130", district="Juelsminde", lon=9.95, lat=55.75))

    assert submit(browser, address="Gludvej 5, 7130 Juelsminde").status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.area == areas.area
    assert inquiry.assignee == areas.contact.employee


def test_several_candidates_ask_the_citizen_to_choose_among_them(browser, areas):
    response = submit(browser, address="Strandvejen 3, 7130")

    assert response.status_code == 400
    html = response.content.decode()
    assert SEVERAL in html
    start = html.index('<select name="area"')
    select = html[start:html.index("</select>", start)]
    assert ">Glud (" in select and ">Hjarnø (" in select and ">Juelsminde (" in select
    assert "Hedensted" not in select
    assert not Inquiry.objects.exists()


def test_an_address_that_finds_no_area_asks_for_the_area(browser, areas):
    response = submit(browser, address="Rådhuspladsen 1, 1550 København V")

    assert response.status_code == 400
    assert NONE_FOUND in response.content.decode()
    assert not Inquiry.objects.exists()


def test_a_chosen_area_wins_over_the_address(browser, areas, dar_service):
    response = submit(browser, areas.area, address="Skovvej 12, 8722 Hedensted")

    assert response.status_code == 302
    assert Inquiry.objects.get().area == areas.area
    assert dar_service.requests == []


def test_without_area_and_address_it_still_goes_to_the_coordinator(browser, areas):
    assert submit(browser, address="").status_code == 302
    assert Inquiry.objects.get().area is None


@pytest.mark.parametrize("mode", ["down", "slow", "error"])
def test_the_form_works_when_the_service_is_down(mode, browser, areas, dar_service, settings):
    if mode == "down":
        settings.ADDRESS_SERVICE_URL = "http://127.0.0.1:9/DAR/DAR/2.0.0/rest/husnummer"
    else:
        dar_service.mode = mode

    response = submit(browser, address="Skovvej 12, 8722 Hedensted")

    assert response.status_code == 302
    assert Inquiry.objects.get().area.name == "Hedensted"


def test_the_service_down_and_an_unknown_postcode_asks_for_the_area(browser, areas, settings):
    settings.ADDRESS_SERVICE_URL = "http://127.0.0.1:9/DAR/DAR/2.0.0/rest/husnummer"

    response = submit(browser, address="Skovvej 12, 9999 Intetsted")

    assert response.status_code == 400
    assert NONE_FOUND in response.content.decode()
