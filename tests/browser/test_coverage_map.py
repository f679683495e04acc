# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage map in Chromium: points and outlines, reached and followed by keyboard alone,
axe clean; and over tiles (MAP_TILE_URL) from a local tile server, with no CSP violation."""

import base64
import http.server
import threading

import pytest
from django.urls import reverse

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.config.settings.security import tile_source
from tests.browser.helpers import expect, log_in, screenshot, t
from tests.browser.test_accessibility import assert_accessible, csp_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
                       "hKmMIQAAAABJRU5ErkJggg==")


def tab_to_map_link(page, limit: int = 80) -> str:
    """Press Tab until an area's link on the map (in the map's frame, or on Leaflet's map) has
    the focus; its accessible name."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate("""() => { let a = document.activeElement;
            if (a && a.tagName.toLowerCase() === 'iframe') { a = a.contentDocument.activeElement; }
            return a && a.closest('.coverage-map__svg, .coverage-map__leaflet')
                && a.tagName.toLowerCase() === 'a' ? a.getAttribute('aria-label') : null; }""")
        if label:
            return label
    raise AssertionError("no area link on the map was reached with Tab")


def test_an_area_on_the_map_is_reached_and_followed_by_keyboard(page, hedensted):
    page.goto(reverse("areas:directory"))

    label = tab_to_map_link(page)
    page.keyboard.press("Enter")

    area = LocalArea.objects.get(name=label.split(":")[0])
    expect(page).to_have_url(f"{page.url.split('/omraader/')[0]}{area.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(area.name)


def test_without_javascript_a_click_on_an_outline_opens_the_area(new_page, hedensted):
    LocalArea.objects.filter(name="Hedensted").update(boundary={"type": "MultiPolygon", "coordinates": [
        [[[9.66, 55.75], [9.74, 55.75], [9.74, 55.80], [9.66, 55.80], [9.66, 55.75]]]]})
    page = new_page(javascript=False)
    page.goto(reverse("areas:directory"))

    page.frame_locator(".coverage-map__frame").get_by_role(
        "link", name=f"Hedensted: {t('Has a local contact').lower()}").click()

    area = LocalArea.objects.get(name="Hedensted")
    expect(page).to_have_url(f"{page.url.split('/omraader/')[0]}{area.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hedensted")


def test_the_map_with_points_is_accessible(page, hedensted):
    page.goto(reverse("areas:directory"))

    the_map = page.frame_locator(".coverage-map__frame")
    expect(the_map.get_by_role("link", name=f"Hedensted: {t('Has a local contact').lower()}")).to_be_visible()
    screenshot(page, "coverage-map-points")
    assert_accessible(page)


def test_the_map_with_outlines_is_accessible_and_coloured_by_answer(page, hedensted):
    LocalArea.objects.filter(name="Hedensted").update(boundary={"type": "MultiPolygon", "coordinates": [
        [[[9.66, 55.75], [9.74, 55.75], [9.74, 55.80], [9.66, 55.80], [9.66, 55.75]]]]})
    page.goto(reverse("areas:directory") + "?kort=svar")

    the_map = page.frame_locator(".coverage-map__frame")
    link = the_map.get_by_role("link", name=f"Hedensted: {t('Interested').lower()}")
    expect(link).to_be_visible()
    assert the_map.locator(".coverage-map__svg .coverage-map__outline").count() == 1
    assert_accessible(page)


def test_the_coordinators_overview_map_is_accessible(page, hedensted):
    log_in(page, "koordinator")
    page.goto(reverse("coordination:overview"))
    page.get_by_role("link", name=t("Map of the local areas")).click()

    expect(page.get_by_role("heading", name=t("Map of the local areas"))).to_be_visible()
    assert_accessible(page)


@pytest.fixture
def tile_server():
    """A tile server on another origin (localhost, not the live server's 127.0.0.1) that answers
    every request with a 1-pixel PNG and counts them."""
    requests = []

    class Tiles(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PNG)))
            self.end_headers()
            self.wfile.write(PNG)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.requests = requests
    server.url = f"http://localhost:{server.server_port}/{{z}}/{{x}}/{{y}}.png"
    yield server
    server.shutdown()


def test_with_tiles_leaflet_draws_the_areas_over_them_without_csp_violations(
        page, hedensted, tile_server, settings):
    settings.MAP_TILE_URL = tile_server.url
    settings.MAP_TILE_ATTRIBUTION = "Testkort"
    policy = {**settings.CONTENT_SECURITY_POLICY}
    policy["DIRECTIVES"] = {**policy["DIRECTIVES"],
                            "img-src": [*policy["DIRECTIVES"]["img-src"], tile_source(tile_server.url)]}
    settings.CONTENT_SECURITY_POLICY = policy

    page.goto(reverse("areas:directory"))

    expect(page.locator(".coverage-map__leaflet .leaflet-tile-loaded").first).to_be_attached()
    assert tile_server.requests
    expect(page.locator(".coverage-map__canvas")).to_be_hidden()
    expect(page.get_by_text("Testkort")).to_be_visible()
    label = tab_to_map_link(page)
    assert ":" in label
    screenshot(page, "coverage-map-tiles")
    assert not csp_problems(page), csp_problems(page)
