# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage map on the directory and the coordinator's map page (linked from the overview):
a server-drawn SVG with one link per area, named with the area and its state;
outlines where known, points otherwise."""

import json
import math
import re
import time
from html import unescape

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from lokalkontakt.areas.boundaries import simplify
from lokalkontakt.areas.models import LocalArea, Participation
from lokalkontakt.config.settings.security import tile_source
from lokalkontakt.core.text import danish_sort_key
from tests.areas.conftest import english_client
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.permissions import csp_directives

pytestmark = pytest.mark.django_db

SQUARE = {"type": "MultiPolygon", "coordinates": [[[[9.70, 55.70], [9.80, 55.70], [9.80, 55.78],
                                                    [9.70, 55.78], [9.70, 55.70]]]]}


def map_url(html: str) -> str:
    """The URL of the map's SVG document, which the page shows in a frame."""
    return unescape(re.search(r'<iframe class="coverage-map__frame[^"]*" src="([^"]+)"', html)[1])


def with_map(client, url: str, params=None) -> str:
    """The page and, after it, the map's SVG document it shows in a frame."""
    html = client.get(url, params).content.decode()
    response = client.get(map_url(html))
    assert response.status_code == 200, response
    return html + response.content.decode()


def svg_links(html: str) -> dict[str, str]:
    """The map's links: accessible name -> href."""
    svg = html.split('class="coverage-map__svg"', 1)[1].split("</svg>", 1)[0]
    return {label: href for href, label in re.findall(
        r'<a href="([^"]+)" target="_top" aria-label="([^"]+)">', svg)}


def map_shapes(html: str) -> list[str]:
    svg = html.split('class="coverage-map__svg"', 1)[1].split("</svg>", 1)[0]
    return re.findall(r'class="coverage-map__(outline|point)"', svg)


@pytest.fixture
def glud():
    return LocalAreaFactory(name="Glud", latitude="55.74", longitude="9.80")


def test_each_placed_area_is_a_link_named_with_its_coverage(glud):
    AssignmentFactory(area=glud)
    LocalAreaFactory(name="Ørum", latitude="55.80", longitude="9.70")
    handover = AssignmentFactory(area=LocalAreaFactory(name="Åle", latitude="55.85",
                                                       longitude="9.65"), handover=True)

    html = with_map(english_client(), reverse("areas:directory"))

    assert svg_links(html) == {
        "Glud: has a local contact": glud.get_absolute_url(),
        "Ørum: no local contact yet": "/omraader/oerum/",
        "Åle: new local contact on the way": handover.area.get_absolute_url(),
    }


def test_links_follow_danish_order(glud):
    for name, lon in [("Åle", "9.6"), ("Ørum", "9.7"), ("Aarup", "9.9")]:
        LocalAreaFactory(name=name, latitude="55.8", longitude=lon)

    html = with_map(english_client(), reverse("areas:directory"))

    assert [label.split(":")[0] for label in svg_links(html)] == ["Glud", "Ørum", "Åle", "Aarup"]


def test_the_map_can_be_coloured_by_the_councils_answer(glud):
    glud.participation = Participation.DECLINED
    glud.save()
    AssignmentFactory(area=glud)

    html = with_map(english_client(), reverse("areas:directory"), {"kort": "svar"})

    assert list(svg_links(html)) == ["Glud: declined"]
    assert 'aria-current="page" class="is-current">Coloured by the council&#x27;s answer' in html
    assert "Declined (1)" in html and "Interested (0)" in html


def test_the_coordinators_map_uses_the_coordinators_words(glud, coordinator):
    html = with_map(english_client(coordinator), reverse("coordination:map"))

    assert list(svg_links(html)) == ["Glud: without contact"]
    assert "Without contact (1)" in html


