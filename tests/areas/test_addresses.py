# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""From an address to the local area: the national address service on loopback (DAR's
`husnummer` format), every demo area's outline, postcode and town, and the service down."""

import logging
import time

import pytest

from lokalkontakt.areas.addresses import lookup
from lokalkontakt.areas.addresses.geometry import bounding_box, contains
from lokalkontakt.areas.addresses.lookup import areas_at, find_area
from lokalkontakt.areas.addresses.parse import name_fold, parse_address
from lokalkontakt.areas.addresses.utm import utm32_to_lonlat
from lokalkontakt.areas.models import LocalArea
from tests.areas.dar_server import house_number, lonlat_to_utm32
from tests.areas.factories import LocalAreaFactory
from tests.areas.outlines import import_outlines, square

pytestmark = pytest.mark.django_db


@pytest.fixture
def hedensted(hedensted_outlines_of_the_class, db):
    """Hedensted's areas and outlines, loaded once for the class (tests/conftest.py)."""
    return hedensted_outlines_of_the_class


def names(result) -> list[str]:
    return [area.name for area in result.areas]


# --- the parts ---------------------------------------------------------------------------------


def test_an_address_on_one_line_is_split_into_its_parts():
    parsed = parse_address("  Strandvejen 12 b, 1. tv,  Hjarnø , 7130 Juelsminde ")
    assert (parsed.street, parsed.number, parsed.postcode) == ("Strandvejen", "12B", "7130")
    assert parsed.towns == ("Hjarnø", "Juelsminde")
    assert parse_address("7130 Juelsminde").towns == ("Juelsminde",)
    assert parse_address("Åle").street == ""
    assert parse_address(" , ").is_empty


def test_names_compare_without_case_aa_accents_or_extra_spaces():
    assert name_fold("  AALE ") == name_fold("Åle") == "åle"
    assert name_fold("Øster   Snede") == name_fold("øster snede")
    assert name_fold("Nr. Bjert") == "nr bjert"
    assert name_fold("Ølsted") != name_fold("Olsted")


def test_utm_zone_32_is_converted_to_longitude_and_latitude():
    # The example in DAR's attribute list: Nr. Bjertvej 87A, 6000 Kolding.
    lon, lat = utm32_to_lonlat(533640.58, 6152135.2)
    assert (round(lon, 3), round(lat, 3)) == (9.533, 55.514)
    for point in [(9.0, 55.0), (10.0833, 55.825), (8.1, 57.1), (12.6, 55.7)]:
        back = utm32_to_lonlat(*lonlat_to_utm32(*point))
        assert back == pytest.approx(point, abs=1e-8)  # about a millimetre


def test_a_point_in_a_hole_is_outside_the_polygon():
    outer, hole = square(9.8, 55.8, 0.1), square(9.8, 55.8, 0.02)
    donut = {"type": "MultiPolygon", "coordinates": [[outer, hole], [square(10.3, 55.8, 0.05)]]}
    assert contains(donut, 9.75, 55.75)
    assert not contains(donut, 9.8, 55.8)  # in the hole
    assert contains(donut, 10.3, 55.8)  # the second polygon
    assert not contains(donut, 10.0, 55.8)  # between them
    assert bounding_box(donut) == pytest.approx((9.7, 55.7, 10.35, 55.9))


def test_an_area_with_a_hole_does_not_hold_the_area_in_it(db):
    outer = LocalAreaFactory(name="Ringen", postcodes="8722")
    inner = LocalAreaFactory(name="Øen", postcodes="8722")
    import_outlines(json_collection({
        "Ringen": [square(9.8, 55.8, 0.1), square(9.8, 55.8, 0.03)],
        "Øen": [square(9.8, 55.8, 0.03)]}))
    assert areas_at(9.8, 55.8) == [inner.pk]
    assert areas_at(9.72, 55.8) == [outer.pk]
    assert areas_at(11.0, 55.8) == []


