# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage map as its own resource: the pages show the SVG in a frame from a URL that
names the map's version, which the browser keeps for a year (strong ETag, 304, gzip); a URL of
an older version is sent on to the current one; the coordinator's map is the coordinator's."""

import gzip
import json
from html import unescape

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from tests.areas.conftest import english_client
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.areas.test_map import SQUARE, map_url, svg_links
from tests.permissions import csp_directives

pytestmark = pytest.mark.django_db

YEAR = "max-age=31536000"


@pytest.fixture
def glud():
    return LocalAreaFactory(name="Glud", latitude="55.74", longitude="9.80", boundary=SQUARE)


def current_map_url(client, page: str = "areas:directory", params=None) -> str:
    return map_url(client.get(reverse(page), params).content.decode())


def test_the_page_frames_the_map_and_no_longer_holds_its_outlines(glud):
    html = english_client().get(reverse("areas:directory")).content.decode()

    assert '<iframe class="coverage-map__frame coverage-map__frame--h' in html
    assert 'src="/omraader/kort.svg?v=' in html
    assert 'title="Map of the local areas"' in html
    assert "coverage-map__outline" not in html and "Glud: no local contact yet" not in html
    assert "No local contact yet (1)" in html  # the legend stays on the page


def test_the_frame_is_as_high_as_the_map_at_any_width(glud):
    """A narrow screen shows the frame as high as the map drawn at its width, not 600 px wide's
    height with blank room around the map (the class sets the aspect ratio; map.css)."""
    from lokalkontakt.areas.maps import CoverageMap
    from lokalkontakt.areas.views.maps import map_context  # noqa: F401 - the page's drawing

    assert CoverageMap(mode="coverage", width=600, height=390).height_percent == 65
    assert CoverageMap(mode="coverage", width=600, height=2000).height_percent == 150
    assert CoverageMap(mode="coverage", width=600, height=1).height_percent == 5
    html = english_client().get(reverse("areas:directory")).content.decode()
    percent = html.split("coverage-map__frame--h", 1)[1].split('"', 1)[0]
    css = (settings.BASE_DIR / "static/css/map.css").read_text()
    assert f".coverage-map__frame--h{percent} {{ aspect-ratio: 100 / {percent}; }}" in css


def test_the_map_is_an_svg_document_whose_links_open_the_area_in_the_whole_window(glud):
    client = english_client()
    response = client.get(current_map_url(client))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    svg = response.content.decode()
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert '<?xml-stylesheet type="text/css" href="/static/css/map-svg.css"?>' in svg
    assert '<title id="map-title">Map of the local areas</title>' in svg
    assert 'id="map-fill-uncovered"' in svg and "coverage-map__outline" in svg
    assert svg_links(svg) == {"Glud: no local contact yet": glud.get_absolute_url()}


def test_the_map_is_kept_a_year_under_a_strong_etag_and_not_sent_again(glud):
    client = english_client()
    url = current_map_url(client)

    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Cache-Control"] == f"public, {YEAR}, immutable"
    assert first["ETag"].startswith('"') and not first["ETag"].startswith("W/")
    assert "Accept-Encoding" in first["Vary"]
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_head_request_gets_the_maps_headers_as_a_get_would(glud):
    """A cache or link checker asks with HEAD: it gets 200 and the same validators, not 405."""
    client = english_client()
    url = current_map_url(client)

    got, head = client.get(url), client.head(url)

    assert head.status_code == 200
    assert head["ETag"] == got["ETag"] and head["Cache-Control"] == got["Cache-Control"]
    assert head["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert client.post(url).status_code == 405


def test_the_map_is_gzipped_for_a_browser_that_takes_it(glud):
    client = english_client()
    url = current_map_url(client)

    plain = client.get(url)
    zipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert zipped["ETag"] == plain["ETag"][:-1] + '-gz"'
    assert client.get(url, HTTP_IF_NONE_MATCH=zipped["ETag"]).status_code == 304


def test_a_changed_area_gives_the_map_a_new_url_and_the_old_url_shows_the_new_map(glud):
    """Not a redirect: two processes whose caches briefly disagree would send the frame back
    and forth (found in review); the old URL's answer is not kept."""
    client = english_client()
    old = current_map_url(client)

    AssignmentFactory(area=glud)
    new = current_map_url(client)
    response = client.get(old)

    assert new != old
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, no-cache"
    assert svg_links(response.content.decode()) == {
        "Glud: has a local contact": glud.get_absolute_url()}
    assert YEAR in client.get(new)["Cache-Control"]


def test_a_url_without_a_version_leads_to_the_current_map(glud):
    response = english_client().get(reverse("areas:map_svg"), {"kort": "svar", "sprog": "da"})

    assert response.status_code == 302
    assert response["Location"].startswith("/omraader/kort.svg?v=")
    assert response["Location"].endswith("&sprog=da&kort=svar")


def test_the_map_is_in_the_pages_language_and_mode(glud):
    danish, english = Client(), english_client()

    assert list(svg_links(danish.get(current_map_url(danish)).content.decode())) == [
        "Glud: ingen lokalkontakt endnu"]
    answer_url = current_map_url(english, params={"kort": "svar"})
    assert "kort=svar" in answer_url and "sprog=en" in answer_url
    assert list(svg_links(danish.get(answer_url).content.decode())) == ["Glud: not answered"]


def test_only_the_map_may_be_framed_and_only_by_this_site(glud):
    client = english_client()
    page = client.get(reverse("areas:directory"))
    svg = client.get(current_map_url(client))

    assert csp_directives(svg)["frame-ancestors"] == ["'self'"]
    assert csp_directives(svg)["script-src"] == ["'none'"]
    assert svg["X-Frame-Options"] == "SAMEORIGIN"
    assert csp_directives(page)["frame-ancestors"] == ["'none'"]
    assert csp_directives(page)["object-src"] == ["'none'"]
    assert page["X-Frame-Options"] == "DENY"


def test_the_coordinators_map_is_the_coordinators_alone_and_never_stored(glud, coordinator,
                                                                         colleague):
    client = english_client(coordinator)
    url = current_map_url(client, "coordination:map")
    response = client.get(url)

    assert url.startswith("/koordinering/kort.svg?v=")
    assert list(svg_links(response.content.decode())) == ["Glud: without contact"]
    # as every response to a signed-in user (core.sessions): not stored by the browser
    assert response["Cache-Control"] == f"private, {YEAR}, immutable, no-store"
    assert english_client(colleague).get(url).status_code == 403
    assert Client().get(url).status_code == 302  # to the login
    assert Client().get(url)["Location"].startswith(reverse("login"))


def test_without_tiles_there_is_no_geojson(glud):
    assert english_client().get(reverse("areas:map_geojson")).status_code == 404


@override_settings(MAP_TILE_URL="https://{s}.tiles.example.dk/{z}/{x}/{y}.png")
def test_with_tiles_the_geojson_is_a_versioned_resource_too(glud):
    client = english_client()
    html = client.get(reverse("areas:directory")).content.decode()
    url = unescape(html.split('data-geojson="')[1].split('"')[0])

    response = client.get(url)

    assert url.startswith("/omraader/kort.geojson?v=")
    assert response["Cache-Control"] == f"public, {YEAR}, immutable"
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    features = json.loads(response.content)["features"]
    assert [f["properties"]["label"] for f in features] == ["Glud: no local contact yet"]
    assert "coverage-map-data" not in html and '"FeatureCollection"' not in html