def test_an_area_with_an_outline_is_drawn_as_an_outline_and_one_without_as_a_point(glud):
    LocalAreaFactory(name="Korning", boundary=SQUARE)

    html = with_map(english_client(), reverse("areas:directory"))

    assert map_shapes(html) == ["outline", "point"]
    assert "1 area is drawn with its outline, 1 as a point (no outline is known)." in html


def test_an_area_without_position_is_only_in_the_list(glud):
    LocalAreaFactory(name="Hornborg")

    html = with_map(english_client(), reverse("areas:directory"))

    assert list(svg_links(html)) == ["Glud: no local contact yet"]
    assert "1 area has no position and is only in the list." in html
    assert '<a href="/omraader/hornborg/">Hornborg</a>' in html


def test_the_states_differ_by_shape_not_only_by_colour(glud):
    AssignmentFactory(area=LocalAreaFactory(name="Uldum", latitude="55.83", longitude="9.59"))

    html = with_map(english_client(), reverse("areas:directory"))

    shapes = dict(re.findall(r'aria-label="(\w+): [^"]+"><title>[^<]+</title><path class="coverage-'
                             r'map__point" fill="[^"]+" d="(M[^a-zA-Z]+[a-zA-Z])', html))
    assert shapes["Uldum"].endswith("a")  # a circle (arcs)
    assert shapes["Glud"].endswith("h")  # a square


def test_the_directory_has_a_link_that_skips_the_map(glud):
    html = with_map(english_client(), reverse("areas:directory"))

    assert '<a href="#directory-search">Skip the map</a>' in html
    assert 'id="directory-search"' in html


def test_an_htmx_search_leaves_the_map_out(glud):
    response = english_client().get(reverse("areas:directory"), {"q": "Glud"}, HTTP_HX_REQUEST="true")

    assert "coverage-map" not in response.content.decode()


def test_without_tiles_no_leaflet_is_loaded(glud):
    html = with_map(english_client(), reverse("areas:directory"))

    assert "leaflet" not in html.lower()
    assert "coverage-map-data" not in html


@override_settings(MAP_TILE_URL="https://{s}.tiles.example.dk/{z}/{x}/{y}.png",
                   MAP_TILE_ATTRIBUTION="© Kortbase")
def test_with_tiles_the_page_carries_leaflet_and_the_areas_as_geojson(glud):
    LocalAreaFactory(name="Korning", boundary=SQUARE)

    client = english_client()
    html = client.get(reverse("areas:directory")).content.decode()

    assert "vendor/leaflet/leaflet" in html and "js/coverage-map" in html
    geojson = unescape(re.search(r'data-geojson="([^"]+)"', html)[1])
    response = client.get(geojson)
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert [(f["properties"]["name"], f["geometry"]["type"]) for f in data["features"]] == [
        ("Glud", "Point"), ("Korning", "MultiPolygon")]
    assert data["features"][0]["properties"]["url"] == glud.get_absolute_url()


def test_the_csp_allows_the_tile_host_only_as_an_image_source():
    assert tile_source("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png") == (
        "https://*.tile.openstreetmap.org")
    assert tile_source("https://data.kortforsyning.dk/wmts/{z}/{x}/{y}") == (
        "https://data.kortforsyning.dk")
    assert tile_source("http://localhost:8123/tiles/{z}/{x}/{y}.png") == "http://localhost:8123"


def test_the_csp_names_no_tile_host_without_tiles(client):
    directives = csp_directives(client.get(reverse("areas:directory")))

    assert directives["img-src"] == ["'self'", "data:"]


# --- bounded: the query count and the size at many areas -------------------------------------


