# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Cross-origin reads (CORS), over real HTTP to the live server: the municipality's website
(API_CORS_ORIGINS) may read the public endpoints from a visitor's browser; another website may
not; and no website may send an API key from a browser (the preflight does not allow the
Authorization header)."""

import http.client
from urllib.parse import urlsplit

import pytest

from tests.areas.factories import LocalAreaFactory

pytestmark = pytest.mark.django_db(transaction=True)

OURS = "https://www.hedensted.dk"
FOREIGN = "https://evil.example"
PUBLIC = ["/api/v1/areas/", "/api/v1/areas/glud/", "/api/v1/focus-areas/"]


@pytest.fixture
def server(live_server, settings):
    settings.CORS_ALLOWED_ORIGINS = [OURS]
    LocalAreaFactory(name="Glud")
    return urlsplit(live_server.url)


def call(server, method: str, path: str, headers: dict) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(server.hostname, server.port, timeout=10)
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


def preflight(server, path: str, origin: str, *, method="GET", headers="accept-language"):
    return call(server, "OPTIONS", path, {"Origin": origin,
                                         "Access-Control-Request-Method": method,
                                         "Access-Control-Request-Headers": headers})


@pytest.mark.parametrize("path", PUBLIC)
def test_the_municipalitys_website_may_read_the_public_endpoints(server, path):
    response = call(server, "GET", path, {"Origin": OURS, "Accept-Language": "da"})

    assert response.status == 200
    assert response.getheader("Access-Control-Allow-Origin") == OURS
    assert response.getheader("Access-Control-Allow-Credentials") is None
    assert "origin" in response.getheader("Vary").lower()  # a shared cache keeps them apart


@pytest.mark.parametrize("path", PUBLIC)
def test_the_preflight_allows_the_municipalitys_website_to_get(server, path):
    response = preflight(server, path, OURS)

    assert response.status == 200
    assert response.getheader("Access-Control-Allow-Origin") == OURS
    assert "GET" in response.getheader("Access-Control-Allow-Methods").split(", ")
    assert "accept-language" in response.getheader("Access-Control-Allow-Headers").split(", ")


@pytest.mark.parametrize("path", PUBLIC)
def test_another_website_is_not_allowed(server, path):
    read = call(server, "GET", path, {"Origin": FOREIGN})
    asked = preflight(server, path, FOREIGN)

    assert read.status == 200  # the browser, not the server, withholds the answer from the script
    assert read.getheader("Access-Control-Allow-Origin") is None
    assert asked.getheader("Access-Control-Allow-Origin") is None


@pytest.mark.parametrize("path", ["/api/v1/key/", "/api/v1/areas/"])
def test_no_website_may_send_an_api_key_from_a_browser(server, path):
    response = preflight(server, path, OURS, headers="authorization")

    allowed = response.getheader("Access-Control-Allow-Headers", "").split(", ")
    assert "authorization" not in allowed


def test_no_website_may_write_from_a_browser(server):
    response = preflight(server, "/api/v1/areas/", OURS, method="POST", headers="content-type")

    allowed = response.getheader("Access-Control-Allow-Methods", "").split(", ")
    assert "POST" not in allowed
    assert "content-type" not in response.getheader("Access-Control-Allow-Headers", "").split(", ")


def test_without_configured_origins_no_website_is_allowed(server, settings):
    settings.CORS_ALLOWED_ORIGINS = []

    response = call(server, "GET", "/api/v1/areas/", {"Origin": OURS})

    assert response.status == 200
    assert response.getheader("Access-Control-Allow-Origin") is None


def test_the_pages_outside_the_api_send_no_cors_headers(server):
    response = call(server, "GET", "/omraader/", {"Origin": OURS})

    assert response.status == 200
    assert response.getheader("Access-Control-Allow-Origin") is None