def json_collection(polygons: dict) -> bytes:
    import json
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"navn": name},
         "geometry": {"type": "Polygon", "coordinates": rings}}
        for name, rings in polygons.items()]}).encode()


def test_saving_an_outline_keeps_its_bounding_box(db):
    area = LocalAreaFactory(name="Boks")
    import_outlines(json_collection({"Boks": [square(9.5, 55.9, 0.01)]}))
    area.refresh_from_db()
    assert (area.boundary_west, area.boundary_south, area.boundary_east,
            area.boundary_north) == pytest.approx((9.49, 55.89, 9.51, 55.91))


# --- every demo area's outline -----------------------------------------------------------------


class TestHedenstedLoaded:
    """Hedensted's areas and outlines loaded once for the class (tests/conftest.py); each test
    reads them in a transaction of its own."""

    def test_every_demo_areas_point_lies_in_its_own_outline_and_no_other(self, hedensted):
        assert len(hedensted) == 28
        by_name = dict(LocalArea.objects.values_list("name", "pk"))
        for name, (lon, lat) in hedensted.items():
            assert areas_at(lon, lat) == [by_name[name]], name

    def test_a_point_outside_every_outline_finds_none(self, hedensted):
        assert areas_at(10.6, 56.2) == []  # Kattegat

    def test_every_demo_area_is_found_from_an_address_by_the_service(self, hedensted, dar_service):
        for number, (name, (lon, lat)) in enumerate(hedensted.items(), start=1):
            dar_service.house_numbers.append(house_number(
                street="Prøvevej", number=str(number), postcode="8722", district="Hedensted",
                lon=lon, lat=lat, dar_id=f"0a3f5090-0000-0000-0000-{number:012d}"))
        for number, name in enumerate(hedensted, start=1):
            result = find_area(f"Prøvevej {number}, 8722 Hedensted")
            assert (names(result), result.method, result.service) == ([name], "outline", "used")
            assert result.dar_id == f"0a3f5090-0000-0000-0000-{number:012d}"

    def test_the_service_is_asked_for_street_number_and_postcode_with_the_key(self, hedensted, dar_service):
        find_area("Strandvejen 3, Hjarnø, 7130 Juelsminde")
        assert dar_service.requests == [{
            "vejnavn": "Strandvejen", "husnummertekst": "3", "postnr": "7130", "MedDybde": "true",
            "Format": "JSON", "apikey": "test-api-key"}]

    def test_the_outline_decides_over_the_postcode(self, hedensted, dar_service):
        lon, lat = hedensted["Stouby"]
        dar_service.house_numbers.append(house_number(
            street="Bygaden", number="4", postcode="7130", district="Juelsminde", lon=lon, lat=lat))
        assert names(find_area("Bygaden 4, 7130 Juelsminde")) == ["Stouby"]

    def test_outside_every_outline_the_registers_postcode_and_town_decide(self, hedensted, dar_service):
        dar_service.house_numbers.append(house_number(
            street="Strandvejen", number="3", postcode="7130", district="Juelsminde", town="Hjarnø",
            lon=10.6, lat=56.2))
        result = find_area("Strandvejen 3, 7130")  # the register knows the supplementary town
        assert (names(result), result.method, result.service) == (["Hjarnø"], "postcode", "used")
        assert result.dar_id == dar_service.house_numbers[0]["id_lokalId"]

    def test_a_street_in_several_areas_gives_the_candidates(self, hedensted, dar_service):
        for number, name in enumerate(["Uldum", "Tørring"]):
            dar_service.house_numbers.append(house_number(
                street="Kirkevej", number="1", postcode=f"716{number}", district=name,
                lon=hedensted[name][0], lat=hedensted[name][1]))
        result = find_area("Kirkevej 1")
        assert result.area is None
        assert sorted(area.name for area in result.candidates) == ["Tørring", "Uldum"]
        assert result.dar_id == ""  # not one address

    def test_retired_house_numbers_are_left_out(self, hedensted, dar_service):
        dar_service.house_numbers.append(house_number(
            street="Gl. Landevej", number="2", postcode="8722", district="Hedensted", status="4",
            lon=hedensted["Stouby"][0], lat=hedensted["Stouby"][1]))
        result = find_area("Gl. Landevej 2, 8722 Hedensted")
        assert (names(result), result.method) == (["Hedensted"], "postcode")

    @pytest.mark.parametrize("mode", ["error", "garbage"])
    def test_a_broken_answer_falls_back_to_postcode_and_town(self, mode, hedensted, dar_service, caplog):
        dar_service.mode = mode
        with caplog.at_level(logging.WARNING, logger="lokalkontakt.areas.addresses.dar"):
            result = find_area("Vestergade 3, 8722 Hedensted")
        assert (names(result), result.method, result.service) == (["Hedensted"], "postcode",
                                                                 "unavailable")
        assert "Address service unavailable" in caplog.text
        assert "Vestergade" not in caplog.text  # the address is personal data

    def test_a_slow_service_is_given_up_after_the_timeout(self, hedensted, dar_service):
        dar_service.mode = "slow"
        started = time.monotonic()
        result = find_area("Vestergade 3, 8722 Hedensted")
        assert time.monotonic() - started < 1.4
        assert (names(result), result.service) == (["Hedensted"], "unavailable")

    def test_a_closed_port_falls_back_to_postcode_and_town(self, hedensted, settings):
        settings.ADDRESS_SERVICE_URL = "http://127.0.0.1:9/DAR/DAR/2.0.0/rest/husnummer"
        result = find_area("Vestergade 3, 8722 Hedensted")
        assert (names(result), result.service) == (["Hedensted"], "unavailable")

    def test_without_a_street_the_service_is_not_asked(self, hedensted, dar_service):
        assert names(find_area("8722 Hedensted")) == ["Hedensted"]
        assert dar_service.requests == []

    def test_without_the_service_postcode_and_town_decide(self, hedensted, settings):
        settings.ADDRESS_SERVICE_URL = ""
        result = find_area("Strandvejen 3, Hjarnø, 7130 Juelsminde")
        assert (names(result), result.method, result.service) == (["Hjarnø"], "postcode", "off")
        assert names(find_area("Havnevej 1, 7130  JUELSMINDE")) == ["Juelsminde"]

    def test_a_shared_postcode_without_a_town_gives_the_candidates(self, hedensted):
        result = find_area("Havnevej 1, 7130")
        assert [area.name for area in result.candidates] == ["Hjarnø", "Juelsminde"]
        assert result.area is None and result.method == "postcode"

    def test_a_town_alone_is_enough(self, hedensted):
        assert names(find_area("Aale")) == ["Åle-Hjortsvang"]
        assert names(find_area("øster  snede")) == ["Øster Snede"]

    def test_an_address_elsewhere_finds_nothing(self, hedensted):
        result = find_area("Rådhuspladsen 1, 1550 København V")
        assert (result.areas, result.method) == ([], "none")

    def test_the_lookup_costs_two_queries(self, hedensted, dar_service, django_assert_num_queries):
        lon, lat = hedensted["Glud"]
        dar_service.house_numbers.append(house_number(
            street="Glud Bygade", number="1", postcode="7130", district="Juelsminde", lon=lon, lat=lat))
        with django_assert_num_queries(2):  # the outlines whose box holds the point; the area
            assert names(find_area("Glud Bygade 1, 7130 Juelsminde")) == ["Glud"]
        with django_assert_num_queries(2):  # the areas with the postcode; the areas found
            assert names(lookup.find_area("Havnevej 1, 8722 Hedensted")) == ["Hedensted"]


# --- the national service ----------------------------------------------------------------------


# --- postcode and town -------------------------------------------------------------------------