def _outline(n: int, per_row: int = 60) -> dict:
    """A detailed outline (about 400 points, as a parish from DAGI) of a cell in a grid."""
    west, south = 9.4 + (n % per_row) * 0.01, 55.6 + (n // per_row) * 0.006
    ring = [(west + 0.01 * (0.5 + 0.5 * math.cos(a)), south + 0.006 * (0.5 + 0.5 * math.sin(a)))
            for a in (i * 2 * math.pi / 400 for i in range(400))]
    return {"type": "MultiPolygon", "coordinates": simplify([[ring + ring[:1]]])}


def build_map_areas(count: int) -> None:
    areas = []
    for n in range(count):
        area = LocalArea(name=f"Område {n:04d}", slug=f"omraade-{n:04d}",
                         boundary=_outline(n) if n % 3 else None,
                         latitude=None if n % 3 else 55.7, longitude=None if n % 3 else 9.5 + n / 1e4)
        area.sort_name = danish_sort_key(area.name)
        areas.append(area)
    LocalArea.objects.bulk_create(areas)


# The directory's version; when its content of that version is not kept yet: count, the page
# of areas, their active assignments, the map's version, and the map's areas only when the map
# of that version is not in the cache yet
MAP_DIRECTORY_ANONYMOUS = 5
DIRECTORY_KEPT = 1  # the directory's version: its content, the map's summary in it, is kept
# the map's version; its areas only when the map of that version is not in the cache yet
MAP_RESOURCE = 1


@pytest.mark.parametrize("count", [30, 600])
def test_the_map_costs_the_same_queries_at_any_size(client, count, django_assert_num_queries):
    build_map_areas(count)

    with django_assert_num_queries(MAP_DIRECTORY_ANONYMOUS + 1):
        first = client.get(reverse("areas:directory")).content.decode()
    with django_assert_num_queries(DIRECTORY_KEPT):
        again = client.get(reverse("areas:directory")).content.decode()
    with django_assert_num_queries(MAP_DIRECTORY_ANONYMOUS):  # a page the cache does not hold
        client.get(reverse("areas:directory"), {"side": "2"})
    with django_assert_num_queries(MAP_RESOURCE):
        svg = client.get(map_url(again)).content.decode()

    assert map_url(first) == map_url(again)
    assert svg.count("coverage-map__outline") == count - (count + 2) // 3
    assert len(svg_links(svg)) == count


def test_the_map_is_drawn_again_as_soon_as_an_area_or_its_contact_changes(glud):
    client = english_client()
    url = reverse("areas:directory")
    assert svg_links(with_map(client, url)) == {
        "Glud: no local contact yet": glud.get_absolute_url()}

    assignment = AssignmentFactory(area=glud)
    assert list(svg_links(with_map(client, url))) == ["Glud: has a local contact"]

    glud.name = "Glud Strand"
    glud.save()
    assert list(svg_links(with_map(client, url))) == [
        "Glud Strand: has a local contact"]

    assignment.delete()
    assert list(svg_links(with_map(client, url))) == [
        "Glud Strand: no local contact yet"]


def test_the_cached_map_is_kept_per_language_and_mode(glud):
    url = reverse("areas:directory")
    for _ in range(2):
        assert list(svg_links(with_map(english_client(), url))) == [
            "Glud: no local contact yet"]
        assert list(svg_links(with_map(Client(), url))) == [
            "Glud: ingen lokalkontakt endnu"]
        assert list(svg_links(with_map(english_client(), url, {"kort": "svar"}))) == [
            "Glud: not answered"]


def test_the_map_of_3000_outlined_areas_is_its_own_small_resource_not_in_the_page(client):
    build_map_areas(3000)

    started = time.perf_counter()
    html = client.get(reverse("areas:directory")).content.decode()
    page_seconds = time.perf_counter() - started
    svg = client.get(map_url(html)).content.decode()

    print(f"3,000 areas: page {len(html.encode()) / 1e3:.0f} kB in {page_seconds:.2f} s, "
          f"SVG {len(svg.encode()) / 1e6:.2f} MB")
    shown = html.split('id="map"')[1].split("</section>")[0]
    assert "coverage-map__outline" not in html and "omraade-" not in shown
    assert len(html.encode()) < 60_000
    assert len(svg.encode()) < 1_500_000
    assert svg.count("<a href=") == 3000
